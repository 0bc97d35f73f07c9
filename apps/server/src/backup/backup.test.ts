import { Readable } from 'node:stream';
import { createGunzip, gzipSync } from 'node:zlib';
import * as tar from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { knownMigrations, migrateToLatest } from '../db/migrate.ts';
import { loadDemoData } from '../seeds/load-demo.ts';
import { openTestDatabase } from '../test/harness.ts';
import { backupToBuffer, tableContents } from '../test/tables.ts';
import { BackupError, type Manifest } from './format.ts';
import { restoreBackup } from './restore.ts';

/** The archive's entries, as written. */
async function unpack(buffer: Buffer): Promise<Array<{ name: string; body: Buffer }>> {
  const extract = tar.extract();
  Readable.from([buffer])
    .pipe(createGunzip())
    .pipe(extract as unknown as NodeJS.WritableStream);
  const entries: Array<{ name: string; body: Buffer }> = [];
  for await (const entry of extract) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry as AsyncIterable<Buffer>) chunks.push(chunk);
    entries.push({ name: entry.header.name, body: Buffer.concat(chunks) });
  }
  return entries;
}

async function repack(entries: Array<{ name: string; body: Buffer }>): Promise<Buffer> {
  const pack = tar.pack();
  for (const { name, body } of entries) pack.entry({ name }, body);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return gzipSync(Buffer.concat(chunks));
}

const emptyPglite = async () => {
  const database = await openDatabase({});
  await migrateToLatest(database.db);
  return database;
};

const isEmpty = (contents: Record<string, string[]>) =>
  Object.entries(contents).every(([name, rows]) => rows.length === 0 || (name === 'audit_head' && rows[0]!.includes('"last_seq":0')));

describe('backup and restore', () => {
  let source: Database;
  let original: Record<string, string[]>;
  let backup: { buffer: Buffer; manifest: Manifest };
  const opened: Database[] = [];
  const open = async (make: () => Promise<Database>) => {
    const database = await make();
    opened.push(database);
    return database;
  };

  beforeAll(async () => {
    source = await open(openTestDatabase);
    await loadDemoData(source.db);
    original = await tableContents(source.db);
    backup = await backupToBuffer(source);
  }, 120_000);
  afterAll(async () => {
    for (const database of opened) await database.close();
  });

  it('writes a manifest naming the migration, each table with its row count and checksum, and one file per table', async () => {
    const { manifest } = backup;
    expect(manifest).toMatchObject({ format: 'thidua.backup/1', product: { name: 'thidua' }, database: source.kind, files: [] });
    expect(manifest.migration).toBe((await knownMigrations()).at(-1));
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(Object.keys(original).sort());
    for (const table of manifest.tables) expect(table.rows, table.name).toBe(original[table.name]!.length);
    // referenced tables come before the tables that reference them
    const position = (name: string) => manifest.tables.findIndex((t) => t.name === name);
    expect(position('authority')).toBeLessThan(position('unit'));
    expect(position('unit')).toBeLessThan(position('person'));
    expect(position('app_user')).toBeLessThan(position('job'));
    const entries = await unpack(backup.buffer);
    expect(entries[0]!.name).toBe('manifest.json');
    expect(entries.slice(1).map((e) => e.name)).toEqual(manifest.tables.map((t) => `tables/${t.name}.ndjson`));
    // more audit events than one cursor page: the tables are read in pages
    expect(original.audit_event!.length).toBeGreaterThan(1000);
    const audit = entries
      .find((e) => e.name === 'tables/audit_event.ndjson')!
      .body.toString('utf8')
      .split('\n');
    const first = JSON.parse(audit[0]!);
    expect(first.seq).toBe('1');
    expect(first.at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(\.\d{1,6})?\+00$/);
    expect(JSON.parse(first.data)).toBeTypeOf('object');
  });

  it('round-trips the demo data into an empty database: zero differences in every table, the audit chain intact', async () => {
    const target = await open(openTestDatabase);
    const result = await restoreBackup(target.db, Readable.from([backup.buffer]));
    expect(result.rows).toBe(Object.values(original).reduce((n, rows) => n + rows.length, 0));
    expect(result.audit).toMatchObject({ ok: true, events: original.audit_event!.length });
    const restored = await tableContents(target.db);
    const differences = Object.keys(original).flatMap((name) =>
      original[name]!.flatMap((row, i) => (restored[name]![i] === row ? [] : [`${name}[${i}]`])).concat(
        restored[name]!.length === original[name]!.length ? [] : [`${name}: row count`],
      ),
    );
    expect(differences).toEqual([]);
    expect(restored).toEqual(original);
    // sequences continue after the restored ids
    const maxId = Math.max(...original.authority!.map((r) => (JSON.parse(r) as { id: number }).id));
    const next = await target.db
      .insertInto('authority')
      .values({ code: 'NEW', kind: 'PROVINCE', name: 'New', short_name: 'New', place: 'New' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(next.id).toBe(maxId + 1);
  });

  it('restores across the embedded database and PostgreSQL, both ways, with the same rows', async () => {
    const lite = await open(emptyPglite);
    await restoreBackup(lite.db, Readable.from([backup.buffer]));
    expect(await tableContents(lite.db)).toEqual(original);
    const fromLite = await backupToBuffer(lite);
    expect(fromLite.manifest.database).toBe('pglite');
    expect(fromLite.manifest.tables.map((t) => [t.name, t.sha256])).toEqual(backup.manifest.tables.map((t) => [t.name, t.sha256]));
    const target = await open(openTestDatabase);
    const result = await restoreBackup(target.db, Readable.from([fromLite.buffer]));
    expect(result.audit.ok).toBe(true);
    expect(await tableContents(target.db)).toEqual(original);
  });

  it('refuses a database that has data, writing nothing', async () => {
    const error = await restoreBackup(source.db, Readable.from([backup.buffer])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect(error).toMatchObject({ code: 'NOT_EMPTY', params: { table: 'authority' } });
    expect(await tableContents(source.db)).toEqual(original);
    const target = await open(openTestDatabase);
    await target.db.insertInto('app_secret').values({ name: 'x', value: 'y' }).execute();
    await expect(restoreBackup(target.db, Readable.from([backup.buffer]))).rejects.toMatchObject({ code: 'NOT_EMPTY' });
    expect((await tableContents(target.db)).app_secret).toHaveLength(1);
    expect((await tableContents(target.db)).authority).toHaveLength(0);
  });

  it('refuses a tampered table file before writing anything', async () => {
    const entries = await unpack(backup.buffer);
    const units = entries.find((e) => e.name === 'tables/unit.ndjson')!;
    units.body = Buffer.from(units.body.toString('utf8').replace('"name":"', '"name":"X'));
    const target = await open(openTestDatabase);
    await expect(restoreBackup(target.db, Readable.from([await repack(entries)]))).rejects.toMatchObject({
      code: 'CHECKSUM_MISMATCH',
      params: { entry: 'tables/unit.ndjson' },
    });
    expect(isEmpty(await tableContents(target.db))).toBe(true);
    // the same database then takes the genuine backup
    await restoreBackup(target.db, Readable.from([backup.buffer]));
    expect(await tableContents(target.db)).toEqual(original);
  });

  it('refuses a backup of a newer schema, a missing table file and a file that is not a backup', async () => {
    const target = await open(openTestDatabase);
    const entries = await unpack(backup.buffer);
    const manifest = JSON.parse(entries[0]!.body.toString('utf8')) as Manifest;
    const newer = [
      { name: 'manifest.json', body: Buffer.from(JSON.stringify({ ...manifest, migration: '9999_future' })) },
      ...entries.slice(1),
    ];
    await expect(restoreBackup(target.db, Readable.from([await repack(newer)]))).rejects.toMatchObject({
      code: 'NEWER_MIGRATION',
      params: { migration: '9999_future' },
    });
    const missing = entries.filter((e) => e.name !== 'tables/person.ndjson');
    await expect(restoreBackup(target.db, Readable.from([await repack(missing)]))).rejects.toMatchObject({
      code: 'BAD_ARCHIVE',
      params: { entry: 'tables/person.ndjson' },
    });
    await expect(restoreBackup(target.db, Readable.from([Buffer.from('not a backup')]))).rejects.toMatchObject({ code: 'BAD_ARCHIVE' });
    expect(isEmpty(await tableContents(target.db))).toBe(true);
  });

  it('restores a row that refers to a later row of its own table', async () => {
    const small = await open(openTestDatabase);
    const [a, b] = await small.db
      .insertInto('authority')
      .values([
        { code: 'A', kind: 'PROVINCE', name: 'A', short_name: 'A', place: 'A' },
        { code: 'B', kind: 'MINISTRY', name: 'B', short_name: 'B', place: 'B' },
      ])
      .returning('id')
      .execute();
    await small.db.updateTable('authority').set({ parent_id: b!.id }).where('id', '=', a!.id).execute();
    const before = await tableContents(small.db);
    const target = await open(openTestDatabase);
    await restoreBackup(target.db, Readable.from([(await backupToBuffer(small)).buffer]));
    expect(await tableContents(target.db)).toEqual(before);
  });
});
