import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

interface EChartProps {
  option: EChartsCoreOption;
  /** What the chart shows, for those who cannot see it (a table on the page carries the figures). */
  label: string;
  height: number;
  'data-testid'?: string;
}

/**
 * A chart of Apache ECharts: the library loads when the first chart is drawn (a dynamic import), draws in SVG and
 * follows the container's width. The container is one image to assistive technology, named by `label`.
 */
export function EChart({ option, label, height, ...rest }: EChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void import('./echarts-core.ts')
      .then(({ echarts }) => {
        const el = element.current;
        if (disposed || !el) return;
        const chart = echarts.init(el, undefined, { renderer: 'svg' });
        chart.setOption(option);
        const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
        observer?.observe(el);
        cleanup = () => {
          observer?.disconnect();
          chart.dispose();
        };
      })
      // a chart that cannot be drawn leaves the table beside it to say the same
      .catch(() => {});
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option]);
  return <div ref={element} role="img" aria-label={label} data-testid={rest['data-testid']} style={{ width: '100%', height }} />;
}
