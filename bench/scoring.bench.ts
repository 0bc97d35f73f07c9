// Province-scale ranking (issue 10): every cluster of a province ranked from its score sheets — 150 clusters × 20
// units × 60 items × (1 self + 19 cross) sheets, about 3.6 M score entries — by the product's path (five queries, then
// the domain's exact aggregation and ranking per cluster, over sheets stored as hundredths in item order), beside the same aggregation (self 30 % + mean of the cross
// scores 70 %, rounded per item, summed, ranked) written as one SQL query run through the bare driver in the same run.
// Sizes: BENCH_SCORING_CLUSTERS (150), BENCH_SCORING_UNITS (20 per cluster), BENCH_SCORING_ITEMS (60).
import { sql } from 'kysely';
import { rankAuthorityRounds } from '../apps/server/src/features/scoring/authority-ranking.ts';
import { generateProvince, openBenchDatabase } from './province-data.ts';
import type { Benchmark } from './run.ts';

const CLUSTERS = Number(process.env.BENCH_SCORING_CLUSTERS ?? 150);
const PER_CLUSTER = Number(process.env.BENCH_SCORING_UNITS ?? 20);
const ITEMS = Number(process.env.BENCH_SCORING_ITEMS ?? 60);
const RUNS = Number(process.env.BENCH_SCORING_RUNS ?? 3);
const YEAR = 2025;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; last: T }> {
  await fn();
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), last };
}

/** A table of ITEMS items in groups of ten: two thirds worth 1.5 points, the rest 2 (a 100-point frame at 60 items). */
function table() {
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    code: `I${i + 1}`,
    text: `Tiêu chí ${i + 1}`,
    maxPoints: i < (ITEMS * 2) / 3 ? 1.5 : 2,
    method: 'manual',
    evidenceRequired: false,
    kind: 'regular',
  }));
  const groups = [];
  for (let g = 0; g * 10 < ITEMS; g++) groups.push({ code: `G${g + 1}`, title: `Nhóm ${g + 1}`, items: items.slice(g * 10, g * 10 + 10) });
  return { groups, knockOuts: [], maxTotal: items.reduce((s, i) => s + i.maxPoints, 0) };
}

export const benchmark: Benchmark = {
  name: 'scoring',
  async run(log) {
    const database = await openBenchDatabase();
    const { db } = database;
    try {
      log(`  database: ${database.kind}; ${CLUSTERS} clusters × ${PER_CLUSTER} units × ${ITEMS} items, every member scoring every other`);
      const units = CLUSTERS * PER_CLUSTER;
      const province = await generateProvince(db, { people: units, units, clusters: CLUSTERS, years: 1, lastYear: YEAR }, log);
      const started = performance.now();
      const content = JSON.stringify(table());
      const settings = JSON.stringify({
        weights: { self: 30, cross: 70 },
        crossMethod: 'mean',
        missingCross: 'self',
        tieBreaks: ['fullItems'],
      });
      await sql`insert into criteria_set (authority_id, cluster_id, year, period, version, content, round_state, settings)
        select authority_id, id, ${YEAR}, 'FY', 1, ${content}::jsonb, 'review', ${settings}::jsonb from cluster where authority_id = ${province.authorityId}`.execute(
        db,
      );
      const sets = (
        await db.selectFrom('criteria_set').select(['id']).where('authority_id', '=', province.authorityId).orderBy('id').execute()
      ).map((s) => s.id);
      // one statement per cluster: each member's self sheet and its sheets on every other member, points on the
      // 0.25 grid below each item's maximum, varying with the unit, the scorer and the item
      for (const id of sets)
        await sql`insert into score_sheet (criteria_set_id, authority_id, unit_id, scorer_unit_id, stage, points, status, submitted_at)
          select cs.id, cs.authority_id, u.unit_id, s.unit_id, case when u.unit_id = s.unit_id then 'self' else 'cross' end,
            array(select (case when i <= ${(ITEMS * 2) / 3} then 150 else 200 end) - 25 * ((u.unit_id * 7 + s.unit_id * 3 + i * 11) % 3)
                  from generate_series(1, ${ITEMS}) i order by i),
            'submitted', now()
          from criteria_set cs
          join cluster_membership u on u.cluster_id = cs.cluster_id and u.year = cs.year
          join cluster_membership s on s.cluster_id = cs.cluster_id and s.year = cs.year
          where cs.id = ${id}`.execute(db);
      const sheets = Number((await sql<{ n: string }>`select count(*) as n from score_sheet`.execute(db)).rows[0]!.n);
      log(
        `  generate: ${sets.length} rounds, ${sheets.toLocaleString('en-US')} sheets, ${(sheets * ITEMS).toLocaleString('en-US')} entries (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );

      const product = await time(RUNS, () => rankAuthorityRounds(db, province.authorityId, YEAR, 'FY'));
      log(`  product: ${product.ms.toFixed(0)} ms for ${product.last.length} clusters`);
      const bare = await time(RUNS, async () =>
        sql<{ criteria_set_id: number; unit_id: number; total: string; rank: string }>`
          with e as (
            select s.criteria_set_id, s.unit_id, s.stage, p.i, coalesce(p.h, 0) as h
            from score_sheet s cross join lateral unnest(s.points) with ordinality as p(h, i)
            join criteria_set cs on cs.id = s.criteria_set_id
            where cs.authority_id = ${province.authorityId} and cs.year = ${YEAR} and cs.period = 'FY'
          ), per_item as (
            select criteria_set_id, unit_id, i,
              coalesce(max(h) filter (where stage = 'self'), 0) as self,
              avg(h) filter (where stage = 'cross') as cross_mean
            from e group by criteria_set_id, unit_id, i
          ), totals as (
            select criteria_set_id, unit_id, sum(round((self * 30 + coalesce(cross_mean, self) * 70) / 100)) / 100 as total
            from per_item group by criteria_set_id, unit_id
          )
          select criteria_set_id, unit_id, total, rank() over (partition by criteria_set_id order by total desc) as rank from totals`
          .execute(db)
          .then((r) => r.rows),
      );
      log(`  bare SQL: ${bare.ms.toFixed(0)} ms for ${bare.last.length} units`);

      // the two agree on every unit's total
      const sqlTotal = new Map(bare.last.map((r) => [`${r.criteria_set_id}:${r.unit_id}`, Number(r.total)]));
      let differ = 0;
      for (const c of product.last)
        for (const u of c.ranking.ranked) if (sqlTotal.get(`${c.criteriaSetId}:${u.unit}`) !== u.total) differ++;
      if (differ > 0) throw new Error(`the product and the bare SQL disagree on ${differ} totals`);
      return [
        `scoring, province ranking (${database.kind}): ${CLUSTERS} clusters × ${PER_CLUSTER} units × ${ITEMS} items, ${(sheets * ITEMS).toLocaleString('en-US')} entries: ${product.ms.toFixed(0)} ms` +
          ` (target < 2,000 ms on PostgreSQL)`,
        `  baseline, the same aggregation as one SQL query through the bare driver: ${bare.ms.toFixed(0)} ms; the product takes ${(product.ms / bare.ms).toFixed(2)}× its time (target ≤ 1.5×); totals agree on all ${bare.last.length} units`,
      ];
    } finally {
      await database.close();
    }
  },
};
