import { z } from 'zod';
import { AWARD_CODES, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { LANGUAGES, translator } from '@thidua/i18n';
import { toActor } from '../../access/actor.ts';
import type { TxContext } from '../../db/transaction.ts';
import { defineJob, JobPermanentError } from '../../jobs/definition.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { resolvePopulation } from './batch-population.ts';
import { checkBatch } from '../../history/check-batch.ts';

const id = z.number().int().positive().max(2_147_483_647);
const batchJobInput = z.strictObject({
  award: z.enum(AWARD_CODES as [AwardCode, ...AwardCode[]]),
  year: z.number().int().min(2024).max(2200),
  population: z.union([z.strictObject({ unitId: id }), z.strictObject({ clusterId: id }), z.strictObject({ authorityId: id })]),
  lang: z.enum(LANGUAGES),
});
export type BatchJobInput = z.infer<typeof batchJobInput>;

/**
 * A province- or ministry-wide eligibility batch, run off the request: the same computation as the batch view, judged
 * a chunk at a time with progress. It runs with its owner's rights as they are when it runs, not when it was asked.
 */
export const eligibilityBatchJob = defineJob({
  kind: 'eligibility.batch',
  input: batchJobInput,
  maxAttempts: 3,
  async run(ctx, input) {
    const user =
      ctx.ownerId === null ? undefined : await ctx.db.selectFrom('app_user').selectAll().where('id', '=', ctx.ownerId).executeTakeFirst();
    if (!user || user.disabled) throw new JobPermanentError('FORBIDDEN', 'the account that started the job is disabled or gone');
    const actor = await toActor(ctx.db, user);
    const { population, quotaAuthorityId } = await resolvePopulation(ctx.db, actor, input.population);
    return checkBatch(ctx.db, actor, translator(input.lang), input.award, input.year, population, quotaAuthorityId, {
      progress: ctx.progress,
    });
  },
});

/** Starts a batch after checking that the caller may see its population; the job is enqueued with the caller's write. */
export async function startBatchJob(ctx: TxContext, input: BatchJobInput): Promise<number> {
  const { quotaAuthorityId } = await resolvePopulation(ctx.tx, ctx.actor, input.population);
  return enqueueJob(ctx, eligibilityBatchJob, input, { authorityId: quotaAuthorityId });
}
