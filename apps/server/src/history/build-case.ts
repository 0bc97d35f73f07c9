import type { EligibilityCase, Subject } from '@thidua/domain/eligibility/types.ts';
import { AWARD_BY_CODE, isAwardCode, isGender, type AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { AppError } from '../http/app-error.ts';
import type { EngineHistory, SubjectType } from './subject-history.ts';

/**
 * Stored records → the engine's case. Only evidence not yet used is cited: the proposal may rely on what is still free.
 * A review counts as pending when it is open on the date of consideration.
 */
export function buildCase(
  id: string,
  type: SubjectType,
  gender: string | null,
  h: EngineHistory,
  award: AwardCode,
  year: number,
  date = `${year}-12-31`,
): EligibilityCase {
  const evidence = (kind: string) =>
    h.evidence
      .filter((e) => e.evidence_type === kind)
      .map((e) => ({
        id: String(e.id),
        year: e.year,
        scope: e.scope,
        usedForAward: e.used_for_award_id === null ? null : String(e.used_for_award_id),
      }));
  const base = {
    ratings: Object.fromEntries(h.ratings.map((r) => [r.year, r.rating])),
    titles: h.awards.filter((a) => isTitle(a.award_code)).map((a) => ({ code: a.award_code, year: a.year })),
    awards: h.awards.filter((a) => !isTitle(a.award_code)).map((a) => ({ code: a.award_code, year: a.year, kind: a.kind })),
    initiatives: evidence('INITIATIVE'),
    scienceWorks: evidence('SCIENCE_WORK'),
    discipline: h.discipline.map((d) => ({ form: d.form, from: d.from_date, to: d.to_date })),
    leaves: h.leaves.map((l) => ({ type: l.leave_type, from: l.from_date, to: l.to_date })),
    pendingReview: h.reviews.some((r) => r.from_date <= date && (r.to_date === null || r.to_date >= date)),
    achievements: [],
  };
  let subject: Subject;
  if (type === 'person') {
    // a person's gender decides priority among equals in the quota ranking: never guess it
    if (!isGender(gender))
      throw new AppError('VALIDATION_FAILED', { id }, [{ path: `person.${id}.gender`, key: 'gender_unknown', params: { id } }]);
    subject = { type: 'individual', gender, ...base };
  } else {
    const f = h.figures.find((x) => x.year === year);
    subject = {
      type: 'collective',
      members: {
        total: f?.total ?? 0,
        advancedWorkers: f?.advanced_workers ?? 0,
        completedTasks: f?.completed_tasks ?? 0,
        grassrootsFighters: f?.grassroots_fighters ?? 0,
        disciplinedWarningOrAbove: f?.disciplined_warning_or_above ?? 0,
      },
      ...base,
    };
  }
  const free = h.evidence.filter((e) => e.used_for_award_id === null).map((e) => String(e.id));
  return { id, proposal: { award, year, date, evidence: free }, subject };
}

const isTitle = (code: string) => isAwardCode(code) && AWARD_BY_CODE[code].category === 'TITLE';
