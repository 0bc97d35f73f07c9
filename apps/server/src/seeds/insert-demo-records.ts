import type { DisciplineFormCode, LeaveTypeCode, RatingCode } from '@thidua/domain/rulebook/vocabulary.ts';
import type { Tx } from '../db/client.ts';
import { hashString, mulberry32 } from './demo-data.ts';
import { generateRecords } from './demo-records.ts';

interface DemoPersonRow {
  id: number;
  code: string;
  gender: 'female' | 'male';
  unitId: number;
  authorityId: number;
}
interface DemoUnitRow {
  id: number;
  code: string;
  authorityId: number;
}

async function batches<T>(rows: T[], insert: (b: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 500) if (rows.length) await insert(rows.slice(i, i + 500));
}

/** Seven years of history for every demo person, and each collective's ratings and member figures derived from them. */
export async function insertDemoRecords(tx: Tx, people: DemoPersonRow[], units: DemoUnitRow[], currentYear: number): Promise<void> {
  const firstYear = currentYear - 7;
  const ratings: Array<{
    authority_id: number;
    subject_type: string;
    subject_id: number;
    year: number;
    rating: RatingCode;
    decision_ref: null;
  }> = [];
  const discipline: Array<{
    authority_id: number;
    subject_type: string;
    subject_id: number;
    form: DisciplineFormCode;
    from_date: string;
    to_date: string;
    decision_ref: null;
  }> = [];
  const leaves: Array<{ authority_id: number; person_id: number; leave_type: LeaveTypeCode; from_date: string; to_date: string }> = [];
  const figures = new Map<
    string,
    { total: number; advanced: number; completed: number; fighters: number; warned: number; women: number }
  >();
  const fig = (unitId: number, year: number) => {
    const key = `${unitId}:${year}`;
    if (!figures.has(key)) figures.set(key, { total: 0, advanced: 0, completed: 0, fighters: 0, warned: 0, women: 0 });
    return figures.get(key)!;
  };
  for (const p of people) {
    const r = generateRecords(p, firstYear, currentYear);
    const base = { authority_id: p.authorityId, subject_type: 'person', subject_id: p.id };
    for (const x of r.ratings) {
      ratings.push({ ...base, year: x.year, rating: x.rating, decision_ref: null });
      const f = fig(p.unitId, x.year);
      f.total++;
      if (p.gender === 'female') f.women++;
      if (x.rating !== 'KHT') f.completed++;
    }
    for (const d of r.discipline) {
      discipline.push({ ...base, form: d.form, from_date: d.from, to_date: d.to, decision_ref: null });
      if (d.form === 'CANH_CAO') fig(p.unitId, Number(d.from.slice(0, 4))).warned++;
    }
    for (const l of r.leaves)
      leaves.push({ authority_id: p.authorityId, person_id: p.id, leave_type: l.type, from_date: l.from, to_date: l.to });
    for (const t of r.titles) {
      const award = await tx
        .insertInto('award_received')
        .values({ ...base, award_code: t.code, year: t.year, kind: 'CONG_TRANG', decision_number: null, decision_date: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (t.code === 'LAO_DONG_TIEN_TIEN') fig(p.unitId, t.year).advanced++;
      if (t.code === 'CHIEN_SI_THI_DUA_CO_SO') {
        fig(p.unitId, t.year).fighters++;
        const used = r.initiatives.find((i) => i.usedForTitleYear === t.year)!;
        await tx
          .insertInto('evidence_item')
          .values({
            ...base,
            evidence_type: 'INITIATIVE',
            title: used.title,
            year: used.year,
            scope: 'CO_SO',
            recognition_ref: null,
            used_for_award_id: award.id,
          })
          .execute();
      }
    }
    const free = r.initiatives.filter((i) => i.usedForTitleYear === null);
    if (free.length)
      await tx
        .insertInto('evidence_item')
        .values(
          free.map((i) => ({
            ...base,
            evidence_type: 'INITIATIVE',
            title: i.title,
            year: i.year,
            scope: 'CO_SO',
            recognition_ref: null,
            used_for_award_id: null,
          })),
        )
        .execute();
  }
  await batches(ratings, (b) => tx.insertInto('annual_rating').values(b).execute());
  await batches(discipline, (b) => tx.insertInto('discipline_record').values(b).execute());
  await batches(leaves, (b) => tx.insertInto('leave_record').values(b).execute());
  const unitRows = [];
  const unitRatings = [];
  for (const u of units) {
    const rand = mulberry32(hashString(`unit:${u.code}`) >>> 0);
    for (let year = firstYear; year <= currentYear; year++) {
      const f = figures.get(`${u.id}:${year}`);
      if (!f) continue;
      // the year still under review has no titles yet: count those whose rating would earn one
      const advanced = year < currentYear ? f.advanced : Math.round(f.total * 0.85);
      unitRows.push({
        authority_id: u.authorityId,
        unit_id: u.id,
        year,
        total: f.total,
        advanced_workers: Math.min(advanced, f.total),
        completed_tasks: f.completed,
        grassroots_fighters: f.fighters,
        disciplined_warning_or_above: f.warned,
        women: f.women,
      });
      unitRatings.push({
        authority_id: u.authorityId,
        subject_type: 'unit',
        subject_id: u.id,
        year,
        rating: (rand() < 0.4 ? 'HTXS' : 'HTT') as RatingCode,
        decision_ref: null,
      });
    }
  }
  await batches(unitRows, (b) => tx.insertInto('unit_year_figures').values(b).execute());
  await batches(unitRatings, (b) => tx.insertInto('annual_rating').values(b).execute());
}
