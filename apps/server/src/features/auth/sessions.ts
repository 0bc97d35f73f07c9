import type { TxContext } from '../../db/transaction.ts';
import { insertSession, revokeSession } from './auth.queries.ts';

/** Opens a session for the signed-in actor; returns when it expires. */
export async function startSession(ctx: TxContext, input: { tokenHash: string; ttlHours: number }): Promise<Date> {
  const expiresAt = new Date(ctx.now.getTime() + input.ttlHours * 3_600_000);
  await insertSession(ctx.tx, input.tokenHash, ctx.actor.id, expiresAt);
  ctx.audit({ type: 'USER_SIGNED_IN', entityType: 'user', entityId: ctx.actor.id, data: {} });
  return expiresAt;
}

export async function endSession(ctx: TxContext, tokenHash: string): Promise<void> {
  await revokeSession(ctx.tx, tokenHash, ctx.now);
  ctx.audit({ type: 'USER_SIGNED_OUT', entityType: 'user', entityId: ctx.actor.id, data: {} });
}
