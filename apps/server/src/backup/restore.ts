import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CompiledQuery, sql } from 'kysely';
import * as tar from 'tar-stream';
import { verifyChain, type ChainVerdict } from '../audit/verify.ts';
import type { Db, Tx } from '../db/client.ts';
import { knownMigrations } from '../db/migrate.ts';
import { quoteIdent, readCatalog, setTextForms, type Table } from './catalog.ts';
import { BackupError, manifestSchema, tableFile, type Manifest, type TableEntry } from './format.ts';

/** Rows the migrations themselves insert: a fresh database has them, and a restore replaces them. */
const MIGRATION_ROWS: Record<string, string> = { audit_head: 'last_seq = 0' };

const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
/** PostgreSQL admits 65,535 parameters a statement. */
const MAX_PARAMETERS = 30_000;

export interface RestoreResult {
  manifest: Manifest;
  rows: number;
  audit: ChainVerdict;
}

/**
 * Restores a backup into an empty database of the current schema: the archive is read and every checksum
 * verified before anything is written; then all rows go in within one transaction, sequences are moved past the
 * restored ids, and the audit chain is verified.
 */
export async function restoreBackup(db: Db, input: NodeJS.ReadableStream): Promise<RestoreResult> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-restore-'));
  try {
    const manifest = await readArchive(input, dir);
    const known = await knownMigrations();
    if (!known.includes(manifest.migration))
      throw new BackupError('NEWER_MIGRATION', { migration: manifest.migration, latest: known.at(-1) ?? '' });
    const catalog = await readCatalog(db);
    const byName = new Map(catalog.map((t) => [t.name, t]));
    for (const entry of manifest.tables) {
      const table = byName.get(entry.name);
      const missing = table ? entry.columns.find((c) => !table.columns.some((d) => d.name === c.name)) : undefined;
      if (!table || missing) throw new BackupError('SCHEMA_MISMATCH', { table: missing ? `${entry.name}.${missing.name}` : entry.name });
    }
    const entries = new Map(manifest.tables.map((t) => [t.name, t]));
    const rows = await db.transaction().execute(async (tx) => {
      await setTextForms(tx);
      await refuseUnlessEmpty(tx, catalog);
      let inserted = 0;
      for (const table of catalog) {
        const entry = entries.get(table.name);
        if (entry) inserted += await insertTable(tx, table, entry, join(dir, `${entry.name}.ndjson`));
      }
      for (const table of catalog) await resetSequences(tx, table);
      return inserted;
    });
    return { manifest, rows, audit: await verifyChain(db) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Reads the whole archive into `dir`, checking the manifest, each file's checksum and its row count. */
async function readArchive(input: NodeJS.ReadableStream, dir: string): Promise<Manifest> {
  const extract = tar.extract();
  const feeding = pipeline(input, createGunzip(), extract);
  let manifestText: string | undefined;
  const seen = new Map<string, { sha256: string; rows: number }>();
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (name === 'manifest.json') {
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of entry as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > MAX_MANIFEST_BYTES) throw new BackupError('BAD_ARCHIVE', { entry: name });
          chunks.push(chunk);
        }
        manifestText = Buffer.concat(chunks).toString('utf8');
        continue;
      }
      const table = /^tables\/([a-z_][a-z0-9_]*)\.ndjson$/.exec(name)?.[1];
      if (!table || seen.has(table) || entry.header.type !== 'file') throw new BackupError('BAD_ARCHIVE', { entry: name });
      seen.set(table, await spool(entry as AsyncIterable<Buffer>, join(dir, `${table}.ndjson`)));
    }
    await feeding;
  } catch (error) {
    feeding.catch(() => undefined);
    if (error instanceof BackupError) throw error;
    throw new BackupError('BAD_ARCHIVE', { entry: error instanceof Error ? error.message : String(error) });
  }
  if (manifestText === undefined) throw new BackupError('BAD_ARCHIVE', { entry: 'manifest.json' });
  let parsed;
  try {
    parsed = manifestSchema.safeParse(JSON.parse(manifestText));
  } catch {
    throw new BackupError('BAD_ARCHIVE', { entry: 'manifest.json' });
  }
  if (!parsed.success) throw new BackupError('BAD_ARCHIVE', { entry: 'manifest.json' });
  const manifest = parsed.data;
  for (const table of manifest.tables) {
    const found = seen.get(table.name);
    if (!found) throw new BackupError('BAD_ARCHIVE', { entry: tableFile(table.name) });
    if (found.sha256 !== table.sha256) throw new BackupError('CHECKSUM_MISMATCH', { entry: tableFile(table.name) });
    if (found.rows !== table.rows) throw new BackupError('ROW_COUNT_MISMATCH', { entry: tableFile(table.name) });
  }
  const unlisted = [...seen.keys()].find((name) => !manifest.tables.some((t) => t.name === name));
  if (unlisted) throw new BackupError('BAD_ARCHIVE', { entry: tableFile(unlisted) });
  return manifest;
}

async function spool(source: AsyncIterable<Buffer>, path: string): Promise<{ sha256: string; rows: number }> {
  const hash = createHash('sha256');
  let rows = 0;
  const out = createWriteStream(path);
  await pipeline(
    source,
    async function* (chunks: AsyncIterable<Buffer>) {
      for await (const chunk of chunks) {
        hash.update(chunk);
        for (const byte of chunk) if (byte === 0x0a) rows++;
        yield chunk;
      }
    },
    out,
  );
  return { sha256: hash.digest('hex'), rows };
}

async function refuseUnlessEmpty(tx: Tx, catalog: Table[]): Promise<void> {
  for (const table of catalog) {
    const seeded = MIGRATION_ROWS[table.name];
    const found = await sql
      .raw<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}${seeded ? ` WHERE NOT (${seeded})` : ''}) AS found`)
      .execute(tx);
    if (found.rows[0]?.found) throw new BackupError('NOT_EMPTY', { table: table.name });
  }
}

type Row = Record<string, unknown>;

/**
 * Inserts the table's rows in batches. A row whose reference to its own table points at a row not yet inserted
 * (a parent with a higher id) goes in without it, and the reference is set once the whole table is in.
 */
async function insertTable(tx: Tx, table: Table, entry: TableEntry, path: string): Promise<number> {
  const columns = entry.columns.map((c) => table.columns.find((d) => d.name === c.name)!);
  const selfKeys = table.foreignKeys.filter((fk) => fk.references === table.name);
  const seenKeys = selfKeys.map(() => new Set<string>());
  const deferred: Array<{ key: unknown[]; columns: string[]; values: unknown[] }> = [];
  const overriding = columns.some((c) => c.identity) ? ' OVERRIDING SYSTEM VALUE' : '';
  const conflict =
    table.name in MIGRATION_ROWS && table.primaryKey.length > 0
      ? ` ON CONFLICT (${table.primaryKey.map(quoteIdent).join(', ')}) DO UPDATE SET ${columns
          .map((c) => `${quoteIdent(c.name)} = EXCLUDED.${quoteIdent(c.name)}`)
          .join(', ')}`
      : '';
  const batchSize = Math.max(1, Math.min(1000, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
  let batch: Row[] = [];
  let count = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    const values: unknown[] = [];
    const tuples = batch.map(
      (row) =>
        `(${columns
          .map((c) => {
            values.push(row[c.name] ?? null);
            return `$${values.length}::${c.type}`;
          })
          .join(', ')})`,
    );
    const text = `INSERT INTO ${quoteIdent(table.name)} (${columns.map((c) => quoteIdent(c.name)).join(', ')})${overriding} VALUES ${tuples.join(', ')}${conflict}`;
    await tx.executeQuery(CompiledQuery.raw(text, values));
    count += batch.length;
    batch = [];
  };
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line === '') continue;
    const row = JSON.parse(line) as Row;
    const ownKeys = selfKeys.map((fk) => JSON.stringify(fk.referencedColumns.map((c) => row[c] ?? null)));
    selfKeys.forEach((fk, i) => {
      const values = fk.columns.map((c) => row[c] ?? null);
      if (values.every((v) => v !== null) && !seenKeys[i]!.has(JSON.stringify(values))) {
        if (table.primaryKey.length === 0) throw new Error(`table ${table.name} refers to itself without a primary key`);
        deferred.push({ key: table.primaryKey.map((c) => row[c] ?? null), columns: fk.columns, values });
        for (const c of fk.columns) row[c] = null;
      }
    });
    selfKeys.forEach((_fk, i) => seenKeys[i]!.add(ownKeys[i]!));
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  const typeOf = (name: string) => table.columns.find((c) => c.name === name)!.type;
  for (const { key, columns: set, values } of deferred) {
    const assignments = set.map((c, i) => `${quoteIdent(c)} = $${i + 1}::${typeOf(c)}`);
    const where = table.primaryKey.map((c, i) => `${quoteIdent(c)} = $${set.length + i + 1}::${typeOf(c)}`);
    await tx.executeQuery(
      CompiledQuery.raw(`UPDATE ${quoteIdent(table.name)} SET ${assignments.join(', ')} WHERE ${where.join(' AND ')}`, [...values, ...key]),
    );
  }
  return count;
}

/** Moves every identity and serial sequence past the largest restored value. */
async function resetSequences(tx: Tx, table: Table): Promise<void> {
  for (const column of table.columns.filter((c) => c.identity || c.serial)) {
    const name = quoteIdent(column.name);
    await sql
      .raw(
        `SELECT setval(pg_get_serial_sequence('${quoteIdent(table.name).replace(/'/g, "''")}', '${column.name.replace(/'/g, "''")}'),
                coalesce((SELECT max(${name}) FROM ${quoteIdent(table.name)}), 0) + 1, false)`,
      )
      .execute(tx);
  }
}
