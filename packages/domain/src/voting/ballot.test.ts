import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRotation, checkVote, DEFAULT_THRESHOLDS, receiptFrom, tally, type BallotRules, type Vote } from './ballot.ts';

const honouring: BallotRules = { kind: 'honouring', maxChoices: 3, candidateIds: [1, 2, 3, 4, 5], rule: DEFAULT_THRESHOLDS.honouring };
const approval: BallotRules = { kind: 'approval', maxChoices: 2, candidateIds: [7, 8], rule: DEFAULT_THRESHOLDS.approval };
const choose = (...choices: number[]): Vote => ({ choices });

describe('a vote', () => {
  it.each([
    ['up to N known candidates', honouring, choose(1, 2, 3), { ok: true, value: true }],
    ['none at all (a blank ballot)', honouring, choose(), { ok: true, value: true }],
    ['more than N', honouring, choose(1, 2, 3, 4), { ok: false, code: 'BALLOT_CHOICES_INVALID', params: { rule: 'tooMany', max: 3 } }],
    ['a candidate twice', honouring, choose(1, 1), { ok: false, code: 'BALLOT_CHOICES_INVALID', params: { rule: 'repeated', max: 3 } }],
    [
      'an unknown candidate',
      honouring,
      choose(9),
      { ok: false, code: 'BALLOT_CHOICES_INVALID', params: { rule: 'unknownCandidate', candidate: 9, max: 3 } },
    ],
    [
      'answers on a choice ballot',
      honouring,
      { answers: [] },
      { ok: false, code: 'BALLOT_CHOICES_INVALID', params: { rule: 'choicesExpected', max: 3 } },
    ],
    [
      'choices on an approval ballot',
      approval,
      choose(7),
      { ok: false, code: 'BALLOT_CHOICES_INVALID', params: { rule: 'answersExpected', max: 2 } },
    ],
    [
      'an answer per candidate',
      approval,
      {
        answers: [
          { candidateId: 7, answer: 'yes' },
          { candidateId: 8, answer: 'abstain' },
        ],
      },
      { ok: true, value: true },
    ],
  ] as const)('%s', (_, ballot, vote, expected) => {
    expect(checkVote(ballot, vote)).toEqual(expected);
  });
});

describe('the tally', () => {
  it('counts valid ballots, passes the most-voted within N above the threshold, and leaves a tie on the last place out', () => {
    const votes = [choose(1, 2, 3), choose(1, 2, 4), choose(1, 3, 4), choose(1, 2), choose(1, 2, 3, 4, 5), choose(2, 3)];
    const r = tally(honouring, 7, 6, votes);
    if (!r.ok) throw new Error('tally');
    expect(r.value).toMatchObject({ eligible: 7, present: 6, cast: 6, valid: 5, invalid: 1, quorumMet: true });
    // 1: 4, 2: 4, 3: 3, 4: 2 of 5 valid; more than half passes: 1, 2 and 3 (3/5 = 60 %)
    expect(r.value.candidates.map((c) => [c.id, c.votes, c.passed])).toEqual([
      [1, 4, true],
      [2, 4, true],
      [3, 3, true],
      [4, 2, false],
      [5, 0, false],
    ]);
    const tie = tally({ ...honouring, maxChoices: 1 }, 4, 4, [choose(1), choose(2), choose(1), choose(2)]);
    expect(tie.ok && tie.value.candidates.every((c) => !c.passed)).toBe(true);
  });

  it('passes nobody without the quorum, and counts approvals against those present', () => {
    const noQuorum = tally(honouring, 9, 5, [choose(1), choose(1)]);
    expect(noQuorum.ok && noQuorum.value.quorumMet).toBe(false);
    expect(noQuorum.ok && noQuorum.value.candidates.some((c) => c.passed)).toBe(false);
    const yes = (id: number) => ({ candidateId: id, answer: 'yes' as const });
    const no = (id: number) => ({ candidateId: id, answer: 'no' as const });
    const council = tally(approval, 9, 7, [
      { answers: [yes(7), yes(8)] },
      { answers: [yes(7), no(8)] },
      { answers: [yes(7), no(8)] },
      { answers: [yes(7), yes(8)] },
      { answers: [no(7), yes(8)] },
    ]);
    if (!council.ok) throw new Error('tally');
    // 4 of 7 present (57 %) pass; 3 of 7 do not
    expect(council.value.candidates.map((c) => [c.id, c.votes, c.no, c.passed])).toEqual([
      [7, 4, 1, true],
      [8, 3, 2, false],
    ]);
  });

  it('refuses more ballots than voters', () => {
    expect(tally(honouring, 1, 1, [choose(1), choose(2)])).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });

  const voteArb = fc.array(fc.integer({ min: 1, max: 6 }), { maxLength: 5 }).map((choices) => ({ choices }));
  it('never depends on the order of the ballots', () => {
    fc.assert(
      fc.property(fc.array(voteArb, { maxLength: 30 }), fc.integer({ min: 0, max: 1000 }), (votes, seed) => {
        const shuffled = [...votes].sort(
          (a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 17 + seed) % 7),
        );
        expect(tally(honouring, 30, 30, shuffled)).toEqual(tally(honouring, 30, 30, votes));
      }),
    );
  });

  it('never counts a ballot with more than N choices, even in part, and never more ballots than voters', () => {
    fc.assert(
      fc.property(fc.array(voteArb, { maxLength: 30 }), (votes) => {
        const r = tally(honouring, 30, 30, votes);
        if (!r.ok) throw new Error('tally');
        const valid = votes.filter((v) => checkVote(honouring, v).ok);
        expect(r.value.valid).toBe(valid.length);
        expect(r.value.valid + r.value.invalid).toBe(r.value.cast);
        expect(r.value.cast).toBeLessThanOrEqual(r.value.eligible);
        for (const c of r.value.candidates) expect(c.votes).toBe(valid.filter((v) => v.choices.includes(c.id)).length);
      }),
    );
  });
});

describe('rotation and receipts', () => {
  it.each([
    ['noRepeat', { head: 1, deputy: 2 }, 1, false],
    ['noRepeat', { head: 1, deputy: 2 }, 3, true],
    ['deputyBecomesHead', { head: 1, deputy: 2 }, 2, true],
    ['deputyBecomesHead', { head: 1, deputy: 2 }, 3, false],
    ['deputyBecomesHead', { head: 1, deputy: null }, 3, true],
    ['none', { head: 1, deputy: 2 }, 1, true],
  ] as const)('%s after %o: %i heads → %s', (rule, previous, head, allowed) => {
    expect(checkRotation(rule, previous, head).ok).toBe(allowed);
  });

  it('makes receipts of 10 unambiguous characters', () => {
    expect(receiptFrom(new Uint8Array(10).fill(0))).toBe('AAAAAAAAAA');
    expect(receiptFrom(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 255]))).toMatch(/^[A-HJ-NP-Z2-9]{10}$/);
  });
});
