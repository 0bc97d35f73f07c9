// Browser flow: sign in, open Thanh Hóa Emulation Cluster No. 18, switch the language and back.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { setUpFlow, signIn, text, watchErrors } from './flow.ts';
import { pageOverflow, seriousViolations } from './accessibility.ts';

const flow = setUpFlow();

/** Picks an option of an open AntD select and waits for its list to close, so screenshots show the page. */
async function pickOption(page: Page, option: ReturnType<Page['locator']>) {
  await option.click();
  await option.waitFor({ state: 'hidden' });
}

async function chooseLanguage(page: Page, lang: string) {
  await page.getByTestId('language-switcher').click();
  await pickOption(page, page.locator(`.ant-select-item [data-testid="language-option-${lang}"]`));
}

describe('registry in the browser', () => {
  it('signs in, opens Cluster No. 18 with its decision and members, and switches language both ways', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);

    await page.goto(`${flow.server.url}/clusters`);
    await page.getByTestId('login-page').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    await screenshot(page, '01-login');

    await signIn(page, 'demo-admin', 'cluster-list');
    expect(await text(page, 'user-role')).toBe('Quản trị hệ thống');
    const row18 = page.locator('[data-testid^="cluster-row-"]', { hasText: '1197/QĐ-UBND' });
    await row18.waitFor();
    await screenshot(page, '02-clusters-vi');

    await row18.locator('a[data-testid^="cluster-link-"]').click();
    await page.getByTestId('cluster-detail').waitFor();
    expect(await text(page, 'page-title')).toContain('Cụm thi đua số 18');
    expect(await text(page, 'decision-number')).toBe('1197/QĐ-UBND');
    expect(await text(page, 'decision-date')).toBe('27/03/2024');

    const members = page.getByTestId('cluster-members').locator('[data-testid="member-row"]');
    await members.first().waitFor();
    expect(await members.count()).toBe(7);
    const memberText = await page.getByTestId('cluster-members').textContent();
    expect(memberText).toContain('Lam Sơn');
    expect(memberText).toContain('MEDLATEC');
    // the founding year shows the founding members
    await page.getByTestId('members-year').click();
    await pickOption(page, page.locator('.ant-select-item[title="2024"]'));
    await expect.poll(() => page.getByTestId('cluster-members').locator('[data-testid="member-row"]').count()).toBe(7);
    expect((await text(page, 'head-of-year'))?.length).toBeGreaterThan(0);
    await screenshot(page, '03-cluster-18-vi');

    const viTitle = await page.locator('.ant-card-head-title', { hasText: 'Đơn vị thành viên' }).count();
    expect(viTitle).toBe(1);
    expect(await text(page, 'nav-units')).toBe('Đơn vị');

    await chooseLanguage(page, 'en');
    await expect.poll(() => text(page, 'nav-units')).toBe('Units');
    expect(await page.locator('.ant-card-head-title', { hasText: 'Member units' }).count()).toBe(1);
    expect(await text(page, 'user-role')).toBe('System administrator');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // the record itself does not change with the language
    expect(await text(page, 'decision-number')).toBe('1197/QĐ-UBND');
    await screenshot(page, '04-cluster-18-en');

    await chooseLanguage(page, 'vi');
    await expect.poll(() => text(page, 'nav-units')).toBe('Đơn vị');
    expect(await page.locator('.ant-card-head-title', { hasText: 'Đơn vị thành viên' }).count()).toBe(1);

    // the choice survives a reload
    await chooseLanguage(page, 'en');
    await expect.poll(() => text(page, 'nav-units')).toBe('Units');
    await page.reload();
    await page.getByTestId('cluster-detail').waitFor();
    expect(await text(page, 'nav-units')).toBe('Units');
    await chooseLanguage(page, 'vi');
    await expect.poll(() => text(page, 'nav-units')).toBe('Đơn vị');
    await screenshot(page, '05-cluster-18-back-to-vi');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('saves an edit of the cluster into its history, and answers a concurrent edit with both values and who saved; the officer’s change re-applied saves', async () => {
    const { page } = flow.browser;
    await page.goto(`${flow.server.url}/clusters`);
    if (
      await page
        .getByTestId('login-page')
        .isVisible()
        .catch(() => false)
    )
      await signIn(page, 'demo-admin', 'cluster-list');
    await page.locator('[data-testid^="cluster-row-"]', { hasText: '1197/QĐ-UBND' }).locator('a').click();
    await page.getByTestId('cluster-form').waitFor();
    const id = page.url().split('/').pop();

    const name = page.getByTestId('field-name');
    const original = await name.inputValue();
    await name.fill(`${original} – đã sửa`);
    await page.getByTestId('save').click();
    const event = page.getByTestId('history-event').first();
    await event.waitFor();
    expect(await event.textContent()).toContain('Sửa thông tin cụm, khối');
    expect(await event.textContent()).toContain('– đã sửa');
    expect(await text(page, 'page-title')).toContain('– đã sửa');

    // someone else saves in between, from another tab
    const status = await page.evaluate(async (clusterId) => {
      const me = await (await fetch('/api/v1/auth/me')).json();
      const current = await (await fetch(`/api/v1/clusters/${clusterId}`)).json();
      const response = await fetch(`/api/v1/clusters/${clusterId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ version: current.version, name: 'Cụm thi đua số 18 tỉnh Thanh Hóa' }),
      });
      return response.status;
    }, id);
    expect(status).toBe(200);

    await name.fill(`${original} – lần hai`);
    await page.getByTestId('save').click();
    const stale = page.getByTestId('stale-write');
    await stale.waitFor();
    // the typed value stays; the comparison shows it beside the saved one, and who saved it
    expect(await name.inputValue()).toBe(`${original} – lần hai`);
    const row = stale.getByTestId('stale-row-name');
    await row.waitFor();
    expect(await row.getByTestId('stale-mine').textContent()).toBe(`${original} – lần hai`);
    expect(await row.getByTestId('stale-saved').textContent()).toBe('Cụm thi đua số 18 tỉnh Thanh Hóa');
    expect(await stale.getByTestId('stale-write-by').textContent()).toContain('Quản trị');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('stale-write');
    await screenshot(page, '06-cluster-18-stale-write');
    // the notice passes axe, and fits a phone's width without the page scrolling sideways
    expect(await seriousViolations(page)).toEqual([]);
    const viewport = page.viewportSize();
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await pageOverflow(page)).toEqual({ by: 0, culprit: '' });
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, '06-cluster-18-stale-write-390');
    if (viewport) await page.setViewportSize(viewport);

    await stale.getByTestId('reapply-mine').click();
    await stale.waitFor({ state: 'detached' });
    expect(await name.inputValue()).toBe(`${original} – lần hai`);
    await page.getByTestId('save').click();
    await expect.poll(() => text(page, 'page-title')).toContain('– lần hai');
    // the three edits, above the cluster's earlier history (the demo's own events: its scoring rounds, its ballots…)
    await expect.poll(() => page.getByTestId('history-event').filter({ hasText: 'Sửa thông tin cụm, khối' }).count()).toBe(3);
    expect(await page.getByTestId('history-event').count()).toBeGreaterThan(3);
    await screenshot(page, '07-cluster-18-history');
  });
});
