/**
 * Evaluation on the domain corpus's dev split (whole templates never trained on): precision and recall
 * overall and per category, and the flagged rate per kind of line (hateful kinds should be high, the
 * quiet kinds — counter-speech, reports, jargon, false friends — low). Also the simulated review's
 * SVG chart for `npm run eval`.
 */

import type { FlagCategory } from '../../../contract/coding.js';
import type { Flagger } from '../index.js';
import type { CorpusLine } from './corpus.js';
import type { Prf } from './evaluate.js';
import type { ReviewPoint } from './simulate.js';

export interface CorpusReport {
  lines: number;
  overall: Prf;
  byCategory: Record<string, Prf>;
  /** Per kind of line: how many, how many flagged, and whether flagging is right for it. */
  byKind: Record<string, { n: number; flagged: number; rate: number; offensive: boolean }>;
  /**
   * Hard negatives the model flagged on its own (a "model:" span carries the flag), per template, most
   * first: each is a defect, above all a plain group statement ("Women make up half the population").
   */
  modelOnlyNegatives?: { template: string; kind: string; n: number; flagged: number; example: string }[];
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number): number => Math.round(x * 1e4) / 1e4;
  return { precision: r(precision), recall: r(recall), f1: r(f1), support: tp + fn, tp, fp, fn };
}

export function evaluateCorpus(flagger: Flagger, lines: readonly CorpusLine[]): CorpusReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const cat = new Map<FlagCategory, { tp: number; fp: number; fn: number }>();
  const get = (c: FlagCategory): { tp: number; fp: number; fn: number } => {
    let v = cat.get(c);
    if (v === undefined) cat.set(c, (v = { tp: 0, fp: 0, fn: 0 }));
    return v;
  };
  const kinds = new Map<string, { n: number; flagged: number; offensive: boolean }>();
  const modelOnly = new Map<
    string,
    { template: string; kind: string; n: number; flagged: number; example: string }
  >();
  for (const l of lines) {
    const r = flagger.classify(l.text);
    if (l.label === 0) {
      const m = modelOnly.get(l.template) ?? {
        template: l.template,
        kind: l.kind.split('+')[0]!,
        n: 0,
        flagged: 0,
        example: '',
      };
      m.n++;
      if (r.flagged && r.spans.some((sp) => sp.reason.startsWith('model:'))) {
        if (m.flagged === 0) m.example = l.text;
        m.flagged++;
      }
      modelOnly.set(l.template, m);
    }
    if (r.flagged && l.label === 1) tp++;
    else if (r.flagged) fp++;
    else if (l.label === 1) fn++;
    // A category counts as predicted when the message is flagged and the category scores ≥ 0.5.
    const predicted = new Set(r.flagged ? r.categories.filter((c) => c.score >= 0.5).map((c) => c.name) : []);
    const truth = new Set(l.categories);
    for (const c of new Set([...predicted, ...truth])) {
      const v = get(c);
      if (predicted.has(c) && truth.has(c)) v.tp++;
      else if (predicted.has(c)) v.fp++;
      else v.fn++;
    }
    const kind = l.kind.split('+')[0]!;
    const k = kinds.get(kind) ?? { n: 0, flagged: 0, offensive: l.label === 1 };
    k.n++;
    if (r.flagged) k.flagged++;
    kinds.set(kind, k);
  }
  const byCategory: Record<string, Prf> = {};
  for (const [c, v] of [...cat.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    byCategory[c] = prf(v.tp, v.fp, v.fn);
  }
  const byKind: CorpusReport['byKind'] = {};
  for (const [k, v] of [...kinds.entries()].sort(
    (a, b) => Number(b[1].offensive) - Number(a[1].offensive) || a[0].localeCompare(b[0]),
  )) {
    byKind[k] = { ...v, rate: Math.round((v.flagged / v.n) * 1e4) / 1e4 };
  }
  const modelOnlyNegatives = [...modelOnly.values()]
    .filter((m) => m.flagged > 0)
    .sort((a, b) => b.flagged - a.flagged || a.template.localeCompare(b.template));
  return { lines: lines.length, overall: prf(tp, fp, fn), byCategory, byKind, modelOnlyNegatives };
}

/** A small SVG line chart: share of offensive messages found against share of the case reviewed. */
export function reviewChartSvg(
  series: { name: string; colour: string; points: readonly ReviewPoint[] }[],
): string {
  const W = 480;
  const H = 320;
  const m = 40;
  const maxX = Math.max(...series.flatMap((s) => s.points.map((p) => p.reviewedShare)));
  const x = (v: number): number => m + (v / maxX) * (W - 2 * m);
  const y = (v: number): number => H - m - v * (H - 2 * m);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<line x1="${m}" y1="${y(0)}" x2="${W - m}" y2="${y(0)}" stroke="black"/>`,
    `<line x1="${m}" y1="${y(0)}" x2="${m}" y2="${y(1)}" stroke="black"/>`,
    `<text x="${W / 2}" y="${H - 8}" text-anchor="middle">share of the case reviewed (max ${Math.round(maxX * 100)} %)</text>`,
    `<text x="12" y="${H / 2}" transform="rotate(-90 12 ${H / 2})" text-anchor="middle">share of offensive messages found</text>`,
  ];
  for (const v of [0.25, 0.5, 0.75, 1]) {
    out.push(`<line x1="${m}" y1="${y(v)}" x2="${W - m}" y2="${y(v)}" stroke="#ddd"/>`);
    out.push(`<text x="${m - 4}" y="${y(v) + 4}" text-anchor="end">${v * 100}%</text>`);
  }
  series.forEach((s, k) => {
    const pts = s.points
      .map((p) => `${x(p.reviewedShare).toFixed(1)},${y(p.foundShare).toFixed(1)}`)
      .join(' ');
    out.push(`<polyline fill="none" stroke="${s.colour}" stroke-width="2" points="${pts}"/>`);
    out.push(`<text x="${W - m - 150}" y="${y(0.2) + 14 * k}" fill="${s.colour}">${s.name}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}
