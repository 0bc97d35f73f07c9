import type { z } from 'zod';
import { checkLeadership } from '@thidua/domain';
import type { TxContext } from '../../db/transaction.ts';
import { unwrap } from '../../db/versioned-update.ts';

import { authorizeCluster } from './clusters.policy.ts';
import type { setLeadershipBody } from '@thidua/contracts/clusters.ts';

/** Records the head and deputy elected for a year (bầu cụm trưởng, cụm phó). */
export async function setLeadership(
  ctx: TxContext,
  clusterId: number,
  year: number,
  input: z.infer<typeof setLeadershipBody>,
): Promise<void> {
  const { tx, actor } = ctx;
  const cluster = await tx.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', clusterId).executeTakeFirst();
  authorizeCluster(actor, cluster, clusterId, 'setLeadership');
  const members = await tx
    .selectFrom('cluster_membership')
    .select('unit_id')
    .where('cluster_id', '=', clusterId)
    .where('year', '=', year)
    .execute();
  const deputy = input.deputyUnitId ?? null;
  unwrap(
    checkLeadership(
      members.map((m) => m.unit_id),
      input.headUnitId,
      deputy,
    ),
    'headUnitId',
  );
  await tx
    .insertInto('cluster_leadership')
    .values({ authority_id: cluster.authority_id, cluster_id: clusterId, year, head_unit_id: input.headUnitId, deputy_unit_id: deputy })
    .onConflict((oc) => oc.columns(['cluster_id', 'year']).doUpdateSet({ head_unit_id: input.headUnitId, deputy_unit_id: deputy }))
    .execute();
  ctx.audit(
    {
      type: 'CLUSTER_LEADERSHIP_SET',
      entityType: 'cluster',
      entityId: clusterId,
      data: { year, headUnitId: input.headUnitId, deputyUnitId: deputy },
    },
    cluster.authority_id,
  );
}
