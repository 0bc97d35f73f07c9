import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';

import { errorResponses, idParam, page } from '../../http/validate.ts';
import { abilitiesOnPerson, authorizePerson } from './people.policy.ts';
import { presentPerson, presentPersonDetail } from './people.presenter.ts';
import { findPerson, listPeople, listPositions } from './people.queries.ts';
import {
  addPositionBody,
  createPersonBody,
  listQuery,
  personItem,
  personSchema,
  positionParams,
  updatePersonBody,
} from '@thidua/contracts/people.ts';
import { addPosition, createPerson, removePosition } from './save-person.ts';
import { updatePerson } from './update-person.ts';

const tags = ['people'];

async function loadPerson(db: Db, actor: Actor, id: number) {
  const row = await findPerson(db, id);
  authorizePerson(actor, row, id);
  return presentPersonDetail(row, abilitiesOnPerson(actor, row), await listPositions(db, id));
}

export const peopleRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'People visible to the caller',
        querystring: listQuery,
        response: { 200: page(personItem), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { rows, total } = await listPeople(db, actor.scope, request.query);
      return {
        items: rows.map((r) => presentPerson(r, abilitiesOnPerson(actor, r))),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'A person with positions held', params: idParam, response: { 200: personSchema, ...errorResponses } } },
    async (request) => loadPerson(db, requireActor(request), request.params.id),
  );
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit a person (optimistic concurrency by version)',
        params: idParam,
        body: updatePersonBody,
        response: { 200: personSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => updatePerson(ctx, request.params.id, request.body));
      return loadPerson(db, actor, request.params.id);
    },
  );

  app.post(
    '/',
    {
      schema: { tags, summary: 'Register a person in a unit', body: createPersonBody, response: { 201: personSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await execute(rt, actor, (ctx) => createPerson(ctx, request.body));
      return reply.status(201).send(await loadPerson(db, actor, id));
    },
  );
  app.post(
    '/:id/positions',
    {
      schema: {
        tags,
        summary: 'Record a position held, with dates',
        params: idParam,
        body: addPositionBody,
        response: { 201: personSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => addPosition(ctx, request.params.id, request.body));
      return reply.status(201).send(await loadPerson(db, actor, request.params.id));
    },
  );
  app.delete(
    '/:id/positions/:positionId',
    { schema: { tags, summary: 'Remove a position record', params: positionParams, response: { 200: personSchema, ...errorResponses } } },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => removePosition(ctx, request.params.id, request.params.positionId));
      return loadPerson(db, actor, request.params.id);
    },
  );
};
