// Uniqueness compares meaning, not bytes, and a refusal never reveals what exists outside the caller's scope
// (the hardening issue's faults 6 and 7, with the probe's requests).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from './test/harness.ts';

let t: TestContext;
let th: number;
let lamSon: number;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 2 });
  th = await idOf(t.database, 'authority', 'TH');
  lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
});
afterAll(() => t.close());

const cluster = (authorityId: number, code: string, number: string, issuer: string) => ({
  authorityId,
  code,
  kind: 'CLUSTER',
  name: `Cụm thi đua ${code}`,
  activeFrom: '2025-03-02',
  decision: { number, issuedOn: '2025-03-01', issuer, signerName: 'Nguyễn Văn A', signerTitle: 'CHỦ TỊCH', summary: 'Thành lập cụm' },
});

describe('document numbers and issuers', () => {
  it('registers 772/QĐ-UBND once per issuer and year: NFD, Hoá, lower case, double space and leading-zero variants are the same', async () => {
    const committee = await t.as('demo-committee');
    const first = await committee.post('/api/v1/clusters', cluster(th, 'TH-K-1', '772/QĐ-UBND', 'UBND tỉnh Thanh Hóa'));
    expect(first.statusCode).toBe(201);
    const variants: Array<[string, string]> = [
      ['772/QĐ-UBND', 'UBND tỉnh Thanh Hóa'.normalize('NFD')],
      ['772/QĐ-UBND', 'UBND tỉnh Thanh Hoá'],
      ['772/qđ-ubnd', 'UBND tỉnh Thanh Hóa'],
      ['772/QĐ-UBND', 'UBND  tỉnh   Thanh Hóa'],
      ['0772/QĐ-UBND', 'UBND tỉnh Thanh Hóa'],
      ['772/QĐ-UBND'.normalize('NFD'), 'ubnd tinh thanh hoa'],
    ];
    for (const [i, [number, issuer]] of variants.entries()) {
      const res = await committee.post('/api/v1/clusters', cluster(th, `TH-K-${i + 2}`, number, issuer), { 'accept-language': 'en' });
      expect(res.statusCode, `${number} / ${issuer}`).toBe(400);
      expect(res.json().error.code).toBe('DUPLICATE_DECISION_NUMBER');
      expect(res.json().error.fields[0].path).toBe('decision.number');
    }
    const decisions = await t.database.db.selectFrom('decision').select('id').where('number_key', '=', '772/qd-ubnd').execute();
    expect(decisions).toHaveLength(1);
    // another number of the same issuer and year is another document
    expect((await committee.post('/api/v1/clusters', cluster(th, 'TH-K-9', '773/QĐ-UBND', 'UBND tỉnh Thanh Hóa'))).statusCode).toBe(201);
  });

  it("another authority's document numbers neither collide nor reveal themselves", async () => {
    const ministry = await t.as('demo-ministry');
    const bct = await idOf(t.database, 'authority', 'BCT');
    const res = await ministry.post('/api/v1/clusters', cluster(bct, 'BCT-K-1', '772/QĐ-UBND', 'UBND tỉnh Thanh Hóa'));
    expect(res.statusCode).toBe(201);
  });

  it('cluster codes compare folded too', async () => {
    const committee = await t.as('demo-committee');
    const res = await committee.post('/api/v1/clusters', cluster(th, ' th-k-1', '900/QĐ-UBND', 'UBND tỉnh Thanh Hóa'));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].path).toBe('code');
  });
});

describe('unit and staff codes', () => {
  it('a unit code differing only in case or spacing is the same code', async () => {
    const committee = await t.as('demo-committee');
    const res = await committee.post(
      '/api/v1/units',
      { authorityId: th, code: 'th-lamson ', name: 'Công ty trùng mã', unitType: 'STATE_AGENCY' },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'code' });
  });

  it("a staff code held outside the caller's scope is refused without saying that it exists, or where", async () => {
    // a person of another Thanh Hóa company, which the Lam Sơn officer cannot see
    const other = await t.database.db
      .selectFrom('person')
      .innerJoin('unit', 'unit.id', 'person.unit_id')
      .select(['person.id', 'person.code', 'person.full_name'])
      .where('person.authority_id', '=', th)
      .where('person.unit_id', '<>', lamSon)
      .orderBy('person.id')
      .executeTakeFirstOrThrow();
    const unitOfficer = await t.as('demo-unit');
    expect((await unitOfficer.get(`/api/v1/people/${other.id}`)).statusCode).toBe(404);
    const probe = await unitOfficer.post(
      '/api/v1/people',
      { unitId: lamSon, code: other.code, fullName: 'Người mới', gender: 'female' },
      { 'accept-language': 'en' },
    );
    expect(probe.statusCode).toBe(409);
    const error = probe.json().error;
    expect(error.fields[0].path).toBe('code');
    expect(probe.body).not.toContain(other.code);
    expect(probe.body).not.toContain(other.full_name);
    expect(probe.body).not.toMatch(/already exists/);
    // the committee officer, who sees the holder, is told plainly — also for a lower-case spelling
    const committee = await t.as('demo-committee');
    const plain = await committee.post(
      '/api/v1/people',
      { unitId: lamSon, code: other.code.toLowerCase(), fullName: 'Người mới', gender: 'female' },
      { 'accept-language': 'en' },
    );
    expect(plain.statusCode).toBe(409);
    expect(plain.json().error.fields[0].message).toMatch(/already exists/);
  });
});
