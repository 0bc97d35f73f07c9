import { sql } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import { wordPatterns } from '../../lib/search-key.ts';
import { inClusterScope, inUnitScope } from '../../access/scope-sql.ts';

export interface UnitFilters {
  q?: string;
  authorityId?: number;
  unitType?: string;
  page: number;
  pageSize: number;
}

function filtered(db: Db | Tx, scope: Scope, f: Omit<UnitFilters, 'page' | 'pageSize'>) {
  let qb = db.selectFrom('unit');
  qb = qb.where(inUnitScope(scope, 'unit.authority_id', 'unit.id'));
  for (const pattern of wordPatterns(f.q ?? '')) qb = qb.where('unit.search_key', 'like', pattern);
  if (f.authorityId) qb = qb.where('unit.authority_id', '=', f.authorityId);
  if (f.unitType) qb = qb.where('unit.unit_type', '=', f.unitType);
  return qb;
}

const columns = [
  'unit.id',
  'unit.authority_id',
  'authority.name as authority_name',
  'unit.code',
  'unit.name',
  'unit.short_name',
  'unit.unit_type',
  'unit.legal_entity',
  'unit.state_capital_pct',
  'unit.parent_id',
  'parent.name as parent_name',
  'unit.province',
  'unit.tax_code',
  'unit.founded_on',
  'unit.dissolved_on',
  'unit.version',
] as const;

export async function listUnits(db: Db, scope: Scope, f: UnitFilters) {
  const base = filtered(db, scope, f);
  const { total } = await base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('authority', 'authority.id', 'unit.authority_id')
    .leftJoin('unit as parent', 'parent.id', 'unit.parent_id')
    .select(columns)
    .orderBy('unit.authority_id')
    .orderBy('unit.code')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export const findUnit = (db: Db | Tx, id: number) =>
  db
    .selectFrom('unit')
    .innerJoin('authority', 'authority.id', 'unit.authority_id')
    .leftJoin('unit as parent', 'parent.id', 'unit.parent_id')
    .select(columns)
    .where('unit.id', '=', id)
    .executeTakeFirst();

export type UnitRow = NonNullable<Awaited<ReturnType<typeof findUnit>>>;

export async function findSuccession(db: Db | Tx, id: number) {
  const [predecessors, successors] = await Promise.all([
    db
      .selectFrom('unit_succession as s')
      .innerJoin('unit', 'unit.id', 's.predecessor_id')
      .select(['unit.id', 'unit.name'])
      .where('s.successor_id', '=', id)
      .execute(),
    db
      .selectFrom('unit_succession as s')
      .innerJoin('unit', 'unit.id', 's.successor_id')
      .select(['unit.id', 'unit.name'])
      .where('s.predecessor_id', '=', id)
      .execute(),
  ]);
  return { predecessors, successors };
}

/** Ancestors of a unit, to refuse a parent link that would make a cycle. */
export async function ancestorIds(db: Db | Tx, id: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with recursive up(id, parent_id) as (
      select id, parent_id from unit where id = ${id}
      union select u.id, u.parent_id from unit u join up on u.id = up.parent_id)
    select id from up`.execute(db);
  return r.rows.map((x) => x.id);
}

export const unitsByIds = (db: Db | Tx, ids: number[]) =>
  ids.length ? db.selectFrom('unit').select(['id', 'authority_id', 'name']).where('id', 'in', ids).execute() : Promise.resolve([]);

/**
 * The clusters and blocks a unit has been part of (a member, head or deputy, or holder of the rotating flag), only
 * those the caller's scope shows, with what the unit was in each.
 */
export async function findUnitClusters(db: Db | Tx, scope: Scope, unitId: number) {
  const [memberships, leadership, flags] = await Promise.all([
    db
      .selectFrom('cluster_membership as m')
      .select(['m.cluster_id', 'm.year', 'm.from_date', 'm.to_date'])
      .where('m.unit_id', '=', unitId)
      .where(inClusterScope(scope, 'm.authority_id', 'm.cluster_id'))
      .orderBy('m.year', 'desc')
      .execute(),
    db
      .selectFrom('cluster_leadership as l')
      .select(['l.cluster_id', 'l.year', 'l.head_unit_id', 'l.deputy_unit_id'])
      .where((eb) => eb.or([eb('l.head_unit_id', '=', unitId), eb('l.deputy_unit_id', '=', unitId)]))
      .where(inClusterScope(scope, 'l.authority_id', 'l.cluster_id'))
      .orderBy('l.year', 'desc')
      .execute(),
    db
      .selectFrom('flag_custody as f')
      .select(['f.cluster_id', 'f.from_date', 'f.to_date', 'f.note'])
      .where('f.unit_id', '=', unitId)
      .where(inClusterScope(scope, 'f.authority_id', 'f.cluster_id'))
      .orderBy('f.from_date', 'desc')
      .execute(),
  ]);
  const ids = [...new Set([...memberships, ...leadership, ...flags].map((r) => r.cluster_id))];
  const clusters = ids.length
    ? await db
        .selectFrom('cluster')
        .innerJoin('authority', 'authority.id', 'cluster.authority_id')
        .select([
          'cluster.id',
          'cluster.code',
          'cluster.kind',
          'cluster.name',
          'cluster.authority_id',
          'authority.name as authority_name',
          'cluster.active_from',
          'cluster.active_to',
        ])
        .where('cluster.id', 'in', ids)
        .where(inClusterScope(scope, 'cluster.authority_id', 'cluster.id'))
        .execute()
    : [];
  return { clusters, memberships, leadership, flags };
}
