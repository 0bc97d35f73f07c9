import { canSeeJob, jobAbilities, type JobAction } from '@thidua/domain';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/authorize.ts';
import { notFound } from '../http/app-error.ts';
import type { JobRow } from './queue.ts';

const ref = (job: JobRow) => ({ ownerId: job.owner_id, state: job.state });

export const abilitiesOnJob = (actor: Actor, job: JobRow) => jobAbilities(actor, ref(job));

/** Someone else's job reads as "not found". */
export function authorizeJob(actor: Actor, job: JobRow | undefined, id: number, action?: JobAction): asserts job is JobRow {
  if (!job) throw notFound('job', id);
  authorize(canSeeJob(actor, ref(job)), action === undefined || abilitiesOnJob(actor, job)[action], () => notFound('job', id));
}
