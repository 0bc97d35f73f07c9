import { relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Vite names every built asset by its content's hash: a changed file is a new URL, so a copy never goes stale. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the built web app from `webDir`: the `.br` or `.gz` file written beside each asset at build time when the
 * browser accepts it, hashed assets cached for a year, the app shell (index.html) revalidated at every visit so a new
 * release is picked up. Client-side routes fall back to the app shell; unknown API paths and missing assets stay 404.
 */
export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders(res, path) {
      const [top] = relative(webDir, path).split(sep);
      res.setHeader('cache-control', top === 'assets' ? IMMUTABLE : 'no-cache');
      res.setHeader('vary', 'accept-encoding');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/assets/')) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
