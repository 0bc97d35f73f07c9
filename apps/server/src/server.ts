import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config/config.ts';
import { openDatabase, type Database, type DatabaseOptions } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { loadDemoData } from './seeds/load-demo.ts';
import { consoleTranslator } from './lib/console-language.ts';

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
  if (config.loadDemoData && (await loadDemoData(database.db))) console.log(`thidua: ${consoleTranslator(process.env)('cli:demoLoaded')}`);
  const app = await buildApp({ database, config });
  await app.listen({ port: config.port, host: config.host });
  return { app, database };
}
