import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureOptions } from '../../app.ts';
import { presentUser, toActor } from '../../access/actor.ts';
import { verifyPassword } from '../../access/passwords.ts';
import { recordEvent } from '../../audit/record.ts';
import { AppError } from '../../http/app-error.ts';
import { hashToken, newSessionToken, requireActor, SESSION_COOKIE } from '../../http/auth.ts';
import { issueCsrfToken } from '../../http/csrf.ts';
import { errorResponses } from '../../http/validate.ts';
import { findUserByUsername, insertSession, revokeSession } from './auth.queries.ts';

const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  authorityId: z.number().nullable(),
  clusterId: z.number().nullable(),
  unitId: z.number().nullable(),
  year: z.number().nullable(),
  canEdit: z.boolean(),
});
const sessionSchema = z.object({ user: userSchema, csrfToken: z.string() });

export const authRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, { db, config }) => {
  app.post(
    '/login',
    {
      config: { rateLimit: { max: config.loginRateLimitMax, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) }),
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await findUserByUsername(db, username);
      if (!(await verifyPassword(user?.password_hash, password)) || !user) throw new AppError('INVALID_CREDENTIALS');
      const token = newSessionToken();
      const tokenHash = hashToken(token);
      const expiresAt = new Date(Date.now() + config.sessionTtlHours * 3_600_000);
      await db.transaction().execute(async (tx) => {
        await insertSession(tx, tokenHash, user.id, expiresAt);
        await recordEvent(
          tx,
          { id: user.id, name: user.username, authorityId: user.authority_id },
          { type: 'USER_SIGNED_IN', entityType: 'user', entityId: user.id, data: {} },
        );
      });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        expires: expiresAt,
      });
      const actor = await toActor(db, user);
      return { user: presentUser(actor), csrfToken: issueCsrfToken(reply, tokenHash) };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; revokes the session', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await db.transaction().execute(async (tx) => {
        await revokeSession(tx, request.sessionTokenHash!);
        await recordEvent(
          tx,
          { id: actor.id, name: actor.username, authorityId: actor.authorityId },
          { type: 'USER_SIGNED_OUT', entityType: 'user', entityId: actor.id, data: {} },
        );
      });
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user and a CSRF token', response: { 200: sessionSchema, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      return { user: presentUser(actor), csrfToken: issueCsrfToken(reply, request.sessionTokenHash!) };
    },
  );
};
