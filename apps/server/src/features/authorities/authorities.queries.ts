import { sql } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import { wordPatterns } from '../../lib/search-key.ts';

export async function listAuthorities(db: Db, scope: Scope, f: { q?: string; kind?: string; page: number; pageSize: number }) {
  let qb = db.selectFrom('authority');
  if (scope.kind !== 'all') qb = qb.where('id', '=', scope.authorityId);
  for (const pattern of wordPatterns(f.q ?? '')) qb = qb.where('search_key', 'like', pattern);
  if (f.kind) qb = qb.where('kind', '=', f.kind);
  const { total } = await qb.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const rows = await qb
    .selectAll()
    .orderBy('id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export const findAuthority = (db: Db | Tx, id: number) => db.selectFrom('authority').selectAll().where('id', '=', id).executeTakeFirst();
export type AuthorityRow = NonNullable<Awaited<ReturnType<typeof findAuthority>>>;
