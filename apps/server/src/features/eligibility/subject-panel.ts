import { AWARDS, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { selectRulebook } from '@thidua/domain/rulebook/rulebooks.ts';
import { evaluateCase, renderReason, verdictOutcome } from '@thidua/domain/eligibility/index.ts';
import { appliesTo, isUnitType } from '@thidua/domain/rulebook/applicability.ts';
import { computeRewardVnd, findBaseSalary } from '@thidua/domain/rulebook/reward.ts';
import type { Translate } from '@thidua/i18n';
import type { Actor } from '../../access/actor.ts';
import { assertCanReadSubject } from '../../access/subject-policy.ts';
import type { Db } from '../../db/client.ts';
import { findSubject, loadEngineHistories, type SubjectType } from '../../history/subject-history.ts';
import { buildCase } from '../../history/build-case.ts';
import { loadIssuerSettings } from '../../history/issuer-settings.ts';

/**
 * Every title and form for a person or collective in a year: gather the records, let the engine judge, render the
 * reasons. Each says whether it is meant for this subject (a person's unit type: armed forces or not; a unit's own).
 */
export async function loadSubjectPanel(db: Db, actor: Actor, t: Translate, subjectType: SubjectType, id: number, year: number) {
  const subject = await findSubject(db, subjectType, id);
  assertCanReadSubject(actor, subjectType, subject, id);
  const history = (await loadEngineHistories(db, subjectType, [id])).get(id)!;
  const kind = subjectType === 'person' ? 'individual' : 'collective';
  const { settings } = await loadIssuerSettings(db, subject.authority_id, year);
  const date = `${year}-12-31`;
  const rulebook = selectRulebook(date);
  const baseSalary = findBaseSalary(date);
  const who = { type: kind, unitType: isUnitType(subject.unit_type) ? subject.unit_type : null } as const;
  const items = AWARDS.filter((a) => a.subject === kind || a.subject === 'any').flatMap((a) => {
    const verdict = evaluateCase(buildCase(String(id), subjectType, subject.gender, history, a.code as AwardCode, year, date), settings);
    if (!verdict) return [];
    const rewardVnd = rulebook && baseSalary !== undefined ? (computeRewardVnd(a.code as AwardCode, rulebook, baseSalary) ?? null) : null;
    return [
      {
        award: a.code,
        awardName: t(`vocabulary:awards.${a.code}`),
        applies: appliesTo(a.code, who),
        eligible: verdict.eligible,
        outcome: verdictOutcome(verdict),
        rewardVnd,
        reasons: verdict.reasons.map((r) => renderReason(r, t)),
      },
    ];
  });
  return { subject: { type: subjectType, id, name: subject.name }, year, rulebook: rulebook?.id ?? null, items };
}
