import { useMemo } from 'react';
import type { ActivityPoint } from '../api/types';
import { senderColour } from '../lib/sender-colour';
import { LazyChart } from './LazyChart';

/** Messages per member per month, stacked bars; colours match the thread view. */
export function ActivityChart({ activity }: { activity: readonly ActivityPoint[] }) {
  const option = useMemo(() => {
    const months = [...new Set(activity.map((a) => a.month))].sort();
    const senders = [...new Set(activity.map((a) => a.sender ?? '(system)'))].sort();
    const byKey = new Map(activity.map((a) => [`${a.sender ?? '(system)'}\u0000${a.month}`, a.messages]));
    return {
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: senders.map((s) => ({
        name: s,
        type: 'bar',
        stack: 'messages',
        itemStyle: { color: senderColour(s === '(system)' ? null : s) },
        data: months.map((m) => byKey.get(`${s}\u0000${m}`) ?? 0),
      })),
    };
  }, [activity]);
  if (activity.length === 0) return <p className="muted">No activity.</p>;
  return <LazyChart option={option} label="Messages per member per month" height={320} />;
}
