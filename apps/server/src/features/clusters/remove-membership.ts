import type { TxContext } from '../../db/transaction.ts';
import { fieldError, notFound } from '../../http/app-error.ts';
import { authorizeCluster } from './clusters.policy.ts';

/** Takes a unit out of a year's membership; the head or deputy of that year must be replaced first. */
export async function removeMembership(ctx: TxContext, clusterId: number, membershipId: number): Promise<number> {
  const { tx, actor } = ctx;
  const cluster = await tx.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', clusterId).executeTakeFirst();
  authorizeCluster(actor, cluster, clusterId, 'removeMember');
  const m = await tx
    .selectFrom('cluster_membership')
    .select(['unit_id', 'year'])
    .where('id', '=', membershipId)
    .where('cluster_id', '=', clusterId)
    .executeTakeFirst();
  if (!m) throw notFound('record', membershipId);
  const leads = await tx
    .selectFrom('cluster_leadership')
    .select('year')
    .where('cluster_id', '=', clusterId)
    .where('year', '=', m.year)
    .where((eb) => eb.or([eb('head_unit_id', '=', m.unit_id), eb('deputy_unit_id', '=', m.unit_id)]))
    .executeTakeFirst();
  if (leads) throw fieldError('membershipId', 'CONFLICT', 'member_leads_cluster', { year: m.year });
  await tx.deleteFrom('cluster_membership').where('id', '=', membershipId).execute();
  ctx.audit(
    { type: 'CLUSTER_MEMBER_REMOVED', entityType: 'cluster', entityId: clusterId, data: { unitId: m.unit_id, year: m.year } },
    cluster.authority_id,
  );
  return m.year;
}
