import { describe, expect, it } from 'vitest';
import { canAdjust, canScore, crossAssignments, deadlineStatus, nextRoundState, type ScoringRound } from './round.ts';

describe('deadlineStatus', () => {
  it.each([
    ['2023-01-10', '2023-01-09T10:00:00+07:00', '2023-02-01T00:00:00Z', 'onTime'],
    ['2023-01-10', '2023-01-10T23:59:00+07:00', '2023-02-01T00:00:00Z', 'onTime'],
    ['2023-01-10', '2023-01-11T00:00:00+07:00', '2023-02-01T00:00:00Z', 'late'],
    ['2023-01-10', null, '2023-01-10T20:00:00+07:00', 'open'],
    ['2023-01-10', null, '2023-01-11T00:00:01+07:00', 'missing'],
    ['2023-01-10T17:00:00+07:00', '2023-01-10T10:00:01Z', '2023-02-01T00:00:00Z', 'late'],
    ['2023-01-10T17:00:00+07:00', '2023-01-10T10:00:00Z', '2023-02-01T00:00:00Z', 'onTime'],
    ['2023-01-10T17:00:00+07:00', '2023-01-10T17:00:00+07:00', '2023-02-01T00:00:00Z', 'onTime'],
    ['2023-01-10T17:00:00+07:00', undefined, '2023-01-10T17:00:00+07:00', 'open'],
  ])('deadline %s, submitted %s, now %s → %s', (deadline, submitted, now, status) => {
    expect(deadlineStatus(deadline, submitted, now)).toBe(status);
  });
  it('refuses a time that is not ISO 8601', () => {
    expect(() => deadlineStatus('10/01/2023', null, '2023-01-01')).toThrow(RangeError);
    expect(() => deadlineStatus('2023-01-10T17:00:00', null, '2023-01-01')).toThrow(RangeError);
  });
});

describe('round states', () => {
  it('run draft → self → cross → review → closed', () => {
    expect(['draft', 'self', 'cross', 'review', 'closed'].map((s) => nextRoundState(s as never))).toEqual([
      'self',
      'cross',
      'review',
      'closed',
      'closed',
    ]);
  });
});

const members = ['A', 'B', 'C', 'D'];
describe('crossAssignments', () => {
  it('gives each member all the others', () => {
    const r = crossAssignments(members, 'allOthers');
    expect(r.ok && [...r.value].map(([s, t]) => [s, [...t]])).toEqual([
      ['A', ['B', 'C', 'D']],
      ['B', ['A', 'C', 'D']],
      ['C', ['A', 'B', 'D']],
      ['D', ['A', 'B', 'C']],
    ]);
  });
  it('takes a table of pairs', () => {
    const pairs = [
      { scorer: 'A', target: 'B' },
      { scorer: 'B', target: 'C' },
      { scorer: 'C', target: 'D' },
      { scorer: 'D', target: 'A' },
      { scorer: 'D', target: 'A' },
    ];
    const r = crossAssignments(members, { pairs });
    expect(r.ok && [...r.value.get('D')!]).toEqual(['A']);
  });
  it.each([
    [[{ scorer: 'A', target: 'A' }], 'OWN_UNIT_CROSS_SCORE', { unit: 'A' }],
    [[{ scorer: 'X', target: 'A' }], 'NOT_CLUSTER_MEMBER', { unit: 'X' }],
    [[{ scorer: 'A', target: 'X' }], 'NOT_CLUSTER_MEMBER', { unit: 'X' }],
    [
      [
        { scorer: 'A', target: 'B' },
        { scorer: 'B', target: 'A' },
        { scorer: 'C', target: 'A' },
      ],
      'VALIDATION_FAILED',
      { unit: 'C', rule: 'unscored' },
    ],
  ])('refuses %o with %s', (pairs, code, params) => {
    expect(crossAssignments(members, { pairs })).toEqual({ ok: false, code, params });
  });
});

describe('canScore', () => {
  const all = crossAssignments(members, 'allOthers');
  if (!all.ok) throw new Error('assignments');
  const table = crossAssignments(members, {
    pairs: [
      { scorer: 'A', target: 'B' },
      { scorer: 'B', target: 'C' },
      { scorer: 'C', target: 'D' },
      { scorer: 'D', target: 'A' },
    ],
  });
  if (!table.ok) throw new Error('table');
  const round = (state: ScoringRound['state'], acceptLate = false): ScoringRound => ({
    state,
    deadlines: { self: '2023-01-10', cross: '2023-01-31' },
    acceptLate,
  });
  const jan5 = '2023-01-05T09:00:00+07:00';
  const jan20 = '2023-01-20T09:00:00+07:00';
  const feb2 = '2023-02-02T09:00:00+07:00';
  it.each([
    ['self-scoring in the self stage', round('self'), 'A', 'A', 'self', all.value, jan5, null],
    ['cross-scoring another in the cross stage', round('cross'), 'A', 'B', 'cross', all.value, jan20, null],
    ['an assigned pair', round('cross'), 'A', 'B', 'cross', table.value, jan20, null],
    ['a late sheet where late sheets are taken', round('cross', true), 'A', 'B', 'cross', all.value, feb2, null],
    ['a scorer outside the cluster', round('self'), 'X', 'X', 'self', all.value, jan5, ['NOT_CLUSTER_MEMBER', { unit: 'X' }]],
    ['a target outside the cluster', round('cross'), 'A', 'X', 'cross', all.value, jan20, ['NOT_CLUSTER_MEMBER', { unit: 'X' }]],
    ['a draft round', round('draft'), 'A', 'A', 'self', all.value, jan5, ['ROUND_NOT_OPEN', { stage: 'self', state: 'draft' }]],
    ['cross while self-scoring', round('self'), 'A', 'B', 'cross', all.value, jan5, ['ROUND_NOT_OPEN', { stage: 'cross', state: 'self' }]],
    ['self after the self stage', round('cross'), 'A', 'A', 'self', all.value, jan20, ['ROUND_CLOSED', { stage: 'self', state: 'cross' }]],
    ['in review', round('review'), 'A', 'B', 'cross', all.value, jan20, ['ROUND_CLOSED', { stage: 'cross', state: 'review' }]],
    ['a closed round', round('closed'), 'A', 'B', 'cross', all.value, jan20, ['ROUND_CLOSED', { stage: 'cross', state: 'closed' }]],
    [
      'after the deadline',
      round('cross'),
      'A',
      'B',
      'cross',
      all.value,
      feb2,
      ['ROUND_CLOSED', { stage: 'cross', state: 'cross', deadline: '2023-01-31' }],
    ],
    [
      'another unit in the self stage',
      round('self'),
      'A',
      'B',
      'self',
      all.value,
      jan5,
      ['NOT_ASSIGNED_TO_SCORE', { scorer: 'A', target: 'B' }],
    ],
    ['its own unit in the cross stage', round('cross'), 'A', 'A', 'cross', all.value, jan20, ['OWN_UNIT_CROSS_SCORE', { unit: 'A' }]],
    [
      'a pair not in the table',
      round('cross'),
      'A',
      'C',
      'cross',
      table.value,
      jan20,
      ['NOT_ASSIGNED_TO_SCORE', { scorer: 'A', target: 'C' }],
    ],
  ] as const)('%s', (_, r, scorer, target, stage, assignments, now, expected) => {
    const result = canScore(r, scorer, target, stage, assignments, members, now);
    if (expected === null) expect(result).toEqual({ ok: true, value: true });
    else expect(result).toEqual({ ok: false, code: expected[0], params: expected[1] });
  });
});

describe('canAdjust', () => {
  it.each([
    ['review', 'H', null],
    ['review', 'A', ['FORBIDDEN', { role: 'head' }]],
    ['cross', 'H', ['ROUND_NOT_OPEN', { stage: 'review', state: 'cross' }]],
    ['closed', 'H', ['ROUND_CLOSED', { stage: 'review', state: 'closed' }]],
  ] as const)('in %s by %s', (state, actor, expected) => {
    const r = canAdjust({ state }, actor, 'H');
    if (expected === null) expect(r.ok).toBe(true);
    else expect(r).toEqual({ ok: false, code: expected[0], params: expected[1] });
  });
});
