import { scopeAllowsAuthority } from '@thidua/domain';
import { requireCapability, type Actor } from '../../access/actor.ts';
import { notFound } from '../../http/app-error.ts';

/** Out of scope reads as "not found": the caller learns nothing about authorities it may not see. */
export function assertCanReadAuthority<T extends { id: number }>(actor: Actor, row: T | undefined, id: number): asserts row is T {
  if (!row || !scopeAllowsAuthority(actor.scope, row.id)) throw notFound('authority', id);
}

export function assertCanEditAuthority<T extends { id: number }>(actor: Actor, row: T | undefined, id: number): asserts row is T {
  assertCanReadAuthority(actor, row, id);
  requireCapability(actor, 'authority.edit');
}
