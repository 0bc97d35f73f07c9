import { sql } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import { wordPatterns } from '../../lib/search-key.ts';
import { inClusterScope, inUnitScope } from '../../access/scope-sql.ts';
import { listQuotaPolicies } from '../../history/population.ts';
import { findIssuerSettingsRow } from '../../history/issuer-settings.ts';

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

/**
 * What hangs on an authority, within the caller's scope: how many of its units the caller sees, the clusters and
 * blocks it organises (members counted in `year`), its quota policies and the issuer settings in force for `year`.
 * Quotas and settings are read by whoever sees the authority, as on the eligibility screen.
 */
export async function findAuthorityOverview(db: Db, scope: Scope, authorityId: number, year: number) {
  const [units, clusters, quotas, settings] = await Promise.all([
    db
      .selectFrom('unit')
      .select(sql<number>`count(*)`.as('total'))
      .where('unit.authority_id', '=', authorityId)
      .where(inUnitScope(scope, 'unit.authority_id', 'unit.id'))
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('cluster')
      .select([
        'cluster.id',
        'cluster.code',
        'cluster.kind',
        'cluster.name',
        'cluster.active_from',
        'cluster.active_to',
        sql<number>`(select count(*) from cluster_membership m where m.cluster_id = cluster.id and m.year = ${year})`.as('member_count'),
      ])
      .where('cluster.authority_id', '=', authorityId)
      .where(inClusterScope(scope, 'cluster.authority_id', 'cluster.id'))
      .orderBy('cluster.kind')
      .orderBy('cluster.code')
      .execute(),
    listQuotaPolicies(db, authorityId),
    findIssuerSettingsRow(db, authorityId, year),
  ]);
  return { unitCount: Number(units.total), clusters, quotas, settings };
}
