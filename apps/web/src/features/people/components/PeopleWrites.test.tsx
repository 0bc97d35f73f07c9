import type { z } from 'zod';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { personSchema } from '@thidua/contracts/people.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  adminUser,
  mockApi,
  readOnlyAbilities,
  renderApp,
  signedIn,
  allowAll,
  PERSON_ACTIONS,
  lamSonUnit,
  contract,
} from '../../../test-utils.tsx';

afterEach(() => vi.unstubAllGlobals());

const committee = { ...adminUser, id: 2, role: 'COMMITTEE_OFFICER' as const, authorityId: 3 };
const viewer = { ...adminUser, id: 7, role: 'VIEWER' as const, authorityId: 3, abilities: readOnlyAbilities };
const lamSon = lamSonUnit;
const units = { items: [lamSon], total: 1, page: 1, pageSize: 20 };

const person = (positions: z.input<typeof personSchema>['positions'] = [], allowed = true) =>
  contract(personSchema, {
    id: 470,
    code: 'LS-0470',
    fullName: 'Lê Thị Linh',
    gender: 'female',
    birthDate: '1988-05-02',
    unitId: 16,
    unitName: 'Công ty TNHH MTV Lam Sơn',
    version: 1,
    abilities: allowAll(PERSON_ACTIONS, allowed),
    positions,
  });
const position = { id: 31, unitId: 16, unitName: 'Công ty TNHH MTV Lam Sơn', title: 'Phó phòng Kỹ thuật', from: '2021-01-01', to: null };

function typeInto(testId: string, value: string) {
  const el = screen.getByTestId(testId);
  const input = el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' ? el : el.querySelector('input')!;
  fireEvent.change(input, { target: { value } });
}

async function pick(testId: string, option: string) {
  fireEvent.mouseDown(within(screen.getByTestId(testId)).getByRole('combobox'));
  const item = await waitFor(() => {
    const found = document.querySelector(`.ant-select-item-option[title="${option}"]`);
    expect(found).toBeTruthy();
    return found!;
  });
  fireEvent.click(item);
}

/** AntD date pickers take typed dates in the language's pattern. */
function typeDate(testId: string, value: string) {
  const input =
    screen.getByTestId(testId).tagName === 'INPUT' ? screen.getByTestId(testId) : screen.getByTestId(testId).querySelector('input')!;
  fireEvent.mouseDown(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

const listing = {
  'GET /people': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
  'GET /units': { body: units },
  'GET /units/16': { body: lamSon },
};

describe('new person', { timeout: 30_000 }, () => {
  it('registers a person in a unit and opens the new record', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      ...listing,
      'POST /people': { status: 201, body: person() },
      'GET /people/470': { body: person() },
      'GET /audit': { body: { items: [] } },
      'GET /records/person/470': { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
      'GET /eligibility/subjects/person/470': { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
    });
    const { router } = renderApp('/people?unitId=16');
    fireEvent.click(await screen.findByTestId('person-new'));
    await screen.findByTestId('person-create-form');
    // the unit filtered on is the default
    await waitFor(() => expect(screen.getByTestId('field-unitId').textContent).toContain('Công ty TNHH MTV Lam Sơn'));
    typeInto('field-code', ' LS-0470 ');
    typeInto('field-fullName', 'Lê Thị Linh');
    await pick('field-gender', 'Nữ');
    fireEvent.click(screen.getByTestId('person-submit'));

    await waitFor(() => expect(api.find('POST', '/people')).toHaveLength(1));
    expect(api.find('POST', '/people')[0]!.body).toEqual({
      unitId: 16,
      code: 'LS-0470',
      fullName: 'Lê Thị Linh',
      gender: 'female',
      birthDate: null,
    });
    await waitFor(() => expect(router.state.location.pathname).toBe('/people/470'));
  });

  it('puts a duplicate code on its field', async () => {
    mockApi({
      'GET /auth/me': signedIn(committee),
      ...listing,
      'POST /people': {
        status: 409,
        body: {
          error: { code: 'CONFLICT', message: 'Đã có bản ghi trùng', fields: [{ path: 'code', message: 'Mã LS-0470 đã được dùng' }] },
        },
      },
    });
    renderApp('/people?unitId=16');
    fireEvent.click(await screen.findByTestId('person-new'));
    await screen.findByTestId('person-create-form');
    await waitFor(() => expect(screen.getByTestId('field-unitId').textContent).toContain('Công ty TNHH MTV Lam Sơn'));
    typeInto('field-code', 'LS-0470');
    typeInto('field-fullName', 'Lê Thị Linh');
    await pick('field-gender', 'Nữ');
    fireEvent.click(screen.getByTestId('person-submit'));
    expect(await screen.findByText('Mã LS-0470 đã được dùng')).toBeTruthy();
    expect(screen.getByTestId('save-error').textContent).toContain('Đã có bản ghi trùng');
  });

  it('is not offered to a viewer', async () => {
    mockApi({ 'GET /auth/me': signedIn(viewer), ...listing });
    renderApp('/people');
    await screen.findByTestId('person-list');
    expect(screen.queryByTestId('person-new')).toBeNull();
  });
});

describe('positions held', { timeout: 30_000 }, () => {
  const detail = (current: () => unknown) => ({
    'GET /people/470': () => ({ body: current() }),
    'GET /audit': { body: { items: [] } },
    'GET /units': { body: units },
    'GET /units/16': { body: lamSon },
    'GET /records/person/470': { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
    'GET /eligibility/subjects/person/470': { status: 404, body: { error: { code: 'NOT_FOUND', message: 'x' } } },
  });

  it('adds a position with dates and removes one after a confirmation', async () => {
    let current = person([position]);
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      ...detail(() => current),
      'POST /people/470/positions': ({ body }) => {
        current = person([
          position,
          { id: 32, unitName: 'Công ty TNHH MTV Lam Sơn', to: null, ...(body as { unitId: number; title: string; from: string }) },
        ]);
        return { status: 201, body: current };
      },
      'DELETE /people/470/positions/31': () => {
        current = person(current.positions.filter((p) => (p as { id: number }).id !== 31));
        return { body: current };
      },
    });
    renderApp('/people/470');
    await screen.findByTestId('person-positions');
    fireEvent.click(screen.getByTestId('position-add'));
    await screen.findByTestId('position-form');
    typeInto('field-title', 'Trưởng phòng Kỹ thuật');
    await waitFor(() => expect(screen.getByTestId('field-unitId').textContent).toContain('Công ty TNHH MTV Lam Sơn'));
    typeDate('field-from', '01/03/2025');
    fireEvent.click(screen.getByTestId('position-submit'));
    await waitFor(() => expect(api.find('POST', '/people/470/positions')).toHaveLength(1));
    expect(api.find('POST', '/people/470/positions')[0]!.body).toEqual({
      unitId: 16,
      title: 'Trưởng phòng Kỹ thuật',
      from: '2025-03-01',
      to: null,
    });
    await waitFor(() => expect(within(screen.getByTestId('person-positions')).getAllByTestId('position-row')).toHaveLength(2));
    expect(within(screen.getByTestId('person-positions')).getAllByTestId('position-row')[0]!.textContent).toContain(
      'Trưởng phòng Kỹ thuật',
    );

    const old = within(screen.getByTestId('person-positions')).getAllByTestId('position-row')[1]!;
    fireEvent.click(within(old).getByTestId('position-remove'));
    fireEvent.click(await screen.findByTestId('confirm-remove-position'));
    await waitFor(() => expect(api.find('DELETE', '/people/470/positions/31')).toHaveLength(1));
    await waitFor(() => expect(within(screen.getByTestId('person-positions')).getAllByTestId('position-row')).toHaveLength(1));
  });

  it('offers no adding or removing to a viewer', async () => {
    mockApi({ 'GET /auth/me': signedIn(viewer), ...detail(() => person([position], false)) });
    renderApp('/people/470');
    await screen.findByTestId('person-positions');
    expect(screen.queryByTestId('position-add')).toBeNull();
    expect(screen.queryByTestId('position-remove')).toBeNull();
  });
});
