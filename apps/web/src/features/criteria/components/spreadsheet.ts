// A criteria table from a spreadsheet (.xlsx or .csv), read in the browser: one row an item, in the columns of the
// template. The rows only fill the editor; the table is checked by the server when it is saved.
import { KINDS, METHODS, type ItemKind, type ScoringMethod } from '../api/criteria.ts';
import { blankItem, type CriteriaFormValues, type GroupValues, type ItemValues } from './criteria-form.ts';

/** The template's columns, in order. */
export const COLUMNS = [
  'groupCode',
  'groupTitle',
  'itemCode',
  'itemText',
  'maxPoints',
  'method',
  'kind',
  'evidenceRequired',
  'target',
  'levels',
] as const;
export type Column = (typeof COLUMNS)[number];

/** The kind column's word for a knock-out condition (its code and wording go in the item columns). */
export const KNOCK_OUT = 'knockOut';

export type RowProblem = 'maxPoints' | 'method' | 'kind' | 'target' | 'noCode' | 'noGroup';

export interface SheetImport {
  values: CriteriaFormValues;
  /** Rows that could not be read as they are (1-based, as the spreadsheet numbers them) and why. */
  problems: Array<{ row: number; problem: RowProblem }>;
  itemCount: number;
}

/** Words people write for the codes, besides the codes themselves: the labels of the screen's language. */
export interface SheetWords {
  methods: Record<ScoringMethod, string>;
  kinds: Record<ItemKind | typeof KNOCK_OUT, string>;
}

const YES = new Set(['1', 'x', 'yes', 'y', 'true', 'có', 'co', 'c', 'да', 'так', 'हाँ', 'हां', 'sim', 's', '✓']);

const fold = (s: string) => s.trim().toLocaleLowerCase().normalize('NFC');

function number(text: string): number | null {
  const t = text.trim().replace(/\s/g, '').replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

/** Split CSV text into rows of cells: quoted cells may hold the separator, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => firstLine.split(c).length;
  const sep = [';', '\t', ','].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** The cells of the first sheet of an .xlsx workbook, as text (exceljs is loaded only when a workbook is read). */
export async function parseXlsx(data: ArrayBuffer): Promise<string[][]> {
  const ExcelJS = (await import('exceljs')).default;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data);
  const sheet = workbook.worksheets[0];
  const rows: string[][] = [];
  sheet?.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = COLUMNS.map((_, c) => row.getCell(c + 1).text ?? '');
  });
  return Array.from(rows, (r) => r ?? []);
}

export async function readSheetFile(file: File): Promise<string[][]> {
  if (/\.csv$/i.test(file.name) || file.type === 'text/csv') return parseCsv(await file.text());
  return parseXlsx(await file.arrayBuffer());
}

/** A code or a word of the language ("Thường", "Cộng"…) as the code it stands for. */
function lookup<C extends string>(cell: string, codes: readonly C[], words: Record<C, string>): C | null {
  const f = fold(cell);
  return codes.find((c) => fold(c) === f || fold(words[c]) === f) ?? null;
}

/**
 * The table the rows describe: rows of one group code make one group (its title from the first row that has one);
 * a row whose kind is the knock-out word is a knock-out condition. A first row that is a header is skipped; empty
 * rows are skipped. The frame total is the sum of the regular maxima.
 */
export function tableOfRows(rows: string[][], words: SheetWords): SheetImport {
  const problems: SheetImport['problems'] = [];
  const groups: GroupValues[] = [];
  const knockOuts: CriteriaFormValues['knockOuts'] = [];
  let itemCount = 0;
  let sumH = 0;
  rows.forEach((raw, index) => {
    const cells = Object.fromEntries(COLUMNS.map((c, i) => [c, (raw[i] ?? '').trim()])) as Record<Column, string>;
    if (COLUMNS.every((c) => cells[c] === '')) return;
    const rowNumber = index + 1;
    // a header: the first row, whose maximum is not a number
    if (index === 0 && Number.isNaN(number(cells.maxPoints) ?? NaN) && cells.maxPoints !== '') return;
    const kindCell = cells.kind === '' ? 'regular' : cells.kind;
    if (fold(kindCell) === fold(KNOCK_OUT) || fold(kindCell) === fold(words.kinds[KNOCK_OUT])) {
      if (!cells.itemCode) problems.push({ row: rowNumber, problem: 'noCode' });
      knockOuts.push({ code: cells.itemCode, text: cells.itemText });
      return;
    }
    if (!cells.groupCode) {
      problems.push({ row: rowNumber, problem: 'noGroup' });
      return;
    }
    if (!cells.itemCode) problems.push({ row: rowNumber, problem: 'noCode' });
    const method = cells.method === '' ? 'manual' : lookup(cells.method, METHODS, words.methods);
    const kind = lookup(kindCell, KINDS, words.kinds);
    const max = number(cells.maxPoints);
    const target = number(cells.target);
    if (method === null) problems.push({ row: rowNumber, problem: 'method' });
    if (kind === null) problems.push({ row: rowNumber, problem: 'kind' });
    if (max === null || Number.isNaN(max)) problems.push({ row: rowNumber, problem: 'maxPoints' });
    if (Number.isNaN(target)) problems.push({ row: rowNumber, problem: 'target' });
    const item: ItemValues = {
      ...blankItem(cells.itemCode),
      text: cells.itemText,
      maxPoints: max === null || Number.isNaN(max) ? null : max,
      method: method ?? 'manual',
      kind: kind ?? 'regular',
      evidenceRequired: YES.has(fold(cells.evidenceRequired)),
      target: method === 'proportional' && target !== null && !Number.isNaN(target) ? target : null,
      levels: method === 'graded' ? cells.levels : '',
    };
    let group = groups.find((g) => g.code === cells.groupCode);
    if (!group) {
      group = { code: cells.groupCode, title: cells.groupTitle, items: [] };
      groups.push(group);
    } else if (!group.title && cells.groupTitle) group.title = cells.groupTitle;
    group.items.push(item);
    itemCount++;
    if (item.kind === 'regular') sumH += Math.round((item.maxPoints ?? 0) * 100);
  });
  return { values: { groups, knockOuts, maxTotal: sumH / 100 }, problems, itemCount };
}

const csvCell = (v: string) => (/[";\n\r,]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The template: the header row in the screen's language and two example rows, as CSV that spreadsheet programs open. */
export function templateCsv(headers: Record<Column, string>, examples: string[][]): string {
  const lines = [COLUMNS.map((c) => headers[c]), ...examples].map((row) => row.map(csvCell).join(';'));
  // a byte-order mark so spreadsheet programs read the Vietnamese letters as UTF-8
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
