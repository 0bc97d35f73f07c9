import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level: jsonb does not keep key order, the hash must not depend on it. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export interface ChainedFields {
  seq: number;
  at: string;
  type: string;
  actorId: number | null;
  actorName: string;
  authorityId: number | null;
  entityType: string | null;
  entityId: number | null;
  data: unknown;
  prevHash: string;
}

/** What the hash covers, as a stored event row holds it (timestamps at the millisecond they were written with). */
export function chainedFieldsOf(row: {
  seq: number | string;
  at: Date | string;
  type: string;
  actor_id: number | null;
  actor_name: string;
  authority_id: number | null;
  entity_type: string | null;
  entity_id: number | null;
  data: unknown;
  prev_hash: string;
}): ChainedFields {
  return {
    seq: Number(row.seq),
    at: row.at instanceof Date ? row.at.toISOString() : new Date(row.at).toISOString(),
    type: row.type,
    actorId: row.actor_id,
    actorName: row.actor_name,
    authorityId: row.authority_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    data: row.data,
    prevHash: row.prev_hash,
  };
}

export function hashEvent(e: ChainedFields): string {
  return createHash('sha256')
    .update(canonicalJson([e.seq, e.at, e.type, e.actorId, e.actorName, e.authorityId, e.entityType, e.entityId, e.data, e.prevHash]))
    .digest('hex');
}
