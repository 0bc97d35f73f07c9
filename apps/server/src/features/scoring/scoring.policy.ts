import { canEditCriteria, canSeeCluster, criteriaAbilities, type CriteriaAction, type RoundState } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { notFound } from '../../http/app-error.ts';
import { unwrap } from '../../db/versioned-update.ts';

export type ClusterRef = { id: number; authority_id: number };
const ref = (c: ClusterRef) => ({ id: c.id, authorityId: c.authority_id });

export const abilitiesOnCriteria = (actor: Actor, cluster: ClusterRef, year: number, roundState: RoundState) =>
  criteriaAbilities(actor, ref(cluster), { year, roundState });

/** Reading a cluster's criteria tables: whoever sees the cluster (out of scope reads as "not found"). */
export function authorizeCriteriaRead(actor: Actor, cluster: ClusterRef | undefined, id: number): asserts cluster is ClusterRef {
  if (!cluster) throw notFound('cluster', id);
  authorize(canSeeCluster(actor, ref(cluster)), true, () => notFound('cluster', id));
}

/**
 * Writing a cluster's table of a year: not visible → 404, visible but not the caller's to change → 403; then a
 * table past the draft is frozen (CRITERIA_FROZEN, 409) for every action but the new version, which needs one frozen.
 * `table` is the latest version of the round, if any (none: a draft about to be made).
 */
export function authorizeCriteria(
  actor: Actor,
  cluster: ClusterRef | undefined,
  id: number,
  year: number,
  action: CriteriaAction,
  table?: { version: number; round_state: RoundState },
): asserts cluster is ClusterRef {
  if (!cluster) throw notFound('cluster', id);
  // who may act, whatever the round's state: the draft's editors, and for a new version the board
  const who = abilitiesOnCriteria(actor, cluster, year, action === 'newVersion' ? 'self' : 'draft')[action];
  authorize(canSeeCluster(actor, ref(cluster)), who, () => notFound('cluster', id));
  if (action !== 'newVersion' && table) unwrap(canEditCriteria(table, table.round_state));
}
