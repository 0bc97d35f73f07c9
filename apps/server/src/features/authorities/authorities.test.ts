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

  it("an authority's overview: its units, clusters and blocks, quotas and settings, within the caller's scope", async () => {
    const th = await idOf(t.database, 'authority', 'TH');
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    expect((await t.anonymous.get(`/api/v1/authorities/${th}/overview`)).statusCode).toBe(401);
    const hidden = await (await t.as('demo-viewer')).get(`/api/v1/authorities/${th}/overview`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Cụm');

    const committee = (await (await t.as('demo-committee')).get(`/api/v1/authorities/${th}/overview`)).json();
    const units = (await (await t.as('demo-committee')).get(`/api/v1/units?authorityId=${th}&pageSize=1`)).json();
    expect(committee.unitCount).toBe(units.total);
    expect(committee.unitCount).toBeGreaterThan(1);
    expect(committee.clusters.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['TH-CUM18']));
    expect(committee.clusters.find((c: { id: number }) => c.id === c18).memberCount).toBeGreaterThan(0);
    expect(committee.quotas.map((q: { awardCode: string }) => q.awardCode)).toEqual([
      'CHIEN_SI_THI_DUA_CO_SO',
      'TAP_THE_LAO_DONG_XUAT_SAC',
    ]);
    expect(committee.quotas[0]).toMatchObject({ year: 2024, ratePercent: 15, rounding: 'floor', minOne: true });
    expect(committee.settings).toEqual({ fromYear: null, overrides: {} });

    // a unit officer sees its authority, but only its own unit and its own clusters
    const mine = (await (await t.as('demo-unit')).get(`/api/v1/authorities/${th}/overview`)).json();
    expect(mine.unitCount).toBe(1);
    expect(mine.clusters.map((c: { code: string }) => c.code)).toEqual(['TH-CUM18']);

    // the settings in force are the latest set for this year or before
    const officer = await t.as('demo-committee');
    const year = committee.year;
    expect(
      (await officer.put(`/api/v1/eligibility/settings/${th}`, { year, overrides: { disciplineRestartsChains: false } })).statusCode,
    ).toBe(200);
    const after = (await officer.get(`/api/v1/authorities/${th}/overview`)).json();
    expect(after.settings).toEqual({ fromYear: year, overrides: { disciplineRestartsChains: false } });
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
