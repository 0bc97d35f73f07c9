import { loadConfig } from './config/config.ts';
import { startServer } from './server.ts';

try {
  const config = loadConfig();
  const { app, database } = await startServer(config);
  console.log(`thidua: listening on http://localhost:${config.port} (${database.kind === 'pglite' ? `embedded database in ${config.dataDir}` : 'PostgreSQL'})`);
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`thidua: cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
