import { sql } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import { wordPatterns } from '../../lib/search-key.ts';
import { inUnitScope } from '../../access/scope-sql.ts';

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
