// The PDF of a document view (pdfmake 0.3 over pdfkit), Liberation Serif embedded. Pure apart from reading the fonts
// once: the same view gives the same bytes (fixed creation date, producer and file ID), because the SHA-256 of an
// issued PDF is published.
import pdfmake from 'pdfmake';
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { DocumentView, Paragraph, Run } from '@thidua/domain';
import { FONT_FILES, loadFonts } from './fonts.ts';
import {
  INDENT_MM,
  MARGIN_MM,
  mmToPt,
  PAGE_MM,
  PAGE_NUMBER_FROM_TOP_MM,
  PARAGRAPH_AFTER_PT,
  PDF_FONT,
  SIGNATURE_SPACE_PT,
  SIZE,
} from './style.ts';

type PdfMake = typeof pdfmake & { virtualfs: { writeFileSync(name: string, data: Buffer): void } };
let ready = false;

/** Fonts from the virtual file system: no file or URL is ever read while a document is laid out. */
export function setUpPdfFonts(): void {
  if (ready) return;
  const fonts = loadFonts();
  const pm = pdfmake as PdfMake;
  for (const [style, file] of Object.entries(FONT_FILES)) pm.virtualfs.writeFileSync(file, fonts[style as keyof typeof fonts]);
  pdfmake.setFonts({ [PDF_FONT]: { ...FONT_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  ready = true;
}

const CONTENT_WIDTH = mmToPt(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);
const INDENT = mmToPt(INDENT_MM);
const HEADER_LEFT = CONTENT_WIDTH * 0.38;

/** A document number never breaks across lines (pdfmake keeps a noWrap inline as one word). */
const inline = (r: Run, base: { bold?: boolean; italics?: boolean } = {}) => ({
  text: r.text,
  bold: r.bold ?? base.bold ?? false,
  italics: r.italic ?? base.italics ?? false,
  ...(r.keep ? { noWrap: true } : {}),
});

const bodyParagraph = (p: Paragraph, extra: Record<string, unknown> = {}): Content => ({
  text: p.runs.map((r) => inline(r)),
  fontSize: SIZE.body,
  alignment: 'justify',
  leadingIndent: INDENT,
  margin: [0, 0, 0, PARAGRAPH_AFTER_PT],
  ...extra,
});

/** A solid rule `width` wide, centred in its column. */
const rule = (width: number, columnWidth: number, top = 1, bottom = 4): Content => ({
  canvas: [{ type: 'line', x1: (columnWidth - width) / 2, y1: 3, x2: (columnWidth + width) / 2, y2: 3, lineWidth: 0.75 }],
  margin: [0, top, 0, bottom],
});

/** Text with a rule exactly its own width under it (the motto's rule, Decree 30). */
const underlined = (text: string, style: Record<string, unknown>): Content => ({
  columns: [
    { width: '*', text: '' },
    {
      width: 'auto',
      table: { body: [[{ text, ...style }]] },
      layout: {
        hLineWidth: (i: number) => (i === 1 ? 0.75 : 0),
        vLineWidth: () => 0,
        paddingLeft: () => 0,
        paddingRight: () => 0,
        paddingTop: () => 0,
        paddingBottom: () => 1,
      },
    },
    { width: '*', text: '' },
  ],
});

/** Ô 1–4 in two rows, so that the number and the place-and-date line share a baseline (Decree 30). */
function header(view: DocumentView): Content[] {
  const right = CONTENT_WIDTH - HEADER_LEFT;
  const issuer: Content[] = [];
  if (view.issuer.parent) issuer.push({ text: view.issuer.parent, fontSize: SIZE.issuer, alignment: 'center' });
  for (const line of view.issuer.lines) issuer.push({ text: line, fontSize: SIZE.issuer, bold: true, alignment: 'center' });
  issuer.push(rule(HEADER_LEFT / 3, HEADER_LEFT, 1, 0));
  const national: Content[] = [
    { text: view.nationalTitle, fontSize: SIZE.nationalTitle, bold: true, alignment: 'center', noWrap: true },
    underlined(view.motto, { fontSize: SIZE.motto, bold: true, alignment: 'center' }),
  ];
  const out: Content[] = [];
  if (view.draftMark) out.push({ text: view.draftMark, bold: true, fontSize: SIZE.number, alignment: 'right', margin: [0, 0, 0, 4] });
  out.push(
    {
      columns: [
        { width: HEADER_LEFT, stack: issuer },
        { width: right, stack: national },
      ],
      columnGap: 0,
    },
    {
      columns: [
        { width: HEADER_LEFT, text: view.number, fontSize: SIZE.number, alignment: 'center' },
        { width: right, text: view.dateLine, fontSize: SIZE.dateLine, italics: true, alignment: 'center' },
      ],
      columnGap: 0,
      margin: [0, 6, 0, 0],
    },
  );
  return out;
}

function title(view: DocumentView): Content[] {
  return [
    { text: view.typeName, fontSize: SIZE.typeName, bold: true, alignment: 'center', margin: [0, 18, 0, 0] },
    ...view.summary.map((s): Content => ({ text: s, fontSize: SIZE.summary, bold: true, alignment: 'center' })),
    rule(CONTENT_WIDTH / 4, CONTENT_WIDTH, 2, 8),
    { text: view.authority, fontSize: SIZE.authority, bold: true, alignment: 'center', margin: [0, 4, 0, 10] },
  ];
}

function signature(view: DocumentView): Content {
  const copies: Content[] = [
    { text: view.copiesTo.heading, fontSize: SIZE.copiesHeading, bold: true, italics: true },
    ...view.copiesTo.lines.map((l): Content => ({ text: l, fontSize: SIZE.copiesLines })),
  ];
  const signer: Content[] = [
    ...view.signer.lines.map((l): Content => ({ text: l, fontSize: SIZE.signer, bold: true, alignment: 'center' })),
    { text: view.signer.name, fontSize: SIZE.signer, bold: true, alignment: 'center', margin: [0, SIGNATURE_SPACE_PT, 0, 0] },
  ];
  const block: Content[] = [
    {
      columns: [
        { width: '45%', stack: copies },
        { width: '55%', stack: signer },
      ],
    },
  ];
  const v = view.verification;
  if (v) {
    block.push({
      columns: [
        { width: 72, qr: v.url, fit: 72, eccLevel: 'M' },
        { width: '*', stack: v.lines.map((l) => ({ text: l, fontSize: SIZE.verification })), margin: [8, 16, 0, 0] },
      ],
      margin: [0, 12, 0, 0],
    });
  }
  // the signature, the list of recipients and the verification code stay together on one page
  return { stack: block, margin: [0, 6, 0, 0], unbreakable: true };
}

function attachmentTable(view: DocumentView): ContentTable | null {
  const a = view.attachment;
  if (!a) return null;
  const stt = 32;
  const totalWidth = a.columns.reduce((s, c) => s + c.width, 0);
  const free = CONTENT_WIDTH - stt - 8 * (a.columns.length + 1);
  const widths = [stt, ...a.columns.map((c) => (free * c.width) / totalWidth)];
  const span = a.columns.length + 1;
  const cell = (text: string, align: 'left' | 'center' | 'right', extra: Record<string, unknown> = {}) => ({
    text,
    alignment: align,
    ...extra,
  });
  const body: Record<string, unknown>[][] = [
    [cell('STT', 'center', { bold: true }), ...a.columns.map((c) => cell(c.header, 'center', { bold: true }))],
  ];
  for (const g of a.groups) {
    if (g.heading) body.push([{ text: g.heading, bold: true, colSpan: span }, ...Array.from({ length: span - 1 }, () => ({}))]);
    for (const r of g.rows) body.push([cell(r.index, 'center'), ...r.cells.map((c, i) => cell(c, a.columns[i]!.align))]);
  }
  if (a.total) {
    body.push([
      { text: a.total.label, bold: true, colSpan: 2 },
      {},
      ...a.total.cells.map((c, i) => cell(c, a.columns[i + 1]!.align, { bold: true })),
    ]);
  }
  return { table: { headerRows: 1, widths, body: body as ContentTable['table']['body'], dontBreakRows: true }, fontSize: SIZE.table };
}

/** Page numbers: centred in the top margin, none on a part's first page; the attached list is numbered on its own. */
function pageNumber(n: number): Content | null {
  if (n < 2) return null;
  return { text: String(n), fontSize: SIZE.pageNumber, alignment: 'center', margin: [0, mmToPt(PAGE_NUMBER_FROM_TOP_MM), 0, 0] };
}

export function pdfDefinition(view: DocumentView): TDocumentDefinitions {
  // the attached list's pages count from its own first page: pdfmake asks for its headers in page order, after layout
  let attachmentFirst: number | null = null;
  const content: Content[] = [
    ...header(view),
    ...title(view),
    ...view.bases.map((p) => bodyParagraph(p)),
    { text: view.enactingWords, fontSize: SIZE.typeName, bold: true, alignment: 'center', margin: [0, 4, 0, 10] },
    ...view.articles.flatMap((a) => a.paragraphs.map((p) => bodyParagraph(p))),
    signature(view),
  ];
  const table = attachmentTable(view);
  if (view.attachment && table) {
    const a = view.attachment;
    content.push({
      section: [
        ...(view.draftMark ? [{ text: view.draftMark, bold: true, fontSize: SIZE.number, alignment: 'right' as const }] : []),
        { text: a.title, fontSize: SIZE.typeName, bold: true, alignment: 'center' },
        { text: a.subtitle, fontSize: SIZE.summary, bold: true, alignment: 'center' },
        { text: a.note, fontSize: SIZE.body, italics: true, alignment: 'center' },
        rule(CONTENT_WIDTH / 4, CONTENT_WIDTH, 2, 10),
        table,
      ],
      pageSize: 'inherit',
      pageMargins: 'inherit',
      header: (current: number) => {
        attachmentFirst ??= current;
        return pageNumber(current - attachmentFirst + 1);
      },
    } as unknown as Content);
  }
  const created = new Date(`${view.meta.date}T00:00:00+07:00`);
  return {
    pageSize: { width: mmToPt(PAGE_MM.width), height: mmToPt(PAGE_MM.height) },
    pageOrientation: 'portrait',
    pageMargins: [mmToPt(MARGIN_MM.left), mmToPt(MARGIN_MM.top), mmToPt(MARGIN_MM.right), mmToPt(MARGIN_MM.bottom)],
    header: (current: number) => {
      // a layout may be retried from the first page: the attached list's first page is found again
      if (current === 1) attachmentFirst = null;
      return pageNumber(current);
    },
    content,
    defaultStyle: { font: PDF_FONT, fontSize: SIZE.body, lineHeight: 1.1 },
    info: {
      title: view.meta.title,
      author: view.meta.author,
      subject: view.meta.subject,
      creator: 'thidua',
      producer: 'thidua',
      creationDate: created,
      modDate: created,
    },
    language: 'vi-VN',
  };
}

export async function renderPdf(view: DocumentView): Promise<Buffer> {
  setUpPdfFonts();
  return (await pdfmake.createPdf(pdfDefinition(view)).getBuffer()) as Buffer;
}
