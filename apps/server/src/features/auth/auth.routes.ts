import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { presentUser, toActor, type Actor } from '../../access/actor.ts';
import { resetCodeMatches } from '../../access/reset-codes.ts';
import { verifyPassword } from '../../access/passwords.ts';
import { execute, type TxContext } from '../../db/transaction.ts';
import { AppError } from '../../http/app-error.ts';
import { hashToken, newSessionToken, requireActor, SESSION_COOKIE } from '../../http/auth.ts';
import { issueCsrfToken } from '../../http/csrf.ts';
import { errorResponses } from '../../http/validate.ts';
import { changePasswordBody, completeResetBody, loginBody, sessionSchema } from '@thidua/contracts/auth.ts';
import { findUserByUsername } from './auth.queries.ts';
import { endSession, startSession } from './sessions.ts';
import { changeOwnPassword, completePasswordReset } from './passwords.ts';

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
      return signIn(reply, await toActor(db, user));
    },
  );

  /** Opens a session for the actor: the cookie, and the answer of a sign-in. */
  async function signIn(reply: FastifyReply, actor: Actor, before?: (ctx: TxContext) => Promise<void>) {
    const token = newSessionToken();
    const tokenHash = hashToken(token);
    const expiresAt = await execute(rt, actor, async (ctx) => {
      await before?.(ctx);
      return startSession(ctx, { tokenHash, ttlHours: config.sessionTtlHours });
    });
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.cookieSecure,
      expires: expiresAt,
    });
    return { user: presentUser(actor), csrfToken: issueCsrfToken(reply, tokenHash) };
  }

  app.post(
    '/password-reset',
    {
      config: { rateLimit: { max: config.loginRateLimitMax, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Choose a new password with the one-time code of a reset, and sign in',
        body: completeResetBody,
        response: { 200: sessionSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { username, code, newPassword } = request.body;
      const user = await findUserByUsername(db, username);
      const valid = user !== undefined && resetCodeMatches(user.reset_code_hash, code) && user.reset_expires_at! > rt.clock.now();
      // the same answer for an unknown account, a wrong code and an expired one
      if (!valid || !user) throw new AppError('INVALID_RESET_CODE');
      return signIn(reply, await toActor(db, user), (ctx) => completePasswordReset(ctx, newPassword));
    },
  );

  app.post(
    '/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; ends one’s other sessions',
        body: changePasswordBody,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => changeOwnPassword(ctx, request.body, request.sessionTokenHash!));
      return reply.status(204).send(null);
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
