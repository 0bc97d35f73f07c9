// The demo's expectation (issue 10): Cluster No. 17's year 2022 ranks Hợp Lực, Hatuba, Dạ Lan first to third.
import { describe, expect, it } from 'vitest';
import { aggregateRound } from './aggregate.ts';
import { validateCriteriaSet } from './criteria.ts';
import { rankUnits } from './ranking.ts';
import { canScore, crossAssignments, deadlineStatus } from './round.ts';
import {
  CLUSTER_17_CRITERIA_2022,
  CLUSTER_17_LEADING_2022,
  CLUSTER_17_ROUND_2022,
  CLUSTER_17_SETTINGS_2022,
  CLUSTER_17_SHEETS_2022,
  CLUSTER_17_TIE_BREAKS_2022,
  CLUSTER_17_UNITS,
} from './test-fixtures.ts';

const members = CLUSTER_17_UNITS.map((u) => u.code);

describe('Cluster No. 17, 2022', () => {
  it('has a sound table and ten members, each scoring itself and the nine others', () => {
    expect(validateCriteriaSet(CLUSTER_17_CRITERIA_2022).ok).toBe(true);
    expect(members).toHaveLength(10);
    expect(CLUSTER_17_SHEETS_2022).toHaveLength(100);
    const plan = crossAssignments(members, 'allOthers');
    if (!plan.ok) throw new Error(plan.code);
    const open = { ...CLUSTER_17_ROUND_2022, state: 'cross' as const };
    for (const s of CLUSTER_17_SHEETS_2022.filter((x) => x.stage === 'cross'))
      expect(canScore(open, s.scorer, s.unit, 'cross', plan.value, members, s.submittedAt!).ok).toBe(true);
    for (const s of CLUSTER_17_SHEETS_2022.filter((x) => x.stage === 'self'))
      expect(deadlineStatus(CLUSTER_17_ROUND_2022.deadlines.self!, s.submittedAt, '2023-02-11')).toBe('onTime');
  });

  it('ranks Tổng Công ty CP Hợp Lực 1st, Công ty TNHH Hatuba 2nd, Công ty CP Dạ Lan 3rd', () => {
    const results = aggregateRound(CLUSTER_17_CRITERIA_2022, members, CLUSTER_17_SHEETS_2022, CLUSTER_17_SETTINGS_2022);
    if (!results.ok) throw new Error(`${results.code} ${JSON.stringify(results.params)}`);
    const ranking = rankUnits(results.value, CLUSTER_17_TIE_BREAKS_2022, []);
    const name = (code: string) => CLUSTER_17_UNITS.find((u) => u.code === code)!.name;
    const leading = ranking.ranked.filter((r) => r.leading !== null).map((r) => [r.leading, name(r.unit)]);
    expect(leading).toEqual([
      [1, 'Tổng Công ty CP Hợp Lực'],
      [2, 'Công ty TNHH Hatuba'],
      [3, 'Công ty CP Dạ Lan'],
    ]);
    expect(ranking.ranked.slice(0, 3).map((r) => r.unit)).toEqual([...CLUSTER_17_LEADING_2022]);
    expect(ranking.ranked).toHaveLength(10);
    expect(ranking.knockedOut).toEqual([]);
    expect(ranking.ranked.map((r) => r.total)).toMatchInlineSnapshot(`
      [
        99.4,
        98.95,
        95.25,
        94.8,
        94.15,
        92.85,
        91.75,
        90.05,
        88.05,
        86.15,
      ]
    `);
  });
});
