/**
 * The renderer-neutral view-model of an administrative document (Decree 30/2020/NĐ-CP, Appendix I): every string a
 * page shows, in reading order, with only the emphasis the style table gives each component. The DOCX and PDF
 * renderers (apps/server/src/documents) lay it out; they add no wording of their own.
 */

/** A stretch of text with its emphasis. `keep`: never broken across lines (document numbers such as 98/2023/NĐ-CP). */
export interface Run {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly keep?: boolean;
}

export interface Paragraph {
  readonly runs: readonly Run[];
}

/** Ô 7a–7c: delegation and position lines (bold, upper case), room for the signature and seal, the name. */
export interface SignerBlock {
  readonly lines: readonly string[];
  readonly name: string;
}

export interface AttachmentColumn {
  readonly header: string;
  /** Relative width. */
  readonly width: number;
  readonly align: 'left' | 'center' | 'right';
}

export interface AttachmentRow {
  /** The running number inside its group, "1", "2", … */
  readonly index: string;
  /** One cell per column after the STT column. */
  readonly cells: readonly string[];
}

export interface AttachmentGroup {
  /** "I. Tập thể" — null when the list has one group only. */
  readonly heading: string | null;
  readonly rows: readonly AttachmentRow[];
}

/** The attached list (danh sách kèm theo), on pages of its own numbered separately (Decree 30: appendix pages). */
export interface Attachment {
  readonly title: string;
  readonly subtitle: string;
  /** "(Kèm theo Quyết định số 07/QĐ-UBND ngày 05 tháng 02 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Thanh Hóa)" */
  readonly note: string;
  /** The columns after "STT". */
  readonly columns: readonly AttachmentColumn[];
  readonly groups: readonly AttachmentGroup[];
  /** The closing row: the label spans the STT and first columns, then one cell per further column ("" where nothing is summed). */
  readonly total: { readonly label: string; readonly cells: readonly string[] } | null;
}

export interface Verification {
  readonly code: string;
  readonly url: string;
  /** The printed lines beside the QR code. */
  readonly lines: readonly string[];
}

export interface DocumentMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  /**
   * The document's own date (issue date; a draft: the date its data were taken), used as the PDF's creation date so
   * the same view always renders the same bytes.
   */
  readonly date: string;
}

export interface DocumentView {
  readonly kind: 'AWARD_DECISION';
  readonly meta: DocumentMeta;
  readonly draft: boolean;
  /** "DỰ THẢO" on a draft, null on an issued document. */
  readonly draftMark: string | null;
  /** Ô 2: the parent body (regular) and the issuing body (bold), upper case. */
  readonly issuer: { readonly parent: string | null; readonly lines: readonly string[] };
  /** Ô 1. */
  readonly nationalTitle: string;
  readonly motto: string;
  /** Ô 3: "Số: 07/QĐ-UBND". */
  readonly number: string;
  /** Ô 4: "Thanh Hóa, ngày 05 tháng 02 năm 2026". */
  readonly dateLine: string;
  /** Ô 5a: "QUYẾT ĐỊNH" and the summary (trích yếu). */
  readonly typeName: string;
  readonly summary: readonly string[];
  /** The authority line ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA"). */
  readonly authority: string;
  /** Căn cứ lines and the proposal line, each ending ";" and the last "." (italic). */
  readonly bases: readonly Paragraph[];
  /** "QUYẾT ĐỊNH:" */
  readonly enactingWords: string;
  /** Điều 1…n: each article's paragraphs; the first starts with the bold "Điều n." run. */
  readonly articles: readonly { readonly number: number; readonly paragraphs: readonly Paragraph[] }[];
  /** Ô 9b. */
  readonly copiesTo: { readonly heading: string; readonly lines: readonly string[] };
  readonly signer: SignerBlock;
  readonly verification: Verification | null;
  readonly attachment: Attachment | null;
}

/** The text of a paragraph. */
export const paragraphText = (p: Paragraph): string => p.runs.map((r) => r.text).join('');

/**
 * Every line of text the document shows, in reading order: the first page's header row by row (the issuing body, then
 * the national title and motto; the number, then the place and date). The renderers' tests compare the text they
 * extract with it.
 */
export function documentLines(view: DocumentView): string[] {
  const lines: string[] = [];
  if (view.draftMark) lines.push(view.draftMark);
  if (view.issuer.parent) lines.push(view.issuer.parent);
  lines.push(...view.issuer.lines, view.nationalTitle, view.motto, view.number, view.dateLine);
  lines.push(view.typeName, ...view.summary, view.authority);
  lines.push(...view.bases.map(paragraphText), view.enactingWords);
  for (const article of view.articles) lines.push(...article.paragraphs.map(paragraphText));
  lines.push(view.copiesTo.heading, ...view.copiesTo.lines, ...view.signer.lines, view.signer.name);
  if (view.verification) lines.push(...view.verification.lines);
  const a = view.attachment;
  if (a) {
    lines.push(a.title, a.subtitle, a.note);
    for (const g of a.groups) {
      if (g.heading) lines.push(g.heading);
      for (const r of g.rows) lines.push([r.index, ...r.cells].filter(Boolean).join(' '));
    }
    if (a.total) lines.push([a.total.label, ...a.total.cells].filter(Boolean).join(' '));
  }
  return lines;
}
