import type { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clusterDetail } from '@thidua/contracts/clusters.ts';
import { errorResponse } from '@thidua/contracts/shared.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  adminUser,
  mockApi,
  readOnlyAbilities,
  renderApp,
  signedIn,
  allowAll,
  CLUSTER_ACTIONS,
  authoritiesPage,
  pageOf,
  unitFixture,
  contract,
} from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const committee = { ...adminUser, id: 2, role: 'COMMITTEE_OFFICER' as const, authorityId: 3 };
const viewer = { ...adminUser, id: 7, role: 'VIEWER' as const, authorityId: 3, abilities: readOnlyAbilities };
const authorities = authoritiesPage;
const empty = { items: [], total: 0, page: 1, pageSize: 20 };

const member = (id: number, unitId: number, unitName: string, year: number) => ({
  id,
  unitId,
  unitName,
  unitType: 'SOE_ONE_MEMBER_LLC',
  year,
  from: null,
  to: null,
});

function cluster18(over: Partial<z.input<typeof clusterDetail>> = {}) {
  return contract(clusterDetail, {
    id: 2,
    code: 'TH-CUM18',
    kind: 'CLUSTER',
    name: 'Cụm thi đua số 18',
    authorityId: 3,
    authorityName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
    decisionNumber: '1197/QĐ-UBND',
    decisionDate: '2024-03-27',
    activeFrom: '2024-03-27',
    activeTo: null,
    memberCount: 3,
    headUnitName: 'Công ty TNHH MTV Sông Chu',
    deputyUnitName: null,
    version: 1,
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
      member(5, 16, 'Công ty TNHH MTV Lam Sơn', 2025),
      member(6, 14, 'Công ty TNHH MTV Sông Chu', 2025),
      member(7, 13, 'Công ty Cổ phần Cấp nước Thanh Hóa', 2025),
    ],
    leadership: [
      { year: 2025, headUnitId: 14, headUnitName: 'Công ty TNHH MTV Sông Chu', deputyUnitId: null, deputyUnitName: null, version: 3 },
    ],
    flagCustody: [{ id: 2, unitId: 14, unitName: 'Công ty TNHH MTV Sông Chu', from: '2025-01-17', to: null, note: null }],
    abilities: allowAll(CLUSTER_ACTIONS),
    ...over,
  });
}

function typeInto(testId: string, value: string) {
  const el = screen.getByTestId(testId);
  const input = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input, textarea')!;
  fireEvent.change(input, { target: { value } });
}

function inputOf(testId: string): HTMLInputElement {
  const el = screen.getByTestId(testId);
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')!) as HTMLInputElement;
}

function typeDate(testId: string, value: string) {
  const input = inputOf(testId);
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

async function pick(testId: string, option: string) {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('combobox'));
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll(`.ant-select-item-option[title="${option}"]`)].at(-1);
    expect(found).toBeTruthy();
    return found!;
  });
  fireEvent.click(item);
}

describe('new cluster', { timeout: 30_000 }, () => {
  it('registers a cluster with its decision and opens it', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters': { body: empty },
      'GET /authorities': { body: authorities },
      'POST /clusters': { status: 201, body: cluster18({ id: 21 }) },
      'GET /clusters/21': { body: cluster18({ id: 21 }) },
      'GET /audit': { body: { items: [] } },
    });
    const { router } = renderApp('/clusters');
    fireEvent.click(await screen.findByTestId('cluster-new'));
    await screen.findByTestId('cluster-create-form');
    await waitFor(() => expect(screen.getByTestId('field-authorityId').textContent).toContain('Ủy ban nhân dân tỉnh Thanh Hóa'));
    typeInto('field-code', 'TH-CUM21');
    typeInto('field-name', 'Cụm thi đua số 21');
    typeInto('field-decision-number', '1250/QĐ-UBND');
    typeDate('field-decision-issuedOn', '02/04/2025');
    typeInto('field-decision-issuer', 'UBND tỉnh Thanh Hóa');
    typeInto('field-decision-signerTitle', 'CHỦ TỊCH');
    typeInto('field-decision-signerName', 'Đỗ Minh Tuấn');
    typeInto('field-decision-summary', 'Về việc thành lập Cụm thi đua số 21');
    // the cluster starts on the day of its decision unless told otherwise
    await waitFor(() => expect(inputOf('field-activeFrom').value).toBe('02/04/2025'));
    fireEvent.click(screen.getByTestId('cluster-submit'));

    await waitFor(() => expect(api.find('POST', '/clusters')).toHaveLength(1));
    expect(api.find('POST', '/clusters')[0]!.body).toEqual({
      authorityId: 3,
      code: 'TH-CUM21',
      kind: 'CLUSTER',
      name: 'Cụm thi đua số 21',
      activeFrom: '2025-04-02',
      activeTo: null,
      decision: {
        number: '1250/QĐ-UBND',
        issuedOn: '2025-04-02',
        issuer: 'UBND tỉnh Thanh Hóa',
        signerName: 'Đỗ Minh Tuấn',
        signerTitle: 'CHỦ TỊCH',
        summary: 'Về việc thành lập Cụm thi đua số 21',
      },
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/clusters/21'));
  });

  it('shows a duplicate decision number on the decision field', async () => {
    mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters': { body: empty },
      'GET /authorities': { body: authorities },
      'POST /clusters': {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu chưa hợp lệ',
            fields: [{ path: 'decision.number', message: 'Số quyết định 1197/QĐ-UBND đã được dùng trong năm 2024' }],
          },
        },
      },
    });
    renderApp('/clusters');
    fireEvent.click(await screen.findByTestId('cluster-new'));
    await screen.findByTestId('cluster-create-form');
    await waitFor(() => expect(screen.getByTestId('field-authorityId').textContent).toContain('Ủy ban nhân dân tỉnh Thanh Hóa'));
    typeInto('field-code', 'TH-CUM22');
    typeInto('field-name', 'Cụm thi đua số 22');
    typeInto('field-decision-number', '1197/QĐ-UBND');
    typeDate('field-decision-issuedOn', '27/03/2024');
    typeInto('field-decision-issuer', 'UBND tỉnh Thanh Hóa');
    typeInto('field-decision-signerTitle', 'CHỦ TỊCH');
    typeInto('field-decision-signerName', 'Đỗ Minh Tuấn');
    typeInto('field-decision-summary', 'Thành lập');
    fireEvent.click(screen.getByTestId('cluster-submit'));
    expect(await screen.findByText('Số quyết định 1197/QĐ-UBND đã được dùng trong năm 2024')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('Dữ liệu chưa hợp lệ');
  });

  it('is not offered to a viewer', async () => {
    mockApi({ 'GET /auth/me': signedIn(viewer), 'GET /clusters': { body: empty }, 'GET /authorities': { body: authorities } });
    renderApp('/clusters');
    await screen.findByTestId('cluster-list');
    expect(screen.queryByTestId('cluster-new')).toBeNull();
  });
});

describe('members, leaders and the flag', { timeout: 30_000 }, () => {
  const rows = () => within(screen.getByTestId('cluster-members')).queryAllByTestId('member-row');

  it('adds a member for the year; a year outside the cluster’s lifetime is refused on its field', async () => {
    let current = cluster18();
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'GET /units': { body: pageOf([unitFixture(15, 'Công ty TNHH MTV Thủy lợi Bắc Sông Mã')], 20) },
      'POST /clusters/2/memberships': ({ body }) => {
        if ((body as { year: number }).year < 2024) {
          return {
            status: 400,
            body: {
              error: {
                code: 'MEMBERSHIP_OUTSIDE_CLUSTER_LIFETIME',
                message: 'Thời gian là thành viên nằm ngoài thời gian hoạt động của cụm',
                fields: [{ path: 'year', message: 'Ngoài thời gian hoạt động của cụm' }],
              },
            },
          };
        }
        current = cluster18({ memberships: [...current.memberships, member(8, 15, 'Công ty TNHH MTV Thủy lợi Bắc Sông Mã', 2025)] });
        return { status: 201, body: current };
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-members');
    expect(rows()).toHaveLength(3);
    fireEvent.click(screen.getByTestId('member-add'));
    await screen.findByTestId('member-form');
    await pick('field-unitId', 'Công ty TNHH MTV Thủy lợi Bắc Sông Mã');
    // the year shown is the default; a year before the cluster was founded is refused
    expect(inputOf('field-year').value).toBe('2025');
    fireEvent.change(inputOf('field-year'), { target: { value: '2020' } });
    fireEvent.click(screen.getByTestId('member-submit'));
    expect(await screen.findByText('Ngoài thời gian hoạt động của cụm')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('nằm ngoài thời gian hoạt động');

    fireEvent.change(inputOf('field-year'), { target: { value: '2025' } });
    fireEvent.click(screen.getByTestId('member-submit'));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(api.find('POST', '/clusters/2/memberships').at(-1)!.body).toEqual({ unitId: 15, year: 2025, from: null, to: null });
  });

  it('removes a member after a confirmation, and shows why the head of the year cannot be removed', async () => {
    let current = cluster18();
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'DELETE /clusters/2/memberships/6': {
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'Đơn vị đang là cụm trưởng, cụm phó năm 2025' } },
      },
      'DELETE /clusters/2/memberships/5': () => {
        current = cluster18({ memberships: current.memberships.filter((m) => m.id !== 5) });
        return { body: current };
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-members');
    const byName = (name: string) => rows().find((r) => r.textContent!.includes(name))!;

    fireEvent.click(within(byName('Sông Chu')).getByTestId('member-remove'));
    fireEvent.click(await screen.findByTestId('confirm-remove-member'));
    expect(await screen.findByText('Đơn vị đang là cụm trưởng, cụm phó năm 2025')).toBeTruthy();
    expect(rows()).toHaveLength(3);

    fireEvent.click(within(byName('Lam Sơn')).getByTestId('member-remove'));
    const confirms = await screen.findAllByTestId('confirm-remove-member');
    fireEvent.click(confirms.at(-1)!);
    await waitFor(() => expect(rows()).toHaveLength(2));
    expect(api.find('DELETE', '/clusters/2/memberships/5')).toHaveLength(1);
  });

  it('sets the head and deputy of the year among its members', async () => {
    let current = cluster18();
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'PUT /clusters/2/leadership/2025': () => {
        current = cluster18({
          leadership: [
            {
              year: 2025,
              headUnitId: 14,
              headUnitName: 'Công ty TNHH MTV Sông Chu',
              deputyUnitId: 16,
              deputyUnitName: 'Công ty TNHH MTV Lam Sơn',
              version: 4,
            },
          ],
        });
        return { body: current };
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-members');
    fireEvent.click(screen.getByTestId('leadership-set'));
    await screen.findByTestId('leadership-form');
    await pick('field-deputyUnitId', 'Công ty TNHH MTV Lam Sơn');
    fireEvent.click(screen.getByTestId('leadership-submit'));
    await waitFor(() => expect(screen.getByTestId('deputy-of-year').textContent).toBe('Công ty TNHH MTV Lam Sơn'));
    expect(api.find('PUT', '/clusters/2/leadership/2025')[0]!.body).toEqual({ headUnitId: 14, deputyUnitId: 16, version: 3 });
  });

  it('keeps the chosen deputy through a stale save of the head and deputy, and re-applies it on the new version', async () => {
    let current = cluster18();
    let puts = 0;
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'PUT /clusters/2/leadership/2025': () => {
        puts += 1;
        const saved = (head: number, headName: string, version: number) =>
          cluster18({
            leadership: [
              {
                year: 2025,
                headUnitId: head,
                headUnitName: headName,
                deputyUnitId: 16,
                deputyUnitName: 'Công ty TNHH MTV Lam Sơn',
                version,
              },
            ],
          });
        if (puts === 1) {
          // someone else chose Cấp nước as head (and Lam Sơn as deputy) in between
          current = saved(13, 'Công ty Cổ phần Cấp nước Thanh Hóa', 4);
          return {
            status: 409,
            body: contract(errorResponse, {
              error: { code: 'STALE_WRITE', message: '', details: { expected: 3, actual: 4, changedBy: 'Lê Thị Hoa' } },
            }),
          };
        }
        current = saved(13, 'Công ty Cổ phần Cấp nước Thanh Hóa', 5);
        return { body: current };
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-members');
    fireEvent.click(screen.getByTestId('leadership-set'));
    await screen.findByTestId('leadership-form');
    await pick('field-deputyUnitId', 'Công ty TNHH MTV Lam Sơn');
    fireEvent.click(screen.getByTestId('leadership-submit'));

    const stale = await screen.findByTestId('stale-write');
    expect(within(stale).getByTestId('stale-write-by').textContent).toContain('Lê Thị Hoa');
    const head = await within(stale).findByTestId('stale-row-headUnitId');
    expect(within(head).getByTestId('stale-mine').textContent).toContain('Công ty TNHH MTV Sông Chu');
    expect(within(head).getByTestId('stale-saved').textContent).toBe('Công ty Cổ phần Cấp nước Thanh Hóa');
    // both chose Lam Sơn as deputy: no conflict there
    expect(within(stale).queryByTestId('stale-row-deputyUnitId')).toBeNull();

    fireEvent.click(within(stale).getByTestId('reapply-mine'));
    await waitFor(() => expect(screen.queryByTestId('stale-write')).toBeNull());
    fireEvent.click(screen.getByTestId('leadership-submit'));
    await waitFor(() => expect(api.find('PUT', '/clusters/2/leadership/2025')).toHaveLength(2));
    // the officer did not change the head: the saved head stays, their deputy goes with the new version
    expect(api.find('PUT', '/clusters/2/leadership/2025')[1]!.body).toEqual({ headUnitId: 13, deputyUnitId: 16, version: 4 });
  });

  it('hands the flag over to a member; the open custody is closed the day before', async () => {
    let current = cluster18();
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': () => ({ body: current }),
      'GET /audit': { body: { items: [] } },
      'POST /clusters/2/flag-custody': () => {
        current = cluster18({
          flagCustody: [
            { id: 2, unitId: 14, unitName: 'Công ty TNHH MTV Sông Chu', from: '2025-01-17', to: '2025-12-19', note: null },
            { id: 3, unitId: 16, unitName: 'Công ty TNHH MTV Lam Sơn', from: '2025-12-20', to: null, note: 'Hội nghị tổng kết' },
          ],
        });
        return { status: 201, body: current };
      },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('flag-custody');
    fireEvent.click(screen.getByTestId('flag-hand-over'));
    await screen.findByTestId('flag-form');
    expect(screen.getByTestId('flag-form').textContent).toContain('Công ty TNHH MTV Sông Chu đang giữ cờ');
    typeDate('field-from', '20/12/2025');
    await pick('field-unitId', 'Công ty TNHH MTV Lam Sơn');
    typeInto('field-note', 'Hội nghị tổng kết');
    fireEvent.click(screen.getByTestId('flag-submit'));
    await waitFor(() => expect(screen.getByTestId('flag-custody').textContent).toContain('19/12/2025'));
    expect(api.find('POST', '/clusters/2/flag-custody')[0]!.body).toEqual({ unitId: 16, from: '2025-12-20', note: 'Hội nghị tổng kết' });
  });

  it('offers none of these to a viewer', async () => {
    mockApi({
      'GET /auth/me': signedIn(viewer),
      'GET /clusters/2': { body: cluster18({ abilities: allowAll(CLUSTER_ACTIONS, false) }) },
      'GET /audit': { body: { items: [] } },
    });
    renderApp('/clusters/2');
    await screen.findByTestId('cluster-members');
    for (const id of ['member-add', 'member-remove', 'leadership-set', 'flag-hand-over']) expect(screen.queryByTestId(id)).toBeNull();
  });
});
