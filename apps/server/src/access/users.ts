import type { Role } from '@thidua/domain';
import type { TxContext } from '../db/transaction.ts';
import { hashPassword } from './passwords.ts';

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: Role;
  authorityId?: number | null;
  clusterId?: number | null;
  unitId?: number | null;
  year?: number | null;
}

export async function createUser(ctx: TxContext, u: NewUser): Promise<number> {
  const row = await ctx.tx
    .insertInto('app_user')
    .values({
      username: u.username,
      display_name: u.displayName,
      password_hash: await hashPassword(u.password),
      role: u.role,
      authority_id: u.authorityId ?? null,
      cluster_id: u.clusterId ?? null,
      unit_id: u.unitId ?? null,
      year: u.year ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit(
    { type: 'USER_CREATED', entityType: 'user', entityId: row.id, data: { username: u.username, role: u.role } },
    u.authorityId ?? null,
  );
  return row.id;
}

/** Ends every open session of an account (all but `except`); returns how many. */
export async function endSessions(ctx: TxContext, userId: number, except?: string): Promise<number> {
  let q = ctx.tx.updateTable('user_session').set({ revoked_at: ctx.now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except) q = q.where('token_hash', '<>', except);
  return Number((await q.executeTakeFirst()).numUpdatedRows);
}
