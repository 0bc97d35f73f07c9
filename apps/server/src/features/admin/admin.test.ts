import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../backup/restore.ts';
import { createTestContext, openTestDatabase, type TestContext } from '../../test/harness.ts';
import { tableContents } from '../../test/tables.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ jobWorker: false });
});
afterAll(() => t.close());

describe('GET /api/v1/admin/backup', () => {
  it('streams the running database as a dated .tar.gz that restores with zero differences, and audits the download', async () => {
    const admin = await t.as('demo-admin');
    const before = await tableContents(t.database.db);
    const res = await admin.get('/api/v1/admin/backup');
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/gzip');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="thidua-backup-\d{4}-\d\d-\d\d\.tar\.gz"$/);

    const target = await openTestDatabase();
    try {
      const result = await restoreBackup(target.db, Readable.from([res.rawPayload]));
      expect(result.manifest.database).toBe(t.database.kind);
      expect(result.audit.ok).toBe(true);
      expect(await tableContents(target.db)).toEqual(before);
    } finally {
      await target.close();
    }

    const event = await t.database.db.selectFrom('audit_event').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ type: 'BACKUP_DOWNLOADED', actor_name: 'demo-admin', entity_type: null });
    expect(event.data).toEqual({
      tables: Object.keys(before).length,
      rows: Object.values(before).reduce((n, r) => n + r.length, 0),
      migration: expect.any(String),
    });
  });

  it('is refused to everyone but the system administrator, and to anonymous callers', async () => {
    for (const username of ['demo-committee', 'demo-viewer']) {
      const res = await (await t.as(username)).get('/api/v1/admin/backup');
      expect(res.statusCode, username).toBe(403);
      expect(res.headers['content-disposition']).toBeUndefined();
    }
    expect((await t.anonymous.get('/api/v1/admin/backup')).statusCode).toBe(401);
    expect((await (await t.as('demo-admin')).get('/api/v1/auth/me')).json().user.abilities.downloadBackup).toBe(true);
    expect((await (await t.as('demo-committee')).get('/api/v1/auth/me')).json().user.abilities.downloadBackup).toBe(false);
  });
});
