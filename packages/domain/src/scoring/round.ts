/**
 * A scoring round (sơ kết H1 or tổng kết FY) of a cluster: spec §6.1 (calendar), §6.3 (self-scoring, cross-scoring
 * ❓ — used by some quy chế, no primary text found) and §7.1 (ScoreSheet stages SELF, CROSS, HEAD_REVIEW, FINAL).
 *
 * States run draft → self → cross → review → closed. The criteria table is frozen from `self` on. Members score
 * their own unit in `self` and others in `cross`; the head adjusts in `review`; `closed` locks everything. A stage also
 * locks at its deadline unless the cluster accepts late sheets (`acceptLate` ❓, off by default).
 *
 * Times are ISO 8601 instants ("2023-01-10T17:00:00+07:00"); a bare date ("2023-01-10") means the end of that day
 * in Vietnam (UTC+7, no daylight saving), so a sheet submitted any time on the deadline day is on time.
 */
import { err, ok, type Result } from '../shared/result.ts';

export type RoundState = 'draft' | 'self' | 'cross' | 'review' | 'closed';
export const ROUND_STATES = ['draft', 'self', 'cross', 'review', 'closed'] as const satisfies readonly RoundState[];

/** The stages in which members score. */
export type ScoringStage = 'self' | 'cross';

export interface ScoringRound {
  readonly state: RoundState;
  /** Deadline of each scoring stage (instant or date); none: the stage runs until the head moves the round on. */
  readonly deadlines: Readonly<Partial<Record<ScoringStage, string>>>;
  /** Whether sheets are taken after a stage's deadline while the stage is still open (marked late) ❓. */
  readonly acceptLate?: boolean;
}

/** The state after `state` (the head moves the round on; `closed` stays closed). */
export function nextRoundState(state: RoundState): RoundState {
  return ROUND_STATES[Math.min(ROUND_STATES.indexOf(state) + 1, ROUND_STATES.length - 1)]!;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an instant (with its offset or Z: a time without one would depend on the machine's
 * zone), or of the end of a date in UTC+7. Anything else is a RangeError.
 */
export function instant(value: string): number {
  const ms = DATE.test(value) ? Date.parse(`${value}T23:59:59.999+07:00`) : INSTANT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO 8601 date or instant with offset: ${value}`);
  return ms;
}

export type DeadlineStatus = 'onTime' | 'late' | 'missing' | 'open';

/**
 * Where a sheet stands against its deadline: submitted at or before it → onTime, after it → late; not submitted
 * while the deadline is still ahead (or exactly now) → open, once it has passed → missing.
 */
export function deadlineStatus(deadline: string, submittedAt: string | null | undefined, now: string): DeadlineStatus {
  const due = instant(deadline);
  if (submittedAt) return instant(submittedAt) <= due ? 'onTime' : 'late';
  return instant(now) <= due ? 'open' : 'missing';
}

/** Who scores whom in the cross round: each scorer → the units it scores. */
export type CrossAssignments = ReadonlyMap<string, ReadonlySet<string>>;

/** The cross-scoring plan: every member scores all the others, or a table of pairs set by the cluster. */
export type CrossMode = 'allOthers' | { readonly pairs: ReadonlyArray<{ readonly scorer: string; readonly target: string }> };

/**
 * The assignments of the cross round. A table's pairs must join two different members (NOT_CLUSTER_MEMBER { unit },
 * OWN_UNIT_CROSS_SCORE { unit }) and leave no member unscored (VALIDATION_FAILED { unit, rule: 'unscored' }), since
 * a unit nobody scores would have no cross score. Repeated pairs count once.
 */
export function crossAssignments(members: readonly string[], mode: CrossMode): Result<CrossAssignments> {
  const plan = new Map<string, Set<string>>(members.map((m) => [m, new Set<string>()]));
  if (mode === 'allOthers') {
    for (const s of members) for (const t of members) if (s !== t) plan.get(s)!.add(t);
    return ok(plan);
  }
  for (const { scorer, target } of mode.pairs) {
    if (!plan.has(scorer)) return err('NOT_CLUSTER_MEMBER', { unit: scorer });
    if (!plan.has(target)) return err('NOT_CLUSTER_MEMBER', { unit: target });
    if (scorer === target) return err('OWN_UNIT_CROSS_SCORE', { unit: scorer });
    plan.get(scorer)!.add(target);
  }
  const scored = new Set([...plan.values()].flatMap((targets) => [...targets]));
  const unscored = members.find((m) => !scored.has(m));
  if (unscored !== undefined && members.length > 1) return err('VALIDATION_FAILED', { unit: unscored, rule: 'unscored' });
  return ok(plan);
}

/**
 * Whether `scorer` may enter or change a sheet on `target` in `stage` at `now`. In order:
 * - both must be members of the cluster that year: NOT_CLUSTER_MEMBER { unit };
 * - the round must be in that stage: ROUND_NOT_OPEN { stage, state } before it (draft, or self while crossing),
 *   ROUND_CLOSED { stage, state } after it (a later stage, review or closed);
 * - the stage's deadline must not have passed (unless late sheets are accepted): ROUND_CLOSED { stage, deadline };
 * - in `self` a member scores only its own unit, in `cross` never its own (OWN_UNIT_CROSS_SCORE { unit }) and only
 *   those it is assigned (NOT_ASSIGNED_TO_SCORE { scorer, target }).
 */
export function canScore(
  round: ScoringRound,
  scorer: string,
  target: string,
  stage: ScoringStage,
  assignments: CrossAssignments,
  members: readonly string[],
  now: string,
): Result<true> {
  if (!members.includes(scorer)) return err('NOT_CLUSTER_MEMBER', { unit: scorer });
  if (!members.includes(target)) return err('NOT_CLUSTER_MEMBER', { unit: target });
  const at = ROUND_STATES.indexOf(round.state);
  const wanted = ROUND_STATES.indexOf(stage);
  if (at < wanted) return err('ROUND_NOT_OPEN', { stage, state: round.state });
  if (at > wanted) return err('ROUND_CLOSED', { stage, state: round.state });
  const deadline = round.deadlines[stage];
  if (deadline !== undefined && !round.acceptLate && instant(now) > instant(deadline))
    return err('ROUND_CLOSED', { stage, state: round.state, deadline });
  if (stage === 'self') return scorer === target ? ok(true) : err('NOT_ASSIGNED_TO_SCORE', { scorer, target });
  if (scorer === target) return err('OWN_UNIT_CROSS_SCORE', { unit: scorer });
  return assignments.get(scorer)?.has(target) ? ok(true) : err('NOT_ASSIGNED_TO_SCORE', { scorer, target });
}

/**
 * Whether `actor` may adjust scores: only the cluster's head of the year (FORBIDDEN { role: 'head' }), only in the
 * review (ROUND_NOT_OPEN before it, ROUND_CLOSED once closed). The reason is checked with the adjustment itself
 * (`applyAdjustments`).
 */
export function canAdjust(round: Pick<ScoringRound, 'state'>, actor: string, head: string): Result<true> {
  if (actor !== head) return err('FORBIDDEN', { role: 'head' });
  if (round.state === 'closed') return err('ROUND_CLOSED', { stage: 'review', state: round.state });
  if (round.state !== 'review') return err('ROUND_NOT_OPEN', { stage: 'review', state: round.state });
  return ok(true);
}
