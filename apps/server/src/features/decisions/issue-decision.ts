import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { z } from 'zod';
import { documentRegime, formatDocumentNumber, type DocumentView } from '@thidua/domain';
import { formatVerificationCode } from '@thidua/domain/decisions/award-decision.ts';
import { selectRulebook } from '@thidua/domain/rulebook/rulebooks.ts';
import { computeRewardVnd, findBaseSalary } from '@thidua/domain/rulebook/reward.ts';
import type { AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import type { Translate } from '@thidua/i18n';
import type { decisionCancelBody, decisionIssueBody } from '@thidua/contracts/decisions.ts';
import type { TxContext } from '../../db/transaction.ts';
import type { Tx } from '../../db/client.ts';
import { AppError, fieldError } from '../../http/app-error.ts';
import { authorizeDocument } from './decisions.policy.ts';
import { judgeRecipients, quotaUsage } from './checks.ts';
import { decisionView, issuerOf, type DocumentRow } from './decision-document.ts';
import { loadRecipients } from './recipients.ts';

export interface IssueDeps {
  t: Translate;
  /** Renders the issued view to the PDF that is kept and whose SHA-256 is published. */
  renderPdf: (view: DocumentView) => Promise<Buffer>;
  verifyBaseUrl: string;
}

const documentColumns = [
  'id',
  'authority_id',
  'kind',
  'status',
  'issuer_unit_id',
  'issuer_key',
  'symbol',
  'number',
  'issue_year',
  'issue_date',
  'award_code',
  'award_kind',
  'year',
  'summary',
  'content',
  'override_reason',
  'verification_code',
  'pdf_sha256',
  'replaces_id',
  'cancel_reason',
  'cancelled_at',
  'search_key',
  'version',
  'created_by',
  'created_at',
  'updated_at',
  'issued_at',
] as const;

async function lockDocument(tx: Tx, id: number) {
  return tx.selectFrom('document').select(documentColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Takes the next number of the issuer's series for the year: the series row stays locked until commit. */
async function nextNumber(tx: Tx, issuerKey: string, year: number): Promise<number> {
  const row = await sql<{ last_number: number }>`
    INSERT INTO document_series (issuer_key, year, last_number) VALUES (${issuerKey}, ${year}, 1)
    ON CONFLICT (issuer_key, year) DO UPDATE SET last_number = document_series.last_number + 1
    RETURNING last_number`.execute(tx);
  return Number(row.rows[0]!.last_number);
}

/** Withdraws the awards a decision wrote (cancelled or replaced): their initiatives are free again. */
async function withdrawAwards(ctx: TxContext, doc: Pick<DocumentRow, 'id' | 'award_code' | 'year' | 'authority_id'>, number: string) {
  const { tx } = ctx;
  const awards = await tx
    .selectFrom('award_received')
    .select(['id', 'subject_type', 'subject_id'])
    .where('document_id', '=', doc.id)
    .execute();
  if (!awards.length) return 0;
  const ids = awards.map((a) => a.id);
  await tx.updateTable('evidence_item').set({ used_for_award_id: null }).where('used_for_award_id', 'in', ids).execute();
  await tx.deleteFrom('award_received').where('id', 'in', ids).execute();
  for (const a of awards)
    ctx.audit(
      {
        type: 'AWARD_WITHDRAWN',
        entityType: a.subject_type as 'person' | 'unit',
        entityId: a.subject_id,
        data: { documentId: doc.id, number, awardCode: doc.award_code, year: doc.year },
      },
      doc.authority_id,
    );
  return awards.length;
}

/**
 * Issuing: the next number of the issuer's series, the content frozen, the reward money priced by the rulebook in
 * force on the issue date, the PDF rendered and kept with its SHA-256, one award record per recipient written into
 * the records the eligibility engine reads, the cited initiatives marked used, the replaced decision (a correction)
 * cancelled — all in one transaction, audited. A recipient the engine finds not eligible, or one the award does not
 * fit, needs a written reason.
 */
export async function issueDecision(ctx: TxContext, id: number, input: z.infer<typeof decisionIssueBody>, deps: IssueDeps): Promise<void> {
  const { tx, actor } = ctx;
  const doc = await lockDocument(tx, id);
  authorizeDocument(actor, doc, id, 'issue');
  if (doc.version !== input.version) throw new AppError('STALE_WRITE', { expected: input.version, actual: doc.version });
  if (input.issueDate > ctx.today) throw fieldError('issueDate', 'VALIDATION_FAILED', 'issue_date_future');
  if (input.issueDate < `${doc.year}-01-01`) throw fieldError('issueDate', 'VALIDATION_FAILED', 'issue_date_before_draft_year');
  // a decision from before Law 06/2022 (registered afterwards) is printed under the earlier regime, without money
  if (!documentRegime(input.issueDate)) throw new AppError('RULEBOOK_NOT_IN_FORCE', { date: input.issueDate });
  const rulebook = selectRulebook(input.issueDate);
  const award = doc.award_code as AwardCode;

  const recipients = await loadRecipients(tx, id);
  const judged = await judgeRecipients(tx, deps.t, doc.authority_id, award, doc.year, recipients, id);
  const reason = input.overrideReason?.trim() || null;
  // over the issuer's quota: the places beyond it need the reason too
  const quota = await quotaUsage(tx, actor, deps.t, { ...doc, award_code: award }, recipients.length);
  const overQuota = quota ? Math.max(0, quota.used + quota.thisDecision - quota.quota) : 0;
  const needReason = judged.ineligibleCount + overQuota;
  if (needReason > 0 && !reason)
    throw new AppError('ISSUE_NEEDS_REASON', { count: needReason }, [{ path: 'overrideReason', key: 'required', params: {} }]);
  const evidenceIds = recipients.flatMap((r) => r.evidenceIds);
  if (evidenceIds.length) {
    const used = await tx
      .selectFrom('evidence_item')
      .select('id')
      .where('id', 'in', evidenceIds)
      .where('used_for_award_id', 'is not', null)
      .execute();
    if (used.length) throw new AppError('EVIDENCE_ALREADY_USED', { id: used[0]!.id });
  }

  // the reward money of the rulebook in force on the issue date (coefficient × base salary); forms without a
  // coefficient in the rulebook (certificates) carry none
  const baseSalary = findBaseSalary(input.issueDate);
  const reward = !rulebook || baseSalary === undefined ? null : (computeRewardVnd(award, rulebook, baseSalary) ?? null);
  const year = Number(input.issueDate.slice(0, 4));
  const number = await nextNumber(tx, doc.issuer_key, year);
  const fullNumber = formatDocumentNumber(number, doc.symbol);
  const code = formatVerificationCode(randomBytes(16));
  await tx.updateTable('document_recipient').set({ reward_vnd: reward }).where('document_id', '=', id).execute();

  const issued: DocumentRow = {
    ...doc,
    status: 'ISSUED',
    number,
    issue_year: year,
    issue_date: input.issueDate,
    override_reason: reason,
    verification_code: code,
  };
  const view = decisionView(
    issued,
    recipients.map((r) => ({ ...r, rewardVnd: reward })),
    await issuerOf(tx, doc),
    deps.verifyBaseUrl,
    ctx.today,
  );
  const pdf = await deps.renderPdf(view);
  const sha = createHash('sha256').update(pdf).digest('hex');
  await tx
    .updateTable('document')
    .set({
      status: 'ISSUED',
      number,
      issue_year: year,
      issue_date: input.issueDate,
      override_reason: reason,
      verification_code: code,
      pdf,
      pdf_sha256: sha,
      issued_at: ctx.now,
      updated_at: ctx.now,
      version: sql`version + 1`,
    } as never)
    .where('id', '=', id)
    .execute();

  // the records: one award per recipient, pointing back to the decision; the initiatives it cites are used
  for (const r of recipients) {
    const row = await tx
      .insertInto('award_received')
      .values({
        authority_id: doc.authority_id,
        subject_type: r.subjectType,
        subject_id: r.subjectId,
        award_code: award,
        year: doc.year,
        kind: doc.award_kind,
        decision_number: fullNumber,
        decision_date: input.issueDate,
        document_id: id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (r.evidenceIds.length)
      await tx.updateTable('evidence_item').set({ used_for_award_id: row.id }).where('id', 'in', r.evidenceIds).execute();
    ctx.audit(
      {
        type: 'AWARD_CONFERRED',
        entityType: r.subjectType,
        entityId: r.subjectId,
        data: { documentId: id, number: fullNumber, awardCode: award, year: doc.year },
      },
      doc.authority_id,
    );
  }

  if (doc.replaces_id !== null) {
    const replaced = await lockDocument(tx, doc.replaces_id);
    if (replaced && replaced.status === 'ISSUED') {
      const replacedNumber = formatDocumentNumber(replaced.number, replaced.symbol);
      const withdrawn = await withdrawAwards(ctx, replaced, replacedNumber);
      const why = `Được thay thế bởi Quyết định số ${fullNumber} ngày ${input.issueDate}`;
      await tx
        .updateTable('document')
        .set({ status: 'CANCELLED', cancel_reason: why, cancelled_at: ctx.now, updated_at: ctx.now, version: sql`version + 1` } as never)
        .where('id', '=', replaced.id)
        .execute();
      ctx.audit(
        {
          type: 'DECISION_CANCELLED',
          entityType: 'document',
          entityId: replaced.id,
          data: { number: replacedNumber, reason: why, awardsWithdrawn: withdrawn },
        },
        replaced.authority_id,
      );
    }
  }
  ctx.audit(
    {
      type: 'DECISION_ISSUED',
      entityType: 'document',
      entityId: id,
      data: {
        number: fullNumber,
        issueDate: input.issueDate,
        recipients: recipients.length,
        pdfSha256: sha,
        overrideReason: reason,
        replaces: doc.replaces_id,
      },
    },
    doc.authority_id,
  );
}

/** Cancelling an issued decision, with its reason: it stays in the register, and the awards it wrote are withdrawn. */
export async function cancelDecision(ctx: TxContext, id: number, input: z.infer<typeof decisionCancelBody>): Promise<void> {
  const { tx, actor } = ctx;
  const doc = await lockDocument(tx, id);
  authorizeDocument(actor, doc, id, 'cancel');
  if (doc.version !== input.version) throw new AppError('STALE_WRITE', { expected: input.version, actual: doc.version });
  const number = formatDocumentNumber(doc.number, doc.symbol);
  const withdrawn = await withdrawAwards(ctx, doc, number);
  await tx
    .updateTable('document')
    .set({
      status: 'CANCELLED',
      cancel_reason: input.reason,
      cancelled_at: ctx.now,
      updated_at: ctx.now,
      version: sql`version + 1`,
    } as never)
    .where('id', '=', id)
    .execute();
  ctx.audit(
    {
      type: 'DECISION_CANCELLED',
      entityType: 'document',
      entityId: id,
      data: { number, reason: input.reason, awardsWithdrawn: withdrawn },
    },
    doc.authority_id,
  );
}
