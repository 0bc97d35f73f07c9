import { scopeAllowsUnit } from '@thidua/domain';
import { notFound } from '../http/app-error.ts';
import type { SubjectRow, SubjectType } from '../history/subject-history.ts';
import { requireCapability, type Actor } from './actor.ts';

/** A person's or collective's records are visible to whoever may see the person's unit, or the unit. */
export function assertCanReadSubject(actor: Actor, type: SubjectType, s: SubjectRow | undefined, id: number): asserts s is SubjectRow {
  if (!s || !scopeAllowsUnit(actor.scope, { id: s.scopeUnitId, authorityId: s.authority_id })) throw notFound(type, id);
}

export function assertCanEditSubject(actor: Actor, type: SubjectType, s: SubjectRow | undefined, id: number): asserts s is SubjectRow {
  assertCanReadSubject(actor, type, s, id);
  requireCapability(actor, type === 'person' ? 'person.edit' : 'unit.edit');
}
