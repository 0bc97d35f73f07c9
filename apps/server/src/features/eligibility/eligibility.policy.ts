import { authorityAbilities, canSeeAuthority, scopeAllowsAuthority, scopeAllowsCluster, scopeAllowsUnit } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { notFound } from '../../http/app-error.ts';
import type { Population } from '../../history/population.ts';

/** Reading an issuer's quotas and settings: anyone who sees the authority. */
export function assertCanReadIssuer(actor: Actor, authorityId: number): void {
  if (!scopeAllowsAuthority(actor.scope, authorityId)) throw notFound('authority', authorityId);
}

/** Setting an issuer's quotas and settings: whoever may edit the authority. */
export function assertCanEditIssuer(
  actor: Actor,
  authority: { id: number } | undefined,
  authorityId: number,
  action: 'setQuotas' | 'setSettings',
): void {
  authorize(!!authority && canSeeAuthority(actor, authority), !!authority && authorityAbilities(actor, authority)[action], () =>
    notFound('authority', authorityId),
  );
}

export const canEditIssuer = (actor: Actor, authorityId: number, action: 'setQuotas' | 'setSettings') =>
  authorityAbilities(actor, { id: authorityId })[action];

/** A batch over a unit, a cluster or an authority the caller sees; the quota is the owner's. */
export function assertCanRunBatch(
  actor: Actor,
  target: { kind: 'unit' | 'cluster' | 'authority'; id: number; authority_id: number } | undefined,
  kind: 'unit' | 'cluster' | 'authority',
  id: number,
): asserts target {
  const ok =
    target &&
    (kind === 'unit'
      ? scopeAllowsUnit(actor.scope, { id: target.id, authorityId: target.authority_id })
      : kind === 'cluster'
        ? scopeAllowsCluster(actor.scope, { id: target.id, authorityId: target.authority_id })
        : scopeAllowsAuthority(actor.scope, target.id));
  if (!ok) throw notFound(kind, id);
}

export type { Population };
