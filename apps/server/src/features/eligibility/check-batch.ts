import {
  computeMerit,
  computeQuota,
  countsTowardQuotaBase,
  orderCandidates,
  evaluate,
  findQuotaPolicy,
  isEligible,
  rankCandidates,
  type QuotaPolicy,
} from '@thidua/domain/eligibility/index.ts';
import { AWARD_BY_CODE, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { selectRulebook } from '@thidua/domain/rulebook/rulebooks.ts';
import type { Translate } from '@thidua/i18n';
import type { Actor } from '../../access/actor.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/app-error.ts';
import { loadEngineHistories, type EngineHistory } from '../../history/subject-history.ts';
import { buildCase } from './build-case.ts';
import { loadIssuerSettings } from './issuer-settings.ts';
import { listQuotaPolicies, populationPeople, populationUnitsWithNames, type Population } from './eligibility.queries.ts';

function merit(h: EngineHistory, year: number): number {
  return computeMerit(
    h.ratings.find((r) => r.year === year)?.rating,
    h.evidence.filter((e) => e.used_for_award_id === null && e.year === year).length,
  );
}

/** Subjects loaded and judged at a time. */
const CHUNK = 5_000;

export interface BatchHooks {
  /** Called after each chunk with subjects judged so far; a job records it (and may stop here when cancelled). */
  progress?(done: number, total: number): Promise<void>;
}

type Subject = { id: number; name: string; unit_name: string } & Record<string, unknown>;
interface Evaluated {
  s: Subject;
  gender: string | null;
  verdict: ReturnType<typeof evaluate>;
  merit: number;
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
  const policies: QuotaPolicy[] = policyRows.map((p) => ({
    authority: String(p.authority_id),
    year: p.year,
    award: p.award_code,
    ratePercent: Number(p.rate_percent),
    rounding: p.rounding,
    minOne: p.min_one,
  }));
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
  const within = new Map<number, boolean>();
  const outsideReason = new Map<number, string>();
  if (policy) {
    const limit = computeQuota(base, policy);
    const ranking = rankCandidates(
      eligible.map((e) => ({
        id: String(e.s.id),
        merit: e.merit,
        ...(e.gender ? { gender: e.gender as 'female' | 'male' } : {}),
        ...(e.women ? { women: e.women } : {}),
      })),
      limit,
    );
    for (const id of ranking.selected) within.set(Number(id), true);
    for (const o of ranking.outside) {
      within.set(Number(o.id), false);
      outsideReason.set(Number(o.id), t(`eligibility:quota.${o.code}`, o.params));
    }
    quota = {
      ratePercent: policy.ratePercent,
      rounding: policy.rounding,
      minOne: policy.minOne,
      baseAwardCode: baseAward,
      base,
      quota: limit,
      used: ranking.selected.length,
      tieAtBoundary: ranking.tieAtBoundary,
      rule: 'decree-98-2023/art-4',
    };
  }
  const candidates = orderCandidates(
    seen.map((e) => ({
      id: e.s.id,
      name: e.s.name,
      unitName: e.s.unit_name,
      gender: e.gender,
      merit: e.merit,
      eligible: e.verdict.eligible,
      withinQuota: e.verdict.eligible && policy ? (within.get(e.s.id) ?? false) : null,
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
