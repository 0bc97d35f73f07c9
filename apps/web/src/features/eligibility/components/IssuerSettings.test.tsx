import { afterEach, describe, expect, it, vi } from 'vitest';
import { settingsResponse } from '@thidua/contracts/eligibility.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DEFAULT_ISSUER_SETTINGS } from '@thidua/domain/rulebook/settings.ts';
import { adminUser, mockApi, readOnlyAbilities, renderApp, signedIn, authoritiesPage, contract } from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const committee = { ...adminUser, id: 2, role: 'COMMITTEE_OFFICER' as const, authorityId: 3 };
const clusterOfficer = {
  ...adminUser,
  id: 5,
  role: 'CLUSTER_OFFICER' as const,
  authorityId: 3,
  clusterId: 2,
  abilities: readOnlyAbilities,
};
const authorities = authoritiesPage;
const year = new Date().getFullYear();

function settings(overrides: Record<string, unknown>, fromYear: number | null = 2025) {
  return contract(settingsResponse, {
    authorityId: 3,
    year,
    fromYear,
    overrides,
    effective: { ...DEFAULT_ISSUER_SETTINGS, ...overrides },
    abilities: { set: true },
  });
}

const base = {
  'GET /authorities': { body: authorities },
  'GET /clusters': { body: { items: [], total: 0, page: 1, pageSize: 100 } },
  'GET /eligibility/quotas/3': { body: { items: [], abilities: { set: true } } },
};

const row = (key: string) => screen.getByTestId(`setting-${key}`);

describe('issuer settings', { timeout: 30_000 }, () => {
  it('explains each point the law leaves open, shows its value and which the issuer changed, and saves a change', async () => {
    let current = settings({ provincialFighterCycleYears: 4, evidenceWindowYears: { CHIEN_SI_THI_DUA_CO_SO: 2 } });
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      ...base,
      'GET /eligibility/settings/3': () => ({ body: current }),
      'PUT /eligibility/settings/3': ({ body }) => {
        const b = body as { year: number; overrides: Record<string, unknown> };
        current = { ...settings(b.overrides, b.year), year: b.year };
        return { body: current };
      },
    });
    renderApp('/eligibility');
    const card = await screen.findByTestId('issuer-settings');
    await within(card).findByTestId('settings-table');
    expect(api.find('GET', '/eligibility/settings/3')[0]!.url.searchParams.get('year')).toBe(String(year));
    expect(screen.getByTestId('settings-in-force').textContent).toBe(`Năm ${year}: áp dụng thiết lập từ năm 2025.`);

    expect(row('provincialFighterCycleYears').getAttribute('data-overridden')).toBe('true');
    expect(row('provincialFighterCycleYears').textContent).toContain('CSTĐ toàn quốc (Điều 21)');
    expect(row('provincialFighterCycleYears').textContent).toContain('Khoảng cách tối đa');
    expect(within(row('provincialFighterCycleYears')).getByTestId('setting-value').textContent).toBe('4 năm');
    expect(within(row('evidenceWindowYears')).getByTestId('setting-value').textContent).toBe('Chiến sĩ thi đua cơ sở: 2 năm');
    expect(row('disciplineRestartsChains').getAttribute('data-overridden')).toBe('false');
    expect(within(row('disciplineRestartsChains')).getByTestId('setting-value').textContent).toBe('Có');
    expect(within(row('collectivePmCertificate')).getByTestId('setting-value').textContent).toBe(
      '5 năm HTXS, có 1 cờ thi đua hoặc 2 lần TTLĐXS',
    );
    expect(within(card).getAllByTestId('setting-overridden')).toHaveLength(2);

    // switch off discipline restarting chains; keep the cycle override, drop the evidence one
    fireEvent.click(screen.getByTestId('settings-edit'));
    await screen.findByTestId('settings-form');
    // switches are named and say what they are, not unlabelled grey bars
    expect(
      screen.getByRole('switch', { name: 'Dùng giá trị riêng cho: Kỷ luật làm tính lại thành tích (Nghị định 98, Điều 4 khoản 4)' }),
    ).toBeTruthy();
    expect(screen.getByTestId('override-evidenceWindowYears').textContent).toMatch(/Riêng|Mặc định/);
    fireEvent.click(screen.getByTestId('override-disciplineRestartsChains'));
    // the value can be changed once the issuer takes the point over
    await waitFor(() => expect((screen.getByTestId('field-disciplineRestartsChains') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('field-disciplineRestartsChains'));
    fireEvent.click(screen.getByTestId('override-evidenceWindowYears'));
    fireEvent.click(screen.getByTestId('settings-submit'));

    await waitFor(() => expect(api.find('PUT', '/eligibility/settings/3')).toHaveLength(1));
    expect(api.find('PUT', '/eligibility/settings/3')[0]!.body).toEqual({
      year,
      overrides: { provincialFighterCycleYears: 4, disciplineRestartsChains: false },
    });
    await waitFor(() => expect(within(row('disciplineRestartsChains')).getByTestId('setting-value').textContent).toBe('Không'));
    expect(row('disciplineRestartsChains').getAttribute('data-overridden')).toBe('true');
    expect(row('evidenceWindowYears').getAttribute('data-overridden')).toBe('false');
  });

  it('puts the server’s field error on the setting', async () => {
    mockApi({
      'GET /auth/me': signedIn(committee),
      ...base,
      'GET /eligibility/settings/3': { body: settings({}, null) },
      'PUT /eligibility/settings/3': {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu chưa hợp lệ',
            fields: [{ path: 'overrides.provincialFighterCycleYears', message: 'Tối đa 10' }],
          },
        },
      },
    });
    renderApp('/eligibility');
    await screen.findByTestId('settings-table');
    expect(screen.getByTestId('settings-in-force').textContent).toBe(`Năm ${year}: áp dụng toàn bộ giá trị mặc định.`);
    fireEvent.click(screen.getByTestId('settings-edit'));
    await screen.findByTestId('settings-form');
    fireEvent.click(screen.getByTestId('override-provincialFighterCycleYears'));
    fireEvent.click(screen.getByTestId('settings-submit'));
    expect((await within(screen.getByTestId('setting-edit-provincialFighterCycleYears')).findByTestId('setting-error')).textContent).toBe(
      'Tối đa 10',
    );
    expect(within(screen.getByTestId('settings-form')).getByTestId('save-error').textContent).toContain('Dữ liệu chưa hợp lệ');
  });

  it('is not shown to a cluster officer', async () => {
    const api = mockApi({ 'GET /auth/me': signedIn(clusterOfficer), ...base });
    renderApp('/eligibility');
    await screen.findByTestId('batch-page');
    expect(screen.queryByTestId('issuer-settings')).toBeNull();
    expect(api.find('GET', '/eligibility/settings/3')).toHaveLength(0);
  });
});
