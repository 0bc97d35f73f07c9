import { describe, expect, it } from 'vitest';
import { checkEvidence } from './evidence.ts';
import { CLUSTER_17_CRITERIA_2022 } from './test-fixtures.ts';

// 1.1 and 1.2 need evidence in Cluster No. 17's table; T1 (a bonus) too; D1 (a penalty) does not.
describe('evidence before submitting', () => {
  it.each([
    ['every scored item needing evidence has a file', [{ item: '1.1', points: 10 }], ['1.1'], { ok: true, value: true }],
    ['an item left at 0 needs none', [{ item: '1.1', points: 0 }], [], { ok: true, value: true }],
    ['an item not needing evidence needs none', [{ item: 'D1', points: -1 }], [], { ok: true, value: true }],
    [
      'the first scored item without a file is named, in the table order',
      [
        { item: '1.2', points: 8 },
        { item: '1.1', points: 10 },
      ],
      [],
      { ok: false, code: 'EVIDENCE_REQUIRED', params: { item: '1.1' } },
    ],
    [
      'a file on another item does not count',
      [{ item: 'T1', points: 10 }],
      ['1.1'],
      { ok: false, code: 'EVIDENCE_REQUIRED', params: { item: 'T1' } },
    ],
  ] as const)('%s', (_, entries, files, expected) => {
    expect(checkEvidence(CLUSTER_17_CRITERIA_2022, entries, new Set(files))).toEqual(expected);
  });
});
