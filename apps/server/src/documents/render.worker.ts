// Runs in a worker thread: laying out a decision with a long attached list is CPU work (about two seconds for 1,000
// recipients) that must not hold the server's event loop.
import type { DocumentView } from '@thidua/domain';
import { renderDocx } from './render-docx.ts';
import { renderPdf } from './render-pdf.ts';
import { renderTablePdf, renderTableXlsx, type TableView } from './render-table.ts';

export interface RenderTask {
  view: DocumentView;
  format: 'pdf' | 'docx';
}
/** A table (a ranking, a score sheet) to PDF or Excel. */
export interface TableTask {
  table: TableView;
  format: 'pdf' | 'xlsx';
}

export default async function render(task: RenderTask | TableTask): Promise<Uint8Array> {
  const bytes =
    'table' in task
      ? task.format === 'pdf'
        ? await renderTablePdf(task.table)
        : await renderTableXlsx(task.table)
      : task.format === 'pdf'
        ? await renderPdf(task.view)
        : await renderDocx(task.view);
  // a copy that owns its memory crosses to the main thread; a pooled Buffer's slice would carry the whole pool
  return new Uint8Array(bytes);
}
