import { describe, expect, it } from 'vitest';
import { authorityInRunningText, buildAwardDecisionView, DocumentInputError, tryBuildAwardDecisionView } from './award-decision.ts';
import { documentLines, paragraphText, type DocumentView } from './view.ts';
import { sampleDecision } from './test-fixtures.ts';

const text = (v: DocumentView) => documentLines(v).join('\n');
const bases = (v: DocumentView) => v.bases.map(paragraphText);

describe('the award decision view', () => {
  const view = buildAwardDecisionView(sampleDecision());

  it('has the Decree 30 components in order', () => {
    const lines = documentLines(view);
    const order = [
      'ỦY BAN NHÂN DÂN',
      'TỈNH THANH HÓA',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 07/QĐ-UBND',
      'Thanh Hóa, ngày 05 tháng 02 năm 2026',
      'QUYẾT ĐỊNH',
      'Về việc tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      'QUYẾT ĐỊNH:',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
      'Lê Đức Giang',
      'DANH SÁCH',
    ];
    const at = order.map((l) => lines.indexOf(l));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(view.draftMark).toBeNull();
  });

  it('cites the local-government law, the law, the decree of the rulebook in force, the regulation, then the proposal', () => {
    expect(bases(view)).toEqual([
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;',
      'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;',
      'Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng;',
      'Căn cứ Quyết định số 25/2025/QĐ-UBND ngày 10 tháng 9 năm 2025 của Ủy ban nhân dân tỉnh Thanh Hóa ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh Thanh Hóa;',
      'Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 377/TTr-SNV ngày 20 tháng 01 năm 2026.',
    ]);
  });

  it.each([
    [
      '2024-11-20',
      ['Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015', 'Luật sửa đổi, bổ sung', 'Nghị định số 98/2023/NĐ-CP'],
      '152/2025',
    ],
    ['2025-06-30', ['Nghị định số 98/2023/NĐ-CP'], '152/2025'],
    ['2025-07-01', ['Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025', 'Nghị định số 152/2025/NĐ-CP'], '98/2023'],
  ])('a decision dated %s cites its own regime', (date, cited, notCited) => {
    const v = buildAwardDecisionView(sampleDecision({ issueDate: date, rulebookDate: date }));
    const all = bases(v).join('\n');
    for (const c of cited) expect(all).toContain(c);
    expect(all).not.toContain(notCited);
    expect(text(v)).toContain(`Mức tiền thưởng thực hiện theo quy định tại ${cited.at(-1)}`);
  });

  it('a department cites no local-government law unless told', () => {
    const v = buildAwardDecisionView(
      sampleDecision({
        issuer: {
          ...sampleDecision().issuer,
          name: 'Sở Nội vụ',
          parentName: 'UBND tỉnh Thanh Hóa',
          authorityLine: 'GIÁM ĐỐC SỞ NỘI VỤ',
          collectiveName: null,
          extraBases: [
            'Quyết định số 135/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ của Sở Nội vụ',
          ],
        },
        symbol: 'QĐ-SNV',
        signer: { delegation: null, onBehalfOf: null, title: 'Giám đốc', name: 'Trần Văn Bình' },
      }),
    );
    expect(v.issuer).toEqual({ parent: 'UBND TỈNH THANH HÓA', lines: ['SỞ NỘI VỤ'] });
    expect(bases(v)[0]).toBe('Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;');
    expect(bases(v)).toContain(
      'Căn cứ Quyết định số 135/QĐ-UBND ngày 05 tháng 01 năm 2026 của Ủy ban nhân dân tỉnh quy định chức năng, nhiệm vụ của Sở Nội vụ;',
    );
    expect(v.signer.lines).toEqual(['GIÁM ĐỐC']);
    expect(v.attachment?.note).toBe('(Kèm theo Quyết định số 07/QĐ-SNV ngày 05 tháng 02 năm 2026 của Giám đốc Sở Nội vụ)');
  });

  it('renders a draft with blanks and without verification', () => {
    const v = buildAwardDecisionView(sampleDecision({ draft: true, number: null, issueDate: null, rulebookDate: '2026-01-25' }));
    expect(v.draftMark).toBe('DỰ THẢO');
    expect(v.number).toBe('Số:      /QĐ-UBND');
    expect(v.dateLine).toBe('Thanh Hóa, ngày      tháng      năm 2026');
    expect(v.attachment?.note).toBe(
      '(Kèm theo Quyết định số      /QĐ-UBND ngày      tháng      năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa)',
    );
    expect(v.verification).toBeNull();
    expect(v.meta.date).toBe('2026-01-25');
  });

  it('states the money per recipient and the total in Điều 2', () => {
    const art2 = view.articles[1]!.paragraphs.map(paragraphText).join('\n');
    // 2 collectives × 2.340.000 + 6 individuals × 1.170.000
    expect(art2).toBe(
      'Điều 2. Mức tiền thưởng thực hiện theo quy định tại Nghị định số 152/2025/NĐ-CP: mỗi tập thể được thưởng 2.340.000 đồng; mỗi cá nhân được thưởng 1.170.000 đồng. Tổng số tiền thưởng: 11.700.000 đồng, chi từ Quỹ thi đua, khen thưởng theo quy định.',
    );
  });

  it('prices a title from the rulebook: coefficient × base salary', () => {
    const recipients = [1, 2, 3].map((i) => ({
      kind: 'person' as const,
      name: `Người ${i}`,
      position: null,
      unitName: 'Sở Nội vụ',
      rewardVnd: null,
    }));
    const v = buildAwardDecisionView(
      sampleDecision({ award: { code: 'LAO_DONG_TIEN_TIEN', label: 'Lao động tiên tiến năm 2025', collective: false }, recipients }),
    );
    expect(v.summary).toEqual(['Về việc công nhận danh hiệu Lao động tiên tiến năm 2025']);
    const all = text(v);
    expect(all).toContain(
      'mỗi cá nhân được thưởng 702.000 đồng (bằng 0,3 lần mức lương cơ sở 2.340.000 đồng). Tổng số tiền thưởng: 2.106.000 đồng',
    );
    // three recipients: listed in Điều 1, no attached list
    expect(v.attachment).toBeNull();
    expect(v.articles[0]!.paragraphs.map(paragraphText)).toEqual([
      'Điều 1. Công nhận danh hiệu Lao động tiên tiến năm 2025 cho 3 cá nhân, đã có thành tích xuất sắc trong phong trào thi đua năm 2025:',
      '1. Người 1, Sở Nội vụ;',
      '2. Người 2, Sở Nội vụ;',
      '3. Người 3, Sở Nội vụ.',
    ]);
  });

  it('lists uneven amounts one by one', () => {
    const recipients = [
      { kind: 'unit' as const, name: 'Trường THPT Lam Sơn', position: null, unitName: null, rewardVnd: 18_720_000 },
      { kind: 'unit' as const, name: 'Bệnh viện Đa khoa tỉnh', position: null, unitName: null, rewardVnd: 28_080_000 },
    ];
    const v = buildAwardDecisionView(sampleDecision({ recipients }));
    expect(v.articles[1]!.paragraphs.map(paragraphText)).toEqual([
      'Điều 2. Mức tiền thưởng thực hiện theo quy định tại Nghị định số 152/2025/NĐ-CP: cụ thể như sau:',
      '- Trường THPT Lam Sơn: 18.720.000 đồng;',
      '- Bệnh viện Đa khoa tỉnh: 28.080.000 đồng;',
      'Tổng số tiền thưởng: 46.800.000 đồng, chi từ Quỹ thi đua, khen thưởng theo quy định.',
    ]);
  });

  it('has no Điều 2 when nobody is paid; the last article closes with "./."', () => {
    const v = buildAwardDecisionView(sampleDecision({ recipients: sampleDecision().recipients.map((r) => ({ ...r, rewardVnd: null })) }));
    expect(v.articles.map((a) => a.number)).toEqual([1, 2]);
    expect(paragraphText(v.articles[1]!.paragraphs.at(-1)!)).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/);
    expect(v.copiesTo.lines[0]).toBe('- Như Điều 2;');
    expect(v.attachment?.columns.map((c) => c.header)).toEqual(['Tên tập thể, họ và tên cá nhân', 'Chức vụ, đơn vị công tác']);
    expect(v.attachment?.total).toBeNull();
  });

  it('writes Nơi nhận one per line, "-" first, ";" after each and "." after the last', () => {
    expect(view.copiesTo).toEqual({ heading: 'Nơi nhận:', lines: ['- Như Điều 3;', '- Sở Tài chính;', '- Sở Nội vụ;', '- Lưu: VT, NC.'] });
    const v = buildAwardDecisionView(sampleDecision({ copiesTo: ['- Như Điều 3;', '- Lưu: VT.'] }));
    expect(v.copiesTo.lines).toEqual(['- Như Điều 3;', '- Lưu: VT.']);
  });

  it('marks document numbers as unbreakable in the bases and articles', () => {
    const kept = view.bases.flatMap((p) => p.runs.filter((r) => r.keep).map((r) => r.text));
    expect(kept).toEqual(['152/2025/NĐ-CP', '25/2025/QĐ-UBND', '377/TTr-SNV']);
  });

  it('a decision from before Law 06/2022, registered afterwards, cites the 2003 law, its 2013 amendment and Decree 91, and prices nothing', () => {
    const unpaid = sampleDecision({ issueDate: '2023-01-20', rulebookDate: '2023-01-20' }).recipients.map((r) => ({
      ...r,
      rewardVnd: null,
    }));
    const v = buildAwardDecisionView(sampleDecision({ issueDate: '2023-01-20', rulebookDate: '2023-01-20', recipients: unpaid }));
    const all = bases(v).join('\n');
    expect(all).toContain('Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003;');
    expect(all).toContain('Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013;');
    expect(all).toContain('Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ');
    expect(all).not.toMatch(/98\/2023|152\/2025|06\/2022/);
    expect(text(v)).not.toContain('Mức tiền thưởng');
  });

  it('refuses a date no rulebook covers, with the error code', () => {
    const r = tryBuildAwardDecisionView(sampleDecision({ rulebookDate: '2016-05-01' }));
    expect(r.ok ? null : r.code).toBe('RULEBOOK_NOT_IN_FORCE');
    expect(() => buildAwardDecisionView(sampleDecision({ rulebookDate: '2016-05-01' }))).toThrow(DocumentInputError);
    const bad = tryBuildAwardDecisionView(sampleDecision({ issueDate: '2026-02-30' }));
    expect(bad.ok ? null : bad.code).toBe('VALIDATION_FAILED');
  });
});

describe('the attached list', () => {
  it.each([
    [8, ['I. Tập thể', 'II. Cá nhân'], [2, 6]],
    [1, [null], [1]],
  ])('%d recipients group as %o', (n, headings, sizes) => {
    const v = buildAwardDecisionView(sampleDecision({ attachList: true }, n));
    expect(v.attachment!.groups.map((g) => g.heading)).toEqual(headings);
    expect(v.attachment!.groups.map((g) => g.rows.length)).toEqual(sizes);
  });
  it('numbers each group from 1 and totals the money', () => {
    const a = buildAwardDecisionView(sampleDecision({}, 1000)).attachment!;
    expect(a.groups.map((g) => [g.rows[0]!.index, g.rows.at(-1)!.index])).toEqual([
      ['1', '200'],
      ['1', '800'],
    ]);
    expect(a.groups[1]!.rows[0]!.cells).toEqual([
      'Nguyễn Thị Hồng Nhung 2',
      'Chuyên viên, Phòng Thi đua - Khen thưởng, Sở Nội vụ tỉnh Thanh Hóa',
      '1.170.000',
    ]);
    expect(a.total).toEqual({ label: 'Tổng cộng: 1000 tập thể, cá nhân', cells: ['', '1.404.000.000'] });
    expect(a.subtitle).toBe('Tập thể, cá nhân được tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
  });
});

describe('the authority in running text', () => {
  it.each([
    ['CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA', 'Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa'],
    ['CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 'Chủ tịch Ủy ban nhân dân thành phố Hồ Chí Minh'],
    ['GIÁM ĐỐC SỞ NỘI VỤ', 'Giám đốc Sở Nội vụ'],
    ['BỘ TRƯỞNG BỘ TÀI CHÍNH', 'Bộ trưởng Bộ Tài chính'],
  ])('%s → %s', (line, expected) => expect(authorityInRunningText(line)).toBe(expected));
});
