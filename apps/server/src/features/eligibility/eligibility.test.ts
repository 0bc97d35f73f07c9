import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type Client, type TestContext } from '../../test/harness.ts';

const examples = JSON.parse(
  readFileSync(new URL('../../../../../packages/domain/src/eligibility/fixtures/eligibility-examples.json', import.meta.url), 'utf8'),
);

let t: TestContext;
let lamSon: number;
let th: number;
let people: Array<{ id: number; gender: string }>;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 6 });
  lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
  th = await idOf(t.database, 'authority', 'TH');
  people = await t.database.db.selectFrom('person').select(['id', 'gender']).where('unit_id', '=', lamSon).orderBy('id').execute();
});
afterAll(() => t.close());

describe('POST /api/v1/eligibility/check (contract)', () => {
  it('anonymous → 401', async () => {
    expect((await t.anonymous.post('/api/v1/eligibility/check', examples)).statusCode).toBe(401);
  });

  it('answers the public examples with their expected verdicts, naming the rulebook', async () => {
    const res = await (await t.as('demo-viewer')).post('/api/v1/eligibility/check?lang=en', examples);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.format).toBe('thidua.eligibility-results/1');
    for (const c of examples.cases) {
      const r = body.results.find((x: { id: string }) => x.id === c.id);
      expect(r.eligible, c.id).toBe(c.expected);
      expect(r.rulebook).toMatch(/^LAW-06-2022\+DECREE-/);
      expect(
        r.reasons.every(
          (reason: { rule: string; message: string }) => reason.rule && reason.message && !reason.message.includes('eligibility:'),
        ),
      ).toBe(true);
    }
  });

  it('answers 400 with one line naming the JSON path on invalid input', async () => {
    const bad = structuredClone(examples);
    bad.cases[0].subject.ratings['2025'] = 'GOOD';
    const res = await (await t.as('demo-viewer')).post('/api/v1/eligibility/check', bad, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('cases[0].subject.ratings.2025');
    expect(res.json().error.message).toContain('cases[0].subject.ratings.2025');
    const early = structuredClone(examples);
    early.cases[0].proposal.date = '2023-06-01';
    expect((await (await t.as('demo-viewer')).post('/api/v1/eligibility/check', early)).json().error.code).toBe('RULEBOOK_NOT_IN_FORCE');
  });
});

async function giveRecords(c: Client, personId: number, rating: string, initiative: boolean) {
  await c.post(`/api/v1/records/person/${personId}/ratings`, { year: 2025, rating });
  if (initiative)
    await c.post(`/api/v1/records/person/${personId}/evidence`, {
      evidenceType: 'INITIATIVE',
      title: `Sáng kiến ${personId}`,
      year: 2025,
      scope: 'CO_SO',
    });
}

describe('eligibility panel of a person', () => {
  it('lists every individual title and form with reasons in the UI language', async () => {
    const admin = await t.as('demo-admin');
    await giveRecords(admin, people[0]!.id, 'HTXS', true);
    const res = await (
      await t.as('demo-unit')
    ).get(`/api/v1/eligibility/subjects/person/${people[0]!.id}?year=2025`, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rulebook).toBe('LAW-06-2022+DECREE-152-2025');
    const byAward = Object.fromEntries(body.items.map((i: { award: string }) => [i.award, i]));
    expect(byAward.LAO_DONG_TIEN_TIEN.eligible).toBe(true);
    expect(byAward.CHIEN_SI_THI_DUA_CO_SO.eligible).toBe(true);
    expect(byAward.CHIEN_SI_THI_DUA_TOAN_QUOC.eligible).toBe(false);
    expect(byAward.TAP_THE_LAO_DONG_TIEN_TIEN).toBeUndefined();
    expect(byAward.CHIEN_SI_THI_DUA_CO_SO.reasons.some((r: { rule: string }) => r.rule.startsWith('law-06-2022/'))).toBe(true);
    expect(byAward.CHIEN_SI_THI_DUA_CO_SO.awardName).toMatch(/Emulation Fighter/i);
  });

  it('discipline overlapping the year makes the person not eligible, citing why', async () => {
    const admin = await t.as('demo-admin');
    await giveRecords(admin, people[1]!.id, 'HTXS', false);
    await admin.post(`/api/v1/records/person/${people[1]!.id}/discipline`, { form: 'KHIEN_TRACH', from: '2025-03-01', to: '2026-02-28' });
    const body = (await admin.get(`/api/v1/eligibility/subjects/person/${people[1]!.id}?year=2025`)).json();
    const ldtt = body.items.find((i: { award: string }) => i.award === 'LAO_DONG_TIEN_TIEN');
    expect(ldtt.eligible).toBe(false);
    expect(ldtt.reasons.filter((r: { met: boolean }) => !r.met).length).toBeGreaterThan(0);
  });

  it('is not shown out of scope', async () => {
    expect((await (await t.as('demo-viewer')).get(`/api/v1/eligibility/subjects/person/${people[0]!.id}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/v1/eligibility/subjects/person/${people[0]!.id}`)).statusCode).toBe(401);
  });
});

describe('which titles and forms apply to the subject', () => {
  type Item = { award: string; applies: boolean; eligible: boolean; outcome: string };
  const panel = async (type: 'person' | 'unit', id: number) => {
    const res = await (await t.as('demo-admin')).get(`/api/v1/eligibility/subjects/${type}/${id}?year=2025`);
    expect(res.statusCode).toBe(200);
    return Object.fromEntries((res.json().items as Item[]).map((i) => [i.award, i])) as Record<string, Item>;
  };
  const createUnit = async (code: string, unitType: string) => {
    const created = await (await t.as('demo-committee')).post('/api/v1/units', { authorityId: th, code, name: `Đơn vị ${code}`, unitType });
    expect(created.statusCode).toBe(201);
    return created.json().id as number;
  };

  it('a company director: the Advanced Worker applies, the armed forces\' "Chiến sĩ tiên tiến" is listed but does not', async () => {
    const items = await panel('person', people[2]!.id);
    expect(items.LAO_DONG_TIEN_TIEN!.applies).toBe(true);
    expect(items.CHIEN_SI_TIEN_TIEN!.applies).toBe(false);
    expect(items.BANG_KHEN_BO_TINH!.applies).toBe(true);
    expect(items.TAP_THE_LAO_DONG_TIEN_TIEN).toBeUndefined();
  });

  it('a company: no commune or village title applies; they stay listed for "show all"', async () => {
    const items = await panel('unit', lamSon);
    expect(items.TAP_THE_LAO_DONG_TIEN_TIEN!.applies).toBe(true);
    expect(items.XA_PHUONG_TIEU_BIEU!.applies).toBe(false);
    expect(items.THON_TO_DAN_PHO_VAN_HOA!.applies).toBe(false);
    expect(items.LAO_DONG_TIEN_TIEN).toBeUndefined();
  });

  it('a person of an armed-forces unit: "Chiến sĩ tiên tiến" applies instead of the Advanced Worker', async () => {
    const unitId = await createUnit('TH-QS-1', 'ARMED_FORCES_UNIT');
    const person = await (
      await t.as('demo-admin')
    ).post('/api/v1/people', { unitId, code: 'QS-0001', fullName: 'Trần Văn Quân', gender: 'male' });
    expect(person.statusCode).toBe(201);
    const items = await panel('person', person.json().id);
    expect(items.CHIEN_SI_TIEN_TIEN!.applies).toBe(true);
    expect(items.LAO_DONG_TIEN_TIEN!.applies).toBe(false);
  });

  it('a commune: "Xã, phường, đặc khu tiêu biểu" applies and is left to the council, not "not met"', async () => {
    const items = await panel('unit', await createUnit('TH-XA-1', 'COMMUNE_WARD'));
    expect(items.XA_PHUONG_TIEU_BIEU).toMatchObject({ applies: true, eligible: false, outcome: 'council' });
    expect(items.THON_TO_DAN_PHO_VAN_HOA!.applies).toBe(false);
    expect(items.TAP_THE_LAO_DONG_TIEN_TIEN).toMatchObject({ applies: true, eligible: false, outcome: 'notMet' });
  });
});

describe('batch view with quotas', () => {
  it('only an editor of the authority sets quota policies', async () => {
    const policy = {
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2025,
      ratePercent: 15,
      rounding: 'floor',
      minOne: true,
      baseAwardCode: 'LAO_DONG_TIEN_TIEN',
    };
    const before = (await (await t.as('demo-committee')).get(`/api/v1/eligibility/quotas/${th}`)).json().items;
    expect((await (await t.as('demo-council')).put(`/api/v1/eligibility/quotas/${th}`, policy)).statusCode).toBe(403);
    expect((await (await t.as('demo-viewer')).put(`/api/v1/eligibility/quotas/${th}`, policy)).statusCode).toBe(404);
    expect(
      (await (await t.as('demo-committee')).put(`/api/v1/eligibility/quotas/${th}`, { ...policy, rounding: 'banker' })).statusCode,
    ).toBe(400);
    const ok = await (await t.as('demo-committee')).put(`/api/v1/eligibility/quotas/${th}`, policy);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items).toContainEqual({ authorityId: th, ...policy });
    expect(ok.json().items).toHaveLength(before.length + 1);
  });

  it('ranks eligible candidates, puts women first among equals, and says who falls outside the quota', async () => {
    const admin = await t.as('demo-admin');
    // people[0] already qualifies; give two more the same merit, one of each gender if the unit has them
    const woman = people.find((p, i) => i > 1 && p.gender === 'female');
    const man = people.find((p, i) => i > 1 && p.gender === 'male');
    for (const p of [woman, man]) if (p) await giveRecords(admin, p.id, 'HTXS', true);
    const res = await (
      await t.as('demo-committee')
    ).get(`/api/v1/eligibility/batch?award=CHIEN_SI_THI_DUA_CO_SO&year=2025&unitId=${lamSon}`, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const eligible = body.candidates.filter((c: { eligible: boolean }) => c.eligible);
    expect(body.eligibleCount).toBe(eligible.length);
    expect(eligible.length).toBeGreaterThanOrEqual(2);
    // 15 % of the Advanced Workers, floored, at least one
    expect(body.quota).toMatchObject({ ratePercent: 15, rounding: 'floor', minOne: true, quota: 1, used: 1 });
    const within = eligible.filter((c: { withinQuota: boolean }) => c.withinQuota);
    expect(within).toHaveLength(1);
    if (woman) expect(within[0].gender).toBe('female');
    const outside = eligible.filter((c: { withinQuota: boolean }) => !c.withinQuota);
    expect(outside.every((c: { outsideReason: string }) => /quota/i.test(c.outsideReason))).toBe(true);
  });

  it("counts an issuer's quota over the issuer's whole population, whoever asks; the scope filters only the candidates shown", async () => {
    // Advanced Workers of 2026 across the province, outside the unit officer's own company
    const others = await t.database.db
      .selectFrom('person')
      .select(['id', 'authority_id'])
      .where('authority_id', '=', th)
      .where('unit_id', '<>', lamSon)
      .orderBy('id')
      .limit(20)
      .execute();
    await t.database.db
      .insertInto('award_received')
      .values(
        others.map((p) => ({
          authority_id: p.authority_id,
          subject_type: 'person',
          subject_id: p.id,
          award_code: 'LAO_DONG_TIEN_TIEN' as const,
          year: 2026,
          kind: 'CONG_TRANG' as const,
          decision_number: null,
          decision_date: null,
        })),
      )
      .execute();
    const url = `/api/v1/eligibility/batch?award=CHIEN_SI_THI_DUA_CO_SO&year=2026&authorityId=${th}&pageSize=500`;
    const byAdmin = (await (await t.as('demo-admin')).get(url)).json();
    const byUnit = await (await t.as('demo-unit')).get(url);
    expect(byUnit.statusCode).toBe(200);
    // the probe's shape: more Advanced Workers in the province than people in the asking officer's unit
    expect(byAdmin.quota.base).toBeGreaterThan(byUnit.json().candidates.length);
    expect(byUnit.json().quota).toEqual(byAdmin.quota);
    // the unit officer sees only its own unit's people, each judged and ranked as in the province's list
    const own = byUnit.json().candidates;
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(byAdmin.candidates.length);
    expect(byUnit.json().considered).toBe(own.length);
    const province = new Map(byAdmin.candidates.map((c: { id: number }) => [c.id, c]));
    for (const c of own) expect(province.get(c.id)).toEqual(c);
    // the same for one unit's batch asked by the committee: the province's quota, not the unit's
    const unitBatch = (await (await t.as('demo-committee')).get(`${url.replace(`authorityId=${th}`, `unitId=${lamSon}`)}`)).json();
    expect(unitBatch.quota).toEqual(byAdmin.quota);
  });

  it('exports CSV, and refuses populations out of scope or ambiguous', async () => {
    const csv = await (
      await t.as('demo-committee')
    ).get(`/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=2025&unitId=${lamSon}&format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.split('\r\n')[0]).toContain('Đủ tiêu chuẩn');
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    expect(
      (await (await t.as('demo-viewer')).get(`/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=2025&clusterId=${c18}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await (
          await t.as('demo-committee')
        ).get(`/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=2025&clusterId=${c18}&unitId=${lamSon}`)
      ).statusCode,
    ).toBe(400);
    const cluster = (
      await (await t.as('demo-cluster')).get(`/api/v1/eligibility/batch?award=TAP_THE_LAO_DONG_TIEN_TIEN&year=2025&clusterId=${c18}`)
    ).json();
    expect(cluster.considered).toBe(7);
  });
});

describe('the batch list: every row reachable, sortable, exported with codes and words', () => {
  const url = () => `/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=2025&authorityId=${th}`;

  it('pages with the true total, reaching every candidate exactly once, and sorts on the server by every column', async () => {
    const committee = await t.as('demo-committee');
    const first = (await committee.get(`${url()}&pageSize=7`)).json();
    expect(first.considered).toBeGreaterThan(14);
    expect(first.candidatesTotal).toBe(first.considered);
    expect(first.candidates).toHaveLength(7);
    const seen: number[] = [];
    for (let page = 1; (page - 1) * 7 < first.candidatesTotal; page++) {
      const res = (await committee.get(`${url()}&pageSize=7&page=${page}`)).json();
      expect(res.page).toBe(page);
      seen.push(...res.candidates.map((c: { id: number }) => c.id));
    }
    expect(seen).toHaveLength(first.candidatesTotal);
    expect(new Set(seen).size).toBe(first.candidatesTotal);

    const all = (await committee.get(`${url()}&pageSize=500`)).json().candidates as Array<Record<string, unknown>>;
    const byName = (await committee.get(`${url()}&pageSize=500&sort=name`)).json().candidates as Array<{ name: string }>;
    const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
    expect(byName.map((c) => c.name)).toEqual([...byName.map((c) => c.name)].sort(collator.compare));
    const byCodeDesc = (await committee.get(`${url()}&pageSize=500&sort=code&order=desc`)).json().candidates as Array<{ code: string }>;
    expect(byCodeDesc.map((c) => c.code)).toEqual([...byCodeDesc.map((c) => c.code)].sort(collator.compare).reverse());
    for (const sort of ['rank', 'unit', 'merit', 'eligible', 'standing']) {
      const res = await committee.get(`${url()}&pageSize=500&sort=${sort}&order=desc`);
      expect(res.statusCode, sort).toBe(200);
      expect(res.json().candidates).toHaveLength(all.length);
    }
    const eligibleOnly = (await committee.get(`${url()}&pageSize=500&filter=eligible`)).json();
    expect(eligibleOnly.candidatesTotal).toBe(eligibleOnly.eligibleCount);
    expect(eligibleOnly.candidates.every((c: { eligible: boolean; rank: number | null }) => c.eligible && c.rank !== null)).toBe(true);
    expect((await committee.get(`${url()}&pageSize=501`)).statusCode).toBe(400);
    expect((await committee.get(`${url()}&sort=id`)).statusCode).toBe(400);
  });

  it('exports every candidate as CSV and Excel with staff codes, ranks and words in the reader language', async () => {
    const committee = await t.as('demo-committee');
    const page = (await committee.get(`${url()}&pageSize=500`)).json();
    const csv = await committee.get(`${url()}&format=csv`, { 'accept-language': 'en' });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Rank,Code,Name,Unit,Eligible,Against the quota,Merit,Criteria not met,Why outside the quota');
    expect(lines).toHaveLength(page.candidatesTotal + 1);
    expect(lines.slice(1).every((l) => !/,(true|false),/.test(l))).toBe(true);
    expect(csv.body).toContain(page.candidates[0].code);
    expect(csv.body).toMatch(/Meets the criteria|Does not meet the criteria/);

    const xlsx = await committee.get(`${url()}&format=xlsx`, { 'accept-language': 'vi' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe('Thứ hạng');
    expect(sheet.getRow(2).getCell(2).value).toBe('Mã');
    expect(sheet.rowCount).toBe(page.candidatesTotal + 2);
    const codes = new Set(page.candidates.map((c: { code: string }) => c.code));
    expect(codes.has(String(sheet.getRow(3).getCell(2).value))).toBe(true);
  });
});

describe('issuer settings', () => {
  it('are read in scope, set by the authority editor only, and change verdicts from their year on', async () => {
    expect((await (await t.as('demo-viewer')).get(`/api/v1/eligibility/settings/${th}`)).statusCode).toBe(404);
    const defaults = (await (await t.as('demo-council')).get(`/api/v1/eligibility/settings/${th}?year=2025`)).json();
    expect(defaults).toMatchObject({ fromYear: null, overrides: {}, effective: { provincialFighterCycleYears: 3 } });
    const body = { year: 2025, overrides: { provincialFighterCycleYears: 4, evidenceWindowYears: { CHIEN_SI_THI_DUA_CO_SO: 2 } } };
    expect((await (await t.as('demo-council')).put(`/api/v1/eligibility/settings/${th}`, body)).statusCode).toBe(403);
    expect(
      (await (await t.as('demo-committee')).put(`/api/v1/eligibility/settings/${th}`, { year: 2025, overrides: { unknownKnob: true } }))
        .statusCode,
    ).toBe(400);
    const saved = await (await t.as('demo-committee')).put(`/api/v1/eligibility/settings/${th}`, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().effective.provincialFighterCycleYears).toBe(4);
    // one award's window changed; the others keep their defaults
    expect(saved.json().effective.evidenceWindowYears).toMatchObject({ CHIEN_SI_THI_DUA_CO_SO: 2, CHIEN_SI_THI_DUA_BO_TINH: 3 });
    expect((await (await t.as('demo-committee')).get(`/api/v1/eligibility/settings/${th}?year=2024`)).json().fromYear).toBeNull();
    expect((await (await t.as('demo-committee')).get(`/api/v1/eligibility/settings/${th}?year=2026`)).json().fromYear).toBe(2025);
  });

  it('an initiative of the year before counts for a Grassroots Fighter once the window is two years', async () => {
    const admin = await t.as('demo-admin');
    const p = people[people.length - 1]!.id;
    await admin.post(`/api/v1/records/person/${p}/ratings`, { year: 2026, rating: 'HTT' });
    await admin.post(`/api/v1/records/person/${p}/evidence`, {
      evidenceType: 'INITIATIVE',
      title: 'Sáng kiến năm trước',
      year: 2025,
      scope: 'CO_SO',
    });
    const verdict = async () =>
      (await admin.get(`/api/v1/eligibility/subjects/person/${p}?year=2026`))
        .json()
        .items.find((i: { award: string }) => i.award === 'CHIEN_SI_THI_DUA_CO_SO');
    // settings from 2025 on set the window to 2 years (test above)
    expect((await verdict()).eligible).toBe(true);
    await (
      await t.as('demo-committee')
    ).put(`/api/v1/eligibility/settings/${th}`, { year: 2026, overrides: { evidenceWindowYears: { CHIEN_SI_THI_DUA_CO_SO: 1 } } });
    expect((await verdict()).eligible).toBe(false);
    const ldtt = (await admin.get(`/api/v1/eligibility/subjects/person/${p}?year=2026`))
      .json()
      .items.find((i: { award: string }) => i.award === 'LAO_DONG_TIEN_TIEN');
    // coefficient 0.3 × base salary 2,340,000 (rulebook of Decree 152/2025)
    expect(ldtt.rewardVnd).toBe(702_000);
  });
});
