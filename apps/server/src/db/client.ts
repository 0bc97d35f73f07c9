import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

// Calendar dates stay 'YYYY-MM-DD' strings: a JS Date at local midnight shifts across time zones.
pg.types.setTypeParser(1082, (v) => v);
// bigint (counts, audit sequence) as number: every value here is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
  /**
   * Hears `NOTIFY channel` from every process on the database (PostgreSQL only; the embedded database has one
   * process). `onState(false)` while the connection is lost — what the notifications guard must not be trusted then —
   * and `onState(true)` once listening again. Returns the function that stops listening.
   */
  listen?(channel: string, onNotify: () => void, onState: (listening: boolean) => void): Promise<() => Promise<void>>;
}

export interface DatabaseOptions {
  /** postgres://… selects a PostgreSQL server; otherwise the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; absent means in memory (tests). */
  dataDir?: string;
  /** PostgreSQL schema to work in (tests isolate each file in its own schema). */
  schema?: string;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
    });
    if (options.schema) {
      const client = await pool.connect();
      try {
        await client.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema.replace(/"/g, '')}"`);
      } finally {
        client.release();
      }
    }
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const url = options.url;
    return {
      db,
      kind: 'postgres',
      close: () => db.destroy(),
      async listen(channel, onNotify, onState) {
        let client: pg.Client | null = null;
        let stopped = false;
        let retry: NodeJS.Timeout | undefined;
        const connect = async () => {
          const c = new pg.Client({ connectionString: url });
          c.on('notification', (n) => n.channel === channel && onNotify());
          c.on('error', () => lost(c));
          c.on('end', () => lost(c));
          try {
            await c.connect();
            await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
            if (stopped) return void (await c.end());
            client = c;
            onState(true);
          } catch {
            lost(c);
          }
        };
        const lost = (c: pg.Client) => {
          if (client === c) client = null;
          onState(false);
          if (!stopped && !retry)
            retry = setTimeout(() => {
              retry = undefined;
              void connect();
            }, 500);
        };
        await connect();
        return async () => {
          stopped = true;
          clearTimeout(retry);
          await client?.end().catch(() => undefined);
        };
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const lite = await PGlite.create(options.dataDir ?? 'memory://', {
    // PostgreSQL's default 128 MB of shared buffers are laid out in WebAssembly memory at every start, half a second
    // on two cores; the embedded database reads its files through the operating system's cache anyway
    startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'],
  });
  const pool = new pg.Pool(createPgConfig(lite));
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    async close() {
      await db.destroy();
      await lite.close();
    },
  };
}

export async function isReachable(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
