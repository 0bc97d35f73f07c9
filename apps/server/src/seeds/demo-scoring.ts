import {
  CLUSTER_17_CRITERIA_2022,
  CLUSTER_17_SETTINGS_2022,
  CLUSTER_17_SHEETS_2022,
  CLUSTER_17_TIE_BREAKS_2022,
} from '@thidua/domain/scoring/test-fixtures.ts';
import { DEFAULT_ROUND_SETTINGS, type CriteriaSet, type RoundSettings, type RoundState, type ScoreSheet } from '@thidua/domain';
import type { TxContext } from '../db/transaction.ts';
import { sheetTotal, toStored } from '../features/scoring/sheet-storage.ts';

/**
 * A mid-year table shaped like HCMC's 100-point frame for emulation work (spec §6.3 Example A; its eighth, truncated
 * item taken as 10 points) with HCMC's bonuses for a flag received (Example B: +10, +15), one penalty and the usual
 * knock-out conditions. Wording and methods are ILLUSTRATIVE.
 */
export const EXAMPLE_A_TABLE: Omit<CriteriaSet, 'year' | 'period' | 'version'> = {
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Tổ chức phong trào thi đua',
      items: [
        {
          code: '01',
          text: 'Phân chia cụm, khối thi đua trực thuộc; gửi đăng ký thi đua bằng văn bản đúng hạn',
          maxPoints: 10,
          method: 'binary',
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '02',
          text: 'Thực hiện nội dung giao ước thi đua; tham gia hoạt động của cụm, khối',
          maxPoints: 10,
          method: 'graded',
          levels: [0, 5, 8, 10],
          evidenceRequired: false,
          kind: 'regular',
        },
        {
          code: '03',
          text: 'Có chương trình, kế hoạch phát động phong trào thi đua (kể cả thi đua theo đợt); sơ kết, tổng kết',
          maxPoints: 20,
          method: 'manual',
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '04',
          text: 'Kiểm tra, tự kiểm tra công tác thi đua, khen thưởng; báo cáo kết quả đúng hạn',
          maxPoints: 10,
          method: 'graded',
          levels: [0, 5, 10],
          evidenceRequired: false,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'II',
      title: 'Báo cáo, điển hình và khen thưởng',
      items: [
        {
          code: '05',
          text: 'Báo cáo 6 tháng, năm đầy đủ, đúng hạn; dự hội nghị đúng thành phần',
          maxPoints: 10,
          method: 'binary',
          evidenceRequired: false,
          kind: 'regular',
        },
        {
          code: '06',
          text: 'Xây dựng mô hình, nhân rộng điển hình tiên tiến có hiệu quả thực tế',
          maxPoints: 10,
          method: 'manual',
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '07',
          text: 'Khen thưởng đúng quy định, kịp thời, hồ sơ đúng thủ tục',
          maxPoints: 20,
          method: 'manual',
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '08',
          text: 'Tuyên truyền, phổ biến các phong trào thi đua',
          maxPoints: 10,
          method: 'graded',
          levels: [0, 5, 10],
          evidenceRequired: false,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'III',
      title: 'Điểm cộng, điểm trừ',
      items: [
        {
          code: 'C1',
          text: 'Được tặng Cờ thi đua của tỉnh hoặc của bộ, ngành',
          maxPoints: 10,
          method: 'binary',
          evidenceRequired: true,
          kind: 'bonus',
        },
        { code: 'C2', text: 'Được tặng Cờ thi đua của Chính phủ', maxPoints: 15, method: 'binary', evidenceRequired: true, kind: 'bonus' },
        {
          code: 'T1',
          text: 'Gửi báo cáo, hồ sơ chậm so với quy định (trừ 1 điểm mỗi lần)',
          maxPoints: 5,
          method: 'manual',
          evidenceRequired: false,
          kind: 'penalty',
        },
      ],
    },
  ],
  knockOuts: [
    { code: 'L1', text: 'Vi phạm pháp luật nghiêm trọng trong kỳ' },
    { code: 'L2', text: 'Lãnh đạo đơn vị bị kỷ luật trong kỳ' },
    { code: 'L3', text: 'Đang bị thanh tra, kiểm tra có dấu hiệu vi phạm' },
  ],
};

interface DemoRound {
  clusterId: number;
  authorityId: number;
  year: number;
  period: 'H1' | 'FY';
  table: Omit<CriteriaSet, 'year' | 'period' | 'version'>;
  settings: RoundSettings;
  state: RoundState;
  sheets: ReadonlyArray<
    Omit<ScoreSheet, 'unit' | 'scorer' | 'entries'> & {
      entries: ReadonlyArray<{ item: string; points: number }>;
      unitId: number;
      scorerUnitId: number;
    }
  >;
}

/** A round written as it stands, with the history of its table, its stages and its sheets. */
async function insertRound(ctx: TxContext, r: DemoRound): Promise<void> {
  const { tx } = ctx;
  const set = await tx
    .insertInto('criteria_set')
    .values({
      authority_id: r.authorityId,
      cluster_id: r.clusterId,
      year: r.year,
      period: r.period,
      version: 1,
      content: JSON.stringify({ groups: r.table.groups, knockOuts: r.table.knockOuts, maxTotal: r.table.maxTotal }),
      round_state: r.state,
      settings: JSON.stringify(r.settings),
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const ref = { criteriaSetId: set.id, year: r.year, period: r.period, version: 1 };
  const criteria: CriteriaSet = { ...r.table, year: r.year, period: r.period, version: 1 };
  const cluster = { entityType: 'cluster' as const, entityId: r.clusterId };
  const items = r.table.groups.reduce((n, g) => n + g.items.length, 0);
  ctx.audit({ type: 'CRITERIA_SAVED', ...cluster, data: { ...ref, created: true, items, maxTotal: r.table.maxTotal } }, r.authorityId);
  if (r.state !== 'draft') ctx.audit({ type: 'CRITERIA_ROUND_OPENED', ...cluster, data: ref }, r.authorityId);
  const states: RoundState[] = ['self', 'cross', 'review', 'closed'];
  for (let i = 1; i <= states.indexOf(r.state); i++)
    ctx.audit({ type: 'ROUND_ADVANCED', ...cluster, data: { ...ref, from: states[i - 1]!, to: states[i]! } }, r.authorityId);
  for (const s of r.sheets) {
    const row = await tx
      .insertInto('score_sheet')
      .values({
        criteria_set_id: set.id,
        authority_id: r.authorityId,
        unit_id: s.unitId,
        scorer_unit_id: s.scorerUnitId,
        stage: s.stage,
        points: toStored(criteria, s.entries).points,
        status: s.submittedAt ? 'submitted' : 'draft',
        submitted_at: s.submittedAt ? new Date(s.submittedAt) : null,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ctx.audit(
      {
        type: s.submittedAt ? 'SCORE_SHEET_SUBMITTED' : 'SCORE_SHEET_SAVED',
        ...cluster,
        data: {
          ...ref,
          sheetId: row.id,
          stage: s.stage,
          unitId: s.unitId,
          scorerUnitId: s.scorerUnitId,
          entries: s.entries.length,
          total: sheetTotal(s.entries),
        },
      },
      r.authorityId,
    );
  }
}

/**
 * The demo's scoring rounds:
 * - Cluster No. 17, year 2022, year-end: closed, every self and cross sheet in, ranked Tổng Công ty CP Hợp Lực first,
 *   Công ty TNHH Hatuba second, Công ty CP Dạ Lan third as the seed reports (table, scores and dates ILLUSTRATIVE);
 * - Cluster No. 18, year 2024, mid-year: self-scoring after its deadline of 20 July, late sheets taken, with some
 *   members' sheets still missing (as on 24 July 2024) — Lam Sơn's among them, for its officer to enter.
 */
export async function loadDemoScoring(
  ctx: TxContext,
  ids: { cluster: (code: string) => number; unit: (code: string) => number; th: number },
) {
  const unit = (code: string) => ids.unit(code);
  await insertRound(ctx, {
    clusterId: ids.cluster('TH-CUM17'),
    authorityId: ids.th,
    year: 2022,
    period: 'FY',
    table: CLUSTER_17_CRITERIA_2022,
    settings: {
      ...DEFAULT_ROUND_SETTINGS,
      ...CLUSTER_17_SETTINGS_2022,
      missingCross: 'self',
      tieBreaks: [...CLUSTER_17_TIE_BREAKS_2022],
      deadlines: { self: '2023-01-10', cross: '2023-01-31' },
    },
    state: 'closed',
    sheets: CLUSTER_17_SHEETS_2022.map((s) => ({ ...s, entries: s.entries ?? [], unitId: unit(s.unit), scorerUnitId: unit(s.scorer) })),
  });

  const c18 = await ctx.tx
    .selectFrom('cluster_membership')
    .innerJoin('unit', 'unit.id', 'cluster_membership.unit_id')
    .select(['unit.id', 'unit.code'])
    .where('cluster_membership.cluster_id', '=', ids.cluster('TH-CUM18'))
    .where('cluster_membership.year', '=', 2024)
    .orderBy('unit.code')
    .execute();
  // four members have submitted (two on time, two late), one has a draft; Lam Sơn and the rest have not begun
  const filed = c18.filter((m) => m.code !== 'TH-LAMSON');
  const points = [
    [10, 10, 18, 10, 10, 9, 18, 10, 0, 0, 0],
    [10, 8, 16, 10, 10, 8, 17, 5, 0, 0, -1],
    [10, 8, 17, 5, 10, 8, 18, 10, 0, 0, 0],
    [10, 10, 15, 10, 0, 7, 16, 5, 0, 0, -2],
    [10, 5, 14, 5, 10, 6, 15, 5, 0, 0, 0],
  ];
  const codes = EXAMPLE_A_TABLE.groups.flatMap((g) => g.items.map((i) => i.code));
  const when = ['2024-07-18T09:30:00+07:00', '2024-07-19T16:10:00+07:00', '2024-07-22T08:45:00+07:00', '2024-07-23T14:20:00+07:00', null];
  await insertRound(ctx, {
    clusterId: ids.cluster('TH-CUM18'),
    authorityId: ids.th,
    year: 2024,
    period: 'H1',
    table: EXAMPLE_A_TABLE,
    settings: { ...DEFAULT_ROUND_SETTINGS, deadlines: { self: '2024-07-20', cross: '2024-07-31' }, acceptLate: true },
    state: 'self',
    sheets: filed.slice(0, points.length).map((m, i) => ({
      unitId: m.id,
      scorerUnitId: m.id,
      stage: 'self' as const,
      entries: codes.map((item, k) => ({ item, points: points[i]![k]! })),
      submittedAt: when[i] ?? null,
    })),
  });
}
