import { canAssignRole, canCreateUser, canListUsers, canManageUser, userAbilities, type Role, type UserAction } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { AppError, fieldError, notFound } from '../../http/app-error.ts';

type UserRef = { id: number; authority_id: number | null; role: string };

export const abilitiesOnUser = (actor: Actor, user: UserRef) =>
  userAbilities(actor, { id: user.id, authorityId: user.authority_id, role: user.role }, actor.id);

/** The accounts screen is the emulation board's (and the administrator's); others are refused outright. */
export function authorizeUserList(actor: Actor): void {
  if (!canListUsers(actor)) throw new AppError('FORBIDDEN');
}

/** An account the caller does not manage reads as "not found". */
export function authorizeUser<T extends UserRef>(
  actor: Actor,
  target: T | undefined,
  id: number,
  action?: UserAction,
): asserts target is T {
  authorizeUserList(actor);
  if (!target || !canManageUser(actor, { authorityId: target.authority_id, role: target.role })) throw notFound('user', id);
  if (action && !abilitiesOnUser(actor, target)[action]) throw new AppError('FORBIDDEN');
}

/** A new account: a role the caller may give, inside the caller's authority (the administrator: anywhere). */
export function authorizeUserCreation(actor: Actor, role: Role, authorityId: number | null): void {
  authorizeUserList(actor);
  if (!canAssignRole(actor.role, role)) throw fieldError('role', 'FORBIDDEN', 'role_not_assignable');
  if (!canCreateUser(actor, role, role === 'SYSTEM_ADMIN' ? null : authorityId))
    throw fieldError('authorityId', 'FORBIDDEN', 'outside_scope');
}
