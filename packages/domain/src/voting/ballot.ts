/**
 * Ballots of a conference or a council session (spec §5.4 council voting, §6.2 election of head and deputy, §6.4
 * honouring the leading units): who may be chosen, what a vote may hold, and the tally against a threshold rule.
 *
 * The thresholds are NOT verified for the current regime ❓ (§5.4): a rule is `{ quorumPercent, approvalPercent,
 * denominator }` per ballot, with defaults per kind that an authority changes; none is a constant of law.
 */
import { err, ok, type Result } from '../shared/result.ts';

export type BallotKind = 'honouring' | 'election' | 'approval';
export const BALLOT_KINDS = ['honouring', 'election', 'approval'] as const satisfies readonly BallotKind[];
export type BallotStatus = 'draft' | 'open' | 'closed';
export const BALLOT_STATUSES = ['draft', 'open', 'closed'] as const satisfies readonly BallotStatus[];

/** What a share is taken of: all eligible voters, those present, or the valid ballots. */
export type Denominator = 'eligible' | 'present' | 'valid';
export const DENOMINATORS = ['eligible', 'present', 'valid'] as const satisfies readonly Denominator[];

export interface ThresholdRule {
  /** Whole percent of the eligible voters who must be present for the ballot to count (e.g. 67 for two thirds). */
  readonly quorumPercent: number;
  /** Whole percent of the denominator a candidate needs: more than half is `50` with `strictlyAbove`. */
  readonly approvalPercent: number;
  readonly denominator: Denominator;
  /** true: more than approvalPercent (a majority); false: at least. */
  readonly strictlyAbove: boolean;
}

/** Defaults ❓ (a setting of each authority): two thirds present, more than half of the valid ballots. */
export const DEFAULT_THRESHOLDS: Readonly<Record<BallotKind, ThresholdRule>> = {
  honouring: { quorumPercent: 67, approvalPercent: 50, denominator: 'valid', strictlyAbove: true },
  election: { quorumPercent: 67, approvalPercent: 50, denominator: 'valid', strictlyAbove: true },
  approval: { quorumPercent: 67, approvalPercent: 50, denominator: 'present', strictlyAbove: true },
};

export type Answer = 'yes' | 'no' | 'abstain';
export const ANSWERS = ['yes', 'no', 'abstain'] as const satisfies readonly Answer[];

/** A choice ballot's vote: the candidates chosen. An approval ballot's: an answer per candidate. */
export type Vote =
  { readonly choices: readonly number[] } | { readonly answers: ReadonlyArray<{ readonly candidateId: number; readonly answer: Answer }> };

export interface BallotRules {
  readonly kind: BallotKind;
  readonly maxChoices: number;
  readonly candidateIds: readonly number[];
  readonly rule: ThresholdRule;
}

/**
 * Whether a vote may be cast: choices only on a choice ballot (honouring, election), answers only on an approval
 * ballot; at most `maxChoices` distinct known candidates; each answered candidate known and answered once. A vote
 * that breaks these is refused whole (BALLOT_CHOICES_INVALID { rule, max? , candidate? }) — never counted in part.
 */
export function checkVote(ballot: BallotRules, vote: Vote): Result<true> {
  const known = new Set(ballot.candidateIds);
  const max = ballot.kind === 'approval' ? ballot.candidateIds.length : ballot.maxChoices;
  if ('choices' in vote) {
    if (ballot.kind === 'approval') return err('BALLOT_CHOICES_INVALID', { rule: 'answersExpected', max });
    if (vote.choices.length > ballot.maxChoices) return err('BALLOT_CHOICES_INVALID', { rule: 'tooMany', max });
    if (new Set(vote.choices).size !== vote.choices.length) return err('BALLOT_CHOICES_INVALID', { rule: 'repeated', max });
    const unknown = vote.choices.find((c) => !known.has(c));
    if (unknown !== undefined) return err('BALLOT_CHOICES_INVALID', { rule: 'unknownCandidate', candidate: unknown, max });
    return ok(true);
  }
  if (ballot.kind !== 'approval') return err('BALLOT_CHOICES_INVALID', { rule: 'choicesExpected', max });
  const seen = new Set<number>();
  for (const a of vote.answers) {
    if (!known.has(a.candidateId)) return err('BALLOT_CHOICES_INVALID', { rule: 'unknownCandidate', candidate: a.candidateId, max });
    if (seen.has(a.candidateId)) return err('BALLOT_CHOICES_INVALID', { rule: 'repeated', max });
    seen.add(a.candidateId);
  }
  return ok(true);
}

export interface CandidateResult {
  readonly id: number;
  /** Choice ballots: ballots choosing the candidate; approval ballots: the yes answers. */
  readonly votes: number;
  readonly no: number;
  readonly abstain: number;
  /** votes ÷ the rule's denominator, in percent to two decimals (0 when the denominator is 0). */
  readonly percent: number;
  readonly passed: boolean;
}

export interface Tally {
  readonly eligible: number;
  readonly present: number;
  readonly cast: number;
  readonly valid: number;
  readonly invalid: number;
  readonly quorumMet: boolean;
  readonly candidates: readonly CandidateResult[];
}

/**
 * The tally of a closed ballot. Ballots breaking `checkVote` (a paper ballot with too many marks) are invalid and
 * counted nowhere else. With the quorum met, a candidate passes with a share of the denominator reaching the rule
 * (above it when `strictlyAbove`); on a choice ballot at most `maxChoices` pass — those with the most votes; a tie
 * across the last place leaves all tied candidates out (the conference votes again). Candidates keep their order.
 * A tally never counts more ballots than voters: cast ballots beyond the eligible are refused (VALIDATION_FAILED).
 */
export function tally(ballot: BallotRules, eligible: number, present: number, votes: readonly Vote[]): Result<Tally> {
  if (votes.length > eligible) return err('VALIDATION_FAILED', { rule: 'moreBallotsThanVoters', cast: votes.length, eligible });
  const counts = new Map(ballot.candidateIds.map((id) => [id, { yes: 0, no: 0, abstain: 0 }]));
  let valid = 0;
  for (const v of votes) {
    if (!checkVote(ballot, v).ok) continue;
    valid++;
    if ('choices' in v) for (const c of v.choices) counts.get(c)!.yes++;
    else for (const a of v.answers) counts.get(a.candidateId)![a.answer]++;
  }
  const r = ballot.rule;
  const quorumMet = present * 100 >= r.quorumPercent * eligible && present > 0;
  const base = r.denominator === 'eligible' ? eligible : r.denominator === 'present' ? present : valid;
  const reaches = (n: number) => base > 0 && (r.strictlyAbove ? n * 100 > r.approvalPercent * base : n * 100 >= r.approvalPercent * base);
  let passing = ballot.candidateIds.filter((id) => quorumMet && reaches(counts.get(id)!.yes));
  if (ballot.kind !== 'approval' && passing.length > ballot.maxChoices) {
    const sorted = [...passing].sort((a, b) => counts.get(b)!.yes - counts.get(a)!.yes);
    const last = counts.get(sorted[ballot.maxChoices - 1]!)!.yes;
    const next = counts.get(sorted[ballot.maxChoices]!)!.yes;
    passing = sorted.filter((id) => counts.get(id)!.yes > last || (last !== next && counts.get(id)!.yes === last));
  }
  const passed = new Set(passing);
  return ok({
    eligible,
    present,
    cast: votes.length,
    valid,
    invalid: votes.length - valid,
    quorumMet,
    candidates: ballot.candidateIds.map((id) => {
      const c = counts.get(id)!;
      return {
        id,
        votes: c.yes,
        no: c.no,
        abstain: c.abstain,
        percent: base > 0 ? Math.round((c.yes * 10000) / base) / 100 : 0,
        passed: passed.has(id),
      };
    }),
  });
}

/** A receipt code a voter keeps to find their ballot in the published list: 10 characters of an unambiguous alphabet. */
export const RECEIPT_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function receiptFrom(randomBytes: Uint8Array): string {
  if (randomBytes.length < 10) throw new RangeError('a receipt needs 10 random bytes');
  return Array.from(randomBytes.slice(0, 10), (b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('');
}

/**
 * Head and deputy of the next year by the cluster's rotation policy ❓ (§6.2, set by each cluster): 'noRepeat' — the
 * head of the year just ended may not head again; 'deputyBecomesHead' — the head must be the deputy of the year just
 * ended (when there was one). ROTATION_BROKEN { rule } otherwise.
 */
export type RotationRule = 'noRepeat' | 'deputyBecomesHead' | 'none';
export function checkRotation(rule: RotationRule, previous: { head: number | null; deputy: number | null }, head: number): Result<true> {
  if (rule === 'noRepeat' && previous.head === head) return err('ROTATION_BROKEN', { rule });
  if (rule === 'deputyBecomesHead' && previous.deputy !== null && previous.deputy !== head) return err('ROTATION_BROKEN', { rule });
  return ok(true);
}
