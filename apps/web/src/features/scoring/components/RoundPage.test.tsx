import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { allowAll, mockApi, renderApp, signedIn } from '../../../test-utils.tsx';
import { BASE, boardFixture, headOfficer, LAM_SON, ROUND_ACTIONS, unitOfficer } from './fixtures.test-utils.ts';

afterEach(() => vi.unstubAllGlobals());

describe("a round's board", { timeout: 60_000 }, () => {
  it('shows each member’s sheets with late and missing marks, the cross matrix, and the head’s controls', async () => {
    const api = mockApi({ 'GET /auth/me': signedIn(headOfficer), [`GET ${BASE}/round`]: { body: boardFixture() } });
    renderApp(`${BASE}/round`);
    const table = await screen.findByTestId('round-members');
    expect(api.find('GET', `${BASE}/round`)[0]!.url.searchParams.get('period')).toBe('FY');
    expect(screen.getByTestId('page-title').textContent).toBe('Chấm điểm thi đua năm 2024 – Cụm thi đua số 18');
    expect(screen.getByTestId('round-state').textContent).toBe('Tự chấm');
    const head = within(table).getByTestId('member-17');
    expect(head.textContent).toContain('Trưởng cụm');
    expect(head.textContent).toContain('Đã nộp');
    const late = within(table).getByTestId('member-18');
    expect(late.textContent).toContain('Đang chấm');
    expect(late.textContent).toContain('Quá hạn chưa nộp');
    expect(within(table).getByTestId(`member-${LAM_SON}`).textContent).toContain('0/2');
    expect(screen.getByTestId('cross-matrix').textContent).toContain('Đã nộp');
    // the head opens any sheet begun: a member's self sheet, a cross sheet from the matrix
    expect(within(head).getByTestId('view-self-link').getAttribute('href')).toBe(`${BASE}/sheets/17?period=FY&stage=self&scorerUnitId=17`);
    expect(within(screen.getByTestId(`member-${LAM_SON}`)).queryByTestId('view-self-link')).toBeNull();
    expect(
      within(screen.getByTestId('cross-matrix'))
        .getByRole('link', { name: 'Phiếu Công ty TNHH MTV Lam Sơn chấm Công ty cổ phần Mía đường: Đã nộp' })
        .getAttribute('href'),
    ).toBe(`${BASE}/sheets/17?period=FY&stage=cross&scorerUnitId=${LAM_SON}`);
    expect(screen.getByTestId('round-settings')).toBeTruthy();
    expect(screen.getByTestId('round-advance')).toBeTruthy();
    expect(screen.getByTestId('ranking-link').getAttribute('href')).toBe(`${BASE}/ranking?round=final`);
    expect(within(head).getByTestId('review-link').getAttribute('href')).toBe(`${BASE}/review/17?period=FY`);
    // not the head's own unit: no sheet of its own to fill
    expect(screen.queryByTestId('self-score-link')).toBeNull();
    expect(screen.getByTestId('round-settings-summary').textContent).toContain('Tự chấm 40%, chấm chéo 60%');
    expect(screen.getByTestId('round-settings-summary').textContent).toContain(
      'Nhiều tiêu chí đạt điểm tối đa hơn → Điểm nhóm tiêu chí II cao hơn',
    );
  });

  it('moves the round on to the next stage against the version seen, after a confirmation', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/round`]: { body: boardFixture() },
      [`POST ${BASE}/round/advance`]: { body: boardFixture({ roundState: 'cross', rowVersion: 5 }) },
    });
    renderApp(`${BASE}/round?period=FY`);
    fireEvent.click(await screen.findByTestId('round-advance'));
    fireEvent.click(await screen.findByTestId('advance-confirm'));
    await waitFor(() => expect(api.find('POST', `${BASE}/round/advance`)).toHaveLength(1));
    expect(api.find('POST', `${BASE}/round/advance`)[0]!.body).toEqual({ to: 'cross', rowVersion: 4, period: 'FY' });
  });

  it('shows the server’s refusal to move on', async () => {
    mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/round`]: { body: boardFixture() },
      [`POST ${BASE}/round/advance`]: { status: 409, body: { error: { code: 'STALE_WRITE', message: 'Đã có người khác thay đổi.' } } },
    });
    renderApp(`${BASE}/round`);
    fireEvent.click(await screen.findByTestId('round-advance'));
    fireEvent.click(await screen.findByTestId('advance-confirm'));
    expect((await screen.findByTestId('advance-error')).textContent).toContain('Đã có người khác thay đổi.');
  });

  it('saves the settings with the weights, tie-breaks and deadlines', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/round`]: { body: boardFixture() },
      [`GET ${BASE}/criteria`]: { status: 404, body: { error: { code: 'NOT_FOUND', message: '' } } },
      [`PUT ${BASE}/round/settings`]: { body: boardFixture({ rowVersion: 5 }) },
    });
    renderApp(`${BASE}/round`);
    fireEvent.click(await screen.findByTestId('round-settings'));
    const form = await screen.findByTestId('settings-form');
    const self = within(form).getByTestId('field-weightSelf').querySelector('input') ?? within(form).getByTestId('field-weightSelf');
    fireEvent.change(self, { target: { value: '30' } });
    fireEvent.blur(self);
    fireEvent.click(screen.getByTestId('settings-submit'));
    await waitFor(() => expect(api.find('PUT', `${BASE}/round/settings`)).toHaveLength(1));
    expect(api.find('PUT', `${BASE}/round/settings`)[0]!.body).toMatchObject({
      period: 'FY',
      rowVersion: 4,
      weights: { self: 30, cross: 70 },
      crossMethod: 'median',
      tieBreaks: ['fullItems', { group: 'II' }],
      deadlines: { self: '2024-12-15', cross: null },
      crossPairs: null,
    });
  });

  it('offers a unit officer its own sheets and the others to score, and nothing of the head’s', async () => {
    const mine = boardFixture({
      roundState: 'cross',
      abilities: allowAll(ROUND_ACTIONS, false),
      members: boardFixture().members.map((m) => ({ ...m, mine: m.unitId === LAM_SON })),
    });
    mockApi({ 'GET /auth/me': signedIn(unitOfficer), [`GET ${BASE}/round`]: { body: mine } });
    renderApp(`${BASE}/round`);
    const card = await screen.findByTestId('round-mine');
    expect(within(card).getByTestId('mine-self-link').getAttribute('href')).toBe(
      `${BASE}/sheets/${LAM_SON}?period=FY&stage=self&scorerUnitId=${LAM_SON}`,
    );
    expect(within(card).getByTestId('cross-link-17').getAttribute('href')).toBe(
      `${BASE}/sheets/17?period=FY&stage=cross&scorerUnitId=${LAM_SON}`,
    );
    expect(within(card).getByTestId('cross-link-18')).toBeTruthy();
    expect(screen.queryByTestId('round-settings')).toBeNull();
    expect(screen.queryByTestId('round-advance')).toBeNull();
    expect(screen.queryByTestId('ranking-link')).toBeNull();
    // its own review only
    expect(within(screen.getByTestId('member-17')).queryByTestId('review-link')).toBeNull();
    expect(within(screen.getByTestId(`member-${LAM_SON}`)).getByTestId('review-link')).toBeTruthy();
  });

  it('switches the period and says when the cluster has no round then', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/round`]: (call) =>
        call.url.searchParams.get('period') === 'H1'
          ? { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } } }
          : { body: boardFixture() },
    });
    renderApp(`${BASE}/round`);
    await screen.findByTestId('round-members');
    fireEvent.click(within(screen.getByTestId('period-switch')).getByText('Sơ kết 6 tháng'));
    expect((await screen.findByTestId('round-none')).textContent).toContain('Sơ kết 6 tháng');
    expect(api.find('GET', `${BASE}/round`).some((c) => c.url.searchParams.get('period') === 'H1')).toBe(true);
  });
});
