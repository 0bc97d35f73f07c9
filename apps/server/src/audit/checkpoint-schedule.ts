import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import { createCheckpoint, type AuditKey } from './checkpoint.ts';

/** Signs a checkpoint now, then every `minutes`, and once more when stopped. A failed attempt is logged, not fatal. */
export function scheduleCheckpoints(db: Db, key: AuditKey, clock: Clock, minutes: number, log: FastifyBaseLogger) {
  let running: Promise<unknown> = Promise.resolve();
  const take = () => {
    running = running
      .then(() => createCheckpoint(db, key, clock.now()))
      .catch((error: unknown) => log.error({ err: error }, 'audit checkpoint failed'));
    return running;
  };
  void take();
  const timer = setInterval(() => void take(), minutes * 60_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await take();
    },
  };
}
