import type { Db } from '../db/client.ts';
import { hashEvent } from './chain.ts';

export type ChainVerdict =
  | { ok: true; events: number }
  | { ok: false; events: number; brokenAt: number; reason: 'HASH_MISMATCH' | 'LINK_MISMATCH' | 'MISSING_EVENT' | 'HEAD_MISMATCH' };

/** Walks the chain in order, in pages; reports the first event whose content, link or position is wrong. */
export async function verifyChain(db: Db, pageSize = 5000): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = 'GENESIS';
  let count = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_event').selectAll().where('seq', '>=', expectedSeq).orderBy('seq').limit(pageSize).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, events: count, brokenAt: expectedSeq, reason: 'MISSING_EVENT' };
      if (row.prev_hash !== prevHash) return { ok: false, events: count, brokenAt: seq, reason: 'LINK_MISMATCH' };
      const at = row.at instanceof Date ? row.at.toISOString() : new Date(String(row.at)).toISOString();
      const recomputed = hashEvent({
        seq,
        at,
        type: row.type,
        actorId: row.actor_id,
        actorName: row.actor_name,
        authorityId: row.authority_id,
        entityType: row.entity_type,
        entityId: row.entity_id,
        data: row.data,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) return { ok: false, events: count, brokenAt: seq, reason: 'HASH_MISMATCH' };
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.last_seq) !== count || head.last_hash !== prevHash) {
    return { ok: false, events: count, brokenAt: count + 1, reason: 'HEAD_MISMATCH' };
  }
  return { ok: true, events: count };
}
