// Browser flow: a scoring round of Cluster No. 18. The committee opens the round (its criteria table through the
// API), sets the weights and watches the board; the officer of Lam Sơn self-scores and submits; the committee moves
// the round on and adjusts an item of Lam Sơn with a reason, which Lam Sơn answers; the committee closes the round and
// reads the ranking with its charts. Axe and a phone's width on every page.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser.ts';
import { openSignedIn, pick, setUpFlow, signIn, text, watchErrors } from './flow.ts';
import { pageOverflow, seriousViolations } from './accessibility.ts';

const flow = setUpFlow();
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

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

/** A 100-point table: a binary item needing evidence, a graded and a manual item, a bonus, a penalty, one knock-out. */
const table = {
  period: 'FY',
  maxTotal: 100,
  groups: [
    {
      code: 'I',
      title: 'Nhiệm vụ chính trị',
      items: [
        { code: '1.1', text: 'Nộp ngân sách đúng hạn', maxPoints: 20, method: 'binary', evidenceRequired: true, kind: 'regular' },
        {
          code: '1.2',
          text: 'Cải cách hành chính',
          maxPoints: 30,
          method: 'graded',
          levels: [0, 15, 30],
          evidenceRequired: false,
          kind: 'regular',
        },
      ],
    },
    {
      code: 'II',
      title: 'Công tác thi đua',
      items: [
        { code: '2.1', text: 'Phong trào thi đua', maxPoints: 50, method: 'manual', evidenceRequired: false, kind: 'regular' },
        { code: 'B1', text: 'Cờ thi đua của tỉnh', maxPoints: 10, method: 'binary', evidenceRequired: false, kind: 'bonus' },
        { code: 'P1', text: 'Nộp báo cáo chậm', maxPoints: 5, method: 'manual', evidenceRequired: false, kind: 'penalty' },
      ],
    },
  ],
  knockOuts: [{ code: 'K1', text: 'Vi phạm pháp luật nghiêm trọng' }],
};

/** Clicks the OK of a pop-up confirmation until it closes: a click while it is still opening can be lost. */
async function confirm(page: Page, testId: string) {
  const ok = page.getByTestId(testId);
  for (let attempt = 0; ; attempt++) {
    await ok.click();
    try {
      await ok.waitFor({ state: 'hidden', timeout: 3_000 });
      return;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Moves the round on from the board, confirming, and waits for the new state. */
async function advance(page: Page, to: string) {
  await page.getByTestId('round-advance').click();
  await confirm(page, 'advance-confirm');
  // the state shown, or the server's refusal
  await expect
    .poll(async () =>
      (await page.getByTestId('advance-error').count()) ? await text(page, 'advance-error') : await text(page, 'round-state'),
    )
    .toBe(to);
}

describe('a scoring round in the browser', () => {
  it('runs from self-scoring to the ranking: the board, a sheet, the review with an adjustment, the ranking with charts', async () => {
    const { page } = flow.browser;
    const { failedRequests, pageErrors } = watchErrors(page);

    // the cluster's page leads to the round of the year it shows
    await openSignedIn(page, `${flow.server.url}/clusters`, 'demo-committee', 'cluster-list');
    const cluster = await page.evaluate(async () => {
      const list = (await (await fetch('/api/v1/clusters?q=TH-CUM18')).json()) as { items: Array<{ id: number; code: string }> };
      const c18 = list.items.find((c) => c.code === 'TH-CUM18')!;
      const units = (await (await fetch('/api/v1/units?q=TH-LAMSON')).json()) as { items: Array<{ id: number; code: string }> };
      return { id: c18.id, lamSon: units.items.find((u) => u.code === 'TH-LAMSON')!.id };
    });
    await page.goto(`${flow.server.url}/clusters/${cluster.id}`);
    const link = page.getByTestId('round-link');
    await link.waitFor();
    const year = Number(/\/years\/(\d+)\/round$/.exec((await link.getAttribute('href'))!)![1]);
    expect(await link.textContent()).toContain(`Chấm điểm thi đua năm ${year}`);
    const base = `/api/v1/clusters/${cluster.id}/years/${year}`;

    // the committee opens the round of the year: its criteria table, frozen
    const opened = await page.evaluate(
      async ({ base, table }) => {
        const { csrfToken } = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
        const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
        const saved = await fetch(`${base}/criteria`, { method: 'PUT', headers, body: JSON.stringify(table) });
        const { rowVersion } = (await saved.json()) as { rowVersion: number };
        const open = await fetch(`${base}/criteria/open`, { method: 'POST', headers, body: JSON.stringify({ period: 'FY', rowVersion }) });
        return [saved.status, open.status];
      },
      { base, table },
    );
    expect(opened).toEqual([200, 200]);

    // the board: every member not started, the committee's controls; the weights set in the dialog
    await link.click();
    await page.getByTestId('round-members').waitFor();
    expect(await text(page, 'round-state')).toBe('Tự chấm');
    expect(await page.getByTestId(`member-${cluster.lamSon}`).textContent()).toContain('Chưa chấm');
    await page.getByTestId('round-settings').click();
    await page.getByTestId('settings-form').waitFor();
    await page.getByTestId('field-weightSelf').fill('40');
    await pick(page, 'field-crossMethod', 'Trung vị');
    await page.getByTestId('settings-submit').click();
    await expect
      .poll(async () => (await page.getByTestId('round-settings-summary').textContent()) ?? '')
      .toContain('Tự chấm 40%, chấm chéo 60%');
    expect(await page.getByTestId('round-settings-summary').textContent()).toContain('Trung vị');
    await screenshot(page, '31-round-board');
    await checkLayout(page, '31-round-board');

    // Lam Sơn's officer self-scores and submits
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    await page.goto(`${flow.server.url}/clusters/${cluster.id}/years/${year}/round`);
    await page.getByTestId('login-page').waitFor();
    await signIn(page, 'demo-unit', 'round-mine');
    expect(await page.getByTestId('round-settings').count()).toBe(0);
    expect(await page.getByTestId('round-advance').count()).toBe(0);
    await page.getByTestId('mine-self-link').click();
    await page.getByTestId('sheet-group-I').waitFor();
    expect(await text(page, 'page-title')).toContain('Phiếu tự chấm');
    await page.getByTestId('points-1.1').click();
    await pick(page, 'points-1.2', '15');
    await page.getByTestId('points-2.1').fill('40');
    await page.getByTestId('points-2.1').press('Tab');
    await page.getByTestId('comment-2.1').fill('Theo báo cáo tổng kết');
    // the evidence item 1.1 needs, attached as a file
    await page
      .getByTestId('evidence-1.1')
      .locator('input[type="file"]')
      .setInputFiles({ name: 'Báo cáo nộp ngân sách.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('evidence-1.1').getByText('Báo cáo nộp ngân sách.pdf').waitFor();
    await expect.poll(() => text(page, 'sheet-total')).toBe('Tổng điểm: 75 / 100');
    await checkLayout(page, '32-self-sheet');
    await page.getByTestId('sheet-save').click();
    await page.getByTestId('sheet-submit').click();
    await confirm(page, 'sheet-submit-confirm');
    await page.getByTestId('sheet-readonly').waitFor();
    expect(await text(page, 'sheet-readonly')).toBe('Phiếu đã nộp, không sửa được nữa.');
    await screenshot(page, '32-self-sheet-submitted');

    // the committee sees it on the board and moves the round on to the review
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    await page.goto(`${flow.server.url}/clusters/${cluster.id}/years/${year}/round?period=FY`);
    await page.getByTestId('login-page').waitFor();
    await signIn(page, 'demo-committee', 'round-members');
    expect(await page.getByTestId(`member-${cluster.lamSon}`).textContent()).toContain('Đã nộp');
    await advance(page, 'Chấm chéo');
    await page.getByTestId('cross-matrix').waitFor();
    await checkLayout(page, '33-round-cross');
    await advance(page, 'Thẩm định');

    // the review of Lam Sơn: an adjustment needs a reason
    await page.getByTestId(`member-${cluster.lamSon}`).getByTestId('review-link').click();
    await page.getByTestId('review-group-II').waitFor();
    expect(await text(page, 'score-2.1')).toBe('40');
    await page.getByTestId('adjust-2.1').click();
    await page.getByTestId('adjust-form').waitFor();
    await page.getByTestId('field-points').fill('35');
    await page.getByTestId('adjust-submit').click();
    await page.getByText('Phải ghi rõ lý do.').waitFor();
    await page.getByTestId('field-reason').fill('Thiếu minh chứng phong trào quý IV');
    await page.getByTestId('adjust-submit').click();
    await page.getByTestId('adjust-form').waitFor({ state: 'detached' });
    await expect.poll(() => text(page, 'score-2.1')).toBe('35');
    const history = (await page.getByTestId('adjustments').textContent()) ?? '';
    expect(history).toContain('Thiếu minh chứng phong trào quý IV');
    expect(history).toContain('40 → 35');
    await screenshot(page, '34-review');
    await checkLayout(page, '34-review');

    // Lam Sơn answers the adjustment, once
    const reviewUrl = page.url();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    await page.goto(reviewUrl);
    await page.getByTestId('login-page').waitFor();
    await signIn(page, 'demo-unit', 'answer-form');
    expect(await page.getByTestId('adjust-2.1').count()).toBe(0);
    await page.getByTestId('field-answer').fill('Đơn vị bổ sung minh chứng kèm theo');
    await page.getByTestId('answer-submit').click();
    await expect.poll(async () => (await page.getByTestId('adjustment-answer').count()) > 0).toBe(true);
    expect(await text(page, 'adjustment-answer')).toContain('Đơn vị bổ sung minh chứng kèm theo');
    expect(await page.getByTestId('answer-form').count()).toBe(0);

    // closed: the ranking, final, with its charts drawn
    await page.getByTestId('sign-out').click();
    await page.getByTestId('login-page').waitFor();
    await page.goto(reviewUrl);
    await page.getByTestId('login-page').waitFor();
    await signIn(page, 'demo-committee', 'review-page');
    await page
      .getByTestId('scoring-crumbs')
      .getByRole('link', { name: new RegExp(`${year}`) })
      .click();
    await page.getByTestId('round-members').waitFor();
    await advance(page, 'Đã kết thúc');
    await page.getByTestId('ranking-link').click();
    await page.getByTestId('ranking-table').waitFor();
    expect(await text(page, 'ranking-final')).toBe('Chính thức');
    const row = page.getByTestId(`rank-${cluster.lamSon}`);
    expect(await row.textContent()).toContain('Công ty TNHH MTV Lam Sơn');
    await page.getByTestId('chart-bars').locator('svg').first().waitFor();
    await page.getByTestId('chart-radar').locator('svg').first().waitFor();
    expect(await page.getByTestId('chart-bars').getAttribute('role')).toBe('img');
    const xlsx = await page.evaluate(
      async (href) => {
        const r = await fetch(href!);
        return { status: r.status, type: r.headers.get('content-type') };
      },
      await page.getByTestId('export-xlsx').getAttribute('href'),
    );
    expect(xlsx).toEqual({ status: 200, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    await screenshot(page, '35-ranking');
    await checkLayout(page, '35-ranking');

    expect(failedRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
