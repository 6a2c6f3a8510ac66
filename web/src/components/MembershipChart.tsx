import { useQuery } from '@tanstack/react-query';
import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
} from 'echarts';
import { useMemo } from 'react';
import type { ConversationSummary } from '../api/types';
import { getMembership, type Certainty, type MembershipTimeline } from '../api/people';
import type { ChartOption } from './EChart';
import { LazyChart } from './LazyChart';
import { QueryState } from './QueryState';

export const membershipKey = (caseId: number) => ['membership', caseId] as const;

const CERTAINTY: readonly { key: Certainty; label: string; colour: string }[] = [
  { key: 'seen', label: 'Seen (joined and left in the record)', colour: '#2f6f9f' },
  { key: 'assumed', label: 'Assumed (e.g. from a first message)', colour: '#8fb3d1' },
  { key: 'uncertain', label: 'Uncertain (contradicted)', colour: '#d9a441' },
];

interface Row {
  readonly label: string;
  readonly key: string;
}

/** The gantt's data: one row per participant per conversation, bars from-to, conflicts as points. */
function chartData(timelines: readonly MembershipTimeline[], names: ReadonlyMap<number, string>) {
  const known: number[] = [];
  for (const t of timelines) {
    for (const i of t.intervals) {
      if (i.from.utc) known.push(Date.parse(i.from.utc));
      if (i.to.utc) known.push(Date.parse(i.to.utc));
    }
    for (const c of t.conflicts) known.push(Date.parse(c.utc));
  }
  // An open bound ("before the record starts", "still a member") is drawn to the record's edge.
  const min = known.length ? Math.min(...known) : Date.now();
  const max = known.length ? Math.max(...known) : Date.now();
  const several = timelines.length > 1;
  const rows: Row[] = [];
  const rowOf = new Map<string, number>();
  const row = (conversationId: number, key: string, name: string) => {
    const k = `${conversationId}\u0000${key}`;
    let r = rowOf.get(k);
    if (r === undefined) {
      r = rows.length;
      rowOf.set(k, r);
      const conv = names.get(conversationId) ?? `Conversation ${conversationId}`;
      rows.push({ key: k, label: several ? `${name} · ${conv}` : name });
    }
    return r;
  };
  const bars = new Map<Certainty, { value: (number | string)[] }[]>(CERTAINTY.map((c) => [c.key, []]));
  const conflicts: { value: [number, number]; detail: string }[] = [];
  for (const t of timelines) {
    for (const i of t.intervals) {
      const r = row(t.conversationId, i.participantKey, i.participant);
      const from = i.from.utc ? Date.parse(i.from.utc) : min;
      const to = i.to.utc ? Date.parse(i.to.utc) : max;
      bars.get(i.certainty)?.push({
        value: [
          r,
          from,
          to,
          i.participant,
          i.from.basis,
          i.to.basis,
          i.from.utc ?? '(start of record)',
          i.to.utc ?? '(end of record)',
        ],
      });
    }
    for (const c of t.conflicts) {
      const name =
        t.intervals.find((i) => i.participantKey === c.participantKey)?.participant ?? c.participantKey;
      conflicts.push({
        value: [Date.parse(c.utc), row(t.conversationId, c.participantKey, name)],
        detail: c.detail,
      });
    }
  }
  return { rows, bars, conflicts };
}

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

/** Who was a member of each conversation from when to when (a gantt), coloured by certainty, conflicts marked. */
export function MembershipChart({
  caseId,
  conversations,
}: {
  caseId: number;
  conversations: readonly ConversationSummary[];
}) {
  const q = useQuery({
    queryKey: membershipKey(caseId),
    queryFn: () => getMembership(caseId),
    staleTime: 60_000,
  });
  const names = useMemo(() => new Map(conversations.map((c) => [c.id, c.name])), [conversations]);
  const data = useMemo(() => (q.data ? chartData(q.data, names) : null), [q.data, names]);
  const option = useMemo(() => {
    if (!data) return null;
    return {
      grid: { left: 200, right: 24, top: 36, bottom: 28 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'item',
        formatter: (p: { seriesName: string; value: unknown[]; data: { detail?: string } }) => {
          if (p.seriesName === 'Conflict') return `Conflict: ${p.data.detail ?? ''}`;
          const v = p.value;
          return `${String(v[3])}<br/>from ${String(v[6])} (${String(v[4])})<br/>to ${String(v[7])} (${String(v[5])})<br/>${p.seriesName}`;
        },
      },
      xAxis: { type: 'time' },
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
          data: data.bars.get(c.key) ?? [],
        })),
        {
          name: 'Conflict',
          type: 'scatter',
          symbol: 'triangle',
          symbolSize: 11,
          itemStyle: { color: '#b0413e' },
          data: data.conflicts,
          z: 5,
        },
      ],
    };
  }, [data]);
  return (
    <section className="panel" aria-labelledby="membership-title">
      <h2 id="membership-title">Membership timeline</h2>
      <QueryState query={q} />
      {data && data.rows.length === 0 && <p className="muted">No membership recorded.</p>}
      {data && data.rows.length > 0 && (
        <MembershipGantt option={option!} rows={data.rows.length} conflicts={data.conflicts.length} />
      )}
    </section>
  );
}

function MembershipGantt({
  option,
  rows,
  conflicts,
}: {
  option: ChartOption;
  rows: number;
  conflicts: number;
}) {
  return (
    <>
      <LazyChart
        option={option}
        label="Membership timeline: who was a member from when to when"
        height={Math.min(900, 80 + rows * 24)}
      />
      <p className="muted small" data-testid="membership-summary">
        {rows} membership rows (participant per conversation); {conflicts} conflicting record
        {conflicts === 1 ? '' : 's'} marked ▲.
      </p>
    </>
  );
}
