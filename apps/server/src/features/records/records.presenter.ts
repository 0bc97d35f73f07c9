import type { SubjectHistory, SubjectRow, SubjectType } from '../../history/subject-history.ts';

export function presentHistory(type: SubjectType, s: SubjectRow, h: SubjectHistory, abilities: { editRecords: boolean }) {
  return {
    subject: { type, id: s.id, name: s.name, abilities },
    ratings: h.ratings.map((r) => ({ year: r.year, rating: r.rating, decisionRef: r.decision_ref })),
    awards: h.awards.map((a) => ({
      id: a.id,
      awardCode: a.award_code,
      year: a.year,
      kind: a.kind,
      decisionNumber: a.decision_number,
      decisionDate: a.decision_date,
      evidenceIds: h.evidence.filter((e) => e.used_for_award_id === a.id).map((e) => e.id),
    })),
    evidence: h.evidence.map((e) => ({
      id: e.id,
      evidenceType: e.evidence_type,
      title: e.title,
      year: e.year,
      scope: e.scope,
      recognitionRef: e.recognition_ref,
      usedForAwardId: e.used_for_award_id,
    })),
    discipline: h.discipline.map((d) => ({ id: d.id, form: d.form, from: d.from_date, to: d.to_date, decisionRef: d.decision_ref })),
    leaves: h.leaves.map((l) => ({ id: l.id, leaveType: l.leave_type, from: l.from_date, to: l.to_date })),
    reviews: h.reviews.map((r) => ({ id: r.id, reviewType: r.review_type, from: r.from_date, to: r.to_date, note: r.note })),
    figures: h.figures.map((f) => ({
      year: f.year,
      total: f.total,
      advancedWorkers: f.advanced_workers,
      completedTasks: f.completed_tasks,
      grassrootsFighters: f.grassroots_fighters,
      disciplinedWarningOrAbove: f.disciplined_warning_or_above,
      women: f.women,
    })),
  };
}
