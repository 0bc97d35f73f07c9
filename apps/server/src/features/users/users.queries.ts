import { sql } from 'kysely';
import type { Db, Tx } from '../../db/client.ts';

const columns = [
  'app_user.id',
  'app_user.username',
  'app_user.display_name',
  'app_user.role',
  'app_user.authority_id',
  'app_user.cluster_id',
  'app_user.unit_id',
  'app_user.year',
  'app_user.disabled',
  sql<number>`(select count(*) from user_session s where s.user_id = app_user.id and s.revoked_at is null and s.expires_at > now())`.as(
    'active_sessions',
  ),
] as const;

export async function listUsers(db: Db, authorityId: number | null, f: { q?: string; page: number; pageSize: number }) {
  let qb = db.selectFrom('app_user');
  if (authorityId !== null) qb = qb.where('app_user.authority_id', '=', authorityId);
  if (f.q) qb = qb.where((eb) => eb.or([eb('app_user.username', 'ilike', `%${f.q}%`), eb('app_user.display_name', 'ilike', `%${f.q}%`)]));
  const { total } = await qb.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const rows = await qb
    .select(columns)
    // by username, as an officer looks an account up (and finds one just created on the first page)
    .orderBy('app_user.username')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export const findUser = (db: Db | Tx, id: number) =>
  db.selectFrom('app_user').select(columns).where('app_user.id', '=', id).executeTakeFirst();
export type UserListRow = NonNullable<Awaited<ReturnType<typeof findUser>>>;
