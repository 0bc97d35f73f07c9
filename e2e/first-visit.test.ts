// Browser flow: what a first visit downloads. The sign-in page's JavaScript, as brotli sends it, stays within its
// budget; scripts come pre-compressed and cached for a year; choosing a language on the sign-in page loads only that
// language; signing in brings the rest.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { setUpFlow, signIn, text, watchErrors } from './flow.ts';
import { REPO_ROOT } from './server.ts';

/** The most compressed JavaScript the sign-in page may need, in bytes. */
const SIGN_IN_BUDGET = 250_000;

const flow = setUpFlow();

/** Every script the page loaded so far, by path, with the answer it got. */
function watchScripts(page: Page): Map<string, Response> {
  const scripts = new Map<string, Response>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (path.endsWith('.js')) scripts.set(path, response);
  });
  return scripts;
}

/** The brotli size of each script as built (the file a browser that accepts br is sent). */
function brotliBytes(paths: Iterable<string>): number {
  let total = 0;
  for (const path of paths) {
    const file = join(REPO_ROOT, 'apps/web/dist', path);
    total += statSync(existsSync(`${file}.br`) ? `${file}.br` : file).size;
  }
  return total;
}

describe('a first visit', () => {
  it('loads the sign-in page within its budget, pre-compressed and cacheable, and the rest on signing in', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);
    const scripts = watchScripts(page);

    await page.goto(`${flow.server.url}/login`);
    await page.getByTestId('login-page').waitFor();
    await page.waitForLoadState('networkidle');
    const signInScripts = [...scripts.keys()];
    const signInBytes = brotliBytes(signInScripts);
    console.log(`sign-in page: ${signInScripts.length} scripts, ${signInBytes} bytes of brotli`);
    expect(signInBytes).toBeLessThanOrEqual(SIGN_IN_BUDGET);
    for (const [path, response] of scripts) {
      expect(path).toMatch(/^\/assets\//);
      expect(response.status()).toBe(200);
      const headers = await response.allHeaders();
      expect(headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
      // a browser that asks for brotli gets the .br written beside the script, one that asks for gzip the .gz
      if (existsSync(join(REPO_ROOT, 'apps/web/dist', `${path}.gz`))) expect(['br', 'gzip'], path).toContain(headers['content-encoding']);
    }

    // choosing a language loads that language's catalogues only
    await page.getByTestId('language-link-en').click();
    await expect.poll(() => text(page, 'login-submit')).toBe('Sign in');
    const languageScripts = [...scripts.keys()].filter((path) => !signInScripts.includes(path));
    expect(languageScripts.length).toBeGreaterThan(0);
    expect(brotliBytes(languageScripts)).toBeLessThan(10_000);

    await signIn(page, 'demo-admin', 'cluster-list');
    await page.locator('[data-testid^="cluster-row-"]').first().waitFor();
    await page.waitForLoadState('networkidle');
    console.log(`cluster list: ${scripts.size} scripts, ${brotliBytes(scripts.keys())} bytes of brotli in all`);
    expect(await text(page, 'nav-units')).toBe('Units');
    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('shows the API documentation without a content-security error', async () => {
    const { page } = flow.browser;
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(`${flow.server.url}/api/docs`);
    await page.locator('.swagger-ui .opblock').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(consoleErrors).toEqual([]);
  });
});
