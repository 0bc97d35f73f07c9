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
    const plain = someone
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D');
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
    const ok = await unit.patch(`/api/v1/people/${p.id}`, {
      version: p.version,
      fullName: 'Nguyễn Thị Ánh Tuyết',
      birthDate: '1990-02-28',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ fullName: 'Nguyễn Thị Ánh Tuyết', version: p.version + 1 });
    const move = await unit.patch(`/api/v1/people/${p.id}`, { version: p.version + 1, unitId: hopLuc });
    expect(move.statusCode).toBe(400);
    expect(move.json().error.fields[0].path).toBe('unitId');
    expect((await unit.patch(`/api/v1/people/${p.id}`, { version: p.version, fullName: 'x' })).statusCode).toBe(409);
    const bad = await unit.patch(`/api/v1/people/${p.id}`, { version: p.version + 1, birthDate: '1990-02-30', gender: 'other' });
    expect(
      bad
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['birthDate', 'gender']);
  });

  it('viewers and council members cannot edit', async () => {
    const p = await firstPersonOf('TH-LAMSON');
    expect((await (await t.as('demo-council')).patch(`/api/v1/people/${p.id}`, { version: 1, fullName: 'x' })).statusCode).toBe(403);
    expect((await (await t.as('demo-cluster')).patch(`/api/v1/people/${p.id}`, { version: 1, fullName: 'x' })).statusCode).toBe(403);
  });
});

describe('registering people and their positions', () => {
  it('a unit officer registers staff in its own unit only, with unique codes', async () => {
    const unit = await t.as('demo-unit');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const hopLuc = await idOf(t.database, 'unit', 'TH-HOPLUC');
    const created = await unit.post('/api/v1/people', {
      unitId: lamSon,
      code: 'LS-NEW-1',
      fullName: 'Trần Thị Mai',
      gender: 'female',
      birthDate: '1992-05-17',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ fullName: 'Trần Thị Mai', unitId: lamSon, positions: [] });
    expect(
      (await unit.post('/api/v1/people', { unitId: lamSon, code: 'LS-NEW-1', fullName: 'X', gender: 'male' })).json().error.fields[0].path,
    ).toBe('code');
    expect(
      (await unit.post('/api/v1/people', { unitId: hopLuc, code: 'LS-NEW-2', fullName: 'X', gender: 'male' })).json().error.fields[0].path,
    ).toBe('unitId');
    expect(
      (await (await t.as('demo-viewer')).post('/api/v1/people', { unitId: lamSon, code: 'X', fullName: 'X', gender: 'male' })).statusCode,
    ).toBe(403);
  });

  it('records and removes positions with dates', async () => {
    const unit = await t.as('demo-unit');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const p = await firstPersonOf('TH-LAMSON');
    expect(
      (
        await unit.post(`/api/v1/people/${p.id}/positions`, {
          unitId: lamSon,
          title: 'Trưởng phòng Kỹ thuật',
          from: '2025-06-01',
          to: '2025-01-01',
        })
      ).json().error.fields[0].path,
    ).toBe('to');
    const added = await unit.post(`/api/v1/people/${p.id}/positions`, {
      unitId: lamSon,
      title: 'Trưởng phòng Kỹ thuật',
      from: '2025-06-01',
    });
    expect(added.statusCode).toBe(201);
    const position = added.json().positions.find((x: { title: string }) => x.title === 'Trưởng phòng Kỹ thuật');
    expect(position).toMatchObject({ from: '2025-06-01', to: null });
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/people/${p.id}/positions/${position.id}`,
      cookies: unit.cookies,
      headers: { 'x-csrf-token': unit.csrfToken! },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().positions.some((x: { id: number }) => x.id === position.id)).toBe(false);
  });
});
