import type { z } from 'zod';
import { flagReceiverYears, planFlagHandover } from '@thidua/domain';
import type { TxContext } from '../../db/transaction.ts';
import { unwrap } from '../../db/versioned-update.ts';

import { authorizeCluster } from './clusters.policy.ts';
import type { flagHandoverBody } from '@thidua/contracts/clusters.ts';

/** Records the rotating flag passing to a member unit (usually at the year-end conference). */
export async function handOverFlag(ctx: TxContext, clusterId: number, input: z.infer<typeof flagHandoverBody>): Promise<void> {
  const { tx, actor } = ctx;
  const cluster = await tx
    .selectFrom('cluster')
    .select(['id', 'authority_id', 'active_from', 'active_to'])
    .where('id', '=', clusterId)
    .forUpdate()
    .executeTakeFirst();
  authorizeCluster(actor, cluster, clusterId, 'handOverFlag');
  const years = flagReceiverYears(input.from);
  const history = await tx
    .selectFrom('flag_custody')
    .select(['id', 'unit_id as unitId', 'from_date as from', 'to_date as to'])
    .where('cluster_id', '=', clusterId)
    .execute();
  const members = await tx
    .selectFrom('cluster_membership')
    .select('unit_id')
    .where('cluster_id', '=', clusterId)
    .where('year', 'in', years)
    .execute();
  const plan = unwrap(
    planFlagHandover(
      { activeFrom: cluster.active_from, activeTo: cluster.active_to },
      history,
      input,
      members.map((m) => m.unit_id),
      ctx.today,
    ),
    'unitId',
  );
  if (plan.closeOpenOn)
    await tx
      .updateTable('flag_custody')
      .set({ to_date: plan.closeOpenOn })
      .where('cluster_id', '=', clusterId)
      .where('to_date', 'is', null)
      .execute();
  await tx
    .insertInto('flag_custody')
    .values({
      authority_id: cluster.authority_id,
      cluster_id: clusterId,
      unit_id: input.unitId,
      from_date: input.from,
      to_date: null,
      note: input.note ?? null,
    })
    .execute();
  ctx.audit(
    {
      type: 'CLUSTER_FLAG_HANDED_OVER',
      entityType: 'cluster',
      entityId: clusterId,
      data: { unitId: input.unitId, from: input.from, note: input.note ?? null, previousClosedOn: plan.closeOpenOn },
    },
    cluster.authority_id,
  );
}
