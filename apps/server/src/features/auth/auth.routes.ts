import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { presentUser, toActor } from '../../access/actor.ts';
import { verifyPassword } from '../../access/passwords.ts';
import { execute } from '../../db/transaction.ts';
import { AppError } from '../../http/app-error.ts';
import { hashToken, newSessionToken, requireActor, SESSION_COOKIE } from '../../http/auth.ts';
import { issueCsrfToken } from '../../http/csrf.ts';
import { errorResponses } from '../../http/validate.ts';
import { loginBody, sessionSchema } from '@thidua/contracts/auth.ts';
import { findUserByUsername } from './auth.queries.ts';
import { endSession, startSession } from './sessions.ts';

export const authRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db, config } = rt;
  app.post(
    '/login',
    {
      config: { rateLimit: { max: config.loginRateLimitMax, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie and returns the CSRF token',
        body: loginBody,
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await findUserByUsername(db, username);
      if (!(await verifyPassword(user?.password_hash, password)) || !user) throw new AppError('INVALID_CREDENTIALS');
      const token = newSessionToken();
      const tokenHash = hashToken(token);
      const actor = await toActor(db, user);
      const expiresAt = await execute(rt, actor, (ctx) => startSession(ctx, { tokenHash, ttlHours: config.sessionTtlHours }));
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.cookieSecure,
        expires: expiresAt,
      });
      return { user: presentUser(actor), csrfToken: issueCsrfToken(reply, tokenHash) };
    },
  );

  app.post(
    '/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; revokes the session', response: { 204: z.null(), ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => endSession(ctx, request.sessionTokenHash!));
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
