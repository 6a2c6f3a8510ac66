import { BarChart, CustomChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([
  BarChart,
  CustomChart,
  LineChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

export interface EChartProps {
  readonly option: ChartOption;
  readonly label: string;
  readonly height?: number;
  /** A click on a bar or point (drill-down to the messages behind it). */
  readonly onClick?: (params: { seriesName?: string; name?: string; dataIndex?: number }) => void;
}

/** One ECharts instance bound to a div; resizes with it. The label is read out by screen readers. */
export function EChart({ option, label, height = 280, onClick }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    c.on('click', onClick);
    return () => {
      c.off('click', onClick);
    };
  }, [onClick]);
  // The label sits on a wrapper: ECharts owns (and rewrites) the attributes of the element it draws in.
  return (
    <div role="img" aria-label={label}>
      <div ref={ref} className="chart" style={{ height }} />
    </div>
  );
}
