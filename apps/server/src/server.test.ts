import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config/config.ts';
import { startServer } from './server.ts';

const dir = mkdtempSync(join(tmpdir(), 'thidua-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('starting thidua on the embedded database', () => {
  it('loads demo data into an empty data directory once, and keeps data across restarts', async () => {
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', THIDUA_DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const first = await startServer(config);
    const people = Number(
      (
        await first.database.db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(people).toBeGreaterThan(0);
    await first.database.db.updateTable('authority').set({ place: 'Thanh Hoá (đã sửa)' }).where('code', '=', 'TH').execute();
    const address = first.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    await first.app.close();
    await first.database.close();

    const second = await startServer(config);
    const again = Number(
      (
        await second.database.db
          .selectFrom('person')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(again).toBe(people);
    const th = await second.database.db.selectFrom('authority').select('place').where('code', '=', 'TH').executeTakeFirstOrThrow();
    expect(th.place).toBe('Thanh Hoá (đã sửa)');
    await second.app.close();
    await second.database.close();
  }, 180_000);

  it('refuses a wrong configuration naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ THIDUA_DEMO: 'maybe' })).toThrow(/THIDUA_DEMO/);
  });
});
