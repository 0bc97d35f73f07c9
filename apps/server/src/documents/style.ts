// The Decree 30/2020/NĐ-CP presentation both renderers follow (Appendix I; documents-and-forms.md §1.3): one table of
// sizes, so the DOCX and the PDF of a view differ only in what each format can say.

/** A4 portrait, millimetres. */
export const PAGE_MM = { width: 210, height: 297 } as const;
/** Top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm: the lower bounds, which leave the most room for the text. */
export const MARGIN_MM = { top: 20, bottom: 20, left: 30, right: 15 } as const;
/** The page number sits in the top margin, this far from the page's edge. */
export const PAGE_NUMBER_FROM_TOP_MM = 10;

/** Point sizes and emphasis per component. */
export const SIZE = {
  nationalTitle: 12, // 12–13, bold, upper case
  motto: 13, // 13–14, bold
  issuer: 13, // 12–13; parent regular, issuer bold
  number: 13, // "Số:" 13
  dateLine: 14, // 13–14 italic
  typeName: 14, // 13–14 bold
  summary: 14, // 13–14 bold
  authority: 14, // 13–14 bold
  body: 14, // 13–14, justified
  copiesHeading: 12, // "Nơi nhận:" 12 bold italic
  copiesLines: 11, // 11
  signer: 14, // 13–14 bold
  pageNumber: 13, // 13–14
  table: 13, // the attached list
  verification: 11,
} as const;

/** First-line indent of body paragraphs: 1 cm (Decree 30: 1 cm or 1.27 cm). */
export const INDENT_MM = 10;
/** At least 6 pt between paragraphs. */
export const PARAGRAPH_AFTER_PT = 6;
/** Room for the signature and seal between the position and the name. */
export const SIGNATURE_SPACE_PT = 72;

export const PT_PER_MM = 72 / 25.4;
export const TWIPS_PER_MM = 1440 / 25.4;
export const mmToPt = (mm: number): number => mm * PT_PER_MM;
export const mmToTwips = (mm: number): number => Math.round(mm * TWIPS_PER_MM);

/** Times New Roman in the DOCX (the reader's own copy); Liberation Serif, its metric twin, embedded in the PDF. */
export const DOCX_FONT = 'Times New Roman';
export const PDF_FONT = 'Liberation Serif';

/**
 * The motto's width at SIZE.motto bold, in points (Liberation Serif Bold, metric twin of Times New Roman Bold; measured
 * with fontkit): the rule under it is as long as the text (Decree 30). The motto is fixed text, so is its width.
 */
export const MOTTO_WIDTH_PT = 158.9;
