import { scopeAllowsUnit } from '@thidua/domain';
import { requireCapability, type Actor } from '../../access/actor.ts';
import { notFound } from '../../http/app-error.ts';

/** A person is visible to whoever may see the person's unit. */
export function assertCanReadPerson(actor: Actor, person: { id: number; authority_id: number; unit_id: number }): void {
  if (!scopeAllowsUnit(actor.scope, { id: person.unit_id, authorityId: person.authority_id })) throw notFound('person', person.id);
}
export function assertCanEditPerson(actor: Actor, person: { id: number; authority_id: number; unit_id: number }): void {
  assertCanReadPerson(actor, person);
  requireCapability(actor, 'person.edit');
}
