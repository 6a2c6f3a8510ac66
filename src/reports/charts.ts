/**
 * Charts for reports, rendered server-side by ECharts to SVG (no browser, no canvas), then drawn
 * into the PDF as vectors. Animation is off and sizes are fixed, so the same data gives the same SVG.
 */
import * as echarts from 'echarts';
import { regularTextWidth } from './fonts.js';
import { chartLabel } from './pdf.js';

// Labels are measured in the font they are drawn in (svg-to-pdfkit draws chart text in the regular
// report font), so containLabel keeps long names inside the page.
echarts.setPlatformAPI({
  measureText(text: string, font?: string) {
    const size = Number(/(\d+(?:\.\d+)?)px/u.exec(font ?? '')?.[1] ?? 12);
    return { width: regularTextWidth(text, size) };
  },
});

export interface Chart {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
}

const LEGEND = { bottom: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 9 } };

function render(option: echarts.EChartsOption, width: number, height: number): Chart {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: 'sans-serif' }, ...option });
    return { svg: chart.renderToSVGString(), width, height };
  } finally {
    chart.dispose();
  }
}

/** Messages sent per member (persons), highlighting the subject. */
export function activityChart(
  rows: readonly { name: string; sent: number; offensive: number; subject: boolean }[],
): Chart {
  const sorted = [...rows].sort((a, b) => b.sent - a.sent || (a.name < b.name ? -1 : 1)).slice(0, 25);
  const names = sorted.map((r) => chartLabel(r.name));
  const height = Math.max(170, 80 + sorted.length * 22);
  return render(
    {
      title: { text: 'Activity per member (messages sent)', textStyle: { fontSize: 12 } },
      legend: { ...LEGEND, data: ['other messages', 'offensive (flagged or coded)'] },
      // containLabel: the grid's edges hold the axis labels too, so the title (above) and the
      // legend (below) never overprint them (issue 15).
      grid: { left: 10, right: 30, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 9 } },
      series: [
        {
          name: 'other messages',
          type: 'bar',
          stack: 'sent',
          itemStyle: { color: '#9db4cc' },
          data: sorted.map((r) => ({
            value: r.sent - r.offensive,
            itemStyle: { color: r.subject ? '#2f5f8f' : '#9db4cc' },
          })),
        },
        {
          name: 'offensive (flagged or coded)',
          type: 'bar',
          stack: 'sent',
          itemStyle: { color: '#b03a2e' },
          data: sorted.map((r) => r.offensive),
        },
      ],
    },
    520,
    height,
  );
}

/** Offensive messages per month: by the subject, and by others while the subject was a member. */
export function offensiveOverTimeChart(
  months: readonly { month: string; sent: number; received: number }[],
): Chart {
  return render(
    {
      title: { text: 'Offensive messages over time (per month)', textStyle: { fontSize: 12 } },
      legend: { ...LEGEND, data: ['sent by the subject', 'received while a member'] },
      grid: { left: 10, right: 20, top: 40, bottom: 30, containLabel: true },
      xAxis: { type: 'category', data: months.map((m) => m.month), axisLabel: { fontSize: 9, rotate: 45 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: 'sent by the subject',
          type: 'bar',
          itemStyle: { color: '#b03a2e' },
          data: months.map((m) => m.sent),
        },
        {
          name: 'received while a member',
          type: 'bar',
          itemStyle: { color: '#e0a458' },
          data: months.map((m) => m.received),
        },
      ],
    },
    520,
    230,
  );
}

/** Membership intervals per member as a Gantt chart (time axis; dashed where assumed, not seen). */
export function membershipChart(
  rows: readonly { name: string; from: number; to: number; certain: boolean; subject: boolean }[],
  range: { start: number; end: number },
): Chart {
  const names = [...new Set(rows.map((r) => chartLabel(r.name)))];
  const height = Math.max(140, 60 + names.length * 22);
  const span = Math.max(1, range.end - range.start);
  const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
  return render(
    {
      title: { text: 'Membership timeline (seen = solid, assumed = pale)', textStyle: { fontSize: 12 } },
      grid: { left: 10, right: 30, top: 40, bottom: 10, containLabel: true },
      xAxis: {
        type: 'value',
        min: 0,
        max: span,
        splitNumber: 5,
        axisLabel: { fontSize: 9, formatter: (v: number) => day(range.start + v) },
      },
      yAxis: { type: 'category', data: names, inverse: true, axisLabel: { fontSize: 9 } },
      series: [
        {
          type: 'bar',
          stack: 'x',
          silent: true,
          itemStyle: { color: 'transparent' },
          data: [],
        },
        // One pair of stacked bars per interval: an invisible offset, then the interval itself.
        ...rows.flatMap((r, i) => {
          const at = names.indexOf(chartLabel(r.name));
          const offset = names.map((_, j) => (j === at ? r.from - range.start : 0));
          const length = names.map((_, j) => (j === at ? Math.max(r.to - r.from, span / 400) : 0));
          return [
            {
              type: 'bar' as const,
              stack: `i${i}`,
              barGap: '-100%',
              silent: true,
              itemStyle: { color: 'transparent' },
              data: offset,
            },
            {
              type: 'bar' as const,
              stack: `i${i}`,
              barGap: '-100%',
              itemStyle: {
                color: r.subject ? '#2f5f8f' : '#7f9fbf',
                opacity: r.certain ? 1 : 0.4,
              },
              data: length,
            },
          ];
        }),
      ],
    },
    520,
    height,
  );
}
