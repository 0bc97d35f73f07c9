import { authorityAbilities, canSeeAuthority, canSeeCluster, clusterAbilities, sessionAbilities, type ClusterAction } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, notFound } from '../../http/app-error.ts';

type ClusterRef = { id: number; authority_id: number };
const ref = (c: ClusterRef) => ({ id: c.id, authorityId: c.authority_id });

export const abilitiesOnCluster = (actor: Actor, cluster: ClusterRef) => clusterAbilities(actor, ref(cluster));

/** Out of scope reads as "not found": the caller learns nothing about clusters it may not see. */
export function authorizeCluster<T extends ClusterRef>(
  actor: Actor,
  cluster: T | undefined,
  id: number,
  action?: ClusterAction,
): asserts cluster is T {
  if (!cluster) throw notFound('cluster', id);
  authorize(canSeeCluster(actor, ref(cluster)), action === undefined || abilitiesOnCluster(actor, cluster)[action], () =>
    notFound('cluster', id),
  );
}

export function authorizeClusterCreation(actor: Actor, authorityId: number): void {
  if (!sessionAbilities(actor).createCluster) throw new AppError('FORBIDDEN');
  authorize(canSeeAuthority(actor, { id: authorityId }), authorityAbilities(actor, { id: authorityId }).createCluster, () =>
    notFound('authority', authorityId),
  );
}
