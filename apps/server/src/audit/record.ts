import type { Tx } from '../db/client.ts';
import { hashEvent } from './chain.ts';
import type { AuditActor, AuditEvent } from './events.ts';

/**
 * Appends one event to the chain inside the caller's transaction: the write and its record commit together or not at all.
 * Locking the head row serialises writers, so the chain never forks.
 */
export async function recordEvent(
  tx: Tx,
  actor: AuditActor,
  event: AuditEvent,
  authorityId: number | null = actor.authorityId,
): Promise<number> {
  const head = await tx
    .selectFrom('audit_head')
    .select(['last_seq', 'last_hash'])
    .where('id', '=', 1)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const seq = Number(head.last_seq) + 1;
  const at = new Date().toISOString();
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
    prevHash: head.last_hash,
  };
  const hash = hashEvent(fields);
  await tx
    .insertInto('audit_event')
    .values({
      seq,
      at,
      type: event.type,
      actor_id: actor.id,
      actor_name: actor.name,
      authority_id: authorityId,
      entity_type: event.entityType,
      entity_id: event.entityId,
      data: JSON.stringify(event.data),
      prev_hash: head.last_hash,
      hash,
    })
    .execute();
  await tx.updateTable('audit_head').set({ last_seq: seq, last_hash: hash }).where('id', '=', 1).execute();
  return seq;
}
