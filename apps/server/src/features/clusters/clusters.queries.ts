import { foldKey, numberKey } from '../../db/comparison-keys.ts';
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import type { DB } from '../../db/schema.ts';
import { wordPatterns } from '../../lib/search-key.ts';

export interface ClusterFilters {
  q?: string;
  authorityId?: number;
  kind?: string;
  year: number;
  page: number;
  pageSize: number;
}

function scoped<O>(qb: SelectQueryBuilder<DB, 'cluster', O>, scope: Scope) {
  if (scope.kind === 'all') return qb;
  if (scope.kind === 'authority') return qb.where('cluster.authority_id', '=', scope.authorityId);
  return qb.where('cluster.id', 'in', scope.clusterIds.length ? [...scope.clusterIds] : [-1]);
}

function baseList(db: Db | Tx, scope: Scope, f: Omit<ClusterFilters, 'page' | 'pageSize' | 'year'>) {
  let qb = scoped(db.selectFrom('cluster'), scope);
  for (const pattern of wordPatterns(f.q ?? '')) qb = qb.where('cluster.search_key', 'like', pattern);
  if (f.authorityId) qb = qb.where('cluster.authority_id', '=', f.authorityId);
  if (f.kind) qb = qb.where('cluster.kind', '=', f.kind);
  return qb;
}

const listColumns = (year: number) =>
  [
    'cluster.id',
    'cluster.code',
    'cluster.kind',
    'cluster.name',
    'cluster.authority_id',
    'cluster.active_from',
    'cluster.active_to',
    'cluster.version',
    'authority.name as authority_name',
    'decision.number as decision_number',
    'decision.issued_on as decision_date',
    sql<number>`(select count(*) from cluster_membership m where m.cluster_id = cluster.id and m.year = ${year})`.as('member_count'),
    sql<
      string | null
    >`(select u.name from cluster_leadership l join unit u on u.id = l.head_unit_id where l.cluster_id = cluster.id and l.year = ${year})`.as(
      'head_unit_name',
    ),
    sql<
      string | null
    >`(select u.name from cluster_leadership l join unit u on u.id = l.deputy_unit_id where l.cluster_id = cluster.id and l.year = ${year})`.as(
      'deputy_unit_name',
    ),
  ] as const;

export async function listClusters(db: Db, scope: Scope, f: ClusterFilters) {
  const base = baseList(db, scope, f);
  const [{ total }] = (await base.select(sql<number>`count(*)`.as('total')).execute()) as [{ total: number }];
  const rows = await base
    .innerJoin('authority', 'authority.id', 'cluster.authority_id')
    .innerJoin('decision', 'decision.id', 'cluster.decision_id')
    .select(listColumns(f.year))
    .orderBy('cluster.authority_id')
    .orderBy('cluster.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export const findCluster = (db: Db | Tx, id: number, year: number) =>
  db
    .selectFrom('cluster')
    .innerJoin('authority', 'authority.id', 'cluster.authority_id')
    .innerJoin('decision', 'decision.id', 'cluster.decision_id')
    .select(listColumns(year))
    .select([
      'decision.id as decision_id',
      'decision.issuer as decision_issuer',
      'decision.signer_name as decision_signer_name',
      'decision.signer_title as decision_signer_title',
      'decision.summary as decision_summary',
    ])
    .where('cluster.id', '=', id)
    .executeTakeFirst();

export type ClusterRow = NonNullable<Awaited<ReturnType<typeof findCluster>>>;

export const listMemberships = (db: Db | Tx, clusterId: number) =>
  db
    .selectFrom('cluster_membership as m')
    .innerJoin('unit', 'unit.id', 'm.unit_id')
    .select(['m.id', 'm.unit_id', 'unit.name as unit_name', 'unit.unit_type', 'm.year', 'm.from_date', 'm.to_date'])
    .where('m.cluster_id', '=', clusterId)
    .orderBy('m.year', 'desc')
    .execute();

export const listLeadership = (db: Db | Tx, clusterId: number) =>
  db
    .selectFrom('cluster_leadership as l')
    .innerJoin('unit as h', 'h.id', 'l.head_unit_id')
    .leftJoin('unit as d', 'd.id', 'l.deputy_unit_id')
    .select(['l.year', 'l.head_unit_id', 'h.name as head_unit_name', 'l.deputy_unit_id', 'd.name as deputy_unit_name', 'l.version'])
    .where('l.cluster_id', '=', clusterId)
    .orderBy('l.year', 'desc')
    .execute();

export const listFlagCustody = (db: Db | Tx, clusterId: number) =>
  db
    .selectFrom('flag_custody as f')
    .innerJoin('unit', 'unit.id', 'f.unit_id')
    .select(['f.id', 'f.unit_id', 'unit.name as unit_name', 'f.from_date', 'f.to_date', 'f.note'])
    .where('f.cluster_id', '=', clusterId)
    .orderBy('f.from_date', 'desc')
    .execute();

/** The authority's decision with this number from this issuer in this year, compared by meaning (see comparison-keys). */
export const findDecisionByNumber = (db: Db | Tx, authorityId: number, issuer: string, issueYear: number, number: string) =>
  db
    .selectFrom('decision')
    .select('id')
    .where('authority_id', '=', authorityId)
    .where('issuer_key', '=', foldKey(issuer))
    .where('issue_year', '=', issueYear)
    .where('number_key', '=', numberKey(number))
    .executeTakeFirst();

export const findUnitBrief = (db: Db | Tx, id: number) =>
  db.selectFrom('unit').select(['id', 'authority_id', 'name', 'founded_on', 'dissolved_on']).where('id', '=', id).executeTakeFirst();
