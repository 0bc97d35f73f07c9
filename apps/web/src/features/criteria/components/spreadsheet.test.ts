import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { contentOf, fieldNameOf, parseLevels, regularSum, valuesOf } from './criteria-form.ts';
import { COLUMNS, parseCsv, parseXlsx, tableOfRows, templateCsv, type SheetWords } from './spreadsheet.ts';

const words: SheetWords = {
  methods: { binary: 'Đạt hoặc không đạt', proportional: 'Theo tỷ lệ chỉ tiêu', graded: 'Theo mức', manual: 'Chấm tự do' },
  kinds: { regular: 'Thường', bonus: 'Cộng', penalty: 'Trừ', knockOut: 'Loại trừ' },
};

const header = 'Mã nhóm;Tên nhóm;Mã tiêu chí;Nội dung tiêu chí;Điểm tối đa;Cách chấm;Loại;Cần minh chứng;Chỉ tiêu;Các mức điểm';

describe('reading a criteria table from a spreadsheet', () => {
  it('splits CSV cells on the separator of the header, with quoted separators, quotes and line breaks', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n"x;y";"say ""hi""";"two\nlines"\n')).toEqual([
      ['a', 'b', 'c'],
      ['x;y', 'say "hi"', 'two\nlines'],
    ]);
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('groups rows by group code, reads codes or the language’s words, knock-outs apart, and sums the frame', () => {
    const csv = [
      header,
      'I;Nhiệm vụ chính trị;1.1;Báo cáo đúng hạn;10;binary;regular;x;;',
      'I;;1.2;Thu ngân sách;20,5;Theo tỷ lệ chỉ tiêu;Thường;không;1000;',
      'II;Thi đua;2.1;Phong trào;69,5;graded;;1;;"0; 35; 69,5"',
      'II;;B1;Sáng kiến;5;manual;Cộng;có;;',
      ';;K1;Lãnh đạo bị kỷ luật;;;Loại trừ;;;',
      '',
    ].join('\n');
    const { values, problems, itemCount } = tableOfRows(parseCsv(csv), words);
    expect(problems).toEqual([]);
    expect(itemCount).toBe(4);
    expect(values.maxTotal).toBe(100);
    expect(values.knockOuts).toEqual([{ code: 'K1', text: 'Lãnh đạo bị kỷ luật' }]);
    expect(values.groups.map((g) => [g.code, g.title, g.items.map((i) => i.code)])).toEqual([
      ['I', 'Nhiệm vụ chính trị', ['1.1', '1.2']],
      ['II', 'Thi đua', ['2.1', 'B1']],
    ]);
    expect(values.groups[0]!.items[1]).toMatchObject({ maxPoints: 20.5, method: 'proportional', target: 1000, evidenceRequired: false });
    expect(values.groups[1]!.items[1]).toMatchObject({ kind: 'bonus', evidenceRequired: true });
    // what the editor will send for the graded item
    expect(contentOf(values).groups[1]!.items[0]).toEqual({
      code: '2.1',
      text: 'Phong trào',
      maxPoints: 69.5,
      method: 'graded',
      levels: [0, 35, 69.5],
      evidenceRequired: true,
      kind: 'regular',
    });
  });

  it('names the rows it could not read', () => {
    const rows = parseCsv(
      [header, 'I;A;1.1;x;mười;binary;regular;;;', 'I;;1.2;y;5;magic;odd;;;', ';;1.3;z;5;manual;regular;;;'].join('\n'),
    );
    expect(tableOfRows(rows, words).problems).toEqual([
      { row: 2, problem: 'maxPoints' },
      { row: 3, problem: 'method' },
      { row: 3, problem: 'kind' },
      { row: 4, problem: 'noGroup' },
    ]);
  });

  it('reads the first sheet of an .xlsx workbook, and its own template back', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Bảng');
    sheet.addRow(header.split(';'));
    sheet.addRow(['I', 'Nhiệm vụ', '1.1', 'Báo cáo', 60, 'binary', 'regular', 'x']);
    sheet.addRow(['I', '', '1.2', 'Kế hoạch', 40, 'graded', 'regular', '', '', '0;20;40']);
    const rows = await parseXlsx((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const { values } = tableOfRows(rows, words);
    expect(values.groups[0]!.items.map((i) => [i.code, i.maxPoints, i.levels])).toEqual([
      ['1.1', 60, ''],
      ['1.2', 40, '0;20;40'],
    ]);
    expect(values.maxTotal).toBe(100);

    const headers = Object.fromEntries(COLUMNS.map((c) => [c, c])) as Record<(typeof COLUMNS)[number], string>;
    const csv = templateCsv(headers, [['I', 'A', '1.1', 'B', '10', 'graded', 'regular', '1', '', '0; 5; 10']]);
    expect(tableOfRows(parseCsv(csv), words).values.groups[0]!.items[0]).toMatchObject({ levels: '0; 5; 10', evidenceRequired: true });
  });
});

describe('the editor’s values', () => {
  it('sends a target only for proportional items and levels only for graded ones', () => {
    const values = valuesOf({
      groups: [
        {
          code: 'I',
          title: 'A',
          items: [{ code: '1', text: 'x', maxPoints: 10, method: 'graded', levels: [0, 10], evidenceRequired: false, kind: 'regular' }],
        },
      ],
      knockOuts: [],
      maxTotal: 10,
    });
    expect(values.groups[0]!.items[0]!.levels).toBe('0; 10');
    values.groups[0]!.items[0]!.method = 'binary';
    values.groups[0]!.items[0]!.target = 5;
    expect(contentOf(values).groups[0]!.items[0]).toEqual({
      code: '1',
      text: 'x',
      maxPoints: 10,
      method: 'binary',
      evidenceRequired: false,
      kind: 'regular',
    });
    expect(parseLevels('0; 0,5 1')).toEqual([0, 0.5, 1]);
  });

  it('sums only regular maxima, exactly in hundredths', () => {
    expect(
      regularSum([
        {
          items: [
            { kind: 'regular', maxPoints: 0.1 },
            { kind: 'regular', maxPoints: 0.2 },
            { kind: 'bonus', maxPoints: 5 },
          ],
        },
        {
          items: [
            { kind: 'regular', maxPoints: 99.7 },
            { kind: 'penalty', maxPoints: 3 },
          ],
        },
      ]),
    ).toBe(100);
  });

  it('lands a server path on the field it names, or on the summary', () => {
    expect(fieldNameOf('groups.0.items.2.maxPoints')).toEqual(['groups', 0, 'items', 2, 'maxPoints']);
    expect(fieldNameOf('groups.1.code')).toEqual(['groups', 1, 'code']);
    expect(fieldNameOf('knockOuts.0.text')).toEqual(['knockOuts', 0, 'text']);
    expect(fieldNameOf('maxTotal')).toEqual(['maxTotal']);
    expect(fieldNameOf('groups')).toBeNull();
    expect(fieldNameOf('groups.0.items')).toBeNull();
    expect(fieldNameOf('version')).toBeNull();
  });
});
