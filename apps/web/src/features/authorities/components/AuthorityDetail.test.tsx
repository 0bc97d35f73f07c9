import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { authorityOverviewSchema } from '@thidua/contracts/authorities.ts';
import { allowAll, AUTHORITY_ACTIONS, contract, mockApi, renderApp, signedIn, thanhHoa } from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const overview = contract(authorityOverviewSchema, {
  authorityId: 3,
  year: 2026,
  unitCount: 42,
  clusters: [
    { id: 2, code: 'TH-CUM18', kind: 'CLUSTER', name: 'Cụm thi đua số 18', activeFrom: '2024-03-27', activeTo: null, memberCount: 7 },
    { id: 5, code: 'TH-KHOI1', kind: 'BLOCK', name: 'Khối các sở', activeFrom: '2020-01-01', activeTo: '2025-12-31', memberCount: 0 },
  ],
  quotas: [
    {
      authorityId: 3,
      awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
      year: 2024,
      ratePercent: 15,
      rounding: 'floor',
      minOne: true,
      baseAwardCode: 'LAO_DONG_TIEN_TIEN',
    },
  ],
  settings: { fromYear: 2025, overrides: { disciplineRestartsChains: false } },
});

const empty = contract(authorityOverviewSchema, {
  authorityId: 3,
  year: 2026,
  unitCount: 0,
  clusters: [],
  quotas: [],
  settings: { fromYear: null, overrides: {} },
});

const pageMocks = { 'GET /auth/me': signedIn(), 'GET /audit': { body: { items: [] } } };

describe('an authority’s page', { timeout: 30_000 }, () => {
  it('shows its units, its clusters and blocks, its quotas and settings, with links to each', async () => {
    mockApi({ ...pageMocks, 'GET /authorities/3': { body: thanhHoa }, 'GET /authorities/3/overview': { body: overview } });
    renderApp('/authorities/3');
    expect((await screen.findByTestId('authority-unit-count')).textContent).toBe('Số đơn vị: 42');
    expect(screen.getByTestId('authority-units-link').getAttribute('href')).toBe('/units?authorityId=3');

    const cluster = screen.getByTestId('authority-cluster-2');
    expect(within(cluster).getByRole('link', { name: 'Cụm thi đua số 18' }).getAttribute('href')).toBe('/clusters/2');
    expect(cluster.textContent).toContain('7');
    expect(screen.getByTestId('authority-cluster-5').textContent).toContain('Hoạt động đến 31/12/2025');
    expect(screen.getByTestId('authority-clusters-link').getAttribute('href')).toBe('/clusters?authorityId=3');
    expect(within(screen.getByTestId('authority-clusters')).getAllByText('Số thành viên năm 2026').length).toBeGreaterThan(0);

    const quota = screen.getByTestId('authority-quota-row');
    expect(quota.textContent).toContain('15%');
    expect(quota.textContent).toContain('Làm tròn xuống');

    expect(screen.getByTestId('authority-settings-in-force').textContent).toBe('Năm 2026: áp dụng thiết lập từ năm 2025.');
    expect(screen.getByTestId('authority-settings-changed').querySelectorAll('li')).toHaveLength(1);
    // the board that sets them is led to where they are edited
    expect(screen.getAllByTestId('authority-edit-rules')[0]!.getAttribute('href')).toBe('/eligibility?authorityId=3');
  });

  it('says why each part is empty, and offers no edit link to those who may not set quotas', async () => {
    const readOnly = { ...thanhHoa, abilities: allowAll(AUTHORITY_ACTIONS, false) };
    mockApi({ ...pageMocks, 'GET /authorities/3': { body: readOnly }, 'GET /authorities/3/overview': { body: empty } });
    renderApp('/authorities/3');
    const units = await screen.findByTestId('authority-units');
    expect(units.textContent).toContain('Chưa có đơn vị nào của cơ quan này trong phạm vi bạn được xem.');
    expect(screen.queryByTestId('authority-units-link')).toBeNull();
    expect(screen.getByTestId('authority-clusters').textContent).toContain('Cơ quan này chưa tổ chức cụm, khối thi đua nào');
    expect(screen.getByTestId('authority-quotas').textContent).toContain('Chưa có quy định chỉ tiêu');
    expect(screen.getByTestId('authority-settings-in-force').textContent).toBe('Năm 2026: áp dụng toàn bộ giá trị mặc định.');
    expect(screen.queryByTestId('authority-edit-rules')).toBeNull();
  });
});
