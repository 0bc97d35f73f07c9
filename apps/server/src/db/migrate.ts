import { readdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { SERVER_DIR } from '../lib/locations.ts';

// read from the source tree, by the sources and the compiled server alike
const MIGRATIONS_DIR = fileURLToPath(new URL('src/db/migrations/', SERVER_DIR));

/** Plain .sql files, applied in name order; the same files run on PGlite and PostgreSQL. */
class SqlFileProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
    const entries = await Promise.all(
      files.map(async (file) => {
        const text = await readFile(MIGRATIONS_DIR + file, 'utf8');
        return [
          file.replace(/\.sql$/, ''),
          {
            up: (db: Kysely<unknown>) =>
              sql
                .raw(text)
                .execute(db)
                .then(() => undefined),
          },
        ] as const;
      }),
    );
    return Object.fromEntries(entries);
  }
}

/**
 * Advisory lock key taken shared while migrating and exclusively by whoever drops a schema of a shared database (the
 * test suite's per-file schemas): Kysely's migrator introspects all schemas, and a relation dropped between its catalog
 * scan and its per-table lookups fails the migration.
 */
export const SCHEMA_CATALOG_LOCK = 7_468_696_475;

/** Drops a schema and everything in it, once no migration is introspecting the database. */
export async function dropSchema(db: Kysely<any>, schema: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SCHEMA_CATALOG_LOCK})`.execute(trx);
    await sql.raw(`DROP SCHEMA IF EXISTS "${schema.replace(/"/g, '')}" CASCADE`).execute(trx);
  });
}

/** Names of the migrations this code knows, oldest first. */
export async function knownMigrations(): Promise<string[]> {
  // names from the directory listing, read synchronously: at start-up an asynchronous read waits behind the embedded
  // database's opening
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => f.replace(/\.sql$/, ''));
}

/**
 * True when the database has applied exactly the migrations this code knows: one query, where the migrator's own
 * check (its tables, its lock, in a transaction) takes a second or more on the embedded database at every start.
 */
async function upToDate(db: Kysely<any>, schema: string | undefined): Promise<boolean> {
  const table = schema ? sql.table(`${schema}.kysely_migration`) : sql.table('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(db);
    const applied = rows.map((row) => row.name).sort();
    const known = await knownMigrations();
    return applied.length === known.length && applied.every((name, i) => name === known[i]);
  } catch {
    // a new database: no migration table yet
    return false;
  }
}

/**
 * Applies the migrations not yet applied, in the schema the connection works in (its search_path, e.g. a
 * DATABASE_URL with `options=-c search_path=thidua`). Kysely looks for its bookkeeping table in every schema unless it
 * is named one, so another schema's copy in the same database would otherwise pass for this one's.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrationTableSchema =
    schema ?? (await sql<{ name: string | null }>`select current_schema() as name`.execute(db)).rows[0]?.name ?? undefined;
  // a database already at the latest schema starts without the migrator's locking round trips
  if (await upToDate(db, migrationTableSchema)) return;
  // the migrator looks its tables up by introspecting every schema of the database, which fails when another schema is
  // dropped halfway through; a shared lock keeps schema drops (see SCHEMA_CATALOG_LOCK) out while it looks
  const { error, results } = await db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock_shared(${SCHEMA_CATALOG_LOCK})`.execute(conn);
    try {
      const migrator = new Migrator({
        db: conn,
        provider: new SqlFileProvider(),
        ...(migrationTableSchema ? { migrationTableSchema } : {}),
      });
      return await migrator.migrateToLatest();
    } finally {
      await sql`select pg_advisory_unlock_shared(${SCHEMA_CATALOG_LOCK})`.execute(conn);
    }
  });
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
