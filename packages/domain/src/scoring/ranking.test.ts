import { describe, expect, it } from 'vitest';
import { CLUSTER_17_CRITERIA_2022 } from './test-fixtures.ts';
import { rankUnits, validateKnockOuts, type RankInput, type TieBreak } from './ranking.ts';

const unit = (id: string, total: number, over: Partial<RankInput> = {}): RankInput => ({
  unit: id,
  total,
  groups: {},
  penaltyTotal: 0,
  fullItems: 0,
  submittedAt: null,
  ...over,
});
const order = (r: ReturnType<typeof rankUnits>) => r.ranked.map((x) => [x.unit, x.rank, x.leading]);

describe('rankUnits', () => {
  it('ranks by total, equal ranks for full ties and the next skipping (1, 1, 3)', () => {
    const r = rankUnits([unit('C', 90), unit('B', 95), unit('A', 95), unit('D', 80), unit('E', 70)], [], []);
    expect(order(r)).toEqual([
      ['A', 1, 1],
      ['B', 1, 1],
      ['C', 3, 3],
      ['D', 4, null],
      ['E', 5, null],
    ]);
  });

  it.each<[string, TieBreak, RankInput, RankInput]>([
    ['more items at full points', 'fullItems', unit('X', 90, { fullItems: 5 }), unit('A', 90, { fullItems: 4 })],
    ['a higher group', { group: 'II' }, unit('X', 90, { groups: { II: 30 } }), unit('A', 90, { groups: { II: 29.75 } })],
    ['fewer penalty points', 'fewerPenalties', unit('X', 90, { penaltyTotal: -0.5 }), unit('A', 90, { penaltyTotal: -1 })],
    [
      'an earlier self sheet',
      'earlierSubmission',
      unit('X', 90, { submittedAt: '2023-01-05T08:00:00+07:00' }),
      unit('A', 90, { submittedAt: '2023-01-05T09:00:00+07:00' }),
    ],
    ['a self sheet at all', 'earlierSubmission', unit('X', 90, { submittedAt: '2023-01-09' }), unit('A', 90)],
  ])('breaks a tie by %s', (_, tb, winner, loser) => {
    const r = rankUnits([loser, winner], [tb], []);
    expect(order(r)).toEqual([
      [winner.unit, 1, 1],
      [loser.unit, 2, 2],
    ]);
    expect(r.ranked[0]!.decidedBy).toEqual(tb);
    expect(r.ranked[1]!.decidedBy).toBeNull();
  });

  it('applies tie-breaks in the order given', () => {
    const a = unit('A', 90, { fullItems: 5, penaltyTotal: -2 });
    const b = unit('B', 90, { fullItems: 4, penaltyTotal: 0 });
    expect(rankUnits([a, b], ['fullItems', 'fewerPenalties'], []).ranked.map((x) => x.unit)).toEqual(['A', 'B']);
    expect(rankUnits([a, b], ['fewerPenalties', 'fullItems'], []).ranked.map((x) => x.unit)).toEqual(['B', 'A']);
  });

  it('never lets a tie-break overturn a higher total', () => {
    const r = rankUnits([unit('A', 90.25), unit('B', 90, { fullItems: 9 })], ['fullItems'], []);
    expect(r.ranked.map((x) => [x.unit, x.decidedBy])).toEqual([
      ['A', null],
      ['B', null],
    ]);
  });

  it('lists knocked-out units apart, never leading, and moves the others up', () => {
    const r = rankUnits(
      [unit('A', 99), unit('B', 95), unit('C', 90), unit('D', 85)],
      [],
      [
        { unit: 'A', code: 'KO3' },
        { unit: 'A', code: 'KO1' },
        { unit: 'A', code: 'KO1' },
      ],
    );
    expect(order(r)).toEqual([
      ['B', 1, 1],
      ['C', 2, 2],
      ['D', 3, 3],
    ]);
    expect(r.knockedOut).toEqual([{ unit: 'A', total: 99, codes: ['KO1', 'KO3'] }]);
  });

  it('marks as many leading places as the cluster sets', () => {
    const r = rankUnits([unit('A', 3), unit('B', 2), unit('C', 1)], [], [], { leadingPlaces: 1 });
    expect(r.ranked.map((x) => x.leading)).toEqual([1, null, null]);
  });

  it('compares totals in hundredths, not floats', () => {
    const r = rankUnits([unit('A', 0.1 + 0.2), unit('B', 0.3)], [], []);
    expect(r.ranked.map((x) => x.rank)).toEqual([1, 1]);
  });
});

describe('validateKnockOuts', () => {
  it('accepts the conditions of the table and refuses others, naming them', () => {
    expect(validateKnockOuts(CLUSTER_17_CRITERIA_2022, [{ unit: 'A', code: 'KO2' }]).ok).toBe(true);
    expect(validateKnockOuts(CLUSTER_17_CRITERIA_2022, [{ unit: 'A', code: 'KO9' }])).toEqual({
      ok: false,
      code: 'CRITERIA_INVALID',
      params: { item: 'KO9', rule: 'unknownKnockOut' },
    });
  });
});
