// Builders of raw contract cases (`thidua.eligibility-cases/1`) for tests: the rows of the tables
// read like the spec's examples, and every one goes through validation like real input.
import { checkEligibilityCases, type CaseResult } from './check.ts';
import type { IssuerSettings } from '../rulebook/settings.ts';

export type RawSubject = Record<string, unknown>;
export interface RawCase {
  id: string;
  proposal: Record<string, unknown>;
  subject: RawSubject;
  expected?: boolean;
}

export const person = (over: RawSubject = {}): RawSubject => ({
  type: 'individual',
  gender: 'male',
  ratings: {},
  titles: [],
  awards: [],
  initiatives: [],
  scienceWorks: [],
  discipline: [],
  leaves: [],
  pendingReview: false,
  achievements: [],
  ...over,
});
export const collective = (members: Record<string, number>, over: RawSubject = {}): RawSubject => ({
  type: 'collective',
  ratings: {},
  titles: [],
  awards: [],
  pendingReview: false,
  members: { total: 10, advancedWorkers: 10, completedTasks: 10, grassrootsFighters: 1, disciplinedWarningOrAbove: 0, ...members },
  ...over,
});
export const proposal = (award: string, year: number, extra: Record<string, unknown> = {}) => ({ award, year, ...extra });
export const ratings = (from: number, list: readonly string[]) => Object.fromEntries(list.map((r, i) => [String(from + i), r]));
export const titles = (code: string, years: readonly number[]) => years.map((year) => ({ code, year }));
export const initiative = (id: string, year: number, scope = 'CO_SO', usedForAward: string | null = null) => ({
  id,
  year,
  scope,
  usedForAward,
});

/** Runs one raw case through validation and evaluation; throws on invalid input so tables fail loudly. */
export function judge(c: { proposal: Record<string, unknown>; subject: RawSubject }, settings?: IssuerSettings): CaseResult {
  const result = checkEligibilityCases({ format: 'thidua.eligibility-cases/1', cases: [{ id: 'case', ...c }] }, { settings });
  if (!result.ok) throw new Error(`invalid test case: ${JSON.stringify(result.params)}`);
  return result.value[0]!;
}
