import { useCallback, useContext, useMemo } from 'react';
import { SYSTEM_SENDER } from '@contract/sender-label';
import type { ActivityPoint } from '../api/types';
import { href } from '../lib/router';
import { SenderStylesContext } from '../lib/sender-colour';
import { LazyChart } from './LazyChart';

/** "2023-04" → the first instant of that month and of the next (UTC, as the activity counts them). */
function monthRange(month: string): { from: string; to: string } {
  const [y = 1970, m = 1] = month.split('-').map(Number);
  return {
    from: new Date(Date.UTC(y, m - 1, 1)).toISOString(),
    to: new Date(Date.UTC(y, m, 1)).toISOString(),
  };
}

/** Messages per member per month, stacked bars; colours match the thread view; a bar opens its messages. */
export function ActivityChart({ caseId, activity }: { caseId: number; activity: readonly ActivityPoint[] }) {
  const styles = useContext(SenderStylesContext);
  const onClick = useCallback(
    (p: { seriesName?: string; name?: string }) => {
      if (!p.seriesName || !p.name || p.seriesName === SYSTEM_SENDER) return;
      const params = new URLSearchParams({ sender: p.seriesName, ...monthRange(p.name) });
      window.location.hash = href({ page: 'search', caseId, params }).slice(1);
    },
    [caseId],
  );
  const option = useMemo(() => {
    const months = [...new Set(activity.map((a) => a.month))].sort();
    const senders = [...new Set(activity.map((a) => a.sender ?? SYSTEM_SENDER))].sort();
    const byKey = new Map(activity.map((a) => [`${a.sender ?? SYSTEM_SENDER}\u0000${a.month}`, a.messages]));
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
        itemStyle: { color: styles(s === SYSTEM_SENDER ? null : s).colour },
        data: months.map((m) => byKey.get(`${s}\u0000${m}`) ?? 0),
      })),
    };
  }, [activity, styles]);
  if (activity.length === 0) return <p className="muted">No activity.</p>;
  return <LazyChart option={option} label="Messages per member per month" height={320} onClick={onClick} />;
}
