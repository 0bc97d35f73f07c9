import { PassThrough } from 'node:stream';
import { sql } from 'kysely';
import { expect } from 'vitest';
import { writeBackup } from '../backup/backup.ts';
import { quoteIdent } from '../backup/catalog.ts';
import type { Manifest } from '../backup/format.ts';
import type { Database, Db } from '../db/client.ts';

/** Every table of the schema, row by row as JSON (UTC), in primary-key order; independent of the backup's encoding. */
export async function tableContents(db: Db): Promise<Record<string, string[]>> {
  return db.transaction().execute(async (tx) => {
    await sql`SELECT set_config('TimeZone', 'UTC', true)`.execute(tx);
    const tables = await sql<{ name: string; key: string[] }>`
      SELECT t.table_name AS name,
             array(SELECT a.attname FROM pg_constraint k, unnest(k.conkey) WITH ORDINALITY u(n, i), pg_attribute a
                   WHERE k.conrelid = (quote_ident(t.table_schema) || '.' || quote_ident(t.table_name))::regclass
                     AND k.contype = 'p' AND a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS key
      FROM information_schema.tables t
      WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND t.table_name NOT LIKE 'kysely_%'
      ORDER BY t.table_name`.execute(tx);
    const out: Record<string, string[]> = {};
    for (const { name, key } of tables.rows) {
      expect(key.length, `${name} has a primary key`).toBeGreaterThan(0);
      const rows = await sql
        .raw<{ row: string }>(`SELECT row_to_json(x)::text AS row FROM ${quoteIdent(name)} x ORDER BY ${key.map(quoteIdent).join(', ')}`)
        .execute(tx);
      out[name] = rows.rows.map((r) => r.row);
    }
    return out;
  });
}

export async function backupToBuffer(database: Database): Promise<{ buffer: Buffer; manifest: Manifest }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const manifest = await writeBackup(database, sink);
  return { buffer: Buffer.concat(chunks), manifest };
}
