import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkEvidenceForAward } from './evidence.ts';

describe('one initiative, one award', () => {
  const items = [
    { id: 1, usedForAwardId: null, subjectMatches: true },
    { id: 2, usedForAwardId: 40, subjectMatches: true },
    { id: 3, usedForAwardId: null, subjectMatches: false },
  ];
  it.each([
    [[1], 'ok'],
    [[], 'ok'],
    [[2], 'EVIDENCE_ALREADY_USED'],
    [[1, 1], 'VALIDATION_FAILED'],
    [[3], 'VALIDATION_FAILED'],
    [[9], 'VALIDATION_FAILED'],
  ])('%j → %s', (cited, expected) => {
    const r = checkEvidenceForAward(cited, items);
    expect(r.ok ? 'ok' : r.code).toBe(expected);
  });
  it('never accepts a citation of an item already used', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.integer({ min: 1, max: 20 }), used: fc.boolean() }), { maxLength: 10 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { maxLength: 5 }),
        (raw, cited) => {
          const list = [
            ...new Map(raw.map((r) => [r.id, { id: r.id, usedForAwardId: r.used ? 99 : null, subjectMatches: true }])).values(),
          ];
          const r = checkEvidenceForAward(cited, list);
          if (r.ok) expect(cited.every((id) => list.find((i) => i.id === id)?.usedForAwardId === null)).toBe(true);
        },
      ),
    );
  });
});
