import type { z } from 'zod';
import { checkLeadership } from '@thidua/domain';
import type { TxContext } from '../../db/transaction.ts';
import { sql } from 'kysely';
import { staleWrite, unwrap } from '../../db/versioned-update.ts';

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
  const values = { head_unit_id: input.headUnitId, deputy_unit_id: deputy };
  const written =
    input.version === 0
      ? await tx
          .insertInto('cluster_leadership')
          .values({ authority_id: cluster.authority_id, cluster_id: clusterId, year, ...values })
          .onConflict((oc) => oc.columns(['cluster_id', 'year']).doNothing())
          .returning('version')
          .executeTakeFirst()
          .then((r) => (r ? 1 : 0))
      : await tx
          .updateTable('cluster_leadership')
          .set({ ...values, version: sql`version + 1` })
          .where('cluster_id', '=', clusterId)
          .where('year', '=', year)
          .where('version', '=', input.version)
          .executeTakeFirst()
          .then((r) => Number(r.numUpdatedRows));
  if (written !== 1) {
    // Someone saved the year's head and deputy in between (or none existed where the editor saw one).
    const current = await tx
      .selectFrom('cluster_leadership')
      .select('version')
      .where('cluster_id', '=', clusterId)
      .where('year', '=', year)
      .executeTakeFirst();
    throw await staleWrite(
      tx,
      { expected: input.version, actual: current?.version ?? 0 },
      'cluster',
      clusterId,
      'CLUSTER_LEADERSHIP_SET',
      (data) => (data as { year?: unknown } | null)?.year === year,
    );
  }
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
