import { AWARD_BY_CODE, type AwardCode } from '../rulebook/vocabulary.ts';

/** Who issues: a province's or ministry's head, or the head of a unit (agency, department, company, commune). */
export type IssuerKind = 'PROVINCE' | 'MINISTRY' | 'CENTRAL_COUNCIL' | 'UNIT';

/**
 * How a decision names what it confers, by issuer (documents-and-forms §2 row 6: "tặng Bằng khen của Chủ tịch Ủy ban
 * nhân dân tỉnh" ✅; the ministry wordings follow the same pattern ⚠️). The drafter may change it; this is the start.
 */
export function defaultAwardTitle(award: AwardCode, issuer: IssuerKind): string {
  const province = issuer === 'PROVINCE';
  switch (award) {
    case 'BANG_KHEN_BO_TINH':
      return province ? 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh' : 'Bằng khen của Bộ trưởng';
    case 'CO_THI_DUA_BO_TINH':
      return province ? 'Cờ thi đua của Ủy ban nhân dân tỉnh' : 'Cờ thi đua của Bộ';
    case 'CHIEN_SI_THI_DUA_BO_TINH':
      return province ? 'Chiến sĩ thi đua cấp tỉnh' : 'Chiến sĩ thi đua cấp bộ';
    case 'TAP_THE_LAO_DONG_XUAT_SAC':
      return 'Tập thể lao động xuất sắc';
    case 'XA_PHUONG_TIEU_BIEU':
      return 'Xã, phường, đặc khu tiêu biểu';
    case 'KY_NIEM_CHUONG':
      return 'Kỷ niệm chương';
    case 'LAO_DONG_TIEN_TIEN':
      return 'Lao động tiên tiến';
    case 'CHIEN_SI_TIEN_TIEN':
      return 'Chiến sĩ tiên tiến';
    case 'CHIEN_SI_THI_DUA_CO_SO':
      return 'Chiến sĩ thi đua cơ sở';
    case 'TAP_THE_LAO_DONG_TIEN_TIEN':
      return 'Tập thể lao động tiên tiến';
    case 'THON_TO_DAN_PHO_VAN_HOA':
      return 'Thôn, tổ dân phố văn hóa';
    case 'GIA_DINH_VAN_HOA':
      return 'Gia đình văn hóa';
    case 'GIAY_KHEN':
      return 'Giấy khen';
    default:
      return award;
  }
}

/**
 * The decision's trích yếu: a form or a flag is "tặng" (given), another title "công nhận" (recognised) for its year
 * (documents-and-forms §2 row 6 ✅ for forms; the title wording ⚠️).
 */
export function awardDecisionSummary(award: AwardCode, awardTitle: string, year: number): string {
  return AWARD_BY_CODE[award].category === 'FORM' || award.startsWith('CO_THI_DUA')
    ? `Về việc tặng ${awardTitle}`
    : `Về việc công nhận danh hiệu “${awardTitle}” năm ${year}`;
}

/** Whether a recipient of this kind can receive the award: a person an individual's, a unit a collective's. */
export function recipientFits(award: AwardCode, subjectType: 'person' | 'unit'): boolean {
  const subject = AWARD_BY_CODE[award].subject;
  return subject === 'any' || (subject === 'individual' ? subjectType === 'person' : subject === 'collective' && subjectType === 'unit');
}

/** Verification codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L), grouped for reading aloud. */
export const VERIFICATION_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export function formatVerificationCode(randomBytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < 10; i++) out += VERIFICATION_ALPHABET[randomBytes[i]! % VERIFICATION_ALPHABET.length];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}
