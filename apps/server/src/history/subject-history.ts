import type { Db, Tx } from '../db/client.ts';
import type { AnnualRatingTable, AwardReceivedTable, DisciplineRecordTable, EvidenceItemTable, LeaveRecordTable, PendingReviewTable, UnitYearFiguresTable } from '../db/schema.ts';
import type { Selectable } from 'kysely';

export type SubjectType = 'person' | 'unit';

export interface SubjectHistory {
  ratings: Selectable<AnnualRatingTable>[];
  awards: Selectable<AwardReceivedTable>[];
  evidence: Selectable<EvidenceItemTable>[];
  discipline: Selectable<DisciplineRecordTable>[];
  reviews: Selectable<PendingReviewTable>[];
  leaves: Selectable<LeaveRecordTable>[];
  figures: Selectable<UnitYearFiguresTable>[];
}

const empty = (): SubjectHistory => ({ ratings: [], awards: [], evidence: [], discipline: [], reviews: [], leaves: [], figures: [] });
const CHUNK = 5000;

/**
 * Everything recorded about many people or collectives, in a handful of queries per 5,000 subjects
 * (a province-wide batch check must not run one query per person). Shared by the records and eligibility features.
 */
export async function loadHistories(db: Db | Tx, type: SubjectType, ids: readonly number[]): Promise<Map<number, SubjectHistory>> {
  const out = new Map<number, SubjectHistory>(ids.map((id) => [id, empty()]));
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK) as number[];
    const [ratings, awards, evidence, discipline, reviews, leaves, figures] = await Promise.all([
      db.selectFrom('annual_rating').selectAll().where('subject_type', '=', type).where('subject_id', 'in', chunk).orderBy('year', 'desc').execute(),
      db.selectFrom('award_received').selectAll().where('subject_type', '=', type).where('subject_id', 'in', chunk).orderBy('year', 'desc').orderBy('id', 'desc').execute(),
      db.selectFrom('evidence_item').selectAll().where('subject_type', '=', type).where('subject_id', 'in', chunk).orderBy('year', 'desc').orderBy('id').execute(),
      db.selectFrom('discipline_record').selectAll().where('subject_type', '=', type).where('subject_id', 'in', chunk).orderBy('from_date', 'desc').execute(),
      db.selectFrom('pending_review').selectAll().where('subject_type', '=', type).where('subject_id', 'in', chunk).orderBy('from_date', 'desc').execute(),
      type === 'person' ? db.selectFrom('leave_record').selectAll().where('person_id', 'in', chunk).orderBy('from_date', 'desc').execute() : Promise.resolve([]),
      type === 'unit' ? db.selectFrom('unit_year_figures').selectAll().where('unit_id', 'in', chunk).orderBy('year', 'desc').execute() : Promise.resolve([]),
    ]);
    for (const r of ratings) out.get(r.subject_id)!.ratings.push(r);
    for (const r of awards) out.get(r.subject_id)!.awards.push(r);
    for (const r of evidence) out.get(r.subject_id)!.evidence.push(r);
    for (const r of discipline) out.get(r.subject_id)!.discipline.push(r);
    for (const r of reviews) out.get(r.subject_id)!.reviews.push(r);
    for (const r of leaves) out.get(r.person_id)!.leaves.push(r);
    for (const r of figures) out.get(r.unit_id)!.figures.push(r);
  }
  return out;
}

export async function loadSubjectHistory(db: Db | Tx, type: SubjectType, id: number): Promise<SubjectHistory> {
  return (await loadHistories(db, type, [id])).get(id)!;
}

/** The subject's row with what authorization needs: its authority and (for people) unit. */
export async function findSubject(db: Db | Tx, subjectType: SubjectType, id: number) {
  if (subjectType === 'person') {
    const p = await db.selectFrom('person').select(['id', 'authority_id', 'unit_id', 'gender', 'full_name as name']).where('id', '=', id).executeTakeFirst();
    return p ? { ...p, gender: p.gender as string | null, scopeUnitId: p.unit_id } : undefined;
  }
  const u = await db.selectFrom('unit').select(['id', 'authority_id', 'name']).where('id', '=', id).executeTakeFirst();
  return u ? { ...u, unit_id: u.id, gender: null as string | null, scopeUnitId: u.id } : undefined;
}
export type SubjectRow = NonNullable<Awaited<ReturnType<typeof findSubject>>>;
