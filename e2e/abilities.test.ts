// Browser flow: the screens offer only what the server's policies allow. A unit officer of Lam Sơn sees Cluster
// No. 18, which its company belongs to, but no control that would change it; its own company's form is editable.
// The province's committee officer sees every control on the same page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { openSignedIn, setUpFlow, watchErrors } from './flow.ts';

const flow = setUpFlow();

const CLUSTER_CONTROLS = ['member-add', 'leadership-set', 'member-remove', 'flag-hand-over', 'save'] as const;

async function openCluster18(page: Page) {
  const row18 = page.locator('[data-testid^="cluster-row-"]', { hasText: '1197/QĐ-UBND' });
  await row18.waitFor();
  await row18.locator('a[data-testid^="cluster-link-"]').click();
  await page.getByTestId('cluster-detail').waitFor();
  await page.getByTestId('cluster-members').locator('[data-testid="member-row"]').first().waitFor();
}

const count = (page: Page, testId: string) => page.getByTestId(testId).count();

describe('controls follow abilities', () => {
  it('a unit officer sees no edit controls on a cluster it does not lead, and edits its own unit', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);

    await openSignedIn(page, `${flow.server.url}/clusters`, 'demo-unit', 'cluster-list');
    // the menus offer no new cluster or unit to a unit officer
    expect(await count(page, 'cluster-new')).toBe(0);
    await openCluster18(page);
    for (const control of CLUSTER_CONTROLS) expect(await count(page, control), control).toBe(0);
    // facts as facts: a details card, not a form of greyed inputs
    await page.getByTestId('cluster-form-facts').waitFor();
    expect(await count(page, 'field-name')).toBe(0);
    await screenshot(page, 'abilities-01-unit-officer-cluster-18');

    // the same officer keeps its own company's record
    await page.goto(`${flow.server.url}/units`);
    const lamSon = page.locator('[data-testid^="unit-row-"]', { hasText: 'Lam Sơn' }).first();
    await lamSon.waitFor();
    await lamSon.locator('a').first().click();
    await page.getByTestId('unit-detail').waitFor();
    await page.getByTestId('save').waitFor();
    expect(await count(page, 'unit-new')).toBe(0);
    // and the clusters it belongs to: Cluster No. 18, whose head it was in 2024, linked to the cluster's page
    const own18 = page.locator('tr[data-testid^="unit-cluster-"]', { hasText: 'Cụm thi đua số 18' });
    await own18.waitFor();
    expect(await own18.getByTestId('unit-cluster-roles').textContent()).toContain('Cụm trưởng năm 2024');
    expect(await own18.locator('a[href^="/clusters/"]').count()).toBe(1);
    await screenshot(page, 'abilities-02-unit-officer-own-unit');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the committee officer of the founding province sees every control on the same cluster', async () => {
    const { page } = flow.browser;
    await page.context().clearCookies();
    await openSignedIn(page, `${flow.server.url}/clusters`, 'demo-committee', 'cluster-list');
    await openCluster18(page);
    for (const control of CLUSTER_CONTROLS) expect(await count(page, control), control).toBeGreaterThan(0);
    await page.goto(`${flow.server.url}/clusters`);
    await page.getByTestId('cluster-new').waitFor();
    await screenshot(page, 'abilities-03-committee-cluster-18');
  });
});
