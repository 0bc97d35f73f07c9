import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { z } from 'zod';
import { fileTypeFromBuffer } from 'file-type';
import { criteriaItems } from '@thidua/domain';
import type { evidenceQuery } from '@thidua/contracts/scoring.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { TxContext } from '../../db/transaction.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { openSheetForWrite } from './save-sheet.ts';

/** The largest evidence file taken, in bytes (a scanned report of some dozens of pages). */
export const EVIDENCE_MAX_BYTES = 10 * 1_048_576;

/** What a file's content says it is, among the types taken as evidence (by content, never by the name alone). */
const TAKEN = new Map<string, string>([
  ['application/pdf', 'application/pdf'],
  ['image/jpeg', 'image/jpeg'],
  ['image/png', 'image/png'],
  ['image/webp', 'image/webp'],
  [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
  ['application/vnd.oasis.opendocument.text', 'application/vnd.oasis.opendocument.text'],
  ['application/vnd.oasis.opendocument.spreadsheet', 'application/vnd.oasis.opendocument.spreadsheet'],
]);
/** Word 97–2003 and Excel 97–2003 files are compound files; their name tells which. */
const COMPOUND = new Map([
  ['.doc', 'application/msword'],
  ['.xls', 'application/vnd.ms-excel'],
]);

/** The media type of an evidence file from its content, or EVIDENCE_TYPE naming the file. */
export async function evidenceType(fileName: string, bytes: Buffer): Promise<string> {
  const found = await fileTypeFromBuffer(bytes);
  const taken =
    found && (TAKEN.get(found.mime) ?? (found.mime === 'application/x-cfb' ? COMPOUND.get(extname(fileName).toLowerCase()) : undefined));
  if (!taken) throw new AppError('EVIDENCE_TYPE', { fileName, type: found?.mime ?? '' });
  return taken;
}

/**
 * Attaches a file to an item of a member's sheet, as its officer, while the sheet may be written (`openSheetForWrite`):
 * a sheet not yet saved is started as an empty draft. The same file twice on an item is kept once.
 */
export async function addEvidence(
  ctx: TxContext,
  clusterId: number,
  year: number,
  unitId: number,
  query: z.infer<typeof evidenceQuery>,
  bytes: Buffer,
): Promise<number> {
  const { tx } = ctx;
  const { round, existing } = await openSheetForWrite(ctx, clusterId, year, unitId, query);
  if (!criteriaItems(round.criteria).some((i) => i.code === query.item))
    throw new AppError('SCORE_INVALID', { item: query.item, points: '', allowed: '', rule: 'unknownItem' });
  const mediaType = await evidenceType(query.fileName, bytes);
  const sheetId =
    existing?.id ??
    (
      await tx
        .insertInto('score_sheet')
        .values({
          criteria_set_id: round.set.id,
          authority_id: round.cluster.authority_id,
          unit_id: unitId,
          scorer_unit_id: query.scorerUnitId,
          stage: query.stage,
          points: criteriaItems(round.criteria).map(() => null),
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const same = await tx
    .selectFrom('score_evidence')
    .select('id')
    .where('sheet_id', '=', sheetId)
    .where('item', '=', query.item)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  if (same) return same.id;
  const row = await tx
    .insertInto('score_evidence')
    .values({
      sheet_id: sheetId,
      item: query.item,
      file_name: query.fileName,
      media_type: mediaType,
      size_bytes: bytes.length,
      sha256,
      content: bytes,
      created_by: ctx.actor.id || null,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit(
    {
      type: 'SCORE_EVIDENCE_ADDED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        criteriaSetId: round.set.id,
        year,
        period: query.period,
        version: round.set.version,
        sheetId,
        evidenceId: row.id,
        item: query.item,
        fileName: query.fileName,
        size: bytes.length,
        sha256,
      },
    },
    round.cluster.authority_id,
  );
  return row.id;
}

/** Removes a file from a sheet that may still be written. */
export async function removeEvidence(
  ctx: TxContext,
  clusterId: number,
  year: number,
  unitId: number,
  evidenceId: number,
  sheet: { period: 'H1' | 'FY'; stage: 'self' | 'cross'; scorerUnitId: number },
): Promise<void> {
  const { round, existing } = await openSheetForWrite(ctx, clusterId, year, unitId, sheet);
  const file = existing
    ? await ctx.tx
        .selectFrom('score_evidence')
        .select(['id', 'item', 'file_name', 'sha256'])
        .where('id', '=', evidenceId)
        .where('sheet_id', '=', existing.id)
        .executeTakeFirst()
    : undefined;
  if (!existing || !file) throw notFound('evidence', evidenceId);
  await ctx.tx.deleteFrom('score_evidence').where('id', '=', file.id).execute();
  ctx.audit(
    {
      type: 'SCORE_EVIDENCE_REMOVED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        criteriaSetId: round.set.id,
        year,
        period: sheet.period,
        version: round.set.version,
        sheetId: existing.id,
        evidenceId,
        item: file.item,
        fileName: file.file_name,
        sha256: file.sha256,
      },
    },
    round.cluster.authority_id,
  );
}

/** The files of a sheet, without their content. */
export const listEvidence = (db: Db | Tx, sheetId: number) =>
  db
    .selectFrom('score_evidence')
    .select(['id', 'item', 'file_name', 'media_type', 'size_bytes', 'sha256', 'created_at'])
    .where('sheet_id', '=', sheetId)
    .orderBy('id')
    .execute();

/** An evidence file with its content, if it belongs to that sheet of the round. */
export const findEvidenceFile = (
  db: Db | Tx,
  criteriaSetId: number,
  sheet: { unitId: number; scorerUnitId: number; stage: 'self' | 'cross' },
  evidenceId: number,
) =>
  db
    .selectFrom('score_evidence')
    .innerJoin('score_sheet', 'score_sheet.id', 'score_evidence.sheet_id')
    .select(['score_evidence.file_name', 'score_evidence.media_type', 'score_evidence.content'])
    .where('score_evidence.id', '=', evidenceId)
    .where('score_sheet.criteria_set_id', '=', criteriaSetId)
    .where('score_sheet.unit_id', '=', sheet.unitId)
    .where('score_sheet.scorer_unit_id', '=', sheet.scorerUnitId)
    .where('score_sheet.stage', '=', sheet.stage)
    .executeTakeFirst();
