import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, renderApp, signedIn } from '../../../test-utils.tsx';
import { BASE, criteria, LAM_SON, sheetFixture, unitOfficer } from './fixtures.test-utils.ts';

afterEach(() => vi.unstubAllGlobals());

const url = `${BASE}/sheets/${LAM_SON}?period=FY&stage=self&scorerUnitId=${LAM_SON}`;

describe('a scoring sheet', { timeout: 60_000 }, () => {
  it('shows the table by group with each method’s input, penalties with a minus sign, and the running total', async () => {
    const api = mockApi({ 'GET /auth/me': signedIn(unitOfficer), [`GET ${BASE}/sheets/${LAM_SON}`]: { body: sheetFixture() } });
    renderApp(url);
    await screen.findByTestId('sheet-group-I');
    const query = api.find('GET', `${BASE}/sheets/${LAM_SON}`)[0]!.url.searchParams;
    expect([query.get('period'), query.get('stage'), query.get('scorerUnitId')]).toEqual(['FY', 'self', String(LAM_SON)]);
    expect(screen.getByTestId('page-title').textContent).toBe('Phiếu tự chấm – Công ty TNHH MTV Lam Sơn');
    expect(screen.getByTestId('sheet-total').textContent).toBe('Tổng điểm: 74 / 100');
    // binary: a switch giving 0 or the maximum
    const binary = screen.getByTestId('points-1.1');
    expect(binary.getAttribute('role')).toBe('switch');
    expect(binary.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(binary);
    expect(screen.getByTestId('sheet-total').textContent).toBe('Tổng điểm: 54 / 100');
    expect(screen.getByTestId('group-total-I').textContent).toBe('Cộng: 15');
    // penalty: negative, shown with a true minus
    expect(within(screen.getByTestId('item-P1')).getByText('−5')).toBeTruthy();
    expect(
      (within(screen.getByTestId('points-P1')).queryByRole('spinbutton') ?? screen.getByTestId('points-P1')).getAttribute('value'),
    ).toBe('−1');
    expect(within(screen.getByTestId('item-P1')).getByText('Điểm trừ')).toBeTruthy();
  });

  it('saves a draft and submits after a confirmation, sending every item with the version seen', async () => {
    // the server's sheet: what the last write made it
    let current = sheetFixture();
    const api = mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      [`GET ${BASE}/sheets/${LAM_SON}`]: () => ({ body: current }),
      [`PUT ${BASE}/sheets/${LAM_SON}`]: (call) => {
        current = sheetFixture({
          rowVersion: 3,
          ...((call.body as { submit: boolean }).submit ? { status: 'submitted', abilities: { update: false, submit: false } } : {}),
        });
        return { body: current };
      },
    });
    renderApp(url);
    const comment = await screen.findByTestId('comment-1.1');
    fireEvent.change(comment, { target: { value: 'Đã nộp đủ' } });
    fireEvent.click(screen.getByTestId('sheet-save'));
    await waitFor(() => expect(api.find('PUT', `${BASE}/sheets/${LAM_SON}`)).toHaveLength(1));
    expect(api.find('PUT', `${BASE}/sheets/${LAM_SON}`)[0]!.body).toEqual({
      submit: false,
      rowVersion: 2,
      entries: [
        { item: '1.1', points: 20, comment: 'Đã nộp đủ' },
        { item: '1.2', points: 15 },
        { item: '2.1', points: 40, comment: 'Theo báo cáo tổng kết' },
        { item: 'P1', points: -1 },
      ],
      period: 'FY',
      stage: 'self',
      scorerUnitId: LAM_SON,
    });
    fireEvent.click(screen.getByTestId('sheet-submit'));
    fireEvent.click(await screen.findByTestId('sheet-submit-confirm'));
    await waitFor(() => expect(api.find('PUT', `${BASE}/sheets/${LAM_SON}`)).toHaveLength(2));
    expect(api.find('PUT', `${BASE}/sheets/${LAM_SON}`)[1]!.body).toMatchObject({ submit: true, rowVersion: 3 });
    expect((await screen.findByTestId('sheet-readonly')).textContent).toBe('Phiếu đã nộp, không sửa được nữa.');
    expect(screen.queryByTestId('sheet-save')).toBeNull();
  });

  it('shows the server’s message naming the item, and a stale write with who saved in between', async () => {
    let puts = 0;
    mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      [`GET ${BASE}/sheets/${LAM_SON}`]: { body: sheetFixture() },
      [`PUT ${BASE}/sheets/${LAM_SON}`]: () =>
        ++puts === 1
          ? { status: 400, body: { error: { code: 'SCORE_INVALID', message: 'Điểm của tiêu chí 2.1 không hợp lệ.' } } }
          : {
              status: 409,
              body: {
                error: {
                  code: 'STALE_WRITE',
                  message: 'Đã có người khác thay đổi.',
                  details: { expected: 2, actual: 3, changedBy: 'Nguyễn Văn A', changedAt: '2024-12-02T03:00:00Z' },
                },
              },
            },
    });
    renderApp(url);
    fireEvent.click(await screen.findByTestId('sheet-save'));
    expect((await screen.findByTestId('save-error')).textContent).toContain('tiêu chí 2.1');
    fireEvent.click(screen.getByTestId('sheet-save'));
    const stale = await screen.findByTestId('sheet-stale');
    expect(stale.textContent).toContain('Nguyễn Văn A');
  });

  it('is read-only without the abilities', async () => {
    mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      [`GET ${BASE}/sheets/17`]: {
        body: sheetFixture({
          unitId: 17,
          unitName: 'Công ty cổ phần Mía đường',
          stage: 'cross',
          abilities: { update: false, submit: false },
        }),
      },
    });
    renderApp(`${BASE}/sheets/17?period=FY&stage=cross&scorerUnitId=${LAM_SON}`);
    await screen.findByTestId('sheet-readonly');
    expect(screen.getByTestId('page-title').textContent).toBe('Phiếu chấm chéo: Công ty TNHH MTV Lam Sơn chấm Công ty cổ phần Mía đường');
    expect(screen.getByTestId('points-P1').textContent).toBe('−1');
    expect(screen.queryByTestId('sheet-save')).toBeNull();
    expect(screen.queryByTestId('sheet-submit')).toBeNull();
    expect(screen.queryByTestId('comment-1.1')).toBeNull();
  });
  it('attaches an evidence file to an item that needs one, as its bytes, and lists it to download', async () => {
    const needs = structuredClone(criteria);
    needs.groups[0]!.items[0]!.evidenceRequired = true;
    const evidence = {
      id: 5,
      item: '1.1',
      fileName: 'bao-cao.pdf',
      mediaType: 'application/pdf',
      size: 9,
      sha256: 'a'.repeat(64),
      uploadedAt: '2024-12-01T03:00:00Z',
    };
    const api = mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      [`GET ${BASE}/sheets/${LAM_SON}`]: { body: sheetFixture({ criteria: needs }) },
      [`POST ${BASE}/sheets/${LAM_SON}/evidence`]: {
        status: 201,
        body: sheetFixture({ criteria: needs, evidence: [evidence], rowVersion: 3 }),
      },
    });
    renderApp(url);
    const cell = await screen.findByTestId('evidence-1.1');
    expect(within(screen.getByTestId('item-1.1')).getByText('Cần minh chứng (0 tệp)')).toBeTruthy();
    const input = cell.querySelector('input[type="file"]')!;
    const file = new File(['%PDF-1.4\n'], 'bao-cao.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    await waitFor(() => expect(api.find('POST', `${BASE}/sheets/${LAM_SON}/evidence`)).toHaveLength(1));
    const call = api.find('POST', `${BASE}/sheets/${LAM_SON}/evidence`)[0]!;
    expect(call.headers['content-type']).toBe('application/octet-stream');
    expect(Object.fromEntries(call.url.searchParams)).toEqual({
      period: 'FY',
      stage: 'self',
      scorerUnitId: String(LAM_SON),
      item: '1.1',
      fileName: 'bao-cao.pdf',
    });
    const link = await within(cell).findByText('bao-cao.pdf');
    expect(link.getAttribute('href')).toBe(`/api/v1${BASE}/sheets/${LAM_SON}/evidence/5?period=FY&stage=self&scorerUnitId=${LAM_SON}`);
    expect(within(screen.getByTestId('item-1.1')).getByText('Cần minh chứng (1 tệp)')).toBeTruthy();
  });
});
