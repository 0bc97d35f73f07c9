import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Runtime } from '../db/transaction.ts';
import { JobCancelled, JobPermanentError, type JobContext, type JobDefinition } from './definition.ts';
import { jobSignals, type JobRow } from './queue.ts';

export interface WorkerOptions {
  /** How often to look for work when not woken (other processes' jobs, retries coming due, expired leases). */
  pollMs?: number;
  /** How long a claim holds without a progress report before another worker may take the job over. */
  leaseMs?: number;
  /** First retry delay; each further attempt doubles it, up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown) => void;
}

/** The delay before attempt n + 1 after n failed attempts. */
export const backoff = (attempts: number, base: number, max: number) => Math.min(max, base * 2 ** Math.max(0, attempts - 1));

/**
 * Runs jobs one at a time in this process. Claims are a single UPDATE over `FOR UPDATE SKIP LOCKED`, so with several
 * processes on PostgreSQL each job is taken by exactly one; a claim is a lease, renewed by progress reports, which a
 * crashed process lets expire so that another worker takes the job up again. Works the same on PGlite.
 *
 * Why not pg-boss or graphile-worker: both need a PostgreSQL server (their own schema, LISTEN/NOTIFY, several
 * connections) and do not run on PGlite's single in-process connection, which is the default database here.
 */
export class JobWorker {
  readonly id = `w-${process.pid}-${randomBytes(4).toString('hex')}`;
  private readonly definitions: Map<string, JobDefinition<any, any>>;
  private readonly options: Required<Omit<WorkerOptions, 'onError'>> & Pick<WorkerOptions, 'onError'>;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private wanted = false;
  private readonly wake = () => this.kick();

  constructor(
    private readonly runtime: Runtime,
    definitions: ReadonlyArray<JobDefinition<any, any>>,
    options: WorkerOptions = {},
  ) {
    this.definitions = new Map(definitions.map((d) => [d.kind, d]));
    this.options = { pollMs: 1_000, leaseMs: 60_000, backoffMs: 5_000, maxBackoffMs: 300_000, ...options };
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    jobSignals.on('wake', this.wake);
    this.kick();
  }

  /** Stops taking jobs and waits for the one in hand to reach its end. */
  async stop(): Promise<void> {
    this.stopped = true;
    jobSignals.off('wake', this.wake);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.wanted = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.drain()
      .catch((error: unknown) => this.options.onError?.(error))
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.wanted) {
          this.wanted = false;
          this.kick();
        } else {
          this.timer = setTimeout(() => this.kick(), this.options.pollMs);
          this.timer.unref();
        }
      });
  }

  private async drain(): Promise<void> {
    while (!this.stopped && (await this.runOnce())) {
      // between jobs, let requests through
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Claims and runs one job; false when there was none to run. */
  async runOnce(): Promise<boolean> {
    const job = await this.claim();
    if (!job) return false;
    await this.execute(job);
    return true;
  }

  private async claim(): Promise<JobRow | undefined> {
    const now = this.runtime.clock.now();
    const until = new Date(now.getTime() + this.options.leaseMs);
    const kinds = [...this.definitions.keys()];
    if (kinds.length === 0) return undefined;
    const rows = await sql<JobRow>`
      update job set state = 'running', attempts = attempts + 1, locked_by = ${this.id}, locked_until = ${until},
        started_at = coalesce(started_at, ${now})
      where id = (
        select id from job
        where kind in (${sql.join(kinds)})
          and ((state = 'queued' and run_after <= ${now}) or (state = 'running' and locked_until < ${now}))
        order by run_after, id
        for update skip locked
        limit 1)
      returning *`.execute(this.runtime.db);
    return rows.rows[0];
  }

  private async execute(job: JobRow): Promise<void> {
    const { db, clock } = this.runtime;
    const definition = this.definitions.get(job.kind)!;
    const mine = () => db.updateTable('job').where('id', '=', job.id).where('locked_by', '=', this.id).where('state', '=', 'running');
    const ctx: JobContext = {
      db,
      clock,
      jobId: job.id,
      ownerId: job.owner_id,
      progress: async (done, total) => {
        const row = await mine()
          .set({ done, total, locked_until: new Date(clock.now().getTime() + this.options.leaseMs) })
          .returning('cancel_requested')
          .executeTakeFirst();
        // the job was cancelled, or taken over after our lease ran out: stop here
        if (!row || row.cancel_requested) throw new JobCancelled();
        await new Promise((resolve) => setImmediate(resolve));
      },
    };
    try {
      if (job.cancel_requested) throw new JobCancelled();
      const input = definition.input.parse(job.input);
      const result = await definition.run(ctx, input);
      await mine()
        .set({
          state: 'succeeded',
          result: JSON.stringify(result ?? null),
          error: null,
          finished_at: clock.now(),
          locked_by: null,
          locked_until: null,
        })
        .execute();
    } catch (error) {
      const now = clock.now();
      if (error instanceof JobCancelled) {
        await mine().set({ state: 'cancelled', finished_at: now, locked_by: null, locked_until: null }).execute();
        return;
      }
      const permanent = error instanceof JobPermanentError || (error as { name?: string }).name === 'ZodError';
      const code = error instanceof JobPermanentError ? error.code : permanent ? 'VALIDATION_FAILED' : 'INTERNAL';
      const recorded = JSON.stringify({ code, message: error instanceof Error ? error.message : String(error) });
      if (!permanent && job.attempts < job.max_attempts) {
        const delay = backoff(job.attempts, this.options.backoffMs, this.options.maxBackoffMs);
        await mine()
          .set({ state: 'queued', error: recorded, run_after: new Date(now.getTime() + delay), locked_by: null, locked_until: null })
          .execute();
      } else {
        await mine().set({ state: 'failed', error: recorded, finished_at: now, locked_by: null, locked_until: null }).execute();
      }
      if (!permanent) this.options.onError?.(error);
    }
  }
}
