import type { AuthorityAbilities } from '@thidua/domain';
import type { z } from 'zod';
import type { AUTHORITY_KINDS } from '@thidua/contracts/authorities.ts';
import type { settingsOverrides } from '@thidua/contracts/eligibility.ts';
import type { AuthorityRow, findAuthorityOverview } from './authorities.queries.ts';

export const presentAuthority = (r: AuthorityRow, abilities: AuthorityAbilities) => ({
  id: r.id,
  code: r.code,
  kind: r.kind as (typeof AUTHORITY_KINDS)[number],
  name: r.name,
  shortName: r.short_name,
  place: r.place,
  version: r.version,
  abilities,
});

export const presentAuthorityOverview = (authorityId: number, year: number, o: Awaited<ReturnType<typeof findAuthorityOverview>>) => ({
  authorityId,
  year,
  unitCount: o.unitCount,
  clusters: o.clusters.map((c) => ({
    id: c.id,
    code: c.code,
    kind: c.kind as 'CLUSTER' | 'BLOCK',
    name: c.name,
    activeFrom: c.active_from,
    activeTo: c.active_to,
    memberCount: Number(c.member_count),
  })),
  quotas: o.quotas.map((p) => ({
    authorityId: p.authority_id,
    awardCode: p.award_code,
    year: p.year,
    ratePercent: Number(p.rate_percent),
    rounding: p.rounding as 'floor' | 'half-up' | 'ceil',
    minOne: p.min_one,
    baseAwardCode: p.base_award_code,
  })),
  settings: {
    fromYear: o.settings?.year ?? null,
    // stored overrides were checked against the same schema when they were set
    overrides: (o.settings?.overrides ?? {}) as z.infer<typeof settingsOverrides>,
  },
});
