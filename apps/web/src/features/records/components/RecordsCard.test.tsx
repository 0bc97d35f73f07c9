import { afterEach, describe, expect, it, vi } from 'vitest';
import { personSchema } from '@thidua/contracts/people.ts';
import { historySchema } from '@thidua/contracts/records.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  adminUser,
  mockApi,
  renderApp,
  signedIn,
  readOnlyAbilities,
  allowAll,
  PERSON_ACTIONS,
  UNIT_ACTIONS,
  contract,
} from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const person = contract(personSchema, {
  abilities: allowAll(PERSON_ACTIONS),
  id: 451,
  code: 'TH-LAMSON-NV001',
  fullName: 'Trần Đình Hải',
  gender: 'male',
  birthDate: '1984-12-31',
  unitId: 16,
  unitName: 'Công ty TNHH MTV Lam Sơn',
  version: 1,
  positions: [],
});

function records(canEdit = true, ratings = [{ year: 2025, rating: 'HTT', decisionRef: null as string | null }]) {
  return contract(historySchema, {
    subject: { type: 'person', id: 451, name: 'Trần Đình Hải', abilities: { editRecords: canEdit } },
    ratings,
    awards: [
      {
        id: 3054,
        awardCode: 'CHIEN_SI_THI_DUA_CO_SO',
        year: 2024,
        kind: 'CONG_TRANG',
        decisionNumber: '12/QĐ-LS',
        decisionDate: '2025-01-15',
        evidenceIds: [612],
      },
    ],
    evidence: [
      {
        id: 612,
        evidenceType: 'INITIATIVE',
        title: 'Chuẩn hóa biểu mẫu báo cáo',
        year: 2024,
        scope: 'CO_SO',
        recognitionRef: null,
        usedForAwardId: 3054,
      },
      {
        id: 613,
        evidenceType: 'INITIATIVE',
        title: 'Giảm thất thoát nước tưới',
        year: 2025,
        scope: 'CO_SO',
        recognitionRef: '5/QĐ-LS',
        usedForAwardId: null,
      },
    ],
    discipline: [],
    leaves: [{ id: 7, leaveType: 'MATERNITY', from: '2025-02-01', to: '2025-07-31' }],
    reviews: [],
    figures: [],
  });
}

function mockPersonPage(extra: Record<string, unknown> = {}, user = adminUser, doc = records()) {
  return mockApi({
    'GET /auth/me': signedIn(user),
    'GET /people/451': { body: person },
    'GET /audit': { body: { items: [] } },
    'GET /eligibility/subjects/person/451': {
      body: { subject: { type: 'person', id: 451, name: 'Trần Đình Hải' }, year: 2026, rulebook: 'LAW-06-2022+DECREE-152-2025', items: [] },
    },
    'GET /records/person/451': { body: doc },
    ...(extra as Record<string, never>),
  });
}

const rows = (kind: string) => within(screen.getByTestId(`records-${kind}`)).queryAllByTestId('record-row');

/** Opens an AntD select and picks an option; a long (virtual) list is first narrowed by typing. */
async function chooseOption(testId: string, label: string, search?: string) {
  const combobox = within(screen.getByTestId(testId)).getByRole('combobox');
  fireEvent.mouseDown(combobox);
  if (search) fireEvent.change(combobox, { target: { value: search } });
  const options = await screen.findAllByTitle(label);
  fireEvent.click(options[options.length - 1]!);
}

describe('records card', { timeout: 30_000 }, () => {
  it('lists ratings, awards with the initiatives they used, and whether each initiative is spent', async () => {
    mockPersonPage();
    renderApp('/people/451');
    const card = await screen.findByTestId('records-card');
    expect(card.textContent).toContain('Hồ sơ thi đua');
    await waitFor(() => expect(rows('ratings')).toHaveLength(1));
    expect(rows('ratings')[0]!.textContent).toContain('Hoàn thành tốt nhiệm vụ');

    fireEvent.click(screen.getByTestId('records-tab-awards'));
    await waitFor(() => expect(rows('awards')).toHaveLength(1));
    const award = rows('awards')[0]!.textContent!;
    expect(award).toContain('Chiến sĩ thi đua cơ sở');
    expect(award).toContain('Khen thưởng theo công trạng');
    expect(award).toContain('12/QĐ-LS – 15/01/2025');
    expect(award).toContain('Chuẩn hóa biểu mẫu báo cáo');

    fireEvent.click(screen.getByTestId('records-tab-evidence'));
    await waitFor(() => expect(rows('evidence')).toHaveLength(2));
    expect(rows('evidence')[0]!.textContent).toContain('Đã dùng cho Chiến sĩ thi đua cơ sở năm 2024');
    expect(rows('evidence')[1]!.textContent).toContain('Chưa sử dụng');

    // a person has leaves, not member figures
    expect(screen.getByTestId('records-tab-leaves')).toBeTruthy();
    expect(screen.queryByTestId('records-tab-figures')).toBeNull();
  });

  it('adds a rating and shows the document the server answers with', async () => {
    const api = mockPersonPage({
      'POST /records/person/451/ratings': () => ({
        status: 201,
        body: records(true, [
          { year: 2026, rating: 'HTXS', decisionRef: '99/QĐ-LS' },
          { year: 2025, rating: 'HTT', decisionRef: null },
        ]),
      }),
    });
    renderApp('/people/451');
    fireEvent.click(await screen.findByTestId('records-add-ratings'));
    await screen.findByTestId('record-form-ratings');
    fireEvent.change(screen.getByTestId('field-year'), { target: { value: '2026' } });
    await chooseOption('field-rating', 'Hoàn thành xuất sắc nhiệm vụ');
    fireEvent.change(screen.getByTestId('field-decisionRef'), { target: { value: ' 99/QĐ-LS ' } });
    fireEvent.click(screen.getByTestId('record-submit'));

    await waitFor(() => expect(rows('ratings')).toHaveLength(2));
    expect(rows('ratings')[0]!.textContent).toContain('2026');
    expect(rows('ratings')[0]!.textContent).toContain('99/QĐ-LS');
    const post = api.find('POST', '/records/person/451/ratings')[0]!;
    expect(post.body).toEqual({ year: 2026, rating: 'HTXS', decisionRef: '99/QĐ-LS' });
    expect(post.headers['x-csrf-token']).toBe('csrf-123');
    await waitFor(() => expect(screen.queryByTestId('record-form-ratings')).toBeNull());
  });

  it('puts the server’s field errors on the fields and keeps the dialog open', async () => {
    const api = mockPersonPage({
      'POST /records/person/451/awards': {
        status: 409,
        body: {
          error: {
            code: 'EVIDENCE_ALREADY_USED',
            message: 'Sáng kiến hoặc đề tài này đã được dùng để đề nghị khen thưởng.',
            fields: [{ path: 'evidenceIds', message: 'sáng kiến hoặc đề tài 613 đã được dùng cho khen thưởng khác' }],
          },
        },
      },
    });
    renderApp('/people/451');
    fireEvent.click(await screen.findByTestId('records-tab-awards'));
    fireEvent.click(await screen.findByTestId('records-add-awards'));
    await screen.findByTestId('record-form-awards');
    await chooseOption('field-awardCode', 'Giấy khen', 'Giấy');
    await chooseOption('field-evidenceIds', 'Giảm thất thoát nước tưới (2025, Cấp cơ sở)');
    fireEvent.click(screen.getByTestId('record-submit'));

    expect(await screen.findByText('sáng kiến hoặc đề tài 613 đã được dùng cho khen thưởng khác')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('Sáng kiến hoặc đề tài này đã được dùng');
    expect(screen.getByTestId('record-form-awards')).toBeTruthy();
    expect(api.find('POST', '/records/person/451/awards')[0]!.body).toEqual({
      awardCode: 'GIAY_KHEN',
      year: new Date().getFullYear(),
      kind: 'CONG_TRANG',
      decisionNumber: null,
      decisionDate: null,
      evidenceIds: [613],
    });
  });

  it('removes a record after confirmation, by year for ratings', async () => {
    const api = mockPersonPage({ 'DELETE /records/person/451/ratings/2025': { body: records(true, []) } });
    renderApp('/people/451');
    await waitFor(() => expect(rows('ratings')).toHaveLength(1));
    fireEvent.click(within(rows('ratings')[0]!).getByTestId('record-remove'));
    fireEvent.click(await screen.findByTestId('confirm-remove'));
    await waitFor(() => expect(rows('ratings')).toHaveLength(0));
    expect(api.find('DELETE', '/records/person/451/ratings/2025')).toHaveLength(1);
  });

  it('shows the server’s message when a removal is refused', async () => {
    mockPersonPage({
      'DELETE /records/person/451/evidence/612': {
        status: 409,
        body: {
          error: {
            code: 'EVIDENCE_ALREADY_USED',
            message: 'Sáng kiến đã được dùng cho một khen thưởng; hãy xóa khen thưởng đó trước',
            fields: [{ path: 'recordId', message: '…' }],
          },
        },
      },
    });
    renderApp('/people/451');
    fireEvent.click(await screen.findByTestId('records-tab-evidence'));
    await waitFor(() => expect(rows('evidence')).toHaveLength(2));
    fireEvent.click(within(rows('evidence')[0]!).getByTestId('record-remove'));
    fireEvent.click(await screen.findByTestId('confirm-remove'));
    expect(await screen.findByText('Sáng kiến đã được dùng cho một khen thưởng; hãy xóa khen thưởng đó trước')).toBeTruthy();
    expect(rows('evidence')).toHaveLength(2);
  });

  it('offers no adding or removing without edit rights', async () => {
    mockPersonPage({}, { ...adminUser, role: 'VIEWER', abilities: readOnlyAbilities }, records(false));
    renderApp('/people/451');
    await waitFor(() => expect(rows('ratings')).toHaveLength(1));
    expect(screen.queryByTestId('records-add-ratings')).toBeNull();
    expect(screen.queryByTestId('record-remove')).toBeNull();
  });
});

describe('records card of a collective', { timeout: 30_000 }, () => {
  const unit = {
    abilities: allowAll(UNIT_ACTIONS),
    id: 16,
    authorityId: 3,
    authorityName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
    code: 'TH-LAMSON',
    name: 'Công ty TNHH MTV Lam Sơn',
    shortName: null,
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
  const unitRecords = {
    subject: { type: 'unit', id: 16, name: unit.name, abilities: { editRecords: true } },
    ratings: [],
    awards: [],
    evidence: [],
    discipline: [],
    leaves: [],
    reviews: [],
    figures: [
      { year: 2025, total: 30, advancedWorkers: 27, completedTasks: 30, grassrootsFighters: 4, disciplinedWarningOrAbove: 0, women: 12 },
    ],
  };

  it('lists member figures by year and puts the server’s field error on the figure that exceeds the total', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(),
      'GET /units/16': { body: unit },
      'GET /audit': { body: { items: [] } },
      'GET /eligibility/subjects/unit/16': {
        body: { subject: { type: 'unit', id: 16, name: unit.name }, year: 2026, rulebook: null, items: [] },
      },
      'GET /records/unit/16': { body: unitRecords },
      'POST /records/unit/16/figures': {
        status: 400,
        body: {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'Dữ liệu gửi lên không hợp lệ.',
            fields: [{ path: 'advancedWorkers', message: 'không được lớn hơn tổng số (10)' }],
          },
        },
      },
    });
    renderApp('/units/16');
    fireEvent.click(await screen.findByTestId('records-tab-figures'));
    expect(screen.queryByTestId('records-tab-leaves')).toBeNull();
    await waitFor(() => expect(rows('figures')).toHaveLength(1));
    expect(rows('figures')[0]!.textContent).toMatch(/2025.*30.*27.*30.*4.*0.*12/);

    fireEvent.click(screen.getByTestId('records-add-figures'));
    await screen.findByTestId('record-form-figures');
    for (const [field, value] of Object.entries({
      total: '10',
      advancedWorkers: '11',
      completedTasks: '10',
      grassrootsFighters: '1',
      disciplinedWarningOrAbove: '0',
    })) {
      fireEvent.change(screen.getByTestId(`field-${field}`), { target: { value } });
    }
    fireEvent.click(screen.getByTestId('record-submit'));
    expect(await screen.findByText('không được lớn hơn tổng số (10)')).toBeTruthy();
    expect(api.find('POST', '/records/unit/16/figures')[0]!.body).toEqual({
      year: new Date().getFullYear(),
      total: 10,
      women: null,
      advancedWorkers: 11,
      completedTasks: 10,
      grassrootsFighters: 1,
      disciplinedWarningOrAbove: 0,
    });
  });
});
