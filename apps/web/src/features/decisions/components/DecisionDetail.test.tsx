import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse } from '@thidua/contracts/shared.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { adminUser, contract, mockApi, readOnlyAbilities, renderApp, signedIn } from '../../../test-utils.tsx';
import { checksFixture, committee, draftFixture, issuedFixture, recordsOf } from './fixtures.test-utils.ts';
import { todayInVietnam } from './DecisionDialogs.tsx';

afterEach(() => vi.unstubAllGlobals());

const viewer = { ...adminUser, id: 7, role: 'VIEWER' as const, authorityId: 3, abilities: readOnlyAbilities };
const DRAFT_CONTROLS = ['decision-issue', 'decision-edit', 'decision-delete'];

describe('decision page', { timeout: 60_000 }, () => {
  it('a draft shows the checks with a clear warning, the PDF preview, downloads and the draft’s controls', async () => {
    mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /decisions/41': { body: draftFixture() },
      'GET /decisions/41/checks': { body: checksFixture(true) },
    });
    renderApp('/decisions/41');
    await screen.findByTestId('decision-detail');
    expect(screen.getByTestId('decision-number').textContent).toBe('Dự thảo quyết định');
    for (const id of DRAFT_CONTROLS) expect(screen.getByTestId(id)).toBeTruthy();
    expect(screen.queryByTestId('decision-cancel')).toBeNull();
    const frame = screen.getByTestId('decision-preview-frame');
    expect(frame.getAttribute('src')).toBe('/api/v1/decisions/41/document.pdf?disposition=inline');
    expect(frame.getAttribute('title')).toContain('Dự thảo quyết định');
    expect(screen.getByTestId('download-pdf').getAttribute('href')).toBe('/api/v1/decisions/41/document.pdf');
    expect(screen.getByTestId('download-docx').getAttribute('href')).toBe('/api/v1/decisions/41/document.docx');
    const warning = await screen.findByTestId('checks-warning');
    expect(warning.textContent).toContain('chưa đủ điều kiện theo tiêu chuẩn: 1');
    const hoa = screen.getByTestId('check-person-101');
    expect(hoa.textContent).toContain('Chưa đủ điều kiện');
    expect(hoa.textContent).toContain('Chưa đủ 2 năm liên tục');
    expect(screen.getByTestId('check-unit-16').textContent).toContain('Đủ điều kiện');
    expect(screen.getAllByTestId('recipient-row')).toHaveLength(2);
  });

  it('a reader of an issued decision gets no controls, but the money, the total, the code and the SHA-256', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(viewer),
      'GET /decisions/41': {
        body: issuedFixture({ abilities: { update: false, issue: false, delete: false, cancel: false, replace: false } }),
      },
    });
    renderApp('/decisions/41');
    await screen.findByTestId('decision-detail');
    expect(screen.getByTestId('decision-number').textContent).toBe('07/QĐ-UBND');
    for (const id of [...DRAFT_CONTROLS, 'decision-cancel']) expect(screen.queryByTestId(id)).toBeNull();
    expect(screen.getByTestId('download-pdf')).toBeTruthy();
    expect(screen.getByTestId('reward-total').textContent).toBe('7.020.000 ₫');
    expect(screen.getByTestId('verification-code').textContent).toBe('TH-41-ABCD');
    expect(screen.getByTestId('pdf-sha256').textContent).toBe('a'.repeat(64));
    expect(screen.queryByTestId('decision-checks')).toBeNull();
    expect(api.find('GET', '/decisions/41/checks')).toHaveLength(0);
  });

  it('lists the initiatives each recipient’s award relies on, or how many when the records cannot be read', async () => {
    const issued = issuedFixture();
    mockApi({
      'GET /auth/me': signedIn(viewer),
      'GET /decisions/41': {
        body: issuedFixture({
          abilities: { update: false, issue: false, delete: false, cancel: false, replace: false },
          recipients: issued.recipients.map((r) => ({ ...r, evidenceIds: r.subjectType === 'person' ? [7, 9] : [20] })),
        }),
      },
      'GET /records/person/101': {
        body: recordsOf(101, 'Lê Thị Hoa', [
          { id: 7, title: 'Cải tiến quy trình thu hoạch mía', usedForAwardId: 12 },
          { id: 8, title: 'Sáng kiến không được nêu' },
          { id: 9, title: 'Đề tài giống mía chịu hạn', usedForAwardId: 12 },
        ]),
      },
      'GET /records/unit/16': {
        status: 403,
        body: contract(errorResponse, { error: { code: 'FORBIDDEN', message: 'Không có quyền.', fields: [] } }),
      },
    });
    renderApp('/decisions/41');
    await screen.findByTestId('decision-detail');
    // the count until the titles are read
    expect(screen.getByTestId('recipient-evidence-person:101').textContent).toBe('Sáng kiến, đề tài: 2');
    await waitFor(() =>
      expect(screen.getByTestId('recipient-evidence-person:101').textContent).toBe(
        'Cải tiến quy trình thu hoạch mía (2024)Đề tài giống mía chịu hạn (2024)',
      ),
    );
    await waitFor(() => expect(screen.getByTestId('recipient-evidence-unit:16').textContent).toBe('Sáng kiến, đề tài: 1'));
    expect(screen.getByTestId('reward-total').textContent).toBe('7.020.000 ₫');
  });

  it('issuing asks for the reason the server requires (422) and sends it with the date', async () => {
    let issued = false;
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /decisions/41': () => ({ body: issued ? issuedFixture() : draftFixture() }),
      // the checks saw nobody ineligible; the server, judging at issue time, did
      'GET /decisions/41/checks': { body: checksFixture(false) },
      'POST /decisions/41/issue': (call) => {
        const body = call.body as { overrideReason?: string };
        if (!body.overrideReason)
          return {
            status: 422,
            body: contract(errorResponse, {
              error: {
                code: 'ISSUE_NEEDS_REASON',
                message: '1 người chưa đủ điều kiện; cần ghi lý do vẫn ban hành.',
                fields: [{ path: 'overrideReason', message: 'Lý do vẫn ban hành: không được để trống.' }],
              },
            }),
          };
        issued = true;
        return { body: issuedFixture() };
      },
      'GET /decisions': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/decisions/41');
    await screen.findByTestId('checks-ok');
    fireEvent.click(screen.getByTestId('decision-issue'));
    const form = await screen.findByTestId('issue-form');
    expect(within(form).queryByTestId('field-overrideReason')).toBeNull();
    fireEvent.click(screen.getByTestId('issue-submit'));

    await screen.findByTestId('save-error');
    expect(screen.getByTestId('save-error').textContent).toContain('cần ghi lý do');
    const reason = await screen.findByTestId('field-overrideReason');
    await waitFor(() => expect(form.textContent).toContain('Lý do vẫn ban hành: không được để trống.'));
    fireEvent.change(reason, { target: { value: 'Hội đồng đã xem xét thành tích đột xuất' } });
    fireEvent.click(screen.getByTestId('issue-submit'));

    await waitFor(() => expect(api.find('POST', '/decisions/41/issue')).toHaveLength(2));
    expect(api.find('POST', '/decisions/41/issue')[1]!.body).toEqual({
      version: 1,
      issueDate: todayInVietnam(),
      overrideReason: 'Hội đồng đã xem xét thành tích đột xuất',
    });
    await waitFor(() => expect(screen.getByTestId('decision-number').textContent).toBe('07/QĐ-UBND'));
    expect(screen.getByTestId('decision-cancel')).toBeTruthy();
  });

  it('when the checks already found someone ineligible, the reason is asked for before issuing', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /decisions/41': { body: draftFixture() },
      'GET /decisions/41/checks': { body: checksFixture(true) },
    });
    renderApp('/decisions/41');
    await screen.findByTestId('checks-warning');
    fireEvent.click(screen.getByTestId('decision-issue'));
    await screen.findByTestId('issue-ineligible');
    expect(screen.getByTestId('field-overrideReason')).toBeTruthy();
    fireEvent.click(screen.getByTestId('issue-submit'));
    await waitFor(() => expect(screen.getByTestId('issue-form').textContent).toContain('Không được để trống.'));
    expect(api.find('POST', '/decisions/41/issue')).toHaveLength(0);
  });

  it('cancels an issued decision with a reason', async () => {
    const api = mockApi({
      'GET /auth/me': signedIn(committee),
      'GET /decisions/41': { body: issuedFixture() },
      'POST /decisions/41/cancel': {
        body: issuedFixture({
          status: 'CANCELLED',
          cancelReason: 'Sai họ tên người được khen',
          abilities: { update: false, issue: false, delete: false, cancel: false, replace: false },
        }),
      },
      'GET /decisions': { body: { items: [], total: 0, page: 1, pageSize: 20 } },
    });
    renderApp('/decisions/41');
    fireEvent.click(await screen.findByTestId('decision-cancel'));
    fireEvent.change(await screen.findByTestId('field-cancelReason'), { target: { value: 'Sai họ tên người được khen' } });
    fireEvent.click(screen.getByTestId('cancel-submit'));
    await waitFor(() => expect(api.find('POST', '/decisions/41/cancel')).toHaveLength(1));
    expect(api.find('POST', '/decisions/41/cancel')[0]!.body).toEqual({ version: 2, reason: 'Sai họ tên người được khen' });
    await waitFor(() => expect(screen.getByTestId('decision-status').textContent).toBe('Đã hủy'));
    expect(screen.getByTestId('cancel-reason').textContent).toBe('Sai họ tên người được khen');
  });
});
