import { EventEmitter } from 'node:events';
import type { Db, Tx } from '../db/client.ts';
import type { TxContext } from '../db/transaction.ts';
import type { JobDefinition } from './definition.ts';

/** Wakes this process's worker when a job is committed (other processes find it at their next poll). */
export const jobSignals = new EventEmitter();

/**
 * Enqueues a job inside the caller's transaction: it exists only if the transaction commits, and the worker is woken
 * only after the commit — a rolled-back write enqueues nothing.
 */
export async function enqueueJob<I>(
  ctx: TxContext,
  definition: JobDefinition<I>,
  input: I,
  options: { authorityId?: number | null } = {},
): Promise<number> {
  const checked = definition.input.parse(input);
  const row = await ctx.tx
    .insertInto('job')
    .values({
      kind: definition.kind,
      input: JSON.stringify(checked),
      owner_id: ctx.actor.id === 0 ? null : ctx.actor.id,
      authority_id: options.authorityId ?? null,
      max_attempts: definition.maxAttempts ?? 3,
      run_after: ctx.now,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ctx.afterCommit(() => {
    jobSignals.emit('wake');
  });
  return row.id;
}

export const findJob = (db: Db | Tx, id: number) => db.selectFrom('job').selectAll().where('id', '=', id).executeTakeFirst();
export type JobRow = NonNullable<Awaited<ReturnType<typeof findJob>>>;

/**
 * Asks a job to stop: a queued job is cancelled at once, a running one at its next progress report.
 * Returns false when the job has already ended.
 */
export async function cancelJob(ctx: TxContext, id: number): Promise<boolean> {
  const queued = await ctx.tx
    .updateTable('job')
    .set({ state: 'cancelled', cancel_requested: true, finished_at: ctx.now, locked_by: null, locked_until: null })
    .where('id', '=', id)
    .where('state', '=', 'queued')
    .executeTakeFirst();
  if (Number(queued.numUpdatedRows) === 1) return true;
  const running = await ctx.tx
    .updateTable('job')
    .set({ cancel_requested: true })
    .where('id', '=', id)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(running.numUpdatedRows) === 1;
}
