// What every browser flow does around its steps: a server and a browser of its own, errors watched,
// signing in, and the few ways to work AntD fields from outside.
import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { openBrowser, type OpenBrowser } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Flow {
  server: RunningServer;
  browser: OpenBrowser;
}

/** Starts a server and a browser before the file's flows and stops both after; read them inside a test. */
export function setUpFlow(): Flow {
  const flow = {} as Flow;
  beforeAll(async () => {
    flow.server = await startServer();
    flow.browser = await openBrowser();
  });
  afterAll(async () => {
    await flow.browser?.close();
    await flow.server?.stop();
  });
  return flow;
}

/** Collects the server's 5xx answers to the API and the page's uncaught errors; a flow ends expecting none. */
export function watchErrors(page: Page): { failedRequests: string[]; pageErrors: string[] } {
  const failedRequests: string[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/api/') && r.status() >= 500) failedRequests.push(`${r.status()} ${r.url()}`);
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { failedRequests, pageErrors };
}

/** Fills the login form shown in place of a page and waits for `landing` (a data-testid) after signing in. */
export async function signIn(page: Page, username: string, landing: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('thidua-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId(landing).waitFor();
}

/** Opens `url` signed out, waits for the login page and signs in as `username`, landing on `landing`. */
export async function openSignedIn(page: Page, url: string, username: string, landing: string) {
  await page.goto(url);
  await page.getByTestId('login-page').waitFor();
  await signIn(page, username, landing);
}

/** Picks an option of an AntD select and waits for its list to close, so screenshots show the page. */
export async function pick(page: Page, select: string, option: string, search?: string) {
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
export async function typeDate(page: Page, testId: string, isoDate: string) {
  const [y, m, d] = isoDate.split('-');
  const field = page.getByTestId(testId);
  const input = (await field.evaluate((el) => el.tagName)) === 'INPUT' ? field : field.locator('input');
  await input.click();
  await input.fill(`${d}/${m}/${y}`);
  await input.press('Enter');
}

/** The trimmed text of the first element with this data-testid. */
export const text = async (page: Page, testId: string) => (await page.getByTestId(testId).first().textContent())?.trim();
