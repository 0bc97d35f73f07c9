import { formatRuleId, type AwardRules, type Criterion, type CrossCuttingCriterion, type RuleId } from './criteria.ts';
import type { InstrumentCode } from './instruments.ts';
import type { AwardCode } from './vocabulary.ts';

/**
 * A versioned rule set: the legal instruments in force between two dates, the criteria of every
 * title and form, and the reward coefficients. A later amendment is a NEW rulebook appended to
 * RULEBOOKS with its own dates, never an edit of one already published: verdicts name the rulebook
 * that judged them and must stay reproducible.
 */
export interface Rulebook {
  readonly id: string;
  /** First day in force, YYYY-MM-DD (inclusive). */
  readonly effectiveFrom: string;
  /** Last day in force (inclusive), or null while in force. */
  readonly effectiveTo: string | null;
  readonly instruments: readonly string[];
  /**
   * The instruments a decision taken under this rulebook cites in its căn cứ, in order (codes of LEGAL_INSTRUMENTS):
   * the law, then the decree in force. The issuer's own organisation law and regulation are the issuer's data.
   */
  readonly citations: readonly InstrumentCode[];
  readonly crossCutting: readonly CrossCuttingCriterion[];
  /**
   * The principle that achievements count only from the end of a discipline period (Decree Art. 4(4)):
   * cited when a discipline inside a chain of years breaks it.
   */
  readonly disciplineRule: RuleId;
  readonly awards: Readonly<Record<AwardCode, AwardRules>>;
  /**
   * Reward money = coefficient × base salary (mức lương cơ sở). Coefficients in tenths so money stays
   * integer VND. Forms (certificates, orders) were not verified ❓ and are left to issuer tables.
   */
  readonly rewardCoefficientTenths: Readonly<Partial<Record<AwardCode, number>>>;
}

const LAW = (article: number): RuleId => formatRuleId({ document: 'law-06-2022', article });

/** The criteria that Law 06/2022/QH15 itself fixes; the decrees add the principles (`decree`). */
function lawAwards(decree: (article: number) => RuleId): Record<AwardCode, AwardRules> {
  const principles = decree(4);
  const initiative = (windowOf: AwardCode, minScope: 'CO_SO' | 'BO_TINH' | 'TOAN_QUOC', rule: RuleId): Criterion => ({
    kind: 'evidence',
    rule,
    minScope,
    count: 1,
    windowOf,
  });
  // Art. 24(1): rated "hoàn thành tốt nhiệm vụ" or better (the movement conditions are assumed met).
  const advancedWorker: Criterion[] = [{ kind: 'ratingAtLeast', rule: LAW(24), min: 'HTT' }];
  // Art. 74(1)(a)–(c): qualitative paths, counted only when the proposer asserts them.
  const claimsAtoC: Criterion[] = [
    { kind: 'claim', rule: LAW(74), claim: 'OUTSTANDING_IN_MOVEMENT' },
    { kind: 'claim', rule: LAW(74), claim: 'INFLUENTIAL_ACHIEVEMENT' },
    { kind: 'claim', rule: LAW(74), claim: 'MAJOR_CONTRIBUTION' },
  ];
  // Art. 25–26 flags: excellent results in the year, and being the leading collective of a cluster/block.
  const flag = (rule: RuleId): Criterion[] => [
    { kind: 'ratingAtLeast', rule, min: 'HTXS' },
    {
      kind: 'ifSetting',
      setting: 'flagRequiresExcellentCollective',
      then: { kind: 'meetsTitle', rule, award: 'TAP_THE_LAO_DONG_XUAT_SAC' },
    },
    {
      kind: 'ifSetting',
      setting: 'flagRequiresMovementClaim',
      then: { kind: 'claim', rule, claim: 'OUTSTANDING_IN_MOVEMENT', code: 'LEADING_COLLECTIVE' },
    },
  ];
  return {
    LAO_DONG_TIEN_TIEN: { basis: LAW(24), bySubject: { individual: advancedWorker } },
    // Art. 24(1): "Chiến sĩ tiên tiến" is the armed-forces twin of the Advanced Worker.
    CHIEN_SI_TIEN_TIEN: { basis: LAW(24), bySubject: { individual: advancedWorker } },
    CHIEN_SI_THI_DUA_CO_SO: {
      basis: LAW(23),
      bySubject: {
        individual: [
          // Art. 23(1): meets the Advanced Worker criteria (Art. 24) in the same year…
          { kind: 'meetsTitle', rule: LAW(23), award: 'LAO_DONG_TIEN_TIEN' },
          // …and either HTXS, or an initiative / science work recognised at grassroots level (Art. 23(2)).
          {
            kind: 'anyOf',
            rule: LAW(23),
            failCode: 'GRASSROOTS_FIGHTER_NO_PATH',
            of: [{ kind: 'ratingAtLeast', rule: LAW(23), min: 'HTXS' }, initiative('CHIEN_SI_THI_DUA_CO_SO', 'CO_SO', LAW(23))],
          },
        ],
      },
    },
    CHIEN_SI_THI_DUA_BO_TINH: {
      basis: LAW(22),
      bySubject: {
        individual: [
          // Art. 22: among those with 3 consecutive Grassroots Emulation Fighter titles…
          { kind: 'titleRun', rule: LAW(22), title: 'CHIEN_SI_THI_DUA_CO_SO', count: 3, endSetting: 'provincialFighterChainEnds' },
          // …with an initiative effective and replicable at ministry/province scope.
          initiative('CHIEN_SI_THI_DUA_BO_TINH', 'BO_TINH', LAW(22)),
        ],
      },
    },
    CHIEN_SI_THI_DUA_TOAN_QUOC: {
      basis: LAW(21),
      bySubject: {
        individual: [
          // Art. 21: among those with 2 consecutive Ministry/Provincial Emulation Fighter titles…
          { kind: 'titleCycles', rule: LAW(21), title: 'CHIEN_SI_THI_DUA_BO_TINH', count: 2 },
          // …with an initiative of nationwide scope.
          initiative('CHIEN_SI_THI_DUA_TOAN_QUOC', 'TOAN_QUOC', LAW(21)),
        ],
      },
    },
    TAP_THE_LAO_DONG_TIEN_TIEN: {
      basis: LAW(28),
      bySubject: {
        collective: [
          // Art. 28(1)(a): completed tasks well.
          { kind: 'ratingAtLeast', rule: LAW(28), min: 'HTT' },
          // Art. 28(1)(c): ≥ 70 % of members Advanced Workers (inclusive) and none disciplined at warning or above.
          { kind: 'memberShare', rule: LAW(28), field: 'advancedWorkers', percent: 70 },
          { kind: 'noMemberWarningDiscipline', rule: LAW(28) },
        ],
      },
    },
    TAP_THE_LAO_DONG_XUAT_SAC: {
      basis: LAW(27),
      bySubject: {
        collective: [
          // Art. 27(a): completed tasks excellently.
          { kind: 'ratingAtLeast', rule: LAW(27), min: 'HTXS' },
          // Art. 27(c): 100 % of members complete their tasks and ≥ 70 % are Advanced Workers.
          { kind: 'memberShare', rule: LAW(27), field: 'completedTasks', percent: 100 },
          { kind: 'memberShare', rule: LAW(27), field: 'advancedWorkers', percent: 70 },
          // Art. 27(d): at least one Grassroots Emulation Fighter.
          { kind: 'grassrootsFighterMembers', rule: LAW(27), min: 1 },
          {
            kind: 'ifSetting',
            setting: 'excellentCollectiveBarsWarningDiscipline',
            then: { kind: 'noMemberWarningDiscipline', rule: LAW(27) },
          },
        ],
      },
    },
    CO_THI_DUA_BO_TINH: { basis: LAW(26), bySubject: { collective: flag(LAW(26)) } },
    CO_THI_DUA_CHINH_PHU: { basis: LAW(25), bySubject: { collective: flag(LAW(25)) } },
    // Criteria detailed by provinces on the Government framework (Decree 86/2023) — outside this rulebook.
    XA_PHUONG_TIEU_BIEU: { basis: LAW(29), delegated: true },
    THON_TO_DAN_PHO_VAN_HOA: { basis: LAW(30), delegated: true },
    GIA_DINH_VAN_HOA: { basis: LAW(31), delegated: true },
    // Art. 75(2) and 71(2) delegate these to ministers and provincial chairs.
    GIAY_KHEN: { basis: LAW(75), delegated: true },
    KY_NIEM_CHUONG: { basis: LAW(71), delegated: true },
    BANG_KHEN_BO_TINH: {
      basis: LAW(74),
      bySubject: {
        individual: [
          { kind: 'art74dReading', rule: LAW(74) },
          {
            kind: 'anyOf',
            rule: LAW(74),
            failCode: 'MERIT_CERTIFICATE_NO_PATH',
            of: [
              ...claimsAtoC,
              // Art. 74(1)(d): 2 consecutive Grassroots Emulation Fighter titles…
              { kind: 'grassrootsFighterPair', rule: LAW(74), evidence: { count: 2, minScope: 'CO_SO' } },
              // …or ≥ 2 consecutive HTXS years during which 2 initiatives (or science works) were recognised.
              { kind: 'ratingRun', rule: LAW(74), min: 'HTXS', years: 2, evidence: { count: 2, minScope: 'CO_SO' } },
            ],
          },
        ],
        collective: [
          {
            kind: 'anyOf',
            rule: LAW(74),
            failCode: 'MERIT_CERTIFICATE_NO_PATH_COLLECTIVE',
            of: [...claimsAtoC, { kind: 'ratingRun', rule: LAW(74), min: 'HTXS', years: 'collectiveMeritCertificateHtxsYears' }],
          },
        ],
        household: [{ kind: 'anyOf', rule: LAW(74), failCode: 'MERIT_CERTIFICATE_NO_CLAIM', of: claimsAtoC }],
      },
    },
    BANG_KHEN_THU_TUONG: {
      basis: LAW(73),
      bySubject: {
        // Art. 73(1)(b): holds a Ministry/Provincial Certificate of Merit, then ≥ 5 consecutive years
        // rated HTT or better up to the proposal, during which 3 Grassroots Emulation Fighter titles.
        individual: [
          {
            kind: 'meritChain',
            rule: LAW(73),
            seedRule: principles,
            prerequisites: ['BANG_KHEN_BO_TINH'],
            min: 'HTT',
            years: 5,
            htxsYears: 0,
            titles: { code: 'CHIEN_SI_THI_DUA_CO_SO', count: 3 },
          },
        ],
        collective: [
          {
            kind: 'collectiveChain',
            rule: LAW(73),
            seedRule: principles,
            prerequisites: ['BANG_KHEN_BO_TINH'],
            setting: 'collectivePmCertificate',
          },
        ],
      },
    },
    HUAN_CHUONG_LAO_DONG_HANG_BA: {
      basis: LAW(44),
      bySubject: {
        // Art. 44(1)(e): holds a PM Certificate of Merit, then ≥ 5 consecutive years HTT or better
        // including ≥ 1 HTXS year, and 3 Grassroots Emulation Fighter titles.
        individual: [
          {
            kind: 'meritChain',
            rule: LAW(44),
            seedRule: principles,
            prerequisites: ['BANG_KHEN_THU_TUONG'],
            min: 'HTT',
            years: 5,
            htxsYears: 1,
            titles: { code: 'CHIEN_SI_THI_DUA_CO_SO', count: 3 },
          },
        ],
        collective: [
          {
            kind: 'collectiveChain',
            rule: LAW(44),
            seedRule: principles,
            prerequisites: ['BANG_KHEN_THU_TUONG'],
            setting: 'collectiveLabourOrder',
          },
        ],
      },
    },
    // Arts. 42(7), 43(7) are detailed by the Government decree; criteria not verified ❓.
    HUAN_CHUONG_LAO_DONG_HANG_NHI: { basis: LAW(43), delegated: true },
    HUAN_CHUONG_LAO_DONG_HANG_NHAT: { basis: LAW(42), delegated: true },
  };
}

function crossCutting(decree: (article: number) => RuleId): CrossCuttingCriterion[] {
  return [
    // Art. 4(4): no reward while disciplined in the achievement year or under review/inspection/complaint.
    { kind: 'noDisciplineInYear', rule: decree(4) },
    { kind: 'noPendingReview', rule: decree(4) },
    // Law Art. 5: one achievement, one reward — an initiative already used cannot support another award.
    { kind: 'citedEvidenceUnused', rule: LAW(5) },
    // Art. 4(5): maternity leave counts as working time.
    { kind: 'maternityLeaveCounts', rule: decree(4) },
  ];
}

// Decree 98 Art. 54 and Decree 152 keep the same coefficients ✅[S20][S21].
const REWARD_COEFFICIENT_TENTHS: Partial<Record<AwardCode, number>> = {
  CHIEN_SI_THI_DUA_TOAN_QUOC: 45,
  CHIEN_SI_THI_DUA_BO_TINH: 30,
  CHIEN_SI_THI_DUA_CO_SO: 10,
  LAO_DONG_TIEN_TIEN: 3,
  CHIEN_SI_TIEN_TIEN: 3,
  TAP_THE_LAO_DONG_XUAT_SAC: 15,
  TAP_THE_LAO_DONG_TIEN_TIEN: 8,
  XA_PHUONG_TIEU_BIEU: 20,
  THON_TO_DAN_PHO_VAN_HOA: 15,
  CO_THI_DUA_CHINH_PHU: 120,
  CO_THI_DUA_BO_TINH: 80,
};

const DECREE_98 = (article: number): RuleId => formatRuleId({ document: 'decree-98-2023', article });
/** Decree 152/2025 Art. 4 restates the principles of Decree 98 Art. 4 (first two clauses verified ✅, rest ⚠️). */
const DECREE_152 = (article: number): RuleId => formatRuleId({ document: 'decree-152-2025', article });

const freezeDeep = <T>(value: T): T => {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
};

export const LAW_06_2022_DECREE_98_2023: Rulebook = freezeDeep({
  id: 'LAW-06-2022+DECREE-98-2023',
  effectiveFrom: '2024-01-01',
  effectiveTo: '2025-06-30',
  instruments: ['Luật Thi đua, khen thưởng 06/2022/QH15', 'Nghị định 98/2023/NĐ-CP'],
  citations: ['law-06-2022', 'decree-98-2023'],
  crossCutting: crossCutting(DECREE_98),
  disciplineRule: DECREE_98(4),
  awards: lawAwards(DECREE_98),
  rewardCoefficientTenths: { ...REWARD_COEFFICIENT_TENTHS },
});

export const LAW_06_2022_DECREE_152_2025: Rulebook = freezeDeep({
  id: 'LAW-06-2022+DECREE-152-2025',
  effectiveFrom: '2025-07-01',
  effectiveTo: null,
  instruments: ['Luật Thi đua, khen thưởng 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP'],
  citations: ['law-06-2022', 'decree-152-2025'],
  crossCutting: crossCutting(DECREE_152),
  disciplineRule: DECREE_152(4),
  awards: lawAwards(DECREE_152),
  rewardCoefficientTenths: { ...REWARD_COEFFICIENT_TENTHS },
});

/** Every published rulebook, oldest first. Append amendments; never edit a published one. */
export const RULEBOOKS: readonly Rulebook[] = Object.freeze([LAW_06_2022_DECREE_98_2023, LAW_06_2022_DECREE_152_2025]);

/**
 * The rulebook in force on a date (YYYY-MM-DD), or undefined before the first one: the 2003 law's
 * rules are not implemented. ISO dates compare correctly as strings.
 */
export function selectRulebook(date: string, rulebooks: readonly Rulebook[] = RULEBOOKS): Rulebook | undefined {
  for (let i = rulebooks.length - 1; i >= 0; i--) {
    const book = rulebooks[i]!;
    if (date >= book.effectiveFrom && (book.effectiveTo === null || date <= book.effectiveTo)) return book;
  }
  return undefined;
}

/** First day any rulebook is in force. */
export const FIRST_RULEBOOK_DATE = LAW_06_2022_DECREE_98_2023.effectiveFrom;
