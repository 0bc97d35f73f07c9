import { auditActor, SYSTEM, type Actor } from '../access/actor.ts';
import { appendEvents, type PendingEvent } from '../audit/record.ts';
import { SYSTEM_ACTOR, type AuditEvent } from '../audit/events.ts';
import { todayInVietnam, type Clock } from '../lib/clock.ts';
import { sql } from 'kysely';
import type { Db, Tx } from './client.ts';
import { ACTOR_CHANNEL, affectsActors, invalidateActors } from '../access/actor-cache.ts';

/** What a command runs with: the database and the clock (injectable, so no command calls `new Date()`). */
export interface Runtime {
  db: Db;
  clock: Clock;
}

/**
 * The one write path. A command receives this context, so commands compose inside one transaction; audit events
 * are appended to the chain in the same transaction, and side effects (jobs, notifications) registered with
 * `afterCommit` run only once the transaction has committed — a rolled-back write leaves nothing behind.
 */
export interface TxContext {
  readonly tx: Tx;
  /** Who acts; `SYSTEM` for the command line and demo data. */
  readonly actor: Actor;
  /** The instant of the transaction, from the runtime's clock. */
  readonly now: Date;
  /** Today's date in Vietnam ('YYYY-MM-DD') at `now`. */
  readonly today: string;
  readonly clock: Clock;
  /** Records an event of this write; `authorityId` defaults to the actor's authority. */
  audit(event: AuditEvent, authorityId?: number | null): void;
  afterCommit(fn: () => void | Promise<void>): void;
}

export interface AfterCommitErrorSink {
  (error: unknown): void;
}

/** Runs `fn` in one transaction with a fresh context; returns its result after commit and the after-commit work. */
export async function withTransaction<R>(
  runtime: Runtime,
  actor: Actor,
  fn: (ctx: TxContext) => Promise<R>,
  onAfterCommitError: AfterCommitErrorSink = (e) => console.error(e),
): Promise<R> {
  const after: Array<() => void | Promise<void>> = [];
  const now = runtime.clock.now();
  const who = actor === SYSTEM ? SYSTEM_ACTOR : auditActor(actor);
  let actorsChanged = false;
  const result = await runtime.db.transaction().execute(async (tx) => {
    const pending: PendingEvent[] = [];
    const ctx: TxContext = {
      tx,
      actor,
      now,
      today: todayInVietnam(now),
      clock: runtime.clock,
      audit(event, authorityId = actor.authorityId) {
        pending.push({ actor: who, event, authorityId, at: now });
      },
      afterCommit(f) {
        after.push(f);
      },
    };
    const value = await fn(ctx);
    // appended last: the head row is locked from here to commit only
    await appendEvents(tx, pending);
    // sessions, accounts or scopes changed: the other server processes forget their resolved actors on commit
    actorsChanged = pending.some((p) => affectsActors(p.event.type));
    if (actorsChanged) await sql`select pg_notify(${ACTOR_CHANNEL}, '')`.execute(tx);
    return value;
  });
  if (actorsChanged) invalidateActors(runtime.db);
  for (const f of after) {
    try {
      await f();
    } catch (error) {
      onAfterCommitError(error);
    }
  }
  return result;
}

/** Runs one command (or several composed) in its own transaction: what a route or the command line calls. */
export function execute<R>(runtime: Runtime, actor: Actor, command: (ctx: TxContext) => Promise<R>): Promise<R> {
  return withTransaction(runtime, actor, command);
}
