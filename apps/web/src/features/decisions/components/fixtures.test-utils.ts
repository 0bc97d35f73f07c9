// Decision fixtures for the web tests, built against the contracts.
import type { z } from 'zod';
import { decisionChecks, decisionDetail, decisionItem } from '@thidua/contracts/decisions.ts';
import { personItem } from '@thidua/contracts/people.ts';
import { historySchema } from '@thidua/contracts/records.ts';
import { adminUser, allowAll, contract, PERSON_ACTIONS } from '../../../test-utils.tsx';

export const DOCUMENT_ACTIONS = ['update', 'issue', 'delete', 'cancel', 'replace'] as const;

export const committee = { ...adminUser, id: 2, role: 'COMMITTEE_OFFICER' as const, authorityId: 3, username: 'demo-committee' };

export const decisionItemFixture = (id: number, over: Partial<z.input<typeof decisionItem>> = {}) =>
  contract(decisionItem, {
    id,
    status: 'ISSUED',
    number: `0${id}/QĐ-UBND`,
    issueDate: '2026-01-15',
    summary: 'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh năm 2025',
    verificationCode: `TH-${id}-ABCD`,
    authorityId: 3,
    issuerUnitId: null,
    issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    awardCode: 'BANG_KHEN_BO_TINH',
    kind: 'CONG_TRANG',
    year: 2025,
    recipientCount: 2,
    version: 2,
    ...over,
  });

export const draftFixture = (over: Partial<z.input<typeof decisionDetail>> = {}) =>
  contract(decisionDetail, {
    ...decisionItemFixture(41, { status: 'DRAFT', number: null, issueDate: null, verificationCode: null, recipientCount: 2, version: 1 }),
    abilities: { ...allowAll(DOCUMENT_ACTIONS), cancel: false, replace: false },
    symbol: 'QĐ-UBND',
    issuerParent: null,
    place: 'Thanh Hóa',
    authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
    signer: { delegation: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đầu Thanh Tùng' },
    achievement: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
    proposal: null,
    regulation: null,
    copiesTo: ['Như Điều 3;', 'Lưu: VT.'],
    recipients: [
      {
        subjectType: 'person',
        subjectId: 101,
        name: 'Lê Thị Hoa',
        code: 'LS-0001',
        position: 'Trưởng phòng',
        unitName: 'Công ty TNHH MTV Lam Sơn',
        evidenceIds: [],
        rewardVnd: null,
      },
      {
        subjectType: 'unit',
        subjectId: 16,
        name: 'Công ty TNHH MTV Lam Sơn',
        code: 'TH-LAMSON',
        position: null,
        unitName: null,
        evidenceIds: [],
        rewardVnd: null,
      },
    ],
    totalRewardVnd: null,
    overrideReason: null,
    pdfSha256: null,
    replacesId: null,
    replacedById: null,
    cancelReason: null,
    ...over,
  });

export const issuedFixture = (over: Partial<z.input<typeof decisionDetail>> = {}) => {
  const draft = draftFixture();
  return contract(decisionDetail, {
    ...draft,
    ...decisionItemFixture(41, { number: '07/QĐ-UBND', version: 2 }),
    abilities: { ...allowAll(DOCUMENT_ACTIONS, false), cancel: true, replace: true },
    recipients: draft.recipients.map((r) => ({ ...r, rewardVnd: r.subjectType === 'person' ? 2_340_000 : 4_680_000 })),
    totalRewardVnd: 7_020_000,
    pdfSha256: 'a'.repeat(64),
    ...over,
  });
};

export const checksFixture = (ineligible: boolean) =>
  contract(decisionChecks, {
    rulebook: 'Nghị định 152/2025/NĐ-CP',
    recipients: [
      {
        subjectType: 'person',
        subjectId: 101,
        name: 'Lê Thị Hoa',
        outcome: ineligible ? 'notMet' : 'met',
        eligible: !ineligible,
        applies: true,
        reasons: ineligible ? ['Chưa đủ 2 năm liên tục hoàn thành xuất sắc nhiệm vụ'] : [],
      },
      { subjectType: 'unit', subjectId: 16, name: 'Công ty TNHH MTV Lam Sơn', outcome: 'met', eligible: true, applies: true, reasons: [] },
    ],
    quota: null,
    ineligibleCount: ineligible ? 1 : 0,
  });

export const personOption = (id: number, fullName: string) =>
  contract(personItem, {
    id,
    code: `LS-${id}`,
    fullName,
    gender: 'female',
    birthDate: null,
    unitId: 16,
    unitName: 'Công ty TNHH MTV Lam Sơn',
    version: 1,
    abilities: allowAll(PERSON_ACTIONS),
  });

/** A person's records holding initiatives and works; those given with an award id are used. */
export const recordsOf = (id: number, name: string, evidence: Array<{ id: number; title: string; usedForAwardId?: number }>) =>
  contract(historySchema, {
    subject: { type: 'person', id, name, abilities: { editRecords: true } },
    ratings: [],
    awards: [],
    evidence: evidence.map((e) => ({
      id: e.id,
      evidenceType: 'INITIATIVE',
      title: e.title,
      year: 2024,
      scope: 'CO_SO',
      recognitionRef: null,
      usedForAwardId: e.usedForAwardId ?? null,
    })),
    discipline: [],
    leaves: [],
    reviews: [],
    figures: [],
  });
