import { sql } from 'kysely';
import type { Tx } from './client.ts';
import { AppError, notFound } from '../http/app-error.ts';

type VersionedTable = 'authority' | 'unit' | 'person' | 'cluster' | 'document';

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
  throw await staleWrite(tx, { expected: version, actual: exists.version }, table, id, `${table.toUpperCase()}_UPDATED`);
}

/**
 * STALE_WRITE with who saved the record in between and when: the latest of its history's events of `eventType`
 * (`accept` picks among them, e.g. the year of a cluster's leadership). The editor may see the record, so may see
 * its history; the account's display name is shown, as in the history.
 */
export async function staleWrite(
  tx: Tx,
  versions: { expected: number; actual: number },
  entityType: string,
  entityId: number,
  eventType: string,
  accept: (data: unknown) => boolean = () => true,
): Promise<AppError> {
  const events = await tx
    .selectFrom('audit_event')
    .leftJoin('app_user', 'app_user.id', 'audit_event.actor_id')
    .select(['audit_event.actor_name', 'app_user.display_name', 'audit_event.at', 'audit_event.data'])
    .where('audit_event.entity_type', '=', entityType)
    .where('audit_event.entity_id', '=', entityId)
    .where('audit_event.type', '=', eventType)
    .orderBy('audit_event.seq', 'desc')
    .limit(20)
    .execute();
  const last = events.find((e) => accept(e.data));
  const details = last
    ? { ...versions, changedBy: last.display_name ?? last.actor_name, changedAt: new Date(last.at).toISOString() }
    : versions;
  return new AppError('STALE_WRITE', versions, [], details);
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
