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

/**
 * The path of the first string (or key) holding a NUL character, or null. It walks with a stack of its own, not by
 * recursion, and spells a path only for what it finds: JSON nested 100,000 deep is a valid body and must neither
 * overflow the call stack nor build a path at every level.
 */
export function findNul(value: unknown, path: string): string | null {
  interface Node {
    value: unknown;
    key: string;
    parent: Node | null;
  }
  const pathOf = (node: Node): string => {
    const keys: string[] = [];
    for (let n: Node | null = node; n; n = n.parent) keys.push(n.key);
    return keys.reverse().filter(Boolean).join('.');
  };
  const stack: Node[] = [{ value, key: path, parent: null }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.key.includes('\u0000')) return pathOf(node);
    const v = node.value;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return pathOf(node);
      continue;
    }
    // raw bodies (the eligibility check parses its own, in a worker) are checked where they are parsed
    if (v === null || typeof v !== 'object' || ArrayBuffer.isView(v)) continue;
    const entries = Array.isArray(v) ? v.map((item, i) => [String(i), item] as const) : Object.entries(v);
    // pushed last to first, so that what comes first in the document is found first
    for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
  }
  return null;
}
