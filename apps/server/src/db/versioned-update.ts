import { sql } from 'kysely';
import type { Tx } from './client.ts';
import { AppError, notFound } from '../http/app-error.ts';

type VersionedTable = 'authority' | 'unit' | 'person' | 'cluster';

/**
 * Optimistic concurrency: the update applies only if the row still has the version the editor saw.
 * Otherwise STALE_WRITE (someone saved in between) or NOT_FOUND.
 */
export async function updateVersioned(
  { tx, now }: { tx: Tx; now: Date },
  table: VersionedTable,
  id: number,
  version: number,
  values: Record<string, unknown>,
): Promise<void> {
  const result = await tx
    .updateTable(table)
    .set({ ...values, version: sql`version + 1`, updated_at: now } as never)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 1) return;
  const exists = await tx.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound(table, id);
  throw new AppError('STALE_WRITE', { expected: version, actual: exists.version });
}

/** Domain Err → AppError, so handlers stay one line. */
export function unwrap<T>(
  result:
    { ok: true; value: T } | { ok: false; code: import('@thidua/domain').ErrorCode; params: Readonly<Record<string, string | number>> },
  field?: string,
): T {
  if (result.ok) return result.value;
  const params = { ...result.params };
  throw new AppError(
    result.code,
    params,
    field || params.field
      ? [{ path: String(params.field ?? field), key: (params.reason ? String(params.reason) : result.code).toLowerCase(), params }]
      : [],
  );
}
