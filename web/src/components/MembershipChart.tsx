import { useQuery } from '@tanstack/react-query';
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
} from 'echarts';
import { useMemo } from 'react';
import { getMembership } from '../api/people';
import type { ConversationSummary } from '../api/types';
import { formatInstant } from '../lib/time';
import type { ChartOption } from './EChart';
import { LazyChart } from './LazyChart';
import {
  CERTAINTY,
  membershipData,
  membershipTooltip,
  type MembershipData,
  type RecordSpan,
} from './membership-data';
import { QueryState } from './QueryState';

export const membershipKey = (caseId: number) => ['membership', caseId] as const;

function renderBar(
  params: CustomSeriesRenderItemParams,
  api: CustomSeriesRenderItemAPI,
): CustomSeriesRenderItemReturn {
  const r = api.value(0);
  const start = api.coord([api.value(1), r]);
  const end = api.coord([api.value(2), r]);
  const size = api.size?.([0, 1]);
  const h = (Array.isArray(size) ? (size[1] ?? 16) : 16) * 0.6;
  const x = start[0] ?? 0;
  const y = (start[1] ?? 0) - h / 2;
  const coordSys = params.coordSys as unknown as { x: number; y: number; width: number; height: number };
  return {
    type: 'rect',
    shape: { x, y, width: Math.max(3, (end[0] ?? x) - x), height: h },
    style: api.style(),
    // Keep bars inside the plot when zoomed or at the record's edges.
    clipPath: {
      type: 'rect',
      shape: { x: coordSys.x, y: coordSys.y, width: coordSys.width, height: coordSys.height },
    },
  } as CustomSeriesRenderItemReturn;
}

/** Each conversation's first and last message (UTC ms): the record's edges, where open bars end. */
function recordSpans(conversations: readonly ConversationSummary[]): Map<number, RecordSpan> {
  const spans = new Map<number, RecordSpan>();
  for (const c of conversations) {
    if (c.first && c.last) spans.set(c.id, { first: Date.parse(c.first), last: Date.parse(c.last) });
  }
  return spans;
}

function chartOption(data: MembershipData, zone: string): ChartOption {
  return {
    grid: { left: 200, right: 24, top: 36, bottom: 28 },
    legend: { top: 0 },
    tooltip: {
      trigger: 'item',
      formatter: membershipTooltip(data, zone),
    },
    xAxis: { type: 'time', min: data.min, max: data.max },
    yAxis: {
      type: 'category',
      inverse: true,
      data: data.rows.map((r) => r.label),
      axisLabel: { width: 190, overflow: 'truncate' },
    },
    series: [
      ...CERTAINTY.map((c) => ({
        name: c.label,
        type: 'custom',
        renderItem: renderBar,
        itemStyle: { color: c.colour },
        encode: { x: [1, 2], y: 0 },
        data: data.bars.flatMap((b, i) =>
          b.certainty === c.key ? [{ value: [b.row, b.from, b.to], bar: i }] : [],
        ),
      })),
      {
        name: 'Conflict',
        type: 'scatter',
        symbol: 'triangle',
        symbolSize: 11,
        itemStyle: { color: '#b0413e' },
        data: data.conflicts.map((c, i) => ({ value: [c.at, c.row], conflict: i })),
        z: 5,
      },
    ],
  };
}

/** Who was a member of each conversation from when to when (a gantt), coloured by certainty, conflicts marked. */
export function MembershipChart({
  caseId,
  conversations,
  zone,
}: {
  caseId: number;
  conversations: readonly ConversationSummary[];
  zone: string;
}) {
  const q = useQuery({
    queryKey: membershipKey(caseId),
    queryFn: () => getMembership(caseId),
    staleTime: 60_000,
  });
  const names = useMemo(() => new Map(conversations.map((c) => [c.id, c.name])), [conversations]);
  const spans = useMemo(() => recordSpans(conversations), [conversations]);
  const data = useMemo(() => (q.data ? membershipData(q.data, names, spans) : null), [q.data, names, spans]);
  const option = useMemo(() => (data ? chartOption(data, zone) : null), [data, zone]);
  return (
    <section className="panel" aria-labelledby="membership-title">
      <h2 id="membership-title">Membership timeline</h2>
      <QueryState query={q} />
      {data && data.rows.length === 0 && <p className="muted">No membership recorded.</p>}
      {data && option && data.rows.length > 0 && (
        <>
          <LazyChart
            option={option}
            label="Membership timeline: who was a member from when to when"
            height={Math.min(900, 80 + data.rows.length * 24)}
          />
          <p className="muted small" data-testid="membership-summary">
            {data.rows.length} membership rows (participant per conversation); {data.conflicts.length}{' '}
            conflicting record{data.conflicts.length === 1 ? '' : 's'} marked ▲. The axis runs from the first
            to the last message.
          </p>
          <MembershipTable data={data} zone={zone} />
        </>
      )}
    </section>
  );
}

/** The chart's figures as a table: for screen readers, and to read exact dates. */
function MembershipTable({ data, zone }: { data: MembershipData; zone: string }) {
  const at = (ms: number) => formatInstant(new Date(ms).toISOString(), zone);
  return (
    <details className="membership-table">
      <summary>Membership as a table</summary>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Participant</th>
              <th scope="col">Conversation</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Certainty</th>
            </tr>
          </thead>
          <tbody>
            {data.bars.map((b, i) => (
              <tr key={i} data-testid="membership-row">
                <td>{b.participant}</td>
                <td>{b.conversation}</td>
                <td>
                  {at(b.from)}
                  {b.openFrom ? ' (start of record)' : ''}
                </td>
                <td>
                  {at(b.to)}
                  {b.openTo ? ' (last message; still a member)' : ` (${b.toBasis})`}
                </td>
                <td>{b.certainty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
