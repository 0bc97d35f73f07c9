// Accessibility and layout checks a browser flow runs on a page: axe-core's rules (no critical or serious
// violation), and no page-level horizontal scrolling (tables scroll inside themselves).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** axe's critical and serious violations on the page as it is now (WCAG 2.1 A/AA and best practices). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // evaluated through the DevTools protocol: the page's content security policy forbids inline scripts, rightly
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // wait for entrance animations and transitions to settle, so colours are read as shown
  await page.waitForTimeout(400);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: any[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'critical' || v.impact === 'serious')
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes
          .slice(0, 5)
          .map((n: { target: string[]; failureSummary?: string }) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
      }));
  });
}

/** How far the page itself scrolls sideways (0 when everything fits), and the outermost element that sticks out. */
export async function pageOverflow(page: Page): Promise<{ by: number; culprit: string }> {
  return page.evaluate(() => {
    const by = Math.max(0, document.documentElement.scrollWidth - window.innerWidth);
    let culprit = '';
    if (by > 0) {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
        if (el.getBoundingClientRect().right > window.innerWidth + 0.5 && !el.closest('.ant-table-content, .ant-table-body')) {
          culprit = `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')}[${el.dataset.testid ?? ''}]`;
          break;
        }
      }
    }
    return { by, culprit };
  });
}
