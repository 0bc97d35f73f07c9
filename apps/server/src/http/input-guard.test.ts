import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { findNul } from './input-guard.ts';
import { createTestContext, idOf, openTestDatabase, type TestContext } from '../test/harness.ts';

// The probe's requests: text the database cannot hold answered 500 on both databases and invalid UTF-8 was stored.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1 });
});
afterAll(() => t.close());

const people = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('NUL characters and invalid UTF-8', () => {
  it('a NUL in the sign-in username answers 400 naming the field, in the caller’s language', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      payload: '{"username":"a\\u0000b","password":"x"}',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'username', message: 'contains a NUL character (code 0), which is not allowed' }]);
  });

  it.each(['/api/v1/people/?q=%00', '/api/v1/units/?q=a%00'])('a NUL in a search %s answers 400', async (url) => {
    const res = await (await t.as('demo-committee')).get(url);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('query.q');
  });

  it('a NUL in a new person’s name answers 400 and writes nothing', async () => {
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const before = await people();
    const res = await (
      await t.as('demo-committee')
    ).post('/api/v1/people', { unitId: lamSon, code: 'NUL-1', fullName: 'Lê\u0000Văn', gender: 'male' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('fullName');
    expect(await people()).toBe(before);
  });

  it('a NUL nested in a body (the decision’s issuer) names the nested path', async () => {
    const th = await idOf(t.database, 'authority', 'TH');
    const res = await (
      await t.as('demo-committee')
    ).post('/api/v1/clusters', {
      authorityId: th,
      code: 'TH-NUL',
      kind: 'CLUSTER',
      name: 'Cụm thử',
      activeFrom: '2026-01-05',
      decision: { number: '5/QĐ-UBND', issuedOn: '2026-01-05', issuer: 'UBND\u0000', signerName: 'A', signerTitle: 'B', summary: 'C' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('decision.issuer');
  });

  it('a body that is not UTF-8 answers 400 and writes nothing', async () => {
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const committee = await t.as('demo-committee');
    const before = await people();
    const payload = Buffer.concat([
      Buffer.from(`{"unitId":${lamSon},"code":"UTF-1","gender":"male","fullName":"`),
      Buffer.from([0xc3, 0x28, 0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      cookies: committee.cookies,
      headers: { 'content-type': 'application/json', 'x-csrf-token': committee.csrfToken! },
      payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('(body)');
    expect(await people()).toBe(before);
  });

  it('JSON nested 100,000 deep answers 400, never 500 (the walk does not recurse)', async () => {
    const committee = await t.as('demo-committee');
    for (const payload of [`${'['.repeat(100_000)}${']'.repeat(100_000)}`, `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`]) {
      const res = await committee.post('/api/v1/people', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    const deep = JSON.parse(`${'['.repeat(100_000)}"a\\u0000b"${']'.repeat(100_000)}`);
    expect(findNul({ x: 1, y: deep }, '')?.slice(0, 8)).toBe('y.0.0.0.');
    expect(findNul({ a: ['ok', { 'b\u0000': 1 }], c: 'd\u0000' }, 'query')).toBe('query.a.1.b\u0000');
  });

  it('ordinary Vietnamese text still passes', async () => {
    const res = await (await t.as('demo-committee')).get(`/api/v1/people/?q=${encodeURIComponent('Trần Thị')}`);
    expect(res.statusCode).toBe(200);
  });
});

describe('integers the columns cannot hold (2^31 and above)', () => {
  const BIG = 2 ** 31;
  it.each([
    ['GET', `/api/v1/units/?authorityId=${BIG}`, undefined],
    ['GET', `/api/v1/people/?unitId=${BIG}`, undefined],
    ['GET', `/api/v1/clusters/?authorityId=${BIG}`, undefined],
    ['GET', `/api/v1/units/${BIG}`, undefined],
    ['GET', `/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=2025&unitId=${BIG}`, undefined],
    ['POST', '/api/v1/people', { unitId: BIG, code: 'BIG-1', fullName: 'A', gender: 'male' }],
    ['POST', '/api/v1/units', { authorityId: BIG, code: 'BIG-2', name: 'A', unitType: 'STATE_AGENCY' }],
    ['PATCH', '/api/v1/units/1', { version: BIG, name: 'A' }],
    ['POST', '/api/v1/records/person/1/awards', { awardCode: 'GIAY_KHEN', year: 2025, kind: 'CONG_TRANG', evidenceIds: [BIG] }],
  ] as const)('%s %s answers 400, never 500', async (method, url, body) => {
    const committee = await t.as('demo-committee');
    const res =
      method === 'GET' ? await committee.get(url) : method === 'POST' ? await committee.post(url, body) : await committee.patch(url, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('URLs the router refuses', () => {
  it.each([
    ['a path parameter that does not decode', '/api/v1/units/%C3%28%FF%FE'],
    ['a path parameter of 10,000 characters', `/api/v1/units/${'1'.repeat(10_000)}`],
  ])('%s answers 400 in the error table’s shape, in the caller’s language', async (_, url) => {
    const committee = await t.as('demo-committee');
    const res = await committee.get(url, { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      fields: [{ path: '(url)', message: 'the request is malformed' }],
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('caching and transport headers', () => {
  it('API answers with personal data are never cached', async () => {
    const res = await (await t.as('demo-committee')).get('/api/v1/people');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS and the upgrade of insecure requests only when the site runs behind HTTPS', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const database = await openTestDatabase();
    const secure = await buildApp({
      database,
      config: {
        sessionTtlHours: 1,
        loginRateLimitMax: 10,
        passwordResetTtlHours: 72,
        cookieSecure: true,
        webDir: '/nonexistent',
        logLevel: 'silent',
      },
    });
    try {
      const res = await secure.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
      expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
      const docs = await secure.inject({ method: 'GET', url: '/api/docs' });
      expect(docs.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await secure.close();
      await database.close();
    }
  });

  it("gives the API documentation the application's policy, which lets Swagger UI set its inline styles", async () => {
    const app = await t.app.inject({ method: 'GET', url: '/api/health' });
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-security-policy']).toMatch(/style-src 'self' 'unsafe-inline'/);
    expect(docs.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
    expect(docs.headers['content-security-policy']).not.toContain('https:');
    expect(app.headers['content-security-policy']).toBe(docs.headers['content-security-policy']);
  });
});
