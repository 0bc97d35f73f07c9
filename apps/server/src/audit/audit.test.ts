import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/client.ts';
import { openTestDatabase } from '../test/harness.ts';
import { canonicalJson, chainedFieldsOf, hashEvent } from './chain.ts';
import { createCheckpoint } from './checkpoint.ts';
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

/** What only the tables' owner can do: switch the append-only triggers off, tamper, and switch them on again. */
async function asOwner(db: Database, statement: RawBuilder<unknown>) {
  const tables = ['audit_event', 'audit_head', 'audit_checkpoint'];
  for (const table of tables) await sql`alter table ${sql.table(table)} disable trigger user`.execute(db.db);
  try {
    await statement.execute(db.db);
  } finally {
    for (const table of tables) await sql`alter table ${sql.table(table)} enable trigger user`.execute(db.db);
  }
}

/** Rewrites event `from` and re-hashes every later event with the product's own hash, moving the head along. */
async function rewriteFrom(db: Database, from: number) {
  const rows = await db.db.selectFrom('audit_event').selectAll().where('seq', '>=', from).orderBy('seq').execute();
  let prev =
    (
      await db.db
        .selectFrom('audit_event')
        .select('hash')
        .where('seq', '=', from - 1)
        .executeTakeFirst()
    )?.hash ?? 'GENESIS';
  for (const row of rows) {
    const data = row.seq === from ? { changes: { name: { from: 'x', to: 'đã sửa' } } } : row.data;
    const hash = hashEvent({ ...chainedFieldsOf(row), data, prevHash: prev });
    await asOwner(
      db,
      sql`update audit_event set data = ${JSON.stringify(data)}::jsonb, prev_hash = ${prev}, hash = ${hash} where seq = ${row.seq}`,
    );
    prev = hash;
  }
  await asOwner(db, sql`update audit_head set last_hash = ${prev} where id = 1`);
}

describe('an anchored chain', () => {
  const key = { id: '0123456789abcdef', key: Buffer.alloc(32, 7) };
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
    const keep = database;
    database = db;
    try {
      await append(8);
    } finally {
      database = keep;
    }
  });
  afterAll(() => db.close());

  it('refuses to edit, delete or truncate audit records, and to move the head back, on this database', async () => {
    const refused = async (statement: RawBuilder<unknown>) => {
      const error = await statement.execute(db.db).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/append-only|only moves forward/);
    };
    await refused(sql`update audit_event set actor_name = 'someone else' where seq = 2`);
    await refused(sql`delete from audit_event where seq = 8`);
    await refused(sql`truncate audit_event`);
    await refused(sql`update audit_head set last_seq = 5, last_hash = (select hash from audit_event where seq = 5) where id = 1`);
    await refused(sql`update audit_head set last_hash = 'forged' where id = 1`);
    await refused(sql`delete from audit_head`);
    const checkpoint = await createCheckpoint(db.db, key, new Date('2026-03-27T03:00:00Z'));
    expect(checkpoint).toMatchObject({ seq: 8, format: 'thidua.audit-checkpoint/1', keyId: key.id });
    await refused(sql`update audit_checkpoint set hash = 'x'`);
    await refused(sql`delete from audit_checkpoint`);
    expect(await verifyChain(db.db, { key })).toEqual({ ok: true, events: 8, checkpoints: 1, signed: true });
  });

  it('catches the probe: the last events deleted and the head moved back, with the stored checkpoint or the exported one', async () => {
    const exported = (await createCheckpoint(db.db, key, new Date('2026-03-27T03:00:00Z')))!;
    await asOwner(db, sql`delete from audit_event where seq >= 7`);
    await asOwner(db, sql`update audit_head set last_seq = 6, last_hash = (select hash from audit_event where seq = 6) where id = 1`);
    expect(await verifyChain(db.db, { key })).toMatchObject({ ok: false, brokenAt: 8, reason: 'CHECKPOINT_MISMATCH' });
    // the stored checkpoints deleted as well: the one kept outside the database still catches it
    await asOwner(db, sql`delete from audit_checkpoint`);
    expect(await verifyChain(db.db, { key })).toMatchObject({ ok: true, events: 6 });
    expect(await verifyChain(db.db, { key, checkpoint: exported })).toMatchObject({
      ok: false,
      brokenAt: 8,
      reason: 'CHECKPOINT_MISMATCH',
    });
  });

  it('catches an event edited and every later one re-hashed, and a checkpoint re-signed without the key', async () => {
    const anchored = (await createCheckpoint(db.db, key, new Date('2026-03-27T04:00:00Z')))!;
    expect(anchored.seq).toBe(6);
    await rewriteFrom(db, 3);
    // the chain itself is consistent again…
    expect(await verifyChain(db.db)).toMatchObject({ ok: false, reason: 'CHECKPOINT_MISMATCH', brokenAt: 6 });
    // …and a checkpoint forged to match it fails its signature
    const head = await db.db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow();
    const forger = { id: key.id, key: Buffer.alloc(32, 9) };
    await asOwner(db, sql`delete from audit_checkpoint`);
    const forged = (await createCheckpoint(db.db, forger, new Date('2026-03-27T05:00:00Z')))!;
    expect(forged.hash).toBe(head.last_hash);
    expect(await verifyChain(db.db, { key })).toMatchObject({ ok: false, brokenAt: 6, reason: 'CHECKPOINT_FORGED' });
    expect(await verifyChain(db.db, { key, checkpoint: anchored })).toMatchObject({ ok: false, reason: 'CHECKPOINT_FORGED' });
  });

  it('catches a timestamp moved by one microsecond', async () => {
    const other = await openTestDatabase();
    const keep = database;
    database = other;
    try {
      await append(3);
      expect(await verifyChain(other.db)).toMatchObject({ ok: true, events: 3 });
      await asOwner(other, sql`update audit_event set at = at + interval '1 microsecond' where seq = 2`);
      expect(await verifyChain(other.db)).toMatchObject({ ok: false, brokenAt: 2, reason: 'HASH_MISMATCH' });
    } finally {
      database = keep;
      await other.close();
    }
  });
});

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
    expect(await verifyChain(database.db)).toEqual({ ok: true, events: 17, checkpoints: 0, signed: false });
  });

  it('names the first edited event', async () => {
    await asOwner(database, sql`update audit_event set data = '{"changes":{}}'::jsonb where seq = 3`);
    expect(await verifyChain(database.db)).toMatchObject({ ok: false, brokenAt: 3, reason: 'HASH_MISMATCH' });
  });

  it('names a deleted event, and a chain cut short at its end', async () => {
    const fresh = await openTestDatabase();
    const keep = database;
    database = fresh;
    try {
      await append(6);
      await asOwner(fresh, sql`delete from audit_event where seq = 4`);
      expect(await verifyChain(fresh.db)).toMatchObject({ ok: false, brokenAt: 4, reason: 'MISSING_EVENT' });
      await asOwner(fresh, sql`delete from audit_event where seq >= 4`);
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
    await asOwner(lite, sql`update audit_event set actor_name = 'someone else' where seq = 1`);
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

  it('exports a signed checkpoint, and verify given it catches events deleted after it', async () => {
    const own = mkdtempSync(join(tmpdir(), 'thidua-cli-'));
    const e = { ...env, THIDUA_DATA_DIR: own };
    const fail = (x: { code: number; stdout: string; stderr: string }) => x;
    try {
      await run('npx', ['thidua', 'user', 'create', '--admin', '--username', 'quan-tri'], { env: e });
      await run('npx', ['thidua', 'user', 'create', '--admin', '--username', 'quan-tri-2'], { env: e });
      const file = join(own, 'checkpoint.json');
      const made = await run('npx', ['thidua', 'audit', 'checkpoint', '--out', file], { env: e });
      expect(made.stderr).toMatch(/checkpoint at event #2 written/);
      const checkpoint = JSON.parse(readFileSync(file, 'utf8'));
      expect(checkpoint).toMatchObject({ format: 'thidua.audit-checkpoint/1', seq: 2 });
      // the key lives in the data directory, readable by its owner only
      expect(statSync(join(own, 'audit.key')).mode & 0o077).toBe(0);
      const ok = await run('npx', ['thidua', 'audit', 'verify', '--checkpoint', file], { env: e });
      expect(ok.stdout).toMatch(/1 checkpoints match the chain, signatures valid/);
      // someone with the database owner's rights removes the last event, the head and the stored checkpoints
      const lite = await openDatabase({ dataDir: join(own, 'pglite') });
      await asOwner(lite, sql`delete from audit_event where seq = 2`);
      await asOwner(lite, sql`update audit_head set last_seq = 1, last_hash = (select hash from audit_event where seq = 1)`);
      await asOwner(lite, sql`delete from audit_checkpoint`);
      await lite.close();
      expect((await run('npx', ['thidua', 'audit', 'verify'], { env: e })).stdout).toMatch(/intact: 1 events/);
      const caught = await run('npx', ['thidua', 'audit', 'verify', '--checkpoint', file], { env: e }).then(() => null, fail);
      expect(caught?.code).toBe(1);
      expect(caught?.stderr).toMatch(/broken at event #2: the chain no longer holds the event a checkpoint recorded/);
      const bad = await run('npx', ['thidua', 'audit', 'verify', '--checkpoint', join(own, 'missing.json')], { env: e }).then(
        () => null,
        fail,
      );
      expect(bad?.code).toBe(2);
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  }, 180_000);

  it('refuses a bad username with exit 2 and a clear line', async () => {
    const r = await run('npx', ['thidua', 'user', 'create', '--admin', '--username', 'a b'], { env }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--username must be/);
  }, 60_000);
});
