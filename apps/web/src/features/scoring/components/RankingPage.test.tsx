import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, renderApp, signedIn } from '../../../test-utils.tsx';
import { BASE, headOfficer, LAM_SON, rankingFixture } from './fixtures.test-utils.ts';

afterEach(() => vi.unstubAllGlobals());

describe('the ranking', { timeout: 60_000 }, () => {
  it('lists the units in rank order with leading places and tie-breaks, the knocked-out apart, charts named in words', async () => {
    const api = mockApi({ 'GET /auth/me': signedIn(headOfficer), [`GET ${BASE}/ranking`]: { body: rankingFixture() } });
    renderApp(`${BASE}/ranking`);
    const table = await screen.findByTestId('ranking-table');
    expect(api.find('GET', `${BASE}/ranking`)[0]!.url.searchParams.get('round')).toBe('final');
    const first = within(table).getByTestId('rank-17');
    expect(first.textContent).toContain('Dẫn đầu thứ 1');
    expect(first.textContent).toContain('92,5');
    expect(first.textContent).toContain('Điểm nhóm tiêu chí II cao hơn');
    expect(first.textContent).toContain('−0,5');
    expect(within(table).getByTestId(`rank-${LAM_SON}`).textContent).toContain('Dẫn đầu thứ 2');
    expect(screen.getByTestId('ranking-final').textContent).toBe('Chính thức');
    const out = screen.getByTestId('knocked-out');
    expect(out.textContent).toContain('Công ty Cao su Thanh Hóa');
    expect(out.textContent).toContain('K1');
    expect(within(table).queryByText('Công ty Cao su Thanh Hóa')).toBeNull();
    const bars = screen.getByTestId('chart-bars');
    expect(bars.getAttribute('role')).toBe('img');
    expect(bars.getAttribute('aria-label')).toContain('I. Nhiệm vụ chính trị');
    expect(screen.getByTestId('chart-radar').getAttribute('aria-label')).toContain('Công ty cổ phần Mía đường');
    const href = screen.getByTestId('export-xlsx').getAttribute('href')!;
    expect(href).toBe(`/api/v1${BASE}/ranking?round=final&format=xlsx`);
  });

  it('switches to the mid-year round', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(headOfficer),
      [`GET ${BASE}/ranking`]: (call) => ({
        body: rankingFixture(
          call.url.searchParams.get('round') === 'mid' ? { round: 'mid', period: 'H1', final: false, roundState: 'review' } : {},
        ),
      }),
    });
    renderApp(`${BASE}/ranking?round=final`);
    await screen.findByTestId('ranking-table');
    fireEvent.click(within(screen.getByTestId('ranking-round')).getByText('Sơ kết 6 tháng'));
    await waitFor(() => expect(screen.getByTestId('ranking-final').textContent).toBe('Tạm tính'));
    expect(api.find('GET', `${BASE}/ranking`).some((c) => c.url.searchParams.get('round') === 'mid')).toBe(true);
    expect(screen.getByTestId('back-link').getAttribute('href')).toBe(`${BASE}/round?period=H1`);
  });
});
