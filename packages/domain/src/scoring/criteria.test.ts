import { describe, expect, it } from 'vitest';
import { canEditCriteria, criteriaProblems, nextVersion, validateCriteriaSet, type CriteriaSet, type CriterionItem } from './criteria.ts';
import { CLUSTER_17_CRITERIA_2022 } from './test-fixtures.ts';

const item = (over: Partial<CriterionItem>): CriterionItem => ({
  code: 'A1',
  text: 'Tiêu chí',
  maxPoints: 10,
  method: 'manual',
  evidenceRequired: false,
  kind: 'regular',
  ...over,
});
const table = (items: CriterionItem[], over: Partial<CriteriaSet> = {}): CriteriaSet => ({
  version: 1,
  year: 2022,
  period: 'FY',
  maxTotal: items.filter((i) => i.kind === 'regular').reduce((s, i) => s + i.maxPoints, 0),
  groups: [{ code: 'G', title: 'Nhóm', items }],
  knockOuts: [{ code: 'KO1', text: 'Vi phạm nghiêm trọng' }],
  ...over,
});

describe('validateCriteriaSet', () => {
  it('accepts the Cluster No. 17 table', () => {
    expect(validateCriteriaSet(CLUSTER_17_CRITERIA_2022)).toEqual({ ok: true, value: CLUSTER_17_CRITERIA_2022 });
  });

  it.each([
    ['duplicate item codes', table([item({}), item({})]), 'A1', 'duplicateCode'],
    ['an item code equal to a knock-out', table([item({ code: 'KO1' })]), 'KO1', 'duplicateCode'],
    ['an empty code', table([item({ code: ' ' })]), ' ', 'emptyCode'],
    ['an empty text', table([item({ text: '' })]), 'A1', 'emptyText'],
    ['a zero maximum', table([item({}), item({ code: 'A2', maxPoints: 0 })]), 'A2', 'maxPoints'],
    ['a negative maximum', table([item({}), item({ code: 'A2', maxPoints: -5 })]), 'A2', 'maxPoints'],
    ['a maximum off the grid', table([item({ maxPoints: 7.1 })]), 'A1', 'offGrid'],
    ['proportional without target', table([item({ method: 'proportional' })]), 'A1', 'target'],
    ['proportional with target 0', table([item({ method: 'proportional', target: 0 })]), 'A1', 'target'],
    ['a target on a manual item', table([item({ target: 5 })]), 'A1', 'unexpectedTarget'],
    ['graded without levels', table([item({ method: 'graded' })]), 'A1', 'levels'],
    ['graded with repeated levels', table([item({ method: 'graded', levels: [0, 5, 5, 10] })]), 'A1', 'levels'],
    ['a level above the max', table([item({ method: 'graded', levels: [0, 12] })]), 'A1', 'levelOutOfRange'],
    ['a negative level', table([item({ method: 'graded', levels: [-1, 10] })]), 'A1', 'levelOutOfRange'],
    ['a top level below the max', table([item({ method: 'graded', levels: [0, 5] })]), 'A1', 'topLevelNotMax'],
    ['levels on a binary item', table([item({ method: 'binary', levels: [0, 10] })]), 'A1', 'unexpectedLevels'],
    ['regular maxima not summing to the frame', table([item({})], { maxTotal: 100 }), 'maxTotal', 'frameMismatch'],
    ['no regular item', table([item({ kind: 'bonus' })], { maxTotal: 0 }), 'groups', 'noItems'],
    ['version 0', table([item({})], { version: 0 }), 'version', 'version'],
  ])('refuses %s, naming it', (_, set, name, rule) => {
    expect(validateCriteriaSet(set)).toEqual({ ok: false, code: 'CRITERIA_INVALID', params: { item: name, rule } });
  });

  it('lists every problem in table order', () => {
    const set = table([item({ maxPoints: 0 }), item({ code: 'A2', method: 'binary', levels: [1] })], { maxTotal: 20 });
    expect(criteriaProblems(set).map((p) => p.params)).toEqual([
      { item: 'A1', rule: 'maxPoints' },
      { item: 'A2', rule: 'unexpectedLevels' },
      { item: 'maxTotal', rule: 'frameMismatch' },
    ]);
  });

  it('lets bonus and penalty items stand outside the frame', () => {
    const set = table([
      item({}),
      item({ code: 'T', kind: 'bonus', maxPoints: 15, method: 'binary' }),
      item({ code: 'D', kind: 'penalty' }),
    ]);
    expect(set.maxTotal).toBe(10);
    expect(validateCriteriaSet(set).ok).toBe(true);
  });
});

describe('freezing', () => {
  it.each([
    ['draft', true],
    ['self', false],
    ['cross', false],
    ['review', false],
    ['closed', false],
  ] as const)('a table is editable in a %s round: %s', (state, editable) => {
    const r = canEditCriteria({ version: 3 }, state);
    expect(r.ok).toBe(editable);
    if (!r.ok) expect(r).toEqual({ ok: false, code: 'CRITERIA_FROZEN', params: { version: 3 } });
  });
  it('a change to a frozen table is its next version', () => {
    expect(nextVersion(CLUSTER_17_CRITERIA_2022).version).toBe(2);
    expect(CLUSTER_17_CRITERIA_2022.version).toBe(1);
  });
});
