import { authorityAbilities, canSeeAuthority, type AuthorityAction } from '@thidua/domain';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { notFound } from '../../http/app-error.ts';

export const abilitiesOnAuthority = (actor: Actor, authority: { id: number }) => authorityAbilities(actor, authority);

/** Out of scope reads as "not found": the caller learns nothing about authorities it may not see. */
export function authorizeAuthority<T extends { id: number }>(
  actor: Actor,
  row: T | undefined,
  id: number,
  action?: AuthorityAction,
): asserts row is T {
  authorize(!!row && canSeeAuthority(actor, row), !!row && (action === undefined || authorityAbilities(actor, row)[action]), () =>
    notFound('authority', id),
  );
}
