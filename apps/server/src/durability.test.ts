// Durability of acknowledged writes: the real server, started as its own process the way `npm start` starts it, takes
// 1,000 concurrent creates (50 in flight), is killed with SIGKILL once about 500 have been acknowledged, and starts
// again on the same data. Every create it answered 201 must be there, with its audit event, and the audit chain must
// verify. It runs on the database the suite uses: a PGlite data directory, or a schema of its own on the PostgreSQL
// server named by TEST_DATABASE_URL (reached through the URL's search_path, as a deployment in a schema would be).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from './audit/verify.ts';
import { openDatabase, type Database } from './db/client.ts';
import { SCHEMA_CATALOG_LOCK, migrateToLatest } from './db/migrate.ts';
import { DEMO_PASSWORD, loadDemoData } from './seeds/load-demo.ts';

const CREATES = 1_000;
const IN_FLIGHT = 50;
const KILL_AFTER = 500;

const SERVER_DIR = fileURLToPath(new URL('..', import.meta.url));
const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const testUrl = process.env.TEST_DATABASE_URL;
const schema = `dur_${randomBytes(6).toString('hex')}`;
const dataDir = mkdtempSync(join(tmpdir(), 'thidua-durability-'));
/** The server's DATABASE_URL: the suite's PostgreSQL server, working in a schema of its own. */
const databaseUrl = testUrl
  ? `${testUrl}${testUrl.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`
  : undefined;

const children: ChildProcess[] = [];
let unitId: number;

const openData = (): Promise<Database> => openDatabase(databaseUrl ? { url: databaseUrl } : { dataDir: join(dataDir, 'pglite') });

beforeAll(async () => {
  if (testUrl) {
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
  }
  // the demo data, small, loaded before the server starts (PGlite's directory is one process's at a time)
  const database = await openData();
  try {
    await migrateToLatest(database.db);
    await loadDemoData(database.db, { peoplePerUnit: 1, records: false });
    unitId = (await database.db.selectFrom('unit').select('id').where('code', '=', 'TH-LAMSON').executeTakeFirstOrThrow()).id;
  } finally {
    await database.close();
  }
}, 120_000);

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all(children.map(exited));
  rmSync(dataDir, { recursive: true, force: true });
  if (testUrl) {
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    await admin.query('BEGIN');
    await admin.query('select pg_advisory_xact_lock($1)', [SCHEMA_CATALOG_LOCK]);
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.query('COMMIT');
    await admin.end();
  }
});

// ---------------------------------------------------------------------------------------------------------------

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address !== 'object') throw new Error('no free port');
  return address.port;
}

interface Running {
  child: ChildProcess;
  base: string;
  output: () => string;
}

/** Starts `src/main.ts` as `npm start` does, and waits until /api/health answers 200. */
async function startServer(): Promise<Running> {
  const port = await freePort();
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    THIDUA_DATA_DIR: dataDir,
    DATABASE_URL: databaseUrl,
    THIDUA_DEMO: '0',
    LOG_LEVEL: 'warn',
    LANG: 'C',
  };
  if (!databaseUrl) delete env.DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before it was ready:\n${log}`);
    try {
      if ((await fetch(`${base}/api/health`)).status === 200) return { child, base, output: () => log };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the server was not ready within 60 s:\n${log}`);
}

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(base: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-admin', password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
  // the session cookie and the CSRF secret's cookie both go back with every write
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}

// ---------------------------------------------------------------------------------------------------------------

describe('acknowledged writes survive kill -9', () => {
  it(`keeps every create answered 201 when the server is killed mid-way through ${CREATES} (${IN_FLIGHT} in flight)`, async () => {
    const started = Date.now();
    const first = await startServer();
    const session = await signIn(first.base);

    const acknowledged: Array<{ id: number; code: string }> = [];
    const refused: string[] = [];
    let next = 0;
    let killedAt: number | null = null;
    let cutOff = 0;
    const create = async (i: number) => {
      const code = `DUR-${i}`;
      try {
        const res = await fetch(`${first.base}/api/v1/people`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({ unitId, code, fullName: `Người thử ${i}`, gender: i % 2 ? 'male' : 'female' }),
        });
        if (res.status !== 201) {
          refused.push(`${code}: ${res.status} ${(await res.text()).slice(0, 200)}`);
          return;
        }
        acknowledged.push({ id: ((await res.json()) as { id: number }).id, code });
      } catch {
        // the connection died with the server: not acknowledged, so either outcome is allowed
        cutOff++;
        return;
      }
      if (killedAt === null && acknowledged.length >= KILL_AFTER) {
        killedAt = acknowledged.length;
        first.child.kill('SIGKILL');
      }
    };
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (killedAt === null && next < CREATES) await create(next++);
      }),
    );
    await exited(first.child);
    const creating = Date.now() - started;

    expect(refused, 'answers other than 201 before the kill').toEqual([]);
    expect(killedAt, `the server was killed after ${KILL_AFTER} acknowledgements`).not.toBeNull();
    expect(first.child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeLessThan(CREATES);
    expect(cutOff, 'creates in flight when the server died').toBeGreaterThan(0);

    // the same data, a new process: every acknowledged person is there, as acknowledged
    const second = await startServer();
    const again = await signIn(second.base);
    const missing: string[] = [];
    let checked = 0;
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (checked < acknowledged.length) {
          const { id, code } = acknowledged[checked++]!;
          const res = await fetch(`${second.base}/api/v1/people/${id}`, { headers: { cookie: again.cookie } });
          if (res.status !== 200) missing.push(`${code} (id ${id}): ${res.status}`);
          else if (((await res.json()) as { code: string }).code !== code) missing.push(`${code} (id ${id}): another person`);
        }
      }),
    );
    expect(missing, `acknowledged creates lost after kill -9 (of ${acknowledged.length})`).toEqual([]);

    // each one has its audit event, and the chain verifies across the crash
    second.child.kill('SIGTERM');
    await exited(second.child);
    const database = await openData();
    let stored = 0;
    try {
      const audited = await database.db
        .selectFrom('audit_event')
        .select('entity_id')
        .where('entity_type', '=', 'person')
        .where(
          'entity_id',
          'in',
          acknowledged.map((a) => a.id),
        )
        .where('type', '=', 'PERSON_CREATED')
        .execute();
      expect(new Set(audited.map((r) => r.entity_id)).size).toBe(acknowledged.length);
      expect(await verifyChain(database.db)).toMatchObject({ ok: true });
      const people = await sql<{ n: number }>`select count(*)::int as n from person where code like 'DUR-%'`.execute(database.db);
      // a create the server committed but could not answer is allowed; a lost one is not
      stored = people.rows[0]!.n;
      expect(stored).toBeGreaterThanOrEqual(acknowledged.length);
    } finally {
      await database.close();
    }
    console.log(
      `durability (${databaseUrl ? 'PostgreSQL' : 'PGlite'}): ${acknowledged.length} acknowledged, ${cutOff} cut off by kill -9 ` +
        `after ${creating} ms; after restart all acknowledged present (${stored} stored); ${Date.now() - started} ms in all`,
    );
  }, 180_000);
});
