import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { allowAll, mockApi, renderApp, signedIn } from '../../../test-utils.tsx';
import { BASE, headOfficer, LAM_SON, reviewFixture, ROUND_ACTIONS, unitOfficer } from './fixtures.test-utils.ts';

afterEach(() => vi.unstubAllGlobals());

const url = `${BASE}/review/${LAM_SON}?period=FY`;

describe("a unit's review", { timeout: 60_000 }, () => {
  it('sets self, cross, computed and final score side by side with group subtotals and the history', async () => {
    mockApi({ 'GET /auth/me': signedIn(headOfficer), [`GET ${BASE}/review/${LAM_SON}`]: { body: reviewFixture() } });
    renderApp(url);
    const row = await screen.findByTestId('review-item-2.1');
    expect(row.textContent).toContain('Phong trào thi đua');
    expect(row.textContent).toContain('45 (2 phiếu)');
    expect(row.textContent).toContain('Đã điều chỉnh');
    expect(screen.getByTestId('score-P1').textContent).toBe('−0,6');
    expect(screen.getByTestId('subtotal-I').textContent).toBe('41');
    expect(screen.getByTestId('subtotal-II').textContent).toBe('39,4');
    expect(screen.getByTestId('review-total').textContent).toBe('Điểm cuối cùng: 80,4 / 100');
    const history = screen.getByTestId('adjustment-31');
    expect(history.textContent).toContain('43 → 40');
    expect(history.textContent).toContain('Thiếu minh chứng phong trào quý IV');
    expect(history.textContent).toContain('Đơn vị chưa có ý kiến.');
  });

  it('lets the head adjust an item only with a reason', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/review/${LAM_SON}`]: { body: reviewFixture() },
      [`POST ${BASE}/adjustments`]: { status: 201, body: reviewFixture() },
    });
    renderApp(url);
    fireEvent.click(await screen.findByTestId('adjust-1.2'));
    const form = await screen.findByTestId('adjust-form');
    const input = within(form).getByRole('spinbutton');
    fireEvent.change(input, { target: { value: '15' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));
    expect(await within(form).findByText('Phải ghi rõ lý do.')).toBeTruthy();
    expect(api.find('POST', `${BASE}/adjustments`)).toHaveLength(0);
    fireEvent.change(within(form).getByTestId('field-reason'), { target: { value: 'Chưa hoàn thành một thủ tục' } });
    fireEvent.click(screen.getByTestId('adjust-submit'));
    await waitFor(() => expect(api.find('POST', `${BASE}/adjustments`)).toHaveLength(1));
    expect(api.find('POST', `${BASE}/adjustments`)[0]!.body).toEqual({
      item: '1.2',
      points: 15,
      reason: 'Chưa hoàn thành một thủ tục',
      period: 'FY',
      unitId: LAM_SON,
    });
  });

  it('records knock-out conditions with a reason', async () => {
    let current = reviewFixture();
    const api = mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/review/${LAM_SON}`]: () => ({ body: current }),
      [`PUT ${BASE}/knock-outs/${LAM_SON}`]: () => {
        current = reviewFixture({ knockOuts: [{ code: 'K1', reason: 'Quyết định xử phạt' }] });
        return { body: current };
      },
    });
    renderApp(url);
    fireEvent.click(await screen.findByTestId('knock-outs-edit'));
    const form = await screen.findByTestId('knock-outs-form');
    fireEvent.click(within(form).getByRole('checkbox'));
    fireEvent.change(within(form).getByTestId('field-koReason'), { target: { value: 'Quyết định xử phạt' } });
    fireEvent.click(screen.getByTestId('knock-outs-submit'));
    await waitFor(() => expect(api.find('PUT', `${BASE}/knock-outs/${LAM_SON}`)).toHaveLength(1));
    expect(api.find('PUT', `${BASE}/knock-outs/${LAM_SON}`)[0]!.body).toEqual({
      codes: ['K1'],
      reason: 'Quyết định xử phạt',
      period: 'FY',
    });
    expect((await screen.findByTestId('review-knock-outs')).textContent).toContain('Vi phạm pháp luật nghiêm trọng');
  });

  it('lets the unit answer an adjustment, and offers it nothing of the head’s', async () => {
    const answerable = reviewFixture({
      abilities: allowAll(ROUND_ACTIONS, false),
      adjustments: [{ ...reviewFixture().adjustments[0]!, canAnswer: true }],
    });
    let current = answerable;
    const api = mockApi({
      'GET /auth/me': signedIn(unitOfficer),
      [`GET ${BASE}/review/${LAM_SON}`]: () => ({ body: current }),
      [`POST ${BASE}/adjustments/31/answer`]: () => {
        current = reviewFixture({
          abilities: allowAll(ROUND_ACTIONS, false),
          adjustments: [{ ...reviewFixture().adjustments[0]!, answer: 'Đơn vị bổ sung minh chứng', answeredAt: '2024-12-21T03:00:00Z' }],
        });
        return { body: current };
      },
    });
    renderApp(url);
    const form = await screen.findByTestId('answer-form');
    expect(screen.queryByTestId('adjust-1.1')).toBeNull();
    expect(screen.queryByTestId('knock-outs-edit')).toBeNull();
    fireEvent.change(within(form).getByTestId('field-answer'), { target: { value: 'Đơn vị bổ sung minh chứng' } });
    fireEvent.click(screen.getByTestId('answer-submit'));
    await waitFor(() => expect(api.find('POST', `${BASE}/adjustments/31/answer`)).toHaveLength(1));
    expect(api.find('POST', `${BASE}/adjustments/31/answer`)[0]!.body).toEqual({ answer: 'Đơn vị bổ sung minh chứng' });
    expect((await screen.findByTestId('adjustment-answer')).textContent).toContain('Đơn vị bổ sung minh chứng');
  });
});
