import type { z } from 'zod';
import type { changePasswordBody } from '@thidua/contracts/auth.ts';
import { hashPassword, verifyPassword } from '../../access/passwords.ts';
import type { TxContext } from '../../db/transaction.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { endSessions } from '../../access/users.ts';

/** The owner of a reset account sets the new password with the one-time code (checked by the caller). */
export async function completePasswordReset(ctx: TxContext, newPassword: string): Promise<void> {
  const id = ctx.actor.id;
  await ctx.tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(newPassword), reset_code_hash: null, reset_expires_at: null })
    .where('id', '=', id)
    .execute();
  await endSessions(ctx, id);
  ctx.audit({ type: 'USER_PASSWORD_CHANGED', entityType: 'user', entityId: id, data: { via: 'reset-code' } });
}

/** A signed-in user changes their own password; their other sessions end. */
export async function changeOwnPassword(
  ctx: TxContext,
  input: z.infer<typeof changePasswordBody>,
  sessionTokenHash: string,
): Promise<void> {
  const id = ctx.actor.id;
  const user = await ctx.tx.selectFrom('app_user').select('password_hash').where('id', '=', id).executeTakeFirst();
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.password_hash, input.currentPassword)))
    throw fieldError('currentPassword', 'VALIDATION_FAILED', 'wrong_password');
  if (input.currentPassword === input.newPassword) throw fieldError('newPassword', 'VALIDATION_FAILED', 'same_password');
  await ctx.tx
    .updateTable('app_user')
    .set({ password_hash: await hashPassword(input.newPassword) })
    .where('id', '=', id)
    .execute();
  await endSessions(ctx, id, sessionTokenHash);
  ctx.audit({ type: 'USER_PASSWORD_CHANGED', entityType: 'user', entityId: id, data: { via: 'self' } });
}
