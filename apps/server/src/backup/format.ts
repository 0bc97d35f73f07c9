import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { SERVER_DIR } from '../lib/locations.ts';

/**
 * A thidua backup is a gzip'd tar holding `manifest.json` and `tables/<name>.ndjson`: one JSON object per row, in
 * primary-key order. Integers, booleans and text are JSON values; every other type (bigint, numeric, date,
 * timestamptz, jsonb, bytea) is PostgreSQL's text form of the value, read in UTC with microseconds, so a backup of
 * one database restores into the other byte for byte.
 */
export const BACKUP_FORMAT = 'thidua.backup/1';

export const PRODUCT_VERSION: string = (JSON.parse(readFileSync(new URL('package.json', SERVER_DIR), 'utf8')) as { version: string })
  .version;

const tableEntry = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  rows: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  columns: z.array(z.object({ name: z.string().min(1), type: z.string().min(1), native: z.boolean() })),
});

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  product: z.object({ name: z.literal('thidua'), version: z.string() }),
  migration: z.string().min(1),
  createdAt: z.string(),
  database: z.enum(['pglite', 'postgres']),
  tables: z.array(tableEntry),
  /** uploaded files, `files/<path>`, with their checksums (none are kept yet) */
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative(), sha256: z.string() })),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = z.infer<typeof tableEntry>;

export const tableFile = (name: string) => `tables/${name}.ndjson`;

/** Why a backup cannot be restored (or written); the command line answers these with exit 2. */
export type BackupRefusal =
  'BAD_ARCHIVE' | 'CHECKSUM_MISMATCH' | 'ROW_COUNT_MISMATCH' | 'NEWER_MIGRATION' | 'SCHEMA_MISMATCH' | 'NOT_EMPTY' | 'NO_DATABASE';

export class BackupError extends Error {
  constructor(
    readonly code: BackupRefusal,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'BackupError';
  }
}
