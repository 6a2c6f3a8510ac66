import { useMemo } from 'react';
import { categoryLabel } from '../lib/format';
import { LazyChart } from './LazyChart';

export function FlagsChart({ flagsByCategory }: { flagsByCategory: Readonly<Record<string, number>> }) {
  const option = useMemo(() => {
    const entries = Object.entries(flagsByCategory).sort((a, b) => b[1] - a[1]);
    return {
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => categoryLabel(k)) },
      series: [{ type: 'bar', data: entries.map(([, v]) => v), itemStyle: { color: '#b0413e' } }],
    };
  }, [flagsByCategory]);
  if (Object.keys(flagsByCategory).length === 0) return <p className="muted">No flagged messages.</p>;
  return <LazyChart option={option} label="Flagged messages by category" />;
}
