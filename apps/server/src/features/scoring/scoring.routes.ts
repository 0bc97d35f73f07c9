import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses } from '../../http/validate.ts';
import { notFound } from '../../http/app-error.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/actor.ts';
import type { ScoringPeriod } from '@thidua/domain';
import {
  copyCriteriaBody,
  criteriaParams,
  criteriaQuery,
  criteriaSetSchema,
  newCriteriaVersionBody,
  openCriteriaBody,
  saveCriteriaBody,
} from '@thidua/contracts/scoring.ts';
import { abilitiesOnCriteria, authorizeCriteriaRead } from './scoring.policy.ts';
import { presentCriteria } from './scoring.presenter.ts';
import { findClusterRef, findLatestCriteria } from './scoring.queries.ts';
import { saveCriteria } from './save-criteria.ts';
import { copyCriteria } from './copy-criteria.ts';
import { openRound } from './open-round.ts';
import { newCriteriaVersion } from './new-criteria-version.ts';

const tags = ['scoring'];
const PATH = '/:id/years/:year/criteria';

/** The latest table of a round as the caller sees it, with what the caller may do on it. */
async function loadCriteria(db: Db, actor: Actor, id: number, year: number, period: ScoringPeriod) {
  const cluster = await findClusterRef(db, id);
  authorizeCriteriaRead(actor, cluster, id);
  const row = await findLatestCriteria(db, id, year, period, false);
  if (!row) throw notFound('criteria', `${id}/${year}/${period}`);
  return presentCriteria(row, abilitiesOnCriteria(actor, cluster, year, row.round_state));
}

/** A cluster's criteria tables, per year and round (H1: mid-year, FY: year-end): `/api/v1/clusters/{id}/years/{year}/criteria`. */
export const scoringRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;

  app.get(
    PATH,
    {
      schema: {
        tags,
        summary: "The latest version of a cluster's criteria table for a year and round",
        params: criteriaParams,
        querystring: criteriaQuery,
        response: { 200: criteriaSetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      return loadCriteria(db, actor, id, year, request.query.period);
    },
  );

  app.put(
    PATH,
    {
      schema: {
        tags,
        summary: 'Create or replace the draft criteria table of a round (optimistic concurrency by rowVersion)',
        params: criteriaParams,
        body: saveCriteriaBody,
        response: { 200: criteriaSetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => saveCriteria(ctx, id, year, request.body));
      return loadCriteria(db, actor, id, year, request.body.period);
    },
  );

  app.post(
    `${PATH}/copy`,
    {
      schema: {
        tags,
        summary: "Copy another year's or cluster's criteria table into this round's draft",
        params: criteriaParams,
        body: copyCriteriaBody,
        response: { 200: criteriaSetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => copyCriteria(ctx, id, year, request.body));
      return loadCriteria(db, actor, id, year, request.body.period);
    },
  );

  app.post(
    `${PATH}/open`,
    {
      schema: {
        tags,
        summary: 'Open scoring: the round moves from draft to self-scoring and the criteria table is frozen',
        params: criteriaParams,
        body: openCriteriaBody,
        response: { 200: criteriaSetSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => openRound(ctx, id, year, request.body));
      return loadCriteria(db, actor, id, year, request.body.period);
    },
  );

  app.post(
    `${PATH}/new-version`,
    {
      schema: {
        tags,
        summary: 'Start the next version of a frozen criteria table, as a draft copied from it',
        params: criteriaParams,
        body: newCriteriaVersionBody,
        response: { 201: criteriaSetSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { id, year } = request.params;
      await execute(rt, actor, (ctx) => newCriteriaVersion(ctx, id, year, request.body));
      return reply.status(201).send(await loadCriteria(db, actor, id, year, request.body.period));
    },
  );
};
