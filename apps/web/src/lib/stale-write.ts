import { staleWriteDetails } from '@thidua/contracts/shared.ts';
import { isApiError } from './api.ts';

/** Who saved the record in between and when, as the server's STALE_WRITE answer says (both absent if it cannot). */
export interface LastChange {
  by?: string;
  at?: string;
}

export function lastChangeOf(error: unknown): LastChange {
  if (!isApiError(error, 'STALE_WRITE')) return {};
  const details = staleWriteDetails.safeParse(error.details);
  return details.success ? { by: details.data.changedBy, at: details.data.changedAt } : {};
}

/** A cleared input ('', undefined) and null mean the same; strings are compared as they will be saved (trimmed). */
function normal(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  return value;
}

export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(normal(a)) === JSON.stringify(normal(b));
}

export interface ConflictRow<K extends string> {
  field: K;
  /** The officer's value (what the form holds). */
  mine: unknown;
  /** The value saved now, by the other person. */
  saved: unknown;
  /** The officer changed this field; otherwise only the other person did, and the saved value stays on re-apply. */
  changedByMe: boolean;
}

function keysOf<V extends object>(...records: V[]): Array<keyof V & string> {
  return [...new Set(records.flatMap((r) => Object.keys(r)))] as Array<keyof V & string>;
}

/**
 * The fields where the officer's form and the saved record differ, given where the officer started (`base`):
 * fields either of them changed. A field both changed to the same value is no conflict.
 */
export function conflictRows<V extends object>(base: V, mine: V, saved: V): Array<ConflictRow<keyof V & string>> {
  return keysOf(base, mine, saved)
    .filter((field) => !sameValue(mine[field], saved[field]))
    .map((field) => ({ field, mine: mine[field], saved: saved[field], changedByMe: !sameValue(mine[field], base[field]) }));
}

/** The saved record with the officer's changes (the fields they changed from `base`) put back on it. */
export function reapply<V extends object>(base: V, mine: V, saved: V): V {
  const merged = { ...saved };
  for (const field of keysOf(base, mine)) if (!sameValue(mine[field], base[field])) merged[field] = mine[field];
  return merged;
}
