// Domain spec §8 (shared/domain/emulation-and-commendation.md), one row per example and variant.
// Examples 19–22 and 24 (council quorum, comment window, consultation, numbering, rotation) belong
// to the voting, dates, documents and clusters modules.
import { describe, expect, it } from 'vitest';
import { LAW_06_2022_DECREE_98_2023 } from '../rulebook/rulebooks.ts';
import { computeRewardVnd } from '../rulebook/reward.ts';
import { defineIssuerSettings, type IssuerSettings } from '../rulebook/settings.ts';
import type { AwardCode } from '../rulebook/vocabulary.ts';
import { computeRequiredServiceMonths } from './long-service.ts';
import { computeQuota, rankCandidates } from './quota.ts';
import { collective, initiative, judge, person, proposal, ratings, titles, type RawSubject } from './test-builders.ts';

const EITHER_OR = defineIssuerSettings({ art74d_initiativesApplyToGrassrootsFighterBranch: false });
const YEAR_BEFORE = defineIssuerSettings({ provincialFighterChainEnds: 'year-before' });
const NO_RESTART = defineIssuerSettings({ disciplineRestartsChains: false });

interface Row {
  name: string;
  proposal: Record<string, unknown>;
  subject: RawSubject;
  eligible: boolean;
  settings?: IssuerSettings;
  /** A reason code the verdict must contain (with its met flag). */
  reason?: [code: string, met: boolean];
}

const CSTDCS = 'CHIEN_SI_THI_DUA_CO_SO';
const pmChainSubject = (seedKind: string, ratingList: readonly string[]) =>
  person({
    ratings: ratings(2018, ratingList),
    awards: [{ code: 'BANG_KHEN_BO_TINH', year: 2017, kind: seedKind }],
    titles: titles(CSTDCS, [2019, 2021, 2024]),
  });

const rows: Row[] = [
  // 1. CSTĐ cơ sở via the HTXS path.
  {
    name: '1 HTXS, no initiative → Grassroots Fighter',
    proposal: proposal(CSTDCS, 2024),
    subject: person({ ratings: { 2024: 'HTXS' } }),
    eligible: true,
    reason: ['RATING_AT_LEAST', true],
  },
  {
    name: '1 HTT, no initiative → not',
    proposal: proposal(CSTDCS, 2024),
    subject: person({ ratings: { 2024: 'HTT' } }),
    eligible: false,
    reason: ['GRASSROOTS_FIGHTER_NO_PATH', false],
  },
  // 2. Via the initiative path.
  {
    name: '2 HTT + unused grassroots initiative cited → Grassroots Fighter',
    proposal: proposal(CSTDCS, 2024, { evidence: ['K'] }),
    subject: person({ ratings: { 2024: 'HTT' }, initiatives: [initiative('K', 2024)] }),
    eligible: true,
    reason: ['EVIDENCE_FOUND', true],
  },
  {
    name: '2 the initiative exists but is not cited → not',
    proposal: proposal(CSTDCS, 2024),
    subject: person({ ratings: { 2024: 'HTT' }, initiatives: [initiative('K', 2024)] }),
    eligible: false,
  },
  // 3. One initiative, one use.
  {
    name: '3 certificate of merit citing K already used for the 2024 Grassroots Fighter → rejected',
    proposal: proposal('BANG_KHEN_BO_TINH', 2025, { evidence: ['K', 'K2'] }),
    subject: person({
      ratings: { 2024: 'HTXS', 2025: 'HTXS' },
      initiatives: [initiative('K', 2024, 'CO_SO', 'CSTDCS-2024'), initiative('K2', 2025)],
    }),
    eligible: false,
    reason: ['EVIDENCE_ALREADY_USED', false],
  },
  {
    name: '3 same with K unused → eligible (control)',
    proposal: proposal('BANG_KHEN_BO_TINH', 2025, { evidence: ['K', 'K2'] }),
    subject: person({ ratings: { 2024: 'HTXS', 2025: 'HTXS' }, initiatives: [initiative('K', 2024), initiative('K2', 2025)] }),
    eligible: true,
  },
  // 4. Ministry/provincial fighter chain (considered in 2024 for the 2023 achievements).
  {
    name: '4 CSTĐCS 2021–2023 + provincial-scope initiative → provincial fighter',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2023, { date: '2024-03-01', evidence: ['P'] }),
    subject: person({ titles: titles(CSTDCS, [2021, 2022, 2023]), initiatives: [initiative('P', 2023, 'BO_TINH')] }),
    eligible: true,
    reason: ['TITLE_RUN_MET', true],
  },
  {
    name: '4 CSTĐCS 2021, 2023, 2024 (2022 missing) → not 3 consecutive',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2024, { evidence: ['P'] }),
    subject: person({ titles: titles(CSTDCS, [2021, 2023, 2024]), initiatives: [initiative('P', 2024, 'BO_TINH')] }),
    eligible: false,
    reason: ['TITLE_RUN_SHORT', false],
  },
  {
    name: '4 CSTĐCS 2021–2023 but initiative of grassroots scope only → not',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2023, { date: '2024-03-01', evidence: ['P'] }),
    subject: person({ titles: titles(CSTDCS, [2021, 2022, 2023]), initiatives: [initiative('P', 2023, 'CO_SO')] }),
    eligible: false,
    reason: ['EVIDENCE_INSUFFICIENT', false],
  },
  {
    name: '4 issuer considers the year after the third title: proposal 2024 on titles 2021–2023',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2024, { evidence: ['P'] }),
    subject: person({ titles: titles(CSTDCS, [2021, 2022, 2023]), initiatives: [initiative('P', 2024, 'BO_TINH')] }),
    settings: YEAR_BEFORE,
    eligible: true,
  },
  {
    name: '4 same proposal under the default (same-year) setting → not',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2024, { evidence: ['P'] }),
    subject: person({ titles: titles(CSTDCS, [2021, 2022, 2023]), initiatives: [initiative('P', 2024, 'BO_TINH')] }),
    eligible: false,
  },
  // 5. National fighter chain.
  {
    name: '5 provincial fighter in 2 consecutive cycles + nationwide initiative → national fighter',
    proposal: proposal('CHIEN_SI_THI_DUA_TOAN_QUOC', 2024, { evidence: ['N'] }),
    subject: person({ titles: titles('CHIEN_SI_THI_DUA_BO_TINH', [2021, 2024]), initiatives: [initiative('N', 2024, 'TOAN_QUOC')] }),
    eligible: true,
    reason: ['TITLE_CYCLES_MET', true],
  },
  {
    name: '5 same with a province-scope initiative only → not',
    proposal: proposal('CHIEN_SI_THI_DUA_TOAN_QUOC', 2024, { evidence: ['N'] }),
    subject: person({ titles: titles('CHIEN_SI_THI_DUA_BO_TINH', [2021, 2024]), initiatives: [initiative('N', 2024, 'BO_TINH')] }),
    eligible: false,
    reason: ['EVIDENCE_INSUFFICIENT', false],
  },
  {
    name: '5 the two provincial titles are further apart than a cycle → not',
    proposal: proposal('CHIEN_SI_THI_DUA_TOAN_QUOC', 2024, { evidence: ['N'] }),
    subject: person({ titles: titles('CHIEN_SI_THI_DUA_BO_TINH', [2019, 2024]), initiatives: [initiative('N', 2024, 'TOAN_QUOC')] }),
    eligible: false,
    reason: ['TITLE_CYCLES_SHORT', false],
  },
  // 6. Ministry/provincial certificate of merit, point (d).
  ...(() => {
    const used = ['I1', 'I2', 'I3'].map((id) => initiative(id, 2024, 'CO_SO', 'CSTDCS-2024'));
    const base = { titles: titles(CSTDCS, [2023, 2024]), initiatives: used };
    return [
      {
        name: '6 two consecutive CSTĐCS, either/or reading → eligible',
        proposal: proposal('BANG_KHEN_BO_TINH', 2024),
        subject: person({ ...base, ratings: { 2023: 'HTXS', 2024: 'HTT' } }),
        settings: EITHER_OR,
        eligible: true,
        reason: ['ART_74_1D_EITHER_OR_READING', true] as [string, boolean],
      },
      {
        name: '6 same under the Ministry reading (default): needs 2 further initiatives → not',
        proposal: proposal('BANG_KHEN_BO_TINH', 2024),
        subject: person({ ...base, ratings: { 2023: 'HTXS', 2024: 'HTT' } }),
        eligible: false,
        reason: ['ART_74_1D_MINISTRY_READING', true] as [string, boolean],
      },
      {
        name: '6 two consecutive HTXS years relying on the initiatives already used → not',
        proposal: proposal('BANG_KHEN_BO_TINH', 2024, { evidence: ['I1', 'I2'] }),
        subject: person({ ratings: { 2023: 'HTXS', 2024: 'HTXS' }, initiatives: used }),
        settings: EITHER_OR,
        eligible: false,
        reason: ['EVIDENCE_ALREADY_USED', false] as [string, boolean],
      },
      {
        name: '6 two consecutive HTXS years with 2 other initiatives → eligible',
        proposal: proposal('BANG_KHEN_BO_TINH', 2024, { evidence: ['I4', 'I5'] }),
        subject: person({
          ratings: { 2023: 'HTXS', 2024: 'HTXS' },
          initiatives: [...used, initiative('I4', 2023), initiative('I5', 2024)],
        }),
        eligible: true,
        reason: ['RATING_RUN_MET', true] as [string, boolean],
      },
    ];
  })(),
  // 7. PM's certificate of merit, point (b); considered in 2025 for the 2024 achievements.
  {
    name: '7 provincial certificate 2017, 7 years HTT+ and 3 CSTĐCS → PM certificate',
    proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-15' }),
    subject: pmChainSubject('CONG_TRANG', ['HTT', 'HTXS', 'HTXS', 'HTT', 'HTXS', 'HTXS', 'HTXS']),
    eligible: true,
    reason: ['CHAIN_YEARS_MET', true],
  },
  {
    name: '7 one HT year (2020) breaks the chain; only 2021–2024 count → not',
    proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-15' }),
    subject: pmChainSubject('CONG_TRANG', ['HTT', 'HTXS', 'HT', 'HTT', 'HTXS', 'HTXS', 'HTXS']),
    eligible: false,
    reason: ['CHAIN_YEARS_SHORT', false],
  },
  {
    name: '7 a year without rating breaks the chain too → not',
    proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-15' }),
    subject: person({
      ratings: { ...ratings(2018, ['HTT', 'HTXS']), ...ratings(2021, ['HTT', 'HTXS', 'HTXS', 'HTXS']) },
      awards: [{ code: 'BANG_KHEN_BO_TINH', year: 2017, kind: 'CONG_TRANG' }],
      titles: titles(CSTDCS, [2019, 2021, 2024]),
    }),
    eligible: false,
  },
  // 8. A thematic award cannot seed a merit chain.
  {
    name: '8 the provincial certificate was thematic → does not count',
    proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-15' }),
    subject: pmChainSubject('CHUYEN_DE', ['HTT', 'HTXS', 'HTXS', 'HTT', 'HTXS', 'HTXS', 'HTXS']),
    eligible: false,
    reason: ['PREREQUISITE_NOT_MERIT_BASED', false],
  },
  {
    name: '8 an ad hoc one neither',
    proposal: proposal('BANG_KHEN_THU_TUONG', 2024, { date: '2025-03-15' }),
    subject: pmChainSubject('DOT_XUAT', ['HTT', 'HTXS', 'HTXS', 'HTT', 'HTXS', 'HTXS', 'HTXS']),
    eligible: false,
    reason: ['PREREQUISITE_NOT_MERIT_BASED', false],
  },
  // 9. Labour Order third class, point (e).
  {
    name: '9 PM certificate 2018, 5 years HTT+ incl. one HTXS, 3 CSTĐCS → Labour Order',
    proposal: proposal('HUAN_CHUONG_LAO_DONG_HANG_BA', 2023, { date: '2024-04-01' }),
    subject: person({
      awards: [{ code: 'BANG_KHEN_THU_TUONG', year: 2018, kind: 'CONG_TRANG' }],
      ratings: ratings(2019, ['HTT', 'HTT', 'HTXS', 'HTT', 'HTT']),
      titles: titles(CSTDCS, [2019, 2021, 2023]),
    }),
    eligible: true,
    reason: ['CHAIN_EXCELLENT_YEARS_MET', true],
  },
  {
    name: '9 five years all HTT, 3 CSTĐCS, no HTXS → not',
    proposal: proposal('HUAN_CHUONG_LAO_DONG_HANG_BA', 2023, { date: '2024-04-01' }),
    subject: person({
      awards: [{ code: 'BANG_KHEN_THU_TUONG', year: 2018, kind: 'CONG_TRANG' }],
      ratings: ratings(2019, ['HTT', 'HTT', 'HTT', 'HTT', 'HTT']),
      titles: titles(CSTDCS, [2019, 2021, 2023]),
    }),
    eligible: false,
    reason: ['CHAIN_EXCELLENT_YEARS_SHORT', false],
  },
  // 10. Advanced Labour Collective, 70 % rule.
  {
    name: '10 20 members, 13 advanced (65 %) → fail',
    proposal: proposal('TAP_THE_LAO_DONG_TIEN_TIEN', 2024),
    subject: collective({ total: 20, advancedWorkers: 13, completedTasks: 20 }, { ratings: { 2024: 'HTT' } }),
    eligible: false,
    reason: ['ADVANCED_WORKERS_SHARE_BELOW', false],
  },
  {
    name: '10 14 advanced (70.0 %) → pass, ≥ is inclusive',
    proposal: proposal('TAP_THE_LAO_DONG_TIEN_TIEN', 2024),
    subject: collective({ total: 20, advancedWorkers: 14, completedTasks: 20 }, { ratings: { 2024: 'HTT' } }),
    eligible: true,
  },
  {
    name: '10 14 advanced but one member warned → fail',
    proposal: proposal('TAP_THE_LAO_DONG_TIEN_TIEN', 2024),
    subject: collective({ total: 20, advancedWorkers: 14, completedTasks: 20, disciplinedWarningOrAbove: 1 }, { ratings: { 2024: 'HTT' } }),
    eligible: false,
    reason: ['MEMBERS_WARNING_DISCIPLINED', false],
  },
  {
    name: '10 a reprimand only is not counted → pass',
    proposal: proposal('TAP_THE_LAO_DONG_TIEN_TIEN', 2024),
    subject: collective({ total: 20, advancedWorkers: 14, completedTasks: 20, disciplinedWarningOrAbove: 0 }, { ratings: { 2024: 'HTT' } }),
    eligible: true,
  },
  // 11. Excellent Labour Collective. 23. Registration is not a legal prerequisite (no such input exists).
  {
    name: '11/23 10 members, HTXS, 10/10 tasks, 7 advanced, 1 CSTĐCS → pass',
    proposal: proposal('TAP_THE_LAO_DONG_XUAT_SAC', 2024),
    subject: collective({ total: 10, advancedWorkers: 7, completedTasks: 10, grassrootsFighters: 1 }, { ratings: { 2024: 'HTXS' } }),
    eligible: true,
  },
  {
    name: '11 one member did not complete tasks → fail',
    proposal: proposal('TAP_THE_LAO_DONG_XUAT_SAC', 2024),
    subject: collective({ total: 10, advancedWorkers: 7, completedTasks: 9, grassrootsFighters: 1 }, { ratings: { 2024: 'HTXS' } }),
    eligible: false,
    reason: ['COMPLETED_TASKS_SHARE_BELOW', false],
  },
  {
    name: '11 no Grassroots Fighter → fail',
    proposal: proposal('TAP_THE_LAO_DONG_XUAT_SAC', 2024),
    subject: collective({ total: 10, advancedWorkers: 7, completedTasks: 10, grassrootsFighters: 0 }, { ratings: { 2024: 'HTXS' } }),
    eligible: false,
    reason: ['GRASSROOTS_FIGHTER_MEMBERS_MISSING', false],
  },
  // 15. Discipline and pending review.
  {
    name: '15 under disciplinary review → cannot be proposed',
    proposal: proposal('LAO_DONG_TIEN_TIEN', 2024),
    subject: person({ ratings: { 2024: 'HTXS' }, pendingReview: true }),
    eligible: false,
    reason: ['PENDING_REVIEW', false],
  },
  ...[2024, 2025].map((year) => ({
    name: `15 reprimand 2024-03-01 – 2025-03-01 blocks ${year}`,
    proposal: proposal('LAO_DONG_TIEN_TIEN', year),
    subject: person({ ratings: { [year]: 'HTXS' }, discipline: [{ form: 'KHIEN_TRACH', from: '2024-03-01', to: '2025-03-01' }] }),
    eligible: false,
    reason: ['DISCIPLINED_IN_YEAR', false] as [string, boolean],
  })),
  {
    name: '15 the year after the discipline ends counts again',
    proposal: proposal('LAO_DONG_TIEN_TIEN', 2026),
    subject: person({ ratings: { 2026: 'HTT' }, discipline: [{ form: 'KHIEN_TRACH', from: '2024-03-01', to: '2025-03-01' }] }),
    eligible: true,
  },
  {
    name: '15 achievements count from the end of the discipline: a chain across it restarts',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2026, { evidence: ['P'] }),
    subject: person({
      titles: titles(CSTDCS, [2022, 2023, 2024, 2025, 2026]),
      initiatives: [initiative('P', 2026, 'BO_TINH')],
      discipline: [{ form: 'KHIEN_TRACH', from: '2024-03-01', to: '2024-09-01' }],
    }),
    eligible: false,
    reason: ['CHAIN_BROKEN_BY_DISCIPLINE', false],
  },
  {
    name: '15 …unless the issuer switches that off',
    proposal: proposal('CHIEN_SI_THI_DUA_BO_TINH', 2026, { evidence: ['P'] }),
    subject: person({
      titles: titles(CSTDCS, [2022, 2023, 2024, 2025, 2026]),
      initiatives: [initiative('P', 2026, 'BO_TINH')],
      discipline: [{ form: 'KHIEN_TRACH', from: '2024-03-01', to: '2024-09-01' }],
    }),
    settings: NO_RESTART,
    eligible: true,
  },
  // 17. Maternity leave counts.
  {
    name: '17 six months of maternity leave in 2024 → Advanced Worker',
    proposal: proposal('LAO_DONG_TIEN_TIEN', 2024),
    subject: person({ gender: 'female', ratings: { 2024: 'HTT' }, leaves: [{ type: 'MATERNITY', from: '2024-02-01', to: '2024-07-31' }] }),
    eligible: true,
    reason: ['MATERNITY_LEAVE_COUNTS', true],
  },
  {
    name: '17 …and Grassroots Fighter when HTXS',
    proposal: proposal(CSTDCS, 2024),
    subject: person({ gender: 'female', ratings: { 2024: 'HTXS' }, leaves: [{ type: 'MATERNITY', from: '2024-02-01', to: '2024-07-31' }] }),
    eligible: true,
  },
];

describe('domain spec §8 rule examples', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const verdict = judge({ proposal: row.proposal, subject: row.subject }, row.settings);
    expect(verdict.eligible, JSON.stringify(verdict.reasons, null, 1)).toBe(row.eligible);
    expect(verdict.eligible).toBe(verdict.reasons.every((r) => r.met));
    if (row.reason) expect(verdict.reasons).toContainEqual(expect.objectContaining({ code: row.reason[0], met: row.reason[1] }));
  });
});

describe('§8 ex. 12–14: quotas per issuer', () => {
  it.each([
    ['12 Government flag, 28 leading collectives, 20 %, floor', 28, 20, 'floor', false, 5],
    ['13 Procuracy, 4 advanced units, 20 %, minimum one', 4, 20, 'floor', true, 1],
    ['13 Procuracy, 12 units, 20 %, floor', 12, 20, 'floor', true, 2],
    ['14 CSTĐCS cap 15 % of 47 Advanced Workers, floor', 47, 15, 'floor', false, 7],
    ['half-up rounds 5.6 to 6', 28, 20, 'half-up', false, 6],
    ['half-up rounds 2.5 to 3', 10, 25, 'half-up', false, 3],
    ['ceil rounds 7.05 to 8', 47, 15, 'ceil', false, 8],
    ['minimum one does not apply to an empty base', 0, 20, 'floor', true, 0],
  ] as const)('%s', (_name, base, ratePercent, rounding, minOne, expected) => {
    expect(computeQuota(base, { ratePercent, rounding, minOne })).toBe(expected);
  });
});

describe('§8 ex. 16: priority to women; tenure reduced by a third for female leaders', () => {
  it('two equally qualified candidates, one slot: the woman is prioritised and the man told why', () => {
    const ranking = rankCandidates(
      [
        { id: 'an', merit: 90, gender: 'male' },
        { id: 'binh', merit: 90, gender: 'female' },
      ],
      1,
    );
    expect(ranking.selected).toEqual(['binh']);
    expect(ranking.outside).toEqual([
      { id: 'an', code: 'OUTSIDE_QUOTA_PRIORITY', params: { quota: 1, position: 2, rule: 'decree-98-2023/art-4' } },
    ]);
  });
  it.each([
    ['Director, 6 years, female', 72, { female: true, higherRetirementAge: false }, 48],
    ['Director, 6 years, male', 72, { female: false, higherRetirementAge: false }, 72],
    ['Director, 6 years, female with higher retirement age', 72, { female: true, higherRetirementAge: true }, 72],
  ] as const)('%s', (_name, months, who, expected) => {
    expect(computeRequiredServiceMonths(months, who)).toBe(expected);
  });
});

describe('§8 ex. 18: reward money = coefficient × base salary', () => {
  it.each([
    ['LAO_DONG_TIEN_TIEN', 702_000],
    ['CHIEN_SI_THI_DUA_CO_SO', 2_340_000],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 1_872_000],
    ['TAP_THE_LAO_DONG_XUAT_SAC', 3_510_000],
    ['CO_THI_DUA_BO_TINH', 18_720_000],
    ['CO_THI_DUA_CHINH_PHU', 28_080_000],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', 10_530_000],
  ] as const)('%s → %i VND', (award, vnd) => {
    expect(computeRewardVnd(award as AwardCode, LAW_06_2022_DECREE_98_2023, 2_340_000)).toBe(vnd);
  });
  it('forms have no verified coefficient: left to the issuer', () => {
    expect(computeRewardVnd('GIAY_KHEN', LAW_06_2022_DECREE_98_2023, 2_340_000)).toBeUndefined();
  });
});
