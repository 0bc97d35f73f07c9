import { describe, expect, it } from 'vitest';
import type { CriterionItem } from './criteria.ts';
import { allowedPoints, roundRatio, scoreFor, toHundredths, validatePoints } from './points.ts';

const base = { text: 'x', evidenceRequired: false } as const;
const binary: CriterionItem = { ...base, code: 'B', maxPoints: 10, method: 'binary', kind: 'regular' };
const graded: CriterionItem = { ...base, code: 'G', maxPoints: 10, method: 'graded', levels: [0, 5, 8, 10], kind: 'regular' };
const manual: CriterionItem = { ...base, code: 'M', maxPoints: 10, method: 'manual', kind: 'regular' };
const prop: CriterionItem = { ...base, code: 'P', maxPoints: 20, method: 'proportional', target: 100, kind: 'regular' };
const bonus: CriterionItem = { ...base, code: 'T2', maxPoints: 15, method: 'binary', kind: 'bonus' };
const penalty: CriterionItem = { ...base, code: 'D1', maxPoints: 5, method: 'manual', kind: 'penalty' };
const gradedPenalty: CriterionItem = { ...base, code: 'D2', maxPoints: 4, method: 'graded', levels: [0, 2, 4], kind: 'penalty' };

describe('validatePoints', () => {
  it.each([
    [binary, 0, null],
    [binary, 10, null],
    [binary, 0.5, 'binary'],
    [binary, 5, 'binary'],
    [binary, 11, 'aboveMax'],
    [binary, -1, 'negative'],
    [graded, 8, null],
    [graded, 7, 'notALevel'],
    [manual, 7.25, null],
    [manual, 7.3, 'step'],
    [manual, 10.25, 'aboveMax'],
    [manual, 0.001, 'precision'],
    [manual, Number.NaN, 'notANumber'],
    [prop, 13.37, null],
    [prop, 20.01, 'aboveMax'],
    [bonus, 15, null],
    [bonus, 10, 'binary'],
    [penalty, -2.5, null],
    [penalty, 0, null],
    [penalty, 1, 'positivePenalty'],
    [penalty, -5.25, 'belowMin'],
    [gradedPenalty, -2, null],
    [gradedPenalty, -3, 'notALevel'],
  ] as const)('%o takes %s → %s', (item, points, rule) => {
    const r = validatePoints(item, points);
    if (rule === null) expect(r).toEqual({ ok: true, value: points });
    else expect(r).toMatchObject({ ok: false, code: 'SCORE_INVALID', params: { item: item.code, rule } });
  });

  it('names the item and what it takes', () => {
    expect(validatePoints(binary, 0.5)).toEqual({
      ok: false,
      code: 'SCORE_INVALID',
      params: { item: 'B', points: '0.5', allowed: '0; 10', rule: 'binary' },
    });
    expect(allowedPoints(graded)).toBe('0; 5; 8; 10');
    expect(allowedPoints(manual)).toBe('0 … 10 (×0.25)');
    expect(allowedPoints(penalty, { step: 0.5 })).toBe('-5 … 0 (×0.5)');
  });

  it('follows the cluster grid', () => {
    expect(validatePoints(manual, 7.25, { step: 0.5 }).ok).toBe(false);
    expect(validatePoints(manual, 7.5, { step: 0.5 }).ok).toBe(true);
  });
});

describe('scoreFor (proportional)', () => {
  it.each([
    [100, 20],
    [50, 10],
    [0, 0],
    [112, 20],
    [97, 19.4],
    [33.333, 6.67],
    [33.325, 6.67],
  ])('achieved %s of 100 → %s of 20', (achieved, points) => {
    expect(scoreFor(prop, achieved)).toEqual({ ok: true, value: points });
  });
  it('handles large targets exactly', () => {
    const money = { ...prop, target: 12_500_000_000 };
    expect(scoreFor(money, 6_250_000_000)).toEqual({ ok: true, value: 10 });
  });
  it('takes off for a proportional penalty', () => {
    expect(scoreFor({ ...prop, kind: 'penalty', maxPoints: 5 }, 50)).toEqual({ ok: true, value: -2.5 });
  });
  it.each([
    [prop, -1, 'negative'],
    [prop, Number.POSITIVE_INFINITY, 'negative'],
    [manual, 5, 'notProportional'],
  ] as const)('refuses %o with %s', (item, achieved, rule) => {
    expect(scoreFor(item, achieved)).toMatchObject({ ok: false, code: 'SCORE_INVALID', params: { item: item.code, rule } });
  });
});

describe('exact arithmetic', () => {
  it('reads hundredths without drift', () => {
    expect(toHundredths(0.1 + 0.2)).toBe(30);
    expect(toHundredths(97.25)).toBe(9725);
    expect(toHundredths(1.005)).toBeUndefined();
  });
  it.each([
    [5, 2, 3],
    [-5, 2, -3],
    [4, 3, 1],
    [7, 3, 2],
  ])('%s/%s rounds half away from zero to %s', (n, d, r) => {
    expect(roundRatio(n, d)).toBe(r);
  });
});
