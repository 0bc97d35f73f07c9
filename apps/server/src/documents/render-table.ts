// A table as a PDF (pdfmake, Liberation Serif as in the documents) and as an Excel workbook (exceljs): the exports of
// a round's ranking and sheets. A table is not an administrative document: it has a title, lines under it and its
// columns, A4 landscape with Decree 30's margins, page numbers at the top from page 2, the header row repeated.
import ExcelJS from 'exceljs';
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { setUpPdfFonts } from './render-pdf.ts';
import { MARGIN_MM, mmToPt, PAGE_NUMBER_FROM_TOP_MM, PDF_FONT } from './style.ts';

export interface TableView {
  /** Shown as the title and used as the file's and the worksheet's name. */
  readonly title: string;
  readonly lines: readonly string[];
  readonly columns: ReadonlyArray<{ readonly header: string; readonly width: number; readonly align: 'left' | 'center' | 'right' }>;
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** Rows after the table (e.g. units kept out of the ranking, with why). */
  readonly notes: readonly string[];
}

export async function renderTablePdf(table: TableView): Promise<Buffer> {
  setUpPdfFonts();
  const created = new Date(Date.UTC(2000, 0, 1));
  const total = table.columns.reduce((s, c) => s + c.width, 0);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    // landscape: the binding edge (Decree 30's left margin) is the top
    pageMargins: [mmToPt(MARGIN_MM.right), mmToPt(MARGIN_MM.left), mmToPt(MARGIN_MM.right), mmToPt(MARGIN_MM.bottom)],
    defaultStyle: { font: PDF_FONT, fontSize: 12, lineHeight: 1.1 },
    header: (page: number) =>
      page < 2 ? null : { text: String(page), alignment: 'center', fontSize: 12, margin: [0, mmToPt(PAGE_NUMBER_FROM_TOP_MM), 0, 0] },
    content: [
      { text: table.title, bold: true, fontSize: 14, alignment: 'center', margin: [0, 0, 0, 4] },
      ...table.lines.map((l) => ({
        text: l,
        italics: true,
        alignment: 'center' as const,
        margin: [0, 0, 0, 2] as [number, number, number, number],
      })),
      {
        margin: [0, 8, 0, 8],
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: table.columns.map((c) => `${((c.width / total) * 100).toFixed(2)}%`),
          body: [
            table.columns.map((c) => ({ text: c.header, bold: true, alignment: 'center' as const })),
            ...table.rows.map((r) => r.map((cell, i) => ({ text: String(cell), alignment: table.columns[i]?.align ?? 'left' }))),
          ],
        },
      },
      ...table.notes.map((n) => ({ text: n, margin: [0, 0, 0, 2] as [number, number, number, number] })),
    ],
    info: { title: table.title, creator: 'thidua', producer: 'thidua', creationDate: created, modDate: created },
    language: 'vi-VN',
  };
  return (await pdfmake.createPdf(definition).getBuffer()) as Buffer;
}

export async function renderTableXlsx(table: TableView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'thidua';
  const name = table.title.replace(/[*?:\\/[\]]/g, ' ').slice(0, 31);
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 + table.lines.length }] });
  sheet.addRow([table.title]).font = { bold: true, size: 13 };
  for (const l of table.lines) sheet.addRow([l]).font = { italic: true };
  const head = sheet.addRow(table.columns.map((c) => c.header));
  head.font = { bold: true };
  head.alignment = { vertical: 'middle', wrapText: true };
  for (const r of table.rows) sheet.addRow([...r]);
  const headRow = 2 + table.lines.length;
  sheet.autoFilter = { from: { row: headRow, column: 1 }, to: { row: headRow, column: table.columns.length } };
  table.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = Math.max(8, c.width * 2)));
  if (table.notes.length) sheet.addRow([]);
  for (const n of table.notes) sheet.addRow([n]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
