import { describe, expect, it } from 'vitest';
import { awardDecisionSummary, defaultAwardTitle, formatVerificationCode, recipientFits, VERIFICATION_ALPHABET } from './award-decision.ts';

describe('award decisions', () => {
  it.each([
    ['BANG_KHEN_BO_TINH', 'PROVINCE', 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh'],
    ['BANG_KHEN_BO_TINH', 'MINISTRY', 'Về việc tặng Bằng khen của Bộ trưởng'],
    ['CO_THI_DUA_BO_TINH', 'PROVINCE', 'Về việc tặng Cờ thi đua của Ủy ban nhân dân tỉnh'],
    ['GIAY_KHEN', 'UNIT', 'Về việc tặng Giấy khen'],
    ['LAO_DONG_TIEN_TIEN', 'UNIT', 'Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025'],
    ['TAP_THE_LAO_DONG_XUAT_SAC', 'PROVINCE', 'Về việc công nhận danh hiệu “Tập thể lao động xuất sắc” năm 2025'],
  ] as const)('%s by %s: %s', (award, issuer, summary) => {
    expect(awardDecisionSummary(award, defaultAwardTitle(award, issuer), 2025)).toBe(summary);
  });

  it.each([
    ['LAO_DONG_TIEN_TIEN', 'person', true],
    ['LAO_DONG_TIEN_TIEN', 'unit', false],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 'unit', true],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 'person', false],
    ['GIAY_KHEN', 'unit', true],
    ['GIAY_KHEN', 'person', true],
    ['GIA_DINH_VAN_HOA', 'person', false],
  ] as const)('%s fits a %s: %s', (award, subject, fits) => {
    expect(recipientFits(award, subject)).toBe(fits);
  });

  it('verification codes read aloud without look-alikes: 5 + 5 characters', () => {
    const code = formatVerificationCode(Uint8Array.from({ length: 16 }, (_, i) => i * 37));
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    expect(VERIFICATION_ALPHABET).not.toMatch(/[01IOL]/);
  });
});
