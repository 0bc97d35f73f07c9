import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mockApi, renderApp, signedIn, allowAll, UNIT_ACTIONS } from '../../../test-utils.tsx';
import { eligibilityYears } from './YearSelect.tsx';

afterEach(() => vi.unstubAllGlobals());

const unit = {
  abilities: allowAll(UNIT_ACTIONS),
  id: 16,
  authorityId: 3,
  authorityName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
  code: 'TH-LAMSON',
  name: 'Công ty TNHH MTV Lam Sơn',
  shortName: 'Lam Sơn',
  unitType: 'SOE_ONE_MEMBER_LLC',
  legalEntity: true,
  stateCapitalPct: 100,
  parentId: null,
  parentName: null,
  province: 'Thanh Hóa',
  taxCode: null,
  foundedOn: null,
  dissolvedOn: null,
  version: 1,
  predecessors: [],
  successors: [],
};

const emptyRecords = {
  subject: { type: 'unit', id: 16, name: unit.name, abilities: { editRecords: true } },
  ratings: [],
  awards: [],
  evidence: [],
  discipline: [],
  leaves: [],
  reviews: [],
  figures: [],
};

function verdicts(year: number) {
  return {
    subject: { type: 'unit', id: 16, name: unit.name },
    year,
    rulebook: 'LAW-06-2022+DECREE-152-2025',
    items: [
      {
        award: 'TAP_THE_LAO_DONG_TIEN_TIEN',
        awardName: 'Tập thể lao động tiên tiến',
        applies: true,
        eligible: true,
        outcome: 'met',
        rewardVnd: 1_872_000,
        reasons: [
          {
            rule: 'law-06-2022/art-28',
            met: true,
            message: `Năm ${year} xếp loại Hoàn thành tốt nhiệm vụ (yêu cầu: Hoàn thành tốt nhiệm vụ trở lên)`,
          },
          { rule: 'decree-152-2025/art-4', met: true, message: `Không bị kỷ luật trong năm ${year}` },
        ],
      },
      {
        award: 'TAP_THE_LAO_DONG_XUAT_SAC',
        awardName: 'Tập thể lao động xuất sắc',
        applies: true,
        eligible: false,
        outcome: 'notMet',
        rewardVnd: 3_510_000,
        reasons: [{ rule: 'law-06-2022/art-27', met: false, message: 'Không có cá nhân nào đạt Chiến sĩ thi đua cơ sở (yêu cầu: 1)' }],
      },
      {
        award: 'BANG_KHEN_BO_TINH',
        awardName: 'Bằng khen của bộ, ban, ngành, tỉnh',
        applies: true,
        eligible: false,
        outcome: 'notMet',
        rewardVnd: null,
        reasons: [],
      },
    ],
  };
}

/** Titles and forms of a civilian: the armed forces' title among them, and a form left to the council. */
function directorVerdicts(year: number) {
  const ldtt = {
    award: 'LAO_DONG_TIEN_TIEN',
    awardName: 'Lao động tiên tiến',
    applies: true,
    eligible: true,
    outcome: 'met',
    rewardVnd: 702_000,
    reasons: [{ rule: 'law-06-2022/art-24', met: true, message: `Năm ${year} xếp loại Hoàn thành tốt nhiệm vụ` }],
  };
  return {
    subject: { type: 'unit', id: 16, name: unit.name },
    year,
    rulebook: 'LAW-06-2022+DECREE-152-2025',
    items: [
      ldtt,
      { ...ldtt, award: 'CHIEN_SI_TIEN_TIEN', awardName: 'Chiến sĩ tiên tiến', applies: false },
      {
        award: 'CHIEN_SI_THI_DUA_CO_SO',
        awardName: 'Chiến sĩ thi đua cơ sở',
        applies: true,
        eligible: false,
        outcome: 'notMet',
        rewardVnd: 2_340_000,
        reasons: [
          { rule: 'law-06-2022/art-23', met: false, message: 'Năm 2025 không xếp loại hoàn thành xuất sắc nhiệm vụ và không có sáng kiến' },
        ],
      },
      {
        award: 'GIAY_KHEN',
        awardName: 'Giấy khen',
        applies: true,
        eligible: false,
        outcome: 'council',
        rewardVnd: null,
        reasons: [
          { rule: 'law-06-2022/art-75', met: false, message: 'Tiêu chuẩn Giấy khen do văn bản của Chính phủ, bộ, tỉnh quy định chi tiết' },
          { rule: 'decree-152-2025/art-4', met: true, message: `Không bị kỷ luật trong năm ${year}` },
        ],
      },
    ],
  };
}

describe('eligibility years', () => {
  it('runs from next year back to 2024, when the first rulebook applies', () => {
    expect(eligibilityYears(2026)).toEqual([2027, 2026, 2025, 2024]);
    expect(eligibilityYears(2023)).toEqual([2024]);
  });
});

describe('eligibility panel', { timeout: 30_000 }, () => {
  it('shows each title and form met or not, and on opening one its reasons with their legal basis', async () => {
    const now = new Date().getFullYear();
    const api = mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': ({ url }) => ({ body: verdicts(Number(url.searchParams.get('year'))) }),
    });
    renderApp('/units/16');
    const panel = await screen.findByTestId('eligibility-panel');
    expect(panel.textContent).toContain(`Tiêu chuẩn khen thưởng năm ${now}`);
    await screen.findByTestId('eligibility-item-TAP_THE_LAO_DONG_TIEN_TIEN');
    expect(api.find('GET', '/eligibility/subjects/unit/16')[0]!.url.searchParams.get('year')).toBe(String(now));
    expect(screen.getByTestId('eligibility-summary').textContent).toBe('Đạt tiêu chuẩn 1/3 danh hiệu, hình thức');
    expect(screen.getByTestId('eligibility-rulebook').textContent).toContain('LAW-06-2022+DECREE-152-2025');

    const met = screen.getByTestId('eligibility-item-TAP_THE_LAO_DONG_TIEN_TIEN');
    expect(met.getAttribute('data-eligible')).toBe('true');
    expect(met.textContent).toContain('Đạt');
    const unmet = screen.getByTestId('eligibility-item-TAP_THE_LAO_DONG_XUAT_SAC');
    expect(unmet.getAttribute('data-eligible')).toBe('false');
    expect(unmet.textContent).toContain('Chưa đạt');
    // the reward money, with the language's thousands separator; none where the rulebook sets none
    expect(within(met).getByTestId('eligibility-reward').textContent).toBe('Tiền thưởng 1.872.000 ₫');
    expect(within(unmet).getByTestId('eligibility-reward').textContent).toBe('Tiền thưởng 3.510.000 ₫');
    expect(within(screen.getByTestId('eligibility-item-BANG_KHEN_BO_TINH')).queryByTestId('eligibility-reward')).toBeNull();
    // titles first, then forms
    expect(panel.textContent!.indexOf('Danh hiệu thi đua')).toBeLessThan(panel.textContent!.indexOf('Hình thức khen thưởng'));

    fireEvent.click(met);
    const reasons = await waitFor(() => {
      const found = within(panel).getAllByTestId('eligibility-reason');
      expect(found).toHaveLength(2);
      return found;
    });
    // the legal basis in words, the engine's code kept on the tag and shown in its tooltip
    const rule = within(reasons[0]!).getByTestId('reason-rule');
    expect(rule.textContent).toBe('Điều 28 Luật Thi đua, khen thưởng 2022');
    expect(rule.getAttribute('data-rule')).toBe('law-06-2022/art-28');
    fireEvent.mouseEnter(rule);
    expect((await screen.findByTestId('reason-rule-code')).textContent).toBe('law-06-2022/art-28');
    expect(screen.getByRole('tooltip').textContent).toContain('Luật Thi đua, khen thưởng số 06/2022/QH15');
    expect(reasons[0]!.textContent).toContain(`Năm ${now} xếp loại Hoàn thành tốt nhiệm vụ`);
    expect(reasons[0]!.getAttribute('data-met')).toBe('true');
    expect(within(reasons[1]!).getByTestId('reason-rule').textContent).toBe('Điều 4 Nghị định 152/2025/NĐ-CP');

    fireEvent.click(unmet);
    await waitFor(() => expect(within(panel).getAllByTestId('eligibility-reason')).toHaveLength(3));
    const unmetReason = within(panel).getAllByTestId('eligibility-reason')[2]!;
    expect(unmetReason.getAttribute('data-met')).toBe('false');
    expect(unmetReason.textContent).toContain('Điều 27 Luật Thi đua, khen thưởng 2022');
  });

  it('shows only the titles and forms meant for the subject, all of them on request', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': ({ url }) => ({ body: directorVerdicts(Number(url.searchParams.get('year'))) }),
    });
    renderApp('/units/16');
    const panel = await screen.findByTestId('eligibility-panel');
    await within(panel).findByTestId('eligibility-item-LAO_DONG_TIEN_TIEN');
    expect(within(panel).queryByTestId('eligibility-item-CHIEN_SI_TIEN_TIEN')).toBeNull();
    expect(screen.getByTestId('eligibility-summary').textContent).toBe('Đạt tiêu chuẩn 1/3 danh hiệu, hình thức · 1 do Hội đồng xem xét');

    fireEvent.click(within(panel).getByTestId('eligibility-show-all'));
    const soldier = await within(panel).findByTestId('eligibility-item-CHIEN_SI_TIEN_TIEN');
    expect(soldier.getAttribute('data-applies')).toBe('false');
    expect(within(soldier).getByTestId('eligibility-not-applicable').textContent).toBe('Không áp dụng cho đối tượng này');
    expect(within(panel).getByTestId('eligibility-item-LAO_DONG_TIEN_TIEN').getAttribute('data-applies')).toBe('true');
    expect(within(within(panel).getByTestId('eligibility-item-LAO_DONG_TIEN_TIEN')).queryByTestId('eligibility-not-applicable')).toBeNull();
    expect(screen.getByTestId('eligibility-summary').textContent).toContain('2/4');

    fireEvent.click(within(panel).getByTestId('eligibility-show-all'));
    await waitFor(() => expect(within(panel).queryByTestId('eligibility-item-CHIEN_SI_TIEN_TIEN')).toBeNull());
  });

  it('a form whose criteria the rulebook leaves to the council is "to be judged by the council", in a neutral colour', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': ({ url }) => ({ body: directorVerdicts(Number(url.searchParams.get('year'))) }),
    });
    renderApp('/units/16');
    const form = await screen.findByTestId('eligibility-item-GIAY_KHEN');
    expect(form.getAttribute('data-outcome')).toBe('council');
    const tag = within(form).getByTestId('eligibility-outcome');
    expect(tag.textContent).toBe('Hội đồng xem xét');
    expect(form.textContent).not.toContain('Chưa đạt');
    expect(tag.className).not.toMatch(/error/);
    const notMet = within(screen.getByTestId('eligibility-item-CHIEN_SI_THI_DUA_CO_SO')).getByTestId('eligibility-outcome');
    expect(notMet.textContent).toBe('Chưa đạt');
    expect(notMet.className).toMatch(/error/);

    fireEvent.click(form);
    const reasons = await within(screen.getByTestId('eligibility-panel')).findAllByTestId('eligibility-reason');
    // what the council judges is marked as its question, not as a failure; the rest as usual
    expect(within(reasons[0]!).getByTestId('reason-council')).toBeTruthy();
    expect(within(reasons[1]!).queryByTestId('reason-council')).toBeNull();
  });

  it('reads legal bases out in the reader’s language', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': ({ url }) => ({ body: directorVerdicts(Number(url.searchParams.get('year'))) }),
    });
    renderApp('/units/16', 'en');
    const item = await screen.findByTestId('eligibility-item-GIAY_KHEN');
    expect(within(item).getByTestId('eligibility-outcome').textContent).toBe('To be judged by the council');
    fireEvent.click(item);
    const reasons = await within(screen.getByTestId('eligibility-panel')).findAllByTestId('eligibility-reason');
    expect(within(reasons[0]!).getByTestId('reason-rule').textContent).toBe('Article 75, Law on Emulation and Commendation 2022');
    expect(within(reasons[1]!).getByTestId('reason-rule').textContent).toBe('Article 4, Decree 152/2025/ND-CP');
  });

  it('shows the reward in the reader’s language', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': ({ url }) => ({ body: verdicts(Number(url.searchParams.get('year'))) }),
    });
    renderApp('/units/16', 'en');
    const met = await screen.findByTestId('eligibility-item-TAP_THE_LAO_DONG_TIEN_TIEN');
    expect(within(met).getByTestId('eligibility-reward').textContent).toBe('Reward ₫1,872,000');
  });

  it('asks again for another year', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': ({ url }) => ({ body: verdicts(Number(url.searchParams.get('year'))) }),
    });
    renderApp('/units/16');
    await screen.findByTestId('eligibility-item-TAP_THE_LAO_DONG_TIEN_TIEN');
    fireEvent.mouseDown(within(screen.getByTestId('eligibility-year')).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('2024'));
    await waitFor(() => expect(screen.getByTestId('eligibility-panel').textContent).toContain('Tiêu chuẩn khen thưởng năm 2024'));
    await waitFor(() =>
      expect(api.find('GET', '/eligibility/subjects/unit/16').map((c) => c.url.searchParams.get('year'))).toContain('2024'),
    );
  });

  it('shows the server’s message when the verdicts cannot be loaded', async () => {
    mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /records/unit/16': { body: emptyRecords },
      'GET /eligibility/subjects/unit/16': {
        status: 400,
        body: { error: { code: 'RULEBOOK_NOT_IN_FORCE', message: 'Chưa có bộ quy tắc cho ngày 31/12/2030' } },
      },
    });
    renderApp('/units/16');
    const panel = await screen.findByTestId('eligibility-panel');
    await waitFor(() => expect(within(panel).getByTestId('query-error').textContent).toContain('Chưa có bộ quy tắc cho ngày 31/12/2030'));
  });
});
