import { describe, expect, it } from 'vitest';
import { LEGAL_INSTRUMENTS } from '../rulebook/instruments.ts';
import { LAW_06_2022_DECREE_152_2025, LAW_06_2022_DECREE_98_2023, RULEBOOKS } from '../rulebook/rulebooks.ts';
import { buildBasesBlock, citeInstrument, citeProposal, citeRegulation, runsKeepingNumbers } from './citations.ts';
import { paragraphText } from './view.ts';

describe('citation forms (Decree 30: first citation in full, laws by name, later ones by number)', () => {
  it.each([
    ['law-06-2022', 'first', 'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022'],
    ['law-06-2022', 'later', 'Luật Thi đua, khen thưởng'],
    [
      'decree-98-2023',
      'first',
      'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    ],
    ['decree-98-2023', 'later', 'Nghị định số 98/2023/NĐ-CP'],
    [
      'decree-152-2025',
      'first',
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    ],
    ['decree-152-2025', 'later', 'Nghị định số 152/2025/NĐ-CP'],
    ['law-local-government-2015', 'first', 'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015'],
    ['law-local-government-2025', 'first', 'Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025'],
  ] as const)('%s, %s citation', (code, form, expected) => {
    expect(citeInstrument(LEGAL_INSTRUMENTS[code], form)).toBe(expected);
  });
  it('a law is never cited by its number', () => {
    expect(citeInstrument(LEGAL_INSTRUMENTS['law-06-2022'], 'first')).not.toContain('06/2022/QH15');
  });
  it('cites the regulation and the proposal', () => {
    expect(
      citeRegulation({
        number: '11/2024/QĐ-UBND',
        date: '2024-03-05',
        issuerTitle: 'Ủy ban nhân dân tỉnh Đồng Tháp',
        title: 'ban hành Quy chế thi đua, khen thưởng',
      }),
    ).toBe(
      'Quyết định số 11/2024/QĐ-UBND ngày 05 tháng 3 năm 2024 của Ủy ban nhân dân tỉnh Đồng Tháp ban hành Quy chế thi đua, khen thưởng',
    );
    expect(citeProposal({ proposerTitle: 'Giám đốc Sở Nội vụ', number: '377/TTr-SNV', date: '2026-01-20' })).toBe(
      'Giám đốc Sở Nội vụ tại Tờ trình số 377/TTr-SNV ngày 20 tháng 01 năm 2026',
    );
  });
});

describe('the rulebooks cite their own decree', () => {
  it.each([
    [LAW_06_2022_DECREE_98_2023, ['law-06-2022', 'decree-98-2023']],
    [LAW_06_2022_DECREE_152_2025, ['law-06-2022', 'decree-152-2025']],
  ])('%s', (book, codes) => expect(book.citations).toEqual(codes));
  it('every citation is in the catalogue', () => {
    for (const book of RULEBOOKS) for (const code of book.citations) expect(LEGAL_INSTRUMENTS[code]).toBeDefined();
  });
});

describe('the căn cứ block', () => {
  it.each([
    [['A', 'B'], 'C', ['Căn cứ A;', 'Căn cứ B;', 'Theo đề nghị của C.']],
    [['A', 'B'], null, ['Căn cứ A;', 'Căn cứ B.']],
    [['A'], null, ['Căn cứ A.']],
  ] as const)('%o + %s', (bases, proposal, expected) => {
    const block = buildBasesBlock(bases, proposal);
    expect(block.map(paragraphText)).toEqual(expected);
    expect(block.every((p) => p.runs.every((r) => r.italic))).toBe(true);
  });
  it.each([
    ['Nghị định số 98/2023/NĐ-CP ngày 31', ['98/2023/NĐ-CP']],
    ['Luật 06/2022/QH15 và Tờ trình số 377/TTr-SNV;', ['06/2022/QH15', '377/TTr-SNV;']],
    ['Quyết định số 07/QĐ-UBND', ['07/QĐ-UBND']],
    ['ngày 15 tháng 6 năm 2022; 2.340.000 đồng', []],
  ])('keeps document numbers on one line in "%s"', (text, kept) => {
    const runs = runsKeepingNumbers(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.keep).map((r) => r.text)).toEqual(kept);
  });
});
