/**
 * The public codes of shared/contracts/vocabulary.json (thidua.vocabulary/1), copied as typed
 * constants so the domain never reads a file at run time. Names live in the i18n `vocabulary`
 * namespace; the domain only speaks in codes.
 */

/** Annual ratings (xếp loại), best first. */
export const RATINGS = ['HTXS', 'HTT', 'HT', 'KHT'] as const;
export type RatingCode = (typeof RATINGS)[number];

/** Higher is better; used to compare "rated X or better". */
export const RATING_RANK: Readonly<Record<RatingCode, number>> = { HTXS: 4, HTT: 3, HT: 2, KHT: 1 };

/** Kinds of commendation (Law 06/2022 Art. 8). */
export const AWARD_KINDS = ['CONG_TRANG', 'CHUYEN_DE', 'DOT_XUAT', 'CONG_HIEN', 'NIEN_HAN', 'DOI_NGOAI'] as const;
export type AwardKindCode = (typeof AWARD_KINDS)[number];

/** Scopes at which an initiative or science work is recognised, narrowest first. */
export const INITIATIVE_SCOPES = ['CO_SO', 'BO_TINH', 'TOAN_QUOC'] as const;
export type InitiativeScopeCode = (typeof INITIATIVE_SCOPES)[number];
export const SCOPE_RANK: Readonly<Record<InitiativeScopeCode, number>> = { CO_SO: 1, BO_TINH: 2, TOAN_QUOC: 3 };

export const DISCIPLINE_FORMS = ['KHIEN_TRACH', 'CANH_CAO', 'HA_BAC_LUONG', 'GIANG_CHUC', 'CACH_CHUC', 'BUOC_THOI_VIEC'] as const;
export type DisciplineFormCode = (typeof DISCIPLINE_FORMS)[number];
/** "Cảnh cáo" or heavier: the threshold of Law Art. 28(1)(c) for members of an advanced collective. */
export const DISCIPLINE_WARNING_OR_ABOVE: Readonly<Record<DisciplineFormCode, boolean>> = {
  KHIEN_TRACH: false,
  CANH_CAO: true,
  HA_BAC_LUONG: true,
  GIANG_CHUC: true,
  CACH_CHUC: true,
  BUOC_THOI_VIEC: true,
};

export const LEAVE_TYPES = ['MATERNITY', 'SICK', 'STUDY', 'INJURY', 'OTHER'] as const;
export type LeaveTypeCode = (typeof LEAVE_TYPES)[number];

/** Qualitative paths a proposer may assert (they count only when asserted). */
export const ACHIEVEMENT_CLAIMS = ['OUTSTANDING_IN_MOVEMENT', 'INFLUENTIAL_ACHIEVEMENT', 'MAJOR_CONTRIBUTION'] as const;
export type AchievementClaimCode = (typeof ACHIEVEMENT_CLAIMS)[number];

export const SUBJECT_TYPES = ['individual', 'collective', 'household'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const GENDERS = ['female', 'male'] as const;
export type Gender = (typeof GENDERS)[number];
export const isGender = (value: unknown): value is Gender => (GENDERS as readonly unknown[]).includes(value);

export type AwardCategory = 'TITLE' | 'FORM';
export type AwardLevel = 'unit' | 'ministry_province' | 'state';

export interface AwardDefinition {
  readonly code: string;
  readonly category: AwardCategory;
  readonly subject: SubjectType | 'any';
  readonly level: AwardLevel;
}

export const AWARDS = [
  { code: 'LAO_DONG_TIEN_TIEN', category: 'TITLE', subject: 'individual', level: 'unit' },
  { code: 'CHIEN_SI_TIEN_TIEN', category: 'TITLE', subject: 'individual', level: 'unit' },
  { code: 'CHIEN_SI_THI_DUA_CO_SO', category: 'TITLE', subject: 'individual', level: 'unit' },
  { code: 'CHIEN_SI_THI_DUA_BO_TINH', category: 'TITLE', subject: 'individual', level: 'ministry_province' },
  { code: 'CHIEN_SI_THI_DUA_TOAN_QUOC', category: 'TITLE', subject: 'individual', level: 'state' },
  { code: 'TAP_THE_LAO_DONG_TIEN_TIEN', category: 'TITLE', subject: 'collective', level: 'unit' },
  { code: 'TAP_THE_LAO_DONG_XUAT_SAC', category: 'TITLE', subject: 'collective', level: 'ministry_province' },
  { code: 'CO_THI_DUA_BO_TINH', category: 'TITLE', subject: 'collective', level: 'ministry_province' },
  { code: 'CO_THI_DUA_CHINH_PHU', category: 'TITLE', subject: 'collective', level: 'state' },
  { code: 'XA_PHUONG_TIEU_BIEU', category: 'TITLE', subject: 'collective', level: 'ministry_province' },
  { code: 'THON_TO_DAN_PHO_VAN_HOA', category: 'TITLE', subject: 'collective', level: 'unit' },
  { code: 'GIA_DINH_VAN_HOA', category: 'TITLE', subject: 'household', level: 'unit' },
  { code: 'GIAY_KHEN', category: 'FORM', subject: 'any', level: 'unit' },
  { code: 'BANG_KHEN_BO_TINH', category: 'FORM', subject: 'any', level: 'ministry_province' },
  { code: 'BANG_KHEN_THU_TUONG', category: 'FORM', subject: 'any', level: 'state' },
  { code: 'KY_NIEM_CHUONG', category: 'FORM', subject: 'individual', level: 'ministry_province' },
  { code: 'HUAN_CHUONG_LAO_DONG_HANG_BA', category: 'FORM', subject: 'any', level: 'state' },
  { code: 'HUAN_CHUONG_LAO_DONG_HANG_NHI', category: 'FORM', subject: 'any', level: 'state' },
  { code: 'HUAN_CHUONG_LAO_DONG_HANG_NHAT', category: 'FORM', subject: 'any', level: 'state' },
] as const satisfies readonly AwardDefinition[];
export type AwardCode = (typeof AWARDS)[number]['code'];
export const AWARD_CODES: readonly AwardCode[] = AWARDS.map((a) => a.code);
export const AWARD_BY_CODE: Readonly<Record<AwardCode, AwardDefinition>> = Object.fromEntries(AWARDS.map((a) => [a.code, a])) as Record<
  AwardCode,
  AwardDefinition
>;

/** Membership tests used by the input validator. */
export const isRating = (v: unknown): v is RatingCode => typeof v === 'string' && Object.hasOwn(RATING_RANK, v);
export const isAwardCode = (v: unknown): v is AwardCode => typeof v === 'string' && Object.hasOwn(AWARD_BY_CODE, v);
export const isAwardKind = (v: unknown): v is AwardKindCode => typeof v === 'string' && (AWARD_KINDS as readonly string[]).includes(v);
export const isScope = (v: unknown): v is InitiativeScopeCode => typeof v === 'string' && Object.hasOwn(SCOPE_RANK, v);
export const isDisciplineForm = (v: unknown): v is DisciplineFormCode =>
  typeof v === 'string' && Object.hasOwn(DISCIPLINE_WARNING_OR_ABOVE, v);
export const isLeaveType = (v: unknown): v is LeaveTypeCode => typeof v === 'string' && (LEAVE_TYPES as readonly string[]).includes(v);
export const isAchievementClaim = (v: unknown): v is AchievementClaimCode =>
  typeof v === 'string' && (ACHIEVEMENT_CLAIMS as readonly string[]).includes(v);
