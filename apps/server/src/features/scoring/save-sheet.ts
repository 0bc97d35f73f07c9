import type { z } from 'zod';
import { sql } from 'kysely';
import { canScore, checkEvidence, checkSheetEntries, crossAssignments, crossModeOf, scoringRoundOf } from '@thidua/domain';
import { sheetTotal, toStored } from './sheet-storage.ts';
import type { saveSheetBody } from '@thidua/contracts/scoring.ts';
import type { TxContext } from '../../db/transaction.ts';
import { staleWrite } from '../../db/versioned-update.ts';
import { AppError } from '../../http/app-error.ts';
import { authorizeRoundRead, authorizeSheetWrite, unwrapNamed } from './round.policy.ts';
import { findCluster, loadRound } from './round.queries.ts';

/**
 * Saves a member's sheet on a unit (its own in `self`, another's in `cross`) as a draft, or submits it, which makes it
 * final. In order: the caller must be the scoring unit's officer (403); the round's rules (membership, stage, deadline,
 * own unit, cross-scoring plan) name the unit concerned; a submitted sheet is not changed (SHEET_SUBMITTED); the
 * sheet's version must be the one the officer saw (STALE_WRITE); every entry must fit its item (SCORE_INVALID).
 */
/**
 * The round and the sheet (locked) a member is about to write, after the checks every write of a sheet makes: the
 * caller is the scoring unit's officer (403), the round's rules allow the scorer to score the unit now (membership,
 * stage, deadline, own unit, cross-scoring plan), and the sheet is not submitted (SHEET_SUBMITTED).
 */
export async function openSheetForWrite(
  ctx: TxContext,
  clusterId: number,
  year: number,
  unitId: number,
  sheet: { period: 'H1' | 'FY'; stage: 'self' | 'cross'; scorerUnitId: number },
) {
  const { tx, actor } = ctx;
  const cluster = await findCluster(tx, clusterId);
  authorizeRoundRead(actor, cluster, clusterId);
  const round = await loadRound(tx, cluster, year, sheet.period);
  authorizeSheetWrite(actor, round, { stage: sheet.stage, unitId, scorerUnitId: sheet.scorerUnitId });
  const members = round.members.map((m) => String(m.unit_id));
  const assignments = unwrapNamed(crossAssignments(members, crossModeOf(round.settings)), round);
  const now = ctx.now.toISOString();
  const rule = canScore(
    scoringRoundOf(round.set.round_state, round.settings),
    String(sheet.scorerUnitId),
    String(unitId),
    sheet.stage,
    assignments,
    members,
    now,
  );
  unwrapNamed(rule, round);
  const existing = await tx
    .selectFrom('score_sheet')
    .select(['id', 'status', 'row_version'])
    .where('criteria_set_id', '=', round.set.id)
    .where('unit_id', '=', unitId)
    .where('scorer_unit_id', '=', sheet.scorerUnitId)
    .where('stage', '=', sheet.stage)
    .forUpdate()
    .executeTakeFirst();
  const name = (id: number) => round.members.find((m) => m.unit_id === id)?.name ?? String(id);
  if (existing?.status === 'submitted') throw new AppError('SHEET_SUBMITTED', { unit: name(unitId), scorer: name(sheet.scorerUnitId) });
  return { round, existing };
}

export async function saveSheet(ctx: TxContext, clusterId: number, year: number, unitId: number, input: z.infer<typeof saveSheetBody>) {
  const { tx } = ctx;
  const { round, existing } = await openSheetForWrite(ctx, clusterId, year, unitId, input);
  if ((input.rowVersion ?? 0) !== (existing?.row_version ?? 0)) {
    const versions = { expected: input.rowVersion ?? 0, actual: existing?.row_version ?? 0 };
    throw await staleWrite(
      tx,
      versions,
      'cluster',
      clusterId,
      'SCORE_SHEET_SAVED',
      (d) => (d as { sheetId?: number }).sheetId === existing?.id,
    );
  }
  const entries = input.entries.map((e) => ({ item: e.item, points: e.points, ...(e.comment ? { comment: e.comment } : {}) }));
  unwrapNamed(checkSheetEntries(round.criteria, entries), round);
  if (input.submit) {
    const files = existing
      ? await tx.selectFrom('score_evidence').select('item').distinct().where('sheet_id', '=', existing.id).execute()
      : [];
    unwrapNamed(checkEvidence(round.criteria, entries, new Set(files.map((f) => f.item))), round);
  }
  const values = {
    ...(({ points, comments }) => ({ points, comments: JSON.stringify(comments) }))(toStored(round.criteria, entries)),
    status: input.submit ? ('submitted' as const) : ('draft' as const),
    submitted_at: input.submit ? ctx.now : null,
    updated_at: ctx.now,
  };
  const sheetId = existing
    ? (await tx
        .updateTable('score_sheet')
        .set({ ...values, row_version: sql`row_version + 1` })
        .where('id', '=', existing.id)
        .execute(),
      existing.id)
    : (
        await tx
          .insertInto('score_sheet')
          .values({
            ...values,
            criteria_set_id: round.set.id,
            authority_id: round.cluster.authority_id,
            unit_id: unitId,
            scorer_unit_id: input.scorerUnitId,
            stage: input.stage,
            created_at: ctx.now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
  ctx.audit(
    {
      type: input.submit ? 'SCORE_SHEET_SUBMITTED' : 'SCORE_SHEET_SAVED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        criteriaSetId: round.set.id,
        year,
        period: input.period,
        version: round.set.version,
        sheetId,
        stage: input.stage,
        unitId,
        scorerUnitId: input.scorerUnitId,
        entries: entries.length,
        total: sheetTotal(entries),
      },
    },
    round.cluster.authority_id,
  );
  return sheetId;
}
