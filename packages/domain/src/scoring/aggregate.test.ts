import { describe, expect, it } from 'vitest';
import { aggregateCross, aggregateRound, aggregateUnit, validateWeights, type AggregationSettings, type ScoreSheet } from './aggregate.ts';
import type { CriteriaSet } from './criteria.ts';

const criteria: CriteriaSet = {
  version: 1,
  year: 2024,
  period: 'FY',
  maxTotal: 30,
  groups: [
    {
      code: 'G1',
      title: 'Nhóm 1',
      items: [
        { code: 'A', text: 'a', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'regular' },
        { code: 'B', text: 'b', maxPoints: 10, method: 'manual', evidenceRequired: false, kind: 'regular' },
      ],
    },
    {
      code: 'G2',
      title: 'Nhóm 2',
      items: [
        { code: 'C', text: 'c', maxPoints: 10, method: 'graded', levels: [0, 5, 10], evidenceRequired: false, kind: 'regular' },
        { code: 'T', text: 't', maxPoints: 10, method: 'binary', evidenceRequired: true, kind: 'bonus' },
        { code: 'D', text: 'd', maxPoints: 5, method: 'manual', evidenceRequired: false, kind: 'penalty' },
      ],
    },
  ],
  knockOuts: [{ code: 'KO', text: 'ko' }],
};
const sheet = (unit: string, scorer: string, points: Record<string, number>, submittedAt?: string): ScoreSheet => ({
  unit,
  scorer,
  stage: unit === scorer ? 'self' : 'cross',
  entries: Object.entries(points).map(([item, p]) => ({ item, points: p })),
  submittedAt: submittedAt ?? null,
});
const s3070: AggregationSettings = { weights: { self: 30, cross: 70 }, crossMethod: 'mean' };

describe('aggregateCross', () => {
  it.each([
    [[8, 9, 10], 'mean', 9],
    [[8, 9, 9.5], 'mean', 8.83],
    [[10, 10, 9.75], 'mean', 9.92],
    [[1, 9, 2, 8], 'median', 5],
    [[1, 9, 2], 'median', 2],
    [[0.25, 0.5], 'median', 0.38],
    [[0, 7, 8, 10], 'trimmedMean', 7.5],
    [[0, 10, 9], 'trimmedMean', 9],
    [[4, 6], 'trimmedMean', 5],
    [[7.5], 'trimmedMean', 7.5],
    [[-5, -2.5, 0], 'mean', -2.5],
    [[-1, -0.25, 0], 'mean', -0.42],
    [[], 'mean', undefined],
  ] as const)('%o by %s → %s', (values, method, expected) => {
    expect(aggregateCross(values, method)).toBe(expected);
  });
  it('refuses values finer than the hundredth', () => {
    expect(() => aggregateCross([1.234], 'mean')).toThrow(RangeError);
  });
});

describe('validateWeights', () => {
  it.each([
    [30, 70, true],
    [0, 100, true],
    [100, 0, true],
    [30, 60, false],
    [-10, 110, false],
    [33.5, 66.5, false],
  ])('%s / %s → %s', (self, cross, valid) => {
    expect(validateWeights({ self, cross }).ok).toBe(valid);
  });
});

describe('aggregateUnit', () => {
  const sheets = [
    sheet('U', 'U', { A: 10, B: 9, C: 10, T: 10, D: -1 }, '2024-12-01T08:00:00+07:00'),
    sheet('U', 'V', { A: 10, B: 8, C: 5, T: 10, D: -1 }),
    sheet('U', 'W', { A: 0, B: 7, C: 5, T: 10, D: -2 }),
    sheet('V', 'U', { A: 10, B: 10, C: 10 }),
  ];

  it('weights self and the cross mean per item, with group subtotals and bonus and penalty apart', () => {
    const r = aggregateUnit(criteria, 'U', sheets, s3070);
    if (!r.ok) throw new Error(r.code);
    // A: .3×10 + .7×5 = 6.5; B: .3×9 + .7×7.5 = 7.95; C: .3×10 + .7×5 = 6.5; T: 10; D: .3×-1 + .7×-1.5 = -1.35
    expect(r.value.items.map((i) => [i.item, i.self, i.cross, i.score])).toEqual([
      ['A', 10, 5, 6.5],
      ['B', 9, 7.5, 7.95],
      ['C', 10, 5, 6.5],
      ['T', 10, 10, 10],
      ['D', -1, -1.5, -1.35],
    ]);
    expect(r.value).toMatchObject({
      groups: { G1: 14.45, G2: 6.5 },
      regularTotal: 20.95,
      bonusTotal: 10,
      penaltyTotal: -1.35,
      total: 29.6,
      fullItems: 0,
      submittedAt: '2024-12-01T08:00:00+07:00',
    });
  });

  it('may go over the frame with bonus points', () => {
    const full = { A: 10, B: 10, C: 10, T: 10 };
    const r = aggregateUnit(criteria, 'U', [sheet('U', 'U', full), sheet('U', 'V', full)], s3070);
    expect(r.ok && [r.value.total, r.value.fullItems]).toEqual([40, 3]);
  });

  it.each([
    ['mean', 7.63],
    ['median', 7.5],
    ['trimmedMean', 7.5],
  ] as const)('cross only, %s: item B → %s', (crossMethod, b) => {
    // B from V, W, X, Y: 8, 7, 9, 6.5 → mean 7.625 (rounded once, half up), median 7.5, trimmed (7 + 8) / 2
    const r = aggregateUnit(criteria, 'U', [...sheets, sheet('U', 'X', { B: 9 }), sheet('U', 'Y', { B: 6.5 })], {
      weights: { self: 0, cross: 100 },
      crossMethod,
    });
    expect(r.ok && r.value.items.find((i) => i.item === 'B')!.score).toBe(b);
  });

  it('counts a scorer without an entry as 0 for the item, a scorer without a sheet not at all', () => {
    const r = aggregateUnit(criteria, 'U', [sheet('U', 'U', { B: 10 }), sheet('U', 'V', { A: 10 })], { ...s3070, crossMethod: 'mean' });
    expect(r.ok && r.value.items.find((i) => i.item === 'B')).toMatchObject({ self: 10, cross: 0, crossCount: 1, score: 3 });
  });

  it.each([
    ['self', undefined, 9],
    ['self', 'self', 9],
    ['zero', 'zero', 2.7],
  ] as const)('with nobody else scoring, the cross part is %s', (_, missingCross, b) => {
    const r = aggregateUnit(criteria, 'U', [sheet('U', 'U', { B: 9 })], { ...s3070, ...(missingCross ? { missingCross } : {}) });
    expect(r.ok && r.value.items.find((i) => i.item === 'B')).toMatchObject({ cross: null, crossCount: 0, score: b });
  });

  it("ignores a unit's cross sheet on itself", () => {
    const withOwn = [...sheets, { ...sheet('U', 'U', { A: 0, B: 0, C: 0 }), stage: 'cross' as const }];
    expect(aggregateUnit(criteria, 'U', withOwn, s3070)).toEqual(aggregateUnit(criteria, 'U', sheets, s3070));
  });

  it("applies the head's adjustment with its reason", () => {
    const r = aggregateUnit(criteria, 'U', sheets, s3070, [{ unit: 'U', item: 'A', points: 10, reason: ' Đã nộp chứng từ thuế bổ sung ' }]);
    expect(r.ok && r.value.items[0]).toMatchObject({
      computed: 6.5,
      score: 10,
      adjustment: { points: 10, reason: 'Đã nộp chứng từ thuế bổ sung' },
    });
    expect(r.ok && r.value.total).toBe(33.1);
  });

  it.each([
    [
      'an adjustment without a reason',
      [],
      [{ unit: 'U', item: 'A', points: 10, reason: '  ' }],
      'ADJUSTMENT_NEEDS_REASON',
      { item: 'A', unit: 'U' },
    ],
    [
      'an adjustment off the method',
      [],
      [{ unit: 'U', item: 'A', points: 0.5, reason: 'r' }],
      'SCORE_INVALID',
      { item: 'A', points: '0.5', allowed: '0; 10', rule: 'binary' },
    ],
    [
      'an adjustment of an unknown item',
      [],
      [{ unit: 'U', item: 'Z', points: 1, reason: 'r' }],
      'SCORE_INVALID',
      { item: 'Z', points: '1', allowed: '', rule: 'unknownItem' },
    ],
    [
      'two adjustments of one item',
      [],
      [
        { unit: 'U', item: 'B', points: 1, reason: 'r' },
        { unit: 'U', item: 'B', points: 2, reason: 'r' },
      ],
      'VALIDATION_FAILED',
      { unit: 'U', item: 'B', rule: 'duplicateAdjustment' },
    ],
    [
      'a yes/no item given 0.5',
      [sheet('U', 'V', { A: 0.5 })],
      [],
      'SCORE_INVALID',
      { item: 'A', points: '0.5', allowed: '0; 10', rule: 'binary' },
    ],
    [
      'points above the max',
      [sheet('U', 'V', { B: 11 })],
      [],
      'SCORE_INVALID',
      { item: 'B', points: '11', allowed: '0 … 10 (×0.25)', rule: 'aboveMax' },
    ],
    [
      'points below zero',
      [sheet('U', 'U', { B: -1 })],
      [],
      'SCORE_INVALID',
      { item: 'B', points: '-1', allowed: '0 … 10 (×0.25)', rule: 'negative' },
    ],
    [
      'a positive penalty',
      [sheet('U', 'U', { D: 1 })],
      [],
      'SCORE_INVALID',
      { item: 'D', points: '1', allowed: '-5 … 0 (×0.25)', rule: 'positivePenalty' },
    ],
    [
      'an item twice on a sheet',
      [
        {
          ...sheet('U', 'V', { B: 1 }),
          entries: [
            { item: 'B', points: 1 },
            { item: 'B', points: 2 },
          ],
        },
      ],
      [],
      'SCORE_INVALID',
      { item: 'B', points: '2', allowed: '', rule: 'duplicateEntry' },
    ],
    [
      'a stored sheet with half of a yes/no item',
      [{ unit: 'U', scorer: 'V', stage: 'cross', hundredths: [50, null, null, null, null] }],
      [],
      'SCORE_INVALID',
      { item: 'A', points: '0.5', allowed: '0; 10', rule: 'binary' },
    ],
    [
      'a stored sheet with a positive penalty',
      [{ unit: 'U', scorer: 'V', stage: 'cross', hundredths: [0, 0, 0, 0, 100] }],
      [],
      'SCORE_INVALID',
      { item: 'D', points: '1', allowed: '-5 … 0 (×0.25)', rule: 'positivePenalty' },
    ],
    [
      'a stored sheet of another table (a column too few)',
      [{ unit: 'U', scorer: 'V', stage: 'cross', hundredths: [0, 0, 0, 0] }],
      [],
      'VALIDATION_FAILED',
      { unit: 'U', scorer: 'V', rule: 'sheetLength' },
    ],
    [
      'two sheets of one scorer',
      [sheet('U', 'V', { B: 1 }), sheet('U', 'V', { B: 2 })],
      [],
      'VALIDATION_FAILED',
      { unit: 'U', scorer: 'V', rule: 'duplicateSheet' },
    ],
  ] as const)('refuses %s', (_, extra, adjustments, code, params) => {
    expect(aggregateUnit(criteria, 'U', extra, s3070, adjustments)).toEqual({ ok: false, code, params });
  });

  it('refuses weights that do not sum to 100', () => {
    expect(aggregateUnit(criteria, 'U', [], { weights: { self: 50, cross: 60 }, crossMethod: 'mean' })).toMatchObject({
      ok: false,
      code: 'VALIDATION_FAILED',
      params: { rule: 'weights' },
    });
  });
});

describe('aggregateRound', () => {
  it('gives every member a result, in the order of members', () => {
    const r = aggregateRound(criteria, ['V', 'U'], [sheet('U', 'U', { A: 10 }), sheet('V', 'U', { A: 10 })], s3070);
    expect(r.ok && r.value.map((x) => [x.unit, x.total])).toEqual([
      ['V', 7],
      ['U', 10],
    ]);
  });
  it.each([
    ['a scorer outside', [sheet('U', 'X', { A: 10 })], [], 'X'],
    ['a unit outside', [sheet('X', 'U', { A: 10 })], [], 'X'],
    ['an adjustment outside', [], [{ unit: 'X', item: 'A', points: 0, reason: 'r' }], 'X'],
  ])('refuses %s of the cluster', (_, sheets, adjustments, unit) => {
    expect(aggregateRound(criteria, ['U', 'V'], sheets, s3070, adjustments)).toEqual({
      ok: false,
      code: 'NOT_CLUSTER_MEMBER',
      params: { unit },
    });
  });
});
