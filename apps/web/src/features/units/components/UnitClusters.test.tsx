import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { unitClustersSchema } from '@thidua/contracts/units.ts';
import { contract, lamSonUnit, mockApi, renderApp, signedIn } from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const pageMocks = {
  'GET /auth/me': signedIn(),
  'GET /units/16': { body: lamSonUnit },
  'GET /audit': { body: { items: [] } },
};

const clusters = contract(unitClustersSchema, {
  items: [
    {
      id: 2,
      code: 'TH-CUM18',
      kind: 'CLUSTER',
      name: 'Cụm thi đua số 18',
      authorityId: 3,
      authorityName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
      activeFrom: '2024-03-27',
      activeTo: null,
      memberships: [
        { year: 2024, from: '2024-03-27', to: null },
        { year: 2025, from: null, to: null },
      ],
      roles: [{ year: 2024, role: 'HEAD' }],
      flagCustody: [{ from: '2024-03-27', to: '2025-01-16', note: null }],
    },
    {
      id: 7,
      code: 'BCT-CUM6',
      kind: 'BLOCK',
      name: 'Khối doanh nghiệp ngành công thương',
      authorityId: 9,
      authorityName: 'Bộ Công Thương',
      activeFrom: '2023-01-01',
      activeTo: null,
      memberships: [{ year: 2026, from: null, to: null }],
      roles: [
        { year: 2026, role: 'DEPUTY' },
        { year: 2025, role: 'HEAD' },
      ],
      flagCustody: [{ from: '2026-01-21', to: null, note: 'Bàn giao tại hội nghị tổng kết' }],
    },
  ],
});

describe('a unit’s clusters and blocks', { timeout: 30_000 }, () => {
  it('lists each with a link, the years of membership, the roles by year and the rotating flag', async () => {
    const api = mockApi({ ...pageMocks, 'GET /units/16/clusters': { body: clusters } });
    renderApp('/units/16');
    const row18 = await screen.findByTestId('unit-cluster-2');
    expect(api.find('GET', '/units/16/clusters')).toHaveLength(1);
    expect(within(row18).getByRole('link', { name: 'Cụm thi đua số 18' }).getAttribute('href')).toBe('/clusters/2');
    expect(within(row18).getByTestId('unit-cluster-years').textContent).toBe('20252024 (27/03/2024 – …)');
    expect(within(row18).getByTestId('unit-cluster-roles').textContent).toBe('Cụm trưởng năm 2024');
    expect(within(row18).getByTestId('unit-cluster-flag').textContent).toBe('27/03/2024 – 16/01/2025');

    const block = screen.getByTestId('unit-cluster-7');
    expect(within(block).getByRole('link', { name: 'Khối doanh nghiệp ngành công thương' }).getAttribute('href')).toBe('/clusters/7');
    expect(block.textContent).toContain('Bộ Công Thương');
    expect(within(block).getByTestId('unit-cluster-roles').textContent).toBe('Khối phó năm 2026Khối trưởng năm 2025');
    expect(within(block).getByTestId('unit-cluster-flag').textContent).toBe('Từ 21/01/2026Đang giữ');
  });

  it('says why the section is empty and where membership is kept', async () => {
    mockApi({ ...pageMocks, 'GET /units/16/clusters': { body: contract(unitClustersSchema, { items: [] }) } });
    renderApp('/units/16');
    expect((await screen.findByTestId('unit-clusters-empty')).textContent).toContain('Đơn vị chưa thuộc cụm, khối thi đua nào');
  });

  it('speaks the chosen language', async () => {
    mockApi({ ...pageMocks, 'GET /units/16/clusters': { body: clusters } });
    renderApp('/units/16', 'en');
    const row18 = await screen.findByTestId('unit-cluster-2');
    await waitFor(() => expect(within(row18).getByTestId('unit-cluster-roles').textContent).toBe('Cluster head in 2024'));
    expect(within(screen.getByTestId('unit-clusters')).getByText('Emulation clusters and blocks')).toBeTruthy();
  });
});
