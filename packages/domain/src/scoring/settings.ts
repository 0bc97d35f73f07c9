/**
 * A round's settings, set by each cluster's quy chế ❓ (§6.3: "exact weights are set by each cluster/province"): the
 * self and cross weights, how cross scores combine, the tie-breaks in order, how many places lead, the stages'
 * deadlines, whether late sheets are taken, and who cross-scores whom. What a cluster has not set is the default
 * below, itself a setting, never a rule of law.
 */
import { err, type Result } from '../shared/result.ts';
import type { AggregationSettings, CrossMethod } from './aggregate.ts';
import { validateWeights } from './aggregate.ts';
import type { CriteriaSet } from './criteria.ts';
import type { TieBreak } from './ranking.ts';
import { crossAssignments, instant, type CrossAssignments, type CrossMode, type ScoringRound, type RoundState } from './round.ts';

export interface RoundSettings {
  readonly weights: { readonly self: number; readonly cross: number };
  readonly crossMethod: CrossMethod;
  readonly missingCross: 'self' | 'zero';
  readonly tieBreaks: readonly TieBreak[];
  readonly leadingPlaces: number;
  /** ISO instants with offset, or dates (the end of that day in Vietnam); null: until the head moves the round on. */
  readonly deadlines: { readonly self: string | null; readonly cross: string | null };
  readonly acceptLate: boolean;
  /** Who cross-scores whom (unit ids); null: every member scores all the others. */
  readonly crossPairs: ReadonlyArray<{ readonly scorerUnitId: number; readonly unitId: number }> | null;
}

/** What a cluster that has set nothing gets ❓: 30/70, the mean, the usual tie-breaks, three leading places. */
export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  weights: { self: 30, cross: 70 },
  crossMethod: 'mean',
  missingCross: 'self',
  tieBreaks: ['fullItems', 'fewerPenalties', 'earlierSubmission'],
  leadingPlaces: 3,
  deadlines: { self: null, cross: null },
  acceptLate: false,
  crossPairs: null,
};

/** Stored settings (possibly partial, or from before a setting existed) completed with the defaults. */
export function roundSettings(stored: unknown): RoundSettings {
  const s = (stored && typeof stored === 'object' ? stored : {}) as Partial<RoundSettings>;
  return {
    ...DEFAULT_ROUND_SETTINGS,
    ...s,
    deadlines: { ...DEFAULT_ROUND_SETTINGS.deadlines, ...(s.deadlines ?? {}) },
  };
}

export const aggregationOf = (s: RoundSettings): AggregationSettings => ({
  weights: s.weights,
  crossMethod: s.crossMethod,
  missingCross: s.missingCross,
});

export const scoringRoundOf = (state: RoundState, s: RoundSettings): ScoringRound => ({
  state,
  deadlines: {
    ...(s.deadlines.self ? { self: s.deadlines.self } : {}),
    ...(s.deadlines.cross ? { cross: s.deadlines.cross } : {}),
  },
  acceptLate: s.acceptLate,
});

/** The cross-scoring plan over members' ids (strings in the domain's rules). */
export const crossModeOf = (s: RoundSettings): CrossMode =>
  s.crossPairs ? { pairs: s.crossPairs.map((p) => ({ scorer: String(p.scorerUnitId), target: String(p.unitId) })) } : 'allOthers';

/**
 * Whether settings can run a round on a table and its members:
 * - weights: whole percentages summing to 100 (VALIDATION_FAILED { rule: 'weights' });
 * - a tie-break by group names a group of the table (VALIDATION_FAILED { rule: 'tieBreakGroup', group });
 * - tie-breaks are not repeated (VALIDATION_FAILED { rule: 'tieBreakRepeated' });
 * - deadlines are dates or instants with offset, cross not before self (VALIDATION_FAILED { rule: 'deadlines' });
 * - a cross-scoring table joins members, never a unit to itself, and leaves none unscored (`crossAssignments`).
 * On success, the cross-scoring assignments.
 */
export function checkRoundSettings(
  s: RoundSettings,
  criteria: Pick<CriteriaSet, 'groups'>,
  members: readonly string[],
): Result<CrossAssignments> {
  const weights = validateWeights(s.weights);
  if (!weights.ok) return weights;
  const groups = new Set(criteria.groups.map((g) => g.code));
  const seen = new Set<string>();
  for (const tb of s.tieBreaks) {
    const key = typeof tb === 'string' ? tb : `group:${tb.group}`;
    if (seen.has(key)) return err('VALIDATION_FAILED', { rule: 'tieBreakRepeated', tieBreak: key });
    seen.add(key);
    if (typeof tb !== 'string' && !groups.has(tb.group)) return err('VALIDATION_FAILED', { rule: 'tieBreakGroup', group: tb.group });
  }
  try {
    const self = s.deadlines.self ? instant(s.deadlines.self) : null;
    const cross = s.deadlines.cross ? instant(s.deadlines.cross) : null;
    if (self !== null && cross !== null && cross < self) return err('VALIDATION_FAILED', { rule: 'deadlines' });
  } catch {
    return err('VALIDATION_FAILED', { rule: 'deadlines' });
  }
  return crossAssignments(members, crossModeOf(s));
}
