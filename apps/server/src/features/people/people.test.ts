import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t.close());

const firstPersonOf = async (unitCode: string) => {
  const unitId = await idOf(t.database, 'unit', unitCode);
  return t.database.db.selectFrom('person').selectAll().where('unit_id', '=', unitId).orderBy('id').executeTakeFirstOrThrow();
};

describe('people', () => {
  it('anonymous → 401; wrong scope → 404', async () => {
    const p = await firstPersonOf('TH-HOPLUC');
    expect((await t.anonymous.get(`/api/v1/people/${p.id}`)).statusCode).toBe(401);
    expect((await (await t.as('demo-viewer')).get(`/api/v1/people/${p.id}`)).statusCode).toBe(404);
    expect((await (await t.as('demo-unit')).get(`/api/v1/people/${p.id}`)).statusCode).toBe(404);
  });

  it('a unit officer lists only its unit staff; filters by gender; finds names without diacritics', async () => {
    const unit = await t.as('demo-unit');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const list = (await unit.get('/api/v1/people?pageSize=100')).json();
    expect(list.total).toBeGreaterThan(0);
    expect(list.items.every((p: { unitId: number }) => p.unitId === lamSon)).toBe(true);
    const women = (await unit.get('/api/v1/people?gender=female&pageSize=100')).json();
    expect(women.items.every((p: { gender: string }) => p.gender === 'female')).toBe(true);
    const someone = list.items[0].fullName as string;
    const plain = someone.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
    const found = (await unit.get(`/api/v1/people?q=${encodeURIComponent(plain.toLowerCase())}`)).json();
    expect(found.items.map((p: { fullName: string }) => p.fullName)).toContain(someone);
  });

  it('shows positions held', async () => {
    const p = await firstPersonOf('TH-LAMSON');
    const res = (await (await t.as('demo-unit')).get(`/api/v1/people/${p.id}`)).json();
    expect(res.positions.length).toBeGreaterThan(0);
    expect(res.positions[0]).toMatchObject({ title: expect.any(String), from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
  });

  it('a unit officer edits its staff; cannot move them to a unit outside its scope; stale versions are refused', async () => {
    const unit = await t.as('demo-unit');
    const p = await firstPersonOf('TH-LAMSON');
    const hopLuc = await idOf(t.database, 'unit', 'TH-HOPLUC');
    const ok = await unit.patch(`/api/v1/people/${p.id}`, { version: p.version, fullName: 'Nguyễn Thị Ánh Tuyết', birthDate: '1990-02-28' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ fullName: 'Nguyễn Thị Ánh Tuyết', version: p.version + 1 });
    const move = await unit.patch(`/api/v1/people/${p.id}`, { version: p.version + 1, unitId: hopLuc });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.fields[0].path).toBe('unitId');
    expect((await unit.patch(`/api/v1/people/${p.id}`, { version: p.version, fullName: 'x' })).statusCode).toBe(409);
    const bad = await unit.patch(`/api/v1/people/${p.id}`, { version: p.version + 1, birthDate: '1990-02-30', gender: 'other' });
    expect(bad.json().error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['birthDate', 'gender']);
  });

  it('viewers and council members cannot edit', async () => {
    const p = await firstPersonOf('TH-LAMSON');
    expect((await (await t.as('demo-council')).patch(`/api/v1/people/${p.id}`, { version: 1, fullName: 'x' })).statusCode).toBe(403);
    expect((await (await t.as('demo-cluster')).patch(`/api/v1/people/${p.id}`, { version: 1, fullName: 'x' })).statusCode).toBe(403);
  });
});
