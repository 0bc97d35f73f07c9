import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../config/config.ts';
import { openConfiguredDatabase } from '../server.ts';
import { verifyChain } from '../audit/verify.ts';
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

/** `thidua audit verify`: exit 0 if the chain is intact, 1 naming the first broken link otherwise. */
export async function runAuditVerify(_args: string[], io: CliIo, open = withDatabase): Promise<number> {
  const t = cliTranslator(io);
  return open(io, async ({ db }) => {
    const verdict = await verifyChain(db);
    if (verdict.ok) {
      io.out(`${t('cli:auditIntact', { events: verdict.events })}\n`);
      return 0;
    }
    io.err(`${t('cli:auditBroken', { seq: verdict.brokenAt, why: t(`cli:why.${verdict.reason}`), events: verdict.events })}\n`);
    return 1;
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
