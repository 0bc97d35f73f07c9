import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite names every built asset by its content's hash: a changed file is a new URL, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app from `webDir`: the `.br` or `.gz` file written beside each asset at build time when the
 * browser accepts it, hashed assets (`/assets/…`) cached for a year, the app shell (index.html) revalidated at every
 * visit so a new release is picked up. Client-side routes fall back to the app shell; unknown API paths and missing
 * assets stay 404. Assets are looked up on disk per request (one route, no listing of the directory at start).
 */
export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: join(webDir, 'assets'),
    prefix: '/assets/',
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      const [top] = relative(webDir, path).split(sep);
      res.setHeader('cache-control', top === 'assets' ? IMMUTABLE : 'no-cache');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  // the few files beside index.html (none today; a favicon, robots.txt …) are served as they are
  const topFiles = new Set(
    readdirSync(webDir, { withFileTypes: true })
      .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !/\.(br|gz)$/.test(entry.name))
      .map((entry) => entry.name),
  );
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/')) return reply.callNotFound();
    const name = request.url.slice(1).split(/[?#]/)[0]!;
    return reply.sendFile(topFiles.has(name) ? name : 'index.html', webDir);
  });
}
