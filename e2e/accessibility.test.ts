// Browser flow: every main page, as the committee officer of Thanh Hóa, at 1440 × 900 and at 390 × 844 (a phone):
// axe finds no critical or serious violation, each page has one <h1> and a main landmark, the page never scrolls
// sideways, and on the phone the navigation is a drawer behind a menu button, with a compact header.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { pageOverflow, seriousViolations, type Violation } from './accessibility.ts';
import { screenshot } from './browser.ts';
import { setUpFlow, signIn } from './flow.ts';

const flow = setUpFlow();

interface Screen {
  name: string;
  path: string;
  /** a data-testid that shows the page has loaded its data */
  ready: string;
}

async function idFromList(page: Page, base: string, list: string, linkPrefix: string): Promise<string> {
  await page.goto(`${base}${list}`);
  const link = page.locator(`a[data-testid^="${linkPrefix}"]`).first();
  await link.waitFor();
  return (await link.getAttribute('href'))!;
}

async function check(page: Page, screen: Screen, width: number, problems: string[]) {
  await page.goto(`${flow.server.url}${screen.path}`);
  await page.getByTestId(screen.ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const violations: Violation[] = await seriousViolations(page);
  for (const v of violations) problems.push(`${screen.name} @${width}: ${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`);
  const h1 = await page.locator('h1').count();
  if (h1 !== 1) problems.push(`${screen.name} @${width}: ${h1} <h1> elements`);
  // the browser tab names the page
  const heading = ((await page.locator('h1').first().textContent()) ?? '').trim();
  await expect.poll(() => page.title()).toBe(`${heading} · thidua`);
  if ((await page.locator('main').count()) !== 1) problems.push(`${screen.name} @${width}: no single main landmark`);
  const overflow = await pageOverflow(page);
  if (overflow.by > 0) problems.push(`${screen.name} @${width}: the page scrolls sideways by ${overflow.by}px (${overflow.culprit})`);
  await screenshot(page, `40-${width}-${screen.name}`);
}

describe('accessibility and the phone layout', () => {
  it('every main page passes axe and fits 1440 px and 390 px without sideways scrolling', async () => {
    const { page } = flow.browser;
    const base = flow.server.url;
    await page.goto(`${base}/clusters`);
    await page.getByTestId('login-page').waitFor();
    const problems: string[] = [];
    for (const v of await seriousViolations(page)) problems.push(`login: ${v.impact} ${v.id} (${v.help}): ${v.nodes.join(' | ')}`);
    await signIn(page, 'demo-committee', 'cluster-list');

    const cluster = await idFromList(page, base, '/clusters', 'cluster-link-');
    const unit = await idFromList(page, base, '/units', 'unit-link-');
    const person = await idFromList(page, base, '/people', 'person-link-');
    const authority = await idFromList(page, base, '/authorities', 'authority-link-');
    const screens: Screen[] = [
      { name: 'clusters', path: '/clusters', ready: 'cluster-list' },
      { name: 'cluster', path: cluster, ready: 'cluster-detail' },
      { name: 'units', path: '/units', ready: 'unit-list' },
      { name: 'unit', path: unit, ready: 'unit-clusters' },
      { name: 'people', path: '/people', ready: 'person-list' },
      { name: 'person', path: person, ready: 'person-detail' },
      { name: 'authorities', path: '/authorities', ready: 'authority-list' },
      { name: 'authority', path: authority, ready: 'authority-clusters' },
      { name: 'batch', path: '/eligibility?award=CHIEN_SI_THI_DUA_CO_SO&unitId=' + unit.split('/').pop(), ready: 'batch-summary' },
      { name: 'users', path: '/users', ready: 'user-list' },
    ];
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      for (const s of screens) await check(page, s, width, problems);
    }
    expect(problems).toEqual([]);
  });

  it('on a phone: a compact header with the language switcher, and the navigation in a drawer', async () => {
    const { page } = flow.browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${flow.server.url}/units`);
    await page.getByTestId('unit-list').waitFor();
    // the header holds the menu button, the title and the language switcher on one line, over nothing
    const header = await page.locator('header').first().boundingBox();
    expect(header!.height).toBeLessThanOrEqual(64);
    await expect.poll(() => page.getByTestId('language-switcher').isVisible()).toBe(true);
    const title = await page.getByTestId('page-title').boundingBox();
    const menu = await page.getByTestId('nav-open').boundingBox();
    expect(title!.y).toBeGreaterThanOrEqual(menu!.y + menu!.height - 1);
    expect(await page.getByTestId('app-sider').isVisible()).toBe(false);
    await page.getByTestId('nav-open').click();
    await page.getByTestId('drawer-nav-clusters').click();
    await page.getByTestId('cluster-list').waitFor();
    await expect.poll(() => page.getByTestId('nav-drawer').isVisible()).toBe(false);
    await screenshot(page, '41-390-drawer-navigation');
  });
});
