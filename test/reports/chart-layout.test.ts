/**
 * Issue 15, reports: a chart title overprinted its plot and legends overlapped the axis labels. The
 * rendered SVG's text positions are checked: the title sits above every other text, and the legend
 * below every axis label (rotated month labels measured along their slant).
 */
import { describe, expect, it } from 'vitest';
import { activityChart, membershipChart, offensiveOverTimeChart } from '../../src/reports/charts.js';
import { regularTextWidth } from '../../src/reports/fonts.js';

interface Text {
  readonly text: string;
  readonly y: number;
  /** How far the text reaches below `y` (rotated labels reach down along their slant). */
  readonly below: number;
  readonly size: number;
}

function texts(svg: string): Text[] {
  const out: Text[] = [];
  for (const m of svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/gu)) {
    const attrs = m[1]!;
    const size = Number(/font-size:(\d+(?:\.\d+)?)px/u.exec(attrs)?.[1] ?? 12);
    const dy = Number(/\sy="(-?[\d.]+)"/u.exec(attrs)?.[1] ?? 0);
    const tr = /translate\(([\d.-]+)[ ,]([\d.-]+)\)/u.exec(attrs);
    const mx = /matrix\(([^)]*)\)/u.exec(attrs);
    if (tr) out.push({ text: m[2]!, y: Number(tr[2]) + dy, below: size / 2, size });
    else if (mx) {
      const parts = mx[1]!.split(',').map(Number);
      // Rotated 45°: the end of the label lies about 0.7 × its length lower.
      out.push({ text: m[2]!, y: parts[5]!, below: m[2]!.length * size * 0.6 * 0.71, size });
    }
  }
  return out;
}

function checkLayout(svg: string, title: string, legend: readonly string[]): void {
  const all = texts(svg);
  const t = all.find((x) => x.text === title)!;
  const legends = all.filter((x) => legend.includes(x.text));
  const rest = all.filter((x) => x !== t && !legends.includes(x));
  for (const r of rest) expect(t.y + t.size / 2, `title above "${r.text}"`).toBeLessThan(r.y - r.size / 2);
  for (const l of legends)
    for (const r of rest)
      expect(r.y + r.below, `"${r.text}" above the legend`).toBeLessThan(l.y - l.size / 2);
}

describe('chart layout', () => {
  it('offensive over time: 24 months of rotated labels clear the legend; the title clears the plot', () => {
    const months = Array.from({ length: 24 }, (_, i) => ({
      month: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      sent: i % 5,
      received: 40 + (i % 7),
    }));
    const c = offensiveOverTimeChart(months);
    checkLayout(c.svg, 'Offensive messages over time (per month)', [
      'sent by the subject',
      'received while a member',
    ]);
  });

  it('activity: long names and large counts', () => {
    const c = activityChart(
      Array.from({ length: 9 }, (_, i) => ({
        name: `Police Constable Somebody ${i}`,
        sent: 1000 * (i + 1),
        offensive: 30 * i,
        subject: i === 0,
      })),
    );
    checkLayout(c.svg, 'Activity per member (messages sent)', [
      'other messages',
      'offensive (flagged or coded)',
    ]);
  });

  it('membership timeline: the title clears the plot', () => {
    const c = membershipChart(
      [
        {
          name: 'Officer A',
          from: Date.UTC(2021, 0, 1),
          to: Date.UTC(2021, 5, 1),
          certain: true,
          subject: true,
        },
      ],
      { start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 11, 31) },
    );
    checkLayout(c.svg, 'Membership timeline (seen = solid, assumed = pale)', []);
  });

  it('membership timeline: a long name (emoji written by name) stays inside the page', () => {
    const c = membershipChart(
      [
        {
          name: 'Tom Reid 🚓 of the Response Team (nights)',
          from: Date.UTC(2021, 0, 1),
          to: Date.UTC(2021, 5, 1),
          certain: true,
          subject: false,
        },
      ],
      { start: Date.UTC(2021, 0, 1), end: Date.UTC(2021, 11, 31) },
    );
    const label = [...c.svg.matchAll(/<text([^>]*)>([^<]*)<\/text>/gu)].find((m) =>
      m[2]!.startsWith('Tom Reid'),
    )!;
    expect(label[2]).toContain('[police car]');
    expect(label[1]).toContain('text-anchor="end"');
    const x = Number(/translate\(([\d.]+)/u.exec(label[1]!)![1]);
    // Anchored at its end: its start is the anchor less its width in the font it is drawn in.
    expect(x - regularTextWidth(label[2]!, 9)).toBeGreaterThanOrEqual(0);
  });
});
