import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureOptions } from '../../http/feature.ts';
import { execute } from '../../db/transaction.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import { errorResponses, idParam, page } from '../../http/validate.ts';
import { abilitiesOnAuthority, authorizeAuthority } from './authorities.policy.ts';
import { presentAuthority } from './authorities.presenter.ts';
import { findAuthority, listAuthorities } from './authorities.queries.ts';
import { authorityListQuery, authoritySchema, updateAuthorityBody } from '@thidua/contracts/authorities.ts';
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
