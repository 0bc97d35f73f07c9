import {
  computeMerit,
  computeQuota,
  countsTowardQuotaBase,
  orderCandidates,
  quotaStanding,
  type QuotaStanding,
  evaluate,
  findQuotaPolicy,
  isEligible,
  rankCandidates,
} from '@thidua/domain/eligibility/index.ts';
import { AWARD_BY_CODE, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { selectRulebook } from '@thidua/domain/rulebook/rulebooks.ts';
import type { Translate } from '@thidua/i18n';
import type { Actor } from '../access/actor.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../http/app-error.ts';
import { loadEngineHistories, type EngineHistory } from './subject-history.ts';
import { buildCase } from './build-case.ts';
import { loadIssuerSettings } from './issuer-settings.ts';
import { listQuotaPolicies, populationPeople, populationUnitsWithNames, toQuotaPolicies, type Population } from './population.ts';

/** Merit for ranking within a quota, and what it is made of: the year's rating and its initiatives not used yet. */
function merit(h: EngineHistory, year: number) {
  const rating = h.ratings.find((r) => r.year === year)?.rating;
  const initiatives = h.evidence.filter((e) => e.used_for_award_id === null && e.year === year).length;
  return { value: computeMerit(rating, initiatives), rating: rating ?? null, initiatives };
}

/** Subjects loaded and judged at a time. */
const CHUNK = 5_000;

export interface BatchHooks {
  /** Called after each chunk with subjects judged so far; a job records it (and may stop here when cancelled). */
  progress?(done: number, total: number): Promise<void>;
}

type Subject = { id: number; code: string; name: string; unit_name: string } & Record<string, unknown>;
interface Evaluated {
  s: Subject;
  gender: string | null;
  verdict: ReturnType<typeof evaluate>;
  merit: ReturnType<typeof merit>;
  women: { count: number; total: number } | undefined;
}

/** The requested population and the issuer's own, each subject once, in id order. */
function issuerUniverse(...lists: Subject[][]): Subject[] {
  const byId = new Map<number, Subject>();
  for (const list of lists) for (const s of list) if (!byId.has(s.id)) byId.set(s.id, s);
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export async function checkBatch(
  db: Db,
  actor: Actor,
  t: Translate,
  award: AwardCode,
  year: number,
  population: Population,
  quotaAuthorityId: number,
  hooks: BatchHooks = {},
) {
  const date = `${year}-12-31`;
  const { settings } = await loadIssuerSettings(db, quotaAuthorityId, year);
  const rulebook = selectRulebook(date);
  if (!rulebook) throw new AppError('RULEBOOK_NOT_IN_FORCE', { date });
  const type = AWARD_BY_CODE[award].subject === 'collective' ? 'unit' : 'person';
  const load = (scope: typeof actor.scope | null, p: Population) =>
    type === 'person' ? populationPeople(db, scope, p, year) : populationUnitsWithNames(db, scope, p, year);
  // the candidates the caller may see
  const visible = await load(actor.scope, population);

  const policyRows = await listQuotaPolicies(db, quotaAuthorityId);
  const policies = toQuotaPolicies(policyRows);
  const policy = findQuotaPolicy(policies, String(quotaAuthorityId), award, year);
  const policyRow = policy ? policyRows.find((p) => p.award_code === award && p.year === policy.year) : undefined;
  const baseAward = policyRow?.base_award_code ?? null;

  // The quota's base and the ranking belong to the issuer's whole population, whoever asks: judge it all and
  // show the caller only the candidates of its own scope.
  const subjects: Subject[] = policy
    ? await issuerUniverse(visible, await load(null, population), await load(null, { authorityId: quotaAuthorityId }))
    : visible;
  const shown = new Set(visible.map((s) => s.id));

  let base = 0;
  // histories are loaded and judged a chunk at a time: memory stays bounded and a job reports progress between chunks
  const evaluated: Array<Evaluated> = [];
  for (let from = 0; from < subjects.length || from === 0; from += CHUNK) {
    const chunk = subjects.slice(from, from + CHUNK);
    const histories = await loadEngineHistories(
      db,
      type,
      chunk.map((s) => s.id),
    );
    for (const s of chunk) {
      const h = histories.get(s.id)!;
      const gender = 'gender' in s ? (s.gender as string) : null;
      const verdict = evaluate(buildCase(String(s.id), type, gender, h, award, year, date), rulebook, settings);
      if (
        policy &&
        countsTowardQuotaBase(
          baseAward,
          h.awards.some((a) => a.award_code === baseAward && a.year === year),
          () => baseAward !== null && isEligible(buildCase(String(s.id), type, gender, h, baseAward, year, date), rulebook, settings),
        )
      )
        base++;
      const women = type === 'unit' ? h.figures.find((f) => f.year === year) : undefined;
      evaluated.push({
        s,
        gender,
        verdict,
        merit: merit(h, year),
        women: women && women.women !== null ? { count: women.women, total: women.total } : undefined,
      });
    }
    await hooks.progress?.(Math.min(from + CHUNK, subjects.length), subjects.length);
    if (from + CHUNK >= subjects.length) break;
  }
  const eligible = evaluated.filter((e) => e.verdict.eligible);
  const seen = evaluated.filter((e) => shown.has(e.s.id));

  let quota = null;
  const standing = new Map<number, QuotaStanding>();
  const rank = new Map<number, number>();
  const outsideReason = new Map<number, string>();
  const rankAgainst = (limit: number) =>
    rankCandidates(
      eligible.map((e) => ({
        id: String(e.s.id),
        merit: e.merit.value,
        ...(e.gender ? { gender: e.gender as 'female' | 'male' } : {}),
        ...(e.women ? { women: e.women } : {}),
      })),
      limit,
    );
  // without a quota the candidates are still ranked the same way, with room for all
  if (!policy) for (const [id, r] of rankAgainst(eligible.length).rank) rank.set(Number(id), r);
  if (policy) {
    const limit = computeQuota(base, policy);
    const ranking = rankAgainst(limit);
    for (const e of eligible) {
      standing.set(e.s.id, quotaStanding(ranking, String(e.s.id)));
      rank.set(e.s.id, ranking.rank.get(String(e.s.id))!);
    }
    for (const o of ranking.outside)
      if (!ranking.tied.includes(o.id)) outsideReason.set(Number(o.id), t(`eligibility:quota.${o.code}`, o.params));
    if (ranking.tieAtBoundary)
      for (const id of ranking.tied)
        outsideReason.set(Number(id), t('eligibility:quota.TIE_FOR_COUNCIL', { places: ranking.tiedPlaces, tied: ranking.tied.length }));
    quota = {
      ratePercent: policy.ratePercent,
      rounding: policy.rounding,
      minOne: policy.minOne,
      baseAwardCode: baseAward,
      base,
      quota: limit,
      used: ranking.selected.length,
      tieAtBoundary: ranking.tieAtBoundary,
      tiedPlaces: ranking.tiedPlaces,
      tied: ranking.tied.length,
      rule: 'decree-98-2023/art-4',
    };
  }
  const candidates = orderCandidates(
    seen.map((e) => ({
      id: e.s.id,
      code: e.s.code,
      name: e.s.name,
      unitName: e.s.unit_name,
      gender: e.gender,
      merit: e.merit.value,
      meritBasis: { rating: e.merit.rating, initiatives: e.merit.initiatives },
      eligible: e.verdict.eligible,
      rank: rank.get(e.s.id) ?? null,
      standing: standing.get(e.s.id) ?? null,
      withinQuota: e.verdict.eligible && policy ? standing.get(e.s.id) === 'within' : null,
      failed: e.verdict.reasons.filter((r) => !r.met).map((r) => r.code),
      outsideReason: outsideReason.get(e.s.id) ?? null,
    })),
  );
  return {
    award,
    awardName: t(`vocabulary:awards.${award}`),
    year,
    rulebook: rulebook.id,
    considered: seen.length,
    eligibleCount: seen.filter((e) => e.verdict.eligible).length,
    quota,
    candidates,
  };
}
