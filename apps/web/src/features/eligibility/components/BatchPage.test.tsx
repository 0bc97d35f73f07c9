import { afterEach, describe, expect, it, vi } from 'vitest';
import { quotaList } from '@thidua/contracts/eligibility.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { batchResponse } from '@thidua/contracts/eligibility.ts';
import {
  adminUser,
  mockApi,
  renderApp,
  signedIn,
  readOnlyAbilities,
  authoritiesPage,
  cluster18Item,
  clusterItemFixture,
  pageOf,
  contract,
} from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const committee = {
  ...adminUser,
  id: 2,
  username: 'demo-committee',
  displayName: 'Ban Thi đua – Khen thưởng tỉnh Thanh Hóa',
  role: 'COMMITTEE_OFFICER' as const,
  authorityId: 3,
};
const clusterOfficer = {
  ...adminUser,
  id: 5,
  role: 'CLUSTER_OFFICER' as const,
  authorityId: 3,
  clusterId: 2,
  abilities: readOnlyAbilities,
};

const batch = contract(batchResponse, {
  award: 'CHIEN_SI_THI_DUA_CO_SO',
  awardName: 'Chiến sĩ thi đua cơ sở',
  year: 2026,
  rulebook: 'LAW-06-2022+DECREE-152-2025',
  considered: 210,
  eligibleCount: 52,
  candidatesTotal: 210,
  page: 1,
  pageSize: 50,
  quota: {
    ratePercent: 15,
    rounding: 'floor',
    minOne: true,
    baseAwardCode: 'LAO_DONG_TIEN_TIEN',
    base: 184,
    quota: 27,
    used: 27,
    tieAtBoundary: true,
    tiedPlaces: 1,
    tied: 3,
    rule: 'decree-98-2023/art-4',
  },
  candidates: [
    {
      id: 308,
      code: 'TH-NSM-NV001',
      name: 'Nguyễn Kim Lý',
      unitName: 'Công ty TNHH MTV Thủy lợi Nam Sông Mã',
      gender: 'female',
      merit: 401,
      meritBasis: { rating: 'HTXS', initiatives: 1 },
      eligible: true,
      rank: 1,
      standing: 'within',
      withinQuota: true,
      failed: [],
      outsideReason: null,
    },
    {
      id: 470,
      code: 'TH-LAMSON-NV004',
      name: 'Lê Thị Linh',
      unitName: 'Công ty TNHH MTV Lam Sơn',
      gender: 'female',
      merit: 400,
      meritBasis: { rating: 'HTXS', initiatives: 0 },
      eligible: true,
      rank: 27,
      standing: 'tie',
      withinQuota: false,
      failed: [],
      outsideReason: 'Ngang nhau ở ranh giới chỉ tiêu: Hội đồng chọn 1 trong số 3 người',
    },
    {
      id: 451,
      code: 'TH-LAMSON-NV002',
      name: 'Trần Đình Hải',
      unitName: 'Công ty TNHH MTV Lam Sơn',
      gender: 'male',
      merit: 300,
      meritBasis: { rating: 'HTT', initiatives: 0 },
      eligible: false,
      rank: null,
      standing: null,
      withinQuota: null,
      failed: ['GRASSROOTS_FIGHTER_NO_PATH', 'SOME_NEW_CODE'],
      outsideReason: null,
    },
  ],
});

const clusters = pageOf([clusterItemFixture(1, 'Cụm thi đua số 17'), cluster18Item]);
const authorities = authoritiesPage;
const policies = contract(quotaList, {
  abilities: { set: true },
  items: [
    {
      authorityId: 3,
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2024,
      ratePercent: 15,
      rounding: 'floor',
      minOne: true,
      baseAwardCode: 'LAO_DONG_TIEN_TIEN',
    },
    {
      authorityId: 3,
      awardCode: 'TAP_THE_LAO_DONG_XUAT_SAC',
      year: 2024,
      ratePercent: 20,
      rounding: 'floor',
      minOne: true,
      baseAwardCode: 'TAP_THE_LAO_DONG_TIEN_TIEN',
    },
  ],
});

describe('batch view', { timeout: 30_000 }, () => {
  it('shows counts, quota usage with the tie warning, the candidates and a CSV link for the chosen population', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters': { body: clusters },
      'GET /authorities': { body: authorities },
      'GET /eligibility/batch': ({ url }) => ({
        body: { ...batch, page: Number(url.searchParams.get('page')), pageSize: Number(url.searchParams.get('pageSize')) },
      }),
      'GET /eligibility/quotas/3': { body: policies },
    });
    renderApp('/eligibility?award=CHIEN_SI_THI_DUA_CO_SO&year=2026&clusterId=2');
    const summary = await screen.findByTestId('quota-summary');
    expect(Object.fromEntries(api.find('GET', '/eligibility/batch')[0]!.url.searchParams)).toEqual({
      award: 'CHIEN_SI_THI_DUA_CO_SO',
      year: '2026',
      clusterId: '2',
      page: '1',
      pageSize: '50',
      sort: 'rank',
      order: 'asc',
      filter: 'all',
    });

    expect(screen.getByTestId('batch-summary').textContent).toContain('Chiến sĩ thi đua cơ sở năm 2026');
    expect(screen.getByTestId('batch-considered').textContent).toBe('210');
    expect(screen.getByTestId('batch-eligible').textContent).toBe('52');
    expect(screen.getByTestId('quota-rate').textContent).toBe('15%');
    expect(screen.getByTestId('quota-base').textContent).toBe('184 đạt Lao động tiên tiến');
    expect(screen.getByTestId('quota-quota').textContent).toBe('27');
    expect(screen.getByTestId('quota-used').textContent).toBe('27/27');
    expect(summary.textContent).toContain('Làm tròn xuống · Tối thiểu 1');
    expect(summary.textContent).toContain('Điều 4 Nghị định 98/2023/NĐ-CP');
    expect(screen.getByTestId('quota-tie').textContent).toContain('Hội đồng Thi đua – Khen thưởng cần quyết định');
    expect(screen.getByTestId('quota-tie').textContent).toContain('Hội đồng chọn 1 trong số 3 trường hợp ngang nhau');
    await waitFor(() => expect(screen.getByTestId('batch-cluster').textContent).toContain('Cụm thi đua số 18'));

    const rows = within(screen.getByTestId('batch-candidates')).getAllByTestId('candidate-row');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toContain('Nguyễn Kim Lý');
    expect(rows[0]!.textContent).toContain('TH-NSM-NV001');
    expect(within(rows[0]!).getByTestId('candidate-rank').textContent).toBe('1');
    expect(within(rows[0]!).getByTestId('candidate-standing').textContent).toBe('Trong chỉ tiêu');
    expect(within(rows[0]!).getByRole('link').getAttribute('href')).toBe('/people/308');
    // tied at the boundary: the council's to decide, not "within the quota"
    expect(within(rows[1]!).getByTestId('candidate-standing').textContent).toBe('Hội đồng quyết định');
    expect(rows[1]!.textContent).toContain('Hội đồng chọn 1 trong số 3 người');
    expect(rows[2]!.textContent).toContain('Chưa đạt');
    expect(within(rows[2]!).getByTestId('candidate-rank').textContent).toBe('—');
    // the true total: 210 candidates over pages of 50
    expect(screen.getByTestId('batch-total').textContent).toBe('Tổng số: 210');
    fireEvent.click(screen.getByTitle('2'));
    await waitFor(() => expect(api.find('GET', '/eligibility/batch').at(-1)!.url.searchParams.get('page')).toBe('2'));
    // sorting asks the server, from the first page
    fireEvent.click(within(screen.getByTestId('batch-candidates')).getAllByText('Họ tên / Tên')[0]!);
    await waitFor(() => expect(api.find('GET', '/eligibility/batch').at(-1)!.url.searchParams.get('sort')).toBe('name'));
    expect(api.find('GET', '/eligibility/batch').at(-1)!.url.searchParams.get('page')).toBe('1');
    // a known reason code gets its short text, an unknown one shows as the code
    expect(
      within(rows[2]!)
        .getAllByTestId('candidate-failed')
        .map((tag) => tag.textContent),
    ).toEqual(['Không xuất sắc, không có sáng kiến', 'SOME_NEW_CODE']);

    const csv = screen.getByTestId('export-csv');
    const href = new URL(csv.getAttribute('href')!, 'http://localhost');
    expect(href.pathname).toBe('/api/v1/eligibility/batch');
    expect(Object.fromEntries(href.searchParams)).toEqual({
      award: 'CHIEN_SI_THI_DUA_CO_SO',
      year: '2026',
      clusterId: '2',
      sort: 'name',
      order: 'asc',
      filter: 'all',
      format: 'csv',
    });
    expect(new URL(screen.getByTestId('export-xlsx').getAttribute('href')!, 'http://localhost').searchParams.get('format')).toBe('xlsx');

    // only those meeting the criteria: the server filters, the pages follow
    fireEvent.click(within(screen.getByTestId('batch-filter')).getByText('Đủ tiêu chuẩn'));
    await waitFor(() => expect(api.find('GET', '/eligibility/batch').at(-1)!.url.searchParams.get('filter')).toBe('eligible'));
  });

  it('judges a whole province as a job: start, progress, cancel offered while it runs, then the result', async () => {
    let polls = 0;
    const job = (over: Record<string, unknown>) => ({
      id: 7,
      kind: 'eligibility.batch',
      state: 'queued',
      done: 0,
      total: null,
      attempts: 0,
      error: null,
      createdAt: '2026-12-03T01:00:00.000Z',
      startedAt: null,
      finishedAt: null,
      abilities: { cancel: true },
      ...over,
    });
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authorities },
      'GET /eligibility/quotas/3': { body: policies },
      'POST /eligibility/batch-jobs': { status: 202, body: job({}) },
      'GET /jobs/7': () => {
        polls++;
        return {
          body:
            polls < 2
              ? job({ state: 'running', done: 5000, total: 12000, attempts: 1 })
              : job({ state: 'succeeded', done: 12000, total: 12000, attempts: 1, abilities: { cancel: false } }),
        };
      },
      'GET /eligibility/batch-jobs/7/result': { body: batch },
    });
    renderApp('/eligibility?award=CHIEN_SI_THI_DUA_CO_SO&year=2026&authorityId=3');
    fireEvent.click(await screen.findByTestId('batch-job-start'));
    expect(await screen.findByText('Đã xét 5000 / 12000')).toBeTruthy();
    expect(screen.getByTestId('batch-job-cancel')).toBeTruthy();
    expect(api.find('POST', '/eligibility/batch-jobs')[0]!.body).toEqual({ award: 'CHIEN_SI_THI_DUA_CO_SO', year: 2026, authorityId: 3 });
    // the batch itself is never asked for directly
    expect(api.find('GET', '/eligibility/batch')).toHaveLength(0);
    await waitFor(() => expect(within(screen.getByTestId('batch-candidates')).getAllByTestId('candidate-row')).toHaveLength(3), {
      timeout: 10_000,
    });
    expect(screen.getByTestId('batch-considered').textContent).toBe('210');
    expect(screen.queryByTestId('batch-job-cancel')).toBeNull();
  });

  it('starts from the officer’s own cluster and asks only once an award is chosen; no quota policies for non-committee users', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(clusterOfficer),
      'GET /clusters': { body: clusters },
      'GET /eligibility/batch': { body: { ...batch, quota: null } },
    });
    const { router } = renderApp('/eligibility');
    await screen.findByTestId('batch-choose');
    expect(api.find('GET', '/eligibility/batch')).toHaveLength(0);
    expect(screen.queryByTestId('quota-policies')).toBeNull();

    fireEvent.mouseDown(within(screen.getByTestId('batch-award')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('Chiến sĩ thi đua cơ sở'));
    await screen.findByTestId('quota-none');
    expect(router.state.location.search).toContain('award=CHIEN_SI_THI_DUA_CO_SO');
    expect(Object.fromEntries(api.find('GET', '/eligibility/batch')[0]!.url.searchParams)).toMatchObject({
      award: 'CHIEN_SI_THI_DUA_CO_SO',
      year: String(new Date().getFullYear()),
      clusterId: '2',
    });
  });

  it('lets a committee officer set a quota policy, with the server’s field errors on the fields', async () => {
    let fail = true;
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authorities },
      'GET /eligibility/quotas/3': { body: policies },
      'PUT /eligibility/quotas/3': ({ body }) =>
        fail
          ? {
              status: 400,
              body: {
                error: {
                  code: 'VALIDATION_FAILED',
                  message: 'Dữ liệu gửi lên không hợp lệ.',
                  fields: [{ path: 'ratePercent', message: 'phải nhỏ hơn hoặc bằng 100' }],
                },
              },
            }
          : { body: { ...policies, items: [...policies.items, { ...(body as object), authorityId: 3 }] } },
    });
    renderApp('/eligibility');
    const card = await screen.findByTestId('quota-policies');
    await waitFor(() => expect(within(card).getAllByTestId('quota-policy-row')).toHaveLength(2));
    expect(within(card).getAllByTestId('quota-policy-row')[0]!.textContent).toContain('Chiến sĩ thi đua cơ sở');
    expect(within(card).getAllByTestId('quota-policy-row')[0]!.textContent).toContain('15%');

    fireEvent.click(within(within(card).getAllByTestId('quota-policy-row')[0]!).getByTestId('quota-edit'));
    const form = await screen.findByTestId('quota-form');
    fireEvent.change(within(form).getByTestId('field-year'), { target: { value: '2027' } });
    fireEvent.change(within(form).getByTestId('field-ratePercent'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('quota-submit'));
    expect(await screen.findByText('phải nhỏ hơn hoặc bằng 100')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('Dữ liệu gửi lên không hợp lệ.');

    fail = false;
    fireEvent.click(screen.getByTestId('quota-submit'));
    await waitFor(() => expect(within(card).getAllByTestId('quota-policy-row')).toHaveLength(3));
    const puts = api.find('PUT', '/eligibility/quotas/3');
    expect(puts.at(-1)!.body).toEqual({
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2027,
      ratePercent: 20,
      rounding: 'floor',
      minOne: true,
      baseAwardCode: 'LAO_DONG_TIEN_TIEN',
    });
    expect(puts.at(-1)!.headers['x-csrf-token']).toBe('csrf-123');
  });
});
