/**
 * Ranking the units of a round and marking the leading ones: spec §6.4 (units ranked by final score; the 1st, 2nd
 * and 3rd leading units honoured ⚠️; vote thresholds ❓ are not decided here) and §7.1 (Ranking: final_score, rank,
 * tie_break_note).
 *
 * Order: the final score, higher first; then the cluster's tie-breaks in the order it set them (❓ each cluster's
 * quy chế):
 * - 'fullItems': more regular items scored at their maximum;
 * - { group }: the higher subtotal of that group's regular items;
 * - 'fewerPenalties': fewer penalty POINTS taken off (the smaller |penaltyTotal|) ❓ — not the number of items;
 * - 'earlierSubmission': the self sheet submitted earlier; a unit without one comes after those with one.
 * Units still equal after every tie-break share a rank and the next rank skips (1, 1, 3); they are listed by unit id
 * so the output never depends on the order of the input.
 * Knocked-out units (any knock-out condition flagged) get no rank: they are listed apart, by score, and never lead.
 * `leading` is the rank when it is within the leading places (default 3): with ranks 1, 1, 3 two units are first and
 * one is third.
 */
import type { CriteriaSet } from './criteria.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { instant } from './round.ts';
import type { UnitResult } from './aggregate.ts';

export type TieBreak = 'fullItems' | { readonly group: string } | 'fewerPenalties' | 'earlierSubmission';

/** A knock-out condition found for a unit (the condition's code from the criteria table). */
export interface KnockOutFlag {
  readonly unit: string;
  readonly code: string;
}

export type RankInput = Pick<UnitResult, 'unit' | 'total' | 'groups' | 'penaltyTotal' | 'fullItems' | 'submittedAt'>;

export interface RankedUnit {
  readonly unit: string;
  readonly total: number;
  /** 1-based; equal for full ties, the next skips (1, 1, 3). */
  readonly rank: number;
  /** 1, 2, 3… for the leading places, else null. */
  readonly leading: number | null;
  /**
   * The tie-break that put this unit ahead of the next one in the list when their totals are equal (the
   * tie_break_note of §7.1), else null.
   */
  readonly decidedBy: TieBreak | null;
}

export interface KnockedOutUnit {
  readonly unit: string;
  readonly total: number;
  /** The knock-out conditions found, sorted. */
  readonly codes: readonly string[];
}

export interface Ranking {
  readonly ranked: readonly RankedUnit[];
  readonly knockedOut: readonly KnockedOutUnit[];
}

export interface RankOptions {
  /** How many places lead (default 3). */
  readonly leadingPlaces?: number;
}

const h = (points: number) => Math.round(points * 100);

/** < 0 when `a` goes before `b` under one tie-break, > 0 after, 0 equal. */
function compareBy(tb: TieBreak, a: RankInput, b: RankInput): number {
  if (tb === 'fullItems') return b.fullItems - a.fullItems;
  if (tb === 'fewerPenalties') return Math.abs(h(a.penaltyTotal)) - Math.abs(h(b.penaltyTotal));
  if (tb === 'earlierSubmission') {
    if (!a.submittedAt || !b.submittedAt) return Number(!a.submittedAt) - Number(!b.submittedAt);
    return instant(a.submittedAt) - instant(b.submittedAt);
  }
  return h(b.groups[tb.group] ?? 0) - h(a.groups[tb.group] ?? 0);
}

/** The first criterion (the total, then each tie-break) on which two units differ: -1 for the total, else its index. */
function firstDifference(a: RankInput, b: RankInput, tieBreaks: readonly TieBreak[]): { at: number; order: number } | null {
  const byTotal = h(b.total) - h(a.total);
  if (byTotal !== 0) return { at: -1, order: byTotal };
  for (let i = 0; i < tieBreaks.length; i++) {
    const order = compareBy(tieBreaks[i]!, a, b);
    if (order !== 0) return { at: i, order };
  }
  return null;
}

/** Units ranked by score and tie-breaks, knocked-out units apart (see the file's comment). */
export function rankUnits(
  results: readonly RankInput[],
  tieBreaks: readonly TieBreak[],
  knockOuts: readonly KnockOutFlag[],
  options: RankOptions = {},
): Ranking {
  const leadingPlaces = options.leadingPlaces ?? 3;
  const flags = new Map<string, Set<string>>();
  for (const k of knockOuts) flags.set(k.unit, (flags.get(k.unit) ?? new Set()).add(k.code));
  const byId = (a: RankInput, b: RankInput) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

  const knockedOut = results
    .filter((r) => flags.has(r.unit))
    .sort((a, b) => h(b.total) - h(a.total) || byId(a, b))
    .map((r) => ({ unit: r.unit, total: r.total, codes: [...flags.get(r.unit)!].sort() }));

  const sorted = results.filter((r) => !flags.has(r.unit)).sort((a, b) => firstDifference(a, b, tieBreaks)?.order ?? byId(a, b));
  const ranked: RankedUnit[] = [];
  sorted.forEach((r, i) => {
    const before = sorted[i - 1];
    const after = sorted[i + 1];
    const rank = before && firstDifference(before, r, tieBreaks) === null ? ranked[i - 1]!.rank : i + 1;
    const next = after ? firstDifference(r, after, tieBreaks) : null;
    ranked.push({
      unit: r.unit,
      total: r.total,
      rank,
      leading: rank <= leadingPlaces ? rank : null,
      decidedBy: next && next.at >= 0 ? tieBreaks[next.at]! : null,
    });
  });
  return { ranked, knockedOut };
}

/** Knock-out flags must name the table's conditions (CRITERIA_INVALID { item: code, rule: 'unknownKnockOut' }). */
export function validateKnockOuts(criteria: Pick<CriteriaSet, 'knockOuts'>, flags: readonly KnockOutFlag[]): Result<true> {
  const known = new Set(criteria.knockOuts.map((k) => k.code));
  const unknown = flags.find((f) => !known.has(f.code));
  return unknown ? err('CRITERIA_INVALID', { item: unknown.code, rule: 'unknownKnockOut' }) : ok(true);
}
