import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import { requireActor } from '../../http/auth.ts';

import { errorResponses, idParam, page, year } from '../../http/validate.ts';
import { currentYear } from '../../lib/clock.ts';
import { addMembership } from './add-membership.ts';
import { createCluster } from './create-cluster.ts';
import { abilitiesOnCluster, authorizeCluster } from './clusters.policy.ts';
import { presentClusterDetail, presentClusterItem } from './clusters.presenter.ts';
import { findCluster, listClusters, listFlagCustody, listLeadership, listMemberships } from './clusters.queries.ts';
import {
  addMembershipBody,
  flagHandoverBody,
  clusterDetail,
  clusterItem,
  createClusterBody,
  listQuery,
  setLeadershipBody,
  updateClusterBody,
  yearQuery,
} from '@thidua/contracts/clusters.ts';
import { setLeadership } from './set-leadership.ts';
import { handOverFlag } from './hand-over-flag.ts';
import { removeMembership } from './remove-membership.ts';
import { updateCluster } from './update-cluster.ts';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../access/actor.ts';

const tags = ['clusters'];

async function loadDetail(db: Db, actor: Actor, id: number, y: number) {
  const row = await findCluster(db, id, y);
  authorizeCluster(actor, row, id);
  const [m, l, f] = await Promise.all([listMemberships(db, id), listLeadership(db, id), listFlagCustody(db, id)]);
  return presentClusterDetail(row, m, l, f, abilitiesOnCluster(actor, row));
}

export const clusterRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Clusters and blocks visible to the caller',
        querystring: listQuery,
        response: { 200: page(clusterItem), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const q = request.query;
      const { rows, total } = await listClusters(db, actor.scope, { ...q, year: q.year ?? currentYear(rt.clock.now()) });
      return { items: rows.map(presentClusterItem), total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Register a cluster with its establishing decision',
        body: createClusterBody,
        response: { 201: clusterDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const id = await execute(rt, actor, (ctx) => createCluster(ctx, request.body));
      return reply.status(201).send(await loadDetail(db, actor, id, currentYear(rt.clock.now())));
    },
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: 'A cluster with its decision, members, leadership and flag history',
        params: idParam,
        querystring: yearQuery,
        response: { 200: clusterDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      return loadDetail(db, actor, request.params.id, request.query.year ?? currentYear(rt.clock.now()));
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit a cluster (optimistic concurrency by version)',
        params: idParam,
        body: updateClusterBody,
        response: { 200: clusterDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => updateCluster(ctx, request.params.id, request.body));
      return loadDetail(db, actor, request.params.id, currentYear(rt.clock.now()));
    },
  );

  app.post(
    '/:id/memberships',
    {
      schema: {
        tags,
        summary: 'Add a member unit for a year',
        params: idParam,
        body: addMembershipBody,
        response: { 201: clusterDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => addMembership(ctx, request.params.id, request.body));
      return reply.status(201).send(await loadDetail(db, actor, request.params.id, request.body.year));
    },
  );

  app.put(
    '/:id/leadership/:year',
    {
      schema: {
        tags,
        summary: 'Set the head and deputy of a year',
        params: z.strictObject({ id: idParam.shape.id, year }),
        body: setLeadershipBody,
        response: { 200: clusterDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => setLeadership(ctx, request.params.id, request.params.year, request.body));
      return loadDetail(db, actor, request.params.id, request.params.year);
    },
  );

  app.delete(
    '/:id/memberships/:membershipId',
    {
      schema: {
        tags,
        summary: "Remove a unit from a year's membership",
        params: z.strictObject({ id: idParam.shape.id, membershipId: idParam.shape.id }),
        response: { 200: clusterDetail, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const y = await execute(rt, actor, (ctx) => removeMembership(ctx, request.params.id, request.params.membershipId));
      return loadDetail(db, actor, request.params.id, y);
    },
  );

  app.post(
    '/:id/flag-custody',
    {
      schema: {
        tags,
        summary: 'Hand the rotating flag over to a member unit',
        params: idParam,
        body: flagHandoverBody,
        response: { 201: clusterDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => handOverFlag(ctx, request.params.id, request.body));
      return reply.status(201).send(await loadDetail(db, actor, request.params.id, Number(request.body.from.slice(0, 4))));
    },
  );
};
