import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from './client.ts';
import { dropSchema, migrateToLatest } from './migrate.ts';
import { openTestDatabase } from '../test/harness.ts';

let database: Database;
beforeAll(async () => {
  // already migrated: its schema holds a migration table of its own
  database = await openTestDatabase();
});
afterAll(() => database.close());

describe('migrations', () => {
  it('run in the schema the connection works in, even when another schema of the database is migrated', async () => {
    const schema = `m_${randomBytes(6).toString('hex')}`;
    const outer = (await sql<{ name: string }>`select current_schema() as name`.execute(database.db)).rows[0]!.name;
    // one connection, whose search_path names the fresh schema, as a DATABASE_URL with options=-c search_path=… does
    await database.db.connection().execute(async (conn) => {
      try {
        await sql.raw(`CREATE SCHEMA "${schema}"`).execute(conn);
        await sql.raw(`SET search_path TO "${schema}"`).execute(conn);
        await migrateToLatest(conn);
        const applied = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${schema}.kysely_migration`)}`.execute(conn);
        expect(applied.rows[0]!.n).toBeGreaterThan(0);
        const unit = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(`${schema}.unit`)}`.execute(conn);
        expect(unit.rows[0]!.n).toBe(0);
        // a second run finds its own bookkeeping and applies nothing twice
        await migrateToLatest(conn);
      } finally {
        await sql.raw(`SET search_path TO "${outer}"`).execute(conn);
        await dropSchema(conn, schema);
      }
    });
  });
});
