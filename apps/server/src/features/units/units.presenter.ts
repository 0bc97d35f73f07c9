import type { UnitAbilities } from '@thidua/domain';
import type { UnitRow } from './units.queries.ts';

type Ref = { id: number; name: string };

export function presentUnit(
  r: UnitRow,
  abilities: UnitAbilities,
  links: { predecessors: Ref[]; successors: Ref[] } = { predecessors: [], successors: [] },
) {
  return {
    id: r.id,
    authorityId: r.authority_id,
    authorityName: r.authority_name,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    unitType: r.unit_type as never,
    legalEntity: r.legal_entity,
    stateCapitalPct: r.state_capital_pct === null ? null : Number(r.state_capital_pct),
    parentId: r.parent_id,
    parentName: r.parent_name,
    province: r.province,
    taxCode: r.tax_code,
    foundedOn: r.founded_on,
    dissolvedOn: r.dissolved_on,
    version: r.version,
    predecessors: links.predecessors,
    successors: links.successors,
    abilities,
  };
}
