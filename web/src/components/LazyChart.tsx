import { lazy, Suspense } from 'react';
import type { EChartProps } from './EChart';

// ECharts is most of the bundle and only the dashboard draws charts: load it when first needed.
const EChart = lazy(() => import('./EChart').then((m) => ({ default: m.EChart })));

export function LazyChart(props: EChartProps) {
  return (
    <Suspense fallback={<div className="chart" style={{ height: props.height ?? 280 }} aria-busy="true" />}>
      <EChart {...props} />
    </Suspense>
  );
}
