import type { ClusterAbilities } from '@thidua/domain';
import type { ClusterRow, listFlagCustody, listLeadership, listMemberships } from './clusters.queries.ts';

type Rows<F extends (...a: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>;
type ListRow = Omit<ClusterRow, 'decision_id' | 'decision_issuer' | 'decision_signer_name' | 'decision_signer_title' | 'decision_summary'>;

export function presentClusterItem(r: ListRow) {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind as 'CLUSTER' | 'BLOCK',
    name: r.name,
    authorityId: r.authority_id,
    authorityName: r.authority_name,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    activeFrom: r.active_from,
    activeTo: r.active_to,
    memberCount: Number(r.member_count),
    headUnitName: r.head_unit_name,
    deputyUnitName: r.deputy_unit_name,
    version: r.version,
  };
}

export function presentClusterDetail(
  r: ClusterRow,
  memberships: Rows<typeof listMemberships>,
  leadership: Rows<typeof listLeadership>,
  flags: Rows<typeof listFlagCustody>,
  abilities: ClusterAbilities,
) {
  return {
    ...presentClusterItem(r),
    decision: {
      id: r.decision_id,
      number: r.decision_number,
      issuedOn: r.decision_date,
      issuer: r.decision_issuer,
      signerName: r.decision_signer_name,
      signerTitle: r.decision_signer_title,
      summary: r.decision_summary,
    },
    memberships: memberships.map((m) => ({
      id: m.id,
      unitId: m.unit_id,
      unitName: m.unit_name,
      unitType: m.unit_type,
      year: m.year,
      from: m.from_date,
      to: m.to_date,
    })),
    leadership: leadership.map((l) => ({
      year: l.year,
      headUnitId: l.head_unit_id,
      headUnitName: l.head_unit_name,
      deputyUnitId: l.deputy_unit_id,
      deputyUnitName: l.deputy_unit_name,
      version: l.version,
    })),
    flagCustody: flags.map((f) => ({ id: f.id, unitId: f.unit_id, unitName: f.unit_name, from: f.from_date, to: f.to_date, note: f.note })),
    abilities,
  };
}
