// Browser flow: a committee officer of Thanh Hóa creates an account and a person, then hands the
// rotating flag of Cluster No. 18 to Sông Chu company and reads the hand-over in the cluster's history.
import { describe, expect, it } from 'vitest';
import { openBrowser, screenshot } from './browser.ts';
import { openSignedIn, pick, setUpFlow, text, typeDate, watchErrors } from './flow.ts';

const flow = setUpFlow();

describe('administration in the browser', () => {
  it('creates an account and a person, and hands over the flag of Cluster No. 18', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);
    const stamp = Date.now().toString(36);

    await openSignedIn(page, `${flow.server.url}/users`, 'demo-committee', 'user-list');
    expect(await text(page, 'nav-users')).toBe('Tài khoản');
    await page.getByTestId('user-row-demo-committee').waitFor();

    // a new account: a unit officer of Lam Sơn company
    const username = `can-bo-${stamp}`;
    await page.getByTestId('user-new').click();
    const form = page.getByTestId('user-create-form');
    await form.waitFor();
    await page.getByTestId('field-username').fill(username);
    await page.getByTestId('field-displayName').fill('Cán bộ thi đua Lam Sơn');
    await page.getByTestId('field-password').fill('mat-khau-du-dai-2026');
    await page.getByTestId('field-confirm').fill('mat-khau-du-dai-2026');
    await pick(page, 'field-role', 'Cán bộ đơn vị');
    await pick(page, 'field-unitId', 'Công ty TNHH MTV Lam Sơn', 'Lam Sơn');
    await screenshot(page, '21-account-new');
    await page.getByTestId('user-submit').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId(`user-row-${username}`);
    await row.waitFor();
    await expect.poll(async () => (await row.textContent()) ?? '').toContain('Công ty TNHH MTV Lam Sơn');
    expect(await row.textContent()).toContain('Cán bộ đơn vị');
    await screenshot(page, '22-accounts');

    // a new person in Lam Sơn company
    await page.getByTestId('nav-people').click();
    await page.getByTestId('person-list').waitFor();
    await page.getByTestId('person-new').click();
    await page.getByTestId('person-create-form').waitFor();
    await pick(page, 'field-unitId', 'Công ty TNHH MTV Lam Sơn', 'Lam Sơn');
    await page.getByTestId('field-code').fill(`LS-${stamp}`);
    await page.getByTestId('field-fullName').fill('Trịnh Thị Mai');
    await pick(page, 'field-gender', 'Nữ');
    await page.getByTestId('person-submit').click();
    await page.getByTestId('person-detail').waitFor();
    expect(await text(page, 'page-title')).toBe('Trịnh Thị Mai');
    const personHistory = page.getByTestId('history-panel');
    await expect
      .poll(async () => (await personHistory.textContent()) ?? '')
      .toContain(`LS-${stamp} – Trịnh Thị Mai, Công ty TNHH MTV Lam Sơn`);
    expect(await personHistory.textContent()).toContain('Thêm cá nhân');
    await screenshot(page, '23-person-new');

    // the rotating flag of Cluster No. 18 passes to Sông Chu company
    await page.getByTestId('nav-clusters').click();
    await page.getByTestId('cluster-list').waitFor();
    await page.getByTestId('cluster-table').getByText('Cụm thi đua số 18 (doanh nghiệp nhà nước) tỉnh Thanh Hóa').click();
    await page.getByTestId('cluster-detail').waitFor();
    // today in Vietnam; the demo data has members up to 2026
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
    const handOver = today.startsWith('2026-') ? today : '2026-12-31';
    await page.getByTestId('flag-hand-over').click();
    await page.getByTestId('flag-form').waitFor();
    await typeDate(page, 'field-from', handOver);
    await pick(page, 'field-unitId', 'Công ty TNHH MTV Sông Chu');
    await page.getByTestId('field-note').fill('Bàn giao tại hội nghị sơ kết');
    await page.getByTestId('flag-submit').click();
    await page.getByTestId('flag-form').waitFor({ state: 'detached' });

    const custody = page.getByTestId('flag-custody');
    await expect
      .poll(async () => (await custody.locator('tbody tr.ant-table-row').first().textContent()) ?? '')
      .toContain('Công ty TNHH MTV Sông Chu');
    expect(await custody.locator('tbody tr.ant-table-row').first().textContent()).toContain('Đang giữ');
    const [y, m, d] = handOver.split('-');
    const history = page.getByTestId('history-panel');
    // the unit is named once its name has loaded
    await expect
      .poll(async () => (await history.getByTestId('history-event').first().textContent()) ?? '')
      .toContain(`Công ty TNHH MTV Sông Chu nhận cờ từ ngày ${d}/${m}/${y}`);
    const event = (await history.getByTestId('history-event').first().textContent()) ?? '';
    expect(event).toContain('Bàn giao cờ luân lưu');
    expect(event).toContain('Ghi chú: Bàn giao tại hội nghị sơ kết');
    // people read the account's display name; the audit chain keeps the username
    expect(event).toContain('Người thực hiện: Ban Thi đua – Khen thưởng tỉnh Thanh Hóa');
    await screenshot(page, '24-cluster-flag-handed-over');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("resets an account's password: the officer gets a one-time code, never a password; the owner chooses one and signs in", async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);
    await page.goto(`${flow.server.url}/users`);
    await page.getByTestId('user-list').waitFor();
    // the account made by the flow above
    const row = page.locator('[data-testid^="user-row-can-bo-"]').first();
    const username = ((await row.getAttribute('data-testid')) ?? '').replace('user-row-', '');
    expect(username).toMatch(/^can-bo-/);
    await row.getByTestId('user-password').click();
    await page.getByTestId('password-submit').click();
    const code = ((await page.getByTestId('reset-code').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await screenshot(page, '25-password-reset-code');
    await page.getByTestId('password-done').click();

    // the owner, on their own machine
    const owner = await openBrowser();
    try {
      const p = owner.page;
      await p.goto(`${flow.server.url}/`);
      await p.getByTestId('login-page').waitFor();
      await p.getByTestId('login-reset-link').click();
      await p.getByTestId('reset-username').fill(username);
      await p.getByTestId('reset-code-input').fill(code.toLowerCase());
      await p.getByTestId('reset-new-password').fill('mat-khau-rieng-cua-toi');
      await p.getByTestId('reset-confirm').fill('mat-khau-rieng-cua-toi');
      await screenshot(p, '26-password-reset-owner');
      await p.getByTestId('reset-submit').click();
      await p.getByTestId('user-name').waitFor();
      expect(await p.getByTestId('user-name').textContent()).toBe('Cán bộ thi đua Lam Sơn');
    } finally {
      await owner.close();
    }
    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
