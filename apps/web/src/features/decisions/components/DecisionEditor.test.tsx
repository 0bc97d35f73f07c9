import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '@thidua/contracts/shared.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { authoritiesPage, contract, mockApi, pageOf, renderApp, signedIn } from '../../../test-utils.tsx';
import { committee, draftFixture, issuedFixture, personOption, recordsOf } from './fixtures.test-utils.ts';

afterEach(() => vi.unstubAllGlobals());

function typeInto(testId: string, value: string) {
  const el = screen.getByTestId(testId);
  const input = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input, textarea')!;
  fireEvent.change(input, { target: { value } });
}

async function pick(testId: string, option: string, search?: string) {
  const box = within(screen.getByTestId(testId)).getByRole('combobox');
  fireEvent.mouseDown(box);
  if (search) fireEvent.change(box, { target: { value: search } });
  const item = await waitFor(() => {
    const found = [...document.querySelectorAll(`.ant-select-item-option[title="${option}"]`)].at(-1);
    expect(found).toBeTruthy();
    return found!;
  });
  fireEvent.click(item);
}

const inputValue = (testId: string) => (screen.getByTestId(testId) as HTMLInputElement).value;

const evidenceBox = (id: number) => {
  const el = screen.getByTestId(`evidence-option-${id}`);
  return (el.tagName === 'INPUT' ? el : el.querySelector('input'))! as HTMLInputElement;
};

const people = pageOf([personOption(101, 'Lê Thị Hoa'), personOption(102, 'Trần Văn Nam')], 20);

describe('decision editor', { timeout: 60_000 }, () => {
  it('prefills the issuing body from the authority, offers only its awards, and submits the contract’s body', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authoritiesPage },
      'GET /people': { body: people },
      'POST /decisions': { status: 201, body: draftFixture({ id: 52 }) },
      'GET /decisions/52': { body: draftFixture({ id: 52 }) },
      'GET /decisions/52/checks': { body: { rulebook: null, recipients: [], quota: null, ineligibleCount: 0 } },
    });
    const { router } = renderApp('/decisions/new');
    await screen.findByTestId('decision-editor');
    await waitFor(() => expect(inputValue('field-issuerName')).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA'));
    expect(inputValue('field-symbol')).toBe('QĐ-UBND');
    expect(inputValue('field-place')).toBe('Thanh Hóa');
    expect(inputValue('field-authorityLine')).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA');
    expect(inputValue('field-onBehalfOf')).toBe('CHỦ TỊCH');
    expect(inputValue('field-signerTitle')).toBe('PHÓ CHỦ TỊCH');

    // a province confers its own level's awards, not a unit head's Giấy khen
    fireEvent.mouseDown(within(screen.getByTestId('field-awardCode')).getByRole('combobox'));
    await waitFor(() => expect(document.querySelector('.ant-select-item-option[title="Bằng khen của bộ, ban, ngành, tỉnh"]')).toBeTruthy());
    expect(document.querySelector('.ant-select-item-option[title="Giấy khen"]')).toBeNull();
    await pick('field-awardCode', 'Bằng khen của bộ, ban, ngành, tỉnh');

    typeInto('field-signerName', 'Đầu Thanh Tùng');
    typeInto('field-achievement', 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025');
    typeInto('field-copiesTo', 'Như Điều 3;\n\nLưu: VT.');
    await pick('recipient-search', 'Lê Thị Hoa', 'Hoa');
    await screen.findByTestId('recipient-row-person:101');
    await pick('recipient-search', 'Trần Văn Nam');
    await screen.findByTestId('recipient-row-person:102');
    fireEvent.click(screen.getByTestId('recipient-remove-person:102'));
    await waitFor(() => expect(screen.queryByTestId('recipient-row-person:102')).toBeNull());
    fireEvent.click(screen.getByTestId('decision-save'));

    await waitFor(() => expect(api.find('POST', '/decisions')).toHaveLength(1));
    expect(api.find('POST', '/decisions')[0]!.body).toEqual({
      authorityId: 3,
      issuerUnitId: null,
      symbol: 'QĐ-UBND',
      issuerParent: null,
      issuerName: 'ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      place: 'Thanh Hóa',
      authorityLine: 'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH THANH HÓA',
      signer: { delegation: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Đầu Thanh Tùng' },
      awardCode: 'BANG_KHEN_BO_TINH',
      kind: 'CONG_TRANG',
      year: new Date().getFullYear() - 1,
      achievement: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
      proposal: null,
      regulation: null,
      copiesTo: ['Như Điều 3;', 'Lưu: VT.'],
      recipients: [{ subjectType: 'person', subjectId: 101 }],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/decisions/52'));
  });

  it('puts the server’s field errors on their fields, a recipient’s by name', async () => {
    mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authoritiesPage },
      'GET /decisions/41': { body: draftFixture() },
      'PATCH /decisions/41': {
        status: 400,
        body: contract(errorResponse, {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu không hợp lệ.',
            fields: [
              { path: 'symbol', message: 'Ký hiệu: không đúng thể thức.' },
              { path: 'recipients.1.subjectId', message: 'không thuộc phạm vi của cơ quan ban hành.' },
            ],
          },
        }),
      },
    });
    renderApp('/decisions/41/edit');
    await screen.findByTestId('decision-editor');
    await waitFor(() => expect(inputValue('field-symbol')).toBe('QĐ-UBND'));
    expect(screen.getByTestId('recipient-row-unit:16')).toBeTruthy();
    typeInto('field-symbol', 'QĐ-ubnd');
    fireEvent.click(screen.getByTestId('decision-save'));

    const error = await screen.findByTestId('save-error');
    expect(error.textContent).toBe('Dữ liệu không hợp lệ.');
    const form = screen.getByTestId('decision-form');
    await waitFor(() => expect(form.textContent).toContain('Ký hiệu: không đúng thể thức.'));
    expect(form.textContent).toContain('Công ty TNHH MTV Lam Sơn: không thuộc phạm vi của cơ quan ban hành.');
  });

  it('saves an edited draft against the version it opened with', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authoritiesPage },
      'GET /decisions/41': { body: draftFixture() },
      'PATCH /decisions/41': { body: draftFixture({ version: 2 }) },
      'GET /decisions/41/checks': { body: { rulebook: null, recipients: [], quota: null, ineligibleCount: 0 } },
    });
    renderApp('/decisions/41/edit');
    await screen.findByTestId('decision-editor');
    await waitFor(() => expect(inputValue('field-signerName')).toBe('Đầu Thanh Tùng'));
    typeInto('field-signerName', 'Lê Đức Giang');
    fireEvent.click(screen.getByTestId('decision-save'));
    await waitFor(() => expect(api.find('PATCH', '/decisions/41')).toHaveLength(1));
    const body = api.find('PATCH', '/decisions/41')[0]!.body as Record<string, unknown>;
    expect(body.version).toBe(1);
    expect(body.signer).toEqual({ delegation: 'KT', onBehalfOf: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Lê Đức Giang' });
    expect(body.recipients).toEqual([
      { subjectType: 'person', subjectId: 101 },
      { subjectType: 'unit', subjectId: 16 },
    ]);
    expect(body).not.toHaveProperty('authorityId');
  });

  it('starts a correction from the issued decision and sends which one it replaces', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authoritiesPage },
      'GET /decisions/41': { body: issuedFixture() },
      'POST /decisions': { status: 201, body: draftFixture({ id: 60, replacesId: 41 }) },
      'GET /decisions/60': { body: draftFixture({ id: 60, replacesId: 41 }) },
      'GET /decisions/60/checks': { body: { rulebook: null, recipients: [], quota: null, ineligibleCount: 0 } },
    });
    renderApp('/decisions/new?replaces=41');
    await screen.findByTestId('correction-notice');
    await waitFor(() => expect(inputValue('field-signerName')).toBe('Đầu Thanh Tùng'));
    typeInto('field-achievement', 'đã có thành tích xuất sắc (đính chính)');
    fireEvent.click(screen.getByTestId('decision-save'));
    await waitFor(() => expect(api.find('POST', '/decisions')).toHaveLength(1));
    const body = api.find('POST', '/decisions')[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({ replacesId: 41, authorityId: 3, achievement: 'đã có thành tích xuất sắc (đính chính)' });
    expect(body.recipients).toEqual([
      { subjectType: 'person', subjectId: 101 },
      { subjectType: 'unit', subjectId: 16 },
    ]);
  });

  it('sends the initiatives chosen for a recipient, offering only those not yet used', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authoritiesPage },
      'GET /people': { body: people },
      'GET /records/person/101': {
        body: recordsOf(101, 'Lê Thị Hoa', [
          { id: 7, title: 'Cải tiến quy trình thu hoạch mía' },
          { id: 8, title: 'Phần mềm quản lý kho', usedForAwardId: 3 },
        ]),
      },
      'POST /decisions': { status: 201, body: draftFixture({ id: 52 }) },
      'GET /decisions/52': { body: draftFixture({ id: 52 }) },
      'GET /decisions/52/checks': { body: { rulebook: null, recipients: [], quota: null, ineligibleCount: 0 } },
    });
    renderApp('/decisions/new');
    await screen.findByTestId('decision-editor');
    await waitFor(() => expect(inputValue('field-issuerName')).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA'));
    await pick('field-awardCode', 'Bằng khen của bộ, ban, ngành, tỉnh');
    typeInto('field-signerName', 'Đầu Thanh Tùng');
    typeInto('field-achievement', 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025');
    await pick('recipient-search', 'Lê Thị Hoa', 'Hoa');
    await screen.findByTestId('recipient-row-person:101');
    // nothing asked of the records until the officer opens the choice
    expect(api.find('GET', '/records/person/101')).toHaveLength(0);

    fireEvent.click(screen.getByTestId('recipient-evidence-person:101'));
    await screen.findByTestId('evidence-option-7');
    expect(screen.queryByTestId('evidence-option-8')).toBeNull();
    expect(document.body.textContent).not.toContain('Phần mềm quản lý kho');
    fireEvent.click(evidenceBox(7));
    fireEvent.click(screen.getByTestId('evidence-done'));
    const row = screen.getByTestId('recipient-row-person:101');
    await waitFor(() => expect(row.textContent).toContain('Cải tiến quy trình thu hoạch mía (2024)'));
    expect(screen.getByTestId('recipient-evidence-person:101').textContent).toContain('1');

    fireEvent.click(screen.getByTestId('decision-save'));
    await waitFor(() => expect(api.find('POST', '/decisions')).toHaveLength(1));
    expect((api.find('POST', '/decisions')[0]!.body as Record<string, unknown>).recipients).toEqual([
      { subjectType: 'person', subjectId: 101, evidenceIds: [7] },
    ]);
  });

  it('keeps the initiatives a draft already cites, even once counted as used, and adds to them', async () => {
    const draft = draftFixture();
    const cited = draftFixture({ recipients: draft.recipients.map((r) => (r.subjectType === 'person' ? { ...r, evidenceIds: [7] } : r)) });
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /authorities': { body: authoritiesPage },
      'GET /decisions/41': { body: cited },
      'GET /records/person/101': {
        body: recordsOf(101, 'Lê Thị Hoa', [
          { id: 7, title: 'Cải tiến quy trình thu hoạch mía', usedForAwardId: 12 },
          { id: 9, title: 'Đề tài giống mía chịu hạn' },
          { id: 10, title: 'Sáng kiến đã dùng', usedForAwardId: 4 },
        ]),
      },
      'PATCH /decisions/41': { body: draftFixture({ version: 2 }) },
      'GET /decisions/41/checks': { body: { rulebook: null, recipients: [], quota: null, ineligibleCount: 0 } },
    });
    renderApp('/decisions/41/edit');
    await screen.findByTestId('decision-editor');
    const row = await screen.findByTestId('recipient-row-person:101');
    await waitFor(() => expect(row.textContent).toContain('Cải tiến quy trình thu hoạch mía (2024)'));

    fireEvent.click(screen.getByTestId('recipient-evidence-person:101'));
    await screen.findByTestId('evidence-option-9');
    expect(evidenceBox(7).checked).toBe(true);
    expect(evidenceBox(9).checked).toBe(false);
    expect(screen.queryByTestId('evidence-option-10')).toBeNull();
    fireEvent.click(evidenceBox(9));
    fireEvent.click(screen.getByTestId('evidence-done'));
    await waitFor(() => expect(row.textContent).toContain('Đề tài giống mía chịu hạn (2024)'));

    fireEvent.click(screen.getByTestId('decision-save'));
    await waitFor(() => expect(api.find('PATCH', '/decisions/41')).toHaveLength(1));
    expect((api.find('PATCH', '/decisions/41')[0]!.body as Record<string, unknown>).recipients).toEqual([
      { subjectType: 'person', subjectId: 101, evidenceIds: [7, 9] },
      { subjectType: 'unit', subjectId: 16 },
    ]);
  });
});
