import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { openTestDatabase } from '../test/harness.ts';
import { canonicalJson } from './chain.ts';
import { SYSTEM } from '../access/actor.ts';
import { withTransaction } from '../db/transaction.ts';
import { fixedClock } from '../lib/clock.ts';
import { verifyChain } from './verify.ts';

let database: Database;
const clock = fixedClock('2026-03-27T02:00:00Z');
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

async function append(n: number) {
  for (let i = 0; i < n; i++) {
    await withTransaction({ db: database.db, clock }, SYSTEM, async (ctx) =>
      ctx.audit({
        type: 'UNIT_UPDATED',
        entityType: 'unit',
        entityId: i + 1,
        data: { changes: { name: { from: `Đơn vị ${i}`, to: `Đơn vị ${i + 1}` } } },
      }),
    );
  }
}

describe('hash chain', () => {
  it('canonical JSON ignores key order, as jsonb does', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it('verifies an intact chain, including writes made concurrently', async () => {
    await append(5);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        withTransaction({ db: database.db, clock }, SYSTEM, async (ctx) =>
          ctx.audit({ type: 'PERSON_UPDATED', entityType: 'person', entityId: i, data: { changes: {} } }),
        ),
      ),
    );
    expect(await verifyChain(database.db)).toEqual({ ok: true, events: 17 });
  });

  it('names the first edited event', async () => {
    await sql`update audit_event set data = '{"changes":{}}'::jsonb where seq = 3`.execute(database.db);
    expect(await verifyChain(database.db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'HASH_MISMATCH' });
  });

  it('names a deleted event, and a chain cut short at its end', async () => {
    const fresh = await openTestDatabase();
    const keep = database;
    database = fresh;
    try {
      await append(6);
      await sql`delete from audit_event where seq = 4`.execute(fresh.db);
      expect(await verifyChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'MISSING_EVENT' });
      await sql`delete from audit_event where seq >= 4`.execute(fresh.db);
      expect(await verifyChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'HEAD_MISMATCH' });
    } finally {
      database = keep;
      await fresh.close();
    }
  });
});

describe('npx thidua (real process, embedded database)', () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
  const env = { ...process.env, THIDUA_DATA_DIR: dir, DATABASE_URL: '', THIDUA_LANG: 'en' };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the first administrator, verifies the chain, and exits 1 naming the broken event after tampering', async () => {
    const created = await run('npx', ['thidua', 'user', 'create', '--admin', '--username', 'quan-tri'], { env });
    expect(created.stdout).toMatch(/administrator quan-tri created; password: \S{12,}/);
    const ok = await run('npx', ['thidua', 'audit', 'verify'], { env });
    expect(ok.stdout).toMatch(/audit chain intact: 1 events/);
    const lite = await openDatabase({ dataDir: join(dir, 'pglite') });
    await sql`update audit_event set actor_name = 'someone else' where seq = 1`.execute(lite.db);
    await lite.close();
    const broken = await run('npx', ['thidua', 'audit', 'verify'], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken at event #1/);
  }, 120_000);

  it('speaks Vietnamese unless THIDUA_LANG says otherwise', async () => {
    const r = await run('npx', ['thidua', 'audit', 'verify'], { env: { ...env, THIDUA_LANG: '' } }).then(
      (x) => ({ code: 0, out: x.stdout + x.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
    );
    expect(r.out).toMatch(/chuỗi nhật ký bị phá vỡ tại sự kiện #1/);
  }, 60_000);

  it('refuses a bad username with exit 2 and a clear line', async () => {
    const r = await run('npx', ['thidua', 'user', 'create', '--admin', '--username', 'a b'], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--username must be/);
  }, 60_000);
});
