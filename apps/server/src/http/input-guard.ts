import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

/**
 * Text the database cannot hold is refused at the edge, naming where it is: PostgreSQL text has no NUL character,
 * and a body that is not UTF-8 would be stored as mojibake. Both answer 400, never 500, and nothing is written.
 */
export function installInputGuard(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) return done(new AppError('VALIDATION_FAILED', {}, [{ path: '(body)', key: 'invalid_utf8' }]), undefined);
    // the default parser answers through done (it is also callable as a promise; nothing waits on that)
    void parseJson(request, bytes.toString('utf8'), done);
  });
  app.addHook('preValidation', async (request) => {
    const where = findNul(request.params, 'params') ?? findNul(request.query, 'query') ?? findNul(request.body, '');
    if (where !== null) throw new AppError('VALIDATION_FAILED', {}, [{ path: where || '(body)', key: 'nul_character' }]);
  });
}

/** The path of the first string (or key) holding a NUL character, or null. */
export function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // raw bodies (the eligibility check parses its own, in a worker) are checked where they are parsed
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  for (const [key, v] of entries) {
    const here = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return here;
    const found = findNul(v, here);
    if (found !== null) return found;
  }
  return null;
}
