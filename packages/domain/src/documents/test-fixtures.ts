import type { AwardDecisionInput } from './award-decision.ts';
import type { AttachmentRecipient } from './attachment.ts';

/** A provincial Chairman's decision (Bằng khen) with `n` recipients, one collective in every five. */
export function sampleDecision(over: Partial<AwardDecisionInput> = {}, n = 8): AwardDecisionInput {
  const recipients: AttachmentRecipient[] = Array.from({ length: n }, (_, i) =>
    i % 5 === 0
      ? { kind: 'unit', name: `Phòng Nghiệp vụ ${i + 1}`, position: null, unitName: 'Sở Nội vụ tỉnh Thanh Hóa', rewardVnd: 2_340_000 }
      : {
          kind: 'person',
          name: `Nguyễn Thị Hồng Nhung ${i + 1}`,
          position: 'Chuyên viên',
          unitName: 'Phòng Thi đua - Khen thưởng, Sở Nội vụ tỉnh Thanh Hóa',
          rewardVnd: 1_170_000,
        },
  );
  return {
    issuer: {
      name: 'Ủy ban nhân dân tỉnh Thanh Hóa',
      parentName: null,
      place: 'Thanh Hóa',
      authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      collectiveName: 'ỦY BAN NHÂN DÂN',
      regulation: {
        number: '25/2025/QĐ-UBND',
        date: '2025-09-10',
        issuerTitle: 'Ủy ban nhân dân tỉnh Thanh Hóa',
        title: 'ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh Thanh Hóa',
      },
    },
    number: 7,
    symbol: 'QĐ-UBND',
    issueDate: '2026-02-05',
    year: 2025,
    award: { code: 'BANG_KHEN_BO_TINH', label: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh', collective: null },
    kind: 'REGULAR',
    achievement: 'đã có thành tích xuất sắc trong phong trào thi đua năm 2025',
    proposal: { proposerTitle: 'Giám đốc Sở Nội vụ', number: '377/TTr-SNV', date: '2026-01-20' },
    recipients,
    rulebookDate: '2026-02-05',
    signer: { delegation: 'KT', onBehalfOf: 'Chủ tịch', title: 'Phó Chủ tịch', name: 'Lê Đức Giang' },
    copiesTo: ['Sở Tài chính', 'Sở Nội vụ', 'Lưu: VT, NC'],
    verification: { code: 'K7QF-2M9D', url: 'https://thidua.thanhhoa.gov.vn/xac-thuc/K7QF-2M9D' },
    draft: false,
    ...over,
  };
}
