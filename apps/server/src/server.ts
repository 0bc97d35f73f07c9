import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config/config.ts';
import { openDatabase, type Database, type DatabaseOptions } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoData } from './seeds/load-demo.ts';
import { consoleTranslator } from './lib/console-language.ts';
import { ensureAuditKey } from './audit/checkpoint.ts';
import { scheduleCheckpoints } from './audit/checkpoint-schedule.ts';
import { systemClock } from './lib/clock.ts';

/** Where the configured database lives: DATABASE_URL, or the embedded database under the data directory. */
export const databaseOptions = (config: Config): DatabaseOptions =>
  config.databaseUrl ? { url: config.databaseUrl } : { dataDir: `${config.dataDir}/pglite` };

/** Opens the configured database (PGlite under dataDir, or DATABASE_URL) and migrates it. */
export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(databaseOptions(config));
  await migrateToLatest(database.db);
  return database;
}

export async function startServer(config: Config): Promise<{ app: FastifyInstance; database: Database }> {
  const database = await openConfiguredDatabase(config);
  if (config.loadDemoData && (await loadDemoData(database.db, config.publicUrl ? { publicUrl: config.publicUrl } : {})))
    console.log(`thidua: ${consoleTranslator(process.env)('cli:demoLoaded')}`);
  const app = await buildApp({ database, config });
  // the chain is anchored at start, every AUDIT_CHECKPOINT_MINUTES and at a clean stop
  const key = ensureAuditKey(process.env, config.dataDir);
  const checkpoints = scheduleCheckpoints(database.db, key, systemClock, config.auditCheckpointMinutes, app.log);
  app.addHook('onClose', () => checkpoints.stop());
  await app.listen({ port: config.port, host: config.host });
  return { app, database };
}
