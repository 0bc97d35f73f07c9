import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authoritiesPage, mockApi, renderApp, signedIn, unitFixture } from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const unit = (id: number, name: string) => unitFixture(id, name);

describe('unit list', { timeout: 30_000 }, () => {
  it('searches, filters and pages on the server, keeping the state in the address', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(),
      'GET /authorities': { body: { items: [], total: 0, page: 1, pageSize: 100 } },
      'GET /units': ({ url }) => {
        const page = Number(url.searchParams.get('page') ?? 1);
        return { body: { items: [unit(page * 100, `Công ty số ${page}`)], total: 45, page, pageSize: 20 } };
      },
    });
    const { router } = renderApp('/units');
    await screen.findByText('Công ty số 1');
    expect(screen.getByText('Tổng số: 45')).toBeTruthy();
    expect(screen.getByText('Công ty TNHH một thành viên')).toBeTruthy();

    const search = within(screen.getByTestId('list-search')).getByRole('searchbox');
    fireEvent.change(search, { target: { value: ' Lam Sơn ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(router.state.location.search).toBe('?q=Lam+S%C6%A1n'));

    fireEvent.click(screen.getByTitle('2'));
    await screen.findByText('Công ty số 2');
    expect(router.state.location.search).toBe('?q=Lam+S%C6%A1n&page=2');
    const last = api.find('GET', '/units').at(-1)!.url.searchParams;
    expect(Object.fromEntries(last)).toEqual({ q: 'Lam Sơn', page: '2', pageSize: '20' });
  });

  it('an empty list says why and what to do next', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /authorities': { body: authoritiesPage },
      'GET /units': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/units?q=kh%C3%B4ng+c%C3%B3');
    expect((await screen.findByTestId('list-empty')).textContent).toContain(
      'Không có kết quả nào khớp. Hãy thử từ khóa khác, hoặc bỏ bớt bộ lọc.',
    );
    cleanup();
    renderApp('/units');
    expect((await screen.findByTestId('list-empty')).textContent).toContain(
      'Chưa có bản ghi nào. Dùng nút thêm mới ở đầu trang để bắt đầu.',
    );
  });

  it('opens on the filters given in the address', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(),
      'GET /authorities': { body: authoritiesPage },
      'GET /units': { body: { items: [], total: 0, page: 1, pageSize: 50 } },
    });
    renderApp('/units?unitType=JOINT_STOCK_COMPANY&authorityId=3&pageSize=50');
    await screen.findByTestId('unit-list');
    await waitFor(() => expect(api.find('GET', '/units').length).toBeGreaterThan(0));
    expect(Object.fromEntries(api.find('GET', '/units')[0]!.url.searchParams)).toEqual({
      page: '1',
      pageSize: '50',
      authorityId: '3',
      unitType: 'JOINT_STOCK_COMPANY',
    });
    expect(screen.getByTestId('filter-unitType').textContent).toContain('Công ty cổ phần');
    await waitFor(() => expect(screen.getByTestId('filter-authority').textContent).toContain('Ủy ban nhân dân tỉnh Thanh Hóa'));
  });
});
