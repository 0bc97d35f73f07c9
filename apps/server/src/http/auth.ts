import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import { toActor, type Actor } from '../access/actor.ts';
import { ActorCache, registerActorCache } from '../access/actor-cache.ts';
import { AppError } from './app-error.ts';

export const SESSION_COOKIE = 'thidua_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
  }
}

export const newSessionToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Resolves the session cookie to an actor on every request; unknown, expired or revoked sessions are anonymous. */
export function installSessionResolver(app: FastifyInstance, db: Db, clock: Clock): ActorCache {
  const cache = new ActorCache();
  const unregister = registerActorCache(db, cache);
  app.addHook('onClose', async () => unregister());
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionTokenHash', null);
  app.addHook('onRequest', async (request) => {
    await resolveSession(request);
    // authentication comes before validation: an anonymous caller learns nothing, not even which fields are wrong
    const path = request.url.split('?')[0]!;
    if (
      !request.actor &&
      path.startsWith('/api/v1/') &&
      !path.startsWith('/api/v1/public/') &&
      !PUBLIC_ROUTES.has(`${request.method} ${path}`)
    ) {
      throw new AppError('UNAUTHENTICATED');
    }
  });
  async function resolveSession(request: FastifyRequest) {
    const token = request.cookies[SESSION_COOKIE];
    if (!token || token.length > 200) return;
    const tokenHash = hashToken(token);
    const now = clock.now();
    const known = cache.get(tokenHash, now.getTime());
    if (known) {
      request.sessionTokenHash = tokenHash;
      request.actor = known;
      return;
    }
    const generation = cache.begin();
    const row = await db
      .selectFrom('user_session')
      .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
      .selectAll('app_user')
      .select('user_session.expires_at as session_expires_at')
      .where('user_session.token_hash', '=', tokenHash)
      .where('user_session.revoked_at', 'is', null)
      .where('user_session.expires_at', '>', now)
      .where('app_user.disabled', '=', false)
      .executeTakeFirst();
    if (!row) return;
    const { session_expires_at: expiresAt, ...user } = row;
    request.sessionTokenHash = tokenHash;
    request.actor = await toActor(db, user);
    cache.set(tokenHash, request.actor, new Date(expiresAt).getTime(), generation);
  }
  return cache;
}

/** Reached without signing in, besides everything under `/api/v1/public/` (the verification of issued documents). */
const PUBLIC_ROUTES = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/password-reset']);

export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('UNAUTHENTICATED');
  return request.actor;
}
