import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { clusterDetail } from '@thidua/contracts/clusters.ts';
import { criteriaSetSchema } from '@thidua/contracts/scoring.ts';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  CLUSTER_ACTIONS,
  adminUser,
  allowAll,
  cluster18Item,
  contract,
  mockApi,
  pageOf,
  readOnlyAbilities,
  renderApp,
  signedIn,
} from '../../../test-utils.tsx';

const committee = { ...adminUser, id: 2, role: 'COMMITTEE_OFFICER' as const, authorityId: 3, username: 'demo-committee' };
const unitOfficer = { ...adminUser, id: 5, role: 'UNIT_OFFICER' as const, authorityId: 3, unitId: 16, abilities: readOnlyAbilities };

const cluster = (allowed: boolean) =>
  contract(clusterDetail, {
    abilities: allowAll(CLUSTER_ACTIONS, allowed),
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
    memberCount: 0,
    headUnitName: null,
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
    memberships: [],
    leadership: [],
    flagCustody: [],
  });

const CONTENT = {
  groups: [
    {
      code: 'I',
      title: 'Thực hiện nhiệm vụ chính trị',
      items: [
        {
          code: '1.1',
          text: 'Hoàn thành chỉ tiêu kế hoạch',
          maxPoints: 30,
          method: 'proportional',
          target: 100,
          evidenceRequired: true,
          kind: 'regular',
        },
        {
          code: '1.2',
          text: 'Chấp hành chế độ báo cáo',
          maxPoints: 20,
          method: 'graded',
          levels: [0, 10, 20],
          evidenceRequired: false,
          kind: 'regular',
        },
        { code: '1.3', text: 'Báo cáo đúng hạn', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'regular' },
      ],
    },
    {
      code: 'II',
      title: 'Công tác thi đua, khen thưởng',
      items: [
        { code: '2.1', text: 'Tổ chức phong trào thi đua', maxPoints: 40, method: 'manual', evidenceRequired: true, kind: 'regular' },
        { code: 'B1', text: 'Sáng kiến được công nhận', maxPoints: 5, method: 'manual', evidenceRequired: true, kind: 'bonus' },
        { code: 'P1', text: 'Vi phạm kỷ luật', maxPoints: 5, method: 'manual', evidenceRequired: false, kind: 'penalty' },
      ],
    },
  ],
  knockOuts: [{ code: 'K1', text: 'Có cán bộ lãnh đạo bị kỷ luật từ cảnh cáo trở lên' }],
  maxTotal: 100,
} satisfies z.input<typeof criteriaSetSchema>['content'];

function criteriaSet(over: Partial<z.input<typeof criteriaSetSchema>> = {}) {
  return contract(criteriaSetSchema, {
    id: 7,
    clusterId: 2,
    year: 2025,
    period: 'FY',
    version: 1,
    roundState: 'draft',
    content: structuredClone(CONTENT),
    abilities: { update: true, open: true, newVersion: false },
    rowVersion: 3,
    updatedAt: '2025-12-01T08:00:00.000Z',
    ...over,
  });
}

/** The server's answer to a PUT: the table as sent, one row version on. */
function savedFrom(body: unknown) {
  const { period: _period, rowVersion: _rowVersion, ...content } = body as Record<string, unknown>;
  return criteriaSet({ rowVersion: 4, content: content as never });
}

const URL_ = '/clusters/2/years/2025/criteria';
const fieldInput = (id: string) => {
  const el = screen.getByTestId(id);
  return (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input, textarea')!) as HTMLInputElement;
};
const typeInto = (id: string, value: string) => fireEvent.change(fieldInput(id), { target: { value } });
/** The error the form shows under a field. */
const errorOf = (id: string) =>
  screen.getByTestId(id).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? '';

afterEach(() => vi.unstubAllGlobals());

// jsdom lays nothing out: each sortable row is given a box one below the other, as the browser would draw them,
// so dnd-kit's keyboard sensor finds the row above or below.
const realRect = Element.prototype.getBoundingClientRect;
beforeEach(() => {
  Element.prototype.getBoundingClientRect = function (this: Element) {
    if (!(this instanceof HTMLElement) || !this.dataset.sortableId) return realRect.call(this);
    const siblings = [...(this.parentElement?.children ?? [])].filter((e) => (e as HTMLElement).dataset.sortableId);
    const top = siblings.indexOf(this) * 100;
    return { x: 0, y: top, top, left: 0, right: 600, bottom: top + 90, width: 600, height: 90, toJSON: () => ({}) } as DOMRect;
  };
});
afterEach(() => {
  Element.prototype.getBoundingClientRect = realRect;
});

describe('criteria table, read only', { timeout: 60_000 }, () => {
  it('shows the groups, the bonus and penalty items apart, the knock-outs, the frame, version and round state; no controls', async () => {
    mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      'GET /clusters/2': { body: cluster(false) },
      [`GET ${URL_}`]: { body: criteriaSet({ abilities: { update: false, open: false, newVersion: false }, roundState: 'self' }) },
    });
    renderApp(`${URL_}?period=FY`);
    await screen.findByTestId('criteria-view');
    expect(screen.getByTestId('page-title').textContent).toBe('Cụm thi đua số 18: bảng tiêu chí năm 2025');
    expect(screen.getByTestId('criteria-version').textContent).toBe('Phiên bản 1');
    expect(screen.getByTestId('criteria-round-state').textContent).toBe('Tự chấm');
    expect(screen.getByTestId('criteria-frozen')).toBeTruthy();
    expect(screen.getByTestId('frame-total').textContent).toBe('100');
    const group2 = screen.getByTestId('view-group-II');
    expect(group2.textContent).toContain('2.1');
    expect(group2.textContent).not.toContain('B1');
    const extras = screen.getByTestId('view-extras');
    expect(within(extras).getByTestId('view-item-B1').textContent).toContain('Cộng');
    expect(within(extras).getByTestId('view-item-P1').textContent).toContain('Trừ');
    expect(screen.getByTestId('view-item-1.1').textContent).toContain('Theo tỷ lệ chỉ tiêu · Chỉ tiêu: 100');
    expect(screen.getByTestId('view-item-1.2').textContent).toContain('0; 10; 20');
    expect(screen.getByTestId('view-knock-out-K1')).toBeTruthy();
    for (const id of ['criteria-editor', 'criteria-save', 'criteria-copy', 'criteria-import', 'criteria-open', 'criteria-new-version'])
      expect(screen.queryByTestId(id)).toBeNull();
  });

  it('offers the board a new version of a frozen table, and shows the draft it starts', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: { body: criteriaSet({ abilities: { update: false, open: false, newVersion: true }, roundState: 'cross' }) },
      [`POST ${URL_}/new-version`]: { status: 201, body: criteriaSet({ version: 2, rowVersion: 1 }) },
    });
    renderApp(URL_);
    fireEvent.click(await screen.findByTestId('criteria-new-version'));
    fireEvent.click(await screen.findByTestId('confirm-new-version'));
    await screen.findByTestId('criteria-editor');
    expect(api.find('POST', `${URL_}/new-version`)[0]!.body).toEqual({ period: 'FY' });
    expect(screen.getByTestId('criteria-version').textContent).toBe('Phiên bản 2');
  });

  it('says a round has no table to whoever may not start one, and asks for the round of the period chosen', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      'GET /clusters/2': { body: cluster(false) },
      [`GET ${URL_}`]: { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } } },
    });
    renderApp(`${URL_}?period=H1`);
    await screen.findByTestId('criteria-none');
    expect(screen.queryByTestId('criteria-editor')).toBeNull();
    expect(api.find('GET', URL_)[0]!.url.searchParams.get('period')).toBe('H1');
  });
});

describe('criteria table editor', { timeout: 120_000 }, () => {
  it('edits, shows the live sum against the frame, and saves the contract’s body against the row version', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: { body: criteriaSet() },
      [`PUT ${URL_}`]: (call) => ({ body: savedFrom(call.body) }),
    });
    renderApp(URL_);
    await screen.findByTestId('criteria-editor');
    expect(screen.getByTestId('frame-sum').textContent).toContain('100');
    expect(screen.getByTestId('criteria-open')).toBeTruthy();
    typeInto('field-groups.0.items.2.maxPoints', '15');
    await waitFor(() =>
      expect(screen.getByTestId('frame-sum').textContent).toBe('Tổng điểm các tiêu chí thường là 105, nhưng tổng điểm tối đa là 100.'),
    );
    // unsaved changes: scoring cannot be opened on the table as saved before
    expect((screen.getByTestId('criteria-open') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByTestId('frame-use-sum'));
    await waitFor(() => expect(fieldInput('field-maxTotal').value).toBe('105'));
    fireEvent.click(screen.getByTestId('knock-out-add'));
    typeInto('field-knockOuts.1.text', 'Đơn vị bị thanh tra kết luận sai phạm');
    fireEvent.click(screen.getByTestId('criteria-save'));
    await waitFor(() => expect(api.find('PUT', URL_)).toHaveLength(1));
    const body = api.find('PUT', URL_)[0]!.body as Record<string, unknown>;
    const expected = structuredClone(CONTENT) as typeof CONTENT;
    expected.groups[0]!.items[2]!.maxPoints = 15;
    expect(body).toEqual({
      ...expected,
      maxTotal: 105,
      knockOuts: [...CONTENT.knockOuts, { code: 'K2', text: 'Đơn vị bị thanh tra kết luận sai phạm' }],
      period: 'FY',
      rowVersion: 3,
    });
    await waitFor(() => expect((screen.getByTestId('criteria-open') as HTMLButtonElement).disabled).toBe(false));
  });

  it('shows the server’s field errors on the very fields, and the table-wide ones in the summary', async () => {
    mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: { body: criteriaSet() },
      [`PUT ${URL_}`]: {
        status: 400,
        body: {
          error: {
            code: 'CRITERIA_INVALID',
            message: 'Bảng tiêu chí chưa hợp lệ',
            fields: [
              { path: 'groups.0.items.2.maxPoints', message: 'Điểm tối đa của 1.3 phải là bội của 0,25' },
              { path: 'maxTotal', message: 'Tổng điểm tối đa khác tổng các tiêu chí thường (100,1)' },
              { path: 'groups.1.code', message: 'Mã II đã dùng' },
              { path: 'groups', message: 'Bảng chưa có tiêu chí thường' },
            ],
          },
        },
      },
    });
    renderApp(URL_);
    await screen.findByTestId('criteria-editor');
    typeInto('field-groups.0.items.2.maxPoints', '10.1');
    fireEvent.click(screen.getByTestId('criteria-save'));
    await waitFor(() => expect(errorOf('field-groups.0.items.2.maxPoints')).toBe('Điểm tối đa của 1.3 phải là bội của 0,25'));
    expect(errorOf('field-maxTotal')).toContain('100,1');
    expect(errorOf('field-groups.1.code')).toBe('Mã II đã dùng');
    const summary = screen.getByTestId('save-error');
    expect(summary.textContent).toContain('Bảng tiêu chí chưa hợp lệ');
    expect(summary.textContent).toContain('Bảng chưa có tiêu chí thường');
  });

  it('shows a stale save beside the saved table', async () => {
    let version = 3;
    mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: () => ({ body: criteriaSet({ rowVersion: version }) }),
      [`PUT ${URL_}`]: () => {
        version = 4;
        return {
          status: 409,
          body: { error: { code: 'STALE_WRITE', message: 'Đã có người lưu trước', details: { expected: 3, actual: 4 } } },
        };
      },
    });
    renderApp(URL_);
    await screen.findByTestId('criteria-editor');
    typeInto('field-groups.0.title', 'Nhiệm vụ chính trị');
    fireEvent.click(screen.getByTestId('criteria-save'));
    await screen.findByTestId('stale-write');
    // the saved table has arrived: the groups differ (the officer's title), which can be put back on it
    await screen.findByTestId('stale-row-groups');
    expect(screen.getByTestId('stale-row-groups').textContent).toContain('I (1.1: 30, 1.2: 20, 1.3: 10)');
  });

  it('reorders items and groups with the keyboard (Space, arrow, Space) and saves the new order', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: { body: criteriaSet() },
      [`PUT ${URL_}`]: (call) => ({ body: savedFrom(call.body) }),
    });
    renderApp(URL_);
    await screen.findByTestId('criteria-editor');
    const handle = (name: string) => screen.getByRole('button', { name });
    async function move(name: string, key: 'ArrowDown' | 'ArrowUp') {
      const h = handle(name);
      h.focus();
      await act(async () => {
        fireEvent.keyDown(h, { code: 'Space', key: ' ' });
        await new Promise((r) => setTimeout(r, 50));
      });
      await act(async () => {
        fireEvent.keyDown(document.activeElement ?? h, { code: key, key });
        await new Promise((r) => setTimeout(r, 50));
      });
      await act(async () => {
        fireEvent.keyDown(document.activeElement ?? h, { code: 'Space', key: ' ' });
        await new Promise((r) => setTimeout(r, 50));
      });
    }
    await move('Di chuyển tiêu chí 1.1', 'ArrowDown');
    await waitFor(() => expect(fieldInput('field-groups.0.items.0.code').value).toBe('1.2'));
    expect(fieldInput('field-groups.0.items.1.code').value).toBe('1.1');
    await move('Di chuyển nhóm II', 'ArrowUp');
    await waitFor(() => expect(fieldInput('field-groups.0.code').value).toBe('II'));
    fireEvent.click(screen.getByTestId('criteria-save'));
    await waitFor(() => expect(api.find('PUT', URL_)).toHaveLength(1));
    const body = api.find('PUT', URL_)[0]!.body as typeof CONTENT;
    expect(body.groups.map((g) => [g.code, g.items.map((i) => i.code)])).toEqual([
      ['II', ['2.1', 'B1', 'P1']],
      ['I', ['1.2', '1.1', '1.3']],
    ]);
  });

  it('starts the round’s first table from a spreadsheet, saved without a row version', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } } },
      [`PUT ${URL_}`]: (call) => ({ body: savedFrom(call.body) }),
    });
    renderApp(URL_);
    await screen.findByTestId('criteria-editor');
    expect(screen.getByTestId('criteria-none')).toBeTruthy();
    expect(screen.queryByTestId('criteria-open')).toBeNull();
    fireEvent.click(screen.getByTestId('criteria-import'));
    await screen.findByTestId('import-dialog');
    const csv = [
      'Mã nhóm;Tên nhóm;Mã tiêu chí;Nội dung tiêu chí;Điểm tối đa;Cách chấm;Loại;Cần minh chứng;Chỉ tiêu;Các mức điểm',
      'I;Nhiệm vụ chính trị;1.1;Báo cáo đúng hạn;40;binary;regular;x;;',
      'I;;1.2;Thu ngân sách;60;proportional;regular;;500;',
      'I;;B1;Sáng kiến;5;manual;Cộng;x;;',
      ';;K1;Lãnh đạo bị kỷ luật;;;knockOut;;;',
    ].join('\n');
    const file = new File([csv], 'bang-tieu-chi.csv', { type: 'text/csv' });
    const input = screen.getByTestId('import-dialog').querySelector('input[type=file]')!;
    fireEvent.change(input, { target: { files: [file] } });
    await screen.findByTestId('import-preview');
    expect(screen.getByTestId('import-summary').textContent).toBe(
      '1 nhóm, 3 tiêu chí, 1 điều kiện loại trừ; tổng điểm tiêu chí thường 100.',
    );
    fireEvent.click(screen.getByTestId('import-place'));
    await waitFor(() => expect(fieldInput('field-groups.0.items.1.code').value).toBe('1.2'));
    expect(fieldInput('field-groups.0.items.1.target').value).toBe('500');
    fireEvent.click(screen.getByTestId('criteria-save'));
    await waitFor(() => expect(api.find('PUT', URL_)).toHaveLength(1));
    expect(api.find('PUT', URL_)[0]!.body).toEqual({
      groups: [
        {
          code: 'I',
          title: 'Nhiệm vụ chính trị',
          items: [
            { code: '1.1', text: 'Báo cáo đúng hạn', maxPoints: 40, method: 'binary', evidenceRequired: true, kind: 'regular' },
            {
              code: '1.2',
              text: 'Thu ngân sách',
              maxPoints: 60,
              method: 'proportional',
              target: 500,
              evidenceRequired: false,
              kind: 'regular',
            },
            { code: 'B1', text: 'Sáng kiến', maxPoints: 5, method: 'manual', evidenceRequired: true, kind: 'bonus' },
          ],
        },
      ],
      knockOuts: [{ code: 'K1', text: 'Lãnh đạo bị kỷ luật' }],
      maxTotal: 100,
      period: 'FY',
    });
  });

  it('opens scoring after a confirmation, against the row version, and then shows the frozen table', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      [`GET ${URL_}`]: { body: criteriaSet() },
      [`POST ${URL_}/open`]: { body: criteriaSet({ roundState: 'self', abilities: { update: false, open: false, newVersion: true } }) },
    });
    renderApp(URL_);
    fireEvent.click(await screen.findByTestId('criteria-open'));
    fireEvent.click(await screen.findByTestId('confirm-open'));
    await screen.findByTestId('criteria-view');
    expect(api.find('POST', `${URL_}/open`)[0]!.body).toEqual({ period: 'FY', rowVersion: 3 });
    expect(screen.getByTestId('criteria-round-state').textContent).toBe('Tự chấm');
    expect(screen.getByTestId('criteria-new-version')).toBeTruthy();
  });

  it('copies last year’s table of this cluster into the draft, and edits the copy', async () => {
    let copied = false;
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /clusters/2': { body: cluster(true) },
      'GET /clusters': { body: pageOf([cluster18Item]) },
      [`GET ${URL_}`]: () =>
        copied
          ? { body: criteriaSet({ rowVersion: 1 }) }
          : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } } },
      [`POST ${URL_}/copy`]: () => {
        copied = true;
        return { body: criteriaSet({ rowVersion: 1 }) };
      },
    });
    renderApp(URL_);
    await screen.findByTestId('criteria-none');
    fireEvent.click(screen.getByTestId('criteria-copy'));
    await screen.findByTestId('copy-form');
    expect(fieldInput('copy-from-year').value).toBe('2024');
    fireEvent.click(screen.getByTestId('copy-submit'));
    await waitFor(() => expect(api.find('POST', `${URL_}/copy`)).toHaveLength(1));
    expect(api.find('POST', `${URL_}/copy`)[0]!.body).toEqual({ fromClusterId: 2, fromYear: 2024, period: 'FY' });
    await waitFor(() => expect(fieldInput('field-groups.0.items.0.code').value).toBe('1.1'));
    expect(screen.queryByTestId('criteria-none')).toBeNull();
    expect(screen.getByTestId('criteria-version').textContent).toBe('Phiên bản 1');
  });
});
