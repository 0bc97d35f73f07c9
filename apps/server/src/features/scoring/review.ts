import type { z } from 'zod';
import { canAnswerAdjustment, criteriaItems, validatePoints } from '@thidua/domain';
import type { adjustScoreBody, answerAdjustmentBody, knockOutsBody } from '@thidua/contracts/scoring.ts';
import type { TxContext } from '../../db/transaction.ts';
import { authorize } from '../../access/authorize.ts';
import { AppError, notFound } from '../../http/app-error.ts';
import { authorizeRound, authorizeRoundRead, unwrapNamed } from './round.policy.ts';
import { computeRound, findCluster, loadRound, type Round } from './round.queries.ts';

const ref = (round: Round) => ({ criteriaSetId: round.set.id, year: round.set.year, period: round.set.period, version: round.set.version });

async function reviewRound(ctx: TxContext, clusterId: number, year: number, period: 'H1' | 'FY', unitId: number): Promise<Round> {
  const cluster = await findCluster(ctx.tx, clusterId);
  authorizeRoundRead(ctx.actor, cluster, clusterId);
  const round = await loadRound(ctx.tx, cluster, year, period);
  authorizeRound(ctx.actor, round, 'review');
  if (!round.members.some((m) => m.unit_id === unitId))
    unwrapNamed({ ok: false, code: 'NOT_CLUSTER_MEMBER', params: { unit: unitId } }, round);
  return round;
}

/**
 * The head changes one item of one unit in the review, with a written reason; the score it replaces (the computed
 * one, or the previous adjustment) is kept beside it, so the history reads who, old → new, and why.
 */
export async function adjustScore(ctx: TxContext, clusterId: number, year: number, input: z.infer<typeof adjustScoreBody>) {
  const round = await reviewRound(ctx, clusterId, year, input.period, input.unitId);
  const item = criteriaItems(round.criteria).find((i) => i.code === input.item);
  if (!item) throw new AppError('SCORE_INVALID', { item: input.item, points: String(input.points), allowed: '', rule: 'unknownItem' });
  if (!input.reason.trim()) throw new AppError('ADJUSTMENT_NEEDS_REASON', { item: input.item, unit: input.unitId });
  unwrapNamed(validatePoints(item, input.points), round);
  const { results } = await computeRound(ctx.tx, round);
  const before = results.find((r) => r.unit === String(input.unitId))!.items.find((i) => i.item === input.item)!.score;
  const row = await ctx.tx
    .insertInto('score_adjustment')
    .values({
      criteria_set_id: round.set.id,
      unit_id: input.unitId,
      item: input.item,
      old_points: before,
      points: input.points,
      reason: input.reason,
      created_by: ctx.actor.id || null,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.audit(
    {
      type: 'SCORE_ADJUSTED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        ...ref(round),
        adjustmentId: row.id,
        unitId: input.unitId,
        item: input.item,
        oldPoints: before,
        points: input.points,
        reason: input.reason,
      },
    },
    round.cluster.authority_id,
  );
  return row.id;
}

/** The adjusted unit's officer answers an adjustment, once, while the round is in review. */
export async function answerAdjustment(
  ctx: TxContext,
  clusterId: number,
  year: number,
  adjustmentId: number,
  input: z.infer<typeof answerAdjustmentBody>,
): Promise<{ period: 'H1' | 'FY'; unitId: number }> {
  const cluster = await findCluster(ctx.tx, clusterId);
  authorizeRoundRead(ctx.actor, cluster, clusterId);
  const adj = await ctx.tx
    .selectFrom('score_adjustment')
    .innerJoin('criteria_set', 'criteria_set.id', 'score_adjustment.criteria_set_id')
    .select([
      'score_adjustment.id',
      'score_adjustment.unit_id',
      'score_adjustment.item',
      'score_adjustment.answered_at',
      'criteria_set.id as set_id',
      'criteria_set.round_state',
      'criteria_set.period',
      'criteria_set.version',
    ])
    .where('score_adjustment.id', '=', adjustmentId)
    .where('criteria_set.cluster_id', '=', clusterId)
    .where('criteria_set.year', '=', year)
    .forUpdate()
    .executeTakeFirst();
  if (!adj) throw notFound('adjustment', adjustmentId);
  const c = { id: cluster.id, authorityId: cluster.authority_id };
  const who = canAnswerAdjustment(ctx.actor, c, { unitId: adj.unit_id, roundState: 'review', answered: false });
  authorize(true, who, () => notFound('adjustment', adjustmentId));
  if (adj.answered_at) throw new AppError('ADJUSTMENT_ANSWERED');
  if (adj.round_state !== 'review')
    throw new AppError(adj.round_state === 'closed' ? 'ROUND_CLOSED' : 'ROUND_NOT_OPEN', { stage: 'review', state: adj.round_state });
  await ctx.tx
    .updateTable('score_adjustment')
    .set({ answer: input.answer, answered_by: ctx.actor.id || null, answered_at: ctx.now })
    .where('id', '=', adj.id)
    .execute();
  ctx.audit(
    {
      type: 'SCORE_ADJUSTMENT_ANSWERED',
      entityType: 'cluster',
      entityId: clusterId,
      data: {
        criteriaSetId: adj.set_id,
        year,
        period: adj.period,
        version: adj.version,
        adjustmentId,
        unitId: adj.unit_id,
        item: adj.item,
        answer: input.answer,
      },
    },
    cluster.authority_id,
  );
  return { period: adj.period, unitId: adj.unit_id };
}

/** The knock-out conditions found for a unit in the review, replacing those recorded; codes must be the table's. */
export async function setKnockOuts(ctx: TxContext, clusterId: number, year: number, unitId: number, input: z.infer<typeof knockOutsBody>) {
  const round = await reviewRound(ctx, clusterId, year, input.period, unitId);
  const known = new Set(round.criteria.knockOuts.map((k) => k.code));
  const codes = [...new Set(input.codes)];
  const unknown = codes.find((c) => !known.has(c));
  if (unknown !== undefined) throw new AppError('CRITERIA_INVALID', { item: unknown, rule: 'unknownKnockOut' });
  if (codes.length > 0 && !input.reason) throw new AppError('ADJUSTMENT_NEEDS_REASON', { item: codes.join(', '), unit: unitId });
  await ctx.tx.deleteFrom('knock_out_flag').where('criteria_set_id', '=', round.set.id).where('unit_id', '=', unitId).execute();
  if (codes.length > 0)
    await ctx.tx
      .insertInto('knock_out_flag')
      .values(
        codes.map((code) => ({
          criteria_set_id: round.set.id,
          unit_id: unitId,
          code,
          reason: input.reason,
          created_by: ctx.actor.id || null,
          created_at: ctx.now,
        })),
      )
      .execute();
  ctx.audit(
    { type: 'KNOCK_OUTS_SET', entityType: 'cluster', entityId: clusterId, data: { ...ref(round), unitId, codes, reason: input.reason } },
    round.cluster.authority_id,
  );
}
