import { randomBytes } from 'node:crypto';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Db } from '../db/client.ts';
import { AppError } from './app-error.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

async function csrfKey(db: Db): Promise<string> {
  await db
    .insertInto('app_secret')
    .values({ name: 'csrf-hmac', value: randomBytes(32).toString('base64') })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('app_secret').select('value').where('name', '=', 'csrf-hmac').executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Double-submit tokens bound to the session: a signed-in request that changes state must carry `x-csrf-token`.
 * Login needs none (it has no session yet); its answer hands out the first token.
 */
export async function installCsrf(app: FastifyInstance, db: Db): Promise<void> {
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', signed: false },
    csrfOpts: { hmacKey: await csrfKey(db), userInfo: true },
    getUserInfo: (req) => req.sessionTokenHash ?? '',
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method) || !request.actor) return done();
    app.csrfProtection(request, reply, (error?: Error) => done(error ? new AppError('CSRF_INVALID') : undefined));
  });
}

export function issueCsrfToken(reply: FastifyReply, sessionTokenHash: string): string {
  return reply.generateCsrf({ userInfo: sessionTokenHash });
}
