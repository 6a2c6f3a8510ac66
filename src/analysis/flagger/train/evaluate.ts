/**
 * Evaluation: per-category precision/recall/F1 on a labelled split, the review-priority curve, and the
 * functional test suite's pass rates. Used by `npm run eval` (held-out split) and by tests.
 */

import { FLAG_CATEGORIES, type FlagCategory } from '../../../contract/coding.js';
import type { Flagger } from '../index.js';
import type { Doc } from './data.js';
import { rocAuc } from './train.js';

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const r = (x: number): number => Math.round(x * 1e4) / 1e4;
  return { precision: r(precision), recall: r(recall), f1: r(f1), support: tp + fn, tp, fp, fn };
}

export interface SplitReport {
  count: number;
  overall: Prf;
  rocAuc: number;
  modelOnlyRocAuc: number;
  bySource: Record<string, Prf & { count: number }>;
  /** A hateful item counts as found for a category when it is flagged AND that category is reported. */
  byCategory: Partial<Record<FlagCategory, Prf>>;
  /** Share of hateful items found after reviewing the top k % of items sorted by score. */
  reviewCurve: { topPercent: number; recall: number }[];
  /** The same, counting Davidson's 'offensive language' tweets as items a reviewer wants to find too. */
  reviewCurveOffensive: { topPercent: number; recall: number }[];
}

/** Categories scored as "reported" for a flagged message: any category with score ≥ 0.5. */
function reported(r: ReturnType<Flagger['classify']>): Set<FlagCategory> {
  return new Set(r.categories.filter((c) => c.score >= 0.5).map((c) => c.name));
}

export function evaluateDocs(flagger: Flagger, docs: readonly Doc[]): SplitReport {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const scored: { p: number; m: number; y: number; o: number }[] = [];
  const src = new Map<string, { tp: number; fp: number; fn: number; count: number }>();
  const cat = new Map<FlagCategory, { tp: number; fp: number; fn: number }>();
  for (const c of FLAG_CATEGORIES) cat.set(c, { tp: 0, fp: 0, fn: 0 });
  for (const d of docs) {
    const r = flagger.classify(d.text);
    scored.push({
      p: r.score,
      m: r.modelScore,
      y: d.label,
      o: d.label === 1 || d.offensive === true ? 1 : 0,
    });
    const s = src.get(d.source) ?? { tp: 0, fp: 0, fn: 0, count: 0 };
    s.count++;
    if (r.flagged && d.label === 1) {
      tp++;
      s.tp++;
    } else if (r.flagged) {
      fp++;
      s.fp++;
    } else if (d.label === 1) {
      fn++;
      s.fn++;
    }
    src.set(d.source, s);
    // Category metrics only where the gold data names categories (HatemojiBuild, ToxiGen).
    if (d.source === 'davidson') continue;
    const rep = r.flagged ? reported(r) : new Set<FlagCategory>();
    for (const c of FLAG_CATEGORIES) {
      const gold = d.label === 1 && d.categories.includes(c);
      const pred = rep.has(c);
      const k = cat.get(c)!;
      if (gold && pred) k.tp++;
      else if (pred) k.fp++;
      else if (gold) k.fn++;
    }
  }
  const byCategory: Partial<Record<FlagCategory, Prf>> = {};
  for (const [c, k] of cat) if (k.tp + k.fn > 0) byCategory[c] = prf(k.tp, k.fp, k.fn);
  const bySource: SplitReport['bySource'] = {};
  for (const [name, s] of src) bySource[name] = { ...prf(s.tp, s.fp, s.fn), count: s.count };
  return {
    count: docs.length,
    overall: prf(tp, fp, fn),
    rocAuc: Math.round(rocAuc(scored.map((s) => ({ p: s.p, y: s.y }))) * 1e4) / 1e4,
    modelOnlyRocAuc: Math.round(rocAuc(scored.map((s) => ({ p: s.m, y: s.y }))) * 1e4) / 1e4,
    bySource,
    byCategory,
    reviewCurve: reviewCurve(scored),
    reviewCurveOffensive: reviewCurve(scored.map((s) => ({ p: s.p, y: s.o }))),
  };
}

export function reviewCurve(
  scored: readonly { p: number; y: number }[],
): { topPercent: number; recall: number }[] {
  // Stable order: score descending, then original position (deterministic for ties).
  const order = scored.map((s, k) => ({ ...s, k })).sort((a, b) => b.p - a.p || a.k - b.k);
  const positives = scored.filter((s) => s.y === 1).length;
  const out: { topPercent: number; recall: number }[] = [];
  for (const pct of [1, 2, 5, 10, 20, 30, 40, 50, 75, 100]) {
    const n = Math.ceil((order.length * pct) / 100);
    let found = 0;
    for (let k = 0; k < n; k++) if (order[k]!.y === 1) found++;
    out.push({ topPercent: pct, recall: positives === 0 ? 0 : Math.round((found / positives) * 1e4) / 1e4 });
  }
  return out;
}

export interface FunctionalCase {
  id: string;
  functionality: string;
  /** Target group (women, trans, gay, black, disabled, muslim, immigrant, ...) or 'none'. */
  target: string;
  text: string;
  /** Expected: flagged (hateful) or not. */
  hateful: boolean;
  /** For hateful cases: a category that must be reported. */
  category?: FlagCategory;
}

export interface FunctionalReport {
  total: number;
  passed: number;
  hatefulFlaggedRate: number;
  nonHatefulUnflaggedRate: number;
  byFunctionality: Record<string, { n: number; passed: number; rate: number }>;
  byTarget: Record<string, { n: number; passed: number; rate: number }>;
  byCategory: Record<string, { n: number; passed: number; rate: number }>;
  failures: {
    id: string;
    functionality: string;
    text: string;
    expected: boolean;
    score: number;
    categories: string;
  }[];
}

export function evaluateFunctional(flagger: Flagger, cases: readonly FunctionalCase[]): FunctionalReport {
  const byF = new Map<string, { n: number; passed: number }>();
  const byT = new Map<string, { n: number; passed: number }>();
  const byC = new Map<string, { n: number; passed: number }>();
  const inc = (m: Map<string, { n: number; passed: number }>, k: string, ok: boolean): void => {
    const v = m.get(k) ?? { n: 0, passed: 0 };
    v.n++;
    if (ok) v.passed++;
    m.set(k, v);
  };
  let hate = 0;
  let hateOk = 0;
  let non = 0;
  let nonOk = 0;
  const failures: FunctionalReport['failures'] = [];
  for (const c of cases) {
    const r = flagger.classify(c.text);
    let ok = r.flagged === c.hateful;
    if (ok && c.hateful && c.category !== undefined) {
      ok = r.categories.some((k) => k.name === c.category && k.score >= 0.5);
    }
    if (c.hateful) {
      hate++;
      if (ok) hateOk++;
    } else {
      non++;
      if (ok) nonOk++;
    }
    inc(byF, c.functionality, ok);
    inc(byT, c.target, ok);
    inc(byC, c.category ?? (c.hateful ? 'hateful (any)' : 'not hateful'), ok);
    if (!ok) {
      failures.push({
        id: c.id,
        functionality: c.functionality,
        text: c.text,
        expected: c.hateful,
        score: r.score,
        categories: r.categories.map((k) => `${k.name}:${k.score}`).join(','),
      });
    }
  }
  const fin = (
    m: Map<string, { n: number; passed: number }>,
  ): Record<string, { n: number; passed: number; rate: number }> =>
    Object.fromEntries(
      [...m.entries()]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(([k, v]) => [k, { ...v, rate: Math.round((v.passed / v.n) * 1e4) / 1e4 }]),
    );
  return {
    total: cases.length,
    passed: hateOk + nonOk,
    hatefulFlaggedRate: hate === 0 ? 1 : Math.round((hateOk / hate) * 1e4) / 1e4,
    nonHatefulUnflaggedRate: non === 0 ? 1 : Math.round((nonOk / non) * 1e4) / 1e4,
    byFunctionality: fin(byF),
    byTarget: fin(byT),
    byCategory: fin(byC),
    failures,
  };
}
