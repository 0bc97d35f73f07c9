import { authorityAbilities, canSeeAuthority, canSeeUnit, sessionAbilities, unitAbilities, type UnitAction } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, notFound } from '../../http/app-error.ts';

type UnitRef = { id: number; authority_id: number };
const ref = (u: UnitRef) => ({ id: u.id, authorityId: u.authority_id });

export const abilitiesOnUnit = (actor: Actor, unit: UnitRef) => unitAbilities(actor, ref(unit));

export function authorizeUnit<T extends UnitRef>(actor: Actor, unit: T | undefined, id: number, action?: UnitAction): asserts unit is T {
  if (!unit) throw notFound('unit', id);
  authorize(canSeeUnit(actor, ref(unit)), action === undefined || abilitiesOnUnit(actor, unit)[action], () => notFound('unit', id));
}

export function authorizeUnitCreation(actor: Actor, authorityId: number): void {
  if (!sessionAbilities(actor).createUnit) throw new AppError('FORBIDDEN');
  authorize(canSeeAuthority(actor, { id: authorityId }), authorityAbilities(actor, { id: authorityId }).createUnit, () =>
    notFound('authority', authorityId),
  );
}
