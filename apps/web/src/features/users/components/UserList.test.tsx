import type { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userSchema } from '@thidua/contracts/users.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  adminUser,
  mockApi,
  renderApp,
  signedIn,
  allowAll,
  USER_ACTIONS,
  readOnlyAbilities,
  authoritiesPage,
  pageOf,
  cluster18Item,
  lamSonUnit,
  contract,
} from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const committee = {
  ...adminUser,
  id: 2,
  username: 'demo-committee',
  displayName: 'Ban TĐKT tỉnh Thanh Hóa',
  role: 'COMMITTEE_OFFICER' as const,
  authorityId: 3,
  abilities: { ...adminUser.abilities, downloadBackup: false },
};
const unitOfficer = {
  ...adminUser,
  id: 4,
  username: 'demo-unit',
  role: 'UNIT_OFFICER' as const,
  authorityId: 3,
  unitId: 16,
  abilities: { ...readOnlyAbilities, createPerson: true },
};

const account = (id: number, username: string, over: Partial<z.input<typeof userSchema>> = {}) =>
  contract(userSchema, {
    id,
    username,
    displayName: `Cán bộ ${id}`,
    role: 'VIEWER',
    authorityId: 3,
    clusterId: null,
    unitId: null,
    year: null,
    disabled: false,
    activeSessions: 0,
    abilities: allowAll(USER_ACTIONS),
    ...over,
  });

const accounts = {
  items: [
    account(2, 'demo-committee', {
      role: 'COMMITTEE_OFFICER',
      activeSessions: 1,
      // the server refuses to let one disable one's own account
      abilities: { ...allowAll(USER_ACTIONS), disable: false },
    }),
    account(5, 'demo-cluster', { role: 'CLUSTER_OFFICER', clusterId: 2, year: 2025 }),
    account(6, 'demo-unit', { role: 'UNIT_OFFICER', unitId: 16, activeSessions: 2 }),
  ],
  total: 3,
  page: 1,
  pageSize: 20,
};
const authorities = authoritiesPage;
const clusters = pageOf([cluster18Item]);
const lamSon = lamSonUnit;

function typeInto(testId: string, value: string) {
  const el = screen.getByTestId(testId);
  const input = el.tagName === 'INPUT' ? el : el.querySelector('input')!;
  fireEvent.change(input, { target: { value } });
}

async function pick(testId: string, option: string) {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('combobox'));
  fireEvent.click(await screen.findByTitle(option));
}

const base = () => ({
  'GET /auth/me': signedIn(committee),
  'GET /users': { body: accounts },
  'GET /authorities': { body: authorities },
  'GET /clusters': { body: clusters },
  'GET /units/16': { body: lamSon },
  'GET /units': { body: { items: [lamSon], total: 1, page: 1, pageSize: 20 } },
});

describe('accounts', { timeout: 30_000 }, () => {
  it('lists accounts with role, data scope, status and sessions', async () => {
    const api = mockApi(base());
    renderApp('/users?q=demo');
    const row = await screen.findByTestId('user-row-demo-cluster');
    expect(api.find('GET', '/users')[0]!.url.searchParams.get('q')).toBe('demo');
    expect(row.textContent).toContain('Cán bộ cụm, khối thi đua');
    await waitFor(() => expect(row.textContent).toContain('Cụm thi đua số 18 (năm 2025)'));
    expect(row.textContent).toContain('Ủy ban nhân dân tỉnh Thanh Hóa');
    expect(row.textContent).toContain('Đang hoạt động');
    await waitFor(() => expect(screen.getByTestId('user-row-demo-unit').textContent).toContain('Công ty TNHH MTV Lam Sơn'));
    expect(screen.getByText('Tổng số: 3')).toBeTruthy();
    // the menu offers accounts to a committee officer
    expect(screen.getByTestId('nav-users').textContent).toBe('Tài khoản');
    // one's own account cannot be disabled from here
    expect((within(screen.getByTestId('user-row-demo-committee')).getByTestId('user-toggle') as HTMLButtonElement).disabled).toBe(true);
  });

  it('creates a unit officer with the unit the role needs, in the officer’s own authority', async () => {
    const api = mockApi({
      ...base(),
      'POST /users': ({ body }) => ({
        status: 201,
        body: { ...account(9, 'can-bo-lam-son'), ...(body as object), activeSessions: 0, disabled: false },
      }),
    });
    renderApp('/users');
    await screen.findByTestId('user-row-demo-unit');
    fireEvent.click(screen.getByTestId('user-new'));
    await screen.findByTestId('user-create-form');

    // a committee officer may not create administrators
    fireEvent.mouseDown(within(screen.getByTestId('field-role')).getByRole('combobox'));
    const option = (title: string) => document.querySelector(`.ant-select-item-option[title="${title}"]`);
    await waitFor(() => expect(option('Cán bộ đơn vị')).toBeTruthy());
    expect(option('Quản trị hệ thống')).toBeNull();
    fireEvent.click(option('Cán bộ đơn vị')!);

    typeInto('field-username', 'can-bo-lam-son');
    typeInto('field-displayName', 'Cán bộ Lam Sơn');
    typeInto('field-password', 'mat-khau-du-dai');
    typeInto('field-confirm', 'mat-khau-du-dai');
    // the authority is the officer's own and fixed
    await waitFor(() => expect(screen.getByTestId('field-authorityId').textContent).toContain('Ủy ban nhân dân tỉnh Thanh Hóa'));
    expect(screen.queryByTestId('field-clusterId')).toBeNull();
    await pick('field-unitId', 'Công ty TNHH MTV Lam Sơn');
    fireEvent.click(screen.getByTestId('user-submit'));

    await waitFor(() => expect(api.find('POST', '/users')).toHaveLength(1));
    expect(api.find('POST', '/users')[0]!.body).toEqual({
      username: 'can-bo-lam-son',
      displayName: 'Cán bộ Lam Sơn',
      password: 'mat-khau-du-dai',
      role: 'UNIT_OFFICER',
      authorityId: 3,
      unitId: 16,
    });
    await waitFor(() => expect(screen.queryByTestId('user-create-form')).toBeNull());
    // the list reloads
    await waitFor(() => expect(api.find('GET', '/users').length).toBeGreaterThan(1));
  });

  it('checks the password length before sending, and puts the server’s field error on its field', async () => {
    const api = mockApi({
      ...base(),
      'POST /users': {
        status: 400,
        body: {
          error: {
            code: 'CONFLICT',
            message: 'Dữ liệu chưa hợp lệ',
            fields: [{ path: 'username', message: 'Tên đăng nhập demo-unit đã có' }],
          },
        },
      },
    });
    renderApp('/users');
    await screen.findByTestId('user-row-demo-unit');
    fireEvent.click(screen.getByTestId('user-new'));
    await screen.findByTestId('user-create-form');
    typeInto('field-username', 'demo-unit');
    typeInto('field-displayName', 'Trùng tên');
    typeInto('field-password', 'ngan');
    typeInto('field-confirm', 'ngan');
    fireEvent.click(screen.getByTestId('user-submit'));
    expect(await screen.findByText('Mật khẩu phải có ít nhất 10 ký tự.')).toBeTruthy();
    expect(api.find('POST', '/users')).toHaveLength(0);

    typeInto('field-password', 'mat-khau-du-dai');
    typeInto('field-confirm', 'mat-khau-du-dai');
    fireEvent.click(screen.getByTestId('user-submit'));
    expect(await screen.findByText('Tên đăng nhập demo-unit đã có')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('Dữ liệu chưa hợp lệ');
    expect(api.find('POST', '/users')[0]!.body).toMatchObject({ role: 'VIEWER', authorityId: 3 });
  });

  it('renames, resets the password, disables and ends sessions after a confirmation', async () => {
    const api = mockApi({
      ...base(),
      'PATCH /users/6': ({ body }) => ({ body: { ...accounts.items[2], ...(body as object) } }),
      'POST /users/6/revoke-sessions': { status: 204 },
      'POST /users/6/password-reset': { status: 201, body: { code: 'K7QM-3XHP-RW2D', expiresAt: '2026-12-07T04:00:00.000Z' } },
    });
    renderApp('/users');
    const row = await screen.findByTestId('user-row-demo-unit');

    fireEvent.click(within(row).getByTestId('user-rename'));
    await screen.findByTestId('user-rename-form');
    typeInto('field-displayName', 'Cán bộ Lam Sơn (mới)');
    fireEvent.click(screen.getByTestId('rename-submit'));
    await waitFor(() => expect(api.find('PATCH', '/users/6')).toHaveLength(1));
    expect(api.find('PATCH', '/users/6')[0]!.body).toEqual({ displayName: 'Cán bộ Lam Sơn (mới)' });
    await waitFor(() => expect(screen.queryByTestId('user-rename-form')).toBeNull());

    // a reset never asks the officer for a password: it shows the one-time code for the owner, once
    fireEvent.click(within(row).getByTestId('user-password'));
    await screen.findByTestId('user-password-form');
    expect(screen.queryByTestId('field-password')).toBeNull();
    expect(api.find('POST', '/users/6/password-reset')).toHaveLength(0);
    fireEvent.click(screen.getByTestId('password-submit'));
    expect((await screen.findByTestId('reset-code')).textContent).toContain('K7QM-3XHP-RW2D');
    expect(api.find('POST', '/users/6/password-reset')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('password-done'));
    await waitFor(() => expect(screen.queryByTestId('reset-code')).toBeNull());

    fireEvent.click(within(row).getByTestId('user-toggle'));
    fireEvent.click(await screen.findByTestId('confirm-toggle'));
    await waitFor(() => expect(api.find('PATCH', '/users/6')).toHaveLength(2));
    expect(api.find('PATCH', '/users/6')[1]!.body).toEqual({ disabled: true });

    fireEvent.click(within(row).getByTestId('user-revoke'));
    expect(api.find('POST', '/users/6/revoke-sessions')).toHaveLength(0);
    fireEvent.click(await screen.findByTestId('confirm-revoke'));
    await waitFor(() => expect(api.find('POST', '/users/6/revoke-sessions')).toHaveLength(1));
  });

  it('offers the administrator, and only the administrator, a backup download', async () => {
    mockApi({ ...base(), 'GET /auth/me': signedIn(adminUser) });
    renderApp('/users');
    const link = await screen.findByTestId('backup-download');
    expect(link.getAttribute('href')).toBe('/api/v1/admin/backup');
    expect(link.textContent).toBe('Tải bản sao lưu');
  });

  it('shows no backup download to a committee officer', async () => {
    mockApi(base());
    renderApp('/users');
    await screen.findByTestId('user-row-demo-cluster');
    expect(screen.queryByTestId('backup-download')).toBeNull();
  });

  it('is not offered to a unit officer, and the address alone shows no accounts', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      'GET /clusters': { body: clusters },
      'GET /authorities': { body: authorities },
    });
    renderApp('/users');
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
    expect(screen.queryByTestId('nav-users')).toBeNull();
    expect(screen.getByTestId('nav-clusters')).toBeTruthy();
    expect(api.find('GET', '/users')).toHaveLength(0);
  });
});
