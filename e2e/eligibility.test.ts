// Browser flow: a committee officer opens a person of Lam Sơn company, reads the eligibility panel,
// adds a rating to the records, then opens the batch view over Cluster No. 18 with its quota.
import { describe, expect, it } from 'vitest';
import { screenshot } from './browser.ts';
import { openSignedIn, pick, setUpFlow, text, watchErrors } from './flow.ts';

const flow = setUpFlow();

describe('eligibility in the browser', () => {
  it('shows a person’s verdicts with their legal basis, records a rating, and counts Cluster No. 18 against its quota', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);
    const year = new Date().getFullYear();

    await openSignedIn(page, `${flow.server.url}/people`, 'demo-committee', 'person-list');
    expect(await text(page, 'user-role')).toBe('Cán bộ Ban Thi đua – Khen thưởng');

    // a person of Lam Sơn company
    await pick(page, 'filter-unit', 'Công ty TNHH MTV Lam Sơn', 'Lam Sơn');
    const firstPerson = page.getByTestId('person-table').locator('tbody a[href^="/people/"]').first();
    await expect.poll(async () => (await page.getByTestId('person-table').textContent()) ?? '').toContain('Công ty TNHH MTV Lam Sơn');
    await firstPerson.click();
    await page.getByTestId('person-detail').waitFor();
    expect(await page.locator('.ant-descriptions').first().textContent()).toContain('Công ty TNHH MTV Lam Sơn');

    // the eligibility panel of this year: at least one title met, reasons citing Law 06/2022
    const panel = page.getByTestId('eligibility-panel');
    await panel.locator('[data-testid^="eligibility-item-"]').first().waitFor();
    expect(await panel.locator('.ant-card-head-title').textContent()).toBe(`Tiêu chuẩn khen thưởng năm ${year}`);
    const metItems = panel.locator('[data-testid^="eligibility-item-"][data-eligible="true"]');
    expect(await metItems.count()).toBeGreaterThan(0);
    await metItems.first().click();
    const rules = panel.getByTestId('reason-rule');
    await rules.first().waitFor();
    // the basis in words on the tag, the engine's code beside it
    const cited = await rules.evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-rule') ?? ''));
    expect(cited.some((r) => r.startsWith('law-06-2022/'))).toBe(true);
    expect(await rules.allTextContents()).toContainEqual(expect.stringMatching(/^Điều \d+ Luật Thi đua, khen thưởng 2022$/));
    expect(await panel.getByTestId('eligibility-reason').first().textContent()).toMatch(/\S{3,}/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, '11-person-eligibility');

    // add a rating for a year before the demo history, and see it listed
    const records = page.getByTestId('records-card');
    await records.getByTestId('records-ratings').waitFor();
    const before = await records.getByTestId('records-ratings').getByTestId('record-row').count();
    await records.getByTestId('records-add-ratings').click();
    const form = page.getByTestId('record-form-ratings');
    await form.waitFor();
    await form.getByTestId('field-year').fill('2015');
    await pick(page, 'field-rating', 'Hoàn thành xuất sắc nhiệm vụ');
    await form.getByTestId('field-decisionRef').fill('15/QĐ-LS');
    await page.getByTestId('record-submit').click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(() => records.getByTestId('records-ratings').getByTestId('record-row').count()).toBe(Math.min(before + 1, 10));
    const all = (await records.getByTestId('records-ratings').textContent()) ?? '';
    const lastPage = records.getByTestId('records-ratings').locator('.ant-pagination-item').last();
    if (!all.includes('15/QĐ-LS') && (await lastPage.count())) await lastPage.click();
    await expect.poll(async () => (await records.getByTestId('records-ratings').textContent()) ?? '').toContain('15/QĐ-LS');
    expect(await records.getByTestId('records-ratings').textContent()).toContain('2015');
    // the change is in the record's history too
    await expect.poll(async () => (await page.getByTestId('history-panel').textContent()) ?? '').toContain('2015');
    await records.scrollIntoViewIfNeeded();
    await screenshot(page, '12-person-records-rating-added');

    // batch view: Chiến sĩ thi đua cơ sở this year over Cluster No. 18
    await page.getByTestId('nav-eligibility').click();
    await page.getByTestId('batch-page').waitFor();
    await pick(page, 'batch-award', 'Chiến sĩ thi đua cơ sở', 'Chiến sĩ thi đua cơ');
    expect(await text(page, 'batch-year')).toBe(String(year));
    await page.getByTestId('batch-population-kind').getByText('Cụm, khối').click();
    await pick(page, 'batch-cluster', 'Cụm thi đua số 18 (doanh nghiệp nhà nước) tỉnh Thanh Hóa', 'số 18');
    const quota = page.getByTestId('quota-summary');
    await quota.waitFor();
    expect(Number(await text(page, 'batch-considered'))).toBeGreaterThan(0);
    expect(Number(await text(page, 'batch-eligible'))).toBeGreaterThan(0);
    expect(await text(page, 'quota-rate')).toBe('15%');
    expect(Number(await text(page, 'quota-quota'))).toBeGreaterThan(0);
    expect(await text(page, 'quota-used')).toMatch(/^\d+\/\d+$/);
    expect(await page.getByTestId('batch-candidates').getByTestId('candidate-row').count()).toBeGreaterThan(0);
    const csvHref = await page.getByTestId('export-csv').getAttribute('href');
    expect(csvHref).toContain('format=csv');
    expect(csvHref).toContain('clusterId=');
    const csv = await page.evaluate(async (href) => {
      const response = await fetch(href!);
      return { status: response.status, type: response.headers.get('content-type'), head: (await response.text()).slice(0, 200) };
    }, csvHref);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    // the committee sees Thanh Hóa's quota policies
    await expect.poll(() => page.getByTestId('quota-policies').getByTestId('quota-policy-row').count()).toBeGreaterThan(0);
    await screenshot(page, '13-batch-cluster-18');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
