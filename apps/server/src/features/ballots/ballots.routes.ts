import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canSeeBallot } from '@thidua/domain';
import {
  ballotListQuery,
  ballotListSchema,
  ballotSchema,
  createBallotBody,
  openBallotBody,
  resultsSchema,
  voteBody,
  voteResponse,
  type BallotResults,
} from '@thidua/contracts/ballots.ts';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses } from '../../http/validate.ts';
import { idParam } from '@thidua/contracts/shared.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { findBallot, findCandidates, findVotes, listBallotsFor, refOf, voterOf } from './ballots.queries.ts';
import { json, presentBallot, ruleOf } from './ballots.presenter.ts';
import { castVote, closeBallot, createBallot, openBallot } from './ballot-commands.ts';

const tags = ['ballots'];

/** A ballot the caller may see (its voters and those who run it), else 404. */
async function visibleBallot(db: Db, actor: Actor, id: number) {
  const b = await findBallot(db, id);
  if (!b) throw notFound('ballot', id);
  if (!canSeeBallot(actor, refOf(b), await voterOf(db, id, actor.id))) throw notFound('ballot', id);
  return b;
}

/** Secret ballots: `/api/v1/ballots`. */
export const ballotRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'The ballots the caller may vote in or run (status=open: those open now)',
        querystring: ballotListQuery,
        response: { 200: ballotListSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listBallotsFor(db, actor, request.query.status);
      return { items: await Promise.all(rows.map((b) => presentBallot(db, actor, b))) };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a draft ballot with its candidates and eligible voters',
        body: createBallotBody,
        response: { 201: ballotSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await execute(rt, actor, (ctx) => createBallot(ctx, request.body));
      return reply.status(201).send(await presentBallot(db, actor, (await findBallot(db, id))!));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A ballot: its candidates, state and turnout (never who voted)',
        params: idParam,
        response: { 200: ballotSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return presentBallot(db, actor, await visibleBallot(db, actor, request.params.id));
    },
  );

  app.post(
    '/:id/open',
    {
      schema: {
        tags,
        summary: 'Open a draft ballot (chair, secretary, board)',
        params: idParam,
        body: openBallotBody,
        response: { 200: ballotSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => openBallot(ctx, request.params.id, request.body));
      return presentBallot(db, actor, (await findBallot(db, request.params.id))!);
    },
  );

  app.post(
    '/:id/votes',
    {
      schema: {
        tags,
        summary:
          'Cast the caller\'s vote: {"choices":[candidateId…]} or, on an approval ballot, {"choices":[{candidateId, answer}]}; a second vote is 409 ALREADY_VOTED',
        params: idParam,
        body: voteBody,
        response: { 201: voteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const receipt = await execute(rt, actor, (ctx) => castVote(ctx, request.params.id, request.body));
      return reply.status(201).send({ receipt });
    },
  );

  app.post(
    '/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an open ballot and seal its result (chair, secretary, board); never reopened',
        params: idParam,
        response: { 200: ballotSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => closeBallot(ctx, request.params.id));
      return presentBallot(db, actor, (await findBallot(db, request.params.id))!);
    },
  );

  app.get(
    '/:id/results',
    {
      schema: {
        tags,
        summary: 'The sealed result of a closed ballot, with every ballot by receipt (refused before closing)',
        params: idParam,
        response: { 200: resultsSchema, ...errorResponses },
      },
    },
    async (request): Promise<BallotResults> => {
      const actor = requireActor(request);
      const b = await visibleBallot(db, actor, request.params.id);
      if (b.status !== 'closed') throw new AppError('RESULTS_NOT_READY');
      const [candidates, votes] = await Promise.all([findCandidates(db, b.id), findVotes(db, b.id)]);
      const result = json<{
        eligible: number;
        present: number;
        cast: number;
        valid: number;
        invalid: number;
        quorumMet: boolean;
        candidates: Array<{ id: number; votes: number; no: number; abstain: number; percent: number; passed: boolean }>;
      }>(b.result);
      const name = new Map(candidates.map((c) => [c.id, c.name]));
      return {
        ballotId: b.id,
        eligible: result.eligible,
        present: result.present,
        cast: result.cast,
        valid: result.valid,
        invalid: result.invalid,
        quorumMet: result.quorumMet,
        rule: ruleOf(b),
        candidates: result.candidates.map((c) => ({ ...c, name: name.get(c.id) ?? '' })),
        ballots: votes.map((v) => {
          const vote = json<{ choices?: number[]; answers?: Array<{ candidateId: number; answer: 'yes' | 'no' | 'abstain' }> }>(v.vote);
          return { receipt: v.receipt, choices: vote.choices ?? vote.answers ?? [] };
        }),
        sealedSha256: b.result_sha256!,
      };
    },
  );
};
