import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, idOf, type TestContext } from '../../test/harness.ts';

let t: TestContext;
let idle: TestContext;
let th: number;
beforeAll(async () => {
  t = await createTestContext({ peoplePerUnit: 3 });
  // a server whose worker does not run: jobs stay queued
  idle = await createTestContext({ peoplePerUnit: 1, jobWorker: false });
  th = await idOf(t.database, 'authority', 'TH');
});
afterAll(async () => {
  await t.close();
  await idle.close();
});

const body = (authorityId: number) => ({ award: 'LAO_DONG_TIEN_TIEN', year: 2025, authorityId });

describe('a province-wide batch as a job', () => {
  it('anonymous callers get 401, and a viewer of another province does not learn the province exists', async () => {
    expect((await t.anonymous.post('/api/v1/eligibility/batch-jobs', body(th))).statusCode).toBe(401);
    expect((await t.anonymous.get('/api/v1/jobs/1')).statusCode).toBe(401);
    const res = await (await t.as('demo-viewer')).post('/api/v1/eligibility/batch-jobs', body(th));
    expect(res.statusCode).toBe(404);
  });

  it('runs with progress and gives the same candidates as the batch view', async () => {
    const committee = await t.as('demo-committee');
    const started = await committee.post('/api/v1/eligibility/batch-jobs', body(th));
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(job).toMatchObject({ kind: 'eligibility.batch', abilities: { cancel: expect.any(Boolean) } });
    await expect
      .poll(async () => (await committee.get(`/api/v1/jobs/${job.id}`)).json().state, { timeout: 30_000, interval: 100 })
      .toBe('succeeded');
    const finished = (await committee.get(`/api/v1/jobs/${job.id}`)).json();
    expect(finished.total).toBeGreaterThan(0);
    expect(finished.done).toBe(finished.total);
    expect(finished.abilities).toEqual({ cancel: false });

    const result = await committee.get(`/api/v1/eligibility/batch-jobs/${job.id}/result?pageSize=500`);
    const direct = await committee.get(`/api/v1/eligibility/batch?award=LAO_DONG_TIEN_TIEN&year=2025&authorityId=${th}&pageSize=500`);
    expect(result.statusCode).toBe(200);
    expect(result.json()).toEqual(direct.json());
    expect(result.json().considered).toBe(finished.total);
  });

  it('is its owner’s: another user of the same province gets 404 for it and its result', async () => {
    const committee = await t.as('demo-committee');
    const { id } = (await committee.post('/api/v1/eligibility/batch-jobs', body(th))).json();
    const council = await t.as('demo-council');
    expect((await council.get(`/api/v1/jobs/${id}`)).statusCode).toBe(404);
    expect((await council.get(`/api/v1/eligibility/batch-jobs/${id}/result`)).statusCode).toBe(404);
    expect((await council.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(404);
    // the administrator sees every job
    expect((await (await t.as('demo-admin')).get(`/api/v1/jobs/${id}`)).statusCode).toBe(200);
  });

  it('a queued job can be cancelled by its owner; its result is refused until it has one', async () => {
    const committee = await idle.as('demo-committee');
    const thIdle = await idOf(idle.database, 'authority', 'TH');
    const { id, state, abilities } = (await committee.post('/api/v1/eligibility/batch-jobs', body(thIdle))).json();
    expect({ state, abilities }).toEqual({ state: 'queued', abilities: { cancel: true } });
    const early = await committee.get(`/api/v1/eligibility/batch-jobs/${id}/result`, { 'accept-language': 'en' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.fields[0].message).toBe('the job has not finished (it is queued)');
    const cancelled = await committee.post(`/api/v1/jobs/${id}/cancel`);
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', abilities: { cancel: false } });
    // cancelling again is refused: nothing left to stop
    expect((await committee.post(`/api/v1/jobs/${id}/cancel`)).statusCode).toBe(403);
  });

  it('asks for exactly one population, naming the field', async () => {
    const res = await (await t.as('demo-committee')).post('/api/v1/eligibility/batch-jobs', { award: 'LAO_DONG_TIEN_TIEN', year: 2025 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('unitId');
  });
});
