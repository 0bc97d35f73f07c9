import { afterEach, describe, expect, it, vi } from 'vitest';
import { clusterDetail } from '@thidua/contracts/clusters.ts';
import { errorResponse } from '@thidua/contracts/shared.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, renderApp, signedIn, adminUser, readOnlyAbilities, allowAll, CLUSTER_ACTIONS, contract } from '../../../test-utils.tsx';
import { clusterYears, defaultYear } from './ClusterDetail.tsx';

afterEach(() => vi.unstubAllGlobals());

const member = (id: number, unitId: number, unitName: string, year: number, unitType = 'SOE_ONE_MEMBER_LLC') => ({
  id,
  unitId,
  unitName,
  unitType,
  year,
  from: year === 2024 ? '2024-03-27' : null,
  to: null,
});

function cluster18(version = 1, name = 'Cụm thi đua số 18 tỉnh Thanh Hóa', allowed = true) {
  return contract(clusterDetail, {
    abilities: allowAll(CLUSTER_ACTIONS, allowed),
    id: 2,
    code: 'TH-CUM18',
    kind: 'CLUSTER',
    name,
    authorityId: 3,
    authorityName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
    decisionNumber: '1197/QĐ-UBND',
    decisionDate: '2024-03-27',
    activeFrom: '2024-03-27',
    activeTo: null,
    memberCount: 3,
    headUnitName: 'Công ty TNHH MTV Lam Sơn',
    deputyUnitName: 'Công ty TNHH MTV Sông Chu',
    version,
    decision: {
      id: 2,
      number: '1197/QĐ-UBND',
      issuedOn: '2024-03-27',
      issuer: 'UBND tỉnh Thanh Hóa',
      signerName: 'Đỗ Minh Tuấn',
      signerTitle: 'CHỦ TỊCH',
      summary: 'Về việc thành lập Cụm thi đua số 18',
    },
    memberships: [
      member(1, 16, 'Công ty TNHH MTV Lam Sơn', 2024),
      member(2, 15, 'Công ty TNHH MTV Thủy lợi Bắc Sông Mã', 2024),
      member(3, 14, 'Công ty TNHH MTV Sông Chu', 2024),
      member(4, 12, 'Công ty Cổ phần Môi trường và Công trình đô thị Thanh Hóa', 2024, 'JOINT_STOCK_COMPANY'),
      member(5, 16, 'Công ty TNHH MTV Lam Sơn', 2025),
      member(6, 14, 'Công ty TNHH MTV Sông Chu', 2025),
      member(7, 13, 'Công ty Cổ phần Cấp nước Thanh Hóa', 2025, 'JOINT_STOCK_COMPANY'),
    ],
    leadership: [
      {
        year: 2024,
        headUnitId: 16,
        headUnitName: 'Công ty TNHH MTV Lam Sơn',
        deputyUnitId: 15,
        deputyUnitName: 'Công ty TNHH MTV Thủy lợi Bắc Sông Mã',
        version: 1,
      },
      {
        year: 2025,
        headUnitId: 14,
        headUnitName: 'Công ty TNHH MTV Sông Chu',
        deputyUnitId: 13,
        deputyUnitName: 'Công ty Cổ phần Cấp nước Thanh Hóa',
        version: 1,
      },
    ],
    flagCustody: [
      { id: 1, unitId: 16, unitName: 'Công ty TNHH MTV Lam Sơn', from: '2024-03-27', to: '2025-01-16', note: 'Nhận cờ khi thành lập cụm' },
      { id: 2, unitId: 14, unitName: 'Công ty TNHH MTV Sông Chu', from: '2025-01-17', to: null, note: null },
    ],
  });
}

const history = {
  items: [
    {
      id: 9,
      seq: 40,
      type: 'CLUSTER_UPDATED',
      actorName: 'Quản trị hệ thống',
      actorUsername: 'demo-admin',
      at: '2025-05-02T03:04:00Z',
      entityType: 'cluster',
      entityId: 2,
      data: { changes: { name: { from: 'Cụm 18', to: 'Cụm thi đua số 18 tỉnh Thanh Hóa' }, activeTo: { from: null, to: '2030-12-31' } } },
    },
    {
      id: 3,
      seq: 12,
      type: 'CLUSTER_CREATED',
      actorName: 'system',
      actorUsername: 'system',
      at: '2024-03-27T01:00:00Z',
      entityType: 'cluster',
      entityId: 2,
      data: { code: 'TH-CUM18', name: 'Cụm 18', decisionNumber: '1197/QĐ-UBND' },
    },
  ],
};

const rows = (testId: string) => within(screen.getByTestId(testId)).queryAllByTestId(/member-row|history-event/);

describe('cluster years', () => {
  it('offers every year with members or leaders, newest first, and opens this year or else the latest', () => {
    const c = cluster18();
    expect(clusterYears(c)).toEqual([2025, 2024]);
    expect(defaultYear([2025, 2024], 2024)).toBe(2024);
    expect(defaultYear([2025, 2024], 2026)).toBe(2025);
    expect(defaultYear([], 2026)).toBe(2026);
  });
});

// AntD screens render slowly in jsdom
describe('cluster detail', { timeout: 30_000 }, () => {
  it('shows the establishing decision, the members and leaders of a year, the flag custody and the history', async () => {
    mockApi({ 'GET /auth/me': signedIn(), 'GET /clusters/2': { body: cluster18() }, 'GET /audit': { body: history } });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-detail');

    expect(screen.getByTestId('decision-number').textContent).toBe('1197/QĐ-UBND');
    expect(screen.getByTestId('decision-date').textContent).toBe('27/03/2024');
    expect(screen.getByTestId('cluster-decision').textContent).toContain('CHỦ TỊCH Đỗ Minh Tuấn');

    // opens on the latest year (2025: three members), then the founding year
    expect(screen.getByTestId('head-of-year').textContent).toBe('Công ty TNHH MTV Sông Chu');
    expect(rows('cluster-members')).toHaveLength(3);
    fireEvent.mouseDown(within(screen.getByTestId('members-year')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('2024'));
    await waitFor(() => expect(screen.getByTestId('head-of-year').textContent).toBe('Công ty TNHH MTV Lam Sơn'));

    // 2024: four members in Vietnamese order, head and deputy marked
    const members = rows('cluster-members');
    expect(members.map((r) => r.textContent)).toEqual([
      expect.stringContaining('Công ty Cổ phần Môi trường'),
      expect.stringMatching(/Công ty TNHH MTV Lam Sơn.*Cụm trưởng/),
      expect.stringContaining('Công ty TNHH MTV Sông Chu'),
      expect.stringMatching(/Bắc Sông Mã.*Cụm phó/),
    ]);

    const flag = screen.getByTestId('flag-custody').textContent!;
    expect(flag).toContain('16/01/2025');
    expect(flag).toContain('Đang giữ');

    const events = await waitFor(() => {
      const found = within(screen.getByTestId('history-panel')).getAllByTestId('history-event');
      expect(found).toHaveLength(2);
      return found;
    });
    expect(events[0]!.textContent).toContain('Sửa thông tin cụm, khối');
    expect(events[0]!.textContent).toContain('02/05/2025 10:04');
    expect(events[0]!.textContent).toContain('Tên: Cụm 18 → Cụm thi đua số 18 tỉnh Thanh Hóa');
    expect(events[0]!.textContent).toContain('Hoạt động đến ngày: (trống) → 31/12/2030');
    expect(events[1]!.textContent).toContain('Người thực hiện: Hệ thống');
  });

  /** The answer to a save against version 4 after someone else saved version 5. */
  const staleAnswer = {
    status: 409,
    body: contract(errorResponse, {
      error: {
        code: 'STALE_WRITE',
        message: 'Bản ghi đã được người khác sửa (phiên bản 5, bạn đang sửa phiên bản 4). Hãy tải lại rồi sửa tiếp.',
        details: { expected: 4, actual: 5, changedBy: 'Lê Thị Hoa', changedAt: '2025-05-02T03:04:00Z' },
      },
    }),
  };
  const theirs = () => contract(clusterDetail, { ...cluster18(5, 'Cụm thi đua số 18 – tên mới'), activeTo: '2030-12-31' });

  it('on a stale write keeps the typed value, shows both values and who saved, and re-applies it on the new version', async () => {
    let current = cluster18(4);
    let patches = 0;
    const api = mockApi({
      'GET /auth/me': signedIn(),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'PATCH /clusters/2': (call) => {
        patches += 1;
        if (patches === 1) {
          current = theirs(); // someone else saved in between
          return staleAnswer;
        }
        current = { ...current, ...(call.body as object), version: current.version + 1 };
        return { body: current };
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-form');
    fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'Cụm thi đua số 18 (sửa)' } });
    fireEvent.click(screen.getByTestId('save'));

    const stale = await screen.findByTestId('stale-write');
    expect(api.find('PATCH', '/clusters/2')[0]!.body).toEqual({ version: 4, name: 'Cụm thi đua số 18 (sửa)', activeTo: null });
    // the notice takes the focus and is announced
    expect(document.activeElement).toBe(stale);
    expect(within(stale).getByRole('alert')).toBeTruthy();
    // the officer's typed value is still in the form
    expect((screen.getByTestId('field-name') as HTMLInputElement).value).toBe('Cụm thi đua số 18 (sửa)');
    expect(within(stale).getByTestId('stale-write-by').textContent).toMatch(/Lê Thị Hoa.*02\/05\/2025/);

    // both values of each field that differs, under the field's label on the screen
    const table = await within(stale).findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Mục', 'Giá trị của bạn', 'Giá trị đã lưu hiện tại']);
    const name = within(table).getByTestId('stale-row-name');
    expect(within(name).getByRole('rowheader').textContent).toBe('Tên');
    expect(within(name).getByTestId('stale-mine').textContent).toBe('Cụm thi đua số 18 (sửa)');
    expect(within(name).getByTestId('stale-saved').textContent).toBe('Cụm thi đua số 18 – tên mới');
    const activeTo = within(table).getByTestId('stale-row-activeTo');
    expect(within(activeTo).getByTestId('stale-mine').textContent).toContain('—');
    expect(within(activeTo).getByTestId('stale-mine').textContent).toContain('Bạn không sửa mục này');
    expect(within(activeTo).getByTestId('stale-saved').textContent).toBe('31/12/2030');
    // the form still holds the typed value, not the reloaded one
    expect((screen.getByTestId('field-name') as HTMLInputElement).value).toBe('Cụm thi đua số 18 (sửa)');

    // re-apply: the officer's change on the new version; the field they did not touch takes the saved value
    fireEvent.click(within(stale).getByTestId('reapply-mine'));
    await waitFor(() => expect(screen.queryByTestId('stale-write')).toBeNull());
    expect((screen.getByTestId('field-name') as HTMLInputElement).value).toBe('Cụm thi đua số 18 (sửa)');
    expect((screen.getByTestId('field-activeTo') as HTMLInputElement).value).toBe('31/12/2030');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('save')));
    fireEvent.click(screen.getByTestId('save'));
    await waitFor(() => expect(api.find('PATCH', '/clusters/2')).toHaveLength(2));
    expect(api.find('PATCH', '/clusters/2')[1]!.body).toEqual({ version: 5, name: 'Cụm thi đua số 18 (sửa)', activeTo: '2030-12-31' });
    await waitFor(() => expect((screen.getByTestId('save') as HTMLButtonElement).disabled).toBe(true));
    expect(screen.queryByTestId('stale-write')).toBeNull();
  });

  it('on a stale write the officer may take the saved values instead of theirs', async () => {
    let current = cluster18(4);
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'PATCH /clusters/2': () => {
        current = theirs();
        return staleAnswer;
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-form');
    fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'Cụm thi đua số 18 (sửa)' } });
    fireEvent.click(screen.getByTestId('save'));
    const stale = await screen.findByTestId('stale-write');
    await within(stale).findByRole('table');
    fireEvent.click(within(stale).getByTestId('use-saved'));
    await waitFor(() => expect(screen.queryByTestId('stale-write')).toBeNull());
    expect((screen.getByTestId('field-name') as HTMLInputElement).value).toBe('Cụm thi đua số 18 – tên mới');
    expect((screen.getByTestId('save') as HTMLButtonElement).disabled).toBe(true);
  });

  it('puts the server’s field errors on the fields', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /clusters/2': { body: cluster18() },
      'GET /audit': { body: { items: [] } },
      'PATCH /clusters/2': {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu chưa hợp lệ',
            fields: [{ path: 'activeTo', message: 'Ngày kết thúc phải sau ngày thành lập' }],
          },
        },
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-form');
    // nothing changed yet: nothing to save
    expect((screen.getByTestId('save') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('field-name'), { target: { value: 'Cụm thi đua số 18' } });
    fireEvent.click(screen.getByTestId('save'));
    expect(await screen.findByText('Ngày kết thúc phải sau ngày thành lập')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('Dữ liệu chưa hợp lệ');
  });

  it('shows a user who cannot edit the facts as facts: no form, no greyed inputs, no "Edit" card', async () => {
    mockApi({
      'GET /auth/me': signedIn({ ...adminUser, role: 'VIEWER', abilities: readOnlyAbilities }),
      'GET /clusters/2': { body: cluster18(1, undefined, false) },
      'GET /audit': { body: { items: [] } },
    });
    renderApp('/clusters/2');
    const facts = await screen.findByTestId('cluster-form-facts');
    expect(facts.textContent).toContain('Thông tin chi tiết');
    expect(facts.textContent).toContain('Cụm thi đua số 18');
    expect(screen.queryByTestId('cluster-form')).toBeNull();
    expect(screen.queryByTestId('field-name')).toBeNull();
    expect(screen.queryByTestId('save')).toBeNull();
    expect(screen.queryByText('Chỉnh sửa')).toBeNull();
  });
});
