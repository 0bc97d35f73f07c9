import type { JobAbilities } from '@thidua/domain';
import type { JobRow } from './queue.ts';

const iso = (d: Date | null) => (d === null ? null : new Date(d).toISOString());

export const presentJob = (job: JobRow, abilities: JobAbilities) => ({
  id: job.id,
  kind: job.kind,
  state: job.state,
  done: job.done,
  total: job.total,
  attempts: job.attempts,
  error: (job.error as { code: string; message: string } | null) ?? null,
  createdAt: iso(job.created_at)!,
  startedAt: iso(job.started_at),
  finishedAt: iso(job.finished_at),
  abilities,
});
