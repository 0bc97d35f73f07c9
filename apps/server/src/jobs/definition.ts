import type { z } from 'zod';
import type { Runtime } from '../db/transaction.ts';

/** What a running job may do: report progress (which also renews its lease) and learn that it was cancelled. */
export interface JobContext extends Runtime {
  readonly jobId: number;
  readonly ownerId: number | null;
  /**
   * Records done / total and renews the lease. Throws `JobCancelled` once a cancellation was asked for, so a job stops
   * at its next chunk boundary.
   */
  progress(done: number, total: number): Promise<void>;
}

/** One kind of job: its input schema (checked when enqueued and again when run) and the work. */
export interface JobDefinition<I = unknown, R = unknown> {
  kind: string;
  input: z.ZodType<I>;
  maxAttempts?: number;
  run(ctx: JobContext, input: I): Promise<R>;
}

export const defineJob = <I, R>(definition: JobDefinition<I, R>): JobDefinition<I, R> => definition;

export class JobCancelled extends Error {
  constructor() {
    super('job cancelled');
    this.name = 'JobCancelled';
  }
}

/** An error a retry cannot fix (bad input): the job fails at once. */
export class JobPermanentError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'JobPermanentError';
  }
}
