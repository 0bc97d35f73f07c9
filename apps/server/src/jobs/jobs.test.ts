import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SYSTEM } from '../access/actor.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { withTransaction, type Runtime } from '../db/transaction.ts';
import { fixedClock } from '../lib/clock.ts';
import { openTestDatabase } from '../test/harness.ts';
import { defineJob, JobPermanentError } from './definition.ts';
import { cancelJob, enqueueJob, findJob } from './queue.ts';
import { JobWorker } from './worker.ts';

let database: Database;
const clock = fixedClock('2026-12-03T01:00:00Z');
let rt: Runtime;
beforeAll(async () => {
  database = await openTestDatabase();
  rt = { db: database.db, clock };
});
afterAll(() => database.close());
beforeEach(async () => {
  await database.db.deleteFrom('job').execute();
  clock.set('2026-12-03T01:00:00Z');
});

const runs: number[] = [];
let failuresLeft = 0;
const sum = defineJob({
  kind: 'test.sum',
  input: z.object({ n: z.number().int().min(0) }),
  maxAttempts: 3,
  async run(ctx, { n }) {
    runs.push(ctx.jobId);
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error('database went away');
    }
    let total = 0;
    for (let i = 1; i <= n; i++) {
      total += i;
      if (i % 10 === 0) await ctx.progress(i, n);
    }
    return { total };
  },
});
const refuses = defineJob({
  kind: 'test.refuses',
  input: z.object({}),
  async run() {
    throw new JobPermanentError('FORBIDDEN', 'not allowed');
  },
});

const enqueue = (n: number) => withTransaction(rt, SYSTEM, (ctx) => enqueueJob(ctx, sum, { n }));
const worker = () => new JobWorker(rt, [sum, refuses], { backoffMs: 5_000, leaseMs: 60_000 });

describe('the job queue', () => {
  it('a rolled-back write enqueues nothing', async () => {
    await expect(
      withTransaction(rt, SYSTEM, async (ctx) => {
        await enqueueJob(ctx, sum, { n: 3 });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    expect(await database.db.selectFrom('job').selectAll().execute()).toEqual([]);
  });

  it('refuses input its kind does not accept, before anything is written', async () => {
    await expect(withTransaction(rt, SYSTEM, (ctx) => enqueueJob(ctx, sum, { n: -1 }))).rejects.toThrow();
    expect(await database.db.selectFrom('job').selectAll().execute()).toEqual([]);
  });

  it('runs a job once, recording progress and the result', async () => {
    const id = await enqueue(40);
    const w = worker();
    expect(await w.runOnce()).toBe(true);
    expect(await w.runOnce()).toBe(false);
    const job = (await findJob(database.db, id))!;
    expect(job).toMatchObject({ state: 'succeeded', done: 40, total: 40, attempts: 1, result: { total: 820 }, error: null });
    expect(runs.filter((r) => r === id)).toHaveLength(1);
  });

  it('retries a failure with a doubling backoff, then records the final failure', async () => {
    failuresLeft = 5;
    const id = await enqueue(5);
    const w = worker();
    expect(await w.runOnce()).toBe(true);
    let job = (await findJob(database.db, id))!;
    expect(job).toMatchObject({ state: 'queued', attempts: 1, error: { code: 'INTERNAL', message: 'database went away' } });
    expect(new Date(job.run_after).toISOString()).toBe('2026-12-03T01:00:05.000Z');
    // not due yet
    expect(await w.runOnce()).toBe(false);
    clock.set('2026-12-03T01:00:05Z');
    expect(await w.runOnce()).toBe(true);
    job = (await findJob(database.db, id))!;
    expect(new Date(job.run_after).toISOString()).toBe('2026-12-03T01:00:15.000Z');
    clock.set('2026-12-03T01:00:15Z');
    expect(await w.runOnce()).toBe(true);
    job = (await findJob(database.db, id))!;
    expect(job).toMatchObject({ state: 'failed', attempts: 3, error: { code: 'INTERNAL' } });
    expect(job.finished_at).not.toBeNull();
    failuresLeft = 0;
  });

  it('does not retry what a retry cannot fix', async () => {
    const id = await withTransaction(rt, SYSTEM, (ctx) => enqueueJob(ctx, refuses, {}));
    expect(await worker().runOnce()).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({ state: 'failed', attempts: 1, error: { code: 'FORBIDDEN' } });
  });

  it('cancels a queued job at once and a running one at its next progress report', async () => {
    const queued = await enqueue(10);
    expect(await withTransaction(rt, SYSTEM, (ctx) => cancelJob(ctx, queued))).toBe(true);
    expect(await findJob(database.db, queued)).toMatchObject({ state: 'cancelled' });
    expect(await worker().runOnce()).toBe(false);

    const slow = defineJob({
      kind: 'test.slow',
      input: z.object({}),
      async run(ctx) {
        await withTransaction(rt, SYSTEM, (c) => cancelJob(c, ctx.jobId));
        await ctx.progress(1, 2);
        return 'never';
      },
    });
    const id = await withTransaction(rt, SYSTEM, (ctx) => enqueueJob(ctx, slow, {}));
    expect(await new JobWorker(rt, [slow]).runOnce()).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({ state: 'cancelled', result: null });
    // an ended job cannot be cancelled again
    expect(await withTransaction(rt, SYSTEM, (ctx) => cancelJob(ctx, id))).toBe(false);
  });

  it('takes up again a job whose worker died (its lease ran out)', async () => {
    const id = await enqueue(3);
    // a worker claims it and dies: the row stays running with a lease
    await database.db
      .updateTable('job')
      .set({ state: 'running', attempts: 1, locked_by: 'dead', locked_until: new Date('2026-12-03T01:01:00Z') })
      .where('id', '=', id)
      .execute();
    const w = worker();
    expect(await w.runOnce()).toBe(false);
    clock.set('2026-12-03T01:01:01Z');
    expect(await w.runOnce()).toBe(true);
    expect(await findJob(database.db, id)).toMatchObject({ state: 'succeeded', attempts: 2, result: { total: 6 } });
  });

  it('a started worker is woken by a commit and runs the job without polling', async () => {
    const w = new JobWorker(rt, [sum], { pollMs: 60_000 });
    w.start();
    try {
      const id = await enqueue(20);
      await expect.poll(async () => (await findJob(database.db, id))?.state, { timeout: 10_000 }).toBe('succeeded');
    } finally {
      await w.stop();
    }
  });
});

describe('two workers', () => {
  it('run each of 50 jobs exactly once (on PostgreSQL from two independent connection pools, as two processes would)', async () => {
    const url = process.env.TEST_DATABASE_URL;
    const schema = (await database.db.selectNoFrom((eb) => eb.fn<string>('current_schema', []).as('s')).executeTakeFirstOrThrow()).s;
    // on PostgreSQL a second, independent pool on the same schema stands for a second process; PGlite admits one
    const other = url ? await openDatabase({ url, schema }) : null;
    try {
      const ids: number[] = [];
      for (let i = 0; i < 50; i++) ids.push(await enqueue(10));
      const a = new JobWorker(rt, [sum], { pollMs: 20 });
      const b = new JobWorker({ db: other?.db ?? database.db, clock }, [sum], { pollMs: 20 });
      a.start();
      b.start();
      await expect
        .poll(async () => (await database.db.selectFrom('job').select('id').where('state', '=', 'succeeded').execute()).length, {
          timeout: 30_000,
        })
        .toBe(50);
      await Promise.all([a.stop(), b.stop()]);
      const rows = await database.db.selectFrom('job').select(['id', 'attempts']).where('id', 'in', ids).execute();
      expect(rows.every((r) => r.attempts === 1)).toBe(true);
      for (const id of ids) expect(runs.filter((r) => r === id)).toHaveLength(1);
    } finally {
      await other?.close();
    }
  });
});
