// Quotas (caps) and ranking when more candidates qualify than the quota allows. No national cap was
// found under the 2022 regime (spec §2.4): caps and their rounding are set by each issuing ministry,
// province or council, so every figure here comes from the issuer's policy.
import type { AwardCode } from '../rulebook/vocabulary.ts';

/** Rounding of rate × base: national texts give none ❓; observed sector rules floor, some say "per regulation". */
export type RoundingMode = 'floor' | 'half-up' | 'ceil';

export interface QuotaPolicy {
  /** Issuing authority (province, ministry, council) that set the cap. */
  readonly authority: string;
  /** The year the cap applies to; a policy carries over to later years until replaced. */
  readonly year: number;
  readonly award: AwardCode;
  /** Cap as a percentage of the base (e.g. 15 for "≤ 15 % of Advanced Workers"); up to 2 decimals. */
  readonly ratePercent: number;
  readonly rounding: RoundingMode;
  /** "If the computed number is below 1, allow 1" (Procuracy Circular 02/2024 Art. 18 ✅[S41]). */
  readonly minOne: boolean;
}

/** rate × base rounded per the policy, in integer arithmetic (basis points) so 20 % of 28 is exactly 5.6. */
export function computeQuota(base: number, policy: Pick<QuotaPolicy, 'ratePercent' | 'rounding' | 'minOne'>): number {
  if (!Number.isInteger(base) || base < 0) throw new RangeError('quota base must be a non-negative integer');
  const scaled = base * Math.round(policy.ratePercent * 100); // × 1/10 000
  let quota: number;
  switch (policy.rounding) {
    case 'floor':
      quota = Math.floor(scaled / 10_000);
      break;
    case 'ceil':
      quota = Math.ceil(scaled / 10_000);
      break;
    case 'half-up':
      quota = Math.floor((2 * scaled + 10_000) / 20_000);
      break;
  }
  return policy.minOne && base > 0 && quota < 1 ? 1 : quota;
}

/** The issuer's policy for an award in a year: that year's, else the latest earlier one still standing. */
export function findQuotaPolicy(
  policies: readonly QuotaPolicy[],
  authority: string,
  award: AwardCode,
  year: number,
): QuotaPolicy | undefined {
  let best: QuotaPolicy | undefined;
  for (const p of policies) {
    if (p.authority !== authority || p.award !== award || p.year > year) continue;
    if (!best || p.year > best.year) best = p;
  }
  return best;
}

export interface QuotaCandidate {
  readonly id: string;
  /** Higher is better (score, rank points); candidates with equal merit are "equally qualified". */
  readonly merit: number;
  readonly gender?: 'female' | 'male';
  /** For collectives: women among members. */
  readonly women?: { readonly count: number; readonly total: number };
}

export interface OutsideQuota {
  readonly id: string;
  /** OUTSIDE_QUOTA_LOWER_MERIT | OUTSIDE_QUOTA_PRIORITY | OUTSIDE_QUOTA_TIE */
  readonly code: string;
  readonly params: Readonly<{ quota: number; position: number; rule: string }>;
}

export interface QuotaRanking {
  readonly quota: number;
  /** In ranked order. */
  readonly selected: readonly string[];
  readonly outside: readonly OutsideQuota[];
  /** True when a candidate outside ties the last one selected on merit and priority: the council must decide. */
  readonly tieAtBoundary: boolean;
  /**
   * When tied at the boundary: every candidate of the tied group, inside the cut or outside it. None of them is
   * "within the quota" yet — the council chooses among them for the places the group straddles.
   */
  readonly tied: readonly string[];
  /** Places left to the council's choice among `tied` (the group's places inside the cut). */
  readonly tiedPlaces: number;
  /** Rank in quota order, equal for candidates equal on merit and priority (1, 2, 2, 4…). */
  readonly rank: ReadonlyMap<string, number>;
}

/**
 * Decree 98 Art. 4(6): among equally qualified candidates, women and collectives with ≥ 70 % women
 * come first. The ranking is merit, then that priority, then the order given (stable).
 */
export function isPrioritised(c: QuotaCandidate): boolean {
  if (c.gender === 'female') return true;
  return c.women !== undefined && c.women.total > 0 && c.women.count * 100 >= 70 * c.women.total;
}

export function rankCandidates(candidates: readonly QuotaCandidate[], quota: number, rule = 'decree-98-2023/art-4'): QuotaRanking {
  const ranked = candidates
    .map((c, index) => ({ c, index, priority: isPrioritised(c) }))
    .sort((a, b) => b.c.merit - a.c.merit || Number(b.priority) - Number(a.priority) || a.index - b.index);
  const cut = Math.max(0, Math.min(quota, ranked.length));
  const last = cut > 0 ? ranked[cut - 1] : undefined;
  const rank = new Map<string, number>();
  ranked.forEach((x, i) => {
    const before = ranked[i - 1];
    const same = before && before.c.merit === x.c.merit && before.priority === x.priority;
    rank.set(x.c.id, same ? rank.get(before.c.id)! : i + 1);
  });
  let tieAtBoundary = false;
  const outside = ranked.slice(cut).map((x, i) => {
    let code = 'OUTSIDE_QUOTA_LOWER_MERIT';
    if (last && x.c.merit === last.c.merit) {
      if (last.priority && !x.priority) code = 'OUTSIDE_QUOTA_PRIORITY';
      else {
        code = 'OUTSIDE_QUOTA_TIE';
        tieAtBoundary = true;
      }
    }
    return { id: x.c.id, code, params: { quota, position: cut + i + 1, rule } };
  });
  const tiedGroup = tieAtBoundary && last ? ranked.filter((x) => x.c.merit === last.c.merit && x.priority === last.priority) : [];
  const tied = tiedGroup.map((x) => x.c.id);
  const tiedPlaces = tiedGroup.filter((x) => ranked.indexOf(x) < cut).length;
  return { quota, selected: ranked.slice(0, cut).map((x) => x.c.id), outside, tieAtBoundary, tied, tiedPlaces, rank };
}

/** Where a candidate stands against the quota: within it, in a tie the council decides, or outside it. */
export type QuotaStanding = 'within' | 'tie' | 'outside';

export function quotaStanding(ranking: QuotaRanking, id: string): QuotaStanding {
  if (ranking.tied.includes(id)) return 'tie';
  return ranking.selected.includes(id) ? 'within' : 'outside';
}

/**
 * Whether a subject counts toward the quota's base (Decree 98/2023, art. 4: the rate applies to those holding the base
 * award of the year). Before the base award is conferred, those meeting its criteria count; with no base award, every
 * subject considered counts.
 */
export function countsTowardQuotaBase(baseAward: string | null, holdsBaseAward: boolean, meetsBaseCriteria: () => boolean): boolean {
  if (baseAward === null) return true;
  return holdsBaseAward || meetsBaseCriteria();
}

/** The order candidates are listed in: those meeting the criteria first, then by merit, then by id (stable). */
export function orderCandidates<T extends { eligible: boolean; merit: number; id: number }>(candidates: readonly T[]): T[] {
  return [...candidates].sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.merit - a.merit || a.id - b.id);
}
