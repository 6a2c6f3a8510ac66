import { useCallback, useMemo } from 'react';
import { categoryLabel } from '../lib/format';
import { href } from '../lib/router';
import { LazyChart } from './LazyChart';

/** Flagged messages per category; a bar opens the search listing them (and a list of links does too). */
export function FlagsChart({
  caseId,
  flagsByCategory,
}: {
  caseId: number;
  flagsByCategory: Readonly<Record<string, number>>;
}) {
  const entries = useMemo(
    () => Object.entries(flagsByCategory).sort((a, b) => b[1] - a[1]),
    [flagsByCategory],
  );
  const open = (category: string) =>
    href({ page: 'search', caseId, params: new URLSearchParams({ category, minScore: '0.5' }) });
  const onClick = useCallback(
    (p: { dataIndex?: number }) => {
      const e = entries[p.dataIndex ?? -1];
      if (e) window.location.hash = open(e[0]).slice(1);
    },
    // open depends on caseId only.
    [entries, caseId],
  );
  const option = useMemo(() => {
    return {
      grid: { left: 150, right: 24, top: 8, bottom: 24 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: entries.map(([k]) => categoryLabel(k)) },
      series: [{ type: 'bar', data: entries.map(([, v]) => v), itemStyle: { color: '#b0413e' } }],
    };
  }, [entries]);
  if (entries.length === 0) return <p className="muted">No flagged messages.</p>;
  return (
    <>
      <LazyChart option={option} label="Flagged messages by category" onClick={onClick} />
      <ul className="drill-links" aria-label="Flagged messages by category: list them">
        {entries.map(([k, v]) => (
          <li key={k}>
            <a href={open(k)}>
              {categoryLabel(k)}: {v}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
