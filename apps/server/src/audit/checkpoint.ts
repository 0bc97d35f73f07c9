import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { canonicalJson } from './chain.ts';

export const CHECKPOINT_FORMAT = 'thidua.audit-checkpoint/1';

/**
 * The key that signs checkpoints. It is kept outside the database — `THIDUA_AUDIT_KEY` (64 hex digits) or the file
 * `audit.key` in the data directory — so that someone who can rewrite the database cannot sign a rewritten chain.
 */
export interface AuditKey {
  /** a short fingerprint naming the key in each checkpoint, never the key itself */
  id: string;
  key: Buffer;
}

export class AuditKeyError extends Error {
  constructor(readonly reason: 'malformed' | 'unreadable') {
    super(`audit key ${reason}`);
    this.name = 'AuditKeyError';
  }
}

const KEY_FILE = 'audit.key';

function toKey(hex: string): AuditKey {
  const text = hex.trim();
  if (!/^[0-9a-fA-F]{64,}$/.test(text)) throw new AuditKeyError('malformed');
  const key = Buffer.from(text, 'hex');
  return { id: createHash('sha256').update(key).digest('hex').slice(0, 16), key };
}

/** The key if there is one; null when neither the environment nor the data directory holds it. */
export function readAuditKey(env: Record<string, string | undefined>, dataDir: string): AuditKey | null {
  if (env.THIDUA_AUDIT_KEY) return toKey(env.THIDUA_AUDIT_KEY);
  const file = join(dataDir, KEY_FILE);
  if (!existsSync(file)) return null;
  try {
    return toKey(readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof AuditKeyError) throw error;
    throw new AuditKeyError('unreadable');
  }
}

/** The key, created (readable by its owner only) in the data directory on first use. */
export function ensureAuditKey(env: Record<string, string | undefined>, dataDir: string): AuditKey {
  const existing = readAuditKey(env, dataDir);
  if (existing) return existing;
  mkdirSync(dataDir, { recursive: true });
  const hex = randomBytes(32).toString('hex');
  writeFileSync(join(dataDir, KEY_FILE), `${hex}\n`, { mode: 0o600, flag: 'wx' });
  return toKey(hex);
}

export const checkpointSchema = z.strictObject({
  format: z.literal(CHECKPOINT_FORMAT),
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Checkpoint = z.infer<typeof checkpointSchema>;

const macOf = (key: AuditKey, seq: number, hash: string, at: string) =>
  createHmac('sha256', key.key)
    .update(canonicalJson([CHECKPOINT_FORMAT, seq, hash, at]))
    .digest('hex');

export function macMatches(key: AuditKey, c: Pick<Checkpoint, 'seq' | 'hash' | 'at' | 'mac'>): boolean {
  const expected = Buffer.from(macOf(key, c.seq, c.hash, c.at), 'hex');
  const given = Buffer.from(c.mac, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const present = (row: { seq: number; hash: string; at: Date; key_id: string; mac: string }): Checkpoint => ({
  format: CHECKPOINT_FORMAT,
  seq: Number(row.seq),
  hash: row.hash,
  at: row.at.toISOString(),
  keyId: row.key_id,
  mac: row.mac,
});

/**
 * Signs the chain's current head and keeps the checkpoint (append-only). Returns the latest checkpoint, or null while
 * the chain is empty. Taking one again with no new events returns the existing one.
 */
export async function createCheckpoint(db: Db, key: AuditKey, now: Date): Promise<Checkpoint | null> {
  const head = await db.selectFrom('audit_head').select(['last_seq', 'last_hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const seq = Number(head.last_seq);
  if (seq === 0) return null;
  const at = now.toISOString();
  await db
    .insertInto('audit_checkpoint')
    .values({ seq, hash: head.last_hash, at, key_id: key.id, mac: macOf(key, seq, head.last_hash, at) })
    .onConflict((oc) => oc.column('seq').doNothing())
    .execute();
  const row = await db.selectFrom('audit_checkpoint').selectAll().where('seq', '=', seq).executeTakeFirstOrThrow();
  return present(row);
}

export async function listCheckpoints(db: Db): Promise<Checkpoint[]> {
  return (await db.selectFrom('audit_checkpoint').selectAll().orderBy('seq').execute()).map(present);
}
