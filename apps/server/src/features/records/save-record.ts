import type { TxContext } from '../../db/transaction.ts';
import type { z } from 'zod';
import { checkEvidenceForAward } from '@thidua/domain';
import { assertCanEditSubject } from '../../access/subject-policy.ts';
import type { Tx } from '../../db/client.ts';
import { unwrap } from '../../db/versioned-update.ts';
import { fieldError, notFound } from '../../http/app-error.ts';
import { findSubject, type SubjectType } from '../../history/subject-history.ts';
import type { bodies, RecordKind } from '@thidua/contracts/records.ts';

type Body<K extends RecordKind> = z.infer<(typeof bodies)[K]>;

const TABLE = {
  awards: 'award_received',
  evidence: 'evidence_item',
  discipline: 'discipline_record',
  leaves: 'leave_record',
  reviews: 'pending_review',
} as const;

function checkRange(from: string, to: string | null | undefined) {
  if (to && to < from) throw fieldError('to', 'DATE_RANGE_INVALID', 'date_range_invalid');
}

async function insert(
  tx: Tx,
  kind: RecordKind,
  type: SubjectType,
  subjectId: number,
  authorityId: number,
  body: Record<string, any>,
): Promise<number> {
  const subject = { authority_id: authorityId, subject_type: type, subject_id: subjectId };
  switch (kind) {
    case 'ratings': {
      const b = body as Body<'ratings'>;
      await tx
        .insertInto('annual_rating')
        .values({ ...subject, year: b.year, rating: b.rating, decision_ref: b.decisionRef ?? null })
        .onConflict((oc) =>
          oc.columns(['subject_type', 'subject_id', 'year']).doUpdateSet({ rating: b.rating, decision_ref: b.decisionRef ?? null }),
        )
        .execute();
      return b.year;
    }
    case 'awards': {
      const b = body as Body<'awards'>;
      const cited = b.evidenceIds ?? [];
      const items = cited.length
        ? await tx
            .selectFrom('evidence_item')
            .select(['id', 'subject_type', 'subject_id', 'used_for_award_id'])
            .where('id', 'in', cited)
            .forUpdate()
            .execute()
        : [];
      unwrap(
        checkEvidenceForAward(
          cited,
          items.map((i) => ({
            id: i.id,
            usedForAwardId: i.used_for_award_id,
            subjectMatches: i.subject_type === type && i.subject_id === subjectId,
          })),
        ),
        'evidenceIds',
      );
      const row = await tx
        .insertInto('award_received')
        .values({
          ...subject,
          award_code: b.awardCode,
          year: b.year,
          kind: b.kind,
          decision_number: b.decisionNumber ?? null,
          decision_date: b.decisionDate ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // conferring the award spends the evidence it relied on
      if (cited.length)
        await tx
          .updateTable('evidence_item')
          .set({ used_for_award_id: row.id })
          .where('id', 'in', cited)
          .where('used_for_award_id', 'is', null)
          .execute();
      return row.id;
    }
    case 'evidence': {
      const b = body as Body<'evidence'>;
      const row = await tx
        .insertInto('evidence_item')
        .values({
          ...subject,
          evidence_type: b.evidenceType,
          title: b.title,
          year: b.year,
          scope: b.scope,
          recognition_ref: b.recognitionRef ?? null,
          used_for_award_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    }
    case 'discipline': {
      const b = body as Body<'discipline'>;
      checkRange(b.from, b.to);
      return (
        await tx
          .insertInto('discipline_record')
          .values({ ...subject, form: b.form, from_date: b.from, to_date: b.to, decision_ref: b.decisionRef ?? null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    case 'leaves': {
      const b = body as Body<'leaves'>;
      if (type !== 'person') throw fieldError('subjectType', 'VALIDATION_FAILED', 'leave_person_only');
      checkRange(b.from, b.to);
      return (
        await tx
          .insertInto('leave_record')
          .values({ authority_id: authorityId, person_id: subjectId, leave_type: b.leaveType, from_date: b.from, to_date: b.to })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    case 'reviews': {
      const b = body as Body<'reviews'>;
      checkRange(b.from, b.to);
      return (
        await tx
          .insertInto('pending_review')
          .values({ ...subject, review_type: b.reviewType, from_date: b.from, to_date: b.to ?? null, note: b.note ?? null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    case 'figures': {
      const b = body as Body<'figures'>;
      if (type !== 'unit') throw fieldError('subjectType', 'VALIDATION_FAILED', 'figures_unit_only');
      for (const key of ['advancedWorkers', 'completedTasks', 'grassrootsFighters', 'disciplinedWarningOrAbove', 'women'] as const) {
        if ((b[key] ?? 0) > b.total) throw fieldError(key, 'VALIDATION_FAILED', 'exceeds_total', { total: b.total });
      }
      const values = {
        advanced_workers: b.advancedWorkers,
        completed_tasks: b.completedTasks,
        grassroots_fighters: b.grassrootsFighters,
        disciplined_warning_or_above: b.disciplinedWarningOrAbove,
        total: b.total,
        women: b.women ?? null,
      };
      await tx
        .insertInto('unit_year_figures')
        .values({ authority_id: authorityId, unit_id: subjectId, year: b.year, ...values })
        .onConflict((oc) => oc.columns(['unit_id', 'year']).doUpdateSet(values))
        .execute();
      return b.year;
    }
  }
}

/** The event data of an added record: an award's own kind (CONG_TRANG, …) is kept as awardKind beside the record kind. */
function recordData(kind: RecordKind, body: Record<string, unknown>): Record<string, unknown> {
  if (kind !== 'awards') return body;
  const { kind: awardKind, ...rest } = body;
  return { ...rest, awardKind };
}

/** Adds one record (or replaces the rating / figures of a year) to a person's or collective's history. */
export async function addRecord(
  ctx: TxContext,
  type: SubjectType,
  subjectId: number,
  kind: RecordKind,
  body: Record<string, unknown>,
): Promise<void> {
  const { tx, actor } = ctx;
  const subject = await findSubject(tx, type, subjectId);
  assertCanEditSubject(actor, type, subject, subjectId);
  const recordId = await insert(tx, kind, type, subjectId, subject.authority_id, body);
  ctx.audit(
    { type: 'RECORD_ADDED', entityType: type, entityId: subjectId, data: { ...recordData(kind, body), kind, recordId } },
    subject.authority_id,
  );
}

/** Removes one record; an award's evidence becomes usable again. Ratings and figures are removed by year. */
export async function removeRecord(
  ctx: TxContext,
  type: SubjectType,
  subjectId: number,
  kind: RecordKind,
  recordId: number,
): Promise<void> {
  const { tx, actor } = ctx;
  const subject = await findSubject(tx, type, subjectId);
  assertCanEditSubject(actor, type, subject, subjectId);
  let removed: number;
  if (kind === 'ratings') {
    removed = Number(
      (
        await tx
          .deleteFrom('annual_rating')
          .where('subject_type', '=', type)
          .where('subject_id', '=', subjectId)
          .where('year', '=', recordId)
          .executeTakeFirst()
      ).numDeletedRows,
    );
  } else if (kind === 'figures') {
    removed =
      type === 'unit'
        ? Number(
            (await tx.deleteFrom('unit_year_figures').where('unit_id', '=', subjectId).where('year', '=', recordId).executeTakeFirst())
              .numDeletedRows,
          )
        : 0;
  } else if (kind === 'leaves') {
    removed = Number(
      (await tx.deleteFrom('leave_record').where('person_id', '=', subjectId).where('id', '=', recordId).executeTakeFirst()).numDeletedRows,
    );
  } else {
    const table = TABLE[kind];
    if (kind === 'awards')
      await tx
        .updateTable('evidence_item')
        .set({ used_for_award_id: null })
        .where('used_for_award_id', '=', recordId)
        .where('subject_type', '=', type)
        .where('subject_id', '=', subjectId)
        .execute();
    if (kind === 'evidence') {
      const used = await tx.selectFrom('evidence_item').select('used_for_award_id').where('id', '=', recordId).executeTakeFirst();
      if (used?.used_for_award_id) throw fieldError('recordId', 'EVIDENCE_ALREADY_USED', 'evidence_in_use');
    }
    removed = Number(
      (
        await tx
          .deleteFrom(table as 'award_received')
          .where('subject_type', '=', type)
          .where('subject_id', '=', subjectId)
          .where('id', '=', recordId)
          .executeTakeFirst()
      ).numDeletedRows,
    );
  }
  if (removed === 0) throw notFound('record', recordId);
  ctx.audit({ type: 'RECORD_REMOVED', entityType: type, entityId: subjectId, data: { kind, recordId } }, subject.authority_id);
}
