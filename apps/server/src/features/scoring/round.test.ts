import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rankingSchema, roundBoardSchema, sheetSchema, unitReviewSchema } from '@thidua/contracts/scoring.ts';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

// A round of Cluster No. 18: members self-score and cross-score, the head reviews and adjusts with reasons, the
// ranking follows. Only the scoring unit's officer writes a sheet; only the head and the board run the round.
let t: TestContext;
let c18: number;
let year: number;
let lamSon: number;
let others: number[];
const base = () => `/api/v1/clusters/${c18}/years/${year}`;

/** A 100-point table: a binary, a graded and a manual item, a bonus, a penalty, one knock-out. */
const table = {
  period: 'FY',
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Nhiệm vụ chính trị',
      items: [
        { code: '1.1', text: 'Nộp ngân sách đúng hạn', maxPoints: 20, method: 'binary', evidenceRequired: false, kind: 'regular' },
        {
          code: '1.2',
          text: 'Cải cách hành chính',
          maxPoints: 30,
          method: 'graded',
          levels: [0, 15, 30],
          evidenceRequired: false,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'II',
      title: 'Công tác thi đua',
      items: [
        { code: '2.1', text: 'Phong trào thi đua', maxPoints: 50, method: 'manual', evidenceRequired: false, kind: 'regular' },
        { code: 'B1', text: 'Cờ thi đua của tỉnh', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'bonus' },
        { code: 'P1', text: 'Nộp báo cáo chậm', maxPoints: 5, method: 'manual', evidenceRequired: false, kind: 'penalty' },
      ],
    },
  ],
  knockOuts: [{ code: 'K1', text: 'Vi phạm pháp luật nghiêm trọng' }],
};
const entries = (p11: number, p12: number, p21: number) => [
  { item: '1.1', points: p11 },
  { item: '1.2', points: p12 },
  { item: '2.1', points: p21, comment: 'Theo báo cáo tổng kết' },
  { item: 'B1', points: 0 },
  { item: 'P1', points: 0 },
];

/** Another member's sheet, written straight to the database (the demo has one unit officer). */
async function writeSheet(unitId: number, scorerUnitId: number, stage: 'self' | 'cross', e: ReturnType<typeof entries>) {
  const set = await t.database.db
    .selectFrom('criteria_set')
    .select(['id', 'authority_id'])
    .where('cluster_id', '=', c18)
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  await t.database.db
    .insertInto('score_sheet')
    .values({
      criteria_set_id: set.id,
      authority_id: set.authority_id,
      unit_id: unitId,
      scorer_unit_id: scorerUnitId,
      stage,
      // hundredths in the table's item order, as the entries are
      points: e.map((x) => Math.round(x.points * 100)),
      status: 'submitted',
      submitted_at: new Date(),
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
  c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
  lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
  year = (await t.database.db.selectFrom('app_user').select('year').where('username', '=', 'demo-cluster').executeTakeFirstOrThrow()).year!;
  const members = await t.database.db
    .selectFrom('cluster_membership')
    .select('unit_id')
    .where('cluster_id', '=', c18)
    .where('year', '=', year)
    .execute();
  others = members.map((m) => m.unit_id).filter((id) => id !== lamSon);
  const committee = await t.as('demo-committee');
  const saved = await committee.put(`${base()}/criteria`, table);
  expect(saved.statusCode, saved.body).toBe(200);
  const opened = await committee.post(`${base()}/criteria/open`, { period: 'FY', rowVersion: saved.json().rowVersion });
  expect(opened.statusCode, opened.body).toBe(200);
});
afterAll(() => t.close());

const board = async (as = 'demo-cluster') => (await (await t.as(as)).get(`${base()}/round?period=FY`)).json();

describe("a round's board", () => {
  it('lists the members with their sheets’ statuses, and what the caller may do', async () => {
    expect(others.length).toBeGreaterThan(2);
    const head = await board();
    expect(roundBoardSchema.safeParse(head).success).toBe(true);
    expect(head).toMatchObject({ roundState: 'self', abilities: { configure: true, advance: true, review: false, seeAll: true } });
    expect(head.members).toHaveLength(others.length + 1);
    expect(head.members.every((m: { self: { status: string } }) => m.self.status === 'none')).toBe(true);
    const unit = await board('demo-unit');
    expect(unit.abilities).toEqual({ configure: false, advance: false, review: false, seeAll: false });
    expect(unit.members.filter((m: { mine: boolean }) => m.mine).map((m: { unitId: number }) => m.unitId)).toEqual([lamSon]);
    expect((await (await t.as('demo-viewer')).get(`${base()}/round?period=FY`)).statusCode).toBe(404);
  });

  it('takes settings from the head, checked: weights must sum to 100, tie-break groups must exist', async () => {
    const current = await board();
    const settings = {
      ...current.settings,
      weights: { self: 40, cross: 60 },
      crossMethod: 'median',
      tieBreaks: ['fullItems', { group: 'II' }],
    };
    const body = { ...settings, period: 'FY', rowVersion: current.rowVersion };
    expect((await (await t.as('demo-unit')).put(`${base()}/round/settings`, body)).statusCode).toBe(403);
    const bad = await (await t.as('demo-cluster')).put(`${base()}/round/settings`, { ...body, weights: { self: 50, cross: 60 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const group = await (await t.as('demo-cluster')).put(`${base()}/round/settings`, { ...body, tieBreaks: [{ group: 'IX' }] });
    expect(group.statusCode).toBe(400);
    const ok = await (await t.as('demo-cluster')).put(`${base()}/round/settings`, body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().settings).toMatchObject({ weights: { self: 40, cross: 60 }, crossMethod: 'median' });
  });
});

describe('self-scoring', () => {
  it('is saved as a draft and submitted by the unit’s officer, then final', async () => {
    const unit = await t.as('demo-unit');
    const url = `${base()}/sheets/${lamSon}`;
    const draft = await unit.put(url, { period: 'FY', stage: 'self', scorerUnitId: lamSon, entries: entries(20, 15, 40), submit: false });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(sheetSchema.safeParse(draft.json()).success).toBe(true);
    expect(draft.json()).toMatchObject({ status: 'draft', total: 75, rowVersion: 1, abilities: { update: true, submit: true } });
    // two officers saving the same version: one wins, the other is told
    const body = { period: 'FY', stage: 'self', scorerUnitId: lamSon, entries: entries(20, 30, 40), submit: false, rowVersion: 1 };
    const [a, b] = await Promise.all([unit.put(url, body), unit.put(url, body)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().error.code).toBe('STALE_WRITE');
    const submitted = await unit.put(url, { ...body, rowVersion: 2, submit: true });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', total: 90, abilities: { update: false } });
    const again = await unit.put(url, { ...body, rowVersion: 3, submit: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SHEET_SUBMITTED');
  });

  it('refuses bad points naming the item, and writes nothing', async () => {
    const unit = await t.as('demo-unit');
    // the unit's own sheet is submitted; a fresh table round would be needed, so try on the rules alone via another stage
    const other = others[0]!;
    const url = `${base()}/sheets/${other}`;
    const notMine = await unit.put(url, { period: 'FY', stage: 'self', scorerUnitId: other, entries: entries(20, 15, 40), submit: false });
    expect(notMine.statusCode).toBe(403);
    const assigned = await unit.put(url, {
      period: 'FY',
      stage: 'self',
      scorerUnitId: lamSon,
      entries: entries(20, 15, 40),
      submit: false,
    });
    expect(assigned.statusCode).toBe(403);
    expect(assigned.json().error.code).toBe('NOT_ASSIGNED_TO_SCORE');
    const early = await unit.put(url, { period: 'FY', stage: 'cross', scorerUnitId: lamSon, entries: entries(20, 15, 40), submit: false });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('ROUND_NOT_OPEN');
  });
});

describe('cross-scoring, review and ranking', () => {
  it('runs from the self stage to a closed round, with the rules at every step', async () => {
    const head = await t.as('demo-cluster');
    const unit = await t.as('demo-unit');
    // the other members' self sheets
    for (const [i, id] of others.entries()) await writeSheet(id, id, 'self', entries(20, i % 2 ? 15 : 30, 30 + i));
    let current = await board();
    expect(current.members.filter((m: { self: { status: string } }) => m.self.status === 'submitted')).toHaveLength(others.length + 1);
    expect((await unit.post(`${base()}/round/advance`, { period: 'FY', to: 'cross', rowVersion: current.rowVersion })).statusCode).toBe(
      403,
    );
    const skip = await head.post(`${base()}/round/advance`, { period: 'FY', to: 'review', rowVersion: current.rowVersion });
    expect(skip.statusCode).toBe(409);
    const cross = await head.post(`${base()}/round/advance`, { period: 'FY', to: 'cross', rowVersion: current.rowVersion });
    expect(cross.statusCode, cross.body).toBe(200);
    expect(cross.json().roundState).toBe('cross');

    // Lâm Sơn scores the others, never itself; bad points name the item
    const target = others[0]!;
    const own = await unit.put(`${base()}/sheets/${lamSon}`, {
      period: 'FY',
      stage: 'cross',
      scorerUnitId: lamSon,
      entries: entries(20, 15, 40),
      submit: false,
    });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.code).toBe('OWN_UNIT_CROSS_SCORE');
    const half = await unit.put(
      `${base()}/sheets/${target}`,
      { period: 'FY', stage: 'cross', scorerUnitId: lamSon, entries: entries(0.5, 15, 40), submit: false },
      { 'accept-language': 'en' },
    );
    expect(half.statusCode).toBe(400);
    expect(half.json().error).toMatchObject({ code: 'SCORE_INVALID' });
    expect(half.json().error.message).toContain('1.1');
    const over = await unit.put(`${base()}/sheets/${target}`, {
      period: 'FY',
      stage: 'cross',
      scorerUnitId: lamSon,
      entries: entries(20, 15, 50.25),
      submit: false,
    });
    expect(over.json().error.code).toBe('SCORE_INVALID');
    expect((await unit.get(`${base()}/sheets/${target}?period=FY&stage=cross&scorerUnitId=${lamSon}`)).json().status).toBe('none');
    for (const id of others) {
      const r = await unit.put(`${base()}/sheets/${id}`, {
        period: 'FY',
        stage: 'cross',
        scorerUnitId: lamSon,
        entries: entries(20, 15, 35),
        submit: true,
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    // the others score Lâm Sơn and each other
    for (const s of others) {
      await writeSheet(lamSon, s, 'cross', entries(20, 30, 45));
      for (const u of others) if (u !== s) await writeSheet(u, s, 'cross', entries(20, 15, 30));
    }
    // a unit never sees others' cross scores on it before the round closes
    const peek = await unit.get(`${base()}/sheets/${lamSon}?period=FY&stage=cross&scorerUnitId=${target}`);
    expect(peek.statusCode).toBe(403);
    expect(
      (await unit.get(`${base()}/review/${lamSon}?period=FY`)).json().items.every((i: { cross: number | null }) => i.cross === null),
    ).toBe(true);
    expect((await unit.get(`${base()}/ranking`)).statusCode).toBe(403);

    current = await board();
    expect(current.members.find((m: { unitId: number }) => m.unitId === lamSon)).toMatchObject({
      crossDue: others.length,
      crossSubmitted: others.length,
    });
    const review = await head.post(`${base()}/round/advance`, { period: 'FY', to: 'review', rowVersion: current.rowVersion });
    expect(review.statusCode, review.body).toBe(200);

    // the head adjusts with a reason; the unit answers once
    const noReason = await head.post(`${base()}/adjustments`, { period: 'FY', unitId: lamSon, item: '2.1', points: 40, reason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('ADJUSTMENT_NEEDS_REASON');
    expect(
      (await unit.post(`${base()}/adjustments`, { period: 'FY', unitId: lamSon, item: '2.1', points: 40, reason: 'x' })).statusCode,
    ).toBe(403);
    const adjusted = await head.post(`${base()}/adjustments`, {
      period: 'FY',
      unitId: lamSon,
      item: '2.1',
      points: 40,
      reason: 'Thiếu minh chứng phong trào quý IV',
    });
    expect(adjusted.statusCode, adjusted.body).toBe(201);
    expect(unitReviewSchema.safeParse(adjusted.json()).success).toBe(true);
    const adj = adjusted.json().adjustments[0];
    // self 40 × 40% + cross median 45 × 60% = 43 → 40
    expect(adj).toMatchObject({ item: '2.1', oldPoints: 43, points: 40, reason: 'Thiếu minh chứng phong trào quý IV', answer: null });
    expect(adjusted.json().items.find((i: { item: string }) => i.item === '2.1')).toMatchObject({
      computed: 43,
      score: 40,
      adjusted: true,
    });
    const mine = await unit.get(`${base()}/review/${lamSon}?period=FY`);
    expect(mine.json().adjustments[0].canAnswer).toBe(true);
    const answered = await unit.post(`${base()}/adjustments/${adj.id}/answer`, { answer: 'Đơn vị bổ sung minh chứng kèm theo' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().adjustments[0]).toMatchObject({ answer: 'Đơn vị bổ sung minh chứng kèm theo', canAnswer: false });
    const twice = await unit.post(`${base()}/adjustments/${adj.id}/answer`, { answer: 'Lần hai' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ADJUSTMENT_ANSWERED');

    // a knock-out keeps a unit out of the ranking
    const out = others[1]!;
    const ko = await head.put(`${base()}/knock-outs/${out}`, {
      period: 'FY',
      codes: ['K1'],
      reason: 'Quyết định xử phạt vi phạm hành chính',
    });
    expect(ko.statusCode, ko.body).toBe(200);
    expect((await head.put(`${base()}/knock-outs/${out}`, { period: 'FY', codes: ['K9'], reason: 'x' })).json().error.code).toBe(
      'CRITERIA_INVALID',
    );
    const ranking = await head.get(`${base()}/ranking`);
    expect(ranking.statusCode, ranking.body).toBe(200);
    expect(rankingSchema.safeParse(ranking.json()).success).toBe(true);
    const body = ranking.json();
    expect(body.knockedOut.map((k: { unitId: number }) => k.unitId)).toEqual([out]);
    expect(body.units.map((u: { unitId: number }) => u.unitId)).not.toContain(out);
    expect(body.units).toHaveLength(others.length);
    const scores = body.units.map((u: { finalScore: number }) => u.finalScore);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(body.units[0]).toMatchObject({ rank: 1, leading: 1 });
    expect(body.final).toBe(false);

    current = await board();
    const closed = await head.post(`${base()}/round/advance`, { period: 'FY', to: 'closed', rowVersion: current.rowVersion });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(
      (await head.post(`${base()}/adjustments`, { period: 'FY', unitId: lamSon, item: '2.1', points: 45, reason: 'x' })).json().error.code,
    ).toBe('ROUND_CLOSED');
    const seen = await unit.get(`${base()}/ranking?round=final`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().final).toBe(true);
    expect((await unit.get(`${base()}/sheets/${lamSon}?period=FY&stage=cross&scorerUnitId=${target}`)).statusCode).toBe(200);
  });
});

describe('evidence files', () => {
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');
  let h1: string;
  beforeAll(async () => {
    // a mid-year round whose table needs evidence for item 1.1
    const committee = await t.as('demo-committee');
    const needs = structuredClone(table);
    needs.period = 'H1';
    needs.groups[0]!.items[0]!.evidenceRequired = true;
    const saved = await committee.put(`${base()}/criteria`, needs);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await committee.post(`${base()}/criteria/open`, { period: 'H1', rowVersion: saved.json().rowVersion })).statusCode).toBe(200);
    h1 = `${base()}/sheets/${lamSon}/evidence?period=H1&stage=self&scorerUnitId=${lamSon}`;
  });
  const upload = async (as: string, url: string, bytes: Buffer, fileName: string) => {
    const c = await t.as(as);
    return t.app.inject({
      method: 'POST',
      url: `${url}&fileName=${encodeURIComponent(fileName)}&item=1.1`,
      cookies: c.cookies,
      headers: { 'x-csrf-token': c.csrfToken!, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
  };

  it('are needed before a sheet scoring an item that requires them is submitted', async () => {
    const unit = await t.as('demo-unit');
    const body = { period: 'H1', stage: 'self', scorerUnitId: lamSon, entries: entries(20, 15, 40), submit: true };
    const refused = await unit.put(`${base()}/sheets/${lamSon}`, body);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'EVIDENCE_REQUIRED' });
    expect(refused.json().error.message).toContain('1.1');
    expect((await unit.get(`${base()}/sheets/${lamSon}?period=H1&stage=self`)).json().status).toBe('none');
  });

  it('are type-checked by content and kept with their hash; another unit cannot attach or read them', async () => {
    const exe = await upload('demo-unit', h1, Buffer.from('MZ\x90\x00\x03\x00\x00\x00 not a document'), 'bao-cao.pdf');
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.code).toBe('EVIDENCE_TYPE');
    const empty = await upload('demo-unit', h1, Buffer.alloc(0), 'bao-cao.pdf');
    expect(empty.statusCode).toBe(400);
    const big = await upload('demo-unit', h1, Buffer.concat([PDF, Buffer.alloc(11 * 1_048_576)]), 'lon.pdf');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    const council = await upload('demo-council', h1, PDF, 'bao-cao.pdf');
    expect(council.statusCode, council.body).toBe(403);
    const ok = await upload('demo-unit', h1, PDF, 'Báo cáo tổng kết.pdf');
    expect(ok.statusCode, ok.body).toBe(201);
    const file = ok.json().evidence[0];
    expect(file).toMatchObject({ item: '1.1', fileName: 'Báo cáo tổng kết.pdf', mediaType: 'application/pdf', size: PDF.length });
    expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ok.json()).toMatchObject({ status: 'draft', rowVersion: 1 });
    // the same file again is kept once
    expect((await upload('demo-unit', h1, PDF, 'Báo cáo tổng kết.pdf')).json().evidence).toHaveLength(1);
    const download = await (await t.as('demo-unit')).get(`${base()}/sheets/${lamSon}/evidence/${file.id}?period=H1&stage=self`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(PDF)).toBe(true);
    expect((await (await t.as('demo-council')).get(`${base()}/sheets/${lamSon}/evidence/${file.id}?period=H1&stage=self`)).statusCode).toBe(
      403,
    );
    // with its evidence, the sheet is submitted
    const body = { period: 'H1', stage: 'self', scorerUnitId: lamSon, entries: entries(20, 15, 40), submit: true, rowVersion: 1 };
    const submitted = await (await t.as('demo-unit')).put(`${base()}/sheets/${lamSon}`, body);
    expect(submitted.statusCode, submitted.body).toBe(200);
    const gone = await (
      await t.as('demo-unit')
    ).delete(`${base()}/sheets/${lamSon}/evidence/${file.id}?period=H1&stage=self&scorerUnitId=${lamSon}`);
    expect(gone.statusCode).toBe(409);
    expect(gone.json().error.code).toBe('SHEET_SUBMITTED');
  });
});
