// Secret ballots at a province's scale (issue 12): 10,000 delegates casting their votes within a minute against the
// server listening on 127.0.0.1 (an own bounded client: 64 requests in flight over HTTP keep-alive), then closing and
// counting — no error, no lost vote; and closing a ballot of 100,000 votes (random reordering, tally, seal). Each is
// set beside the same rows written through the bare driver in the same run: the voter's mark and the vote, one
// transaction each, with the same concurrency; and 100,000 vote rows inserted in batches.
// Sizes: BENCH_VOTERS (10,000), BENCH_TALLY_BALLOTS (100,000).
import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { receiptFrom } from '@thidua/domain';
import { buildApp } from '../apps/server/src/app.ts';
import { withTransaction } from '../apps/server/src/db/transaction.ts';
import { SYSTEM } from '../apps/server/src/access/actor.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { hashToken, newSessionToken, SESSION_COOKIE } from '../apps/server/src/http/auth.ts';
import { closeBallot } from '../apps/server/src/features/ballots/ballot-commands.ts';
import type { Db } from '../apps/server/src/db/client.ts';
import { openBenchDatabase } from './province-data.ts';
import type { Benchmark } from './run.ts';

const VOTERS = Number(process.env.BENCH_VOTERS ?? 10_000);
const TALLY = Number(process.env.BENCH_TALLY_BALLOTS ?? 100_000);
const IN_FLIGHT = 64;

async function pool<T>(n: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const out = new Array<T>(n);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        const i = next++;
        out[i] = await task(i);
      }
    }),
  );
  return out;
}

/** An authority, `voters` accounts with a session each, and an open honouring ballot of five candidates. */
async function setUp(db: Db, voters: number, tag: string) {
  const authority = (
    await sql<{ id: number }>`insert into authority (code, kind, name, short_name, place, search_key)
      values (${`BB${tag}`}, 'PROVINCE', ${`Tỉnh ${tag}`}, ${tag}, ${tag}, ${tag.toLowerCase()}) returning id`.execute(db)
  ).rows[0]!.id;
  const users: number[] = [];
  const tokens: string[] = [];
  for (let i = 0; i < voters; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, voters - i) }, (_, k) => ({
      username: `bench-${tag}-${i + k}`,
      display_name: `Đại biểu ${i + k}`,
      password_hash: 'x',
      role: 'VIEWER' as const,
      authority_id: authority,
    }));
    const rows = await db.insertInto('app_user').values(batch).returning('id').execute();
    const t = rows.map(() => newSessionToken());
    await db
      .insertInto('user_session')
      .values(rows.map((r, k) => ({ token_hash: hashToken(t[k]!), user_id: r.id, expires_at: new Date(Date.now() + 3_600_000) })))
      .execute();
    users.push(...rows.map((r) => r.id));
    tokens.push(...t);
  }
  const ballot = (
    await db
      .insertInto('ballot')
      .values({
        authority_id: authority,
        cluster_id: null,
        year: 2025,
        kind: 'honouring',
        title: 'Suy tôn',
        max_choices: 3,
        rule: JSON.stringify({ quorumPercent: 50, approvalPercent: 50, denominator: 'valid', strictlyAbove: true }),
        status: 'open',
        opened_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const candidates = (
    await db
      .insertInto('ballot_candidate')
      .values([1, 2, 3, 4, 5].map((p) => ({ ballot_id: ballot, position: p, name: `Đơn vị ${p}` })))
      .returning('id')
      .execute()
  ).map((c) => c.id);
  for (let i = 0; i < users.length; i += 1000)
    await db
      .insertInto('ballot_voter')
      .values(users.slice(i, i + 1000).map((user_id) => ({ ballot_id: ballot, user_id })))
      .execute();
  return { ballot, candidates, users, tokens };
}

export const benchmark: Benchmark = {
  name: 'ballots',
  async run(log) {
    const database = await openBenchDatabase();
    const { db } = database;
    const app = await buildApp({
      database,
      config: {
        sessionTtlHours: 8,
        loginRateLimitMax: 1_000_000,
        passwordResetTtlHours: 72,
        cookieSecure: false,
        webDir: '/nonexistent',
        logLevel: 'silent',
      },
      jobWorker: false,
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      log(`  database: ${database.kind}; ${VOTERS.toLocaleString('en-US')} voters, ${IN_FLIGHT} requests in flight`);
      const v = await setUp(db, VOTERS, 'A');
      // each device's CSRF token, as its sign-in would hand it out
      const csrf = await pool(VOTERS, IN_FLIGHT, async (i) => {
        const res = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie: `${SESSION_COOKIE}=${v.tokens[i]}` } });
        const cookie = res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        return { token: ((await res.json()) as { csrfToken: string }).csrfToken, cookie };
      });
      const choicesOf = (i: number) => [v.candidates[i % 5]!, v.candidates[(i + 1) % 5]!];
      let t = performance.now();
      const statuses = await pool(VOTERS, IN_FLIGHT, async (i) => {
        const res = await fetch(`${base}/api/v1/ballots/${v.ballot}/votes`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-csrf-token': csrf[i]!.token,
            cookie: `${SESSION_COOKIE}=${v.tokens[i]}; ${csrf[i]!.cookie}`,
          },
          body: JSON.stringify({ choices: choicesOf(i) }),
        });
        await res.arrayBuffer();
        return res.status;
      });
      const voteMs = performance.now() - t;
      const errors = statuses.filter((s) => s !== 201).length;
      await withTransaction({ db, clock: systemClock }, SYSTEM, (ctx) => closeBallot(ctx, v.ballot));
      const counted = Number(
        (await sql<{ n: string }>`select count(*) as n from ballot_vote where ballot_id = ${v.ballot}`.execute(db)).rows[0]!.n,
      );
      log(`  votes through the API: ${voteMs.toFixed(0)} ms, ${errors} errors, ${counted} counted after closing`);

      // baseline: the same two writes per vote through the bare driver, one transaction each, same concurrency
      const w = await setUp(db, VOTERS, 'B');
      t = performance.now();
      await pool(VOTERS, IN_FLIGHT, (i) =>
        db.transaction().execute(async (tx) => {
          await tx
            .updateTable('ballot_voter')
            .set({ voted: true })
            .where('ballot_id', '=', w.ballot)
            .where('user_id', '=', w.users[i]!)
            .where('voted', '=', false)
            .execute();
          await tx
            .insertInto('ballot_vote')
            .values({
              id: randomUUID(),
              ballot_id: w.ballot,
              receipt: receiptFrom(randomBytes(10)),
              vote: JSON.stringify({ choices: choicesOf(i) }),
            })
            .execute();
        }),
      );
      const bareVoteMs = performance.now() - t;
      log(`  the same rows through the bare driver: ${bareVoteMs.toFixed(0)} ms`);

      // closing a ballot of TALLY votes, beside inserting them
      const x = await setUp(db, TALLY, 'C');
      t = performance.now();
      for (let i = 0; i < TALLY; i += 1000)
        await db
          .insertInto('ballot_vote')
          .values(
            Array.from({ length: Math.min(1000, TALLY - i) }, (_, k) => ({
              id: randomUUID(),
              ballot_id: x.ballot,
              receipt: receiptFrom(randomBytes(10)),
              vote: JSON.stringify({ choices: choicesOf(i + k).map((_, j) => x.candidates[(i + k + j) % 5]!) }),
            })),
          )
          .execute();
      const insertMs = performance.now() - t;
      await db.updateTable('ballot_voter').set({ voted: true }).where('ballot_id', '=', x.ballot).execute();
      t = performance.now();
      await withTransaction({ db, clock: systemClock }, SYSTEM, (ctx) => closeBallot(ctx, x.ballot));
      const closeMs = performance.now() - t;
      const sealed = (await db.selectFrom('ballot').select('result').where('id', '=', x.ballot).executeTakeFirstOrThrow()).result as {
        cast: number;
      };
      const cast = (typeof sealed === 'string' ? JSON.parse(sealed) : sealed).cast;
      log(
        `  ${TALLY.toLocaleString('en-US')} ballots: inserted in ${insertMs.toFixed(0)} ms, closed and tallied in ${closeMs.toFixed(0)} ms (${cast} counted)`,
      );
      if (errors > 0 || counted !== VOTERS || cast !== TALLY)
        throw new Error(`lost or refused votes: ${errors} errors, ${counted} / ${VOTERS} counted, ${cast} / ${TALLY} tallied`);
      return [
        `ballots (${database.kind}): ${VOTERS.toLocaleString('en-US')} votes through the API on 127.0.0.1 in ${(voteMs / 1000).toFixed(1)} s (target < 60 s), ${errors} errors, ${counted} counted after closing`,
        `  baseline, the same rows through the bare driver: ${(bareVoteMs / 1000).toFixed(1)} s; the API takes ${(voteMs / bareVoteMs).toFixed(2)}× its time`,
        `  closing a ballot of ${TALLY.toLocaleString('en-US')} votes (random reordering, tally, seal): ${(closeMs / 1000).toFixed(1)} s, beside ${(insertMs / 1000).toFixed(1)} s to insert those rows through the bare driver (${(closeMs / insertMs).toFixed(2)}×)`,
      ];
    } finally {
      await app.close();
      await database.close();
    }
  },
};
