import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { dropSchema, migrateToLatest } from '../db/migrate.ts';
import { DEMO_PASSWORD, loadDemoData } from '../seeds/load-demo.ts';
import type { Clock } from '../lib/clock.ts';

/**
 * A database for one test file: in-memory PGlite by default, or a fresh schema on the PostgreSQL server
 * named by TEST_DATABASE_URL (so the suite runs on both).
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({});
    await migrateToLatest(database.db);
    return database;
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const database = await openDatabase({ url, schema });
  await migrateToLatest(database.db, schema);
  return {
    ...database,
    async close() {
      await dropSchema(database.db, schema);
      await database.close();
    },
  };
}

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  /** A signed-in client for a demo account (demo-admin, demo-committee, …). */
  as(username: string): Promise<Client>;
  anonymous: Client;
  close(): Promise<void>;
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  cookies: Record<string, string>;
  csrfToken: string | null;
}

export function client(app: FastifyInstance, cookies: Record<string, string> = {}, csrfToken: string | null = null): Client {
  const c: Client = {
    cookies,
    csrfToken,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, cookies: c.cookies, headers }),
    post: (url, body, headers = {}) => send('POST', url, body, headers),
    patch: (url, body, headers = {}) => send('PATCH', url, body, headers),
    put: (url, body, headers = {}) => send('PUT', url, body, headers),
    delete: (url, headers = {}) => send('DELETE', url, undefined, headers),
  };
  const send = (method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body: unknown, headers: Record<string, string>) =>
    app.inject({
      method,
      url,
      cookies: c.cookies,
      headers: {
        ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
  return c;
}

/** Signs in through the real endpoint and keeps the cookies and CSRF token it hands out. */
export async function signIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.statusCode} ${res.body}`);
  const cookies = Object.fromEntries(res.cookies.map((k) => [k.name, k.value]));
  return client(app, cookies, res.json().csrfToken);
}

export async function createTestContext(
  options: {
    loginRateLimitMax?: number;
    peoplePerUnit?: number;
    jobWorker?: boolean;
    clock?: Clock;
    webDir?: string;
    records?: boolean;
  } = {},
): Promise<TestContext> {
  const database = await openTestDatabase();
  await loadDemoData(database.db, { peoplePerUnit: options.peoplePerUnit ?? 4, records: options.records ?? false });
  const app = await buildApp({
    database,
    config: {
      sessionTtlHours: 1,
      loginRateLimitMax: options.loginRateLimitMax ?? 10_000,
      passwordResetTtlHours: 72,
      cookieSecure: false,
      webDir: options.webDir ?? '/nonexistent',
      logLevel: 'silent',
    },
    jobWorker: options.jobWorker === false ? false : { pollMs: 100 },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await app.ready();
  const sessions = new Map<string, Client>();
  return {
    app,
    database,
    anonymous: client(app),
    async as(username) {
      if (!sessions.has(username)) sessions.set(username, await signIn(app, username));
      return sessions.get(username)!;
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Ids of demo records by code, for readable tests. */
export async function idOf(database: Database, table: 'cluster' | 'unit' | 'authority', code: string): Promise<number> {
  const row = await database.db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}
