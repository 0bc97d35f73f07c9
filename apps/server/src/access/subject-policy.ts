import { personAbilities, scopeAllowsUnit, unitAbilities } from '@thidua/domain';
import { notFound } from '../http/app-error.ts';
import type { SubjectRow, SubjectType } from '../history/subject-history.ts';
import type { Actor } from './actor.ts';
import { authorize } from './authorize.ts';

/** A person's or collective's records are visible to whoever may see the person's unit, or the unit. */
export function assertCanReadSubject(actor: Actor, type: SubjectType, s: SubjectRow | undefined, id: number): asserts s is SubjectRow {
  if (!s || !scopeAllowsUnit(actor.scope, { id: s.scopeUnitId, authorityId: s.authority_id })) throw notFound(type, id);
}

/** Whether the caller keeps the subject's records: the owner of the person or unit. */
export function canEditRecords(actor: Actor, type: SubjectType, s: SubjectRow): boolean {
  return type === 'person'
    ? personAbilities(actor, { unitId: s.scopeUnitId, authorityId: s.authority_id }).editRecords
    : unitAbilities(actor, { id: s.scopeUnitId, authorityId: s.authority_id }).editRecords;
}

export function assertCanEditSubject(actor: Actor, type: SubjectType, s: SubjectRow | undefined, id: number): asserts s is SubjectRow {
  assertCanReadSubject(actor, type, s, id);
  authorize(true, canEditRecords(actor, type, s), () => notFound(type, id));
}
