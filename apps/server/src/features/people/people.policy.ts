import { canSeePerson, canSeeUnit, personAbilities, sessionAbilities, unitAbilities, type PersonAction } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, fieldError, notFound } from '../../http/app-error.ts';

type PersonRef = { id: number; authority_id: number; unit_id: number };
const ref = (p: PersonRef) => ({ unitId: p.unit_id, authorityId: p.authority_id });

export const abilitiesOnPerson = (actor: Actor, person: PersonRef) => personAbilities(actor, ref(person));

/** A person is visible to whoever may see the person's unit; written by the unit's owner. */
export function authorizePerson<T extends PersonRef>(
  actor: Actor,
  person: T | undefined,
  id: number,
  action?: PersonAction,
): asserts person is T {
  if (!person) throw notFound('person', id);
  authorize(canSeePerson(actor, ref(person)), action === undefined || abilitiesOnPerson(actor, person)[action], () =>
    notFound('person', id),
  );
}

/** Registering a person: a role that never registers people is refused before anything is looked up. */
export function authorizePersonCreation<T extends { id: number; authority_id: number }>(
  actor: Actor,
  unit: T | undefined,
  unitId: number,
): asserts unit is T {
  if (!sessionAbilities(actor).createPerson) throw new AppError('FORBIDDEN');
  authorizePlacementIn(actor, unit, 'unitId', unitId);
}

/** Placing a person in a unit (a new person, a position held): the unit must be one the caller keeps. */
export function authorizePlacementIn<T extends { id: number; authority_id: number }>(
  actor: Actor,
  unit: T | undefined,
  field: string,
  id: number,
): asserts unit is T {
  const u = unit && { id: unit.id, authorityId: unit.authority_id };
  authorize(!!u && canSeeUnit(actor, u), !!u && unitAbilities(actor, u).addPerson, () =>
    fieldError(field, 'VALIDATION_FAILED', 'unknown_reference', { id }),
  );
}

/**
 * A staff code is unique within its authority. When it is taken by someone the caller may see, the answer says so;
 * otherwise it only says the code cannot be used — never that a person outside the caller's scope holds it.
 */
export function refuseTakenCode(actor: Actor, holder: { unit_id: number; authority_id: number }, code: string): never {
  if (canSeePerson(actor, { unitId: holder.unit_id, authorityId: holder.authority_id }))
    throw fieldError('code', 'CONFLICT', 'duplicate_code', { code });
  throw fieldError('code', 'CONFLICT', 'code_unavailable');
}
