import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import type { DocumentView } from '@thidua/domain';
import { COMPILED } from '../lib/locations.ts';
import { WorkersBusyError } from '../workers/pool.ts';
import type { RenderTask, TableTask } from './render.worker.ts';
import type { TableView } from './render-table.ts';

export type DocumentFormat = RenderTask['format'];

// the compiled server bundles the worker beside itself (dist/document-render.worker.js); from the sources tsx compiles
// the TypeScript worker in the thread, as for the eligibility worker
const WORKER = COMPILED
  ? { filename: new URL('document-render.worker.js', import.meta.url).href, execArgv: [] }
  : { filename: new URL('./render.worker.ts', import.meta.url).href, execArgv: ['--import', 'tsx'] };

let pool: Piscina | null = null;

/**
 * Renders a document view to PDF or DOCX in a worker thread (one thread less than the machine has cores, at least one;
 * a bounded queue: a full queue is refused with WorkersBusyError, which the API answers as RATE_LIMITED). The pool
 * starts on first use; threads end after a minute idle.
 */
export async function renderDocument(view: DocumentView, format: DocumentFormat): Promise<Buffer> {
  return run({ view, format } satisfies RenderTask);
}

/** A table to PDF or Excel, in the same threads. */
export async function renderTable(table: TableView, format: TableTask['format']): Promise<Buffer> {
  return run({ table, format } satisfies TableTask);
}

async function run(task: RenderTask | TableTask): Promise<Buffer> {
  pool ??= new Piscina({
    ...WORKER,
    minThreads: 0,
    maxThreads: Math.max(1, availableParallelism() - 1),
    maxQueue: 16,
    idleTimeout: 60_000,
  });
  try {
    const bytes = (await pool.run(task)) as Uint8Array;
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  } catch (error) {
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new WorkersBusyError();
    throw error;
  }
}

/** Ends the rendering threads (server shutdown, tests). */
export async function closeDocumentRenderer(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.destroy();
}
