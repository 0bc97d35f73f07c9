import { sql } from 'kysely';
import type { Db, Tx } from '../db/client.ts';

/** Kysely's bookkeeping of applied migrations: not product data; a backup records the latest name instead. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/** Column types written as JSON numbers, booleans or strings as they are; every other type travels as its text form. */
const NATIVE_TYPES = new Set(['int2', 'int4', 'bool', 'text', 'varchar', 'bpchar', 'name']);

export interface Column {
  name: string;
  /** `format_type` of the column: what a restored value is cast to. */
  type: string;
  /** false: the value is PostgreSQL's text form of the value (bigint, numeric, date, timestamptz, jsonb, bytea, …). */
  native: boolean;
  identity: boolean;
  /** a serial column's sequence default, reset after a restore like an identity column */
  serial: boolean;
}

export interface ForeignKey {
  columns: string[];
  references: string;
  referencedColumns: string[];
}

export interface Table {
  name: string;
  columns: Column[];
  /** primary key columns, in key order (empty: none) */
  primaryKey: string[];
  foreignKeys: ForeignKey[];
}

type Executor = Db | Tx;

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The product's tables in the current schema (the search path), ordered so that referenced tables come first. */
export async function readCatalog(db: Executor): Promise<Table[]> {
  const names = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  const columns = await sql<{ table: string; name: string; type: string; typname: string; identity: string; serial: boolean }>`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, t.typname,
           a.attidentity AS identity, coalesce(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false) AS serial
    FROM pg_attribute a
    JOIN pg_class c ON c.oid = a.attrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
    WHERE n.nspname = current_schema() AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    ORDER BY c.relname, a.attnum`.execute(db);
  const constraints = await sql<{ table: string; kind: string; columns: string[]; references: string | null; referenced: string[] | null }>`
    SELECT c.relname AS table, k.contype AS kind,
           array(SELECT a.attname FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS columns,
           r.relname AS references,
           array(SELECT a.attname FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                 JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i)::text[] AS referenced
    FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    LEFT JOIN pg_class r ON r.oid = k.confrelid
    WHERE n.nspname = current_schema() AND k.contype IN ('p', 'f')
    ORDER BY c.relname, k.conname`.execute(db);

  const tables = names.rows
    .filter((t) => !MIGRATION_TABLES.includes(t.name))
    .map((t): Table => ({
      name: t.name,
      columns: columns.rows
        .filter((c) => c.table === t.name)
        .map((c) => ({
          name: c.name,
          type: c.type,
          native: NATIVE_TYPES.has(c.typname),
          identity: c.identity !== '',
          serial: c.serial,
        })),
      primaryKey: constraints.rows.find((k) => k.table === t.name && k.kind === 'p')?.columns ?? [],
      foreignKeys: constraints.rows
        .filter((k) => k.table === t.name && k.kind === 'f')
        .map((k) => ({ columns: k.columns, references: k.references!, referencedColumns: k.referenced ?? [] })),
    }));
  return dependencyOrder(tables);
}

/** Referenced tables before the tables that reference them (a table's references to itself are handled row by row). */
export function dependencyOrder(tables: Table[]): Table[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: Table[] = [];
  const visit = (table: Table) => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name)) throw new Error(`foreign keys form a cycle through table ${table.name}`);
    visiting.add(table.name);
    for (const fk of table.foreignKeys) {
      const target = byName.get(fk.references);
      if (target && target.name !== table.name) visit(target);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  for (const table of tables) visit(table);
  return ordered;
}

/** The latest migration applied to this database, or null when it has never been migrated. */
export async function latestMigration(db: Executor): Promise<string | null> {
  const exists = await sql<{ found: boolean }>`SELECT to_regclass('kysely_migration') IS NOT NULL AS found`.execute(db);
  if (!exists.rows[0]?.found) return null;
  const row = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(db);
  return row.rows[0]?.name ?? null;
}

/**
 * Fixed session settings for reading and writing the text forms: UTC instants with microseconds, ISO dates,
 * hex bytea, shortest exact floats. Local to the transaction.
 */
export async function setTextForms(tx: Tx): Promise<void> {
  await sql`SELECT set_config('TimeZone', 'UTC', true), set_config('DateStyle', 'ISO, YMD', true),
                   set_config('IntervalStyle', 'iso_8601', true), set_config('bytea_output', 'hex', true),
                   set_config('extra_float_digits', '3', true)`.execute(tx);
}
