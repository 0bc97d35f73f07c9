import type { z } from 'zod';
import { sql } from 'kysely';
import { checkRoundSettings, nextRoundState, type RoundSettings } from '@thidua/domain';
import type { advanceRoundBody, saveRoundSettingsBody } from '@thidua/contracts/scoring.ts';
import type { TxContext } from '../../db/transaction.ts';
import { AppError } from '../../http/app-error.ts';
import { authorizeRound, authorizeRoundRead, unwrapNamed } from './round.policy.ts';
import { findCluster, loadRound, type Round } from './round.queries.ts';
import { staleCriteria } from './save-criteria.ts';

async function roundFor(ctx: TxContext, clusterId: number, year: number, period: 'H1' | 'FY'): Promise<Round> {
  const cluster = await findCluster(ctx.tx, clusterId);
  authorizeRoundRead(ctx.actor, cluster, clusterId);
  return loadRound(ctx.tx, cluster, year, period);
}

const checkVersion = async (ctx: TxContext, round: Round, rowVersion: number) => {
  if (rowVersion !== round.set.row_version) throw await staleCriteria(ctx, round.set, rowVersion, round.cluster.id);
};

const ref = (round: Round) => ({ criteriaSetId: round.set.id, year: round.set.year, period: round.set.period, version: round.set.version });

/** Sets the round's weights, cross method, tie-breaks, leading places, deadlines and cross-scoring plan. */
export async function saveRoundSettings(ctx: TxContext, clusterId: number, year: number, input: z.infer<typeof saveRoundSettingsBody>) {
  const round = await roundFor(ctx, clusterId, year, input.period);
  authorizeRound(ctx.actor, round, 'configure');
  await checkVersion(ctx, round, input.rowVersion);
  const { period: _period, rowVersion: _rowVersion, ...settings } = input;
  const s: RoundSettings = settings;
  unwrapNamed(
    checkRoundSettings(
      s,
      round.criteria,
      round.members.map((m) => String(m.unit_id)),
    ),
    round,
  );
  await ctx.tx
    .updateTable('criteria_set')
    .set({ settings: JSON.stringify(s), row_version: sql`row_version + 1`, updated_at: ctx.now })
    .where('id', '=', round.set.id)
    .execute();
  ctx.audit(
    {
      type: 'ROUND_SETTINGS_SAVED',
      entityType: 'cluster',
      entityId: clusterId,
      data: { ...ref(round), weights: `${s.weights.self}/${s.weights.cross}`, crossMethod: s.crossMethod },
    },
    round.cluster.authority_id,
  );
}

/**
 * Moves the round on: self-scoring → cross-scoring → the head's review → closed (scores locked). `to` must be the
 * state after the current one, so a repeated click or a second officer cannot skip a stage (STALE_WRITE by version,
 * ROUND_CLOSED when already past it).
 */
export async function advanceRound(ctx: TxContext, clusterId: number, year: number, input: z.infer<typeof advanceRoundBody>) {
  const round = await roundFor(ctx, clusterId, year, input.period);
  authorizeRound(ctx.actor, round, 'advance');
  await checkVersion(ctx, round, input.rowVersion);
  const from = round.set.round_state;
  if (nextRoundState(from) !== input.to) throw new AppError('ROUND_CLOSED', { stage: input.to, state: from });
  await ctx.tx
    .updateTable('criteria_set')
    .set({ round_state: input.to, row_version: sql`row_version + 1`, updated_at: ctx.now })
    .where('id', '=', round.set.id)
    .execute();
  ctx.audit(
    { type: 'ROUND_ADVANCED', entityType: 'cluster', entityId: clusterId, data: { ...ref(round), from, to: input.to } },
    round.cluster.authority_id,
  );
}
