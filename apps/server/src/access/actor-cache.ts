import type { Actor } from './actor.ts';

/**
 * Resolved actors by session-token hash, so a request costs no session join and no scope resolution (a unit's
 * subtree, a cluster's members, an authority's outside members) while nothing changed. An entry is dropped:
 * - at once, in this process, after any committed write that may change who someone is or what they see: sessions
 *   started or ended, accounts edited or disabled, units and cluster memberships changed (`affectsActors`);
 * - within a second in the other server processes of a PostgreSQL deployment, which hear the same write as a
 *   `NOTIFY thidua_actors` sent in its transaction (delivered only if it commits);
 * - when its session expires, and at the latest MAX_AGE_MS after it was resolved, whatever happened.
 */
export const ACTOR_CHANNEL = 'thidua_actors';
const MAX_AGE_MS = 30_000;
const MAX_ENTRIES = 20_000;

interface Entry {
  actor: Actor;
  /** The session's expiry (the application clock's milliseconds). */
  expiresAt: number;
  /** When it was resolved (monotonic milliseconds). */
  resolvedAt: number;
}

export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  /** Moves at every clear: a resolution that began before a clear read what may be stale, and is not kept. */
  private generation = 0;

  /** The generation a resolution starts in; pass it back to `set`. */
  begin(): number {
    return this.generation;
  }

  /** False while the other processes' notifications cannot be heard: every request resolves its session afresh. */
  usable = true;

  get(tokenHash: string, nowMs: number): Actor | undefined {
    if (!this.usable) return undefined;
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expiresAt <= nowMs || performance.now() - entry.resolvedAt > MAX_AGE_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.actor;
  }

  set(tokenHash: string, actor: Actor, expiresAt: number, generation: number): void {
    if (generation !== this.generation || !this.usable) return;
    // the oldest resolution goes first when full (a Map keeps insertion order)
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { actor, expiresAt, resolvedAt: performance.now() });
  }

  clear(): void {
    this.generation += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The caches resolving sessions against one database handle (an application instance has one). */
const cachesByDb = new WeakMap<object, Set<ActorCache>>();

export function registerActorCache(db: object, cache: ActorCache): () => void {
  let set = cachesByDb.get(db);
  if (!set) cachesByDb.set(db, (set = new Set()));
  set.add(cache);
  return () => set.delete(cache);
}

/** Every cache resolving against this database handle forgets what it knew. */
export function invalidateActors(db: object): void {
  for (const cache of cachesByDb.get(db) ?? []) cache.clear();
}

/**
 * Audit events after which a resolved actor may be wrong: an account's sessions, role, scope or state; the units a unit
 * officer's scope spans; the members a cluster officer or an authority's board sees.
 */
export function affectsActors(type: string): boolean {
  return (
    (type.startsWith('USER_') && type !== 'USER_SIGNED_IN' && type !== 'USER_CREATED') ||
    type.startsWith('CLUSTER_MEMBER_') ||
    type === 'CLUSTER_LEADERSHIP_SET' ||
    type === 'UNIT_CREATED' ||
    type === 'UNIT_UPDATED' ||
    type === 'DEMO_DATA_LOADED'
  );
}
