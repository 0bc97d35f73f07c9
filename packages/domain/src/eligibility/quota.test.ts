import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countsTowardQuotaBase, orderCandidates } from './quota.ts';

describe('the quota base (Decree 98/2023, art. 4)', () => {
  it.each([
    ['no base award: everyone considered counts', null, false, false, true],
    ['holds the base award of the year', 'LAO_DONG_TIEN_TIEN', true, false, true],
    ['not conferred yet but meets its criteria', 'LAO_DONG_TIEN_TIEN', false, true, true],
    ['neither holds nor meets it', 'LAO_DONG_TIEN_TIEN', false, false, false],
  ] as const)('%s', (_, base, holds, meets, expected) => {
    expect(countsTowardQuotaBase(base, holds, () => meets)).toBe(expected);
  });

  it('judges the base award only when it must', () => {
    let asked = 0;
    countsTowardQuotaBase('LAO_DONG_TIEN_TIEN', true, () => {
      asked++;
      return true;
    });
    countsTowardQuotaBase(null, false, () => {
      asked++;
      return true;
    });
    expect(asked).toBe(0);
  });
});

describe('the order of candidates', () => {
  it('lists those meeting the criteria first, then by merit, then by id', () => {
    const ordered = orderCandidates([
      { id: 3, eligible: false, merit: 9 },
      { id: 2, eligible: true, merit: 1 },
      { id: 1, eligible: true, merit: 1 },
      { id: 4, eligible: true, merit: 5 },
    ]);
    expect(ordered.map((c) => c.id)).toEqual([4, 1, 2, 3]);
  });

  it('is a permutation, eligible before not eligible, merit never rising within each group', () => {
    const candidate = fc.record({
      id: fc.integer({ min: 1, max: 10_000 }),
      eligible: fc.boolean(),
      merit: fc.integer({ min: 0, max: 20 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(candidate, { selector: (c) => c.id, maxLength: 60 }), (list) => {
        const ordered = orderCandidates(list);
        expect([...ordered].sort((a, b) => a.id - b.id)).toEqual([...list].sort((a, b) => a.id - b.id));
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          expect(Number(a.eligible)).toBeGreaterThanOrEqual(Number(b.eligible));
          if (a.eligible === b.eligible) expect(a.merit).toBeGreaterThanOrEqual(b.merit);
        }
      }),
    );
  });
});
