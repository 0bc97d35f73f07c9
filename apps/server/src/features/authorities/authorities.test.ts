import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1 });
});
afterAll(() => t.close());

describe('authorities', () => {
  it('anonymous → 401; others see only their own authority', async () => {
    expect((await t.anonymous.get('/api/v1/authorities')).statusCode).toBe(401);
    const list = (await (await t.as('demo-committee')).get('/api/v1/authorities')).json();
    expect(list.items.map((a: { code: string }) => a.code)).toEqual(['TH']);
    const cb = await idOf(t.database, 'authority', 'CB');
    expect((await (await t.as('demo-committee')).get(`/api/v1/authorities/${cb}`)).statusCode).toBe(404);
    expect(
      (await (await t.as('demo-admin')).get('/api/v1/authorities?kind=MINISTRY')).json().items.map((a: { code: string }) => a.code),
    ).toEqual(['BCT']);
  });

  it('a committee officer edits its authority with a version; a viewer cannot', async () => {
    const th = await idOf(t.database, 'authority', 'TH');
    const officer = await t.as('demo-committee');
    const current = (await officer.get(`/api/v1/authorities/${th}`)).json();
    const saved = await officer.patch(`/api/v1/authorities/${th}`, { version: current.version, place: 'Thanh Hóa' });
    expect(saved.statusCode).toBe(200);
    expect(
      (await (await t.as('demo-council')).patch(`/api/v1/authorities/${th}`, { version: saved.json().version, place: 'x' })).statusCode,
    ).toBe(403);
    expect(
      (await (await t.as('demo-viewer')).patch(`/api/v1/authorities/${th}`, { version: saved.json().version, place: 'x' })).statusCode,
    ).toBe(404);
    expect((await officer.patch(`/api/v1/authorities/${th}`, { version: current.version, place: 'x' })).json().error.code).toBe(
      'STALE_WRITE',
    );
  });
});

describe('history', () => {
  it('is visible only to those who may see the record', async () => {
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    expect((await t.anonymous.get(`/api/v1/audit?entityType=cluster&entityId=${c18}`)).statusCode).toBe(401);
    expect((await (await t.as('demo-viewer')).get(`/api/v1/audit?entityType=cluster&entityId=${c18}`)).statusCode).toBe(404);
    expect((await (await t.as('demo-cluster')).get(`/api/v1/audit?entityType=cluster&entityId=${c18}`)).statusCode).toBe(200);
    expect((await (await t.as('demo-viewer')).get('/api/v1/audit?entityType=user&entityId=1')).statusCode).toBe(403);
    expect((await (await t.as('demo-admin')).get('/api/v1/audit?entityType=bank&entityId=1')).statusCode).toBe(400);
  });
});
