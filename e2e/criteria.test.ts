// Browser flow: the committee of Thanh Hóa builds the year-end criteria table of Cluster No. 18 for 2025 from the
// cluster's page, reorders an item with the keyboard, saves, sees the server's error on a maximum off the points grid
// (and on the frame total), fixes it, saves again and opens scoring, which freezes the table. Axe and a phone's width
// on the editor and on the frozen table.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { screenshot } from './browser.ts';
import { openSignedIn, pick, setUpFlow, text, watchErrors } from './flow.ts';
import { pageOverflow, seriousViolations } from './accessibility.ts';

const flow = setUpFlow();
const YEAR = 2025;

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

/** The input or text area behind a field's data-testid (AntD puts it on the control or on its wrapper). */
async function fill(page: Page, testId: string, value: string) {
  const field = page.getByTestId(testId);
  const tag = await field.evaluate((el) => el.tagName);
  await (tag === 'INPUT' || tag === 'TEXTAREA' ? field : field.locator('input, textarea').first()).fill(value);
}

/** The error AntD shows under a field. */
const fieldError = (page: Page, testId: string) =>
  page
    .getByTestId(testId)
    .locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-form-item ")][1]')
    .locator('.ant-form-item-explain');

describe('criteria table in the browser', () => {
  it('builds, saves, is refused on a wrong maximum, is fixed and opened for scoring', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);

    await openSignedIn(page, `${flow.server.url}/clusters`, 'demo-committee', 'cluster-list');
    const clusterId = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/clusters?q=TH-CUM18')).json()) as { items: Array<{ id: number; code: string }> };
      return list.items.find((c) => c.code === 'TH-CUM18')!.id;
    });

    // from the cluster's page, the year's table
    await page.goto(`${flow.server.url}/clusters/${clusterId}`);
    await page.getByTestId('cluster-detail').waitFor();
    await pick(page, 'members-year', String(YEAR));
    await page.getByTestId('criteria-link').click();
    await page.getByTestId('criteria-page').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/clusters/${clusterId}/years/${YEAR}/criteria`);
    await page.getByTestId('criteria-none').waitFor();

    // a small table: one group of two regular items and a bonus item, one knock-out condition
    await fill(page, 'field-groups.0.title', 'Thực hiện nhiệm vụ sản xuất, kinh doanh');
    await fill(page, 'field-groups.0.items.0.code', '1.1');
    await fill(page, 'field-groups.0.items.0.text', 'Hoàn thành kế hoạch doanh thu');
    await fill(page, 'field-groups.0.items.0.maxPoints', '60');
    await pick(page, 'field-groups.0.items.0.method', 'Đạt hoặc không đạt');
    await page.getByTestId('item-add').click();
    await fill(page, 'field-groups.0.items.1.code', '1.2');
    await fill(page, 'field-groups.0.items.1.text', 'Nộp ngân sách đúng hạn');
    // off the grid of quarter points: the server names this very field
    await fill(page, 'field-groups.0.items.1.maxPoints', '40.1');
    await page.getByTestId('item-add').click();
    await fill(page, 'field-groups.0.items.2.code', 'B1');
    await fill(page, 'field-groups.0.items.2.text', 'Sáng kiến được công nhận');
    await fill(page, 'field-groups.0.items.2.maxPoints', '5');
    await pick(page, 'field-groups.0.items.2.kind', 'Cộng');
    await page.getByTestId('knock-out-add').click();
    await fill(page, 'field-knockOuts.0.text', 'Có cán bộ lãnh đạo bị kỷ luật từ cảnh cáo trở lên');
    await expect.poll(() => text(page, 'frame-sum')).toBe('Tổng điểm các tiêu chí thường là 100.1, nhưng tổng điểm tối đa là 100.');

    // the keyboard moves item 1.2 above 1.1: Space picks it up, an arrow moves it, Space drops it
    const handle = page.getByRole('button', { name: 'Di chuyển tiêu chí 1.2' });
    await handle.focus();
    // each key after the rows have been measured and the move drawn, as a person's presses are
    for (const key of ['Space', 'ArrowUp', 'Space']) {
      await page.keyboard.press(key);
      await page.waitForTimeout(300);
    }
    await expect.poll(() => page.getByTestId('field-groups.0.items.0.code').inputValue()).toBe('1.2');
    await screenshot(page, '31-criteria-editor');
    await checkLayout(page, '31-criteria-editor');

    await page.getByTestId('criteria-save').click();
    await page.getByTestId('save-error').waitFor();
    await expect.poll(async () => (await fieldError(page, 'field-groups.0.items.0.maxPoints').textContent()) ?? '').toContain('1.2');
    expect((await fieldError(page, 'field-maxTotal').textContent()) ?? '').not.toBe('');

    // fixed: saved as version 1 of the draft
    await fill(page, 'field-groups.0.items.0.maxPoints', '40');
    await expect.poll(() => text(page, 'frame-sum')).toBe('Tổng điểm các tiêu chí thường là 100, bằng tổng điểm tối đa 100.');
    await page.getByTestId('criteria-save').click();
    await expect.poll(() => text(page, 'criteria-version')).toBe('Phiên bản 1');
    expect(await text(page, 'criteria-round-state')).toBe('Dự thảo');
    expect(await page.getByTestId('save-error').count()).toBe(0);
    expect(await page.getByTestId('field-groups.0.items.0.code').inputValue()).toBe('1.2');

    // open scoring: the table freezes
    await page.getByTestId('criteria-open').click();
    await page.getByTestId('confirm-open').click();
    await page.getByTestId('criteria-view').waitFor();
    expect(await text(page, 'criteria-round-state')).toBe('Tự chấm');
    expect(await page.getByTestId('criteria-save').count()).toBe(0);
    expect(await page.getByTestId('view-extras').textContent()).toContain('B1');
    expect(await page.getByTestId('view-knock-outs').textContent()).toContain('K1');
    await screenshot(page, '32-criteria-frozen');
    await checkLayout(page, '32-criteria-frozen');

    const saved = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/v1/clusters/${clusterId}/years/${YEAR}/criteria?period=FY`,
    );
    expect(saved).toMatchObject({ version: 1, roundState: 'self', content: { maxTotal: 100 } });
    expect(saved.content.groups[0].items.map((i: { code: string }) => i.code)).toEqual(['1.2', '1.1', 'B1']);

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('imports the mid-year table from an .xlsx workbook read in the browser, previewed, then saved', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);
    const clusterId = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/clusters?q=TH-CUM18')).json()) as { items: Array<{ id: number; code: string }> };
      return list.items.find((c) => c.code === 'TH-CUM18')!.id;
    });
    await page.goto(`${flow.server.url}/clusters/${clusterId}/years/${YEAR}/criteria?period=H1`);
    await page.getByTestId('criteria-none').waitFor();

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tiêu chí');
    sheet.addRow([
      'Mã nhóm',
      'Tên nhóm',
      'Mã tiêu chí',
      'Nội dung tiêu chí',
      'Điểm tối đa',
      'Cách chấm',
      'Loại',
      'Cần minh chứng',
      'Chỉ tiêu',
      'Các mức điểm',
    ]);
    sheet.addRow(['I', 'Sản xuất, kinh doanh', '1.1', 'Doanh thu so với kế hoạch', 50, 'proportional', 'regular', 'x', 100, '']);
    sheet.addRow(['I', '', '1.2', 'Chấp hành chế độ báo cáo', 50, 'graded', 'regular', '', '', '0; 25; 50']);
    sheet.addRow(['', '', 'K1', 'Để xảy ra tai nạn lao động chết người', '', '', 'knockOut', '', '', '']);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.getByTestId('criteria-import').click();
    await page.getByTestId('import-dialog').waitFor();
    await page.getByTestId('import-dialog').locator('input[type=file]').setInputFiles({
      name: 'bang-tieu-chi.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByTestId('import-preview').waitFor();
    expect(await text(page, 'import-summary')).toBe('1 nhóm, 2 tiêu chí, 1 điều kiện loại trừ; tổng điểm tiêu chí thường 100.');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await pageOverflow(page), 'import dialog at 390 px').toEqual({ by: 0, culprit: '' });
    expect(await seriousViolations(page), 'import dialog at 390 px').toEqual([]);
    await screenshot(page, '33-criteria-import-390');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByTestId('import-place').click();
    await expect.poll(() => page.getByTestId('field-groups.0.items.1.levels').inputValue()).toBe('0; 25; 50');
    await page.getByTestId('criteria-save').click();
    await expect.poll(() => text(page, 'criteria-version')).toBe('Phiên bản 1');

    const saved = await page.evaluate(
      async (url) => (await fetch(url)).json(),
      `/api/v1/clusters/${clusterId}/years/${YEAR}/criteria?period=H1`,
    );
    expect(saved.content).toEqual({
      groups: [
        {
          code: 'I',
          title: 'Sản xuất, kinh doanh',
          items: [
            {
              code: '1.1',
              text: 'Doanh thu so với kế hoạch',
              maxPoints: 50,
              method: 'proportional',
              target: 100,
              evidenceRequired: true,
              kind: 'regular',
            },
            {
              code: '1.2',
              text: 'Chấp hành chế độ báo cáo',
              maxPoints: 50,
              method: 'graded',
              levels: [0, 25, 50],
              evidenceRequired: false,
              kind: 'regular',
            },
          ],
        },
      ],
      knockOuts: [{ code: 'K1', text: 'Để xảy ra tai nạn lao động chết người' }],
      maxTotal: 100,
    });
    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
