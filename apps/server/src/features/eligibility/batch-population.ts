import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { assertCanRunBatch } from './eligibility.policy.ts';
import type { Population } from '../../history/population.ts';

/** The population of a batch (a unit, a cluster's members or an authority) and the authority whose quota applies. */
export async function resolvePopulation(
  db: Db,
  actor: Actor,
  q: { unitId?: number; clusterId?: number; authorityId?: number },
): Promise<{ population: Population; quotaAuthorityId: number }> {
  if (q.unitId !== undefined) {
    const unit = await db.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', q.unitId).executeTakeFirst();
    assertCanRunBatch(actor, unit && { kind: 'unit', ...unit }, 'unit', q.unitId);
    return { population: { unitId: unit.id }, quotaAuthorityId: unit.authority_id };
  }
  if (q.clusterId !== undefined) {
    const cluster = await db.selectFrom('cluster').select(['id', 'authority_id']).where('id', '=', q.clusterId).executeTakeFirst();
    assertCanRunBatch(actor, cluster && { kind: 'cluster', ...cluster }, 'cluster', q.clusterId);
    return { population: { clusterId: cluster.id }, quotaAuthorityId: cluster.authority_id };
  }
  const id = q.authorityId!;
  const authority = await db.selectFrom('authority').select('id').where('id', '=', id).executeTakeFirst();
  assertCanRunBatch(actor, authority && { kind: 'authority', id: authority.id, authority_id: authority.id }, 'authority', id);
  return { population: { authorityId: id }, quotaAuthorityId: id };
}
