export { renderDocx } from './render-docx.ts';
export { renderPdf } from './render-pdf.ts';
export { renderDocument, closeDocumentRenderer, type DocumentFormat } from './render.ts';
