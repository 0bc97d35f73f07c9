import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaSetSchema } from '@thidua/contracts/scoring.ts';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

// A cluster's criteria table per year and round: drafted by the board or the year's cluster officer, checked by the
// domain's rules, frozen once scoring opens, changed afterwards only as a new version.
let t: TestContext;
let c18: number;
let c17: number;
let cbBlock: number;
let year: number;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
  c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
  c17 = await idOf(t.database, 'cluster', 'TH-CUM17');
  cbBlock = await idOf(t.database, 'cluster', 'CB-KHOI-THTH');
  const officer = await t.database.db
    .selectFrom('app_user')
    .select('year')
    .where('username', '=', 'demo-cluster')
    .executeTakeFirstOrThrow();
  year = officer.year!;
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

/** A 100-point table: two groups of regular items, a bonus, a penalty and one knock-out condition. */
const table = (period: 'H1' | 'FY' = 'FY') => ({
  period,
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Thực hiện nhiệm vụ chính trị',
      items: [
        {
          code: '1.1',
          text: 'Hoàn thành chỉ tiêu kế hoạch',
          maxPoints: 40,
          method: 'proportional',
          target: 100,
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '1.2',
          text: 'Cải cách hành chính',
          maxPoints: 20,
          method: 'graded',
          levels: [0, 10, 20],
          evidenceRequired: false,
          kind: 'regular',
        },
        { code: '1.3', text: 'Báo cáo đúng hạn', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'regular' },
      ],
    },
    {
      code: 'II',
      title: 'Công tác thi đua, khen thưởng',
      items: [
        { code: '2.1', text: 'Tổ chức phong trào thi đua', maxPoints: 30, method: 'manual', evidenceRequired: true, kind: 'regular' },
        { code: 'B1', text: 'Sáng kiến được công nhận', maxPoints: 5, method: 'manual', evidenceRequired: true, kind: 'bonus' },
        { code: 'P1', text: 'Vi phạm kỷ luật', maxPoints: 5, method: 'manual', evidenceRequired: false, kind: 'penalty' },
      ],
    },
  ],
  knockOuts: [{ code: 'K1', text: 'Có cán bộ lãnh đạo bị kỷ luật từ cảnh cáo trở lên' }],
});
const url = (cluster: number, y = year) => `/api/v1/clusters/${cluster}/years/${y}/criteria`;

describe("a cluster's criteria table", () => {
  it('is created as version 1 in draft by the board, answered in the contract’s shape, and audited', async () => {
    const committee = await t.as('demo-committee');
    expect((await committee.get(`${url(c18)}?period=FY`)).statusCode).toBe(404);
    const before = await auditCount();
    const res = await committee.put(url(c18), table());
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(criteriaSetSchema.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ clusterId: c18, year, period: 'FY', version: 1, roundState: 'draft', rowVersion: 1 });
    expect(body.content.groups[0].items[1]).toMatchObject({ code: '1.2', levels: [0, 10, 20] });
    expect(body.abilities).toEqual({ update: true, open: true, newVersion: false });
    expect(await auditCount()).toBe(before + 1);
    const read = await (await t.as('demo-unit')).get(url(c18));
    expect(read.statusCode).toBe(200);
    expect(read.json().abilities).toEqual({ update: false, open: false, newVersion: false });
  });

  it('is replaced against the row version the editor saw; a stale save is refused', async () => {
    const officer = await t.as('demo-cluster');
    const current = (await officer.get(url(c18))).json();
    expect(current.abilities.update).toBe(true);
    const edited = table();
    edited.groups[0]!.title = 'Nhiệm vụ chính trị';
    const saved = await officer.put(url(c18), { ...edited, rowVersion: current.rowVersion });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, rowVersion: current.rowVersion + 1 });
    const stale = await officer.put(url(c18), { ...table(), rowVersion: current.rowVersion });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_WRITE');
    expect(stale.json().error.details).toMatchObject({ expected: current.rowVersion, actual: current.rowVersion + 1 });
    // a second "create" of a round that has a table is stale too
    expect((await officer.put(url(c18), table())).json().error.code).toBe('STALE_WRITE');
  });

  it('refuses an unsound table naming the item’s field: groups.0.items.2.maxPoints', async () => {
    const committee = await t.as('demo-committee');
    const bad = table('H1');
    bad.groups[0]!.items[2]!.maxPoints = 10.1;
    const before = await auditCount();
    const res = await committee.put(url(c18), bad);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('CRITERIA_INVALID');
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual(['groups.0.items.2.maxPoints', 'maxTotal']);
    const frame = table('H1');
    frame.maxTotal = 90;
    frame.groups[1]!.items[0]!.code = '1.1';
    const res2 = await committee.put(url(c18), frame, { 'accept-language': 'en' });
    expect(res2.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['groups.1.items.0.code', 'maxTotal']);
    expect(res2.json().error.message).toContain('the code 1.1 is already used elsewhere in the table');
    expect(res2.json().error.message).toContain('Maximum total');
    // the contract's own refusals name the field as well
    const shape = await committee.put(url(c18), { ...table('H1'), groups: [{ code: 'I', title: 'x', items: [{ code: '1', text: 'x' }] }] });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.code).toBe('VALIDATION_FAILED');
    expect(await auditCount()).toBe(before);
  });

  it('is frozen once scoring opens (409 CRITERIA_FROZEN); the board starts a new version as a draft', async () => {
    const officer = await t.as('demo-cluster');
    const current = (await officer.get(url(c18))).json();
    const opened = await officer.post(`${url(c18)}/open`, { period: 'FY', rowVersion: current.rowVersion });
    expect(opened.statusCode, opened.body).toBe(200);
    expect(opened.json()).toMatchObject({ roundState: 'self', version: 1, abilities: { update: false, open: false, newVersion: false } });
    const frozen = await officer.put(url(c18), { ...table(), rowVersion: opened.json().rowVersion });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('CRITERIA_FROZEN');
    expect((await officer.post(`${url(c18)}/open`, { period: 'FY', rowVersion: opened.json().rowVersion })).json().error.code).toBe(
      'CRITERIA_FROZEN',
    );
    const copy = await officer.post(`${url(c18)}/copy`, { fromClusterId: c18, fromYear: year, period: 'FY' });
    expect(copy.json().error.code).toBe('CRITERIA_FROZEN');
    // the cluster officer drafts, the board re-versions
    expect((await officer.post(`${url(c18)}/new-version`, { period: 'FY' })).statusCode).toBe(403);
    const committee = await t.as('demo-committee');
    expect((await committee.get(url(c18))).json().abilities).toEqual({ update: false, open: false, newVersion: true });
    const next = await committee.post(`${url(c18)}/new-version`, { period: 'FY' });
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({ version: 2, roundState: 'draft', rowVersion: 1 });
    expect(next.json().content).toEqual(opened.json().content);
    // the latest version is served; a draft is not re-versioned
    expect((await committee.get(url(c18))).json().version).toBe(2);
    const again = await committee.post(`${url(c18)}/new-version`, { period: 'FY' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT');
    const v1 = await t.database.db
      .selectFrom('criteria_set')
      .select(['version', 'round_state'])
      .where('cluster_id', '=', c18)
      .where('period', '=', 'FY')
      .orderBy('version')
      .execute();
    expect(v1).toEqual([
      { version: 1, round_state: 'self' },
      { version: 2, round_state: 'draft' },
    ]);
  });

  it('is copied from another cluster or year the caller sees, into a new or a draft table', async () => {
    const committee = await t.as('demo-committee');
    const copied = await committee.post(`${url(c17, year + 1)}/copy`, { fromClusterId: c18, fromYear: year, period: 'FY' });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(copied.json()).toMatchObject({ clusterId: c17, year: year + 1, period: 'FY', version: 1, roundState: 'draft' });
    expect(copied.json().content.knockOuts).toEqual([{ code: 'K1', text: 'Có cán bộ lãnh đạo bị kỷ luật từ cảnh cáo trở lên' }]);
    // copying again replaces the draft
    const again = await committee.post(`${url(c17, year + 1)}/copy`, { fromClusterId: c18, fromYear: year, period: 'FY' });
    expect(again.json()).toMatchObject({ version: 1, rowVersion: 2 });
    // a round without a table, or a cluster out of sight, is not found
    expect((await committee.post(`${url(c17, year + 1)}/copy`, { fromClusterId: c18, fromYear: year - 5, period: 'FY' })).statusCode).toBe(
      404,
    );
    const hidden = await committee.post(`${url(c17, year + 1)}/copy`, { fromClusterId: cbBlock, fromYear: year, period: 'FY' });
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('NOT_FOUND');
  });
});

describe('who may read and write a criteria table', () => {
  it('another authority gets 404 and learns nothing; a viewer or council member who sees the cluster gets 403', async () => {
    for (const username of ['demo-ministry', 'demo-viewer']) {
      const c = await t.as(username);
      expect((await c.get(url(c18))).statusCode, username).toBe(404);
      expect((await c.put(url(c18, year + 2), table())).statusCode, username).toBe(404);
    }
    const viewer = await t.as('demo-viewer');
    const council = await t.as('demo-council');
    const unit = await t.as('demo-unit');
    // signing in is audited; the refusals that follow are not
    const before = await auditCount();
    const res = await viewer.put(url(cbBlock), table());
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await council.put(url(c18, year + 2), table())).statusCode).toBe(403);
    expect((await unit.post(`${url(c18)}/open`, { period: 'FY', rowVersion: 1 })).statusCode).toBe(403);
    expect(await auditCount()).toBe(before);
  });

  it("the cluster officer drafts only its own cluster's table of its own year", async () => {
    const officer = await t.as('demo-cluster');
    expect((await officer.put(url(c18, year + 3), table())).statusCode).toBe(403);
    expect((await officer.put(url(c17), table())).statusCode).toBe(404);
  });
});
