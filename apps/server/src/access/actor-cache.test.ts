import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import type { CompiledQuery } from 'kysely';
import { createTestContext, idOf, signIn, type TestContext } from '../test/harness.ts';

// A resolved session is reused between requests; every change of who someone is or what they see reaches it at once.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
});
afterAll(() => t.close());

const sessionQueries = (log: string[]) => log.filter((q) => q.includes('"user_session"') && q.startsWith('select')).length;

/** Runs `fn` while recording the SQL the database handle executes. */
async function recording<T>(database: Database, fn: () => Promise<T>): Promise<{ value: T; log: string[] }> {
  const log: string[] = [];
  const executor = database.db.getExecutor() as unknown as { executeQuery: (q: CompiledQuery) => Promise<unknown> };
  const original = executor.executeQuery.bind(executor);
  executor.executeQuery = (query: CompiledQuery) => {
    log.push(query.sql.toLowerCase());
    return original(query);
  };
  try {
    return { value: await fn(), log };
  } finally {
    executor.executeQuery = original;
  }
}

describe('the resolved actor', () => {
  it('is resolved once for a run of requests, not at each one', async () => {
    const c = await signIn(t.app, 'demo-viewer');
    const { log } = await recording(t.database, async () => {
      for (let i = 0; i < 5; i++) expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    });
    expect(sessionQueries(log)).toBeLessThanOrEqual(1);
  });

  it('signing out ends the session at once', async () => {
    const c = await signIn(t.app, 'demo-council');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await c.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('renaming, revoking and disabling an account take effect on the next request', async () => {
    const admin = await t.as('demo-admin');
    const th = await idOf(t.database, 'authority', 'TH');
    const created = await admin.post('/api/v1/users', {
      username: 'cache-probe',
      displayName: 'Cache',
      password: 'cache-password-1',
      role: 'COMMITTEE_OFFICER',
      authorityId: th,
    });
    const id = created.json().id as number;
    let c = await signIn(t.app, 'cache-probe', 'cache-password-1');
    expect((await c.get('/api/v1/auth/me')).json().user.displayName).toBe('Cache');
    expect((await admin.patch(`/api/v1/users/${id}`, { displayName: 'Cache đã đổi' })).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).json().user.displayName).toBe('Cache đã đổi');
    expect((await admin.post(`/api/v1/users/${id}/revoke-sessions`)).statusCode).toBe(204);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
    c = await signIn(t.app, 'cache-probe', 'cache-password-1');
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await admin.patch(`/api/v1/users/${id}`, { disabled: true })).statusCode).toBe(200);
    expect((await c.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a unit added under a unit officer’s unit is in its scope on the next request', async () => {
    const unit = await t.as('demo-unit');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const before = (await unit.get('/api/v1/units?pageSize=100')).json().total as number;
    const made = await (
      await t.as('demo-committee')
    ).post('/api/v1/units', {
      authorityId: await idOf(t.database, 'authority', 'TH'),
      code: 'LS-PX1',
      name: 'Phân xưởng 1',
      unitType: 'STATE_AGENCY',
      parentId: lamSon,
    });
    expect(made.statusCode).toBe(201);
    expect((await unit.get('/api/v1/units?pageSize=100')).json().total).toBe(before + 1);
  });
});

describe('two server processes on one database', () => {
  it('a revocation by one reaches the other before its next request', async () => {
    // on PostgreSQL two connection pools stand for two processes, and only the NOTIFY carries the news; the embedded
    // database serves one process, whose instances share the handle
    const url = process.env.TEST_DATABASE_URL;
    let second: Database;
    let shared = false;
    if (url) {
      const schema = (await t.database.db.selectNoFrom((eb) => eb.fn<string>('current_schema').as('s')).executeTakeFirstOrThrow()).s;
      second = await openDatabase({ url, schema });
    } else {
      second = t.database;
      shared = true;
    }
    const other = await buildApp({
      database: second,
      config: {
        sessionTtlHours: 1,
        loginRateLimitMax: 10_000,
        passwordResetTtlHours: 72,
        cookieSecure: false,
        webDir: '/nonexistent',
        logLevel: 'silent',
      },
      jobWorker: false,
    });
    try {
      await other.ready();
      const here = await signIn(t.app, 'demo-cluster');
      const cookies = here.cookies;
      const there = async () => (await other.inject({ method: 'GET', url: '/api/v1/auth/me', cookies })).statusCode;
      expect(await there()).toBe(200);
      // the other process now answers from what it resolved…
      const again = await recording(second, there);
      expect(again.value).toBe(200);
      expect(sessionQueries(again.log)).toBe(0);
      // …until this one ends the session
      expect((await here.post('/api/v1/auth/logout')).statusCode).toBe(204);
      const deadline = Date.now() + 1000;
      let status = await there();
      while (status === 200 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        status = await there();
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
      if (!shared) await second.close();
    }
  });
});
