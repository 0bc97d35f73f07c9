import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { scopeAllowsAuthority } from '@thidua/domain';
import type { FeatureOptions } from '../../app.ts';
import { auditActor, requireCapability, type Actor } from '../../access/actor.ts';
import { diff } from '../../audit/events.ts';
import { recordEvent } from '../../audit/record.ts';
import type { Db } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { requireActor } from '../../http/auth.ts';
import { notFound } from '../../http/app-error.ts';
import { errorResponses, idParam, page, text, version } from '../../http/validate.ts';
import { searchKey } from '../../lib/search-key.ts';
import { findAuthority, listAuthorities, type AuthorityRow } from './authorities.queries.ts';

const KINDS = ['PROVINCE', 'MINISTRY', 'CENTRAL_COUNCIL'] as const;
const authoritySchema = z.object({
  id: z.number(),
  code: z.string(),
  kind: z.enum(KINDS),
  name: z.string(),
  shortName: z.string(),
  place: z.string(),
  version: z.number(),
});
const present = (r: AuthorityRow) => ({
  id: r.id,
  code: r.code,
  kind: r.kind as (typeof KINDS)[number],
  name: r.name,
  shortName: r.short_name,
  place: r.place,
  version: r.version,
});
const tags = ['authorities'];

async function load(db: Db, actor: Actor, id: number) {
  const row = await findAuthority(db, id);
  if (!row || !scopeAllowsAuthority(actor.scope, row.id)) throw notFound('authority', id);
  return row;
}

export const authorityRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Authorities (province, ministry, central council) visible to the caller',
        querystring: z.strictObject({
          q: z.string().trim().max(200).optional(),
          kind: z.enum(KINDS).optional(),
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: page(authoritySchema), ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      requireCapability(actor, 'registry.read');
      const { rows, total } = await listAuthorities(db, actor.scope, request.query);
      return { items: rows.map(present), total, page: request.query.page, pageSize: request.query.pageSize };
    },
  );
  app.get(
    '/:id',
    { schema: { tags, summary: 'An authority', params: idParam, response: { 200: authoritySchema, ...errorResponses } } },
    async (request) => present(await load(db, requireActor(request), request.params.id)),
  );
  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Edit an authority (optimistic concurrency by version)',
        params: idParam,
        body: z.strictObject({ version, name: text(300).optional(), shortName: text(100).optional(), place: text(100).optional() }),
        response: { 200: authoritySchema, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const id = request.params.id;
      await db.transaction().execute(async (tx) => {
        const before = await load(tx as unknown as Db, actor, id);
        requireCapability(actor, 'authority.edit');
        const { version: v, ...input } = request.body;
        const values = {
          ...(input.name !== undefined ? { name: input.name } : {}),
          ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
          ...(input.place !== undefined ? { place: input.place } : {}),
        };
        await updateVersioned(tx, 'authority', id, v, {
          ...values,
          search_key: searchKey(values.name ?? before.name, values.short_name ?? before.short_name, before.code),
        });
        await recordEvent(
          tx,
          auditActor(actor),
          { type: 'AUTHORITY_UPDATED', entityType: 'authority', entityId: id, data: { changes: diff(before, values) } },
          id,
        );
      });
      return present(await load(db, actor, id));
    },
  );
};
