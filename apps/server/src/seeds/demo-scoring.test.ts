import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, signIn, type TestContext } from '../test/harness.ts';

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

describe('exports of a round', () => {
  it("give Cluster No. 17's ranking as an Excel workbook and a PDF, in rank order with the leading places", async () => {
    const c17 = await idOf(t.database, 'cluster', 'TH-CUM17');
    const committee = await t.as('demo-committee');
    const xlsx = await committee.get(`/api/v1/clusters/${c17}/years/2022/ranking?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
    const names = rows.map((r) => String(r[2] ?? ''));
    const at = (name: string) => names.findIndex((n) => n.includes(name));
    expect(at('Hợp Lực')).toBeGreaterThan(0);
    expect(at('Hợp Lực')).toBeLessThan(at('Hatuba'));
    expect(at('Hatuba')).toBeLessThan(at('Dạ Lan'));
    expect(String(rows[0]![1])).toContain('Cụm thi đua số 17');

    const pdf = await committee.get(`/api/v1/clusters/${c17}/years/2022/ranking?format=pdf`, { 'accept-language': 'en' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const dir = mkdtempSync(join(tmpdir(), 'ranking-'));
    writeFileSync(join(dir, 'r.pdf'), pdf.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Year-end review 2022');
    expect(text).toContain('Final results');
    expect(text.indexOf('Hợp Lực')).toBeLessThan(text.indexOf('Hatuba'));
    expect(text).toContain('No. 1');
  });

  it("give a member's sheet as a file, to those who may read it", async () => {
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const url = `/api/v1/clusters/${c18}/years/2024/sheets/${lamSon}?period=H1&stage=self&format=xlsx`;
    const sheet = await (await t.as('demo-unit')).get(url);
    expect(sheet.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const values = JSON.stringify(workbook.worksheets[0]!.getSheetValues());
    expect(values).toContain('Phân chia cụm, khối thi đua trực thuộc');
    expect((await (await t.as('demo-viewer')).get(url)).statusCode).toBe(404);
  });
});

describe('the demo ballots', () => {
  it("seal Cluster No. 17's 2022 honouring of Hợp Lực, Hatuba and Dạ Lan", async () => {
    const c17 = await idOf(t.database, 'cluster', 'TH-CUM17');
    const ballot = await t.database.db.selectFrom('ballot').select('id').where('cluster_id', '=', c17).executeTakeFirstOrThrow();
    const results = (await (await t.as('demo-committee')).get(`/api/v1/ballots/${ballot.id}/results`)).json();
    expect(results).toMatchObject({ eligible: 10, cast: 10, valid: 10, quorumMet: true });
    expect(results.candidates.filter((c: { passed: boolean }) => c.passed).map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('Hợp Lực'), expect.stringContaining('Hatuba'), expect.stringContaining('Dạ Lan')]),
    );
    expect(results.candidates.filter((c: { passed: boolean }) => c.passed)).toHaveLength(3);
  });

  it("let Cluster No. 18's delegates vote for the 2025 head from their accounts, once each", async () => {
    const delegate = await signIn(t.app, 'demo-delegate-1', 'thidua-demo');
    const open = (await delegate.get('/api/v1/ballots?status=open')).json().items;
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({
      kind: 'election',
      office: 'head',
      status: 'open',
      maxChoices: 1,
      voter: { eligible: true, voted: false },
    });
    expect(open[0].candidates.some((c: { name: string }) => c.name.includes('Lam Sơn'))).toBe(false);
    const vote = await delegate.post(`/api/v1/ballots/${open[0].id}/votes`, { choices: [open[0].candidates[0].id] });
    expect(vote.statusCode, vote.body).toBe(201);
    expect(vote.json().receipt).toMatch(/^[A-Z2-9]{10}$/);
    expect((await delegate.post(`/api/v1/ballots/${open[0].id}/votes`, { choices: [open[0].candidates[0].id] })).json().error.code).toBe(
      'ALREADY_VOTED',
    );
    expect((await (await t.as('demo-cluster')).get(`/api/v1/ballots/${open[0].id}`)).json()).toMatchObject({
      cast: 1,
      abilities: { close: true },
    });
  });
});
