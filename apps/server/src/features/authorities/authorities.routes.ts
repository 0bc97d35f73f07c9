import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, idParam, page } from '../../http/validate.ts';
import { abilitiesOnAuthority, authorizeAuthority } from './authorities.policy.ts';
import { presentAuthority, presentAuthorityOverview } from './authorities.presenter.ts';
import { findAuthority, findAuthorityOverview, listAuthorities } from './authorities.queries.ts';
import { currentYear } from '../../lib/clock.ts';
import { authorityListQuery, authorityOverviewSchema, authoritySchema, updateAuthorityBody } from '@thidua/contracts/authorities.ts';
import { updateAuthority } from './update-authority.ts';

const tags = ['authorities'];

async function load(db: Db, actor: Actor, id: number) {
  const row = await findAuthority(db, id);
  authorizeAuthority(actor, row, id);
  return presentAuthority(row, abilitiesOnAuthority(actor, row));
}

export const authorityRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, rt) => {
  const { db } = rt;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Authorities (province, ministry, central council) visible to the caller',
        querystring: authorityListQuery,
        response: { 200: page(authoritySchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { rows, total } = await listAuthorities(db, actor.scope, request.query);
      return {
        items: rows.map((r) => presentAuthority(r, abilitiesOnAuthority(actor, r))),
        total,
        page: request.query.page,
        pageSize: request.query.pageSize,
      };
    },
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'An authority', params: idParam, response: { 200: authoritySchema, ...errorResponses } } },
    async (request) => load(db, requireActor(request), request.params.id),
  );
  app.get(
    '/:id/overview',
    {
      schema: {
        tags,
        summary:
          "What hangs on an authority, within the caller's scope: its units counted, its clusters and blocks, its quota policies and the issuer settings in force this year",
        params: idParam,
        response: { 200: authorityOverviewSchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      authorizeAuthority(actor, await findAuthority(db, id), id);
      const year = currentYear(rt.clock.now());
      return presentAuthorityOverview(id, year, await findAuthorityOverview(db, actor.scope, id, year));
    },
  );
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit an authority (optimistic concurrency by version)',
        params: idParam,
        body: updateAuthorityBody,
        response: { 200: authoritySchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await execute(rt, actor, (ctx) => updateAuthority(ctx, request.params.id, request.body));
      return load(db, actor, request.params.id);
    },
  );
};
