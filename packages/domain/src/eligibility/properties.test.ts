// Invariants of the engine, over random histories (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resources, translator } from '@thidua/i18n';
import { renderReason } from './check.ts';
import { RULEBOOKS } from '../rulebook/rulebooks.ts';
import { defineIssuerSettings } from '../rulebook/settings.ts';
import { AWARD_CODES, RATINGS, type AwardCode } from '../rulebook/vocabulary.ts';
import { evaluate, isEligible } from './evaluate.ts';
import { computeQuota, isPrioritised, quotaStanding, rankCandidates } from './quota.ts';
import type { EligibilityCase, Evidence, Subject } from './types.ts';

const YEARS = { min: 2014, max: 2026 };
const year = fc.integer(YEARS);
const TITLE_POOL: AwardCode[] = [
  'CHIEN_SI_THI_DUA_CO_SO',
  'CHIEN_SI_THI_DUA_BO_TINH',
  'LAO_DONG_TIEN_TIEN',
  'CO_THI_DUA_BO_TINH',
  'TAP_THE_LAO_DONG_XUAT_SAC',
];
const FORM_POOL: AwardCode[] = ['BANG_KHEN_BO_TINH', 'BANG_KHEN_THU_TUONG', 'GIAY_KHEN'];
const date = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-15`;

const evidenceArb = (prefix: string) =>
  fc.array(fc.record({ year, scope: fc.constantFrom('CO_SO', 'BO_TINH', 'TOAN_QUOC'), used: fc.boolean() }), { maxLength: 4 }).map((list) =>
    list.map((e, i): Evidence => ({
      id: `${prefix}${i}`,
      year: e.year,
      scope: e.scope as Evidence['scope'],
      usedForAward: e.used ? 'AWARD-1' : null,
    })),
  );

const caseArb: fc.Arbitrary<EligibilityCase> = fc
  .record({
    award: fc.constantFrom(...AWARD_CODES),
    year: fc.integer({ min: 2024, max: 2026 }),
    type: fc.constantFrom('individual', 'individual', 'collective', 'household'),
    ratings: fc.dictionary(year.map(String), fc.constantFrom(...RATINGS, 'HTXS', 'HTT')),
    titles: fc.array(fc.record({ code: fc.constantFrom(...TITLE_POOL), year }), { maxLength: 10 }),
    awards: fc.array(
      fc.record({ code: fc.constantFrom(...FORM_POOL), year, kind: fc.constantFrom('CONG_TRANG', 'CONG_TRANG', 'DOT_XUAT', 'CHUYEN_DE') }),
      { maxLength: 3 },
    ),
    initiatives: evidenceArb('K'),
    scienceWorks: evidenceArb('S'),
    cite: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    discipline: fc.array(fc.record({ from: year, span: fc.integer({ min: 0, max: 1 }) }), { maxLength: 1 }),
    maternity: fc.boolean(),
    pendingReview: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
    achievements: fc.subarray(['OUTSTANDING_IN_MOVEMENT', 'INFLUENTIAL_ACHIEVEMENT', 'MAJOR_CONTRIBUTION'] as const),
    members: fc.record({ total: fc.integer({ min: 1, max: 30 }), a: fc.nat(), b: fc.nat(), c: fc.nat(), d: fc.nat() }),
    date: fc.option(fc.constantFrom('2025-06-30', '2025-07-01'), { nil: undefined }),
  })
  .map((r): EligibilityCase => {
    const all = [...r.initiatives, ...r.scienceWorks];
    const base = {
      ratings: Object.fromEntries(Object.entries(r.ratings).map(([k, v]) => [Number(k), v])),
      titles: r.titles,
      awards: r.awards as Subject['awards'],
      initiatives: r.initiatives,
      scienceWorks: r.scienceWorks,
      discipline: r.discipline.map((d) => ({ form: 'KHIEN_TRACH' as const, from: date(d.from, 3), to: date(d.from + d.span, 2) })),
      leaves: r.maternity ? [{ type: 'MATERNITY' as const, from: date(r.year, 1), to: date(r.year, 7) }] : [],
      pendingReview: r.pendingReview,
      achievements: r.achievements,
    };
    const m = r.members;
    const cap = (n: number) => n % (m.total + 1);
    const subject: Subject =
      r.type === 'individual'
        ? { type: 'individual', gender: 'female', ...base }
        : r.type === 'collective'
          ? {
              type: 'collective',
              members: {
                total: m.total,
                advancedWorkers: cap(m.a),
                completedTasks: cap(m.b),
                grassrootsFighters: cap(m.c),
                disciplinedWarningOrAbove: cap(m.d) % 2,
              },
              ...base,
            }
          : { type: 'household', ...base };
    return {
      id: 'p',
      proposal: {
        award: r.award,
        year: r.year,
        date: r.date ?? `${r.year}-12-31`,
        evidence: all.filter((_, i) => r.cite[i]).map((e) => e.id),
      },
      subject,
    };
  });

const SETTINGS = [
  defineIssuerSettings(),
  defineIssuerSettings({
    art74d_initiativesApplyToGrassrootsFighterBranch: false,
    provincialFighterChainEnds: 'year-before',
    disciplineRestartsChains: false,
  }),
];
const judge = (c: EligibilityCase, settingsIndex = 0) => {
  const book = RULEBOOKS.find((b) => c.proposal.date >= b.effectiveFrom && (b.effectiveTo === null || c.proposal.date <= b.effectiveTo))!;
  return { verdict: evaluate(c, book, SETTINGS[settingsIndex]), fast: isEligible(c, book, SETTINGS[settingsIndex]) };
};
const withSubject = (c: EligibilityCase, patch: Partial<Subject>): EligibilityCase => ({
  ...c,
  subject: { ...c.subject, ...patch } as Subject,
});
const settingsIndex = fc.integer({ min: 0, max: 1 });

describe('engine invariants', () => {
  it('the fast verdict equals the explained one, and eligible means every reason met', () => {
    fc.assert(
      fc.property(caseArb, settingsIndex, (c, s) => {
        const { verdict, fast } = judge(c, s);
        expect(fast).toBe(verdict.eligible);
        expect(verdict.eligible).toBe(verdict.reasons.every((r) => r.met));
        expect(verdict.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('breaking a chain year (lowering or removing a rating, removing a title) never makes a verdict eligible', () => {
    fc.assert(
      fc.property(caseArb, year, fc.constantFrom('lower', 'remove', 'title'), settingsIndex, (c, y, how, s) => {
        const before = judge(c, s).fast;
        const ratings = { ...c.subject.ratings };
        if (how === 'lower' && ratings[y]) ratings[y] = 'HT';
        if (how === 'remove') delete ratings[y];
        const titles = how === 'title' ? c.subject.titles.filter((t) => t.year !== y) : c.subject.titles;
        const after = judge(withSubject(c, { ratings, titles }), s).fast;
        if (!before) expect(after).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('marking an initiative used never makes a verdict eligible, and one the proposal cites makes it ineligible', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), settingsIndex, (c, pick, s) => {
        const list = c.subject.initiatives;
        if (list.length === 0) return;
        const target = list[pick % list.length]!;
        const before = judge(c, s).fast;
        const initiatives = list.map((e) => (e === target ? { ...e, usedForAward: 'OTHER-AWARD' } : e));
        const after = judge(withSubject(c, { initiatives }), s);
        if (!before) expect(after.fast).toBe(false);
        if (c.proposal.evidence.includes(target.id)) {
          expect(after.fast).toBe(false);
          expect(after.verdict.reasons).toContainEqual(expect.objectContaining({ code: 'EVIDENCE_ALREADY_USED', met: false }));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('ad hoc and thematic awards never make a chain verdict eligible', () => {
    fc.assert(
      fc.property(
        caseArb,
        year,
        fc.constantFrom('DOT_XUAT', 'CHUYEN_DE'),
        fc.constantFrom<AwardCode>('BANG_KHEN_BO_TINH', 'BANG_KHEN_THU_TUONG'),
        (c, y, kind, code) => {
          const before = judge(c).fast;
          const after = judge(withSubject(c, { awards: [...c.subject.awards, { code, year: y, kind }] })).fast;
          expect(after).toBe(before);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a discipline overlapping the year or a pending review always blocks; maternity leave never changes the verdict', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const y = c.proposal.year;
        expect(judge(withSubject(c, { discipline: [{ form: 'KHIEN_TRACH', from: `${y}-11-01`, to: `${y + 1}-01-31` }] })).fast).toBe(false);
        expect(judge(withSubject(c, { pendingReview: true })).fast).toBe(false);
        const leaves = [{ type: 'MATERNITY' as const, from: `${y}-01-10`, to: `${y}-07-09` }];
        expect(judge(withSubject(c, { leaves })).fast).toBe(judge(withSubject(c, { leaves: [] })).fast);
      }),
      { numRuns: 2000 },
    );
  });

  it('every reason the engine gives has a message in the catalogue', () => {
    const catalogue = resources.vi.eligibility.reason as Record<string, string>;
    fc.assert(
      fc.property(caseArb, settingsIndex, (c, s) => {
        for (const r of judge(c, s).verdict.reasons) expect(catalogue[r.code], r.code).toBeTypeOf('string');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('wording of counts', () => {
  // Shares ("0/10 members") read well with a zero; every other count of zero has its own sentence ("none yet").
  const SHARES = /_SHARE_/;
  it.each(LANGUAGES)('%s: a count of zero is never read "only 0"', (lang) => {
    const t = translator(lang);
    const catalogue = resources[lang].eligibility.reason as Record<string, string>;
    fc.assert(
      fc.property(caseArb, settingsIndex, (c, s) => {
        for (const r of judge(c, s).verdict.reasons) {
          const { message } = renderReason(r, t);
          expect(message).not.toContain('eligibility:');
          if (r.params.count !== 0 || SHARES.test(r.code) || !catalogue[r.code]!.includes('{{count}}')) continue;
          expect(catalogue[`${r.code}_zero`], `${lang} ${r.code}_zero`).toBeTypeOf('string');
          expect(message, r.code).not.toMatch(/(^|[\s(])0[\s)]/);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('quota invariants', () => {
  const policy = fc.record({ ratePercent: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100), minOne: fc.boolean() });
  it('floor ≤ half-up ≤ ceil ≤ floor + 1, minimum one holds, never above the base for rates ≤ 100 %', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), policy, (base, p) => {
        const floor = computeQuota(base, { ...p, rounding: 'floor' });
        const half = computeQuota(base, { ...p, rounding: 'half-up' });
        const ceil = computeQuota(base, { ...p, rounding: 'ceil' });
        expect(floor).toBeLessThanOrEqual(half);
        expect(half).toBeLessThanOrEqual(ceil);
        expect(ceil - floor).toBeLessThanOrEqual(1);
        if (p.minOne && base > 0) expect(floor).toBeGreaterThanOrEqual(1);
        expect(ceil).toBeLessThanOrEqual(Math.max(base, p.minOne && base > 0 ? 1 : 0));
      }),
    );
  });
  it('a tie at the boundary is the whole equal group, none of it within the quota; ranks are shared by equals only', () => {
    const cand = fc.record({ merit: fc.integer({ min: 0, max: 3 }), woman: fc.boolean() });
    fc.assert(
      fc.property(fc.array(cand, { maxLength: 12 }), fc.nat({ max: 12 }), (list, quota) => {
        const candidates = list.map((c, i) => ({ id: `c${i}`, merit: c.merit, gender: c.woman ? ('female' as const) : ('male' as const) }));
        const r = rankCandidates(candidates, quota);
        expect(r.tied.length > 0).toBe(r.tieAtBoundary);
        const key = (id: string) => {
          const c = candidates.find((x) => x.id === id)!;
          return `${c.merit}/${isPrioritised(c)}`;
        };
        expect(new Set(r.tied.map(key)).size).toBeLessThanOrEqual(1);
        expect(r.tiedPlaces).toBe(r.tied.filter((id) => r.selected.includes(id)).length);
        expect(r.tiedPlaces).toBeLessThan(r.tied.length || 1);
        const within = candidates.filter((c) => quotaStanding(r, c.id) === 'within');
        expect(within.length + r.tiedPlaces).toBe(r.selected.length);
        for (const a of candidates) for (const b of candidates) expect(r.rank.get(a.id) === r.rank.get(b.id)).toBe(key(a.id) === key(b.id));
        for (const w of within) for (const id of r.tied) expect(r.rank.get(w.id)!).toBeLessThan(r.rank.get(id)!);
      }),
    );
  });
  it('ranking keeps everyone, fills the quota, and never leaves a prioritised candidate out for an equal non-prioritised one', () => {
    const cand = fc.record({ merit: fc.integer({ min: 0, max: 5 }), woman: fc.boolean() });
    fc.assert(
      fc.property(fc.array(cand, { maxLength: 12 }), fc.nat({ max: 12 }), (list, quota) => {
        const candidates = list.map((c, i) => ({ id: `c${i}`, merit: c.merit, gender: c.woman ? ('female' as const) : ('male' as const) }));
        const r = rankCandidates(candidates, quota);
        expect(r.selected.length).toBe(Math.min(quota, candidates.length));
        expect([...r.selected, ...r.outside.map((o) => o.id)].sort()).toEqual(candidates.map((c) => c.id).sort());
        const byId = new Map(candidates.map((c) => [c.id, c]));
        for (const o of r.outside) {
          const out = byId.get(o.id)!;
          for (const id of r.selected) {
            const inside = byId.get(id)!;
            expect(inside.merit).toBeGreaterThanOrEqual(out.merit);
            if (inside.merit === out.merit && isPrioritised(out)) expect(isPrioritised(inside)).toBe(true);
          }
        }
      }),
    );
  });
});
