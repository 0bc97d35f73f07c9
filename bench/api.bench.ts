// The HTTP API on a province-scale data set (bench/province-data.ts), each figure next to the same work without
// the web layer: reads against the same SQL through the bare driver (Kysely on the same pool: no Fastify, validation,
// authentication or serialisation), and the province-wide batch eligibility check against loading the same
// histories alone. PGlite in memory by default; BENCH_DATABASE_URL=postgres://… runs on PostgreSQL in a fresh schema,
// dropped afterwards. Requests go through app.inject (no sockets), BENCH_CONCURRENCY at a time.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { translator } from '@thidua/i18n';
import { buildApp } from '../apps/server/src/app.ts';
import { toActor } from '../apps/server/src/access/actor.ts';
import { hashToken, SESSION_COOKIE } from '../apps/server/src/http/auth.ts';
import { listPeople } from '../apps/server/src/features/people/people.queries.ts';
import { findCluster, listFlagCustody, listLeadership, listMemberships } from '../apps/server/src/features/clusters/clusters.queries.ts';
import { populationPeople } from '../apps/server/src/history/population.ts';
import { checkBatch } from '../apps/server/src/history/check-batch.ts';
import { loadEngineHistories } from '../apps/server/src/history/subject-history.ts';
import { generateProvince, openBenchDatabase, sizesFromEnv } from './province-data.ts';
import type { Benchmark } from './run.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 2);

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms
const format = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

interface Load {
  rps: number;
  p50: number;
  p99: number;
}

/** `n` calls of `fn`, `concurrency` in flight at a time: throughput and latency percentiles. */
async function load(n: number, concurrency: number, fn: (i: number) => Promise<void>): Promise<Load> {
  const latencies = new Float64Array(n);
  let next = 0;
  const start = now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        const t = now();
        await fn(i);
        latencies[i] = now() - t;
      }
    }),
  );
  const seconds = (now() - start) / 1000;
  latencies.sort();
  return { rps: n / seconds, p50: latencies[Math.floor(n * 0.5)]!, p99: latencies[Math.min(n - 1, Math.floor(n * 0.99))]! };
}

/** Alternates the two sides for two rounds after a warm-up, so a change in machine load hits both; keeps each side's better round. */
async function compare(n: number, a: (i: number) => Promise<void>, b: (i: number) => Promise<void>): Promise<[Load, Load]> {
  const warm = Math.min(200, n);
  await load(warm, CONCURRENCY, a);
  await load(warm, CONCURRENCY, b);
  const best = (x: Load, y: Load) => (x.rps >= y.rps ? x : y);
  const a1 = await load(n, CONCURRENCY, a);
  const b1 = await load(n, CONCURRENCY, b);
  const b2 = await load(n, CONCURRENCY, b);
  const a2 = await load(n, CONCURRENCY, a);
  return [best(a1, a2), best(b1, b2)];
}

const line = (label: string, l: Load) =>
  `${label.padEnd(44)} ${format(l.rps).padStart(7)} req/s   p50 ${format(l.p50, 2)} ms   p99 ${format(l.p99, 2)} ms`;

/** mulberry32, for the sequence of units and clusters asked for (the same for the API and its baseline). */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function get(app: FastifyInstance, url: string, cookies: Record<string, string>) {
  const res = await app.inject({ method: 'GET', url, cookies });
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res;
}

export const benchmark: Benchmark = {
  name: 'api',
  async run(log) {
    const sizes = sizesFromEnv();
    const database = await openBenchDatabase();
    const summary: string[] = [];
    try {
      const { db } = database;
      log(
        `  database: ${database.kind === 'pglite' ? 'PGlite in memory (one connection)' : `PostgreSQL (${String((await sql<{ v: string }>`select current_setting('server_version') as v`.execute(db)).rows[0]!.v)}), pool of 10`}`,
      );
      const data = await generateProvince(db, sizes, log);
      const year = sizes.lastYear;
      summary.push(
        `database: ${database.kind}; data set generated in ${format(data.seconds, 1)} s: ` +
          Object.entries(data.rows)
            .map(([t, n]) => `${t} ${format(n)}`)
            .join(', '),
      );

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
      });
      await app.ready();
      try {
        const login = await app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: data.username, password: data.password },
        });
        if (login.statusCode !== 200) throw new Error(`sign-in failed: ${login.statusCode} ${login.body}`);
        const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
        // what the session resolver does on every request, for the baseline that includes it
        const tokenHash = hashToken(cookies[SESSION_COOKIE]!);
        const sessionUser = () =>
          db
            .selectFrom('user_session')
            .innerJoin('app_user', 'app_user.id', 'user_session.user_id')
            .selectAll('app_user')
            .where('user_session.token_hash', '=', tokenHash)
            .where('user_session.revoked_at', 'is', null)
            .where('user_session.expires_at', '>', new Date())
            .where('app_user.disabled', '=', false)
            .executeTakeFirstOrThrow();
        const actor = await toActor(db, await sessionUser());

        // ---- reads
        const rand = seeded(7);
        const units = Array.from({ length: REQUESTS }, () => data.unitIds[Math.floor(rand() * data.unitIds.length)]!);
        const clusters = Array.from({ length: REQUESTS }, () => data.clusterIds[Math.floor(rand() * data.clusterIds.length)]!);
        const peopleFilters = (i: number) => ({ unitId: units[i]!, page: 1, pageSize: 20 });
        const clusterSql = async (i: number) => {
          const row = await findCluster(db, clusters[i]!, year);
          if (!row) throw new Error('cluster missing');
          await Promise.all([listMemberships(db, row.id), listLeadership(db, row.id), listFlagCustody(db, row.id)]);
        };

        log(`  reads: ${format(REQUESTS)} requests a round, ${CONCURRENCY} in flight…`);
        const [peopleApi, peopleSql] = await compare(
          REQUESTS,
          async (i) => void (await get(app, `/api/v1/people?unitId=${units[i]}&pageSize=20`, cookies)),
          async (i) => void (await listPeople(db, actor.scope, peopleFilters(i))),
        );
        const [, peopleSqlAuth] = await compare(
          Math.min(REQUESTS, 1000),
          async () => {},
          async (i) => void (await listPeople(db, (await toActor(db, await sessionUser())).scope, peopleFilters(i))),
        );
        const [clusterApi, clusterBare] = await compare(
          REQUESTS,
          async (i) => void (await get(app, `/api/v1/clusters/${clusters[i]}?year=${year}`, cookies)),
          clusterSql,
        );
        const [, clusterSqlAuth] = await compare(
          Math.min(REQUESTS, 1000),
          async () => {},
          async (i) => {
            await toActor(db, await sessionUser());
            await clusterSql(i);
          },
        );
        summary.push(
          `reads (${format(REQUESTS)} requests a round, best of 2 rounds, ${CONCURRENCY} in flight, app.inject):`,
          line('  GET /api/v1/people?unitId&pageSize=20', peopleApi),
          line('    same SQL, bare driver', peopleSql),
          line('    same SQL + session and scope SQL', peopleSqlAuth),
          `    API overhead: ${(peopleSql.rps / peopleApi.rps).toFixed(2)}× the bare SQL's time per request (${(peopleSqlAuth.rps / peopleApi.rps).toFixed(2)}× with the session SQL counted as SQL)`,
          line('  GET /api/v1/clusters/:id', clusterApi),
          line('    same SQL, bare driver', clusterBare),
          line('    same SQL + session and scope SQL', clusterSqlAuth),
          `    API overhead: ${(clusterBare.rps / clusterApi.rps).toFixed(2)}× the bare SQL's time per request (${(clusterSqlAuth.rps / clusterApi.rps).toFixed(2)}× with the session SQL counted as SQL)`,
        );

        // ---- province-wide batch eligibility
        const population = { authorityId: data.authorityId };
        const t = translator('vi');
        const seconds = async (fn: () => Promise<unknown>) => {
          const s = now();
          await fn();
          return (now() - s) / 1000;
        };
        const bestOf = async (fn: () => Promise<unknown>) => {
          let best = Infinity;
          for (let r = 0; r < BATCH_RUNS; r++) best = Math.min(best, await seconds(fn));
          return best;
        };
        let considered = 0;
        const loadAlone = async () => {
          const subjects = await populationPeople(db, actor.scope, population, year);
          considered = subjects.length;
          await loadEngineHistories(
            db,
            'person',
            subjects.map((s) => s.id),
          );
        };
        const batchUrl = (award: string) => `/api/v1/eligibility/batch?award=${award}&year=${year}&authorityId=${data.authorityId}`;
        type Answer = { considered: number; eligibleCount: number; quota: { base: number; quota: number; used: number } | null };
        /** Each round: loading alone, checkBatch called directly, then the API; the best of each over the rounds. */
        const batch = async (award: 'LAO_DONG_TIEN_TIEN' | 'CHIEN_SI_THI_DUA_CO_SO') => {
          log(`  batch ${award}: ${BATCH_RUNS} rounds of loading alone, checkBatch without HTTP, the API…`);
          let answer: Answer | undefined;
          let loading = Infinity;
          let direct = Infinity;
          let api = Infinity;
          for (let r = 0; r < BATCH_RUNS; r++) {
            loading = Math.min(loading, await seconds(loadAlone));
            direct = Math.min(direct, await seconds(() => checkBatch(db, actor, t, award, year, population, data.authorityId)));
            api = Math.min(api, await seconds(async () => (answer = (await get(app, batchUrl(award), cookies)).json<Answer>())));
          }
          return { loading, direct, api, answer: answer! };
        };
        log('  batch: warming the caches with one load of the population…');
        await loadAlone();
        const advanced = await batch('LAO_DONG_TIEN_TIEN');
        await db
          .insertInto('quota_policy')
          .values({
            authority_id: data.authorityId,
            award_code: 'CHIEN_SI_THI_DUA_CO_SO',
            year: year - sizes.years + 1,
            rate_percent: 15,
            rounding: 'floor',
            min_one: true,
            base_award_code: 'LAO_DONG_TIEN_TIEN',
          })
          .execute();
        const fighter = await batch('CHIEN_SI_THI_DUA_CO_SO');

        // where loading time goes: one table's rows for 5,000 people, as rows through the driver vs the database's own work
        const ids = (
          await db.selectFrom('person').select('id').where('authority_id', '=', data.authorityId).orderBy('id').limit(5000).execute()
        ).map((r) => r.id);
        const ratingRows = () =>
          db
            .selectFrom('annual_rating')
            .selectAll()
            .where('subject_type', '=', 'person')
            .where('subject_id', 'in', ids)
            .orderBy('year', 'desc')
            .execute();
        const transport = {
          rows: await bestOf(ratingRows),
          counted: await bestOf(() =>
            sql`select count(*) from (select * from annual_rating where subject_type = 'person' and subject_id = any(${ids}) order by year desc) r`.execute(
              db,
            ),
          ),
          json: await bestOf(() =>
            sql`select json_agg(r) from (select * from annual_rating where subject_type = 'person' and subject_id = any(${ids}) order by year desc) r`.execute(
              db,
            ),
          ),
        };
        const ratingCount = (await ratingRows()).length;
        const people = (s: number) => `${format(s, 2)} s, ${format(considered / s)} people/s`;
        const outside = (s: number, loading: number) => `${format(((s - loading) / s) * 100, 0)} %`;
        const report = (label: string, b: typeof advanced, verdicts: string) => [
          `  ${label}`,
          `    baseline: population + loading histories alone: ${people(b.loading)}`,
          `    API:                                        ${people(b.api)} — ${verdicts}; ${outside(b.api, b.loading)} of the time outside data loading`,
          `    checkBatch without HTTP:                    ${people(b.direct)}; ${outside(b.direct, b.loading)} outside data loading`,
        ];
        const q = fighter.answer.quota;
        summary.push(
          `province-wide batch eligibility, ${format(considered)} people, year ${year} (best of ${BATCH_RUNS} rounds):`,
          ...report('LAO_DONG_TIEN_TIEN', advanced, `${format(advanced.answer.eligibleCount)} eligible`),
          ...report(
            'CHIEN_SI_THI_DUA_CO_SO with a 15 % quota of Advanced Workers',
            fighter,
            `${format(fighter.answer.eligibleCount)} eligible, quota ${format(q?.quota ?? 0)} of base ${format(q?.base ?? 0)}, ${format(q?.used ?? 0)} within`,
          ),
          `  loading cost, annual_rating of 5,000 people (${format(ratingCount)} rows): ${format(transport.rows * 1000)} ms as rows through Kysely and the driver; ` +
            `${format(transport.counted * 1000)} ms for the database to find and sort them (count only); ${format(transport.json * 1000)} ms as one json_agg value`,
        );
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
    return summary;
  },
};
