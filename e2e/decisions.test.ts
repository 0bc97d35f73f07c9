// Browser flow: the committee of Thanh Hóa drafts a Certificate of Merit decision for one of its people, sees the
// PDF preview, issues it (with a reason if the checks ask for one), downloads the PDF, and finds the decision on the
// person's page with the award in their records and counted by the eligibility panel. Axe and a phone's width on the
// list, the editor and the decision page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { openSignedIn, pick, setUpFlow, text, watchErrors } from './flow.ts';
import { pageOverflow, seriousViolations } from './accessibility.ts';

const flow = setUpFlow();
const AWARD = 'Bằng khen của bộ, ban, ngành, tỉnh';

/** axe at the desktop width and at 390 px, and no sideways scroll of the page on the phone. */
async function checkLayout(page: Page, name: string) {
  expect(await seriousViolations(page), `${name} at 1440 px`).toEqual([]);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageOverflow(page), `${name} at 390 px`).toEqual({ by: 0, culprit: '' });
  expect(await seriousViolations(page), `${name} at 390 px`).toEqual([]);
  await screenshot(page, `${name}-390`);
  if (viewport) await page.setViewportSize(viewport);
}

interface PersonRef {
  id: number;
  fullName: string;
  code: string;
}

describe('award decisions in the browser', () => {
  it('drafts, previews, issues and downloads a decision, which then shows on the recipient’s page and in their records', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);
    const year = new Date().getFullYear();

    await openSignedIn(page, `${flow.server.url}/decisions`, 'demo-committee', 'decision-list');
    expect(await text(page, 'nav-decisions')).toBe('Quyết định khen thưởng');
    await page.getByTestId('decision-table').waitFor();
    await screenshot(page, '21-decisions');
    await checkLayout(page, '21-decisions');

    // a person of Thanh Hóa without a Certificate of Merit yet (the demo's records), so the new one is the one counted
    const person = await page.evaluate(async (): Promise<PersonRef> => {
      const people = (await (await fetch('/api/v1/people?pageSize=50')).json()) as { items: PersonRef[] };
      for (const p of people.items) {
        const records = (await (await fetch(`/api/v1/records/person/${p.id}`)).json()) as { awards: Array<{ awardCode: string }> };
        const names = people.items.filter((q) => q.fullName === p.fullName).length;
        if (names === 1 && !records.awards.some((a) => a.awardCode === 'BANG_KHEN_BO_TINH'))
          return { id: p.id, fullName: p.fullName, code: p.code };
      }
      throw new Error('no person without a Certificate of Merit');
    });

    // the panel before: no Certificate of Merit held as the basis of the Prime Minister's
    await page.goto(`${flow.server.url}/people/${person.id}`);
    // the Prime Minister's Certificate of Merit, whose basis is a provincial one
    const pmItem = page.getByTestId('eligibility-panel').getByTestId('eligibility-item-BANG_KHEN_THU_TUONG');
    const pmPanel = page
      .getByTestId('eligibility-panel')
      .locator('.ant-collapse-item')
      .filter({ has: page.getByTestId('eligibility-item-BANG_KHEN_THU_TUONG') });
    await pmItem.waitFor();
    await pmItem.click();
    await pmPanel.getByTestId('eligibility-reasons').waitFor({ state: 'attached' });
    expect(await pmPanel.textContent()).toContain(`Chưa có ${AWARD} làm căn cứ`);
    expect(await page.getByTestId('subject-decisions').textContent()).toContain('Chưa có quyết định khen thưởng nào nêu tên.');

    // the editor, prefilled from the province
    await page.goto(`${flow.server.url}/decisions`);
    await page.getByTestId('decision-new').click();
    await page.getByTestId('decision-editor').waitFor();
    await expect.poll(() => page.getByTestId('field-issuerName').inputValue()).toBe('ỦY BAN NHÂN DÂN TỈNH THANH HÓA');
    expect(await page.getByTestId('field-symbol').inputValue()).toBe('QĐ-UBND');
    expect(await page.getByTestId('field-place').inputValue()).toBe('Thanh Hóa');
    await pick(page, 'field-awardCode', AWARD);
    await page.getByTestId('field-signerName').fill('Đầu Thanh Tùng');
    await page.getByTestId('field-achievement').fill(`đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${year - 1}`);
    await page.getByTestId('field-copiesTo').fill('Như Điều 3;\nLưu: VT, TĐKT.');
    await pick(page, 'recipient-search', person.fullName, person.code);
    await page.getByTestId(`recipient-row-person:${person.id}`).waitFor();
    await screenshot(page, '22-decision-editor');
    await checkLayout(page, '22-decision-editor');
    await page.getByTestId('decision-save').click();

    // the draft's page: the checks, the preview of the PDF in a frame of this page
    await page.getByTestId('decision-detail').waitFor();
    expect(await text(page, 'decision-number')).toBe('Dự thảo quyết định');
    expect(await text(page, 'decision-status')).toBe('Dự thảo');
    const frame = page.getByTestId('decision-preview-frame');
    expect(await frame.getAttribute('title')).toContain('Dự thảo quyết định');
    const src = await frame.getAttribute('src');
    expect(src).toMatch(/\/api\/v1\/decisions\/\d+\/document\.pdf\?disposition=inline$/);
    const inline = await page.evaluate(async (url) => {
      const r = await fetch(url!);
      return { status: r.status, type: r.headers.get('content-type'), disposition: r.headers.get('content-disposition') };
    }, src);
    expect(inline).toMatchObject({ status: 200, type: 'application/pdf' });
    expect(inline.disposition).toMatch(/^inline/);
    const checks = page.getByTestId('decision-checks');
    await checks.getByTestId(`check-person-${person.id}`).waitFor();
    const ineligible = await checks.getByTestId('checks-warning').isVisible();
    await screenshot(page, '23-decision-draft');
    await checkLayout(page, '23-decision-draft');

    // issuing: today's date; a reason when the checks found the person short of the criteria
    await page.getByTestId('decision-issue').click();
    await page.getByTestId('issue-form').waitFor();
    if (ineligible)
      await page.getByTestId('field-overrideReason').fill('Thành tích đột xuất đã được Hội đồng Thi đua – Khen thưởng tỉnh xem xét');
    await page.getByTestId('issue-submit').click();
    await expect.poll(() => text(page, 'decision-status')).toBe('Đã ban hành');
    const number = (await text(page, 'decision-number'))!;
    expect(number).toMatch(/^\d+\/QĐ-UBND$/);
    expect(await text(page, 'pdf-sha256')).toMatch(/^[0-9a-f]{64}$/);
    expect((await text(page, 'verification-code'))?.length).toBeGreaterThan(4);
    expect(await page.getByTestId('decision-issue').count()).toBe(0);
    expect(await page.getByTestId('decision-cancel').count()).toBe(1);
    await screenshot(page, '24-decision-issued');
    await checkLayout(page, '24-decision-issued');

    // the download is the kept PDF
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const pdf = Buffer.concat(chunks);
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);

    // the register lists it
    await page.getByTestId('nav-decisions').click();
    await page.getByTestId('decision-list').waitFor();
    await expect.poll(async () => (await page.getByTestId('decision-table').textContent()) ?? '').toContain(number);

    // the person's page: the decision, the award in the records, and the panel counting it
    await page.goto(`${flow.server.url}/people/${person.id}`);
    const card = page.getByTestId('subject-decisions');
    await expect.poll(async () => (await card.textContent()) ?? '').toContain(number);
    expect(await card.textContent()).toContain(AWARD);
    expect(await card.locator('a').first().getAttribute('href')).toMatch(/^\/decisions\/\d+$/);
    const records = page.getByTestId('records-card');
    await records.getByTestId('records-tab-awards').click();
    const awards = records.getByTestId('records-awards');
    await expect.poll(async () => (await awards.textContent()) ?? '').toContain(number);
    expect(await awards.textContent()).toContain(AWARD);
    await pmItem.waitFor();
    await pmItem.click();
    await pmPanel.getByTestId('eligibility-reasons').waitFor({ state: 'attached' });
    await expect.poll(async () => (await pmPanel.textContent()) ?? '').toContain(`Đã được tặng ${AWARD} năm ${year - 1}`);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '25-person-with-decision');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
