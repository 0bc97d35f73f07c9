import type { Gender } from '@thidua/domain/rulebook/vocabulary.ts';
import { sql } from 'kysely';
import type { Scope } from '@thidua/domain';
import type { Db, Tx } from '../../db/client.ts';
import { wordPatterns } from '../../lib/search-key.ts';
import { inUnitScope } from '../../access/scope-sql.ts';

export interface PeopleFilters {
  q?: string;
  unitId?: number;
  gender?: Gender;
  page: number;
  pageSize: number;
}

function filtered(db: Db, scope: Scope, f: PeopleFilters) {
  let qb = db.selectFrom('person');
  qb = qb.where(inUnitScope(scope, 'person.authority_id', 'person.unit_id'));
  for (const pattern of wordPatterns(f.q ?? '')) qb = qb.where('person.search_key', 'like', pattern);
  if (f.unitId) qb = qb.where('person.unit_id', '=', f.unitId);
  if (f.gender) qb = qb.where('person.gender', '=', f.gender);
  return qb;
}

const columns = [
  'person.id',
  'person.authority_id',
  'person.code',
  'person.full_name',
  'person.gender',
  'person.birth_date',
  'person.unit_id',
  'unit.name as unit_name',
  'person.version',
] as const;

export async function listPeople(db: Db, scope: Scope, f: PeopleFilters) {
  const base = filtered(db, scope, f);
  const { total } = await base.select(sql<number>`count(*)`.as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('unit', 'unit.id', 'person.unit_id')
    .select(columns)
    .orderBy('person.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export const findPerson = (db: Db | Tx, id: number) =>
  db.selectFrom('person').innerJoin('unit', 'unit.id', 'person.unit_id').select(columns).where('person.id', '=', id).executeTakeFirst();
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>;

export const listPositions = (db: Db | Tx, personId: number) =>
  db
    .selectFrom('person_position as p')
    .innerJoin('unit', 'unit.id', 'p.unit_id')
    .select(['p.id', 'p.unit_id', 'unit.name as unit_name', 'p.title', 'p.from_date', 'p.to_date'])
    .where('p.person_id', '=', personId)
    .orderBy('p.from_date', 'desc')
    .execute();
