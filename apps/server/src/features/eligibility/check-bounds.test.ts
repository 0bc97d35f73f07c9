import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import examples from '@thidua/domain/eligibility/fixtures/eligibility-examples.json' with { type: 'json' };
import { CHECK_MAX_CASES } from '../../http/feature.ts';
import { createTestContext, type TestContext } from '../../test/harness.ts';

// The probe: one 19.5 MB check as a viewer held the event loop for 12–31 s. Checks are bounded and judged in a worker.
let t: TestContext;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 1 });
});
afterAll(() => t.close());

const batch = (n: number) => ({
  format: 'thidua.eligibility-cases/1',
  cases: Array.from({ length: n }, (_, i) => ({ ...examples.cases[i % examples.cases.length]!, id: `case-${i}` })),
});

describe('POST /api/v1/eligibility/check under load', () => {
  it('refuses more cases than a request may carry, saying how many and where larger batches go', async () => {
    const res = await (
      await t.as('demo-viewer')
    ).post('/api/v1/eligibility/check', batch(CHECK_MAX_CASES + 1), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.fields).toEqual([
      {
        path: 'cases',
        message: `at most ${CHECK_MAX_CASES} cases per request (${CHECK_MAX_CASES + 1} sent); check larger batches with npx thidua eligibility check`,
      },
    ]);
  });

  it('judges the largest batch off the event loop: health is answered while it runs', async () => {
    const viewer = await t.as('demo-viewer');
    const order: string[] = [];
    const check = viewer.post('/api/v1/eligibility/check', batch(CHECK_MAX_CASES)).then((res) => {
      order.push('check');
      return res;
    });
    // let the request reach its worker before asking for health
    await new Promise((resolve) => setTimeout(resolve, 50));
    const health = t.app.inject({ method: 'GET', url: '/api/health' }).then((res) => {
      order.push('health');
      return res;
    });
    const [c, h] = await Promise.all([check, health]);
    expect(h.statusCode).toBe(200);
    expect(c.statusCode).toBe(200);
    expect(c.json().results).toHaveLength(CHECK_MAX_CASES);
    expect(order).toEqual(['health', 'check']);
  });

  it('a body that is not UTF-8 or not JSON is refused by the worker with the usual errors', async () => {
    const viewer = await t.as('demo-viewer');
    const notUtf8 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/eligibility/check',
      cookies: viewer.cookies,
      headers: { 'content-type': 'application/json', 'x-csrf-token': viewer.csrfToken! },
      payload: Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]),
    });
    expect(notUtf8.statusCode).toBe(400);
    expect(notUtf8.json().error.code).toBe('VALIDATION_FAILED');
    const notJson = await viewer.post('/api/v1/eligibility/check', '{"format": ');
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json().error.code).toBe('INVALID_JSON');
  });
});
