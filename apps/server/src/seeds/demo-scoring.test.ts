import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../test/harness.ts';

// The demo's scoring rounds read as the seeds report them.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false, records: true });
});
afterAll(() => t.close());

describe('the demo scoring rounds', () => {
  it("rank Cluster No. 17's year 2022 Hợp Lực, Hatuba, Dạ Lan, as the summary conference of 11 February 2023 did", async () => {
    const c17 = await idOf(t.database, 'cluster', 'TH-CUM17');
    const res = await (await t.as('demo-committee')).get(`/api/v1/clusters/${c17}/years/2022/ranking`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ final: true, period: 'FY', roundState: 'closed' });
    expect(body.units).toHaveLength(10);
    expect(body.units.slice(0, 3).map((u: { code: string; leading: number }) => [u.code, u.leading])).toEqual([
      ['TH-HOPLUC', 1],
      ['TH-HATUBA', 2],
      ['TH-DALAN', 3],
    ]);
    // a closed round's ranking is every member's to read
    expect((await (await t.as('demo-unit')).get(`/api/v1/clusters/${c17}/years/2022/ranking`)).statusCode).toBe(404);
    expect((await (await t.as('demo-council')).get(`/api/v1/clusters/${c17}/years/2022/ranking`)).statusCode).toBe(200);
  });

  it("show Cluster No. 18's 2024 mid-year round with sheets missing, and take Lam Sơn's late", async () => {
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const unit = await t.as('demo-unit');
    const board = (await unit.get(`/api/v1/clusters/${c18}/years/2024/round?period=H1`)).json();
    expect(board.roundState).toBe('self');
    const status = (s: string) => board.members.filter((m: { self: { status: string } }) => m.self.status === s).length;
    expect(status('submitted')).toBe(4);
    expect(status('draft')).toBe(1);
    expect(status('none')).toBeGreaterThan(0);
    const deadline = (d: string) => board.members.filter((m: { self: { deadline: string } }) => m.self.deadline === d).length;
    expect([deadline('onTime'), deadline('late')]).toEqual([2, 2]);
    expect(board.members.find((m: { unitId: number }) => m.unitId === lamSon)).toMatchObject({
      mine: true,
      self: { status: 'none', deadline: 'missing' },
    });
    const sheet = (await unit.get(`/api/v1/clusters/${c18}/years/2024/sheets/${lamSon}?period=H1&stage=self`)).json();
    expect(sheet.abilities.submit).toBe(true);
    // the items needing evidence are left at 0 (no file is attached here)
    type Item = { code: string; maxPoints: number; kind: string; evidenceRequired: boolean };
    const entries = sheet.criteria.groups.flatMap((g: { items: Item[] }) =>
      g.items.map((i) => ({ item: i.code, points: i.kind === 'regular' && !i.evidenceRequired ? i.maxPoints : 0 })),
    );
    const saved = await unit.put(`/api/v1/clusters/${c18}/years/2024/sheets/${lamSon}`, {
      period: 'H1',
      stage: 'self',
      scorerUnitId: lamSon,
      entries,
      submit: true,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'submitted', total: 40 });
    const after = (await unit.get(`/api/v1/clusters/${c18}/years/2024/round?period=H1`)).json();
    expect(after.members.find((m: { unitId: number }) => m.unitId === lamSon).self.deadline).toBe('late');
  });
});
