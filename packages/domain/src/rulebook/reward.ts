import type { Rulebook } from './rulebooks.ts';
import type { AwardCode } from './vocabulary.ts';

/**
 * Base salary (mức lương cơ sở) by date, in VND. 2,340,000 is the figure the sources use ✅[S20];
 * the earlier 1,800,000 (Decree 24/2023, from 1 Jul 2023) and the switch on 1 Jul 2024
 * (Decree 73/2024) are background knowledge ❓ — pass `baseSalaryVnd` explicitly where it matters.
 */
export const BASE_SALARY_SCHEDULE: readonly { readonly from: string; readonly vnd: number; readonly basis: string }[] = Object.freeze([
  { from: '2023-07-01', vnd: 1_800_000, basis: 'decree-24-2023' },
  { from: '2024-07-01', vnd: 2_340_000, basis: 'decree-73-2024' },
]);

/** The base salary in force on a date (YYYY-MM-DD), or undefined before the schedule starts. */
export function findBaseSalary(date: string): number | undefined {
  let found: number | undefined;
  for (const step of BASE_SALARY_SCHEDULE) if (date >= step.from) found = step.vnd;
  return found;
}

/**
 * Reward money for a title: coefficient × base salary, in integer VND (rounded half up to the
 * đồng). Undefined when the rulebook has no coefficient for the award (forms are issuer tables ❓).
 */
export function computeRewardVnd(
  award: AwardCode,
  rulebook: Pick<Rulebook, 'rewardCoefficientTenths'>,
  baseSalaryVnd: number,
): number | undefined {
  const tenths = rulebook.rewardCoefficientTenths[award];
  if (tenths === undefined) return undefined;
  return Math.floor((tenths * baseSalaryVnd + 5) / 10);
}
