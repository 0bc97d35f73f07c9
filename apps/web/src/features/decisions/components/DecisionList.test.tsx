import { afterEach, describe, expect, it, vi } from 'vitest';
import { decisionList } from '@thidua/contracts/decisions.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, authoritiesPage, contract, mockApi, readOnlyAbilities, renderApp, signedIn } from '../../../test-utils.tsx';
import { committee, decisionItemFixture } from './fixtures.test-utils.ts';

afterEach(() => vi.unstubAllGlobals());

const viewer = { ...adminUser, id: 7, role: 'VIEWER' as const, authorityId: 3, abilities: readOnlyAbilities };
const list = contract(decisionList, {
  items: [
    decisionItemFixture(7),
    decisionItemFixture(41, { status: 'DRAFT', number: null, issueDate: null, verificationCode: null, version: 1 }),
  ],
  total: 57,
  page: 1,
  pageSize: 20,
});

describe('decision register', { timeout: 60_000 }, () => {
  it('lists the page with the true total, numbers, awards and status, each leading to its decision', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /decisions': { body: list },
      'GET /authorities': { body: authoritiesPage },
      'GET /units': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/decisions');
    const row = await screen.findByTestId('decision-row-7');
    expect(row.textContent).toContain('07/QĐ-UBND');
    expect(row.textContent).toContain('15/01/2026');
    expect(row.textContent).toContain('Bằng khen của bộ, ban, ngành, tỉnh');
    expect(row.textContent).toContain('Đã ban hành');
    const draft = screen.getByTestId('decision-row-41');
    expect(draft.textContent).toContain('Chưa có số');
    expect(draft.textContent).toContain('Dự thảo');
    expect(screen.getByText('Tổng số: 57')).toBeTruthy();
    expect(within(row).getByTestId('decision-link-7').getAttribute('href')).toBe('/decisions/7');
    expect(screen.getByTestId('decision-new')).toBeTruthy();
    expect(api.find('GET', '/decisions')[0]!.url.searchParams.get('pageSize')).toBe('20');
    expect(screen.getByTestId('nav-decisions').textContent).toBe('Quyết định khen thưởng');
  });

  it('filters by status and searches by words on the server', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /decisions': { body: list },
      'GET /authorities': { body: authoritiesPage },
      'GET /units': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/decisions');
    await screen.findByTestId('decision-row-7');
    fireEvent.mouseDown(within(screen.getByTestId('filter-status')).getByRole('combobox'));
    const option = await waitFor(() => {
      const found = [...document.querySelectorAll('.ant-select-item-option[title="Đã ban hành"]')].at(-1);
      expect(found).toBeTruthy();
      return found!;
    });
    fireEvent.click(option);
    await waitFor(() => expect(api.find('GET', '/decisions').some((c) => c.url.searchParams.get('status') === 'ISSUED')).toBe(true));
    const search = within(screen.getByTestId('list-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: 'Lam Sơn' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(
        api
          .find('GET', '/decisions')
          .some((c) => c.url.searchParams.get('q') === 'Lam Sơn' && c.url.searchParams.get('status') === 'ISSUED'),
      ).toBe(true),
    );
  });

  it('offers no new decision to a reader', async () => {
    mockApi({
      'GET /auth/me': signedIn(viewer),
      'GET /decisions': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
      'GET /authorities': { body: authoritiesPage },
      'GET /units': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/decisions');
    await screen.findByTestId('list-empty');
    expect(screen.queryByTestId('decision-new')).toBeNull();
  });
});
