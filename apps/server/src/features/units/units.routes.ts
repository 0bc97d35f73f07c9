import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';

import { errorResponses, idParam, page } from '../../http/validate.ts';
import { createUnit, updateUnit } from './save-unit.ts';
import { abilitiesOnUnit, authorizeUnit } from './units.policy.ts';
import { presentUnit, presentUnitClusters } from './units.presenter.ts';
import { findSuccession, findUnit, findUnitClusters, listUnits } from './units.queries.ts';
import { createUnitBody, listQuery, unitClustersSchema, unitSchema, updateUnitBody } from '@thidua/contracts/units.ts';

const tags = ['units'];

async function loadUnit(db: Db, actor: Actor, id: number) {
  const row = await findUnit(db, id);
  authorizeUnit(actor, row, id);
  return presentUnit(row, abilitiesOnUnit(actor, row), await findSuccession(db, id));
}

export const unitRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Units visible to the caller',
        querystring: listQuery,
        response: { 200: page(unitSchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { rows, total } = await listUnits(db, actor.scope, request.query);
      return {
        items: rows.map((r) => presentUnit(r, abilitiesOnUnit(actor, r))),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
  app.post(
    '/',
    { schema: { tags, summary: 'Register a unit', body: createUnitBody, response: { 201: unitSchema, ...errorResponses } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await execute(rt, actor, (ctx) => createUnit(ctx, request.body));
      return reply.status(201).send(await loadUnit(db, actor, id));
    },
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A unit with its merger links', params: idParam, response: { 200: unitSchema, ...errorResponses } } },
    async (request) => loadUnit(db, requireActor(request), request.params.id),
  );
  app.get(
    '/:id/clusters',
    {
      schema: {
        tags,
        summary:
          'The clusters and blocks a unit belongs to, among those the caller sees: years of membership, head or deputy by year, the rotating flag',
        params: idParam,
        response: { 200: unitClustersSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      authorizeUnit(actor, await findUnit(db, id), id);
      return presentUnitClusters(id, await findUnitClusters(db, actor.scope, id));
    },
  );
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit a unit (optimistic concurrency by version)',
        params: idParam,
        body: updateUnitBody,
        response: { 200: unitSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => updateUnit(ctx, request.params.id, request.body));
      return loadUnit(db, actor, request.params.id);
    },
  );
};
