// Browser flow: a committee officer of Thanh Hóa creates an account and a person, then hands the
// rotating flag of Cluster No. 18 to Sông Chu company and reads the hand-over in the cluster's history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, screenshot, type OpenBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

let server: RunningServer;
let browser: OpenBrowser;

beforeAll(async () => {
  server = await startServer();
  browser = await openBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Picks an option of an AntD select and waits for its list to close, so screenshots show the page. */
async function pick(page: Page, select: string, option: string, search?: string) {
  await page.getByTestId(select).click();
  if (search) await page.getByTestId(select).locator('input').fill(search);
  const item = page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`);
  // a click while the list is still opening can be lost: click again until it closes
  for (let attempt = 0; ; attempt++) {
    await item.click();
    try {
      await item.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Types a date as the Vietnamese picker shows it (dd/mm/yyyy) and confirms it. */
async function typeDate(page: Page, testId: string, isoDate: string) {
  const [y, m, d] = isoDate.split('-');
  const field = page.getByTestId(testId);
  const input = (await field.evaluate((el) => el.tagName)) === 'INPUT' ? field : field.locator('input');
  await input.click();
  await input.fill(`${d}/${m}/${y}`);
  await input.press('Enter');
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();

describe('administration in the browser', () => {
  it('creates an account and a person, and hands over the flag of Cluster No. 18', async () => {
    const { page } = browser;
    const failedRequests: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/') && r.status() >= 500) failedRequests.push(`${r.status()} ${r.url()}`);
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const stamp = Date.now().toString(36);

    await page.goto(`${server.url}/users`);
    await page.getByTestId('login-page').waitFor();
    await page.getByTestId('login-username').fill('demo-committee');
    await page.getByTestId('login-password').fill('thidua-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('user-list').waitFor();
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
    await expect.poll(async () => (await personHistory.textContent()) ?? '').toContain(`LS-${stamp} – Trịnh Thị Mai, Công ty TNHH MTV Lam Sơn`);
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
    await expect.poll(async () => (await custody.locator('tbody tr').first().textContent()) ?? '').toContain('Công ty TNHH MTV Sông Chu');
    expect(await custody.locator('tbody tr').first().textContent()).toContain('Đang giữ');
    const [y, m, d] = handOver.split('-');
    const history = page.getByTestId('history-panel');
    // the unit is named once its name has loaded
    await expect.poll(async () => (await history.getByTestId('history-event').first().textContent()) ?? '').toContain(`Công ty TNHH MTV Sông Chu nhận cờ từ ngày ${d}/${m}/${y}`);
    const event = (await history.getByTestId('history-event').first().textContent()) ?? '';
    expect(event).toContain('Bàn giao cờ luân lưu');
    expect(event).toContain('Ghi chú: Bàn giao tại hội nghị sơ kết');
    expect(event).toContain('Người thực hiện: demo-committee');
    await screenshot(page, '24-cluster-flag-handed-over');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
