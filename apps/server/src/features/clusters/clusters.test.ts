import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';
import { fixedClock, todayInVietnam } from '../../lib/clock.ts';
import { dayBefore } from '@thidua/domain';

let t: TestContext;
let c18: number;
let c17: number;
let cVI: number;
beforeAll(async () => {
  t = await createTestContext();
  c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
  c17 = await idOf(t.database, 'cluster', 'TH-CUM17');
  cVI = await idOf(t.database, 'cluster', 'BCT-CUM6');
});
afterAll(() => t.close());

const auditCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('who may see clusters', () => {
  it('anonymous callers get 401 and no data', async () => {
    const res = await t.anonymous.get('/api/v1/clusters');
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
    expect(res.body).not.toContain('1197');
    expect((await t.anonymous.get(`/api/v1/clusters/${c18}`)).statusCode).toBe(401);
  });

  it('the administrator sees every cluster, each with its establishing decision number', async () => {
    const res = await (await t.as('demo-admin')).get('/api/v1/clusters?pageSize=100');
    expect(res.statusCode).toBe(200);
    const numbers = res.json().items.map((c: { decisionNumber: string }) => c.decisionNumber);
    expect(numbers).toEqual(expect.arrayContaining(['1197/QĐ-UBND', '598/QĐ-UBND']));
    expect(res.json().total).toBe(4);
  });

  it("a province's committee officer sees only that province's clusters", async () => {
    const res = await (await t.as('demo-committee')).get('/api/v1/clusters?pageSize=100');
    const codes = res
      .json()
      .items.map((c: { code: string }) => c.code)
      .sort();
    expect(codes).toEqual(['TH-CUM17', 'TH-CUM18']);
    expect((await (await t.as('demo-committee')).get(`/api/v1/clusters/${cVI}`)).statusCode).toBe(404);
  });

  it('a viewer of another province gets 404 for Cluster 18, never its data', async () => {
    const res = await (await t.as('demo-viewer')).get(`/api/v1/clusters/${c18}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Lam Sơn');
  });

  it('a cluster officer sees its own cluster only; a unit officer the clusters of its unit', async () => {
    const officer = await t.as('demo-cluster');
    const list = await officer.get('/api/v1/clusters');
    expect(list.json().items.map((c: { code: string }) => c.code)).toEqual(['TH-CUM18']);
    expect((await officer.get(`/api/v1/clusters/${c17}`)).statusCode).toBe(404);
    const unit = await t.as('demo-unit');
    expect((await unit.get('/api/v1/clusters')).json().items.map((c: { code: string }) => c.code)).toEqual(['TH-CUM18']);
  });

  it('shows members, head and deputy and the decision of Cluster 18', async () => {
    const res = await (await t.as('demo-committee')).get(`/api/v1/clusters/${c18}?year=2024`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.decision).toMatchObject({ number: '1197/QĐ-UBND', issuedOn: '2024-03-27' });
    expect(body.memberCount).toBe(7);
    expect(body.headUnitName).toMatch(/Lam Sơn/);
    expect(body.deputyUnitName).toMatch(/Bắc Sông Mã/);
    expect(body.leadership.find((l: { year: number }) => l.year === 2024).headUnitName).toMatch(/Lam Sơn/);
  });

  it('search matches every word in any order, with or without diacritics: "Cụm 18" finds Cluster No. 18', async () => {
    const admin = await t.as('demo-admin');
    for (const q of ['Cụm 18', 'cum 18', '18 cụm', 'số 18 THANH HÓA']) {
      const items = (await admin.get(`/api/v1/clusters?q=${encodeURIComponent(q)}`)).json().items as Array<{ id: number }>;
      expect(
        items.map((c) => c.id),
        q,
      ).toContain(c18);
    }
    expect((await admin.get(`/api/v1/clusters?q=${encodeURIComponent('Cụm 99')}`)).json().items).toEqual([]);
    const units = (await admin.get(`/api/v1/units?q=${encodeURIComponent('Lam Sơn công ty')}`)).json().items as Array<{ code: string }>;
    expect(units.map((u) => u.code)).toContain('TH-LAMSON');
  });

  it('searches without diacritics', async () => {
    const res = await (await t.as('demo-admin')).get(`/api/v1/clusters?q=${encodeURIComponent('cum thi dua so 18')}`);
    expect(res.json().items.map((c: { code: string }) => c.code)).toEqual(['TH-CUM18']);
  });
});

describe('editing clusters', () => {
  it('refuses roles that may not edit, and writes nothing', async () => {
    const users = ['demo-viewer', 'demo-council', 'demo-cluster', 'demo-unit'];
    for (const user of users) await t.as(user); // signing in is itself an audited event
    const before = await auditCount();
    for (const user of users) {
      const res = await (await t.as(user)).patch(`/api/v1/clusters/${c18}`, { version: 1, name: 'Đổi tên' });
      expect([403, 404], user).toContain(res.statusCode);
    }
    expect(await auditCount()).toBe(before);
  });

  it('another ministry cannot edit a province cluster (404: not even its existence)', async () => {
    const res = await (await t.as('demo-ministry')).patch(`/api/v1/clusters/${c18}`, { version: 1, name: 'x' });
    expect(res.statusCode).toBe(404);
  });

  it('saves with the right version, records the change in the history, and refuses a stale version', async () => {
    const officer = await t.as('demo-committee');
    const current = (await officer.get(`/api/v1/clusters/${c17}`)).json();
    const ok = await officer.patch(`/api/v1/clusters/${c17}`, { version: current.version, name: `${current.name} (sửa)` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(current.version + 1);
    const stale = await officer.patch(`/api/v1/clusters/${c17}`, { version: current.version, name: 'ghi đè' }, { 'accept-language': 'en' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.message).toMatch(/Someone else changed/);
    const history = (await officer.get(`/api/v1/audit?entityType=cluster&entityId=${c17}`)).json();
    expect(history.items[0]).toMatchObject({
      type: 'CLUSTER_UPDATED',
      actorUsername: 'demo-committee',
      actorName: 'Ban Thi đua – Khen thưởng tỉnh Thanh Hóa',
    });
    expect(history.items[0].data.changes.name.to).toBe(`${current.name} (sửa)`);
    // the refusal says who saved in between and when: the history's last change, by the account's display name
    expect(stale.json().error.details).toEqual({
      expected: current.version,
      actual: current.version + 1,
      changedBy: 'Ban Thi đua – Khen thưởng tỉnh Thanh Hóa',
      changedAt: history.items[0].at,
    });
  });

  it('needs the CSRF token of the session', async () => {
    const officer = await t.as('demo-committee');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/clusters/${c17}`,
      cookies: officer.cookies,
      payload: { version: 99, name: 'x' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const other = await t.as('demo-admin');
    const wrong = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/clusters/${c17}`,
      cookies: officer.cookies,
      headers: { 'x-csrf-token': other.csrfToken! },
      payload: { version: 99, name: 'x' },
    });
    expect(wrong.statusCode).toBe(403);
  });
});

describe('bad input is refused with a localised message naming the field, and nothing is written', () => {
  const valid = (authorityId: number, over: Record<string, unknown> = {}, decision: Record<string, unknown> = {}) => ({
    authorityId,
    code: 'TH-CUM99',
    kind: 'CLUSTER',
    name: 'Cụm thi đua số 99',
    activeFrom: '2025-03-01',
    decision: {
      number: '45/QĐ-UBND',
      issuedOn: '2025-03-01',
      issuer: 'UBND tỉnh Thanh Hóa',
      signerName: 'Nguyễn Văn A',
      signerTitle: 'CHỦ TỊCH',
      summary: 'Về việc thành lập Cụm thi đua số 99',
      ...decision,
    },
    ...over,
  });

  it.each([
    ['malformed JSON', '{"code": ', 'INVALID_JSON', null],
    ['a wrong type', { kind: 'CLUSTER', authorityId: 'ba' }, 'VALIDATION_FAILED', 'authorityId'],
    ['an unknown field', { extra: 1 }, 'VALIDATION_FAILED', 'extra'],
    ['an over-long name', { name: 'x'.repeat(301) }, 'VALIDATION_FAILED', 'name'],
    ['an impossible date', { activeFrom: '2025-02-30' }, 'VALIDATION_FAILED', 'activeFrom'],
    ['a malformed decision number', { decision: { number: '45 QĐ UBND' } }, 'VALIDATION_FAILED', 'decision.number'],
    [
      'the same decision number of the same issuer and year',
      { decision: { number: '1197/QĐ-UBND', issuedOn: '2024-06-01' } },
      'DUPLICATE_DECISION_NUMBER',
      'decision.number',
    ],
  ])('%s', async (_what, patch, code, field) => {
    const admin = await t.as('demo-admin');
    const th = await idOf(t.database, 'authority', 'TH');
    const before = await auditCount();
    const body =
      typeof patch === 'string'
        ? patch
        : (() => {
            const { decision, ...rest } = patch as Record<string, unknown>;
            return valid(th, rest, (decision as Record<string, unknown>) ?? {});
          })();
    const res = await admin.post('/api/v1/clusters', body, { 'accept-language': 'vi' });
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe(code);
    if (field) expect(error.fields.map((f: { path: string }) => f.path)).toContain(field);
    expect(error.message).not.toMatch(/at .*\.ts|Error:/);
    expect(await auditCount()).toBe(before);
    expect(await t.database.db.selectFrom('cluster').select('id').where('code', '=', 'TH-CUM99').executeTakeFirst()).toBeUndefined();
  });

  it('the same decision number in another year is a different decision', async () => {
    const admin = await t.as('demo-admin');
    const th = await idOf(t.database, 'authority', 'TH');
    const res = await admin.post('/api/v1/clusters', valid(th, { code: 'TH-CUM98' }, { number: '1197/QĐ-UBND', issuedOn: '2025-03-01' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().decision.number).toBe('1197/QĐ-UBND');
  });

  it('refuses a membership outside the cluster lifetime', async () => {
    const admin = await t.as('demo-admin');
    const unit = await idOf(t.database, 'unit', 'TH-HOPLUC');
    const res = await admin.post(`/api/v1/clusters/${c18}/memberships`, { unitId: unit, year: 2023 }, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME');
    expect(res.json().error.message).toMatch(/lifetime/);
    const inside = await admin.post(`/api/v1/clusters/${c18}/memberships`, { unitId: unit, year: 2026, from: '2026-05-01' });
    expect(inside.statusCode).toBe(201);
    expect(inside.json().memberships.some((m: { unitId: number; year: number }) => m.unitId === unit && m.year === 2026)).toBe(true);
  });

  it('refuses a head who is not a member and a head who is also deputy', async () => {
    const admin = await t.as('demo-admin');
    const outsider = await idOf(t.database, 'unit', 'CB-VPUBND');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    expect(
      (await admin.put(`/api/v1/clusters/${c18}/leadership/2025`, { headUnitId: outsider, version: 0 })).json().error.fields[0].path,
    ).toBe('headUnitId');
    const same = await admin.put(`/api/v1/clusters/${c18}/leadership/2025`, { headUnitId: lamSon, deputyUnitId: lamSon, version: 0 });
    expect(same.statusCode).toBe(409);
  });

  it('head and deputy carry a version: of ten concurrent saves against the same version one wins, nine are stale', async () => {
    const admin = await t.as('demo-admin');
    const members = (await admin.get(`/api/v1/clusters/${c18}?year=2026`))
      .json()
      .memberships.filter((m: { year: number }) => m.year === 2026);
    expect(members.length).toBeGreaterThanOrEqual(3);
    const before = (await admin.get(`/api/v1/clusters/${c18}`)).json().leadership.find((l: { year: number }) => l.year === 2026);
    const version = before?.version ?? 0;
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        admin.put(`/api/v1/clusters/${c18}/leadership/2026`, {
          headUnitId: members[i % members.length].unitId,
          deputyUnitId: members[(i + 1) % members.length].unitId,
          version,
        }),
      ),
    );
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes).toEqual([200, ...Array<number>(9).fill(409)]);
    const winner = answers
      .find((a) => a.statusCode === 200)!
      .json()
      .leadership.find((l: { year: number }) => l.year === 2026);
    expect(winner.version).toBe(version + 1);
    const stale = answers.find((a) => a.statusCode === 409)!.json().error;
    expect(stale.code).toBe('STALE_WRITE');
    const after = (await admin.get(`/api/v1/clusters/${c18}`)).json().leadership.find((l: { year: number }) => l.year === 2026);
    expect([after.headUnitId, after.deputyUnitId, after.version]).toEqual([winner.headUnitId, winner.deputyUnitId, winner.version]);
    const again = await admin.put(`/api/v1/clusters/${c18}/leadership/2026`, {
      headUnitId: after.deputyUnitId,
      deputyUnitId: after.headUnitId,
      version,
    });
    expect(again.statusCode).toBe(409);
    const lastSet = (await admin.get(`/api/v1/audit?entityType=cluster&entityId=${c18}`))
      .json()
      .items.find((e: { type: string; data: { year: number } }) => e.type === 'CLUSTER_LEADERSHIP_SET' && e.data.year === 2026);
    expect(again.json().error.details).toMatchObject({ expected: version, changedBy: lastSet.actorName, changedAt: lastSet.at });
    const next = await admin.put(`/api/v1/clusters/${c18}/leadership/2026`, {
      headUnitId: after.deputyUnitId,
      deputyUnitId: after.headUnitId,
      version: after.version,
    });
    expect(next.statusCode).toBe(200);
  });

  it('answers 404 JSON for an unknown id, and 400 for a non-numeric id', async () => {
    const admin = await t.as('demo-admin');
    expect((await admin.get('/api/v1/clusters/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/clusters/abc')).statusCode).toBe(400);
  });
});

describe('membership changes and the rotating flag', () => {
  it('removes a member of a year, but not the head of that year', async () => {
    const officer = await t.as('demo-committee');
    const detail = (await officer.get(`/api/v1/clusters/${c18}?year=2026`)).json();
    const head = detail.leadership.find((l: { year: number }) => l.year === 2026);
    const headMembership = detail.memberships.find(
      (m: { unitId: number; year: number }) => m.year === 2026 && m.unitId === head.headUnitId,
    );
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/clusters/${c18}/memberships/${headMembership.id}`,
      cookies: officer.cookies,
      headers: { 'x-csrf-token': officer.csrfToken!, 'accept-language': 'en' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields[0].message).toMatch(/head or deputy in 2026/);
    const other = detail.memberships.find(
      (m: { unitId: number; year: number }) => m.year === 2026 && m.unitId !== head.headUnitId && m.unitId !== head.deputyUnitId,
    );
    const viewer = await t.as('demo-viewer');
    expect(
      (
        await t.app.inject({
          method: 'DELETE',
          url: `/api/v1/clusters/${c18}/memberships/${other.id}`,
          cookies: viewer.cookies,
          headers: { 'x-csrf-token': viewer.csrfToken! },
        })
      ).statusCode,
    ).toBe(404);
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/clusters/${c18}/memberships/${other.id}`,
      cookies: officer.cookies,
      headers: { 'x-csrf-token': officer.csrfToken! },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().memberships.some((m: { id: number }) => m.id === other.id)).toBe(false);
    expect((await officer.get(`/api/v1/audit?entityType=cluster&entityId=${c18}`)).json().items[0].type).toBe('CLUSTER_MEMBER_REMOVED');
  });

  it('hands the flag over, closing the current custody the day before', async () => {
    const officer = await t.as('demo-committee');
    const detail = (await officer.get(`/api/v1/clusters/${c18}?year=2026`)).json();
    const holder = detail.flagCustody.find((f: { to: string | null }) => f.to === null);
    const next = detail.memberships.find((m: { unitId: number; year: number }) => m.year === 2026 && m.unitId !== holder.unitId);
    const bad = await officer.post(`/api/v1/clusters/${c18}/flag-custody`, { unitId: next.unitId, from: holder.from });
    expect(bad.statusCode).toBe(400);
    // a hand-over is recorded once it happened: not ahead of today
    const today = todayInVietnam(new Date());
    const future = await officer.post(
      `/api/v1/clusters/${c18}/flag-custody`,
      { unitId: next.unitId, from: `${Number(today.slice(0, 4)) + 1}-01-20` },
      { 'accept-language': 'en' },
    );
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0]).toMatchObject({ path: 'from' });
    expect(future.json().error.fields[0].message).toMatch(/has not come yet/);
    const res = await officer.post(`/api/v1/clusters/${c18}/flag-custody`, {
      unitId: next.unitId,
      from: today,
      note: 'Bàn giao tại hội nghị tổng kết năm 2026',
    });
    expect(res.statusCode).toBe(201);
    const custody = res.json().flagCustody;
    expect(custody.find((f: { to: string | null }) => f.to === null).unitId).toBe(next.unitId);
    expect(custody.find((f: { id: number }) => f.id === holder.id).to).toBe(dayBefore(today));
    expect(
      (await (await t.as('demo-cluster')).post(`/api/v1/clusters/${c18}/flag-custody`, { unitId: holder.unitId, from: '2026-12-25' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('the January hand-over', () => {
  it("goes to a member of the year just reviewed, before the new year's members are entered", async () => {
    // 21 January of the year after the demo's last membership year
    const lastYear = Number(
      (
        await t.database.db
          .selectFrom('cluster_membership')
          .select((eb) => eb.fn.max('year').as('y'))
          .executeTakeFirstOrThrow()
      ).y,
    );
    const january = await createTestContext({ peoplePerUnit: 1, clock: fixedClock(`${lastYear + 1}-01-21T03:00:00Z`) });
    try {
      const officer = await january.as('demo-committee');
      const cluster = await idOf(january.database, 'cluster', 'TH-CUM18');
      const detail = (await officer.get(`/api/v1/clusters/${cluster}?year=${lastYear}`)).json();
      expect(detail.memberships.some((m: { year: number }) => m.year === lastYear + 1)).toBe(false);
      const holder = detail.flagCustody.find((f: { to: string | null }) => f.to === null);
      const next = detail.memberships.find((m: { unitId: number; year: number }) => m.year === lastYear && m.unitId !== holder.unitId);
      const res = await officer.post(`/api/v1/clusters/${cluster}/flag-custody`, { unitId: next.unitId, from: `${lastYear + 1}-01-20` });
      expect(res.statusCode).toBe(201);
      expect(res.json().flagCustody.find((f: { to: string | null }) => f.to === null)).toMatchObject({
        unitId: next.unitId,
        from: `${lastYear + 1}-01-20`,
      });
    } finally {
      await january.close();
    }
  });
});

describe('abilities: seeing a cluster is not keeping it', () => {
  const ALL = ['update', 'addMember', 'removeMember', 'setLeadership', 'handOverFlag'] as const;
  it.each([
    ['demo-committee', true],
    ['demo-admin', true],
    ['demo-unit', false],
    ['demo-cluster', false],
    ['demo-council', false],
  ])('%s on Cluster No. 18 → every action %s, and the server agrees', async (username, allowed) => {
    const client = await t.as(username);
    const res = await client.get(`/api/v1/clusters/${c18}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toEqual(Object.fromEntries(ALL.map((a) => [a, allowed])));
    if (!allowed) {
      const version = res.json().version;
      const tried = await client.patch(`/api/v1/clusters/${c18}`, { version, name: res.json().name });
      expect(tried.statusCode).toBe(403);
      const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
      const flag = await client.post(`/api/v1/clusters/${c18}/flag-custody`, { unitId: lamSon, from: `${new Date().getFullYear()}-12-20` });
      expect(flag.statusCode).toBe(403);
    }
  });

  it('a ministry sees its cluster’s provincial departments but keeps only its own cluster', async () => {
    const ministry = await t.as('demo-ministry');
    expect((await ministry.get(`/api/v1/clusters/${cVI}`)).json().abilities.update).toBe(true);
    const sct = await idOf(t.database, 'unit', 'TH-SCT');
    const unit = await ministry.get(`/api/v1/units/${sct}`);
    expect(unit.statusCode).toBe(200);
    expect(unit.json().abilities).toEqual({ update: false, addPerson: false, editRecords: false });
    const before = await auditCount();
    const res = await ministry.patch(`/api/v1/units/${sct}`, { version: unit.json().version, name: 'Sở Công Thương (đổi tên)' });
    expect(res.statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });
});
