import { sql } from 'kysely';
import type { z } from 'zod';
import { awardDecisionSummary, defaultAwardTitle } from '@thidua/domain/decisions/award-decision.ts';
import type { decisionDraftBody, decisionUpdateBody } from '@thidua/contracts/decisions.ts';
import type { TxContext } from '../../db/transaction.ts';
import type { Tx } from '../../db/client.ts';
import { updateVersioned } from '../../db/versioned-update.ts';
import { diff } from '../../audit/events.ts';
import { fieldError, notFound } from '../../http/app-error.ts';
import { searchKey } from '../../lib/search-key.ts';
import { assertConferrable, authorizeDocument, authorizeDrafting } from './decisions.policy.ts';
import { checkRecipients } from './recipients.ts';

type DraftBody = z.infer<typeof decisionDraftBody>;
type UpdateBody = z.infer<typeof decisionUpdateBody>;

/** What the draft keeps beside its columns: everything the document prints that is not a registry reference. */
function contentOf(input: UpdateBody | DraftBody) {
  return {
    issuerParent: input.issuerParent ?? null,
    issuerName: input.issuerName,
    place: input.place,
    authorityLine: input.authorityLine,
    signer: { ...input.signer, onBehalfOf: input.signer.onBehalfOf ?? null },
    achievement: input.achievement,
    proposal: input.proposal ?? null,
    regulation: input.regulation ?? null,
    copiesTo: input.copiesTo ?? [],
  };
}

async function issuerKind(tx: Tx, authorityId: number, issuerUnitId: number | null) {
  if (issuerUnitId !== null) return 'UNIT' as const;
  const authority = await tx.selectFrom('authority').select('kind').where('id', '=', authorityId).executeTakeFirst();
  return (authority?.kind ?? 'PROVINCE') as 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL';
}

async function writeRecipients(tx: Tx, documentId: number, recipients: DraftBody['recipients']) {
  await tx.deleteFrom('document_recipient').where('document_id', '=', documentId).execute();
  for (let i = 0; i < recipients.length; i += 1000)
    await tx
      .insertInto('document_recipient')
      .values(
        recipients.slice(i, i + 1000).map((r, j) => ({
          document_id: documentId,
          position: i + j,
          subject_type: r.subjectType,
          subject_id: r.subjectId,
          evidence_ids: sql<number[]>`${`{${(r.evidenceIds ?? []).join(',')}}`}::integer[]` as never,
          reward_vnd: null,
        })),
      )
      .execute();
}

/** A new draft: no number, nothing written to anyone's records until it is issued. */
export async function createDraft(ctx: TxContext, input: DraftBody): Promise<number> {
  const { tx, actor } = ctx;
  const authority = await tx.selectFrom('authority').select('id').where('id', '=', input.authorityId).executeTakeFirst();
  if (!authority) throw fieldError('authorityId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.authorityId });
  if (input.issuerUnitId !== null) {
    const unit = await tx.selectFrom('unit').select(['id', 'authority_id']).where('id', '=', input.issuerUnitId).executeTakeFirst();
    if (!unit || unit.authority_id !== input.authorityId)
      throw fieldError('issuerUnitId', 'VALIDATION_FAILED', 'unknown_reference', { id: input.issuerUnitId });
  }
  authorizeDrafting(actor, { authorityId: input.authorityId, issuerUnitId: input.issuerUnitId });
  assertConferrable(input.issuerUnitId, input.awardCode);
  await checkRecipients(tx, { authorityId: input.authorityId, issuerUnitId: input.issuerUnitId }, input.awardCode, input.recipients);
  if (input.replacesId != null) {
    const replaced = await tx
      .selectFrom('document')
      .select(['status', 'authority_id', 'issuer_key'])
      .where('id', '=', input.replacesId)
      .executeTakeFirst();
    if (!replaced || replaced.status !== 'ISSUED' || replaced.authority_id !== input.authorityId)
      throw fieldError('replacesId', 'VALIDATION_FAILED', 'replaced_not_issued');
  }
  const kind = await issuerKind(tx, input.authorityId, input.issuerUnitId);
  const summary = awardDecisionSummary(input.awardCode, defaultAwardTitle(input.awardCode, kind), input.year);
  const issuerKey = input.issuerUnitId === null ? `A${input.authorityId}` : `U${input.issuerUnitId}`;
  const row = await tx
    .insertInto('document')
    .values({
      authority_id: input.authorityId,
      kind: 'AWARD_DECISION',
      status: 'DRAFT',
      issuer_unit_id: input.issuerUnitId,
      issuer_key: issuerKey,
      symbol: input.symbol,
      number: null,
      issue_year: null,
      issue_date: null,
      award_code: input.awardCode,
      award_kind: input.kind,
      year: input.year,
      summary,
      content: JSON.stringify(contentOf(input)),
      override_reason: null,
      verification_code: null,
      pdf_sha256: null,
      pdf: null,
      replaces_id: input.replacesId ?? null,
      cancel_reason: null,
      cancelled_at: null,
      search_key: searchKey(summary, input.issuerName, input.achievement),
      created_by: actor.id || null,
      issued_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeRecipients(tx, row.id, input.recipients);
  ctx.audit(
    {
      type: 'DECISION_DRAFTED',
      entityType: 'document',
      entityId: row.id,
      data: { awardCode: input.awardCode, year: input.year, recipients: input.recipients.length },
    },
    input.authorityId,
  );
  return row.id;
}

/** Editing a draft, against the version the drafter saw. An issued decision is never edited. */
export async function updateDraft(ctx: TxContext, id: number, input: UpdateBody): Promise<void> {
  const { tx, actor } = ctx;
  const before = await tx.selectFrom('document').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  authorizeDocument(actor, before, id, 'update');
  assertConferrable(before.issuer_unit_id, input.awardCode);
  await checkRecipients(tx, { authorityId: before.authority_id, issuerUnitId: before.issuer_unit_id }, input.awardCode, input.recipients);
  const kind = await issuerKind(tx, before.authority_id, before.issuer_unit_id);
  const summary = awardDecisionSummary(input.awardCode, defaultAwardTitle(input.awardCode, kind), input.year);
  const content = contentOf(input);
  const values = {
    symbol: input.symbol,
    award_code: input.awardCode,
    award_kind: input.kind,
    year: input.year,
    summary,
    content: JSON.stringify(content),
    search_key: searchKey(summary, input.issuerName, input.achievement),
  };
  await updateVersioned(ctx, 'document', id, input.version, values);
  const oldRecipients = await tx
    .selectFrom('document_recipient')
    .select(['subject_type', 'subject_id'])
    .where('document_id', '=', id)
    .orderBy('position')
    .execute();
  await writeRecipients(tx, id, input.recipients);
  const changes = diff(
    { symbol: before.symbol, award_code: before.award_code, award_kind: before.award_kind, year: before.year, content: before.content },
    { symbol: values.symbol, award_code: values.award_code, award_kind: values.award_kind, year: values.year, content },
  );
  const recipientsNow = input.recipients.map((r) => `${r.subjectType}:${r.subjectId}`);
  const recipientsBefore = oldRecipients.map((r) => `${r.subject_type}:${r.subject_id}`);
  if (recipientsNow.join() !== recipientsBefore.join()) changes.recipients = { from: recipientsBefore.length, to: recipientsNow.length };
  ctx.audit({ type: 'DECISION_UPDATED', entityType: 'document', entityId: id, data: { changes } }, before.authority_id);
}

/** A draft may be thrown away; an issued decision stays in the register (it is cancelled, with a reason). */
export async function deleteDraft(ctx: TxContext, id: number): Promise<void> {
  const { tx, actor } = ctx;
  const row = await tx
    .selectFrom('document')
    .select(['id', 'authority_id', 'issuer_unit_id', 'status', 'summary'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  authorizeDocument(actor, row, id, 'delete');
  const result = await tx.deleteFrom('document').where('id', '=', id).where('status', '=', 'DRAFT').executeTakeFirst();
  if (Number(result.numDeletedRows) !== 1) throw notFound('document', id);
  ctx.audit({ type: 'DECISION_DELETED', entityType: 'document', entityId: id, data: { summary: row.summary } }, row.authority_id);
}
