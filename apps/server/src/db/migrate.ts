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

export async function migrateToLatest(db: Kysely<any>, schema?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new SqlFileProvider(), ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
