import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { loadConfig } from '../config/config.ts';
import { openConfiguredDatabase } from '../server.ts';
import { verifyChain } from '../audit/verify.ts';
import {
  AuditKeyError,
  checkpointSchema,
  createCheckpoint,
  ensureAuditKey,
  readAuditKey,
  type AuditKey,
  type Checkpoint,
} from '../audit/checkpoint.ts';
import { SYSTEM } from '../access/actor.ts';
import { withTransaction } from '../db/transaction.ts';
import { systemClock } from '../lib/clock.ts';
import { createUser } from '../access/users.ts';
import { MIN_PASSWORD_LENGTH } from '../access/passwords.ts';
import type { Database } from '../db/client.ts';
import { cliTranslator, type CliIo } from './io.ts';

async function withDatabase<T>(io: CliIo, run: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig(io.env));
  try {
    return await run(database);
  } finally {
    await database.close();
  }
}

/**
 * `thidua audit verify [--checkpoint FILE]`: exit 0 if the chain is intact and holds every checkpoint (those stored
 * and the one given, signed with the key of THIDUA_AUDIT_KEY or the data directory), 1 naming the first break.
 */
export async function runAuditVerify(args: string[], io: CliIo, open = withDatabase): Promise<number> {
  const t = cliTranslator(io);
  let values;
  try {
    ({ values } = parseArgs({ args, options: { checkpoint: { type: 'string' } }, strict: true }));
  } catch (error) {
    io.err(`thidua audit verify: ${t('cli:badArgs', { detail: (error as Error).message })}\n`);
    return 2;
  }
  let checkpoint: Checkpoint | undefined;
  if (values.checkpoint !== undefined) {
    const parsed = await io
      .readFile(values.checkpoint)
      .then((text) => checkpointSchema.safeParse(JSON.parse(text)))
      .catch(() => null);
    if (!parsed?.success) {
      io.err(`thidua audit verify: ${t('cli:badCheckpoint', { file: values.checkpoint })}\n`);
      return 2;
    }
    checkpoint = parsed.data;
  }
  const key = auditKeyOrNull(io);
  if (key === undefined) {
    io.err(`thidua audit verify: ${t('cli:badAuditKey')}\n`);
    return 2;
  }
  return open(io, async ({ db }) => {
    const verdict = await verifyChain(db, { key, ...(checkpoint ? { checkpoint } : {}) });
    if (verdict.ok) {
      io.out(`${t('cli:auditIntact', { events: verdict.events })}\n`);
      if (verdict.checkpoints > 0)
        io.out(`${t(verdict.signed ? 'cli:checkpointsSigned' : 'cli:checkpointsUnsigned', { count: verdict.checkpoints })}\n`);
      return 0;
    }
    io.err(`${t('cli:auditBroken', { seq: verdict.brokenAt, why: t(`cli:why.${verdict.reason}`), events: verdict.events })}\n`);
    return 1;
  });
}

/** The configured audit key; null when there is none yet; undefined when it is malformed or unreadable. */
function auditKeyOrNull(io: CliIo): AuditKey | null | undefined {
  try {
    return readAuditKey(io.env, loadConfig(io.env).dataDir);
  } catch (error) {
    if (error instanceof AuditKeyError) return undefined;
    throw error;
  }
}

/** `thidua audit checkpoint [--out FILE]`: signs the chain's head now and prints (or writes) the checkpoint to keep elsewhere. */
export async function runAuditCheckpoint(args: string[], io: CliIo, open = withDatabase): Promise<number> {
  const t = cliTranslator(io);
  let values;
  try {
    ({ values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true }));
  } catch (error) {
    io.err(`thidua audit checkpoint: ${t('cli:badArgs', { detail: (error as Error).message })}\n`);
    return 2;
  }
  let key: AuditKey;
  try {
    key = ensureAuditKey(io.env, loadConfig(io.env).dataDir);
  } catch (error) {
    if (!(error instanceof AuditKeyError)) throw error;
    io.err(`thidua audit checkpoint: ${t('cli:badAuditKey')}\n`);
    return 2;
  }
  return open(io, async ({ db }) => {
    const checkpoint = await createCheckpoint(db, key, systemClock.now());
    if (!checkpoint) {
      io.err(`thidua audit checkpoint: ${t('cli:chainEmpty')}\n`);
      return 1;
    }
    const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
    if (values.out) {
      await writeFile(values.out, text, { flag: 'w' });
      io.err(`${t('cli:checkpointWritten', { seq: checkpoint.seq, file: values.out })}\n`);
    } else io.out(text);
    return 0;
  });
}

/** `thidua migrate`: brings the configured database to the latest schema. */
export async function runMigrate(_args: string[], io: CliIo): Promise<number> {
  return withDatabase(io, async () => {
    io.out(`${cliTranslator(io)('cli:migrated')}\n`);
    return 0;
  });
}

/** `thidua user create --admin --username NAME [--display-name TEXT] [--password-stdin]` */
export async function runUserCreate(args: string[], io: CliIo, open = withDatabase): Promise<number> {
  const t = cliTranslator(io);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        admin: { type: 'boolean' },
        username: { type: 'string' },
        'display-name': { type: 'string' },
        'password-stdin': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    io.err(`thidua user create: ${t('cli:badArgs', { detail: (error as Error).message })}\n`);
    return 2;
  }
  if (!values.admin) {
    io.err(`thidua user create: ${t('cli:adminOnly')}\n`);
    return 2;
  }
  const username = values.username?.trim() ?? '';
  if (!/^[a-z0-9._-]{3,100}$/i.test(username)) {
    io.err(`thidua user create: ${t('cli:badUsername')}\n`);
    return 2;
  }
  let password: string;
  let generated = false;
  if (values['password-stdin']) {
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (password.length < MIN_PASSWORD_LENGTH) {
      io.err(`thidua user create: ${t('cli:shortPassword', { min: MIN_PASSWORD_LENGTH })}\n`);
      return 2;
    }
  } else {
    password = randomBytes(15).toString('base64url');
    generated = true;
  }
  return open(io, async ({ db }) => {
    const exists = await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
    if (exists) {
      io.err(`thidua user create: ${t('cli:taken', { username })}\n`);
      return 1;
    }
    await withTransaction({ db, clock: systemClock }, SYSTEM, (ctx) =>
      createUser(ctx, { username, displayName: values['display-name'] ?? username, password, role: 'SYSTEM_ADMIN' }),
    );
    io.out(`${generated ? t('cli:createdWithPassword', { username, password }) : t('cli:created', { username })}\n`);
    return 0;
  });
}
