import type { AwardCode } from '@thidua/domain/rulebook/vocabulary.ts';
import { hashString, mulberry32, type DemoPerson } from './demo-data.ts';

/** Demo histories, so eligibility panels and batch views show real verdicts. Deterministic per person code. */
export interface DemoRecords {
  ratings: Array<{ year: number; rating: 'HTXS' | 'HTT' | 'HT' | 'KHT' }>;
  titles: Array<{ code: AwardCode; year: number }>;
  initiatives: Array<{ year: number; title: string; usedForTitleYear: number | null }>;
  discipline: Array<{ form: 'KHIEN_TRACH' | 'CANH_CAO'; from: string; to: string }>;
  leaves: Array<{ type: 'MATERNITY'; from: string; to: string }>;
}

const INITIATIVE_TOPICS = [
  'Cải tiến quy trình tiếp nhận hồ sơ',
  'Số hóa sổ theo dõi thi đua',
  'Tiết kiệm điện năng trong sản xuất',
  'Nâng cao năng suất dây chuyền',
  'Giảm thất thoát nước tưới',
  'Ứng dụng phần mềm quản lý kho',
  'Chuẩn hóa biểu mẫu báo cáo',
  'An toàn lao động tại phân xưởng',
];

/**
 * Ratings from `firstYear` to `lastYear`; Advanced Worker titles for the years already decided (before `lastYear`);
 * a few initiatives, Grassroots Emulation Fighter titles that used them, a reprimand now and then, maternity leaves.
 */
export function generateRecords(person: Pick<DemoPerson, 'code' | 'gender'>, firstYear: number, lastYear: number): DemoRecords {
  const rand = mulberry32(hashString(`records:${person.code}`) >>> 0);
  const out: DemoRecords = { ratings: [], titles: [], initiatives: [], discipline: [], leaves: [] };
  for (let year = firstYear; year <= lastYear; year++) {
    const r = rand();
    const rating = r < 0.22 ? 'HTXS' : r < 0.9 ? 'HTT' : r < 0.985 ? 'HT' : 'KHT';
    out.ratings.push({ year, rating });
    const hasInitiative = rand() < (rating === 'HTXS' ? 0.45 : 0.08);
    const disciplined = rand() < 0.015;
    if (disciplined)
      out.discipline.push({ form: rand() < 0.8 ? 'KHIEN_TRACH' : 'CANH_CAO', from: `${year}-04-01`, to: `${year + 1}-03-31` });
    if (person.gender === 'female' && rand() < 0.06) out.leaves.push({ type: 'MATERNITY', from: `${year}-03-01`, to: `${year}-08-31` });
    const decided = year < lastYear;
    const advanced = rating === 'HTXS' || rating === 'HTT';
    if (decided && advanced && !disciplined) out.titles.push({ code: 'LAO_DONG_TIEN_TIEN', year });
    if (hasInitiative) {
      const becomesFighter = decided && rating === 'HTXS' && !disciplined && rand() < 0.7;
      out.initiatives.push({
        year,
        title: `${INITIATIVE_TOPICS[Math.floor(rand() * INITIATIVE_TOPICS.length)]} (${year})`,
        usedForTitleYear: becomesFighter ? year : null,
      });
      if (becomesFighter) out.titles.push({ code: 'CHIEN_SI_THI_DUA_CO_SO', year });
    }
  }
  return out;
}
