import type { z } from 'zod';
import { checkMembership, scopeAllowsUnit } from '@thidua/domain';
import type { TxContext } from '../../db/transaction.ts';
import { unwrap } from '../../db/versioned-update.ts';
import { fieldError } from '../../http/app-error.ts';
import { authorizeCluster } from './clusters.policy.ts';
import { findUnitBrief } from './clusters.queries.ts';
import type { addMembershipBody } from '@thidua/contracts/clusters.ts';

/** Adds a unit to the cluster for one year; the dates must lie within the cluster's lifetime. */
export async function addMembership(ctx: TxContext, clusterId: number, input: z.infer<typeof addMembershipBody>): Promise<void> {
  const { tx, actor } = ctx;
  const cluster = await tx
    .selectFrom('cluster')
    .select(['id', 'authority_id', 'active_from', 'active_to'])
    .where('id', '=', clusterId)
    .executeTakeFirst();
  authorizeCluster(actor, cluster, clusterId, 'addMember');
  const unit = await findUnitBrief(tx, input.unitId);
  // a ministry's or the central council's cluster gathers units of other authorities
  if (!unit || !scopeAllowsUnit(actor.scope, { id: unit.id, authorityId: unit.authority_id }))
    throw fieldError('unitId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.unitId });
  const period = { year: input.year, from: input.from ?? null, to: input.to ?? null };
  unwrap(checkMembership({ activeFrom: cluster.active_from, activeTo: cluster.active_to }, period), 'year');
  const exists = await tx
    .selectFrom('cluster_membership')
    .select('id')
    .where('cluster_id', '=', clusterId)
    .where('unit_id', '=', input.unitId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (exists) throw fieldError('unitId', 'CONFLICT', 'already_member', { year: input.year });
  await tx
    .insertInto('cluster_membership')
    .values({
      authority_id: cluster.authority_id,
      cluster_id: clusterId,
      unit_id: input.unitId,
      year: input.year,
      from_date: period.from,
      to_date: period.to,
    })
    .execute();
  ctx.audit(
    { type: 'CLUSTER_MEMBER_ADDED', entityType: 'cluster', entityId: clusterId, data: { unitId: input.unitId, ...period } },
    cluster.authority_id,
  );
}
