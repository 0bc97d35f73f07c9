import { authorityAbilities, canSeeAuthority, canSeeUnit, sessionAbilities, unitAbilities, type UnitAction } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, notFound } from '../../http/app-error.ts';

type UnitRef = { id: number; authority_id: number };
const ref = (u: UnitRef) => ({ id: u.id, authorityId: u.authority_id });

export const abilitiesOnUnit = (actor: Actor, unit: UnitRef) => unitAbilities(actor, ref(unit));

export function authorizeUnit(actor: Actor, unit: UnitRef, action?: UnitAction): void {
  authorize(canSeeUnit(actor, ref(unit)), action === undefined || abilitiesOnUnit(actor, unit)[action], () => notFound('unit', unit.id));
}

export function authorizeUnitCreation(actor: Actor, authorityId: number): void {
  if (!sessionAbilities(actor).createUnit) throw new AppError('FORBIDDEN');
  authorize(canSeeAuthority(actor, { id: authorityId }), authorityAbilities(actor, { id: authorityId }).createUnit, () =>
    notFound('authority', authorityId),
  );
}
