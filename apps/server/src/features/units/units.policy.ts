import { scopeAllowsAuthority, scopeAllowsUnit } from '@thidua/domain';
import { requireCapability, type Actor } from '../../access/actor.ts';
import { notFound } from '../../http/app-error.ts';

export function assertCanReadUnit(actor: Actor, unit: { id: number; authority_id: number }): void {
  if (!scopeAllowsUnit(actor.scope, { id: unit.id, authorityId: unit.authority_id })) throw notFound('unit', unit.id);
}
export function assertCanEditUnit(actor: Actor, unit: { id: number; authority_id: number }): void {
  assertCanReadUnit(actor, unit);
  requireCapability(actor, 'unit.edit');
}
export function assertCanCreateUnitIn(actor: Actor, authorityId: number): void {
  requireCapability(actor, 'registry.edit');
  if (!scopeAllowsAuthority(actor.scope, authorityId)) throw notFound('authority', authorityId);
}
