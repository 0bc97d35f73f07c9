import type { Tx } from '../db/client.ts';
import { hashEvent } from './chain.ts';
import type { AuditActor, AuditEvent } from './events.ts';

export interface PendingEvent {
  actor: AuditActor;
  event: AuditEvent;
  authorityId: number | null;
  at: Date;
}

/**
 * Appends events to the chain inside the caller's transaction: the writes and their records commit together or not
 * at all. Locking the head row serialises appenders, so the chain never forks; the transaction context calls this
 * once, just before commit, so the lock is held for the append and the commit only, not for the command's own work.
 */
export async function appendEvents(tx: Tx, pending: readonly PendingEvent[]): Promise<number> {
  if (pending.length === 0) return 0;
  const head = await tx
    .selectFrom('audit_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  let seq = Number(head.last_seq);
  let prevHash = head.last_hash;
  const rows = [];
  for (const { actor, event, authorityId, at: when } of pending) {
    seq += 1;
    const at = when.toISOString();
    const fields = {
      seq,
      at,
      type: event.type,
      actorId: actor.id,
      actorName: actor.name,
      authorityId,
      entityType: event.entityType,
      entityId: event.entityId,
      data: event.data,
      prevHash,
    };
    const hash = hashEvent(fields);
    rows.push({
      seq,
      at,
      type: event.type,
      actor_id: actor.id,
      actor_name: actor.name,
      authority_id: authorityId,
      entity_type: event.entityType,
      entity_id: event.entityId,
      data: JSON.stringify(event.data),
      prev_hash: prevHash,
      hash,
    });
    prevHash = hash;
  }
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('audit_event')
      .values(rows.slice(i, i + 1000))
      .execute();
  await tx.updateTable('audit_head').set({ last_seq: seq, last_hash: prevHash }).where('id', '=', 1).execute();
  return seq;
}
