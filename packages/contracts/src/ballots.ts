// Secret ballots (issue 12): the shapes devices and the projector rely on — keep them exactly.
import { z } from 'zod';
import { ANSWERS, BALLOT_ACTIONS, BALLOT_KINDS, BALLOT_STATUSES, DENOMINATORS } from '@thidua/domain';
import { abilitiesSchema, text, year } from './shared.ts';

const id = z.number().int().positive().max(2_147_483_647);

export const thresholdRule = z.strictObject({
  quorumPercent: z.number().int().min(0).max(100),
  approvalPercent: z.number().int().min(0).max(100),
  denominator: z.enum(DENOMINATORS),
  strictlyAbove: z.boolean(),
});

/** A draft ballot: its candidates in order and its eligible voters (accounts); the rule defaults by kind. */
export const createBallotBody = z.strictObject({
  authorityId: id,
  clusterId: id.nullable(),
  year,
  kind: z.enum(BALLOT_KINDS),
  office: z.enum(['head', 'deputy']).nullable().optional(),
  title: text(300),
  maxChoices: z.number().int().min(1).max(100),
  candidates: z
    .array(z.strictObject({ name: text(300), unitId: id.nullable().optional() }))
    .min(1)
    .max(100),
  voterUserIds: z.array(id).min(1).max(10_000),
  rule: thresholdRule.optional(),
  chairUserId: id.nullable().optional(),
  secretaryUserId: id.nullable().optional(),
});

/** Opening: how many delegates are present (the quorum's count); none: every eligible voter. */
export const openBallotBody = z.strictObject({ present: z.number().int().min(0).max(10_000).optional() });

/** A vote: candidate ids on a choice ballot; an answer per candidate on an approval ballot. */
export const voteBody = z.strictObject({
  choices: z.union([z.array(id).max(100), z.array(z.strictObject({ candidateId: id, answer: z.enum(ANSWERS) })).max(100)]),
});
export const voteResponse = z.object({ receipt: z.string() });

export const ballotListQuery = z.strictObject({ status: z.enum(BALLOT_STATUSES).optional() });

export const ballotSchema = z.object({
  id: z.number(),
  kind: z.enum(BALLOT_KINDS),
  status: z.enum(BALLOT_STATUSES),
  maxChoices: z.number(),
  candidates: z.array(z.object({ id: z.number(), name: z.string(), unitId: z.number().nullable() })),
  title: z.string(),
  authorityId: z.number(),
  clusterId: z.number().nullable(),
  year: z.number(),
  office: z.enum(['head', 'deputy']).nullable(),
  rule: thresholdRule,
  eligible: z.number(),
  present: z.number().nullable(),
  /** Ballots cast so far (turnout, for the projector); never who. */
  cast: z.number(),
  /** Whether the caller is a voter of this ballot, and has voted. */
  voter: z.object({ eligible: z.boolean(), voted: z.boolean() }),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  abilities: abilitiesSchema(BALLOT_ACTIONS),
});
export type BallotResponse = z.infer<typeof ballotSchema>;
export const ballotListSchema = z.object({ items: z.array(ballotSchema) });

export const resultsSchema = z.object({
  ballotId: z.number(),
  eligible: z.number(),
  present: z.number(),
  cast: z.number(),
  valid: z.number(),
  invalid: z.number(),
  quorumMet: z.boolean(),
  rule: thresholdRule,
  candidates: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      votes: z.number(),
      no: z.number(),
      abstain: z.number(),
      percent: z.number(),
      passed: z.boolean(),
    }),
  ),
  /** Every ballot as cast, without its voter, by receipt: each voter checks theirs, anyone recomputes the tally. */
  ballots: z.array(
    z.object({
      receipt: z.string(),
      choices: z.union([z.array(z.number()), z.array(z.object({ candidateId: z.number(), answer: z.enum(ANSWERS) }))]),
    }),
  ),
  /** SHA-256 of the sealed result, as recorded in the audit chain at closing. */
  sealedSha256: z.string(),
});
export type BallotResults = z.infer<typeof resultsSchema>;
