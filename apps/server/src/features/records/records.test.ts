import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let staff: number;
let otherStaff: number;
let lamSon: number;
beforeAll(async () => {
  t = await createTestContext();
  lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
  const hopLuc = await idOf(t.database, 'unit', 'TH-HOPLUC');
  staff = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', lamSon).orderBy('id').executeTakeFirstOrThrow()).id;
  otherStaff = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', hopLuc).orderBy('id').executeTakeFirstOrThrow())
    .id;
});
afterAll(() => t.close());

const events = async (type: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('type', '=', type)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('records of a person', () => {
  it('anonymous → 401; out of scope → 404; read-only roles → 403', async () => {
    expect((await t.anonymous.get(`/api/v1/records/person/${staff}`)).statusCode).toBe(401);
    expect((await (await t.as('demo-viewer')).get(`/api/v1/records/person/${staff}`)).statusCode).toBe(404);
    expect((await (await t.as('demo-unit')).get(`/api/v1/records/person/${otherStaff}`)).statusCode).toBe(404);
    expect(
      (await (await t.as('demo-unit')).post(`/api/v1/records/person/${otherStaff}/ratings`, { year: 2025, rating: 'HTXS' })).statusCode,
    ).toBe(404);
    expect(
      (await (await t.as('demo-council')).post(`/api/v1/records/person/${staff}/ratings`, { year: 2025, rating: 'HTXS' })).statusCode,
    ).toBe(403);
  });

  it('keeps ratings by year (a second rating of the year replaces the first)', async () => {
    const unit = await t.as('demo-unit');
    await unit.post(`/api/v1/records/person/${staff}/ratings`, { year: 2025, rating: 'HTT' });
    const res = await unit.post(`/api/v1/records/person/${staff}/ratings`, { year: 2025, rating: 'HTXS', decisionRef: '15/QĐ-LS' });
    expect(res.statusCode).toBe(201);
    expect(res.json().ratings).toEqual([{ year: 2025, rating: 'HTXS', decisionRef: '15/QĐ-LS' }]);
    expect(res.json().subject.abilities).toEqual({ editRecords: true });
  });

  it('an award marks the initiatives it relied on as used; a second use is refused and nothing is written', async () => {
    const unit = await t.as('demo-unit');
    const withInitiative = (
      await unit.post(`/api/v1/records/person/${staff}/evidence`, {
        evidenceType: 'INITIATIVE',
        title: 'Cải tiến quy trình ép mía',
        year: 2025,
        scope: 'CO_SO',
        recognitionRef: '20/QĐ-HĐSK',
      })
    ).json();
    const initiative = withInitiative.evidence[0].id;
    const awarded = await unit.post(`/api/v1/records/person/${staff}/awards`, {
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2025,
      kind: 'CONG_TRANG',
      decisionNumber: '30/QĐ-LS',
      decisionDate: '2026-01-10',
      evidenceIds: [initiative],
    });
    expect(awarded.statusCode).toBe(201);
    const award = awarded.json().awards[0];
    expect(award.evidenceIds).toEqual([initiative]);
    expect(awarded.json().evidence[0].usedForAwardId).toBe(award.id);

    const awardsBefore = await events('RECORD_ADDED');
    const again = await unit.post(
      `/api/v1/records/person/${staff}/awards`,
      { awardCode: 'BANG_KHEN_BO_TINH', year: 2025, kind: 'CONG_TRANG', evidenceIds: [initiative] },
      { 'accept-language': 'en' },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('EVIDENCE_ALREADY_USED');
    expect(await events('RECORD_ADDED')).toBe(awardsBefore);
    expect((await unit.get(`/api/v1/records/person/${staff}`)).json().awards).toHaveLength(1);

    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/records/person/${staff}/evidence/${initiative}`,
          cookies: unit.cookies,
          headers: { 'x-csrf-token': unit.csrfToken! },
        })
      ).statusCode,
    ).toBe(409);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/records/person/${staff}/awards/${award.id}`,
      cookies: unit.cookies,
      headers: { 'x-csrf-token': unit.csrfToken! },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().evidence[0].usedForAwardId).toBeNull();
  });

  it("refuses another person's initiative", async () => {
    const admin = await t.as('demo-admin');
    const theirs = (
      await admin.post(`/api/v1/records/person/${otherStaff}/evidence`, {
        evidenceType: 'SCIENCE_WORK',
        title: 'Đề tài',
        year: 2025,
        scope: 'BO_TINH',
      })
    ).json().evidence[0].id;
    const res = await admin.post(`/api/v1/records/person/${staff}/awards`, {
      awardCode: 'GIAY_KHEN',
      year: 2025,
      kind: 'CONG_TRANG',
      evidenceIds: [theirs],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('evidenceIds');
  });

  it.each([
    ['discipline', { form: 'CANH_CAO', from: '2025-05-01', to: '2025-04-01' }, 'to'],
    ['discipline', { form: 'NHAC_NHO', from: '2025-05-01', to: '2025-06-01' }, 'form'],
    ['leaves', { leaveType: 'MATERNITY', from: '2025-02-30', to: '2025-08-01' }, 'from'],
    ['ratings', { year: 2025, rating: 'GOOD' }, 'rating'],
    ['awards', { awardCode: 'HUY_CHUONG_VANG', year: 2025, kind: 'CONG_TRANG' }, 'awardCode'],
    ['reviews', { reviewType: 'INSPECTION', from: '2025-01-01', extra: true }, 'extra'],
  ])('refuses bad %s input naming %s', async (kind, body, field) => {
    const res = await (await t.as('demo-unit')).post(`/api/v1/records/person/${staff}/${kind}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(field);
  });
});

describe('records of a collective', () => {
  it('keeps member figures by year and refuses figures above the total', async () => {
    const unit = await t.as('demo-unit');
    const bad = await unit.post(`/api/v1/records/unit/${lamSon}/figures`, {
      year: 2025,
      total: 10,
      advancedWorkers: 11,
      completedTasks: 10,
      grassrootsFighters: 1,
      disciplinedWarningOrAbove: 0,
    });
    expect(bad.json().error.fields[0].path).toBe('advancedWorkers');
    const ok = await unit.post(`/api/v1/records/unit/${lamSon}/figures`, {
      year: 2025,
      total: 40,
      advancedWorkers: 36,
      completedTasks: 40,
      grassrootsFighters: 3,
      disciplinedWarningOrAbove: 0,
      women: 30,
    });
    expect(ok.json().figures[0]).toMatchObject({ year: 2025, total: 40, women: 30 });
    expect(
      (await unit.post(`/api/v1/records/unit/${lamSon}/leaves`, { leaveType: 'SICK', from: '2025-01-01', to: '2025-01-02' })).statusCode,
    ).toBe(400);
  });
});

describe('history of records', () => {
  it("keeps an award's own kind beside the record kind", async () => {
    const admin = await t.as('demo-admin');
    await admin.post(`/api/v1/records/person/${otherStaff}/awards`, { awardCode: 'GIAY_KHEN', year: 2024, kind: 'DOT_XUAT' });
    const history = (await admin.get(`/api/v1/audit?entityType=person&entityId=${otherStaff}`)).json().items;
    expect(history[0].data).toMatchObject({ kind: 'awards', awardKind: 'DOT_XUAT', awardCode: 'GIAY_KHEN' });
  });
});
