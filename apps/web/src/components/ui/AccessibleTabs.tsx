import { useLayoutEffect, useRef } from 'react';
import { Tabs, type TabsProps } from 'antd';

/**
 * AntD's tabs with a tab list that assistive technology accepts. AntD puts role="tablist" on the bar that also holds
 * its overflow button ("more"), and a tab list may own tabs only (axe: aria-required-children, critical). The role is
 * moved to the inner list that holds the tabs alone; keyboard use and the overflow menu are unchanged.
 */
export function AccessibleTabs(props: TabsProps) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const nav = ref.current?.querySelector(':scope > .ant-tabs > .ant-tabs-nav');
    const list = nav?.querySelector('.ant-tabs-nav-list');
    if (!nav || !list) return;
    if (nav.getAttribute('role') === 'tablist') {
      nav.removeAttribute('role');
      const orientation = nav.getAttribute('aria-orientation');
      nav.removeAttribute('aria-orientation');
      if (orientation) list.setAttribute('aria-orientation', orientation);
    }
    list.setAttribute('role', 'tablist');
  });
  return (
    <div ref={ref}>
      <Tabs {...props} />
    </div>
  );
}
