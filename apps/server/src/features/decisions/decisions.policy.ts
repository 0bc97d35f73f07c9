import {
  canDraftDocument,
  canSeeDocument,
  documentAbilities,
  sessionAbilities,
  type DocumentAction,
  type DocumentStatusCode,
} from '@thidua/domain';
import { AWARD_BY_CODE, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import type { Actor } from '../../access/actor.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, fieldError, notFound } from '../../http/app-error.ts';

type DocumentRef = { id: number; authority_id: number; issuer_unit_id: number | null; status: DocumentStatusCode };
const ref = (d: DocumentRef) => ({ authorityId: d.authority_id, issuerUnitId: d.issuer_unit_id, status: d.status });

export const abilitiesOnDocument = (actor: Actor, d: DocumentRef) => documentAbilities(actor, ref(d));

/**
 * Out of scope reads as "not found". An action the caller's role allows but the document's state does not (editing
 * an issued decision, cancelling a draft) is a conflict with that state, not a missing right.
 */
export function authorizeDocument<T extends DocumentRef>(
  actor: Actor,
  d: T | undefined,
  id: number,
  action?: DocumentAction,
): asserts d is T {
  if (!d) throw notFound('document', id);
  if (action === undefined) return authorize(canSeeDocument(actor, ref(d)), true, () => notFound('document', id));
  const asDraft = documentAbilities(actor, { ...ref(d), status: 'DRAFT' });
  const asIssued = documentAbilities(actor, { ...ref(d), status: 'ISSUED' });
  authorize(canSeeDocument(actor, ref(d)), asDraft[action] || asIssued[action], () => notFound('document', id));
  if (!abilitiesOnDocument(actor, d)[action])
    throw new AppError(action === 'cancel' || action === 'replace' ? 'DOCUMENT_NOT_ISSUED' : 'DOCUMENT_ISSUED');
}

/**
 * Reading: the issuer's register in scope, or — an issued decision being a published document — one that names a
 * person or unit the caller sees (a unit officer opens the provincial decision that commends its staff).
 */
export function authorizeDocumentRead<T extends DocumentRef>(
  actor: Actor,
  d: T | undefined,
  id: number,
  namesSubjectInScope: boolean,
): asserts d is T {
  if (!d) throw notFound('document', id);
  if (canSeeDocument(actor, ref(d))) return;
  if (d.status !== 'DRAFT' && namesSubjectInScope) return;
  throw notFound('document', id);
}

/** A new draft of an issuer: the board's for the authority, a unit officer's for its own unit. */
export function authorizeDrafting(actor: Actor, issuer: { authorityId: number; issuerUnitId: number | null }): void {
  if (!sessionAbilities(actor).draftDecision) throw new AppError('FORBIDDEN');
  authorize(canSeeDocument(actor, issuer), canDraftDocument(actor, issuer), () =>
    issuer.issuerUnitId === null ? notFound('authority', issuer.authorityId) : notFound('unit', issuer.issuerUnitId),
  );
}

/**
 * What an issuer may confer (Law 06/2022 Art. 74–79, as the vocabulary's levels record it): a unit head the unit-level
 * titles and Giấy khen, a province or ministry its own level's. State awards are proposed upward, never issued here.
 */
export function assertConferrable(issuerUnitId: number | null, award: AwardCode): void {
  const level = AWARD_BY_CODE[award].level;
  const allowed = issuerUnitId === null ? level === 'ministry_province' : level === 'unit';
  if (!allowed) throw fieldError('awardCode', 'VALIDATION_FAILED', 'award_not_conferrable');
}
