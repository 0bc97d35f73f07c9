import { sql } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { QuotaPolicy } from '@thidua/domain/eligibility/quota.ts';
import type { Db } from '../db/client.ts';
import { inUnitScope } from '../access/scope-sql.ts';

export type Population = { unitId: number } | { clusterId: number } | { authorityId: number };

/** Units of the population: a unit and those under it, a cluster's members of the year, an authority's units. */
async function populationUnits(db: Db, p: Population, year: number): Promise<number[]> {
  let ids: number[];
  if ('unitId' in p) {
    const r = await sql<{
      id: number;
    }>`with recursive tree(id) as (select id from unit where id = ${p.unitId} union select u.id from unit u join tree t on u.parent_id = t.id) select id from tree`.execute(
      db,
    );
    ids = r.rows.map((x) => x.id);
  } else if ('clusterId' in p) {
    ids = (
      await db.selectFrom('cluster_membership').select('unit_id').where('cluster_id', '=', p.clusterId).where('year', '=', year).execute()
    ).map((m) => m.unit_id);
  } else {
    ids = (await db.selectFrom('unit').select('id').where('authority_id', '=', p.authorityId).execute()).map((u) => u.id);
  }
  return ids;
}

/**
 * People of a population, within the caller's scope — or all of them (`scope` null) where an issuer's quota is
 * counted: the quota belongs to the issuer's population, whoever asks.
 */
export async function populationPeople(db: Db, scope: Scope | null, p: Population, year: number) {
  const units = await populationUnits(db, p, year);
  if (!units.length) return [];
  const qb = db
    .selectFrom('person')
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .select([
      'person.id',
      'person.code',
      'person.full_name as name',
      'person.gender',
      'person.authority_id',
      'unit.name as unit_name',
      'person.unit_id',
    ])
    .where('person.unit_id', 'in', units);
  return (scope ? qb.where(inUnitScope(scope, 'person.authority_id', 'person.unit_id')) : qb).orderBy('person.id').execute();
}

/** Units of a population, within the caller's scope or all of them (`scope` null), as `populationPeople`. */
export async function populationUnitsWithNames(db: Db, scope: Scope | null, p: Population, year: number) {
  const units = await populationUnits(db, p, year);
  if (!units.length) return [];
  const qb = db
    .selectFrom('unit')
    .select(['unit.id', 'unit.code', 'unit.name', 'unit.authority_id', 'unit.name as unit_name', 'unit.id as unit_id'])
    .where('unit.id', 'in', units);
  return (scope ? qb.where(inUnitScope(scope, 'unit.authority_id', 'unit.id')) : qb).orderBy('unit.id').execute();
}

export const listQuotaPolicies = (db: Db, authorityId: number) =>
  db.selectFrom('quota_policy').selectAll().where('authority_id', '=', authorityId).orderBy('award_code').orderBy('year').execute();

/** Stored quota rows as the domain's policies. */
export const toQuotaPolicies = (rows: Awaited<ReturnType<typeof listQuotaPolicies>>): QuotaPolicy[] =>
  rows.map((p) => ({
    authority: String(p.authority_id),
    year: p.year,
    award: p.award_code,
    ratePercent: Number(p.rate_percent),
    rounding: p.rounding,
    minOne: p.min_one,
  }));
