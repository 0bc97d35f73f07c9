import type { TxContext } from '../../db/transaction.ts';
import { cancelJob, findJob } from '../../jobs/queue.ts';
import { authorizeJob } from '../../jobs/job-policy.ts';

/** Stops a job its owner no longer wants: at once if it waits, at its next chunk if it runs. */
export async function requestJobCancel(ctx: TxContext, id: number): Promise<void> {
  const job = await findJob(ctx.tx, id);
  authorizeJob(ctx.actor, job, id, 'cancel');
  await cancelJob(ctx, id);
}
