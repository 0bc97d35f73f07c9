// The award decision with a 1,000-recipient attached list rendered to PDF (pdfmake) and DOCX (docx), beside the time
// pdfmake itself takes to lay out the same number of plain table rows (same font, page and margins, same cell texts,
// no grouping, no header block) in the same run: the cost of the document above pdfmake's own table layout.
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';
import { buildAwardDecisionView } from '../packages/domain/src/documents/award-decision.ts';
import { sampleDecision } from '../packages/domain/src/documents/test-fixtures.ts';
import { renderDocx } from '../apps/server/src/documents/render-docx.ts';
import { pdfDefinition, renderPdf } from '../apps/server/src/documents/render-pdf.ts';
import type { Benchmark } from './run.ts';

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 1_000);
const RUNS = Number(process.env.BENCH_DOC_RUNS ?? 5);

const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function time<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number; last: T }> {
  await fn(); // warm-up: fonts read, code compiled
  const times: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    times.push(performance.now() - t);
  }
  return { ms: median(times), last };
}

export const benchmark: Benchmark = {
  name: 'documents',
  async run(log) {
    const view = buildAwardDecisionView(sampleDecision({}, RECIPIENTS));
    log(`award decision, ${RECIPIENTS} recipients in the attached list; median of ${RUNS} runs after a warm-up`);

    const pdf = await time(RUNS, () => renderPdf(view));
    const pages = pageCount(pdf.last);
    log(`PDF: ${pdf.ms.toFixed(0)} ms, ${pages} pages, ${(pdf.last.length / 1024).toFixed(0)} KB`);

    const docx = await time(RUNS, () => renderDocx(view));
    log(`DOCX: ${docx.ms.toFixed(0)} ms, ${(docx.last.length / 1024).toFixed(0)} KB (pages counted as the PDF's)`);

    // baseline: the same rows as a bare pdfmake table, under the same page set-up
    const a = view.attachment!;
    const rows = a.groups.flatMap((g) => g.rows.map((r) => [r.index, ...r.cells]));
    const own = pdfDefinition(view);
    const bare: TDocumentDefinitions = {
      pageSize: own.pageSize,
      pageMargins: own.pageMargins,
      defaultStyle: own.defaultStyle,
      content: [{ table: { widths: [32, '*', '*', 80], body: rows }, fontSize: 13 }],
    };
    const plain = await time(RUNS, async () => (await pdfmake.createPdf(structuredClone(bare)).getBuffer()) as Buffer);
    const plainPages = pageCount(plain.last);
    log(`pdfmake, ${rows.length} plain table rows: ${plain.ms.toFixed(0)} ms, ${plainPages} pages`);

    const pps = (ms: number, n: number) => (n / (ms / 1000)).toFixed(1);
    return [
      `documents, ${RECIPIENTS}-recipient decision: PDF ${pdf.ms.toFixed(0)} ms for ${pages} pages (${pps(pdf.ms, pages)} pages/s), DOCX ${docx.ms.toFixed(0)} ms (${pps(docx.ms, pages)} pages/s)`,
      `  baseline, pdfmake laying out ${rows.length} plain table rows: ${plain.ms.toFixed(0)} ms for ${plainPages} pages (${pps(plain.ms, plainPages)} pages/s); the decision's PDF takes ${(pdf.ms / plain.ms).toFixed(2)}× its time`,
    ];
  },
};
