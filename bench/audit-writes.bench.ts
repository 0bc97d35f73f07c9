// Writes per second with 32 concurrent writers on PostgreSQL, each write a realistic command (read a person, update
// it, record an audit event, then a little more work in the same transaction), measured two ways in the same run:
// - baseline: the head row of the audit chain locked at the first audit call and held for the rest of the
//   transaction (how the chain was appended before the transaction context);
// - thidua: `withTransaction`, which buffers events and appends them just before commit.
// The chain is verified intact after each run.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { SYSTEM } from '../apps/server/src/access/actor.ts';
import { appendEvents } from '../apps/server/src/audit/record.ts';
import { verifyChain } from '../apps/server/src/audit/verify.ts';
import { openDatabase, type Db } from '../apps/server/src/db/client.ts';
import { dropSchema, migrateToLatest } from '../apps/server/src/db/migrate.ts';
import { withTransaction } from '../apps/server/src/db/transaction.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import { SYSTEM_ACTOR } from '../apps/server/src/audit/events.ts';
import type { Benchmark } from './run.ts';

const WRITERS = 32;
const WRITES_EACH = Number(process.env.BENCH_AUDIT_WRITES ?? 40);

/** The command's own work: read the row, change it, and a query after the audit call. */
async function work(tx: Db, id: number) {
  await tx.selectFrom('person').select(['id', 'full_name']).where('id', '=', id).executeTakeFirstOrThrow();
  await tx.updateTable('person').set({ birth_date: '1980-01-01' }).where('id', '=', id).execute();
}
const after = (tx: Db) => sql`select pg_sleep(0.002)`.execute(tx);

async function run(db: Db, people: number[], mode: 'baseline' | 'thidua'): Promise<number> {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < WRITES_EACH; i++) {
        const id = people[(w * WRITES_EACH + i) % people.length]!;
        const event = { type: 'PERSON_UPDATED' as const, entityType: 'person' as const, entityId: id, data: { changes: {} } };
        if (mode === 'thidua') {
          await withTransaction({ db, clock: systemClock }, SYSTEM, async (ctx) => {
            await work(ctx.tx, id);
            ctx.audit(event, null);
            await after(ctx.tx);
          });
        } else {
          await db.transaction().execute(async (tx) => {
            await work(tx, id);
            // the head row locked here and held until commit
            await appendEvents(tx, [{ actor: SYSTEM_ACTOR, event, authorityId: null, at: new Date() }]);
            await after(tx);
          });
        }
      }
    }),
  );
  return (WRITERS * WRITES_EACH * 1000) / (performance.now() - started);
}

export const benchmark: Benchmark = {
  name: 'audit',
  async run(log) {
    const url = process.env.DATABASE_URL ?? 'postgres://thidua:thidua@127.0.0.1:5432/thidua_test';
    const schema = `bench_audit_${randomBytes(4).toString('hex')}`;
    const database = await openDatabase({ url, schema });
    try {
      await migrateToLatest(database.db, schema);
      const db = database.db;
      const authority = await db
        .insertInto('authority')
        .values({ code: 'B', kind: 'PROVINCE', name: 'Bình An', short_name: 'BA', place: 'Bình An', search_key: 'b' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const unit = await db
        .insertInto('unit')
        .values({ authority_id: authority.id, code: 'U', name: 'U', unit_type: 'STATE_AGENCY', search_key: 'u' })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = await db
        .insertInto('person')
        .values(
          Array.from({ length: WRITERS * 4 }, (_, i) => ({
            authority_id: authority.id,
            code: `P${i}`,
            full_name: `Người ${i}`,
            gender: 'female' as const,
            unit_id: unit.id,
            search_key: `p${i}`,
          })),
        )
        .returning('id')
        .execute();
      const people = rows.map((r) => r.id);
      log(`${WRITERS} writers × ${WRITES_EACH} writes on PostgreSQL (schema ${schema})`);
      const baseline = await run(db, people, 'baseline');
      log(`baseline (head locked from the first audit call to commit): ${baseline.toFixed(0)} writes/s`);
      const thidua = await run(db, people, 'thidua');
      log(`thidua (events appended just before commit): ${thidua.toFixed(0)} writes/s`);
      const chain = await verifyChain(db);
      return [
        `audit chain, ${WRITERS} concurrent writers: ${thidua.toFixed(0)} writes/s vs ${baseline.toFixed(0)} writes/s with the head locked early — ${(thidua / baseline).toFixed(2)}×; chain ${chain.ok ? 'intact' : 'BROKEN'} (${(chain as { events?: number }).events ?? '?'} events)`,
      ];
    } finally {
      await dropSchema(database.db, schema);
      await database.close();
    }
  },
};
