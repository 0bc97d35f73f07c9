import { ConfigError, loadConfig } from './config/config.ts';
import { startServer } from './server.ts';
import { consoleTranslator } from './lib/console-language.ts';

const t = consoleTranslator(process.env);

try {
  const config = loadConfig();
  const { app, database } = await startServer(config);
  console.log(
    `thidua: ${t('cli:listening', { port: config.port, database: database.kind === 'pglite' ? t('cli:embedded', { dir: config.dataDir }) : 'PostgreSQL' })}`,
  );
  const stop = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
} catch (error) {
  const detail =
    error instanceof ConfigError
      ? t('cli:badConfig', { variable: error.variable })
      : error instanceof Error
        ? error.message
        : String(error);
  console.error(`thidua: ${t('cli:cannotStart', { detail })}`);
  process.exit(1);
}
