/**
 * Thanh Hóa Emulation Cluster No. 17, year 2022: the ten members of the seed (report of 11/02/2023), a criteria
 * table, self and cross sheets, and the ranking the seed reports — Tổng Công ty CP Hợp Lực 1st, Công ty TNHH Hatuba
 * 2nd, Công ty CP Dạ Lan 3rd (spec §6.4; apps/server/src/seeds/demo-data.ts).
 *
 * Only the members and the top three are the seed's. The table, every score and every date are ILLUSTRATIVE: the
 * cluster's real table and sheets are not public. No unit is given a bonus, a penalty or a knock-out, since those
 * would state facts about real companies. Shared by the domain tests and, later, the demo loader.
 */
import type { AggregationSettings, ScoreSheet } from './aggregate.ts';
import type { CriteriaSet } from './criteria.ts';
import { scoreFor } from './points.ts';
import type { TieBreak } from './ranking.ts';
import type { ScoringRound } from './round.ts';

/** Codes and short names as in the demo seed. */
export const CLUSTER_17_UNITS = [
  { code: 'TH-HOPLUC', name: 'Tổng Công ty CP Hợp Lực' },
  { code: 'TH-TBVTYT', name: 'Công ty CP Thiết bị vật tư y tế Thanh Hóa' },
  { code: 'TH-DALAN', name: 'Công ty CP Dạ Lan' },
  { code: 'TH-MAILINH', name: 'Công ty TNHH Mai Linh Thanh Hóa' },
  { code: 'TH-G8', name: 'Công ty TNHH Thương mại Công nghệ điện tử tin học G8' },
  { code: 'TH-THIENXUAN', name: 'Công ty Cổ phần Thiện Xuân – Lam Sơn' },
  { code: 'TH-XANGDAU', name: 'Công ty Xăng dầu Thanh Hóa' },
  { code: 'TH-PVOIL', name: 'Công ty Cổ phần Xăng dầu – Dầu khí Thanh Hóa' },
  { code: 'TH-CAOSU', name: 'Công ty TNHH MTV Cao su Thanh Hóa' },
  { code: 'TH-HATUBA', name: 'Công ty TNHH Hatuba' },
] as const;

/** An enterprise block's year-end table after Tiền Giang's groups (§6.3 Example C) and HCMC's bonus (Example B). */
export const CLUSTER_17_CRITERIA_2022: CriteriaSet = {
  version: 1,
  year: 2022,
  period: 'FY',
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Chấp hành pháp luật và nghĩa vụ với Nhà nước',
      items: [
        {
          code: '1.1',
          text: 'Nộp đầy đủ, đúng hạn thuế và các khoản nộp ngân sách',
          maxPoints: 10,
          method: 'binary',
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '1.2',
          text: 'Chấp hành pháp luật về lao động, môi trường, an toàn vệ sinh lao động, phòng cháy chữa cháy',
          maxPoints: 10,
          method: 'graded',
          levels: [0, 5, 8, 10],
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '1.3',
          text: 'Đóng đầy đủ bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp cho người lao động',
          maxPoints: 10,
          method: 'binary',
          evidenceRequired: true,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'II',
      title: 'Sản xuất, kinh doanh và đời sống người lao động',
      items: [
        {
          code: '2.1',
          text: 'Doanh thu so với kế hoạch năm (%)',
          maxPoints: 20,
          method: 'proportional',
          target: 100,
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '2.2',
          text: 'Lợi nhuận so với kế hoạch năm (%)',
          maxPoints: 10,
          method: 'proportional',
          target: 100,
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '2.3',
          text: 'Việc làm, thu nhập ổn định và chăm lo đời sống người lao động',
          maxPoints: 10,
          method: 'manual',
          evidenceRequired: false,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'III',
      title: 'Công tác thi đua, khen thưởng và hoạt động của Cụm',
      items: [
        {
          code: '3.1',
          text: 'Đăng ký thi đua, ký kết giao ước thi đua đúng hạn',
          maxPoints: 5,
          method: 'binary',
          evidenceRequired: false,
          kind: 'regular',
        },
        {
          code: '3.2',
          text: 'Tham gia đầy đủ, tích cực các hoạt động của Cụm',
          maxPoints: 10,
          method: 'manual',
          evidenceRequired: false,
          kind: 'regular',
        },
        {
          code: '3.3',
          text: 'Báo cáo 6 tháng, năm đầy đủ, đúng hạn',
          maxPoints: 5,
          method: 'binary',
          evidenceRequired: false,
          kind: 'regular',
        },
        {
          code: '3.4',
          text: 'Xây dựng, nhân rộng điển hình tiên tiến',
          maxPoints: 10,
          method: 'graded',
          levels: [0, 2.5, 5, 7.5, 10],
          evidenceRequired: true,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'IV',
      title: 'Điểm thưởng, điểm trừ',
      items: [
        {
          code: 'T1',
          text: 'Được tặng Cờ thi đua của UBND tỉnh hoặc của Bộ',
          maxPoints: 10,
          method: 'binary',
          evidenceRequired: true,
          kind: 'bonus',
        },
        { code: 'T2', text: 'Được tặng Cờ thi đua của Chính phủ', maxPoints: 15, method: 'binary', evidenceRequired: true, kind: 'bonus' },
        {
          code: 'D1',
          text: 'Nộp báo cáo, hồ sơ chậm so với quy định (trừ 1 điểm mỗi lần)',
          maxPoints: 5,
          method: 'manual',
          evidenceRequired: false,
          kind: 'penalty',
        },
      ],
    },
  ],
  knockOuts: [
    { code: 'KO1', text: 'Vi phạm pháp luật nghiêm trọng trong năm' },
    { code: 'KO2', text: 'Lãnh đạo đơn vị bị kỷ luật trong năm' },
    { code: 'KO3', text: 'Đang bị thanh tra, kiểm tra, điều tra có dấu hiệu vi phạm' },
  ],
};

export const CLUSTER_17_SETTINGS_2022: AggregationSettings = { weights: { self: 30, cross: 70 }, crossMethod: 'trimmedMean' };
export const CLUSTER_17_TIE_BREAKS_2022: readonly TieBreak[] = ['fullItems', { group: 'II' }, 'fewerPenalties', 'earlierSubmission'];
export const CLUSTER_17_HEAD_2022 = 'TH-HOPLUC';
/** The round once the head has closed it (the summary conference was held on 11/02/2023). */
export const CLUSTER_17_ROUND_2022: ScoringRound = { state: 'closed', deadlines: { self: '2023-01-10', cross: '2023-01-31' } };

/**
 * Each unit's own figures [illustrative]: revenue and profit as % of plan (items 2.1, 2.2, scored by `scoreFor`), then
 * the points of 1.1, 1.2, 1.3, 2.3, 3.1, 3.2, 3.3, 3.4, and the day of January 2023 its self sheet came in.
 */
const FIGURES: Record<string, { revenue: number; profit: number; points: readonly number[]; day: number }> = {
  'TH-HOPLUC': { revenue: 112, profit: 105, points: [10, 10, 10, 9.5, 5, 10, 5, 10], day: 5 },
  'TH-TBVTYT': { revenue: 97, profit: 92, points: [10, 8, 10, 9, 5, 9, 5, 7.5], day: 9 },
  'TH-DALAN': { revenue: 101, profit: 95, points: [10, 10, 10, 9, 5, 9.5, 5, 7.5], day: 6 },
  'TH-MAILINH': { revenue: 95, profit: 90, points: [10, 8, 10, 8.5, 5, 9, 5, 5], day: 10 },
  'TH-G8': { revenue: 90, profit: 85, points: [10, 8, 10, 8.5, 5, 8.5, 5, 5], day: 8 },
  'TH-THIENXUAN': { revenue: 99, profit: 96, points: [10, 10, 10, 9, 5, 9, 5, 7.5], day: 7 },
  'TH-XANGDAU': { revenue: 100, profit: 94, points: [10, 10, 10, 9, 5, 8.5, 5, 7.5], day: 9 },
  'TH-PVOIL': { revenue: 98, profit: 97, points: [10, 8, 10, 9, 5, 9.5, 5, 7.5], day: 10 },
  'TH-CAOSU': { revenue: 93, profit: 88, points: [10, 10, 10, 9, 5, 9, 5, 5], day: 6 },
  'TH-HATUBA': { revenue: 104, profit: 98, points: [10, 10, 10, 9.5, 5, 10, 5, 10], day: 5 },
};

const item = (code: string) => CLUSTER_17_CRITERIA_2022.groups.flatMap((g) => g.items).find((i) => i.code === code)!;
const computed = (code: string, achieved: number) => {
  const r = scoreFor(item(code), achieved);
  if (!r.ok) throw new Error(`fixture: ${code}`);
  return r.value;
};

/** A unit's sheet as `scorer` sees it: the scorers check the figures; some take half a point off 2.3 or 3.2, or a level off 3.4. */
function entries(unit: string, scorer: string) {
  const f = FIGURES[unit]!;
  const [p11, p12, p13, p23, p31, p32, p33, p34] = f.points as [number, number, number, number, number, number, number, number];
  const u = CLUSTER_17_UNITS.findIndex((x) => x.code === unit);
  const s = CLUSTER_17_UNITS.findIndex((x) => x.code === scorer);
  const strict = scorer !== unit && (u + s) % 4 === 0;
  const levelOff = scorer !== unit && (3 * u + s) % 5 === 0 && p34 > 0;
  return [
    { item: '1.1', points: p11 },
    { item: '1.2', points: p12 },
    { item: '1.3', points: p13 },
    { item: '2.1', points: computed('2.1', f.revenue) },
    { item: '2.2', points: computed('2.2', f.profit) },
    { item: '2.3', points: strict ? p23 - 0.5 : p23 },
    { item: '3.1', points: p31 },
    { item: '3.2', points: strict ? p32 - 0.5 : p32 },
    { item: '3.3', points: p33 },
    { item: '3.4', points: levelOff ? p34 - 2.5 : p34 },
    { item: 'T1', points: 0 },
    { item: 'T2', points: 0 },
    { item: 'D1', points: 0 },
  ];
}

/** Every self sheet and every cross sheet (each member on each other member). */
export const CLUSTER_17_SHEETS_2022: readonly ScoreSheet[] = CLUSTER_17_UNITS.flatMap(({ code: unit }) => [
  {
    unit,
    scorer: unit,
    stage: 'self' as const,
    entries: entries(unit, unit),
    submittedAt: `2023-01-${String(FIGURES[unit]!.day).padStart(2, '0')}T16:00:00+07:00`,
  },
  ...CLUSTER_17_UNITS.filter((s) => s.code !== unit).map(({ code: scorer }) => ({
    unit,
    scorer,
    stage: 'cross' as const,
    entries: entries(unit, scorer),
    submittedAt: '2023-01-30T16:00:00+07:00',
  })),
]);

/** The leading units the seed reports, in order. */
export const CLUSTER_17_LEADING_2022 = ['TH-HOPLUC', 'TH-HATUBA', 'TH-DALAN'] as const;
