import { useEffect } from 'react';

const REGIONS = '.ant-table-content, .ant-table-body';

/**
 * A table wider than its card scrolls inside itself; keyboard users must be able to reach that scroll (WCAG 2.1.1,
 * axe: scrollable-region-focusable). Every such region under `root` becomes a focusable stop while it scrolls.
 */
export function useFocusableScrollRegions(root: () => HTMLElement | null) {
  useEffect(() => {
    const element = root();
    if (!element) return;
    let frame = 0;
    const mark = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        for (const region of Array.from(element.querySelectorAll<HTMLElement>(REGIONS))) {
          const scrolls = region.scrollWidth > region.clientWidth + 1;
          if (scrolls && !region.hasAttribute('tabindex')) region.tabIndex = 0;
          if (!scrolls && region.tabIndex === 0) region.removeAttribute('tabindex');
        }
      });
    };
    mark();
    const observer = new MutationObserver(mark);
    observer.observe(element, { childList: true, subtree: true });
    window.addEventListener('resize', mark);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('resize', mark);
    };
  }, [root]);
}
