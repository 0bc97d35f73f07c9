// The DOCX of a document view (docx 9): Times New Roman, A4, Decree 30 margins, page numbers centred in the top margin
// from the second page (a first-page header left empty, w:titlePg), the attached list in a section of its own whose
// pages are numbered again from 1.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  SectionType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from 'docx';
import QRCode from 'qrcode';
import type { DocumentView, Paragraph as ViewParagraph, Run } from '@thidua/domain';
import {
  DOCX_FONT,
  INDENT_MM,
  MARGIN_MM,
  mmToTwips,
  MOTTO_WIDTH_PT,
  PAGE_MM,
  PAGE_NUMBER_FROM_TOP_MM,
  PARAGRAPH_AFTER_PT,
  SIGNATURE_SPACE_PT,
  SIZE,
} from './style.ts';

const half = (pt: number) => pt * 2; // docx sizes are half-points
const twipsPt = (pt: number) => Math.round(pt * 20);
const CONTENT = mmToTwips(PAGE_MM.width - MARGIN_MM.left - MARGIN_MM.right);
const HEADER_LEFT = Math.round(CONTENT * 0.38);
const HEADER_RIGHT = CONTENT - HEADER_LEFT;
const LINE = { line: 264, lineRule: 'auto' as const }; // 1.1 lines
const CELL_MARGIN = 108; // twips, Word's default left and right cell margin

const NONE: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'auto' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const RULE: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };

/**
 * A document number never breaks across lines: its hyphens become Word's non-breaking hyphen (w:noBreakHyphen), and a
 * word joiner (U+2060) follows each "/" before a letter, where Unicode line breaking would otherwise allow a break.
 */
function keptChildren(text: string): (string | NoBreakHyphen)[] {
  const out: (string | NoBreakHyphen)[] = [];
  text.split('-').forEach((part, i) => {
    if (i > 0) out.push(new NoBreakHyphen());
    if (part) out.push(part.replace(/\/(?=\p{L})/gu, '/\u2060'));
  });
  return out;
}

const run = (r: Run, size: number, base: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({
    ...(r.keep ? { children: keptChildren(r.text) } : { text: r.text }),
    bold: r.bold ?? base.bold ?? false,
    italics: r.italic ?? base.italics ?? false,
    size: half(size),
  });

const text = (t: string, size: number, style: { bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text: t, size: half(size), bold: style.bold ?? false, italics: style.italics ?? false });

const centred = (t: string, size: number, style: { bold?: boolean; italics?: boolean } = {}, after = 0, before = 0) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: twipsPt(before), after: twipsPt(after) },
    children: [text(t, size, style)],
  });

/** An empty paragraph drawing a centred rule `width` twips long (its bottom border, narrowed by indents). */
function rule(width: number, within: number, after = 80): Paragraph {
  const side = Math.max(0, Math.round((within - width) / 2));
  return new Paragraph({
    indent: { left: side, right: side },
    border: { bottom: RULE },
    spacing: { before: 0, after, line: 120, lineRule: 'exact' },
    children: [new TextRun({ text: '', size: 4 })],
  });
}

const body = (p: ViewParagraph) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwips(INDENT_MM) },
    spacing: { before: 0, after: twipsPt(PARAGRAPH_AFTER_PT), ...LINE },
    children: p.runs.map((r) => run(r, SIZE.body)),
  });

const cell = (children: (Paragraph | Table)[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
  new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, ...extra });

function header(view: DocumentView): (Paragraph | Table)[] {
  const left: Paragraph[] = [];
  if (view.issuer.parent) left.push(centred(view.issuer.parent, SIZE.issuer));
  for (const l of view.issuer.lines) left.push(centred(l, SIZE.issuer, { bold: true }));
  left.push(rule(Math.round(HEADER_LEFT / 3), HEADER_LEFT, 0));
  // the cell's own margins (Word's default, 108 twips a side) and a little slack, so no renderer wraps the motto
  const mottoSide = Math.max(0, Math.round((HEADER_RIGHT - 2 * CELL_MARGIN - twipsPt(MOTTO_WIDTH_PT + 8)) / 2));
  const right: Paragraph[] = [
    centred(view.nationalTitle, SIZE.nationalTitle, { bold: true }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      indent: { left: mottoSide, right: mottoSide },
      border: { bottom: RULE },
      spacing: { before: 0, after: 0 },
      children: [text(view.motto, SIZE.motto, { bold: true })],
    }),
  ];
  const table = new Table({
    width: { size: CONTENT, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(left, HEADER_LEFT), cell(right, HEADER_RIGHT)] }),
      new TableRow({
        children: [
          // 6 pt below the rules, the number and the place-and-date line on one baseline
          cell([centred(view.number, SIZE.number, {}, 0, 6)], HEADER_LEFT, { verticalAlign: VerticalAlign.TOP }),
          cell([centred(view.dateLine, SIZE.dateLine, { italics: true }, 0, 6)], HEADER_RIGHT),
        ],
      }),
    ],
  });
  const out: (Paragraph | Table)[] = [];
  if (view.draftMark)
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(view.draftMark, SIZE.number, { bold: true })] }));
  out.push(table);
  return out;
}

function title(view: DocumentView): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twipsPt(18), after: 0 },
      children: [text(view.typeName, SIZE.typeName, { bold: true })],
    }),
    ...view.summary.map((s) => centred(s, SIZE.summary, { bold: true })),
    rule(Math.round(CONTENT / 4), CONTENT, twipsPt(8)),
    centred(view.authority, SIZE.authority, { bold: true }, 10),
  ];
}

async function signature(view: DocumentView): Promise<(Paragraph | Table)[]> {
  const leftWidth = Math.round(CONTENT * 0.45);
  const rightWidth = CONTENT - leftWidth;
  const keep = { keepNext: true, keepLines: true };
  const copies = [
    new Paragraph({ ...keep, children: [text(view.copiesTo.heading, SIZE.copiesHeading, { bold: true, italics: true })] }),
    ...view.copiesTo.lines.map((l) => new Paragraph({ ...keep, children: [text(l, SIZE.copiesLines)] })),
  ];
  const signer = [
    ...view.signer.lines.map(
      (l) => new Paragraph({ ...keep, alignment: AlignmentType.CENTER, children: [text(l, SIZE.signer, { bold: true })] }),
    ),
    new Paragraph({
      ...keep,
      alignment: AlignmentType.CENTER,
      spacing: { before: twipsPt(SIGNATURE_SPACE_PT) },
      children: [text(view.signer.name, SIZE.signer, { bold: true })],
    }),
  ];
  const out: (Paragraph | Table)[] = [
    new Table({
      width: { size: CONTENT, type: WidthType.DXA },
      columnWidths: [leftWidth, rightWidth],
      borders: NO_BORDERS,
      rows: [new TableRow({ cantSplit: true, children: [cell(copies, leftWidth), cell(signer, rightWidth)] })],
    }),
  ];
  const v = view.verification;
  if (v) {
    const png = await QRCode.toBuffer(v.url, { errorCorrectionLevel: 'M', margin: 0, scale: 4 });
    const qrWidth = 1440; // 1 inch
    out.push(
      new Table({
        width: { size: CONTENT, type: WidthType.DXA },
        columnWidths: [qrWidth + 120, CONTENT - qrWidth - 120],
        borders: NO_BORDERS,
        rows: [
          new TableRow({
            cantSplit: true,
            children: [
              cell(
                [
                  new Paragraph({
                    spacing: { before: 240 },
                    children: [new ImageRun({ type: 'png', data: png, transformation: { width: 96, height: 96 } })],
                  }),
                ],
                qrWidth + 120,
              ),
              cell(
                v.lines.map((l, i) => new Paragraph({ spacing: { before: i === 0 ? 480 : 0 }, children: [text(l, SIZE.verification)] })),
                CONTENT - qrWidth - 120,
              ),
            ],
          }),
        ],
      }),
    );
  }
  return out;
}

function attachment(view: DocumentView): (Paragraph | Table)[] {
  const a = view.attachment;
  if (!a) return [];
  const stt = 680;
  const totalWidth = a.columns.reduce((s, c) => s + c.width, 0);
  const widths = [stt, ...a.columns.map((c) => Math.floor(((CONTENT - stt) * c.width) / totalWidth))];
  const all = { top: RULE, bottom: RULE, left: RULE, right: RULE };
  const align = (x: 'left' | 'center' | 'right') =>
    x === 'center' ? AlignmentType.CENTER : x === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
  const tcell = (t: string, i: number, a2: 'left' | 'center' | 'right', bold = false, span = 1) =>
    new TableCell({
      width: { size: widths.slice(i, i + span).reduce((s, w) => s + w, 0), type: WidthType.DXA },
      columnSpan: span > 1 ? span : undefined,
      borders: all,
      margins: { left: 80, right: 80 },
      children: [new Paragraph({ alignment: align(a2), children: [text(t, SIZE.table, { bold })] })],
    });
  const rows: TableRow[] = [
    new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: [tcell('STT', 0, 'center', true), ...a.columns.map((c, i) => tcell(c.header, i + 1, 'center', true))],
    }),
  ];
  for (const g of a.groups) {
    if (g.heading) rows.push(new TableRow({ cantSplit: true, children: [tcell(g.heading, 0, 'left', true, widths.length)] }));
    for (const r of g.rows) {
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [tcell(r.index, 0, 'center'), ...r.cells.map((c, i) => tcell(c, i + 1, a.columns[i]!.align))],
        }),
      );
    }
  }
  if (a.total) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          tcell(a.total.label, 0, 'left', true, 2),
          ...a.total.cells.map((c, i) => tcell(c, i + 2, a.columns[i + 1]!.align, true)),
        ],
      }),
    );
  }
  const out: (Paragraph | Table)[] = [];
  if (view.draftMark)
    out.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(view.draftMark, SIZE.number, { bold: true })] }));
  out.push(
    centred(a.title, SIZE.typeName, { bold: true }),
    centred(a.subtitle, SIZE.summary, { bold: true }),
    centred(a.note, SIZE.body, { italics: true }),
    rule(Math.round(CONTENT / 4), CONTENT, twipsPt(10)),
    new Table({ width: { size: CONTENT, type: WidthType.DXA }, columnWidths: widths, rows }),
  );
  return out;
}

/** Page numbers centred in the top margin; the first page of each part shows none (its "first" header is empty). */
function pageSetup(type?: (typeof SectionType)[keyof typeof SectionType]): Pick<ISectionOptions, 'properties' | 'headers'> {
  return {
    properties: {
      ...(type ? { type } : {}),
      titlePage: true,
      page: {
        size: { width: mmToTwips(PAGE_MM.width), height: mmToTwips(PAGE_MM.height), orientation: 'portrait' },
        margin: {
          top: mmToTwips(MARGIN_MM.top),
          bottom: mmToTwips(MARGIN_MM.bottom),
          left: mmToTwips(MARGIN_MM.left),
          right: mmToTwips(MARGIN_MM.right),
          header: mmToTwips(PAGE_NUMBER_FROM_TOP_MM),
          footer: mmToTwips(PAGE_NUMBER_FROM_TOP_MM),
        },
        pageNumbers: { start: 1 },
      },
    },
    headers: {
      default: new Header({
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ children: [PageNumber.CURRENT], size: half(SIZE.pageNumber) })],
          }),
        ],
      }),
      first: new Header({ children: [new Paragraph({ children: [] })] }),
    },
  };
}

export async function renderDocx(view: DocumentView): Promise<Buffer> {
  const main: (Paragraph | Table)[] = [
    ...header(view),
    ...title(view),
    ...view.bases.map(body),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: twipsPt(4), after: twipsPt(10) },
      children: [text(view.enactingWords, SIZE.typeName, { bold: true })],
    }),
    ...view.articles.flatMap((a) => a.paragraphs.map(body)),
    ...(await signature(view)),
  ];
  const sections: ISectionOptions[] = [{ ...pageSetup(), children: main }];
  if (view.attachment) sections.push({ ...pageSetup(SectionType.NEXT_PAGE), children: attachment(view) });
  const doc = new Document({
    creator: 'thidua',
    title: view.meta.title,
    subject: view.meta.subject,
    description: view.meta.subject,
    styles: {
      default: {
        document: {
          run: { font: DOCX_FONT, size: half(SIZE.body) },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
    },
    sections,
  });
  return Packer.toBuffer(doc);
}
