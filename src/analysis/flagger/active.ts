/**
 * Learning from the reviewers (continuous active learning) for one case.
 *
 * As reviewers code messages (offensive or not), `rerank` fits a small per-case model on those codes
 * and re-scores every message not yet reviewed, so priority batches, "next flag" and the queue follow
 * what this case's reviewers have found (a nickname for a victim, the group's own slang, a running
 * joke). The per-case model is a logistic regression over the flagger's hashed word and character
 * n-grams (a case's exact wording), the flagger model's hidden layer and category logits (what the
 * model learned about hostility, which carries over to wording no code has seen) and the flagger's own
 * score, started from "trust the flagger" (weight 1 on its logit, 0 elsewhere): with no codes the
 * ranking is the flagger's, and every code moves it.
 *
 * The model read is the committed one (its version is in `inputSha256`): a ranking reproduces with the
 * same model, messages, scores and codes.
 *
 * Every run is a record: the engine version, the codes it learned from (message ids and decisions,
 * sorted), a SHA-256 over its inputs and one over its ranking. The same codes and messages always
 * give the same ranking (deterministic order, no randomness), so a ranking can be reproduced and
 * audited. Storing runs is the case store's job; this module only computes them.
 */

import { createHash } from 'node:crypto';
import { committedModel, createPipeline, type Pipeline } from './index.js';
import { DEFAULT_FEATURES, featurize, hashString } from './model.js';
import { forwardHidden, type NeuralModel } from './neural.js';
import { TK_EMOJI, TK_NUM, TK_WORD } from './normalise.js';

/**
 * 1.1.0: the case's term list feeds the fit (one feature per case term found, and one for any).
 * 1.2.0: the flagger model's hidden layer and category logits are dense features of the fit; copies of
 * a text follow the codes on any copy, and uncoded copies wait behind the first.
 * 1.3.0: the head of the ranking (its first 65) holds no two near-duplicates (n-gram sets more than 30 %
 * alike): the variants of a line wait behind the first, so one code on it teaches the fit about all of
 * them instead of a batch of forty variants being coded one by one. "More like this" keeps them.
 */
export const ACTIVE_VERSION = 'case-rerank/1.3.0';
const BITS = 18;
const MASK = (1 << BITS) - 1;
const CASE_TERM_WEIGHT = 8;
/** A message sharing more than this share of its features with the example is no contrast for it. */
const CONTRAST_MAX_SHARED = 0.3;

export interface CaseMessage {
  id: string;
  text: string;
  /** The flagger's score (0–1) from the case's latest analysis run. */
  score: number;
}

export interface ReviewCode {
  messageId: string;
  offensive: boolean;
}

/** Messages with their features computed once; codes change between runs, the messages do not. */
export interface CaseIndex {
  ids: string[];
  byId: Map<string, number>;
  feats: Int32Array[];
  baseLogit: Float64Array;
  /** The model whose hidden layer gave `dense`. */
  model: string;
  /** Dense features per message (row-major, `denseDim` each): standardised over the case. */
  dense: Float32Array;
  denseDim: number;
  /** Per message, the first message with the same words (itself when none before; -1 for no words). */
  same: Int32Array;
}

export interface RerankParams {
  epochs: number;
  learningRate: number;
  l2: number;
  /** AdaGrad step of the dense (hidden-layer and category) weights. */
  denseRate: number;
  denseL2: number;
  /**
   * Codes before the dense features get their full step (`denseRate` × codes / ramp until then): with a
   * handful of codes a case's exact wording is the better evidence, and the model's 43 features, scaled
   * over a case, can outvote it (one code on "Bluebell … state of her" lifted "on my way" above the other
   * Bluebell line). Under the first batch of a priority review (65), so a review past it is unchanged.
   */
  denseRamp: number;
  /** Logit shift per code on a message with the same words (+ offensive, − not). */
  duplicateShift: number;
  /**
   * The first this many of a ranking hold no two near-duplicates (0: off): a batch of a priority review
   * (65), and more than the 20 codes between automatic re-ranks.
   */
  diversityWindow: number;
  /**
   * Near-duplicates: a Jaccard overlap of the two messages' n-gram sets above this ("why is the bit
   * about the van so true tho 😭😭" and "… the CAD …", a line with a typo or a word spaced out).
   */
  diversityMax: number;
}

export const DEFAULT_RERANK: RerankParams = {
  epochs: 8,
  learningRate: 0.2,
  l2: 1e-4,
  denseRate: 0.2,
  denseL2: 1e-3,
  denseRamp: 40,
  duplicateShift: 4,
  diversityWindow: 65,
  diversityMax: 0.3,
};

/** "More like this" asks for the near-duplicates of its example: no diversity there. */
export const SIMILAR_RERANK: RerankParams = { ...DEFAULT_RERANK, diversityWindow: 0 };

export interface RerankRun {
  version: string;
  params: RerankParams;
  /** The codes learned from, sorted by message id: what makes the run reproducible. */
  learnedFrom: { messageId: string; offensive: boolean }[];
  positives: number;
  negatives: number;
  inputSha256: string;
  /** Unreviewed messages, highest first (ties by position in the case; uncoded repeats deferred). */
  ranking: { id: string; score: number }[];
  rankingSha256: string;
}

const logit = (p: number): number => {
  const q = Math.min(1 - 1e-4, Math.max(1e-4, p));
  return Math.log(q / (1 - q));
};

export function indexCase(
  messages: readonly CaseMessage[],
  pipeline: Pipeline = createPipeline(),
  model: NeuralModel = committedModel(),
): CaseIndex {
  const ids: string[] = [];
  const byId = new Map<string, number>();
  const feats: Int32Array[] = [];
  const baseLogit = new Float64Array(messages.length);
  // Dense features: the model's hidden layer and its category logits (the offensive head is already
  // in the flagger's score). They are what the model learned about hostility towards groups, so codes
  // on one author's wording lift another's where no n-gram is shared.
  const H = model.hidden;
  const K = model.heads.length;
  const denseDim = H + K - 1;
  const dense = new Float32Array(messages.length * denseDim);
  const hidden = new Float32Array(H);
  const logits = new Float32Array(K);
  const same = new Int32Array(messages.length);
  const firstWith = new Map<string, number>();
  messages.forEach((m, k) => {
    ids.push(m.id);
    byId.set(m.id, k);
    const { tokens, terms } = pipeline.caseTerms(m.text);
    const { ids: f, count } = featurize(tokens, DEFAULT_FEATURES);
    // A case term found (the case's own nickname for a victim, local slang) is a feature of its own,
    // and so is "some case term": reviewers' codes on one term then lift messages with the others.
    // Each counts CASE_TERM_WEIGHT times, about as much as a word's character n-grams together.
    const extra = terms.length > 0 ? (terms.length + 1) * CASE_TERM_WEIGHT : 0;
    const own = new Int32Array(count + extra);
    for (let i = 0; i < count; i++) own[i] = f[i]! & MASK;
    let at = count;
    for (const term of extra > 0 ? [...terms, '*'] : []) {
      const h = hashString(`case-term:${term}`) & MASK;
      for (let r = 0; r < CASE_TERM_WEIGHT; r++) own[at++] = h;
    }
    feats.push(own);
    const key = tokens
      .filter((t) => t.kind === TK_WORD || t.kind === TK_EMOJI || t.kind === TK_NUM)
      .map((t) => t.key)
      .join(' ');
    if (key === '') same[k] = -1;
    else {
      if (!firstWith.has(key)) firstWith.set(key, k);
      same[k] = firstWith.get(key)!;
    }
    baseLogit[k] = logit(m.score);
    forwardHidden(model, tokens, logits, hidden);
    const row = k * denseDim;
    dense.set(hidden, row);
    dense.set(logits.subarray(1), row + H);
  });
  standardise(dense, messages.length, denseDim);
  return { ids, byId, feats, baseLogit, model: model.version, dense, denseDim, same };
}

/**
 * Each dense column to mean 0 and unit spread over the case, clipped, then scaled by 1/√dim so the
 * dense part of a message is of about unit size, like its n-grams (a dead unit becomes 0).
 */
function standardise(x: Float32Array, n: number, dim: number): void {
  const scale = 1 / Math.sqrt(dim);
  for (let d = 0; d < dim; d++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += x[k * dim + d]!;
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (let k = 0; k < n; k++) ss += (x[k * dim + d]! - mean) ** 2;
    const sd = n > 0 ? Math.sqrt(ss / n) : 0;
    const inv = sd > 1e-6 ? scale / sd : 0;
    for (let k = 0; k < n; k++) {
      const z = (x[k * dim + d]! - mean) * inv;
      x[k * dim + d] = Math.max(-4 * scale, Math.min(4 * scale, z));
    }
  }
}

function sha(x: unknown): string {
  return createHash('sha256').update(JSON.stringify(x)).digest('hex');
}

interface Fitted {
  w: Float64Array;
  v: Float64Array;
  a: number;
  b: number;
}

/** The per-case model's logit for message `k`. */
function logitOf(index: CaseIndex, m: Fitted, k: number): number {
  const f = index.feats[k]!;
  const inv = f.length > 0 ? 1 / Math.sqrt(f.length) : 0;
  let s = 0;
  for (let i = 0; i < f.length; i++) s += m.w[f[i]!]!;
  let z = m.b + m.a * index.baseLogit[k]! + s * inv;
  const D = index.denseDim;
  const row = k * D;
  for (let d = 0; d < D; d++) z += m.v[d]! * index.dense[row + d]!;
  return z;
}

/** The codes a run learns from: the last decision per message, sorted by id; outside ids ignored. */
function decisions(index: CaseIndex, codes: readonly ReviewCode[]): RerankRun['learnedFrom'] {
  const decided = new Map<string, boolean>();
  for (const c of codes) if (index.byId.has(c.messageId)) decided.set(c.messageId, c.offensive);
  return [...decided.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([messageId, offensive]) => ({ messageId, offensive }));
}

/** Class-balanced logistic regression by AdaGrad, started from "trust the flagger". */
function fit(index: CaseIndex, learnedFrom: RerankRun['learnedFrom'], params: RerankParams): Fitted {
  const positives = learnedFrom.filter((c) => c.offensive).length;
  const negatives = learnedFrom.length - positives;
  const w = new Float64Array(1 << BITS);
  const g2 = new Float64Array(1 << BITS).fill(1e-6);
  const D = index.denseDim;
  const v = new Float64Array(D);
  const gv2 = new Float64Array(D).fill(1e-6);
  let a = 1;
  let b = 0;
  let ga2 = 1e-6;
  let gb2 = 1e-6;
  // Both classes count equally, however few offensive messages have been found so far.
  const wPos = positives > 0 ? learnedFrom.length / (2 * positives) : 1;
  const wNeg = negatives > 0 ? learnedFrom.length / (2 * negatives) : 1;
  const rows = learnedFrom.map((c) => ({ k: index.byId.get(c.messageId)!, y: c.offensive ? 1 : 0 }));
  const model: Fitted = { w, v, a, b };
  if (positives === 0 || negatives === 0) return model;
  const denseRate = params.denseRate * Math.min(1, learnedFrom.length / params.denseRamp);
  for (let e = 0; e < params.epochs; e++) {
    // A fixed, data-independent order per epoch (rotation), so the run is reproducible.
    for (let r = 0; r < rows.length; r++) {
      const { k, y } = rows[(r + e * 7919) % rows.length]!;
      const f = index.feats[k]!;
      const inv = f.length > 0 ? 1 / Math.sqrt(f.length) : 0;
      model.a = a;
      model.b = b;
      const z = logitOf(index, model, k);
      const g = (1 / (1 + Math.exp(-z)) - y) * (y === 1 ? wPos : wNeg);
      const row = k * D;
      for (let d = 0; d < D; d++) {
        const gd = g * index.dense[row + d]! + params.denseL2 * v[d]!;
        gv2[d]! += gd * gd;
        v[d]! -= (denseRate * gd) / Math.sqrt(gv2[d]!);
      }
      for (let i = 0; i < f.length; i++) {
        const j = f[i]!;
        const gj = g * inv + params.l2 * w[j]!;
        g2[j]! += gj * gj;
        w[j]! -= (params.learningRate * gj) / Math.sqrt(g2[j]!);
      }
      const gA = g * index.baseLogit[k]!;
      ga2 += gA * gA;
      a -= (params.learningRate * gA) / Math.sqrt(ga2);
      gb2 += g * g;
      b -= (params.learningRate * g) / Math.sqrt(gb2);
    }
  }
  model.a = a;
  model.b = b;
  return model;
}

/**
 * Every message not in `skip`, highest score first (ties by position in the case), except that the
 * repeated copies of a text not yet coded wait behind their first copy (below).
 */
function rank(
  index: CaseIndex,
  m: Fitted,
  skip: ReadonlySet<string>,
  learnedFrom: RerankRun['learnedFrom'],
  params: RerankParams,
): { id: string; score: number }[] {
  // Codes on a message count for every message with the same words ("lol", "on my way", a forwarded
  // joke): once one copy is coded, the others follow that code (a logit shift per code) instead of
  // filling the next batches.
  const net = new Map<number, number>();
  for (const c of learnedFrom) {
    const g = index.same[index.byId.get(c.messageId)!]!;
    if (g >= 0) net.set(g, (net.get(g) ?? 0) + (c.offensive ? 1 : -1));
  }
  // Of a text no one has coded yet, the first uncoded copy (in case order) keeps its place and the other
  // copies are ordered as if their logit were `duplicateShift` lower (their score is not changed), so a
  // batch is not forty copies of one line; the next run places them by the code their copy got.
  const seen = new Set<number>();
  const rows: { id: string; score: number; key: number; k: number; coded: boolean }[] = [];
  for (let k = 0; k < index.ids.length; k++) {
    const id = index.ids[k]!;
    if (skip.has(id)) continue;
    const g = index.same[k]!;
    const coded = g >= 0 && net.has(g);
    const repeat = g >= 0 && !coded && seen.has(g);
    if (g >= 0) seen.add(g);
    const z = logitOf(index, m, k) + params.duplicateShift * (coded ? net.get(g)! : 0);
    const score = Math.round((1 / (1 + Math.exp(-z))) * 1e6) / 1e6;
    rows.push({ id, score, key: repeat ? z - params.duplicateShift : z, k, coded });
  }
  rows.sort((x, y) => y.key - x.key || x.k - y.k);
  return diversify(index, rows, learnedFrom, params).map(({ id, score }) => ({ id, score }));
}

/** Per index, each message's distinct features, sorted (for overlaps by merging); made when first asked. */
const featureSets = new WeakMap<CaseIndex, (Int32Array | undefined)[]>();

function featureSet(index: CaseIndex, k: number): Int32Array {
  let sets = featureSets.get(index);
  if (sets === undefined) featureSets.set(index, (sets = []));
  return (sets[k] ??= Int32Array.from(new Set(index.feats[k]!)).sort());
}

/**
 * Sets of features, looked up by feature: whether a new set overlaps one of them by more than `max`
 * (Jaccard, |a ∩ b| / |a ∪ b|), counting shared features through the postings instead of merging pairs.
 */
class NearSets {
  private readonly postings = new Map<number, number[]>();
  private readonly sizes: number[] = [];
  private counts = new Int32Array(16);

  constructor(private readonly max: number) {}

  add(set: Int32Array): void {
    const m = this.sizes.length;
    this.sizes.push(set.length);
    for (let i = 0; i < set.length; i++) {
      const list = this.postings.get(set[i]!);
      if (list === undefined) this.postings.set(set[i]!, [m]);
      else list.push(m);
    }
  }

  near(set: Int32Array): boolean {
    const n = this.sizes.length;
    if (n === 0 || set.length === 0) return false;
    if (this.counts.length < n) this.counts = new Int32Array(2 * n);
    const counts = this.counts;
    counts.fill(0, 0, n);
    for (let i = 0; i < set.length; i++) {
      const list = this.postings.get(set[i]!);
      if (list !== undefined) for (const m of list) counts[m]!++;
    }
    for (let m = 0; m < n; m++) {
      const common = counts[m]!;
      if (common > 0 && common > this.max * (set.length + this.sizes[m]! - common)) return true;
    }
    return false;
  }
}

/**
 * The first `diversityWindow` of the ranking without near-duplicates: going down the ranking, a message
 * whose n-gram set overlaps one already taken by more than `diversityMax` waits, and the waiting ones
 * follow the head in their order, before the rest (their scores are not changed).
 *
 * Why: a seized chat repeats a line with small changes (a typo, another place name, a word spaced out),
 * and those variants score alike, so a batch was filled with forty of one line. One code on the first
 * teaches the fit about the others (they share its n-grams); the rest of the batch then goes to lines
 * the codes have not reached. Only the messages' own text decides; no code is needed.
 */
function diversify<T extends { k: number; coded: boolean }>(
  index: CaseIndex,
  rows: readonly T[],
  learnedFrom: RerankRun['learnedFrom'],
  params: RerankParams,
): T[] {
  // Parameters stored by a run before 1.3.0 have no window: no diversity, as then.
  const W = (params.diversityWindow as number | undefined) ?? 0;
  if (W <= 0 || learnedFrom.length === 0) return [...rows];
  const offensive = new NearSets(params.diversityMax);
  for (const c of learnedFrom)
    if (c.offensive) offensive.add(featureSet(index, index.byId.get(c.messageId)!));
  const head: T[] = [];
  const headSets = new NearSets(params.diversityMax);
  const waiting: T[] = [];
  // Bounded look-ahead: the head takes lines from the top of the ranking only (a quarter of it, at most
  // twenty windows), never from its bottom; in a small case a window would otherwise reach lines the
  // fit ranks last (the copies of a line coded not offensive).
  const reach = Math.min(20 * W, Math.ceil(rows.length / 4));
  let r = 0;
  for (; r < reach && head.length < W; r++) {
    const row = rows[r]!;
    const set = featureSet(index, row.k);
    if (!row.coded && headSets.near(set) && !offensive.near(set)) waiting.push(row);
    else {
      head.push(row);
      headSets.add(set);
    }
  }
  return [...head, ...waiting, ...rows.slice(r)];
}

function runOf(
  index: CaseIndex,
  learnedFrom: RerankRun['learnedFrom'],
  params: RerankParams,
  ranking: { id: string; score: number }[],
): RerankRun {
  const positives = learnedFrom.filter((c) => c.offensive).length;
  return {
    version: ACTIVE_VERSION,
    params,
    learnedFrom,
    positives,
    negatives: learnedFrom.length - positives,
    inputSha256: sha({
      v: ACTIVE_VERSION,
      model: index.model,
      params,
      learnedFrom,
      ids: index.ids,
      base: [...index.baseLogit],
    }),
    ranking,
    rankingSha256: sha(ranking),
  };
}

/** Fit the per-case model on the codes and rank every message not yet coded. */
export function rerank(
  index: CaseIndex,
  codes: readonly ReviewCode[],
  params: RerankParams = DEFAULT_RERANK,
): RerankRun {
  const learnedFrom = decisions(index, codes);
  const decided = new Set(learnedFrom.map((c) => c.messageId));
  return runOf(
    index,
    learnedFrom,
    params,
    rank(index, fit(index, learnedFrom, params), decided, learnedFrom, params),
  );
}

/**
 * "More like this" from one message: the same per-case fit with that message as the one offensive
 * example and an evenly spaced sample of the rest of the case as the contrast (in a seized chat almost
 * every message is ordinary), so a reviewer can pull up messages resembling any message, coded or not.
 * The stand-in negatives are named in `learnedFrom` like real codes, so the run is reproducible; every
 * message but the example is ranked, the stand-ins included.
 */
export function moreLikeThis(index: CaseIndex, messageId: string, contrast = 50): RerankRun {
  if (!index.byId.has(messageId)) throw new Error(`more like this: '${messageId}' is not in this case`);
  // The contrast stands in for "ordinary": messages that share much of the example's wording are left
  // out of it (they are what the reviewer is looking for), and it takes at most half of the rest.
  const example = new Set(index.feats[index.byId.get(messageId)!]!);
  const shares = (id: string): boolean => {
    const f = index.feats[index.byId.get(id)!]!;
    let common = 0;
    for (let i = 0; i < f.length; i++) if (example.has(f[i]!)) common++;
    return f.length > 0 && common / f.length > CONTRAST_MAX_SHARED;
  };
  const others = index.ids.filter((id) => id !== messageId && !shares(id));
  const size = Math.max(1, Math.min(contrast, Math.floor(others.length / 2)));
  const step = Math.max(1, others.length / size);
  const sample: string[] = [];
  for (let p = 0; p < others.length && sample.length < size; p += step) sample.push(others[Math.floor(p)]!);
  const learnedFrom = decisions(index, [
    { messageId, offensive: true },
    ...sample.map((id) => ({ messageId: id, offensive: false })),
  ]);
  // The contrast sample stands in for "ordinary" but is not coded: it is ranked like every other message.
  const model = fit(index, learnedFrom, SIMILAR_RERANK);
  return runOf(
    index,
    learnedFrom,
    SIMILAR_RERANK,
    rank(index, model, new Set([messageId]), learnedFrom, SIMILAR_RERANK),
  );
}
