import type { z } from 'zod';
import { checkLifetimeChange } from '@thidua/domain';
import { diff } from '../../audit/events.ts';
import type { TxContext } from '../../db/transaction.ts';
import { unwrap, updateVersioned } from '../../db/versioned-update.ts';

import { searchKey } from '../../lib/search-key.ts';
import { authorizeCluster } from './clusters.policy.ts';
import type { updateClusterBody } from '@thidua/contracts/clusters.ts';

export async function updateCluster(ctx: TxContext, id: number, input: z.infer<typeof updateClusterBody>): Promise<void> {
  const { tx, actor } = ctx;
  const before = await tx
    .selectFrom('cluster')
    .innerJoin('decision', 'decision.id', 'cluster.decision_id')
    .select([
      'cluster.id',
      'cluster.authority_id',
      'cluster.name',
      'cluster.code',
      'cluster.active_from',
      'cluster.active_to',
      'decision.number',
    ])
    .where('cluster.id', '=', id)
    .executeTakeFirst();
  authorizeCluster(actor, before, id, 'update');
  if (input.activeTo !== undefined) {
    const memberships = await tx
      .selectFrom('cluster_membership')
      .select(['year', 'from_date as from', 'to_date as to'])
      .where('cluster_id', '=', id)
      .execute();
    unwrap(checkLifetimeChange({ activeFrom: before.active_from, activeTo: input.activeTo }, memberships), 'activeTo');
  }
  const values = {
    ...(input.name !== undefined ? { name: input.name } : {}),
    ...(input.code !== undefined ? { code: input.code } : {}),
    ...(input.activeTo !== undefined ? { active_to: input.activeTo } : {}),
  };
  await updateVersioned(ctx, 'cluster', id, input.version, {
    ...values,
    search_key: searchKey(values.name ?? before.name, values.code ?? before.code, before.number),
  });
  ctx.audit({ type: 'CLUSTER_UPDATED', entityType: 'cluster', entityId: id, data: { changes: diff(before, values) } }, before.authority_id);
}
