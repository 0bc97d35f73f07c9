// The public examples of shared/contracts/eligibility-examples.json (copied as a fixture).
import { describe, expect, it } from 'vitest';
import examples from './fixtures/eligibility-examples.json' with { type: 'json' };
import { checkEligibilityCases } from './check.ts';

type Case = (typeof examples.cases)[number];
const single = (c: Case, proposalOverride: Record<string, unknown> = {}) => ({
  format: examples.format,
  cases: [{ ...c, proposal: { ...c.proposal, ...proposalOverride } }],
});

describe('public examples', () => {
  const judged = examples.cases.filter((c) => c.proposal.year >= 2024);
  it.each(judged.map((c) => [c.id, c] as const))('%s', (_id, c) => {
    const result = checkEligibilityCases(single(c));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value[0]!.eligible).toBe(c.expected);
    expect(result.value[0]!.rulebook).toBe('LAW-06-2022+DECREE-152-2025');
  });

  // Its year ended before the first rulebook: without a given date it is considered on 1 January 2024.
  it('example-cstdcs-rating-only-good (year 2023, no date) is judged under the first rulebook', () => {
    const c = examples.cases.find((x) => x.id === 'example-cstdcs-rating-only-good')!;
    const result = checkEligibilityCases(single(c));
    expect(result.ok && result.value[0]).toMatchObject({ eligible: c.expected, rulebook: 'LAW-06-2022+DECREE-98-2023' });
  });

  it('an older year without a date is an input error naming the year', () => {
    const c = examples.cases.find((x) => x.id === 'example-cstdcs-rating-only-good')!;
    const result = checkEligibilityCases(single(c, { year: 2022 }));
    expect(result).toMatchObject({
      ok: false,
      code: 'RULEBOOK_NOT_IN_FORCE',
      params: { path: 'cases[0].proposal.year', date: '2022-12-31' },
    });
  });

  it('the whole public file is judged as its expected values say', () => {
    const whole = checkEligibilityCases(examples);
    expect(whole.ok).toBe(true);
    if (whole.ok) expect(whole.value.map((r) => r.eligible)).toEqual(examples.cases.map((c) => c.expected));
  });

  it('the same case considered in 2024 gets its expected verdict under Decree 98', () => {
    const c = examples.cases.find((x) => x.id === 'example-cstdcs-rating-only-good')!;
    const result = checkEligibilityCases(single(c, { date: '2024-02-15' }));
    expect(result.ok && result.value[0]).toMatchObject({ eligible: c.expected, rulebook: 'LAW-06-2022+DECREE-98-2023' });
  });
});

describe('rulebook selection by consideration date', () => {
  const c = examples.cases[0]!;
  it.each([
    ['2024-01-01', 'LAW-06-2022+DECREE-98-2023'],
    ['2025-06-30', 'LAW-06-2022+DECREE-98-2023'],
    ['2025-07-01', 'LAW-06-2022+DECREE-152-2025'],
    ['2031-01-01', 'LAW-06-2022+DECREE-152-2025'],
  ])('%s → %s', (date, rulebook) => {
    const result = checkEligibilityCases(single(c, { date }));
    expect(result.ok && result.value[0]!.rulebook).toBe(rulebook);
  });
  it('a given date before 2024 names proposal.date', () => {
    const result = checkEligibilityCases(single(c, { date: '2023-06-01' }));
    expect(result).toMatchObject({
      ok: false,
      code: 'RULEBOOK_NOT_IN_FORCE',
      params: { path: 'cases[0].proposal.date', date: '2023-06-01' },
    });
  });
  it('reasons cite the decree of the rulebook applied', () => {
    const old = checkEligibilityCases(single(c, { date: '2025-01-10' }));
    const current = checkEligibilityCases(single(c, { date: '2025-08-10' }));
    expect(old.ok && old.value[0]!.reasons.map((r) => r.rule)).toContain('decree-98-2023/art-4');
    expect(current.ok && current.value[0]!.reasons.map((r) => r.rule)).toContain('decree-152-2025/art-4');
  });
});
