import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

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

/** Names of the migrations this code knows, oldest first. */
export async function knownMigrations(): Promise<string[]> {
  return Object.keys(await new SqlFileProvider().getMigrations()).sort();
}

/**
 * Applies the migrations not yet applied, in the schema the connection works in (its search_path, e.g. a
 * DATABASE_URL with `options=-c search_path=thidua`). Kysely looks for its bookkeeping table in every schema unless it
 * is named one, so another schema's copy in the same database would otherwise pass for this one's.
 */
export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrationTableSchema =
    schema ?? (await sql<{ name: string | null }>`select current_schema() as name`.execute(db)).rows[0]?.name ?? undefined;
  const migrator = new Migrator({ db, provider: new SqlFileProvider(), ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
