import { evaluateCase, findQuotaPolicy, renderReason, verdictOutcome } from '@thidua/domain/eligibility/index.ts';
import { appliesTo, isUnitType } from '@thidua/domain/rulebook/applicability.ts';
import { selectRulebook } from '@thidua/domain/rulebook/rulebooks.ts';
import type { AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import type { Translate } from '@thidua/i18n';
import type { Db, Tx } from '../../db/client.ts';
import { buildCase } from '../../history/build-case.ts';
import { loadIssuerSettings } from '../../history/issuer-settings.ts';
import { loadEngineHistories } from '../../history/subject-history.ts';
import { checkBatch } from '../../history/check-batch.ts';
import { listQuotaPolicies, toQuotaPolicies } from '../../history/population.ts';
import type { Actor } from '../../access/actor.ts';

interface Recipient {
  subjectType: 'person' | 'unit';
  subjectId: number;
  name: string;
  gender: string | null;
}

/**
 * Each recipient judged for the decision's award and year by the eligibility engine, under the issuer's settings and
 * the rulebook in force at year end, as the batch view judges them. Awards already written by this very decision are
 * left out of its recipients' histories (a decision does not make its own recipients eligible).
 */
export async function judgeRecipients(
  db: Db | Tx,
  t: Translate,
  authorityId: number,
  award: AwardCode,
  year: number,
  recipients: readonly Recipient[],
  documentId: number,
) {
  const date = `${year}-12-31`;
  const { settings } = await loadIssuerSettings(db, authorityId, year);
  const rulebook = selectRulebook(date);
  const out = [];
  for (const type of ['person', 'unit'] as const) {
    const ofType = recipients.filter((r) => r.subjectType === type);
    if (!ofType.length) continue;
    const ids = ofType.map((r) => r.subjectId);
    const histories = await loadEngineHistories(db, type, ids);
    const own = await db
      .selectFrom('award_received')
      .select(['subject_id', 'award_code', 'year'])
      .where('document_id', '=', documentId)
      .where('subject_type', '=', type)
      .execute();
    const unitTypes = new Map(
      (type === 'person'
        ? await db
            .selectFrom('person')
            .innerJoin('unit', 'unit.id', 'person.unit_id')
            .select(['person.id', 'unit.unit_type'])
            .where('person.id', 'in', ids)
            .execute()
        : await db.selectFrom('unit').select(['id', 'unit_type']).where('id', 'in', ids).execute()
      ).map((r) => [r.id, r.unit_type]),
    );
    for (const r of ofType) {
      const history = histories.get(r.subjectId)!;
      const mine = own.filter((a) => a.subject_id === r.subjectId);
      const h = mine.length
        ? { ...history, awards: history.awards.filter((a) => !mine.some((m) => m.award_code === a.award_code && m.year === a.year)) }
        : history;
      const verdict = evaluateCase(buildCase(String(r.subjectId), type, r.gender, h, award, year, date), settings);
      const unitType = unitTypes.get(r.subjectId);
      const who = { type: type === 'person' ? 'individual' : 'collective', unitType: isUnitType(unitType) ? unitType : null } as const;
      out.push({
        subjectType: type,
        subjectId: r.subjectId,
        name: r.name,
        outcome: verdict ? verdictOutcome(verdict) : 'notJudged',
        eligible: verdict?.eligible ?? false,
        applies: appliesTo(award, who),
        reasons: verdict ? verdict.reasons.filter((x) => !x.met).map((x) => renderReason(x, t).message) : [],
      });
    }
  }
  const order = new Map(recipients.map((r, i) => [`${r.subjectType}:${r.subjectId}`, i]));
  out.sort((a, b) => order.get(`${a.subjectType}:${a.subjectId}`)! - order.get(`${b.subjectType}:${b.subjectId}`)!);
  // the council's own judgement (criteria the rulebook leaves to it) does not stand in the way; a failed condition does
  const blocking = out.filter((r) => r.outcome === 'notMet' || r.outcome === 'notJudged' || !r.applies).length;
  return { rulebook: rulebook?.id ?? null, recipients: out, ineligibleCount: blocking };
}

/**
 * The issuer's quota for the award and year (Decree Art. 4 shares, as the batch view computes them over the
 * authority's whole population), what the records already hold of it — awards of other decisions or entered by hand —
 * and what this decision adds. Null when the authority sets no quota for the award.
 */
export async function quotaUsage(
  db: Db,
  actor: Actor,
  t: Translate,
  doc: { id: number; authority_id: number; award_code: AwardCode; year: number },
  thisDecision: number,
) {
  const policies = toQuotaPolicies(await listQuotaPolicies(db, doc.authority_id));
  if (!findQuotaPolicy(policies, String(doc.authority_id), doc.award_code, doc.year)) return null;
  const batch = await checkBatch(db, actor, t, doc.award_code, doc.year, { authorityId: doc.authority_id }, doc.authority_id);
  if (!batch.quota) return null;
  const held = await db
    .selectFrom('award_received')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('authority_id', '=', doc.authority_id)
    .where('award_code', '=', doc.award_code)
    .where('year', '=', doc.year)
    .where((eb) => eb.or([eb('document_id', 'is', null), eb('document_id', '<>', doc.id)]))
    .executeTakeFirstOrThrow();
  const used = Number(held.n);
  const quota = batch.quota.quota;
  return { quota, used, thisDecision, over: used + thisDecision > quota };
}
