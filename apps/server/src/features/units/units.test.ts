import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

describe('units', () => {
  it('anonymous → 401; wrong scope → 404 without data', async () => {
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    expect((await t.anonymous.get('/api/v1/units')).statusCode).toBe(401);
    expect((await t.anonymous.get(`/api/v1/units/${lamSon}`)).statusCode).toBe(401);
    const res = await (await t.as('demo-viewer')).get(`/api/v1/units/${lamSon}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Lam Sơn');
  });

  it('lists with filters and pagination inside the caller scope', async () => {
    const committee = await t.as('demo-committee');
    const all = (await committee.get('/api/v1/units?pageSize=100')).json();
    expect(all.items.every((u: { authorityName: string }) => /Thanh Hóa/.test(u.authorityName))).toBe(true);
    const page2 = (await committee.get('/api/v1/units?pageSize=5&page=2')).json();
    expect(page2.items).toHaveLength(5);
    expect(page2.items[0].id).toBe(all.items[5].id);
    const llc = (await committee.get('/api/v1/units?unitType=SOE_ONE_MEMBER_LLC&pageSize=100')).json();
    expect(llc.total).toBeGreaterThan(0);
    expect(llc.items.every((u: { unitType: string }) => u.unitType === 'SOE_ONE_MEMBER_LLC')).toBe(true);
    expect((await committee.get('/api/v1/units?unitType=BANK')).statusCode).toBe(400);
  });

  it('a unit officer sees only its own unit; a ministry sees the provincial departments of its cluster', async () => {
    const mine = (await (await t.as('demo-unit')).get('/api/v1/units')).json();
    expect(mine.items.map((u: { code: string }) => u.code)).toEqual(['TH-LAMSON']);
    const ministry = (await (await t.as('demo-ministry')).get('/api/v1/units?pageSize=100')).json();
    expect(ministry.items.some((u: { code: string }) => u.code === 'NA-SCT')).toBe(true);
    expect(ministry.items.some((u: { code: string }) => u.code === 'TH-LAMSON')).toBe(false);
  });

  it("lists a unit's clusters with its years, roles and flag, only those the caller sees", async () => {
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    expect((await t.anonymous.get(`/api/v1/units/${lamSon}/clusters`)).statusCode).toBe(401);
    const hidden = await (await t.as('demo-viewer')).get(`/api/v1/units/${lamSon}/clusters`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('Cụm');
    for (const username of ['demo-unit', 'demo-committee']) {
      const res = await (await t.as(username)).get(`/api/v1/units/${lamSon}/clusters`);
      expect(res.statusCode).toBe(200);
      const [cluster18] = res.json().items;
      expect(cluster18).toMatchObject({ id: c18, code: 'TH-CUM18', kind: 'CLUSTER' });
      expect(cluster18.memberships.map((m: { year: number }) => m.year)).toContain(2024);
      expect(cluster18.roles).toContainEqual({ year: 2024, role: 'HEAD' });
      expect(cluster18.flagCustody).toEqual([expect.objectContaining({ from: '2024-03-27', to: '2025-01-16' })]);
    }
    // Thanh Hóa's department sits in the ministry's cluster: the ministry sees that cluster, the province does not
    const sct = await idOf(t.database, 'unit', 'TH-SCT');
    expect((await (await t.as('demo-committee')).get(`/api/v1/units/${sct}/clusters`)).json().items).toEqual([]);
    const ministry = (await (await t.as('demo-ministry')).get(`/api/v1/units/${sct}/clusters`)).json();
    expect(ministry.items.map((c: { code: string }) => c.code)).toEqual(['BCT-CUM6']);
    // Nghệ An's department: deputy in 2025, head in 2026, holding the flag since 21/01/2026
    const na = await idOf(t.database, 'unit', 'NA-SCT');
    const [cum6] = (await (await t.as('demo-ministry')).get(`/api/v1/units/${na}/clusters`)).json().items;
    expect(cum6.roles).toEqual([
      { year: 2026, role: 'HEAD' },
      { year: 2025, role: 'DEPUTY' },
    ]);
    expect(cum6.flagCustody).toEqual([{ from: '2026-01-21', to: null, note: expect.any(String) }]);
  });

  it('shows merger links', async () => {
    const hue = await idOf(t.database, 'unit', 'HUE-SCT');
    const res = (await (await t.as('demo-admin')).get(`/api/v1/units/${hue}`)).json();
    expect(res.predecessors.map((p: { name: string }) => p.name)).toEqual([expect.stringMatching(/Thừa Thiên Huế/)]);
  });

  it('creates and edits a unit with optimistic concurrency, refusing loops and bad dates', async () => {
    const committee = await t.as('demo-committee');
    const th = await idOf(t.database, 'authority', 'TH');
    const created = await committee.post('/api/v1/units', {
      authorityId: th,
      code: 'TH-TEST-1',
      name: 'Công ty TNHH MTV Thử nghiệm',
      unitType: 'SOE_ONE_MEMBER_LLC',
      stateCapitalPct: 100,
      foundedOn: '2020-01-01',
    });
    expect(created.statusCode).toBe(201);
    const unit = created.json();
    const child = (
      await committee.post('/api/v1/units', {
        authorityId: th,
        code: 'TH-TEST-2',
        name: 'Xí nghiệp trực thuộc',
        unitType: 'OTHER_ENTERPRISE',
        parentId: unit.id,
      })
    ).json();
    const loop = await committee.patch(`/api/v1/units/${unit.id}`, { version: unit.version, parentId: child.id });
    expect(loop.statusCode).toBe(400);
    expect(loop.json().error.code).toBe('UNIT_CYCLE');
    const dates = await committee.patch(`/api/v1/units/${unit.id}`, { version: unit.version, dissolvedOn: '2019-12-31' });
    expect(dates.json().error.fields[0].path).toBe('dissolvedOn');
    const pct = await committee.patch(`/api/v1/units/${unit.id}`, { version: unit.version, stateCapitalPct: 120 });
    expect(pct.json().error.fields[0].path).toBe('stateCapitalPct');
    const saved = await committee.patch(`/api/v1/units/${unit.id}`, {
      version: unit.version,
      stateCapitalPct: 65.5,
      taxCode: '2800123456',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ stateCapitalPct: 65.5, taxCode: '2800123456', version: unit.version + 1 });
    expect((await committee.patch(`/api/v1/units/${unit.id}`, { version: unit.version, name: 'x' })).statusCode).toBe(409);
    const history = (await committee.get(`/api/v1/audit?entityType=unit&entityId=${unit.id}`)).json().items;
    expect(history.map((e: { type: string }) => e.type)).toEqual(['UNIT_UPDATED', 'UNIT_CREATED']);
    expect(Object.keys(history[0].data.changes).sort()).toEqual(['stateCapitalPct', 'taxCode']);
  });

  it('refuses edits from roles and scopes that may not edit', async () => {
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const hopLuc = await idOf(t.database, 'unit', 'TH-HOPLUC');
    expect((await (await t.as('demo-viewer')).patch(`/api/v1/units/${lamSon}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    expect((await (await t.as('demo-council')).patch(`/api/v1/units/${lamSon}`, { version: 1, name: 'x' })).statusCode).toBe(403);
    expect((await (await t.as('demo-unit')).patch(`/api/v1/units/${hopLuc}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    const cb = await idOf(t.database, 'authority', 'CB');
    expect(
      (await (await t.as('demo-committee')).post('/api/v1/units', { authorityId: cb, code: 'X', name: 'X', unitType: 'STATE_AGENCY' }))
        .statusCode,
    ).toBe(404);
  });
});
