import type { Db, Tx } from '../db/client.ts';
import type {
  AnnualRatingTable,
  AwardReceivedTable,
  DisciplineRecordTable,
  EvidenceItemTable,
  LeaveRecordTable,
  PendingReviewTable,
  UnitYearFiguresTable,
} from '../db/schema.ts';
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

const CHUNK = 5000;

/**
 * Only what the eligibility engine reads (about a third of the bytes of the full rows), for many subjects at once
 * in a handful of queries per 5,000 (a province-wide batch check must not run one query per person).
 */
export interface EngineHistory {
  ratings: Array<Pick<Selectable<AnnualRatingTable>, 'year' | 'rating'>>;
  awards: Array<Pick<Selectable<AwardReceivedTable>, 'award_code' | 'year' | 'kind'>>;
  evidence: Array<Pick<Selectable<EvidenceItemTable>, 'id' | 'evidence_type' | 'year' | 'scope' | 'used_for_award_id'>>;
  discipline: Array<Pick<Selectable<DisciplineRecordTable>, 'form' | 'from_date' | 'to_date'>>;
  reviews: Array<Pick<Selectable<PendingReviewTable>, 'from_date' | 'to_date'>>;
  leaves: Array<Pick<Selectable<LeaveRecordTable>, 'leave_type' | 'from_date' | 'to_date'>>;
  figures: Array<Selectable<UnitYearFiguresTable>>;
}

export async function loadEngineHistories(db: Db | Tx, type: SubjectType, ids: readonly number[]): Promise<Map<number, EngineHistory>> {
  const out = new Map<number, EngineHistory>(
    ids.map((id) => [id, { ratings: [], awards: [], evidence: [], discipline: [], reviews: [], leaves: [], figures: [] }]),
  );
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK) as number[];
    const [ratings, awards, evidence, discipline, reviews, leaves, figures] = await Promise.all([
      db
        .selectFrom('annual_rating')
        .select(['subject_id', 'year', 'rating'])
        .where('subject_type', '=', type)
        .where('subject_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('award_received')
        .select(['subject_id', 'award_code', 'year', 'kind'])
        .where('subject_type', '=', type)
        .where('subject_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('evidence_item')
        .select(['subject_id', 'id', 'evidence_type', 'year', 'scope', 'used_for_award_id'])
        .where('subject_type', '=', type)
        .where('subject_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('discipline_record')
        .select(['subject_id', 'form', 'from_date', 'to_date'])
        .where('subject_type', '=', type)
        .where('subject_id', 'in', chunk)
        .execute(),
      db
        .selectFrom('pending_review')
        .select(['subject_id', 'from_date', 'to_date'])
        .where('subject_type', '=', type)
        .where('subject_id', 'in', chunk)
        .execute(),
      type === 'person'
        ? db
            .selectFrom('leave_record')
            .select(['person_id', 'leave_type', 'from_date', 'to_date'])
            .where('person_id', 'in', chunk)
            .execute()
        : Promise.resolve([]),
      type === 'unit' ? db.selectFrom('unit_year_figures').selectAll().where('unit_id', 'in', chunk).execute() : Promise.resolve([]),
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

/** Everything recorded about one person or collective, newest first, for its records page. */
export async function loadSubjectHistory(db: Db | Tx, type: SubjectType, id: number): Promise<SubjectHistory> {
  const [ratings, awards, evidence, discipline, reviews, leaves, figures] = await Promise.all([
    db
      .selectFrom('annual_rating')
      .selectAll()
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('year', 'desc')
      .execute(),
    db
      .selectFrom('award_received')
      .selectAll()
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('year', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('evidence_item')
      .selectAll()
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('year', 'desc')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('discipline_record')
      .selectAll()
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('from_date', 'desc')
      .execute(),
    db
      .selectFrom('pending_review')
      .selectAll()
      .where('subject_type', '=', type)
      .where('subject_id', '=', id)
      .orderBy('from_date', 'desc')
      .execute(),
    type === 'person'
      ? db.selectFrom('leave_record').selectAll().where('person_id', '=', id).orderBy('from_date', 'desc').execute()
      : Promise.resolve([]),
    type === 'unit'
      ? db.selectFrom('unit_year_figures').selectAll().where('unit_id', '=', id).orderBy('year', 'desc').execute()
      : Promise.resolve([]),
  ]);
  return { ratings, awards, evidence, discipline, reviews, leaves, figures };
}

/** The subject's row with what authorization needs: its authority and (for people) unit. */
export async function findSubject(db: Db | Tx, subjectType: SubjectType, id: number) {
  if (subjectType === 'person') {
    const p = await db
      .selectFrom('person')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .select(['person.id', 'person.authority_id', 'person.unit_id', 'person.gender', 'person.full_name as name', 'unit.unit_type'])
      .where('person.id', '=', id)
      .executeTakeFirst();
    return p ? { ...p, gender: p.gender as string | null, scopeUnitId: p.unit_id } : undefined;
  }
  const u = await db.selectFrom('unit').select(['id', 'authority_id', 'name', 'unit_type']).where('id', '=', id).executeTakeFirst();
  return u ? { ...u, unit_id: u.id, gender: null as string | null, scopeUnitId: u.id } : undefined;
}
export type SubjectRow = NonNullable<Awaited<ReturnType<typeof findSubject>>>;
