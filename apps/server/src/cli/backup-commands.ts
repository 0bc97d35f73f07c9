import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Translate } from '@thidua/i18n';
import { writeBackup } from '../backup/backup.ts';
import { BackupError } from '../backup/format.ts';
import { restoreBackup } from '../backup/restore.ts';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/client.ts';
import { databaseOptions, openConfiguredDatabase } from '../server.ts';
import { cliTranslator, type CliIo } from './io.ts';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_REFUSED = 2;

function refused(io: CliIo, t: Translate, verb: string, error: unknown, where: string): number {
  if (!(error instanceof BackupError)) throw error;
  io.err(`thidua ${verb}: ${t(`cli:backup.refused.${error.code}`, { where, ...error.params })}\n`);
  return EXIT_REFUSED;
}

/**
 * `thidua backup --out FILE`: a consistent snapshot of the configured database. PostgreSQL may keep serving
 * meanwhile; the embedded database must not be open in a running server (it admits one process).
 */
export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const t = cliTranslator(io);
  let out: string | undefined;
  try {
    ({
      values: { out },
    } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true }));
  } catch (error) {
    io.err(`thidua backup: ${t('cli:badArgs', { detail: (error as Error).message })}\n`);
    return EXIT_REFUSED;
  }
  if (!out) {
    io.err(`thidua backup: ${t('cli:backup.outRequired')}\n`);
    return EXIT_REFUSED;
  }
  if (existsSync(out)) {
    io.err(`thidua backup: ${t('cli:backup.exists', { file: out })}\n`);
    return EXIT_REFUSED;
  }
  const config = loadConfig(io.env);
  const options = databaseOptions(config);
  const where = options.dataDir ?? 'DATABASE_URL';
  // backing up never creates or migrates a database: an absent embedded one is refused
  if (options.dataDir && !existsSync(options.dataDir)) return refused(io, t, 'backup', new BackupError('NO_DATABASE'), where);
  const partial = join(dirname(out), `.${basename(out)}.partial`);
  const database = await openDatabase(options);
  try {
    const manifest = await writeBackup(database, createWriteStream(partial, { flags: 'wx' }));
    await rename(partial, out);
    const rows = manifest.tables.reduce((n, table) => n + table.rows, 0);
    io.out(`${t('cli:backup.written', { file: out, tables: manifest.tables.length, rows })}\n`);
    return EXIT_OK;
  } catch (error) {
    await rm(partial, { force: true });
    return refused(io, t, 'backup', error, where);
  } finally {
    await database.close();
  }
}

/** `thidua restore FILE`: into an empty database only; checksums are verified before anything is written. */
export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const t = cliTranslator(io);
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true }));
  } catch (error) {
    io.err(`thidua restore: ${t('cli:badArgs', { detail: (error as Error).message })}\n`);
    return EXIT_REFUSED;
  }
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    io.err(`thidua restore: ${t('cli:backup.fileRequired')}\n`);
    return EXIT_REFUSED;
  }
  try {
    await (await open(file, 'r')).close();
  } catch (error) {
    io.err(`thidua restore: ${t('cli:backup.unreadable', { file, detail: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`);
    return EXIT_REFUSED;
  }
  const config = loadConfig(io.env);
  const where = databaseOptions(config).dataDir ?? 'DATABASE_URL';
  const database = await openConfiguredDatabase(config);
  try {
    const result = await restoreBackup(database.db, createReadStream(file));
    const { manifest, audit } = result;
    io.out(
      `${t('cli:backup.restored', { file, tables: manifest.tables.length, rows: result.rows, createdAt: manifest.createdAt, migration: manifest.migration })}\n`,
    );
    if (audit.ok) {
      io.out(`${t('cli:auditIntact', { events: audit.events })}\n`);
      return EXIT_OK;
    }
    io.err(`${t('cli:auditBroken', { seq: audit.brokenAt, why: t(`cli:why.${audit.reason}`), events: audit.events })}\n`);
    return EXIT_FAILED;
  } catch (error) {
    return refused(io, t, 'restore', error, where);
  } finally {
    await database.close();
  }
}
