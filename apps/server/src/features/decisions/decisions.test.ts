import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../lib/clock.ts';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let lamSon: number;
let thanhHoa: number;
let staff: number[];
let otherStaff: number;
const clock = fixedClock('2026-03-10T03:00:00Z');

beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 3, clock });
  lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
  thanhHoa = await idOf(t.database, 'authority', 'TH');
  staff = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', lamSon).orderBy('id').execute()).map((p) => p.id);
  const other = await idOf(t.database, 'unit', 'TH-HATUBA');
  otherStaff = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', other).executeTakeFirstOrThrow()).id;
  // the year's ratings: two staff completed their tasks well, the third did not complete them
  await t.database.db
    .insertInto('annual_rating')
    .values([
      { authority_id: thanhHoa, subject_type: 'person', subject_id: staff[0]!, year: 2025, rating: 'HTT', decision_ref: null },
      { authority_id: thanhHoa, subject_type: 'person', subject_id: staff[1]!, year: 2025, rating: 'HTXS', decision_ref: null },
      { authority_id: thanhHoa, subject_type: 'person', subject_id: staff[2]!, year: 2025, rating: 'KHT', decision_ref: null },
    ])
    .execute();
});
afterAll(() => t.close());

const unitDraft = (recipients: number[], extra: Record<string, unknown> = {}) => ({
  authorityId: thanhHoa,
  issuerUnitId: lamSon,
  symbol: 'QĐ-MLS',
  issuerParent: 'UBND TỈNH THANH HÓA',
  issuerName: 'CÔNG TY CỔ PHẦN MÍA ĐƯỜNG LAM SƠN',
  place: 'Thanh Hóa',
  authorityLine: 'TỔNG GIÁM ĐỐC CÔNG TY CỔ PHẦN MÍA ĐƯỜNG LAM SƠN',
  signer: { delegation: null, onBehalfOf: null, title: 'TỔNG GIÁM ĐỐC', name: 'Lê Văn Tam' },
  awardCode: 'LAO_DONG_TIEN_TIEN',
  kind: 'CONG_TRANG',
  year: 2025,
  achievement: 'đã hoàn thành tốt nhiệm vụ năm 2025',
  recipients: recipients.map((subjectId) => ({ subjectType: 'person', subjectId })),
  ...extra,
});

const countDocuments = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('drafting', () => {
  it('a unit officer drafts its unit head’s decision: no number, no verification code, nothing in the records yet', async () => {
    const unit = await t.as('demo-unit');
    const res = await unit.post('/api/v1/decisions', unitDraft([staff[0]!, staff[1]!]));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ status: 'DRAFT', number: null, verificationCode: null, issueDate: null, recipientCount: 2 });
    expect(body.summary).toBe('Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2025');
    expect(body.abilities).toEqual({ update: true, issue: true, delete: true, cancel: false, replace: false });
    const awards = await t.database.db.selectFrom('award_received').selectAll().where('subject_id', 'in', [staff[0]!, staff[1]!]).execute();
    expect(awards).toEqual([]);
    const list = (await unit.get('/api/v1/decisions?status=DRAFT')).json();
    expect(list.items.some((d: { id: number; verificationCode: unknown }) => d.id === body.id && d.verificationCode === null)).toBe(true);
  });

  it.each([
    ['a unit head conferring the provincial flag', { awardCode: 'CO_THI_DUA_BO_TINH' }, 'awardCode'],
    ['a symbol that is not Decree 30’s', { symbol: 'qd/mls' }, 'symbol'],
    ['a signer without a name', { signer: { delegation: null, onBehalfOf: null, title: 'TỔNG GIÁM ĐỐC', name: ' ' } }, 'signer.name'],
  ])('refuses %s, naming the field, and writes nothing', async (_label, extra, path) => {
    const before = await countDocuments();
    const res = await (await t.as('demo-unit')).post('/api/v1/decisions', unitDraft([staff[0]!], extra));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toContain(path);
    expect(await countDocuments()).toBe(before);
  });

  it('refuses a recipient outside the issuing unit, on that recipient’s row', async () => {
    const res = await (await t.as('demo-unit')).post('/api/v1/decisions', unitDraft([staff[0]!, otherStaff]));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'recipients.1.subjectId', message: expect.any(String) }]);
  });

  it('refuses a unit to receive an individual’s title', async () => {
    const res = await (
      await t.as('demo-unit')
    ).post('/api/v1/decisions', unitDraft([], { recipients: [{ subjectType: 'unit', subjectId: lamSon }] }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('recipients.0.subjectId');
  });
});

describe('issuing', () => {
  let draftId: number;
  let version: number;

  it('warns before issuing to a recipient who does not meet the criteria, and keeps the written reason', async () => {
    const unit = await t.as('demo-unit');
    const created = (await unit.post('/api/v1/decisions', unitDraft([staff[0]!, staff[1]!, staff[2]!]))).json();
    const checks = (await unit.get(`/api/v1/decisions/${created.id}/checks`)).json();
    expect(checks.recipients.map((r: { eligible: boolean }) => r.eligible)).toEqual([true, true, false]);
    expect(checks.ineligibleCount).toBe(1);
    const refused = await unit.post(`/api/v1/decisions/${created.id}/issue`, { version: created.version, issueDate: '2026-02-20' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('ISSUE_NEEDS_REASON');
    expect((await unit.get(`/api/v1/decisions/${created.id}`)).json().status).toBe('DRAFT');
    // the officer takes the third person off the list
    const edited = await unit.patch(`/api/v1/decisions/${created.id}`, {
      ...unitDraft([staff[0]!, staff[1]!]),
      authorityId: undefined,
      issuerUnitId: undefined,
      version: created.version,
    });
    expect(edited.statusCode).toBe(200);
    draftId = created.id;
    version = edited.json().version;
  });

  it('numbers the decision in its issuer’s series, keeps the PDF and writes the awards into the records', async () => {
    const unit = await t.as('demo-unit');
    const res = await unit.post(`/api/v1/decisions/${draftId}/issue`, { version, issueDate: '2026-02-20' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ISSUED', number: '01/QĐ-MLS', issueDate: '2026-02-20', overrideReason: null });
    expect(body.verificationCode).toMatch(/^[2-9A-Z]{5}-[2-9A-Z]{5}$/);
    expect(body.abilities).toEqual({ update: false, issue: false, delete: false, cancel: true, replace: true });
    // Advanced Worker: 0.3 × the base salary in force on the issue date (2,340,000 VND)
    expect(body.recipients.map((r: { rewardVnd: number }) => r.rewardVnd)).toEqual([702_000, 702_000]);
    expect(body.totalRewardVnd).toBe(1_404_000);

    const pdf = await unit.get(`/api/v1/decisions/${draftId}/document.pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(body.pdfSha256);
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="01-QD-MLS.pdf"');
    const preview = await unit.get(`/api/v1/decisions/${draftId}/document.pdf?disposition=inline`);
    expect(preview.headers['content-disposition']).toMatch(/^inline;/);
    expect(preview.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    const docx = await unit.get(`/api/v1/decisions/${draftId}/document.docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');

    const awards = await t.database.db
      .selectFrom('award_received')
      .select(['subject_id', 'award_code', 'year', 'decision_number', 'decision_date', 'document_id'])
      .where('document_id', '=', draftId)
      .orderBy('subject_id')
      .execute();
    expect(awards).toEqual([
      {
        subject_id: staff[0],
        award_code: 'LAO_DONG_TIEN_TIEN',
        year: 2025,
        decision_number: '01/QĐ-MLS',
        decision_date: '2026-02-20',
        document_id: draftId,
      },
      {
        subject_id: staff[1],
        award_code: 'LAO_DONG_TIEN_TIEN',
        year: 2025,
        decision_number: '01/QĐ-MLS',
        decision_date: '2026-02-20',
        document_id: draftId,
      },
    ]);
    // the person's page lists the decision naming them
    const named = (await unit.get(`/api/v1/decisions?subjectType=person&subjectId=${staff[0]}`)).json();
    expect(named.items.map((d: { id: number }) => d.id)).toContain(draftId);
  });

  it('an issued decision is neither edited nor issued again', async () => {
    const unit = await t.as('demo-unit');
    const current = (await unit.get(`/api/v1/decisions/${draftId}`)).json();
    const again = await unit.post(`/api/v1/decisions/${draftId}/issue`, { version: current.version, issueDate: '2026-02-21' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DOCUMENT_ISSUED');
    const edit = await unit.patch(`/api/v1/decisions/${draftId}`, {
      ...unitDraft([staff[0]!]),
      authorityId: undefined,
      issuerUnitId: undefined,
      version: current.version,
    });
    expect(edit.statusCode).toBe(409);
    expect((await unit.delete(`/api/v1/decisions/${draftId}`)).statusCode).toBe(409);
  });

  it('two decisions issued at the same moment get consecutive numbers, never the same one', async () => {
    const unit = await t.as('demo-unit');
    const a = (await unit.post('/api/v1/decisions', unitDraft([staff[0]!], { awardCode: 'GIAY_KHEN' }))).json();
    const b = (await unit.post('/api/v1/decisions', unitDraft([staff[1]!], { awardCode: 'GIAY_KHEN' }))).json();
    const results = await Promise.all([
      unit.post(`/api/v1/decisions/${a.id}/issue`, { version: a.version, issueDate: '2026-03-01', overrideReason: 'Thành tích đột xuất' }),
      unit.post(`/api/v1/decisions/${b.id}/issue`, { version: b.version, issueDate: '2026-03-01', overrideReason: 'Thành tích đột xuất' }),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(results.map((r) => r.json().number).sort()).toEqual(['02/QĐ-MLS', '03/QĐ-MLS']);
  });

  it('cancelling records the reason, withdraws the awards, and the public page says so', async () => {
    const unit = await t.as('demo-unit');
    const current = (await unit.get(`/api/v1/decisions/${draftId}`)).json();
    const res = await unit.post(`/api/v1/decisions/${draftId}/cancel`, { version: current.version, reason: 'Nhầm năm xét tặng' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'CANCELLED', cancelReason: 'Nhầm năm xét tặng', number: '01/QĐ-MLS' });
    expect(await t.database.db.selectFrom('award_received').select('id').where('document_id', '=', draftId).execute()).toEqual([]);
    const verified = (await t.anonymous.get(`/api/v1/public/verify/${current.verificationCode.toLowerCase()}`)).json();
    expect(verified).toMatchObject({ status: 'CANCELLED', number: '01/QĐ-MLS', cancelReason: 'Nhầm năm xét tặng', recipientCount: 2 });
  });
});

describe('corrections', () => {
  it('a correction replaces an issued decision when it is issued: the old one is cancelled and its awards move to the new one', async () => {
    const unit = await t.as('demo-unit');
    const first = (await unit.post('/api/v1/decisions', unitDraft([staff[0]!], { awardCode: 'GIAY_KHEN' }))).json();
    const issued = (
      await unit.post(`/api/v1/decisions/${first.id}/issue`, {
        version: first.version,
        issueDate: '2026-03-03',
        overrideReason: 'Đột xuất',
      })
    ).json();
    const correction = (
      await unit.post('/api/v1/decisions', unitDraft([staff[0]!, staff[1]!], { awardCode: 'GIAY_KHEN', replacesId: issued.id }))
    ).json();
    expect((await unit.get(`/api/v1/decisions/${issued.id}`)).json().status).toBe('ISSUED');
    const done = await unit.post(`/api/v1/decisions/${correction.id}/issue`, {
      version: correction.version,
      issueDate: '2026-03-04',
      overrideReason: 'Đột xuất',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().replacesId).toBe(issued.id);
    const old = (await unit.get(`/api/v1/decisions/${issued.id}`)).json();
    expect(old).toMatchObject({ status: 'CANCELLED', replacedById: correction.id });
    expect(old.cancelReason).toContain(done.json().number);
    const awards = await t.database.db
      .selectFrom('award_received')
      .select('document_id')
      .where('document_id', 'in', [issued.id, correction.id])
      .execute();
    expect(awards.map((a) => a.document_id)).toEqual([correction.id, correction.id]);
  });

  it('refuses to replace a draft', async () => {
    const unit = await t.as('demo-unit');
    const draft = (await unit.post('/api/v1/decisions', unitDraft([staff[0]!], { awardCode: 'GIAY_KHEN' }))).json();
    const res = await unit.post('/api/v1/decisions', unitDraft([staff[0]!], { awardCode: 'GIAY_KHEN', replacesId: draft.id }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('replacesId');
    await unit.delete(`/api/v1/decisions/${draft.id}`);
  });
});

describe('the quota', () => {
  it('shows the issuer’s quota beside what the decision adds, and asks for a reason beyond it', async () => {
    const unit = await t.as('demo-unit');
    // Thanh Hóa: Grassroots Emulation Fighters ≤ 15 % of Advanced Workers (at least one); two staff are Advanced Workers
    const d = (await unit.post('/api/v1/decisions', unitDraft([staff[1]!, staff[0]!], { awardCode: 'CHIEN_SI_THI_DUA_CO_SO' }))).json();
    const checks = (await unit.get(`/api/v1/decisions/${d.id}/checks`)).json();
    expect(checks.quota).toEqual({ quota: 1, used: 0, thisDecision: 2, over: true });
    const refused = await unit.post(`/api/v1/decisions/${d.id}/issue`, { version: d.version, issueDate: '2026-03-02' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('ISSUE_NEEDS_REASON');
    expect((await unit.delete(`/api/v1/decisions/${d.id}`)).statusCode).toBe(204);
    expect((await unit.get(`/api/v1/decisions/${d.id}`)).statusCode).toBe(404);
  });

  it('has no quota for an award the authority does not limit', async () => {
    const unit = await t.as('demo-unit');
    const d = (await unit.post('/api/v1/decisions', unitDraft([staff[0]!]))).json();
    expect((await unit.get(`/api/v1/decisions/${d.id}/checks`)).json().quota).toBeNull();
    await unit.delete(`/api/v1/decisions/${d.id}`);
  });
});

describe('public verification', () => {
  it('answers an issued decision’s public facts without sign-in, and nothing personal', async () => {
    const unit = await t.as('demo-unit');
    const d = (await unit.post('/api/v1/decisions', unitDraft([staff[1]!], { awardCode: 'CHIEN_SI_THI_DUA_CO_SO' }))).json();
    const issued = (
      await unit.post(`/api/v1/decisions/${d.id}/issue`, {
        version: d.version,
        issueDate: '2026-03-05',
        overrideReason: 'Sáng kiến được công nhận',
      })
    ).json();
    const res = await t.anonymous.get(`/api/v1/public/verify/${issued.verificationCode}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      code: issued.verificationCode,
      status: 'ISSUED',
      issuerName: 'CÔNG TY CỔ PHẦN MÍA ĐƯỜNG LAM SƠN',
      number: issued.number,
      issueDate: '2026-03-05',
      summary: issued.summary,
      recipientCount: 1,
      pdfSha256: issued.pdfSha256,
      cancelReason: null,
    });
    expect(JSON.stringify(res.json())).not.toContain(issued.recipients[0].name);
    const html = await t.anonymous.get(`/verify/${issued.verificationCode}`, { 'accept-language': 'en' });
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('This document was issued');
    expect(html.body).toContain(issued.pdfSha256);
  });

  it('says plainly that an unknown code is unknown, and hides drafts', async () => {
    const res = (await t.anonymous.get('/api/v1/public/verify/ZZZZZ-ZZZZZ')).json();
    expect(res).toMatchObject({ status: 'UNKNOWN', number: null, summary: null });
    expect((await t.anonymous.get('/verify/ZZZZZ-ZZZZZ')).statusCode).toBe(404);
  });
});

describe('who may', () => {
  it('a read-only role sees the register but may not draft', async () => {
    const council = await t.as('demo-council');
    expect((await council.get('/api/v1/decisions')).statusCode).toBe(200);
    expect((await council.post('/api/v1/decisions', unitDraft([staff[0]!]))).statusCode).toBe(403);
  });

  it('another authority’s officer does not see the unit’s decisions', async () => {
    const ministry = await t.as('demo-ministry');
    const list = (await ministry.get('/api/v1/decisions')).json();
    expect(list.items.filter((d: { authorityId: number }) => d.authorityId === thanhHoa)).toEqual([]);
    const anyDecision = await t.database.db.selectFrom('document').select('id').executeTakeFirstOrThrow();
    expect((await ministry.get(`/api/v1/decisions/${anyDecision.id}`)).statusCode).toBe(404);
  });
});
