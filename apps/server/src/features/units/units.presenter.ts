import type { UnitAbilities } from '@thidua/domain';
import type { findUnitClusters, UnitRow } from './units.queries.ts';

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

/** A unit's clusters and blocks, the most recent first: its years of membership, its roles by year, the flag it held. */
export function presentUnitClusters(unitId: number, found: Awaited<ReturnType<typeof findUnitClusters>>) {
  const of = <T extends { cluster_id: number }>(rows: T[], id: number) => rows.filter((r) => r.cluster_id === id);
  const items = found.clusters.map((c) => {
    const memberships = of(found.memberships, c.id).map((m) => ({ year: m.year, from: m.from_date, to: m.to_date }));
    const roles = of(found.leadership, c.id).flatMap((l) => [
      ...(l.head_unit_id === unitId ? [{ year: l.year, role: 'HEAD' as const }] : []),
      ...(l.deputy_unit_id === unitId ? [{ year: l.year, role: 'DEPUTY' as const }] : []),
    ]);
    const flagCustody = of(found.flags, c.id).map((f) => ({ from: f.from_date, to: f.to_date, note: f.note }));
    const latest = Math.max(
      ...memberships.map((m) => m.year),
      ...roles.map((r) => r.year),
      ...flagCustody.map((f) => Number(f.from.slice(0, 4))),
    );
    return {
      latest,
      item: {
        id: c.id,
        code: c.code,
        kind: c.kind as 'CLUSTER' | 'BLOCK',
        name: c.name,
        authorityId: c.authority_id,
        authorityName: c.authority_name,
        activeFrom: c.active_from,
        activeTo: c.active_to,
        memberships,
        roles,
        flagCustody,
      },
    };
  });
  items.sort((a, b) => b.latest - a.latest || a.item.name.localeCompare(b.item.name, 'vi'));
  return { items: items.map((x) => x.item) };
}
