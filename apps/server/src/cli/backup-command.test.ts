import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableContents } from '../test/tables.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { knownMigrations, migrateToLatest } from '../db/migrate.ts';
import { loadDemoData } from '../seeds/load-demo.ts';
import { openTestDatabase } from '../test/harness.ts';
import type { CliIo } from './io.ts';
import { main } from './main.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function io(env: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = {
    readStdin: async () => '',
    readFile: async () => '',
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: { THIDUA_LANG: 'en', ...env },
  };
  return { cli, stdout: () => out.join(''), stderr: () => err.join('') };
}

const run = async (argv: string[], env: Record<string, string>) => {
  const f = io(env);
  const code = await main(argv, f.cli);
  return { code, stdout: f.stdout(), stderr: f.stderr() };
};

/** Opens an embedded database directory for a moment (it admits one process, and one opener, at a time). */
async function withDataDir<T>(dir: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir: join(dir, 'pglite') });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'thidua-backup-cli-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('thidua backup and thidua restore on the embedded database (THIDUA_DATA_DIR)', () => {
  it('backs up, restores into an empty data directory with zero differences, and refuses what it must', async () => {
    const source = { THIDUA_DATA_DIR: join(tmp, 'source') };
    const target = { THIDUA_DATA_DIR: join(tmp, 'target') };
    const original = await withDataDir(source.THIDUA_DATA_DIR, async ({ db }) => {
      await migrateToLatest(db);
      await loadDemoData(db, { peoplePerUnit: 3 });
      return tableContents(db);
    });
    const file = join(tmp, 'thidua.tar.gz');

    expect(await run(['backup'], source)).toMatchObject({
      code: 2,
      stderr: 'thidua backup: --out FILE is required: the backup file to write\n',
    });
    const nowhere = join(tmp, 'nowhere');
    expect(await run(['backup', '--out', file], { THIDUA_DATA_DIR: nowhere })).toEqual({
      code: 2,
      stdout: '',
      stderr: `thidua backup: there is no thidua database at ${nowhere}/pglite\n`,
    });
    expect(existsSync(nowhere)).toBe(false);

    const backup = await run(['backup', '--out', file], source);
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    expect(backup.stdout).toMatch(new RegExp(`^backup written to ${file}: \\d+ tables, \\d+ rows\\n$`));
    expect(readdirSync(tmp).filter((f) => f.includes('partial'))).toEqual([]);
    expect(await run(['backup', '--out', file], source)).toMatchObject({
      code: 2,
      stderr: `thidua backup: ${file} already exists; choose another name\n`,
    });

    const restored = await run(['restore', file], target);
    expect(restored.code, restored.stderr).toBe(0);
    const latest = (await knownMigrations()).at(-1)!;
    expect(restored.stdout).toMatch(
      new RegExp(`^restored .*: \\d+ tables, \\d+ rows \\(backup of .*, schema ${latest}\\)\\naudit chain intact: \\d+ events\\n$`),
    );
    expect(await withDataDir(target.THIDUA_DATA_DIR, ({ db }) => tableContents(db))).toEqual(original);

    const again = await run(['restore', file], target);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `thidua restore: the database ${target.THIDUA_DATA_DIR}/pglite is not empty (table authority has rows): restore only into an empty database; nothing was written\n`,
    );
    expect(await withDataDir(target.THIDUA_DATA_DIR, ({ db }) => tableContents(db))).toEqual(original);

    expect(await run(['restore', join(tmp, 'missing.tar.gz')], target)).toMatchObject({
      code: 2,
      stderr: /cannot read .*missing\.tar\.gz \(ENOENT\)/,
    });
    const garbage = join(tmp, 'garbage.tar.gz');
    await writeFile(garbage, 'not a backup');
    const bad = await run(['restore', garbage], { THIDUA_DATA_DIR: join(tmp, 'third') });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^thidua restore: not a thidua backup, or a damaged one \(.*\); nothing was written\n$/);
    expect(await run(['restore'], target)).toMatchObject({
      code: 2,
      stderr: 'thidua restore: give exactly one backup file: thidua restore FILE\n',
    });

    // the installed command, for real
    const fourth = join(tmp, 'fourth');
    const real = spawnSync('npx', ['--no-install', 'thidua', 'restore', file], {
      cwd: ROOT,
      env: { ...process.env, THIDUA_DATA_DIR: fourth, THIDUA_LANG: 'en', DATABASE_URL: '' },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(real.status, real.stderr).toBe(0);
    expect(real.stdout).toMatch(/audit chain intact: \d+ events\n$/);
    expect(await withDataDir(fourth, ({ db }) => tableContents(db))).toEqual(original);
  }, 240_000);
});

/** The PostgreSQL server of TEST_DATABASE_URL, when the suite runs on it: DATABASE_URL names a private schema. */
const databases = process.env.TEST_DATABASE_URL ? ['postgres'] : [];

describe.each(databases)('thidua backup and thidua restore on %s (DATABASE_URL)', () => {
  it('round-trips through DATABASE_URL and refuses a database that has data', async () => {
    const url = async (database: Database) => {
      const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(database.db);
      const u = new URL(process.env.TEST_DATABASE_URL!);
      u.searchParams.set('options', `-c search_path=${rows[0]!.schema}`);
      return u.toString();
    };
    const source = await openTestDatabase();
    const target = await openTestDatabase();
    try {
      await loadDemoData(source.db, { peoplePerUnit: 3 });
      const file = join(tmp, 'postgres.tar.gz');
      expect(await run(['backup', '--out', file], { DATABASE_URL: await url(source) })).toMatchObject({ code: 0, stderr: '' });
      const restored = await run(['restore', file], { DATABASE_URL: await url(target) });
      expect(restored.code, restored.stderr).toBe(0);
      expect(restored.stdout).toMatch(/audit chain intact: \d+ events\n$/);
      expect(await tableContents(target.db)).toEqual(await tableContents(source.db));
      const again = await run(['restore', file], { DATABASE_URL: await url(target) });
      expect(again).toMatchObject({ code: 2, stderr: /the database DATABASE_URL is not empty \(table authority has rows\)/ });
    } finally {
      await source.close();
      await target.close();
    }
  }, 120_000);
});
