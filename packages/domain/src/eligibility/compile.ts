// Turns rulebook data into closures, once per (rulebook, issuer settings). Each compiled criterion
// answers twice: `test` (the verdict only, short-circuiting, allocation-free) and `explain` (the same
// verdict plus reasons). A property test holds the two to the same answer.
import type { AwardRules, Criterion, CrossCuttingCriterion, RuleId } from '../rulebook/criteria.ts';
import type { Rulebook } from '../rulebook/rulebooks.ts';
import type { IssuerSettings } from '../rulebook/settings.ts';
import { AWARD_CODES, RATING_RANK, SCOPE_RANK, SUBJECT_TYPES, type AwardCode, type SubjectType } from '../rulebook/vocabulary.ts';
import {
  countExcellentYears,
  countTitles,
  countUsableEvidence,
  findChainBreak,
  findChainFloor,
  findDisciplineInYear,
  findEarliestUsableEvidence,
  findMaternityInYear,
  findUsedEvidence,
  holdsTitle,
  measureRatingRun,
  measureTitleRun,
  rankRating,
} from './history.ts';
import type { EligibilityCase, Reason, ReasonParam, Subject } from './types.ts';

export interface CompiledCriterion {
  /** True when `test` can never fail (informational criteria): the fast path skips it. */
  readonly alwaysMet?: boolean;
  test(c: EligibilityCase): boolean;
  explain(c: EligibilityCase, out: Reason[]): boolean;
}

export interface CompiledAward {
  readonly basis: RuleId;
  readonly delegated: boolean;
  readonly bySubject: Readonly<Partial<Record<SubjectType, readonly CompiledCriterion[]>>>;
}

export interface CompiledRulebook {
  readonly id: string;
  readonly crossCutting: readonly CompiledCriterion[];
  /** The cross-cutting criteria that can fail: what the verdict-only path runs. */
  readonly crossCuttingTests: readonly CompiledCriterion[];
  readonly awards: Readonly<Record<AwardCode, CompiledAward>>;
}

const reason = (rule: RuleId, met: boolean, code: string, params: Record<string, ReasonParam>): Reason => ({ rule, met, code, params });
const RATING_BY_RANK = ['', 'KHT', 'HT', 'HTT', 'HTXS'] as const;
const NON_MERIT_KINDS: ReadonlySet<string> = new Set(['DOT_XUAT', 'CHUYEN_DE']);

/** Years that may be part of a chain end after this one (0 when the issuer does not restart chains). */
const chainFloor = (settings: IssuerSettings, subject: Subject, year: number): number =>
  settings.disciplineRestartsChains ? findChainFloor(subject, year) : 0;

/** The failed reason of a chain cut by a discipline period (Decree Art. 4(4)); `params.year` is the last year disciplined. */
export const CHAIN_BROKEN_BY_DISCIPLINE = 'CHAIN_BROKEN_BY_DISCIPLINE';
/** The met reason of a chain a discipline period cut, whose years after it still meet the criteria. */
export const CHAIN_COUNTED_AFTER_DISCIPLINE = 'CHAIN_COUNTED_AFTER_DISCIPLINE';

/** What compiling a criterion needs besides its data. */
interface CompileEnv {
  readonly settings: IssuerSettings;
  readonly lookup: (code: AwardCode) => CompiledAward;
  /** The discipline principle of the rulebook compiled (Decree 98 / 152 Art. 4). */
  readonly disciplineRule: RuleId;
}

/** What a chain criterion found, counting back no further than a floor year. */
interface ChainFinding {
  readonly met: boolean;
  /** The earliest year the finding relied on; after the proposal year when it relied on none. */
  readonly start: number;
}

/**
 * Explains a criterion over a chain of years. Its own reasons count the history as it is, so every figure
 * they give is true. When the issuer restarts chains after a discipline and the chain reaches into a
 * discipline period, a separate reason under the discipline principle says so: failed when the years after
 * the discipline fall short (the verdict of `test`), met when they still suffice.
 */
function explainChain(
  env: CompileEnv,
  k: EligibilityCase,
  out: Reason[],
  test: (k: EligibilityCase) => boolean,
  explainFrom: (floor: number, out: Reason[]) => ChainFinding,
): boolean {
  const floor = chainFloor(env.settings, k.subject, k.proposal.year);
  const whole = explainFrom(0, out);
  if (floor === 0 || whole.start > floor) return whole.met;
  // Fewer years can only meet less: the whole history meets the criterion whenever the years after the floor do.
  const met = test(k);
  const d = findChainBreak(k.subject, k.proposal.year)!;
  const code = met ? CHAIN_COUNTED_AFTER_DISCIPLINE : CHAIN_BROKEN_BY_DISCIPLINE;
  if (!out.some((r) => r.code === code && r.params.year === floor))
    out.push(reason(env.disciplineRule, met, code, { year: floor, form: d.form, from: d.from, to: d.to }));
  return met;
}

export function compileRulebook(book: Rulebook, settings: IssuerSettings): CompiledRulebook {
  const awards = {} as Record<AwardCode, CompiledAward>;
  // Awards refer to each other ("meets the criteria of title T"): compile lazily, once each.
  const lookup = (code: AwardCode): CompiledAward => (awards[code] ??= compileAward(book.awards[code], env));
  const env: CompileEnv = { settings, lookup, disciplineRule: book.disciplineRule };
  for (const code of AWARD_CODES) lookup(code);
  const crossCutting = book.crossCutting.map((c) => compileCrossCutting(c));
  return { id: book.id, crossCutting, crossCuttingTests: crossCutting.filter((c) => !c.alwaysMet), awards };
}

function compileAward(rules: AwardRules, env: CompileEnv): CompiledAward {
  if ('delegated' in rules) return { basis: rules.basis, delegated: true, bySubject: {} };
  const bySubject: Partial<Record<SubjectType, CompiledCriterion[]>> = {};
  // Deferred so that mutually-referring awards do not recurse at compile time.
  const award: CompiledAward = { basis: rules.basis, delegated: false, bySubject };
  for (const type of SUBJECT_TYPES) {
    const list = rules.bySubject[type];
    if (list) bySubject[type] = list.map((c) => compileCriterion(c, env));
  }
  return award;
}

function compileCrossCutting(c: CrossCuttingCriterion): CompiledCriterion {
  const rule = c.rule;
  switch (c.kind) {
    case 'noDisciplineInYear':
      return {
        test: (k) => k.subject.discipline.length === 0 || findDisciplineInYear(k.subject, k.proposal.year) === undefined,
        explain(k, out) {
          const d = findDisciplineInYear(k.subject, k.proposal.year);
          out.push(
            d
              ? reason(rule, false, 'DISCIPLINED_IN_YEAR', { year: k.proposal.year, form: d.form, from: d.from, to: d.to })
              : reason(rule, true, 'NO_DISCIPLINE_IN_YEAR', { year: k.proposal.year }),
          );
          return d === undefined;
        },
      };
    case 'noPendingReview':
      return {
        test: (k) => !k.subject.pendingReview,
        explain(k, out) {
          out.push(reason(rule, !k.subject.pendingReview, k.subject.pendingReview ? 'PENDING_REVIEW' : 'NO_PENDING_REVIEW', {}));
          return !k.subject.pendingReview;
        },
      };
    case 'citedEvidenceUnused':
      return {
        test: (k) => k.proposal.evidence.length === 0 || findUsedEvidence(k) === undefined,
        explain(k, out) {
          if (k.proposal.evidence.length === 0) return true;
          const used = findUsedEvidence(k);
          out.push(
            used
              ? reason(rule, false, 'EVIDENCE_ALREADY_USED', { id: used.id, usedFor: used.usedForAward ?? '' })
              : reason(rule, true, 'CITED_EVIDENCE_UNUSED', { count: k.proposal.evidence.length }),
          );
          return used === undefined;
        },
      };
    case 'maternityLeaveCounts':
      // Never blocks; said only when it applies, so the reader sees the leave was not held against them.
      return {
        alwaysMet: true,
        test: () => true,
        explain(k, out) {
          const leave = k.subject.leaves.length ? findMaternityInYear(k.subject, k.proposal.year) : undefined;
          if (leave) out.push(reason(rule, true, 'MATERNITY_LEAVE_COUNTS', { year: k.proposal.year, from: leave.from, to: leave.to }));
          return true;
        },
      };
  }
}

function compileCriterion(c: Criterion, env: CompileEnv): CompiledCriterion {
  const { settings, lookup } = env;
  switch (c.kind) {
    case 'ratingAtLeast': {
      const min = RATING_RANK[c.min];
      return {
        test: (k) => rankRating(k.subject, k.proposal.year) >= min,
        explain(k, out) {
          const year = k.proposal.year;
          const actual = k.subject.ratings[year];
          const met = rankRating(k.subject, year) >= min;
          out.push(
            actual === undefined
              ? reason(c.rule, false, 'RATING_MISSING', { year, required: c.min })
              : reason(c.rule, met, met ? 'RATING_AT_LEAST' : 'RATING_BELOW', { year, required: c.min, actual }),
          );
          return met;
        },
      };
    }
    case 'meetsTitle': {
      let target: CompiledAward | undefined; // resolved on first use: awards may refer to each other
      const criteriaFor = (k: EligibilityCase) => (target ??= lookup(c.award)).bySubject[k.subject.type];
      return {
        test(k) {
          const list = criteriaFor(k);
          if (!list) return false;
          for (let i = 0; i < list.length; i++) if (!list[i]!.test(k)) return false;
          return true;
        },
        explain(k, out) {
          const list = criteriaFor(k);
          const inner: Reason[] = [];
          let met = list !== undefined;
          if (list) for (const x of list) met = x.explain(k, inner) && met;
          const params = { award: c.award, year: k.proposal.year };
          out.push(reason(c.rule, met, met ? 'MEETS_TITLE_CRITERIA' : 'TITLE_CRITERIA_NOT_MET', params));
          if (!met) for (const r of inner) if (!r.met) out.push(r);
          return met;
        },
      };
    }
    case 'evidence': {
      const minScope = SCOPE_RANK[c.minScope];
      const window = settings.evidenceWindowYears[c.windowOf] ?? 1;
      const fromYear = (k: EligibilityCase, floor: number) => Math.max(k.proposal.year - window + 1, floor + 1);
      const test = (k: EligibilityCase) => {
        if (k.proposal.evidence.length < c.count) return false;
        return countUsableEvidence(k, minScope, fromYear(k, chainFloor(settings, k.subject, k.proposal.year)), k.proposal.year) >= c.count;
      };
      const explainFrom = (k: EligibilityCase, floor: number, out: Reason[]): ChainFinding => {
        const from = fromYear(k, floor);
        const to = k.proposal.year;
        const count = countUsableEvidence(k, minScope, from, to);
        const met = count >= c.count;
        out.push(
          reason(c.rule, met, met ? 'EVIDENCE_FOUND' : 'EVIDENCE_INSUFFICIENT', {
            count,
            required: c.count,
            minScope: c.minScope,
            from,
            to,
          }),
        );
        return { met, start: findEarliestUsableEvidence(k, minScope, from, to) };
      };
      return { test, explain: (k, out) => explainChain(env, k, out, test, (floor, o) => explainFrom(k, floor, o)) };
    }
    case 'titleRun': {
      const shift = c.endSetting && settings[c.endSetting] === 'year-before' ? 1 : 0;
      const measure = (k: EligibilityCase, floor: number) => measureTitleRun(k.subject, c.title, k.proposal.year - shift, floor);
      const test = (k: EligibilityCase) => measure(k, chainFloor(settings, k.subject, k.proposal.year)) >= c.count;
      const explainFrom = (k: EligibilityCase, floor: number, out: Reason[]): ChainFinding => {
        const count = measure(k, floor);
        const met = count >= c.count;
        const end = k.proposal.year - shift;
        out.push(reason(c.rule, met, met ? 'TITLE_RUN_MET' : 'TITLE_RUN_SHORT', { title: c.title, count, required: c.count, end }));
        return { met, start: end - count + 1 };
      };
      return { test, explain: (k, out) => explainChain(env, k, out, test, (floor, o) => explainFrom(k, floor, o)) };
    }
    case 'titleCycles': {
      const cycle = settings.provincialFighterCycleYears;
      // Counts titles back from the proposal year while each earlier one lies within one cycle; the
      // earliest year counted goes to `earliest` when given.
      const measure = (k: EligibilityCase, floor: number, earliest?: { year: number }): number => {
        const s = k.subject;
        let current = k.proposal.year;
        if (!holdsTitle(s, c.title, current)) return 0;
        let n = 1;
        for (;;) {
          let previous = 0;
          for (const t of s.titles)
            if (t.code === c.title && t.year < current && t.year >= current - cycle && t.year > floor && t.year > previous)
              previous = t.year;
          if (previous === 0) {
            if (earliest) earliest.year = current;
            return n;
          }
          n++;
          current = previous;
        }
      };
      const test = (k: EligibilityCase) => measure(k, chainFloor(settings, k.subject, k.proposal.year)) >= c.count;
      const explainFrom = (k: EligibilityCase, floor: number, out: Reason[]): ChainFinding => {
        const earliest = { year: k.proposal.year + 1 };
        const count = measure(k, floor, earliest);
        const met = count >= c.count;
        out.push(
          reason(c.rule, met, met ? 'TITLE_CYCLES_MET' : 'TITLE_CYCLES_SHORT', {
            title: c.title,
            count,
            required: c.count,
            cycle,
            end: k.proposal.year,
          }),
        );
        return { met, start: earliest.year };
      };
      return { test, explain: (k, out) => explainChain(env, k, out, test, (floor, o) => explainFrom(k, floor, o)) };
    }
    case 'claim': {
      const has = (k: EligibilityCase) => k.subject.achievements.includes(c.claim);
      const code = c.code ?? 'CLAIM';
      return {
        test: has,
        explain(k, out) {
          const met = has(k);
          out.push(reason(c.rule, met, met ? `${code}_ASSERTED` : `${code}_NOT_ASSERTED`, { claim: c.claim }));
          return met;
        },
      };
    }
    case 'ratingRun': {
      const min = RATING_RANK[c.min];
      const years = typeof c.years === 'number' ? c.years : settings[c.years];
      const ev = c.evidence;
      const evScope = ev ? SCOPE_RANK[ev.minScope] : 0;
      const measure = (k: EligibilityCase, floor: number) => measureRatingRun(k.subject, min, k.proposal.year, floor);
      const test = (k: EligibilityCase) => {
        const run = measure(k, chainFloor(settings, k.subject, k.proposal.year));
        if (run < years) return false;
        return !ev || countUsableEvidence(k, evScope, k.proposal.year - run + 1, k.proposal.year) >= ev.count;
      };
      const explainFrom = (k: EligibilityCase, floor: number, out: Reason[]): ChainFinding => {
        const run = measure(k, floor);
        const end = k.proposal.year;
        let met = run >= years;
        out.push(reason(c.rule, met, met ? 'RATING_RUN_MET' : 'RATING_RUN_SHORT', { required: c.min, count: run, years, end }));
        if (ev && met) {
          const from = end - run + 1;
          const count = countUsableEvidence(k, evScope, from, end);
          const evMet = count >= ev.count;
          out.push(
            reason(c.rule, evMet, evMet ? 'EVIDENCE_FOUND' : 'EVIDENCE_INSUFFICIENT', {
              count,
              required: ev.count,
              minScope: ev.minScope,
              from,
              to: end,
            }),
          );
          met = evMet;
        }
        return { met, start: end - run + 1 };
      };
      return { test, explain: (k, out) => explainChain(env, k, out, test, (floor, o) => explainFrom(k, floor, o)) };
    }
    case 'grassrootsFighterPair': {
      const ministryReading = settings.art74d_initiativesApplyToGrassrootsFighterBranch;
      const evScope = SCOPE_RANK[c.evidence.minScope];
      const measure = (k: EligibilityCase, floor: number) => measureTitleRun(k.subject, 'CHIEN_SI_THI_DUA_CO_SO', k.proposal.year, floor);
      const test = (k: EligibilityCase) => {
        const run = measure(k, chainFloor(settings, k.subject, k.proposal.year));
        if (run < 2) return false;
        return !ministryReading || countUsableEvidence(k, evScope, k.proposal.year - run + 1, k.proposal.year) >= c.evidence.count;
      };
      const { rule, evidence } = c;
      const explainFrom = (k: EligibilityCase, floor: number, out: Reason[]): ChainFinding => {
        const run = measure(k, floor);
        const end = k.proposal.year;
        let met = run >= 2;
        out.push(
          reason(rule, met, met ? 'TITLE_RUN_MET' : 'TITLE_RUN_SHORT', {
            title: 'CHIEN_SI_THI_DUA_CO_SO',
            count: run,
            required: 2,
            end,
          }),
        );
        if (met && ministryReading) {
          const from = end - run + 1;
          const count = countUsableEvidence(k, evScope, from, end);
          met = count >= evidence.count;
          out.push(
            reason(rule, met, met ? 'EVIDENCE_FOUND' : 'EVIDENCE_INSUFFICIENT', {
              count,
              required: evidence.count,
              minScope: evidence.minScope,
              from,
              to: end,
            }),
          );
        }
        return { met, start: end - run + 1 };
      };
      return { test, explain: (k, out) => explainChain(env, k, out, test, (floor, o) => explainFrom(k, floor, o)) };
    }
    case 'art74dReading': {
      const code = settings.art74d_initiativesApplyToGrassrootsFighterBranch ? 'ART_74_1D_MINISTRY_READING' : 'ART_74_1D_EITHER_OR_READING';
      return {
        test: () => true,
        explain(_k, out) {
          out.push(reason(c.rule, true, code, {}));
          return true;
        },
      };
    }
    case 'meritChain':
      return compileChain(c.rule, c.seedRule, c.prerequisites, env, {
        min: RATING_RANK[c.min],
        years: c.years,
        htxsYears: c.htxsYears,
        titleGroups: [{ codes: [c.titles.code], count: c.titles.count }],
        anyGroup: false,
      });
    case 'collectiveChain': {
      const s = settings[c.setting];
      const groups: Array<ChainSpec['titleGroups'][number]> = [];
      if (s.flags > 0) groups.push({ codes: ['CO_THI_DUA_BO_TINH', 'CO_THI_DUA_CHINH_PHU'], count: s.flags });
      if (s.excellentCollectiveTitles > 0) groups.push({ codes: ['TAP_THE_LAO_DONG_XUAT_SAC'], count: s.excellentCollectiveTitles });
      return compileChain(c.rule, c.seedRule, c.prerequisites, env, {
        min: RATING_RANK.HTXS,
        years: s.htxsYears,
        htxsYears: 0,
        titleGroups: groups,
        anyGroup: true,
      });
    }
    case 'memberShare': {
      const { field, percent } = c;
      const holds = (k: EligibilityCase) => {
        if (k.subject.type !== 'collective') return false;
        const m = k.subject.members;
        return m[field] * 100 >= percent * m.total; // integer arithmetic: 14/20 is exactly 70 %
      };
      const code = field === 'advancedWorkers' ? 'ADVANCED_WORKERS_SHARE' : 'COMPLETED_TASKS_SHARE';
      return {
        test: holds,
        explain(k, out) {
          const met = holds(k);
          const m = k.subject.type === 'collective' ? k.subject.members : undefined;
          out.push(reason(c.rule, met, met ? `${code}_MET` : `${code}_BELOW`, { count: m?.[field] ?? 0, total: m?.total ?? 0, percent }));
          return met;
        },
      };
    }
    case 'grassrootsFighterMembers': {
      const holds = (k: EligibilityCase) => k.subject.type === 'collective' && k.subject.members.grassrootsFighters >= c.min;
      return {
        test: holds,
        explain(k, out) {
          const met = holds(k);
          const count = k.subject.type === 'collective' ? k.subject.members.grassrootsFighters : 0;
          out.push(
            reason(c.rule, met, met ? 'GRASSROOTS_FIGHTER_MEMBERS_MET' : 'GRASSROOTS_FIGHTER_MEMBERS_MISSING', { count, required: c.min }),
          );
          return met;
        },
      };
    }
    case 'noMemberWarningDiscipline': {
      const holds = (k: EligibilityCase) => k.subject.type === 'collective' && k.subject.members.disciplinedWarningOrAbove === 0;
      return {
        test: holds,
        explain(k, out) {
          const met = holds(k);
          const count = k.subject.type === 'collective' ? k.subject.members.disciplinedWarningOrAbove : 0;
          out.push(reason(c.rule, met, met ? 'NO_MEMBER_WARNING_DISCIPLINE' : 'MEMBERS_WARNING_DISCIPLINED', { count }));
          return met;
        },
      };
    }
    case 'anyOf': {
      const branches = c.of.map((x) => compileCriterion(x, env));
      return {
        test(k) {
          for (let i = 0; i < branches.length; i++) if (branches[i]!.test(k)) return true;
          return false;
        },
        explain(k, out) {
          // Report the first path that holds. When none does: a path that fails only because a discipline
          // broke its chain, whose reasons name that discipline; otherwise one summary reason.
          let blocked: Reason[] | undefined;
          for (const b of branches) {
            const tmp: Reason[] = [];
            if (b.explain(k, tmp)) {
              out.push(...tmp);
              return true;
            }
            if (!blocked && tmp.some((r) => !r.met) && tmp.every((r) => r.met || r.code === CHAIN_BROKEN_BY_DISCIPLINE)) blocked = tmp;
          }
          if (blocked) out.push(...blocked);
          else out.push(reason(c.rule, false, c.failCode, { year: k.proposal.year }));
          return false;
        },
      };
    }
    case 'allOf': {
      const parts = c.of.map((x) => compileCriterion(x, env));
      return {
        test: (k) => parts.every((p) => p.test(k)),
        explain(k, out) {
          let met = true;
          for (const p of parts) met = p.explain(k, out) && met;
          return met;
        },
      };
    }
    case 'ifSetting':
      return settings[c.setting] ? compileCriterion(c.then, env) : { test: () => true, explain: () => true };
  }
}

interface ChainSpec {
  readonly min: number;
  readonly years: number;
  readonly htxsYears: number;
  readonly titleGroups: readonly { readonly codes: readonly AwardCode[]; readonly count: number }[];
  /** true: any one title group suffices (collective "1 flag or 2 excellent titles"); false: all. */
  readonly anyGroup: boolean;
}

/**
 * A merit chain (Law Arts. 73, 44): a prerequisite award earned on merit, then consecutive years
 * after it up to the proposal year. Ad hoc and thematic awards do not seed it (Decree Art. 4(3)).
 */
function compileChain(
  rule: RuleId,
  seedRule: RuleId,
  prerequisites: readonly AwardCode[],
  env: CompileEnv,
  spec: ChainSpec,
): CompiledCriterion {
  const settings = env.settings;
  /** Year of the earliest merit-based prerequisite before the proposal year, or 0; -1 if only non-merit ones exist. */
  const findSeed = (k: EligibilityCase): number => {
    let best = 0;
    let nonMerit = false;
    const awards = k.subject.awards;
    for (let i = 0; i < awards.length; i++) {
      const a = awards[i]!;
      if (a.year >= k.proposal.year || !prerequisites.includes(a.code)) continue;
      if (NON_MERIT_KINDS.has(a.kind)) nonMerit = true;
      else if (best === 0 || a.year < best) best = a.year;
    }
    return best === 0 && nonMerit ? -1 : best;
  };
  const groupCount = (k: EligibilityCase, codes: readonly AwardCode[], lower: number) => {
    let n = 0;
    for (const code of codes) n += countTitles(k.subject, code, lower, k.proposal.year);
    return n;
  };
  /** Length of the qualifying run after the seed and the floor; the run covers the years end-run+1 … end. */
  const measure = (k: EligibilityCase, seed: number, floor: number) =>
    measureRatingRun(k.subject, spec.min, k.proposal.year, Math.max(seed, floor));
  const titlesOk = (k: EligibilityCase, lower: number) => {
    if (spec.titleGroups.length === 0) return true;
    for (const g of spec.titleGroups) {
      const ok = groupCount(k, g.codes, lower) >= g.count;
      if (spec.anyGroup && ok) return true;
      if (!spec.anyGroup && !ok) return false;
    }
    return !spec.anyGroup;
  };
  const minRating = RATING_BY_RANK[spec.min]!;
  const test = (k: EligibilityCase) => {
    const seed = findSeed(k);
    if (seed <= 0) return false;
    const run = measure(k, seed, chainFloor(settings, k.subject, k.proposal.year));
    if (run < spec.years) return false;
    const lower = k.proposal.year - run;
    if (spec.htxsYears > 0 && countExcellentYears(k.subject, lower, k.proposal.year) < spec.htxsYears) return false;
    return titlesOk(k, lower);
  };
  const explainFrom = (k: EligibilityCase, floor: number, out: Reason[]): ChainFinding => {
    const seed = findSeed(k);
    const end = k.proposal.year;
    if (seed <= 0) {
      out.push(
        seed === -1
          ? reason(seedRule, false, 'PREREQUISITE_NOT_MERIT_BASED', { award: prerequisites[0]! })
          : reason(rule, false, 'PREREQUISITE_MISSING', { award: prerequisites[0]! }),
      );
      return { met: false, start: end + 1 };
    }
    out.push(reason(rule, true, 'PREREQUISITE_HELD', { award: prerequisites[0]!, year: seed }));
    const run = measure(k, seed, floor);
    const lower = end - run;
    let met = run >= spec.years;
    out.push(reason(rule, met, met ? 'CHAIN_YEARS_MET' : 'CHAIN_YEARS_SHORT', { required: minRating, count: run, years: spec.years, end }));
    if (spec.htxsYears > 0) {
      const count = countExcellentYears(k.subject, lower, end);
      const ok = count >= spec.htxsYears;
      out.push(reason(rule, ok, ok ? 'CHAIN_EXCELLENT_YEARS_MET' : 'CHAIN_EXCELLENT_YEARS_SHORT', { count, required: spec.htxsYears }));
      met = ok && met;
    }
    if (spec.titleGroups.length > 0) {
      const groups = spec.titleGroups.map((g) => {
        const count = groupCount(k, g.codes, lower);
        return { g, count, ok: count >= g.count };
      });
      const satisfied = spec.anyGroup ? groups.find((x) => x.ok) : undefined;
      // With alternatives, name the one that holds; otherwise every group that was checked.
      for (const x of satisfied ? [satisfied] : groups) {
        out.push(
          reason(rule, x.ok, x.ok ? 'CHAIN_TITLES_MET' : 'CHAIN_TITLES_SHORT', {
            titles: x.g.codes,
            count: x.count,
            required: x.g.count,
          }),
        );
      }
      met = (spec.anyGroup ? satisfied !== undefined : groups.every((x) => x.ok)) && met;
    }
    return { met, start: lower + 1 };
  };
  return { test, explain: (k, out) => explainChain(env, k, out, test, (floor, o) => explainFrom(k, floor, o)) };
}
