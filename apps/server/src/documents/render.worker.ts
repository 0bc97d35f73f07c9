// Runs in a worker thread: laying out a decision with a long attached list is CPU work (about two seconds for 1,000
// recipients) that must not hold the server's event loop.
import type { DocumentView } from '@thidua/domain';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';

export interface RenderTask {
  view: DocumentView;
  format: 'pdf' | 'docx';
}

export default async function render({ view, format }: RenderTask): Promise<Uint8Array> {
  const bytes = format === 'pdf' ? await renderPdf(view) : await renderDocx(view);
  // a copy that owns its memory crosses to the main thread; a pooled Buffer's slice would carry the whole pool
  return new Uint8Array(bytes);
}
