import { scopeAllowsAuthority, scopeAllowsCluster } from '@thidua/domain';
import { requireCapability, type Actor } from '../../access/actor.ts';
import { notFound } from '../../http/app-error.ts';

/** Out of scope reads as "not found": the caller learns nothing about clusters it may not see. */
export function assertCanReadCluster(actor: Actor, cluster: { id: number; authority_id: number }): void {
  if (!scopeAllowsCluster(actor.scope, { id: cluster.id, authorityId: cluster.authority_id })) throw notFound('cluster', cluster.id);
}

export function assertCanEditCluster(actor: Actor, cluster: { id: number; authority_id: number }): void {
  assertCanReadCluster(actor, cluster);
  requireCapability(actor, 'cluster.edit');
}

export function assertCanCreateIn(actor: Actor, authorityId: number): void {
  requireCapability(actor, 'cluster.edit');
  if (!scopeAllowsAuthority(actor.scope, authorityId)) throw notFound('authority', authorityId);
}
