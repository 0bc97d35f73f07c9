import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import type { CheckOutcome, CheckTask } from './eligibility-check.worker.ts';
import { COMPILED } from '../lib/locations.ts';

// the compiled server bundles the worker beside itself (dist/eligibility-check.worker.js); from the sources, the worker
// is TypeScript like the rest of the server and tsx compiles it in the thread, as it does in the CLI
const WORKER = COMPILED
  ? { filename: new URL('eligibility-check.worker.js', import.meta.url).href, execArgv: [] }
  : { filename: new URL('./eligibility-check.worker.ts', import.meta.url).href, execArgv: ['--import', 'tsx'] };

/**
 * Worker threads for CPU-heavy requests (piscina: a maintained pool with a bounded queue). One thread less than the
 * machine has cores, so the event loop keeps a core; a full queue is refused rather than piled up in memory.
 */
export interface Workers {
  checkEligibility(task: CheckTask): Promise<CheckOutcome>;
  close(): Promise<void>;
}

export class WorkersBusyError extends Error {
  constructor() {
    super('worker queue is full');
    this.name = 'WorkersBusyError';
  }
}

export function startWorkers(options: { maxThreads?: number; maxQueue?: number } = {}): Workers {
  const pool = new Piscina({
    ...WORKER,
    minThreads: 0,
    maxThreads: options.maxThreads ?? Math.max(1, availableParallelism() - 1),
    maxQueue: options.maxQueue ?? 4,
    idleTimeout: 60_000,
  });
  return {
    async checkEligibility(task) {
      try {
        return (await pool.run(task)) as CheckOutcome;
      } catch (error) {
        if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new WorkersBusyError();
        throw error;
      }
    },
    close: () => pool.destroy(),
  };
}
