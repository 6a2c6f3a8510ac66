/**
 * Agreement between reviewers on the QC items both coded: Cohen's kappa per reviewer pair. Kappa
 * corrects the observed agreement for the agreement two reviewers would reach by chance given how
 * often each uses each decision: kappa = (po - pe) / (1 - pe). Pure functions, no store.
 */

/** One QC item decided twice: who made the first and the second decision, and what they were. */
export interface DecidedPair {
  readonly firstBy: string;
  readonly firstDecision: string;
  readonly secondBy: string;
  readonly secondDecision: string;
}

export interface PairAgreement {
  /** The two reviewers, in name order (kappa does not depend on which of them went first). */
  readonly a: string;
  readonly b: string;
  /** Items both decided. */
  readonly n: number;
  readonly agreed: number;
  /** Observed agreement po (0–1); null when n = 0. */
  readonly observed: number | null;
  /** Chance agreement pe from each reviewer's own decision shares (0–1); null when n = 0. */
  readonly expected: number | null;
  /** Null where kappa is undefined: no items, or pe = 1 (both always gave one and the same decision). */
  readonly kappa: number | null;
}

/** Cohen's kappa for two raters' decisions on the same items (`pairs[i] = [rater A, rater B]`). */
export function cohensKappa(
  pairs: readonly (readonly [string, string])[],
): Pick<PairAgreement, 'n' | 'agreed' | 'observed' | 'expected' | 'kappa'> {
  const n = pairs.length;
  if (n === 0) return { n: 0, agreed: 0, observed: null, expected: null, kappa: null };
  const byA = new Map<string, number>();
  const byB = new Map<string, number>();
  let agreed = 0;
  for (const [x, y] of pairs) {
    if (x === y) agreed++;
    byA.set(x, (byA.get(x) ?? 0) + 1);
    byB.set(y, (byB.get(y) ?? 0) + 1);
  }
  const observed = agreed / n;
  let expected = 0;
  for (const [k, countA] of byA) expected += (countA / n) * ((byB.get(k) ?? 0) / n);
  // pe = 1 only when both gave every item the same single decision: kappa is 0/0 there.
  const kappa = Math.abs(1 - expected) < 1e-12 ? null : (observed - expected) / (1 - expected);
  return { n, agreed, observed, expected, kappa };
}

/**
 * Kappa for every pair of reviewers who second-reviewed each other, whichever of them went first.
 * Pairs in name order.
 */
export function agreementByPair(items: readonly DecidedPair[]): PairAgreement[] {
  const groups = new Map<string, { a: string; b: string; pairs: [string, string][] }>();
  for (const it of items) {
    const swap = it.secondBy < it.firstBy;
    const a = swap ? it.secondBy : it.firstBy;
    const b = swap ? it.firstBy : it.secondBy;
    const key = JSON.stringify([a, b]);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { a, b, pairs: [] }));
    g.pairs.push(swap ? [it.secondDecision, it.firstDecision] : [it.firstDecision, it.secondDecision]);
  }
  return [...groups.values()]
    .sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1))
    .map((g) => ({ a: g.a, b: g.b, ...cohensKappa(g.pairs) }));
}
