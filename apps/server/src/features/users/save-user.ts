import type { TxContext } from '../../db/transaction.ts';
import type { z } from 'zod';
import { requiredScopeFields, type Role } from '@thidua/domain';
import { hashResetCode, newResetCode, NO_PASSWORD } from '../../access/reset-codes.ts';
import { createUser, endSessions } from '../../access/users.ts';
import { diff } from '../../audit/events.ts';
import type { Tx } from '../../db/client.ts';
import { fieldError } from '../../http/app-error.ts';
import { authorizeUser, authorizeUserCreation } from './users.policy.ts';
import type { createUserBody, updateUserBody } from '@thidua/contracts/users.ts';

async function checkScopeFields(tx: Tx, input: z.infer<typeof createUserBody>): Promise<void> {
  for (const field of requiredScopeFields(input.role as Role)) {
    if (input[field] === undefined || input[field] === null) throw fieldError(field, 'VALIDATION_FAILED', 'required');
  }
  if (input.clusterId) {
    const c = await tx.selectFrom('cluster').select('authority_id').where('id', '=', input.clusterId).executeTakeFirst();
    if (!c || c.authority_id !== input.authorityId)
      throw fieldError('clusterId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.clusterId });
  }
  if (input.unitId) {
    const u = await tx.selectFrom('unit').select('authority_id').where('id', '=', input.unitId).executeTakeFirst();
    if (!u || u.authority_id !== input.authorityId)
      throw fieldError('unitId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.unitId });
  }
  if (input.authorityId && !(await tx.selectFrom('authority').select('id').where('id', '=', input.authorityId).executeTakeFirst())) {
    throw fieldError('authorityId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.authorityId });
  }
}

export async function createAccount(ctx: TxContext, input: z.infer<typeof createUserBody>): Promise<number> {
  const { tx, actor } = ctx;
  authorizeUserCreation(actor, input.role as Role, input.authorityId ?? null);
  const scoped = input.role === 'SYSTEM_ADMIN' ? { ...input, authorityId: null, clusterId: null, unitId: null, year: null } : input;
  await checkScopeFields(tx, scoped);
  if (await tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst())
    throw fieldError('username', 'CONFLICT', 'username_taken', { username: input.username });
  return createUser(ctx, { ...scoped, role: scoped.role as Role });
}

export async function updateAccount(ctx: TxContext, id: number, input: z.infer<typeof updateUserBody>): Promise<void> {
  const { tx, actor } = ctx;
  const before = await tx
    .selectFrom('app_user')
    .select(['id', 'authority_id', 'role', 'display_name', 'disabled'])
    .where('id', '=', id)
    .executeTakeFirst();
  authorizeUser(actor, before, id, 'update');
  if (id === actor.id && input.disabled) throw fieldError('disabled', 'CONFLICT', 'cannot_disable_self');
  const values = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
  };
  if (Object.keys(values).length) await tx.updateTable('app_user').set(values).where('id', '=', id).execute();
  // a disabled account's sessions end
  if (input.disabled) await endSessions(ctx, id);
  const changes = diff(before as Record<string, unknown>, { display_name: values.display_name, disabled: values.disabled });
  ctx.audit({ type: 'USER_UPDATED', entityType: 'user', entityId: id, data: { changes } }, before.authority_id);
}

/**
 * Resetting another account's password never hands the resetter a password: the old one stops working, every
 * session ends, and a one-time code (shown once, stored hashed) lets the owner choose a new one at sign-in.
 */
export async function issuePasswordReset(ctx: TxContext, id: number, ttlHours: number): Promise<{ code: string; expiresAt: Date }> {
  const { tx, actor } = ctx;
  const target = await tx.selectFrom('app_user').select(['id', 'authority_id', 'role']).where('id', '=', id).executeTakeFirst();
  authorizeUser(actor, target, id, 'resetPassword');
  const code = newResetCode();
  const expiresAt = new Date(ctx.now.getTime() + ttlHours * 3_600_000);
  await tx
    .updateTable('app_user')
    .set({ password_hash: NO_PASSWORD, reset_code_hash: hashResetCode(code), reset_expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
  const sessions = await endSessions(ctx, id);
  ctx.audit(
    { type: 'USER_PASSWORD_RESET', entityType: 'user', entityId: id, data: { expiresAt: expiresAt.toISOString(), sessions } },
    target.authority_id,
  );
  return { code, expiresAt };
}

export async function revokeSessions(ctx: TxContext, id: number): Promise<void> {
  const { tx, actor } = ctx;
  const target = await tx.selectFrom('app_user').select(['id', 'authority_id', 'role']).where('id', '=', id).executeTakeFirst();
  authorizeUser(actor, target, id, 'revokeSessions');
  const sessions = await endSessions(ctx, id);
  ctx.audit({ type: 'USER_SESSIONS_REVOKED', entityType: 'user', entityId: id, data: { sessions } }, target.authority_id);
}
