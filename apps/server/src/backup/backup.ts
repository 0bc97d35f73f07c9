import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'kysely';
import * as tar from 'tar-stream';
import type { Database, Tx } from '../db/client.ts';
import { systemClock, type Clock } from '../lib/clock.ts';
import { latestMigration, quoteIdent, readCatalog, setTextForms, type Table } from './catalog.ts';
import { BACKUP_FORMAT, BackupError, PRODUCT_VERSION, tableFile, type Manifest } from './format.ts';

const FETCH_ROWS = 1000;

/** A consistent copy of every table, spooled to a private temporary folder; `pack` writes the archive. */
export interface Snapshot {
  manifest: Manifest;
  /** Writes the .tar.gz to `out` (and ends it). */
  pack(out: NodeJS.WritableStream): Promise<void>;
  /** Removes the temporary files. */
  dispose(): Promise<void>;
}

/**
 * Reads every table inside one REPEATABLE READ READ ONLY transaction (one snapshot, while the server keeps
 * writing on PostgreSQL), through a cursor in primary-key order, and spools each to a file with its checksum.
 */
export async function takeSnapshot(database: Pick<Database, 'db' | 'kind'>, clock: Clock = systemClock): Promise<Snapshot> {
  const dir = await mkdtemp(join(tmpdir(), 'thidua-backup-'));
  const dispose = () => rm(dir, { recursive: true, force: true });
  try {
    const manifest = await database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (tx): Promise<Manifest> => {
        await setTextForms(tx);
        const migration = await latestMigration(tx);
        if (!migration) throw new BackupError('NO_DATABASE');
        const tables: Manifest['tables'] = [];
        for (const table of await readCatalog(tx)) {
          const { rows, sha256 } = await spoolTable(tx, table, join(dir, `${table.name}.ndjson`));
          tables.push({ name: table.name, rows, sha256, columns: table.columns.map(({ name, type, native }) => ({ name, type, native })) });
        }
        return {
          format: BACKUP_FORMAT,
          product: { name: 'thidua', version: PRODUCT_VERSION },
          migration,
          createdAt: clock.now().toISOString(),
          database: database.kind,
          tables,
          files: [],
        };
      });
    return { manifest, pack: (out) => packArchive(manifest, dir, out), dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

/** `npx thidua backup` and the download: a snapshot packed into `out`. */
export async function writeBackup(database: Pick<Database, 'db' | 'kind'>, out: NodeJS.WritableStream, clock?: Clock): Promise<Manifest> {
  const snapshot = await takeSnapshot(database, clock);
  try {
    await snapshot.pack(out);
    return snapshot.manifest;
  } finally {
    await snapshot.dispose();
  }
}

async function spoolTable(tx: Tx, table: Table, path: string): Promise<{ rows: number; sha256: string }> {
  const select = table.columns
    .map((c) => (c.native ? quoteIdent(c.name) : `${quoteIdent(c.name)}::text AS ${quoteIdent(c.name)}`))
    .join(', ');
  const order = (table.primaryKey.length > 0 ? table.primaryKey : table.columns.map((c) => c.name)).map(quoteIdent).join(', ');
  const cursor = quoteIdent(`backup_${table.name}`);
  await sql.raw(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table.name)} ORDER BY ${order}`).execute(tx);
  const hash = createHash('sha256');
  const file = createWriteStream(path);
  let rows = 0;
  try {
    for (;;) {
      const page = await sql.raw<Record<string, unknown>>(`FETCH FORWARD ${FETCH_ROWS} FROM ${cursor}`).execute(tx);
      if (page.rows.length === 0) break;
      const text = page.rows.map((row) => `${JSON.stringify(row)}\n`).join('');
      hash.update(text);
      rows += page.rows.length;
      await write(file, text);
    }
  } finally {
    await new Promise<void>((resolve, reject) => file.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  await sql.raw(`CLOSE ${cursor}`).execute(tx);
  return { rows, sha256: hash.digest('hex') };
}

function write(file: WriteStream, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    file.write(text, (error) => (error ? reject(error) : resolve()));
  });
}

async function packArchive(manifest: Manifest, dir: string, out: NodeJS.WritableStream): Promise<void> {
  const pack = tar.pack();
  const mtime = new Date(manifest.createdAt);
  const done = pipeline(pack, createGzip(), out);
  const entry = (name: string, size: number, body: AsyncIterable<Buffer>) =>
    new Promise<void>((resolve, reject) => {
      const sink = pack.entry({ name, size, mtime, mode: 0o644 }, (error) => (error ? reject(error) : resolve()));
      void (async () => {
        for await (const chunk of body) if (!sink.write(chunk)) await new Promise<void>((drained) => sink.once('drain', () => drained()));
        sink.end(undefined);
      })().catch(reject);
    });
  try {
    const text = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    await new Promise<void>((resolve, reject) =>
      pack.entry({ name: 'manifest.json', size: text.length, mtime, mode: 0o644 }, text, (error) => (error ? reject(error) : resolve())),
    );
    for (const table of manifest.tables) {
      const path = join(dir, `${table.name}.ndjson`);
      await entry(tableFile(table.name), (await stat(path)).size, createReadStream(path));
    }
    pack.finalize();
  } catch (error) {
    pack.destroy(error as Error);
  }
  await done;
}
