import type { PersonAbilities } from '@thidua/domain';
import type { PersonRow, listPositions } from './people.queries.ts';

export function presentPerson(r: PersonRow, abilities: PersonAbilities) {
  return {
    id: r.id,
    code: r.code,
    fullName: r.full_name,
    gender: r.gender as 'female' | 'male',
    birthDate: r.birth_date,
    unitId: r.unit_id,
    unitName: r.unit_name,
    version: r.version,
    abilities,
  };
}

export function presentPersonDetail(r: PersonRow, abilities: PersonAbilities, positions: Awaited<ReturnType<typeof listPositions>>) {
  return {
    ...presentPerson(r, abilities),
    positions: positions.map((p) => ({
      id: p.id,
      unitId: p.unit_id,
      unitName: p.unit_name,
      title: p.title,
      from: p.from_date,
      to: p.to_date,
    })),
  };
}
