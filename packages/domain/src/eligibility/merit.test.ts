import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeMerit } from './merit.ts';

describe('merit for ranking within a quota', () => {
  it.each([
    ['HTXS', 0, 400],
    ['HTT', 3, 303],
    [undefined, 5, 5],
    ['HT', 250, 299],
  ] as const)('%s with %i initiatives → %i', (rating, initiatives, merit) => expect(computeMerit(rating, initiatives)).toBe(merit));
  it('a better rating always outranks any number of initiatives', () => {
    fc.assert(fc.property(fc.nat(10_000), fc.nat(10_000), (a, b) => computeMerit('HTXS', a) > computeMerit('HTT', b)));
  });
});
