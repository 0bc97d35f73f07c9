import { sql } from 'kysely';
import type { Db } from '../db/client.ts';
import { chainedFieldsOf, hashEvent } from './chain.ts';
import { listCheckpoints, macMatches, type AuditKey, type Checkpoint } from './checkpoint.ts';

export type BreakReason =
  | 'HASH_MISMATCH'
  | 'LINK_MISMATCH'
  | 'MISSING_EVENT'
  | 'HEAD_MISMATCH'
  | 'CHECKPOINT_MISMATCH'
  | 'CHECKPOINT_FORGED'
  | 'CHECKPOINT_OTHER_KEY';

export type ChainVerdict =
  { ok: true; events: number; checkpoints: number; signed: boolean } | { ok: false; events: number; brokenAt: number; reason: BreakReason };

export interface VerifyOptions {
  /** the key that signs checkpoints; without it checkpoints are compared with the chain but their MACs are not checked */
  key?: AuditKey | null;
  /** a checkpoint kept outside the database (`thidua audit checkpoint`): the chain must still hold it */
  checkpoint?: Checkpoint;
}

/**
 * Walks the chain in order, in pages; reports the first event whose content, link or position is wrong. Then holds
 * the chain against its checkpoints — those stored in the database and the one given — so that a chain cut short or
 * rewritten and re-hashed from some event on is caught at the first checkpoint after that event.
 */
export async function verifyChain(db: Db, options: VerifyOptions = {}, pageSize = 5000): Promise<ChainVerdict> {
  let expectedSeq = 1;
  let prevHash = 'GENESIS';
  let count = 0;
  const hashes = new Map<number, string>();
  const given = options.checkpoint;
  const stored = await listCheckpoints(db);
  const anchors = new Set([...stored.map((c) => c.seq), ...(given ? [given.seq] : [])]);
  for (;;) {
    const rows = await db
      .selectFrom('audit_event')
      .selectAll()
      // the chain hashes timestamps to the millisecond, as they are written: anything finer was changed afterwards
      .select(sql<number>`(extract(microseconds from at)::bigint % 1000)::int`.as('sub_ms'))
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq) return { ok: false, events: count, brokenAt: expectedSeq, reason: 'MISSING_EVENT' };
      if (row.prev_hash !== prevHash) return { ok: false, events: count, brokenAt: seq, reason: 'LINK_MISMATCH' };
      const recomputed = hashEvent(chainedFieldsOf(row));
      if (recomputed !== row.hash || Number(row.sub_ms) !== 0) return { ok: false, events: count, brokenAt: seq, reason: 'HASH_MISMATCH' };
      if (anchors.has(seq)) hashes.set(seq, row.hash);
      prevHash = row.hash;
      expectedSeq = seq + 1;
      count++;
    }
  }
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  if (Number(head.last_seq) !== count || head.last_hash !== prevHash) {
    return { ok: false, events: count, brokenAt: count + 1, reason: 'HEAD_MISMATCH' };
  }
  const key = options.key ?? null;
  const extra = given && !stored.some((c) => c.seq === given.seq && c.mac === given.mac) ? [given] : [];
  const checkpoints = [...stored, ...extra].sort((a, b) => a.seq - b.seq);
  for (const c of checkpoints) {
    if (key && c.keyId !== key.id) return { ok: false, events: count, brokenAt: c.seq, reason: 'CHECKPOINT_OTHER_KEY' };
    if (key && !macMatches(key, c)) return { ok: false, events: count, brokenAt: c.seq, reason: 'CHECKPOINT_FORGED' };
    if (hashes.get(c.seq) !== c.hash) return { ok: false, events: count, brokenAt: c.seq, reason: 'CHECKPOINT_MISMATCH' };
  }
  return { ok: true, events: count, checkpoints: checkpoints.length, signed: key !== null };
}
