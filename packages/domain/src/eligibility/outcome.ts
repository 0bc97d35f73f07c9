import type { Verdict } from './types.ts';

/** The reason of a title or form whose criteria are detailed outside the rulebook (Government, ministry or province rules). */
export const CRITERIA_DELEGATED = 'CRITERIA_DELEGATED';

/** A verdict read in three states: met, not met, or to be judged by the emulation and commendation council. */
export type VerdictOutcome = 'met' | 'notMet' | 'council';

/**
 * `council` when the only conditions not met are criteria the rulebook leaves to the council: nothing it checks
 * stands in the way. Any other failed condition (a discipline in the year, a pending review…) makes it `notMet`,
 * whatever the council would judge.
 */
export function verdictOutcome(verdict: Pick<Verdict, 'eligible' | 'reasons'>): VerdictOutcome {
  if (verdict.eligible) return 'met';
  let delegated = false;
  for (const r of verdict.reasons) {
    if (r.met) continue;
    if (r.code !== CRITERIA_DELEGATED) return 'notMet';
    delegated = true;
  }
  return delegated ? 'council' : 'notMet';
}
