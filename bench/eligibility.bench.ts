// The eligibility engine against the same rules written for json-rules-engine, on generated
// subjects with 10-year histories. The engine judges all of them; json-rules-engine (asynchronous,
// one almanac per run) is measured on a sample of the same subjects, and its verdicts are checked
// against the engine's.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Engine } from 'json-rules-engine';
import { getCompiledRulebook, evaluateCompiled, isEligibleCompiled } from '../packages/domain/src/eligibility/evaluate.ts';
import {
  countExcellentYears,
  countTitles,
  countUsableEvidence,
  findChainFloor,
  findDisciplineInYear,
  findUsedEvidence,
  measureRatingRun,
  measureTitleRun,
  rankRating,
} from '../packages/domain/src/eligibility/history.ts';
import type { EligibilityCase, Evidence, Subject } from '../packages/domain/src/eligibility/types.ts';
import { LAW_06_2022_DECREE_152_2025, LAW_06_2022_DECREE_98_2023 } from '../packages/domain/src/rulebook/rulebooks.ts';
import type { AwardCode, RatingCode } from '../packages/domain/src/rulebook/vocabulary.ts';
import type { Benchmark } from './run.ts';

const TOTAL = Number(process.env.BENCH_SUBJECTS ?? 1_000_000);
const CHUNK = 100_000;
const JRE_SAMPLE = Number(process.env.BENCH_JRE_SAMPLE ?? 20_000);

/** mulberry32: a small seeded generator, so every run judges the same subjects. */
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

const MIX: readonly [AwardCode, number][] = [
  ['LAO_DONG_TIEN_TIEN', 0.35],
  ['CHIEN_SI_THI_DUA_CO_SO', 0.2],
  ['CHIEN_SI_THI_DUA_BO_TINH', 0.08],
  ['BANG_KHEN_BO_TINH', 0.1],
  ['BANG_KHEN_THU_TUONG', 0.06],
  ['HUAN_CHUONG_LAO_DONG_HANG_BA', 0.04],
  ['TAP_THE_LAO_DONG_TIEN_TIEN', 0.12],
  ['TAP_THE_LAO_DONG_XUAT_SAC', 0.05],
];

/** One subject with a 10-year history ending at the proposal year, and a proposal drawn from the mix. */
function generateCase(rand: () => number, n: number): EligibilityCase {
  let pick = rand();
  let award: AwardCode = MIX[0]![0];
  for (const [code, share] of MIX) {
    if ((pick -= share) < 0) {
      award = code;
      break;
    }
  }
  const year = rand() < 0.5 ? 2024 : 2025;
  const date = rand() < 0.5 ? `${year}-12-20` : `${year + 1}-03-15`;
  const ratings: Record<number, RatingCode> = {};
  const titles: { code: AwardCode; year: number }[] = [];
  const skill = rand();
  for (let y = year - 9; y <= year; y++) {
    const r = rand();
    if (r < 0.03) continue; // a year without rating
    const rating: RatingCode = r < 0.03 + skill * 0.45 ? 'HTXS' : r < 0.93 ? 'HTT' : r < 0.98 ? 'HT' : 'KHT';
    ratings[y] = rating;
    if (rating === 'HTXS' && rand() < 0.7) titles.push({ code: 'CHIEN_SI_THI_DUA_CO_SO', year: y });
    else if (rating !== 'HT' && rating !== 'KHT') titles.push({ code: 'LAO_DONG_TIEN_TIEN', year: y });
  }
  if (rand() < 0.2) titles.push({ code: 'CHIEN_SI_THI_DUA_BO_TINH', year: year - 3 }, { code: 'CHIEN_SI_THI_DUA_BO_TINH', year });
  const awards: { code: AwardCode; year: number; kind: Subject['awards'][number]['kind'] }[] = [];
  if (rand() < 0.5)
    awards.push({ code: 'BANG_KHEN_BO_TINH', year: year - 6 - Math.floor(rand() * 3), kind: rand() < 0.85 ? 'CONG_TRANG' : 'CHUYEN_DE' });
  if (rand() < 0.3)
    awards.push({ code: 'BANG_KHEN_THU_TUONG', year: year - 5 - Math.floor(rand() * 2), kind: rand() < 0.9 ? 'CONG_TRANG' : 'DOT_XUAT' });
  const initiatives: Evidence[] = [];
  const evidence: string[] = [];
  const count = Math.floor(rand() * 3);
  for (let i = 0; i < count; i++) {
    const scope = rand() < 0.6 ? 'CO_SO' : rand() < 0.8 ? 'BO_TINH' : 'TOAN_QUOC';
    const e: Evidence = { id: `K${n}-${i}`, year: year - Math.floor(rand() * 2), scope, usedForAward: rand() < 0.15 ? 'EARLIER' : null };
    initiatives.push(e);
    if (rand() < 0.8) evidence.push(e.id);
  }
  const discipline =
    rand() < 0.03
      ? [{ form: 'KHIEN_TRACH' as const, from: `${year - Math.floor(rand() * 3)}-04-01`, to: `${year - Math.floor(rand() * 2)}-12-31` }]
      : [];
  const fixedDiscipline = discipline.filter((d) => d.from <= d.to);
  const base = {
    ratings,
    titles,
    awards,
    initiatives,
    scienceWorks: [],
    discipline: fixedDiscipline,
    leaves: rand() < 0.05 ? [{ type: 'MATERNITY' as const, from: `${year}-02-01`, to: `${year}-07-31` }] : [],
    pendingReview: rand() < 0.01,
    achievements: rand() < 0.1 ? (['OUTSTANDING_IN_MOVEMENT'] as const) : ([] as const),
  };
  const isCollective = award === 'TAP_THE_LAO_DONG_TIEN_TIEN' || award === 'TAP_THE_LAO_DONG_XUAT_SAC';
  let subject: Subject;
  if (isCollective) {
    const total = 5 + Math.floor(rand() * 40);
    const advancedWorkers = Math.floor(total * (0.55 + rand() * 0.45));
    subject = {
      type: 'collective',
      members: {
        total,
        advancedWorkers,
        completedTasks: rand() < 0.8 ? total : total - 1,
        grassrootsFighters: Math.floor(rand() * 3),
        disciplinedWarningOrAbove: rand() < 0.1 ? 1 : 0,
      },
      ...base,
    };
  } else {
    subject = { type: 'individual', gender: rand() < 0.5 ? 'female' : 'male', ...base };
  }
  return { id: `s${n}`, proposal: { award, year, date, evidence }, subject };
}

const books = {
  old: getCompiledRulebook(LAW_06_2022_DECREE_98_2023),
  current: getCompiledRulebook(LAW_06_2022_DECREE_152_2025),
};
const bookFor = (c: EligibilityCase) => (c.proposal.date >= LAW_06_2022_DECREE_152_2025.effectiveFrom ? books.current : books.old);

// ---- The same rules for json-rules-engine: facts read the history, conditions hold the criteria.
function buildRulesEngine(): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  const fact = (name: string, fn: (c: EligibilityCase, params: Record<string, number>) => unknown) =>
    engine.addFact(name, async (params: Record<string, number>, almanac) =>
      fn((await almanac.factValue('case')) as EligibilityCase, params),
    );
  const floor = (c: EligibilityCase) => findChainFloor(c.subject, c.proposal.year);
  fact('award', (c) => c.proposal.award);
  fact('subjectType', (c) => c.subject.type);
  fact('rating', (c) => rankRating(c.subject, c.proposal.year));
  fact('disciplined', (c) => findDisciplineInYear(c.subject, c.proposal.year) !== undefined);
  fact('pendingReview', (c) => c.subject.pendingReview);
  fact('usedEvidenceCited', (c) => findUsedEvidence(c) !== undefined);
  fact('claims', (c) => c.subject.achievements);
  fact('evidence', (c, p) => countUsableEvidence(c, p.minScope!, Math.max(c.proposal.year - p.window! + 1, floor(c) + 1), c.proposal.year));
  fact('fighterRun', (c) => measureTitleRun(c.subject, 'CHIEN_SI_THI_DUA_CO_SO', c.proposal.year, floor(c)));
  fact('fighterRunEvidence', (c) => {
    const run = measureTitleRun(c.subject, 'CHIEN_SI_THI_DUA_CO_SO', c.proposal.year, floor(c));
    return countUsableEvidence(c, 1, c.proposal.year - run + 1, c.proposal.year);
  });
  fact('excellentRun', (c) => measureRatingRun(c.subject, 4, c.proposal.year, floor(c)));
  fact('excellentRunEvidence', (c) => {
    const run = measureRatingRun(c.subject, 4, c.proposal.year, floor(c));
    return countUsableEvidence(c, 1, c.proposal.year - run + 1, c.proposal.year);
  });
  // Merit chains: earliest merit-based prerequisite, then the run after it.
  fact('chain', (c, p) => {
    const seedCode: AwardCode = p.seed === 1 ? 'BANG_KHEN_BO_TINH' : 'BANG_KHEN_THU_TUONG';
    let seed = 0;
    for (const a of c.subject.awards) {
      if (
        a.code === seedCode &&
        a.year < c.proposal.year &&
        a.kind !== 'DOT_XUAT' &&
        a.kind !== 'CHUYEN_DE' &&
        (seed === 0 || a.year < seed)
      )
        seed = a.year;
    }
    if (seed === 0) return { years: 0, excellent: 0, fighters: 0 };
    const run = measureRatingRun(c.subject, 3, c.proposal.year, Math.max(seed, floor(c)));
    const lower = c.proposal.year - run;
    return {
      years: run,
      excellent: countExcellentYears(c.subject, lower, c.proposal.year),
      fighters: countTitles(c.subject, 'CHIEN_SI_THI_DUA_CO_SO', lower, c.proposal.year),
    };
  });
  fact('members', (c) => (c.subject.type === 'collective' ? c.subject.members : undefined));
  fact('advancedShare', (c) => (c.subject.type === 'collective' ? (c.subject.members.advancedWorkers * 100) / c.subject.members.total : 0));

  const common = [
    { fact: 'disciplined', operator: 'equal', value: false },
    { fact: 'pendingReview', operator: 'equal', value: false },
    { fact: 'usedEvidenceCited', operator: 'equal', value: false },
  ];
  const rule = (award: AwardCode, type: string, conditions: object[]) =>
    engine.addRule({
      conditions: {
        all: [
          { fact: 'award', operator: 'equal', value: award },
          { fact: 'subjectType', operator: 'equal', value: type },
          ...common,
          ...conditions,
        ],
      } as never,
      event: { type: 'eligible' },
    });
  const ge = (f: string, value: number, extra: object = {}) => ({ fact: f, operator: 'greaterThanInclusive', value, ...extra });

  rule('LAO_DONG_TIEN_TIEN', 'individual', [ge('rating', 3)]);
  rule('CHIEN_SI_THI_DUA_CO_SO', 'individual', [
    ge('rating', 3),
    { any: [ge('rating', 4), ge('evidence', 1, { params: { minScope: 1, window: 1 } })] },
  ]);
  rule('CHIEN_SI_THI_DUA_BO_TINH', 'individual', [ge('fighterRun', 3), ge('evidence', 1, { params: { minScope: 2, window: 3 } })]);
  rule('BANG_KHEN_BO_TINH', 'individual', [
    {
      any: [
        { fact: 'claims', operator: 'contains', value: 'OUTSTANDING_IN_MOVEMENT' },
        { fact: 'claims', operator: 'contains', value: 'INFLUENTIAL_ACHIEVEMENT' },
        { fact: 'claims', operator: 'contains', value: 'MAJOR_CONTRIBUTION' },
        { all: [ge('fighterRun', 2), ge('fighterRunEvidence', 2)] },
        { all: [ge('excellentRun', 2), ge('excellentRunEvidence', 2)] },
      ],
    },
  ]);
  rule('BANG_KHEN_THU_TUONG', 'individual', [
    ge('chain', 5, { params: { seed: 1 }, path: '$.years' }),
    ge('chain', 3, { params: { seed: 1 }, path: '$.fighters' }),
  ]);
  rule('HUAN_CHUONG_LAO_DONG_HANG_BA', 'individual', [
    ge('chain', 5, { params: { seed: 2 }, path: '$.years' }),
    ge('chain', 1, { params: { seed: 2 }, path: '$.excellent' }),
    ge('chain', 3, { params: { seed: 2 }, path: '$.fighters' }),
  ]);
  rule('TAP_THE_LAO_DONG_TIEN_TIEN', 'collective', [
    ge('rating', 3),
    ge('advancedShare', 70),
    { fact: 'members', path: '$.disciplinedWarningOrAbove', operator: 'equal', value: 0 },
  ]);
  rule('TAP_THE_LAO_DONG_XUAT_SAC', 'collective', [
    ge('rating', 4),
    ge('advancedShare', 70),
    ge('members', 1, { path: '$.grassrootsFighters' }),
    { fact: 'advancedShare', operator: 'greaterThanInclusive', value: 0 },
    { fact: 'completedAll', operator: 'equal', value: true },
  ]);
  fact('completedAll', (c) => c.subject.type === 'collective' && c.subject.members.completedTasks === c.subject.members.total);
  return engine;
}

// Collect garbage from generating a chunk before timing it, so the figure is the engine's and not the generator's GC.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const format = (n: number) => Math.round(n).toLocaleString('en-US');

export const benchmark: Benchmark = {
  name: 'eligibility',
  async run(log) {
    const rand = seeded(20_240_101);
    let engineNs = 0;
    let explainNs = 0;
    let eligibleCount = 0;
    let sample: EligibilityCase[] = [];
    let generated = 0;
    const explainEvery = 10; // the explaining path on a tenth of the subjects, to keep the run short
    let explained = 0;
    const chunkRates: number[] = [];
    while (generated < TOTAL) {
      const size = Math.min(CHUNK, TOTAL - generated);
      const chunk = new Array<EligibilityCase>(size);
      for (let i = 0; i < size; i++) chunk[i] = generateCase(rand, generated + i);
      if (sample.length === 0) sample = chunk.slice(0, JRE_SAMPLE);
      // Warm the JIT on the first chunk before timing.
      if (generated === 0) for (let r = 0; r < 3; r++) for (let i = 0; i < size; i++) isEligibleCompiled(chunk[i]!, bookFor(chunk[i]!));
      collectGarbage();
      let t = process.hrtime.bigint();
      for (let i = 0; i < size; i++) {
        const c = chunk[i]!;
        if (isEligibleCompiled(c, bookFor(c))) eligibleCount++;
      }
      const chunkNs = Number(process.hrtime.bigint() - t);
      engineNs += chunkNs;
      chunkRates.push(size / (chunkNs / 1e9));
      t = process.hrtime.bigint();
      for (let i = 0; i < size; i += explainEvery) {
        const c = chunk[i]!;
        evaluateCompiled(c, bookFor(c));
        explained++;
      }
      explainNs += Number(process.hrtime.bigint() - t);
      generated += size;
      log(`  engine: ${format(generated)} subjects judged (this chunk: ${format(chunkRates.at(-1)!)} subjects/s)`);
    }
    const engineRate = TOTAL / (engineNs / 1e9);
    const median = [...chunkRates].sort((a, b) => a - b)[Math.floor(chunkRates.length / 2)]!;
    const explainRate = explained / (explainNs / 1e9);

    log(`  json-rules-engine: ${format(sample.length)} of the same subjects…`);
    const engine = buildRulesEngine();
    for (let i = 0; i < Math.min(500, sample.length); i++) await engine.run({ case: sample[i] });
    let mismatches = 0;
    const t = process.hrtime.bigint();
    for (const c of sample) {
      const { events } = await engine.run({ case: c });
      if (events.length > 0 !== isEligibleCompiled(c, bookFor(c))) mismatches++;
    }
    const jreRate = sample.length / (Number(process.hrtime.bigint() - t) / 1e9);

    return [
      `subjects: ${format(TOTAL)} generated with 10-year histories (${format(eligibleCount)} eligible)`,
      `engine (verdict, all ${format(TOTAL)}):          ${format(engineRate)} subjects/s (median chunk ${format(median)})`,
      `engine (verdict + reasons, ${format(explained)}):  ${format(explainRate)} subjects/s`,
      `json-rules-engine (sample of ${format(sample.length)}): ${format(jreRate)} subjects/s — measured on a sample because 1M would take ~${format(TOTAL / jreRate)} s`,
      `ratio engine / json-rules-engine: ${(engineRate / jreRate).toFixed(1)}× (target ≥ 20×); with reasons: ${(explainRate / jreRate).toFixed(1)}×`,
      `verdict mismatches between the two on the sample: ${mismatches}`,
      `target ≥ 1,000,000 subjects/s on one core: ${engineRate >= 1_000_000 ? 'met' : 'NOT met'}`,
    ];
  },
};
