import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from './test/harness.ts';

// Every route of the OpenAPI document, called by the wrong people: this fails when a new endpoint forgets to check.
let t: TestContext;
let routes: Array<{ method: string; path: string }>;
const PUBLIC = new Set(['POST /api/v1/auth/login', 'GET /api/health']);

beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 2 });
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path })),
  );
});
afterAll(() => t.close());

/** Fills path parameters with records of Thanh Hóa (Cluster No. 18, Lam Sơn, one of its staff). */
async function concrete(path: string): Promise<string> {
  const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
  const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
  const th = await idOf(t.database, 'authority', 'TH');
  const person = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', lamSon).executeTakeFirstOrThrow()).id;
  const byPrefix: Record<string, number> = { clusters: c18, units: lamSon, people: person, authorities: th, quotas: th };
  const segments = path.split('/');
  return segments
    .map((seg, i) => {
      if (seg === '{subjectType}') return 'person';
      if (seg === '{kind}') return 'ratings';
      if (seg === '{year}' || seg === '{recordId}') return '2025';
      if (seg === '{positionId}' || seg === '{membershipId}') return '1';
      if (seg === '{authorityId}') return String(th);
      if (seg === '{id}') return String(segments[i - 1] === '{subjectType}' ? person : (byPrefix[segments[i - 1]!] ?? c18));
      return seg;
    })
    .join('/');
}

const withQuery = (method: string, url: string) => {
  if (method !== 'GET') return url;
  if (url.endsWith('/audit/')) return `${url}?entityType=cluster&entityId=1`;
  if (url.endsWith('/eligibility/batch')) return `${url}?award=LAO_DONG_TIEN_TIEN&year=2025&authorityId=1`;
  return url;
};

describe('every endpoint', () => {
  it('is described in the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(20);
  });

  it('answers 401 to anonymous callers, without data', async () => {
    const leaks: string[] = [];
    for (const r of routes) {
      if (PUBLIC.has(`${r.method} ${r.path}`)) continue;
      const url = withQuery(r.method, await concrete(r.path));
      const res = await t.app.inject({
        method: r.method as 'GET',
        url,
        ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }),
      });
      if (res.statusCode !== 401) leaks.push(`${r.method} ${url} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('never lets a viewer of another province change Thanh Hóa records', async () => {
    const viewer = await t.as('demo-viewer');
    const wrong: string[] = [];
    for (const r of routes.filter(
      (x) => x.method !== 'GET' && !x.path.startsWith('/api/v1/auth') && x.path !== '/api/v1/eligibility/check',
    )) {
      const url = await concrete(r.path);
      const res = await t.app.inject({
        method: r.method as 'POST',
        url,
        cookies: viewer.cookies,
        headers: { 'x-csrf-token': viewer.csrfToken! },
        payload: {},
      });
      if (![400, 403, 404].includes(res.statusCode) || (res.statusCode === 400 && r.method === 'DELETE'))
        wrong.push(`${r.method} ${url} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  it('never lets a read-only role of the same province change anything (with a valid body, it is refused for the role)', async () => {
    const council = await t.as('demo-council');
    const th = await idOf(t.database, 'authority', 'TH');
    const lamSon = await idOf(t.database, 'unit', 'TH-LAMSON');
    const c18 = await idOf(t.database, 'cluster', 'TH-CUM18');
    const person = (await t.database.db.selectFrom('person').select('id').where('unit_id', '=', lamSon).executeTakeFirstOrThrow()).id;
    const attempts: Array<[string, string, unknown]> = [
      ['PATCH', `/api/v1/clusters/${c18}`, { version: 1, name: 'x' }],
      [
        'POST',
        '/api/v1/clusters',
        {
          authorityId: th,
          code: 'X',
          kind: 'CLUSTER',
          name: 'X',
          activeFrom: '2025-01-01',
          decision: { number: '1/QĐ-UBND', issuedOn: '2025-01-01', issuer: 'X', signerName: 'X', signerTitle: 'X', summary: 'X' },
        },
      ],
      ['POST', `/api/v1/clusters/${c18}/memberships`, { unitId: lamSon, year: 2026 }],
      ['PUT', `/api/v1/clusters/${c18}/leadership/2025`, { headUnitId: lamSon }],
      ['POST', '/api/v1/units', { authorityId: th, code: 'X', name: 'X', unitType: 'STATE_AGENCY' }],
      ['PATCH', `/api/v1/units/${lamSon}`, { version: 1, name: 'x' }],
      ['PATCH', `/api/v1/people/${person}`, { version: 1, fullName: 'x' }],
      ['PATCH', `/api/v1/authorities/${th}`, { version: 1, place: 'x' }],
      ['POST', `/api/v1/records/person/${person}/ratings`, { year: 2025, rating: 'HTXS' }],
      ['PUT', `/api/v1/eligibility/quotas/${th}`, { awardCode: 'GIAY_KHEN', year: 2025, ratePercent: 10, rounding: 'floor' }],
    ];
    for (const [method, url, body] of attempts) {
      const res = await t.app.inject({
        method: method as 'POST',
        url,
        cookies: council.cookies,
        headers: { 'x-csrf-token': council.csrfToken! },
        payload: body as object,
      });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });
});
