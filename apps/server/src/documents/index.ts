export { renderDocx } from './render-docx.ts';
export { renderPdf } from './render-pdf.ts';
export { renderDocument, renderTable, closeDocumentRenderer, type DocumentFormat } from './render.ts';
export type { TableView } from './render-table.ts';
