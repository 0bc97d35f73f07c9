import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canManageUser, scopeAllowsAuthority, scopeAllowsCluster, scopeAllowsUnit } from '@thidua/domain';
import type { FeatureOptions } from '../../http/feature.ts';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { requireActor } from '../../http/auth.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { errorResponses } from '../../http/validate.ts';
import { ENTITY_TYPES, historyQuery, historyResponse } from '@thidua/contracts/audit.ts';

type EntityType = (typeof ENTITY_TYPES)[number];

/** The history of a record is visible exactly to those who may see the record. */
async function assertCanSeeEntity(db: Db, actor: Actor, type: EntityType, id: number): Promise<void> {
  const s = actor.scope;
  let visible = false;
  if (type === 'authority')
    visible = scopeAllowsAuthority(s, id) && !!(await db.selectFrom('authority').select('id').where('id', '=', id).executeTakeFirst());
  if (type === 'unit') {
    const u = await db.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', id).executeTakeFirst();
    visible = !!u && scopeAllowsUnit(s, { id: u.id, authorityId: u.authority_id });
  }
  if (type === 'person') {
    const p = await db.selectFrom('person').select(['unit_id', 'authority_id']).where('id', '=', id).executeTakeFirst();
    visible = !!p && scopeAllowsUnit(s, { id: p.unit_id, authorityId: p.authority_id });
  }
  if (type === 'cluster') {
    const c = await db.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', id).executeTakeFirst();
    visible = !!c && scopeAllowsCluster(s, { id: c.id, authorityId: c.authority_id });
  }
  if (type === 'user') {
    // one's own account, or an account one manages
    const u = await db.selectFrom('app_user').select(['id', 'authority_id', 'role']).where('id', '=', id).executeTakeFirst();
    if (u && u.id !== actor.id && !canManageUser(actor, { authorityId: u.authority_id, role: u.role })) throw new AppError('FORBIDDEN');
    visible = !!u;
  }
  if (!visible) throw notFound(type, id);
}

export const auditRoutes: FastifyPluginAsyncZod<FeatureOptions> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['audit'],
        summary: "A record's history, newest first",
        querystring: historyQuery,
        response: { 200: historyResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { entityType, entityId, limit } = request.query;
      await assertCanSeeEntity(db, actor, entityType, entityId);
      // the chain keeps the username as it was; people read the account's display name
      const rows = await db
        .selectFrom('audit_event')
        .leftJoin('app_user', 'app_user.id', 'audit_event.actor_id')
        .selectAll('audit_event')
        .select('app_user.display_name')
        .where('audit_event.entity_type', '=', entityType)
        .where('audit_event.entity_id', '=', entityId)
        .orderBy('audit_event.seq', 'desc')
        .limit(limit)
        .execute();
      return {
        items: rows.map((r) => ({
          id: Number(r.seq),
          seq: Number(r.seq),
          type: r.type,
          actorName: r.display_name ?? r.actor_name,
          actorUsername: r.actor_name,
          at: new Date(r.at).toISOString(),
          entityType: r.entity_type,
          entityId: r.entity_id,
          data: r.data,
        })),
      };
    },
  );
};
