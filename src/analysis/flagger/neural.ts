/**
 * The trained model: a fastText-style classifier. Hashed word uni/bigrams and character 3–5-grams of
 * each word of the normalised token stream each have a learned embedding; the embeddings are summed (scaled by 1/√n), passed through one hidden leaky-ReLU layer, and read out by one
 * sigmoid per head: "offensive" plus one per category (multi-label). The offensive head is calibrated
 * (Platt scaling fitted on the dev split), so its probability can be compared with a threshold.
 *
 * Why this shape: averaging keeps inference linear in the message and allocation-free (a few thousand
 * multiply-adds for a chat line), while the hidden layer lets features interact (a group word AND a
 * hostile word, a negation AND a positive word) — what a linear model cannot express.
 *
 * Weights are stored quantised (embeddings int8 with a scale per row; the small dense layers float32),
 * base64 in model/neural-model.json, and decoded once per process.
 */

import type { FeatureConfig } from './model.js';
import { TK_EMOJI, TK_END, TK_NUM, TK_WORD, type Token } from './normalise.js';

export const NEURAL_KIND = 'fasttext-mlp/hashed-ngrams';

export interface NeuralModelFile {
  version: string;
  kind: typeof NEURAL_KIND;
  features: FeatureConfig;
  bucketBits: number;
  dim: number;
  hidden: number;
  heads: string[];
  /** base64: int8 embeddings [buckets × dim], float32 row scales [buckets]. */
  emb: string;
  embScale: string;
  /** base64 float32: w1 [hidden × dim], b1 [hidden], w2 [heads × hidden], b2 [heads]. */
  w1: string;
  b1: string;
  w2: string;
  b2: string;
  /** Platt scaling of the offensive head: p = sigmoid(a·z + b). */
  calibration: { a: number; b: number };
  /** Calibrated probability at which the model may flag on its own (chosen on the dev split). */
  threshold: number;
}

export interface NeuralModel {
  version: string;
  features: FeatureConfig;
  mask: number;
  dim: number;
  hidden: number;
  heads: readonly string[];
  /** Embeddings as stored (int8, a scale per row): 1 MB instead of 4, so look-ups stay in cache. */
  emb: Int8Array;
  embScale: Float32Array;
  w1: Float32Array;
  b1: Float32Array;
  w2: Float32Array;
  b2: Float32Array;
  calA: number;
  calB: number;
  threshold: number;
}

function f32(b64: string): Float32Array {
  const buf = Buffer.from(b64, 'base64');
  const out = new Float32Array(buf.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = buf.readFloatLE(i * 4);
  return out;
}

export function encodeF32(a: ArrayLike<number>): string {
  const buf = Buffer.alloc(a.length * 4);
  for (let i = 0; i < a.length; i++) buf.writeFloatLE(a[i]!, i * 4);
  return buf.toString('base64');
}

export function loadNeural(file: NeuralModelFile): NeuralModel {
  const q = Buffer.from(file.emb, 'base64');
  return {
    version: file.version,
    features: file.features,
    mask: (1 << file.bucketBits) - 1,
    dim: file.dim,
    hidden: file.hidden,
    heads: file.heads,
    emb: new Int8Array(q.buffer.slice(q.byteOffset, q.byteOffset + q.length)),
    embScale: f32(file.embScale),
    w1: f32(file.w1),
    b1: f32(file.b1),
    w2: f32(file.w2),
    b2: f32(file.b2),
    calA: file.calibration.a,
    calB: file.calibration.b,
    threshold: file.threshold,
  };
}

/** Add embedding row `row` to `x` (dequantised exactly as a float32 table would hold it). */
function addRow(m: NeuralModel, row: number, x: Float32Array): void {
  const s = m.embScale[row]!;
  if (s === 0) return;
  const D = m.dim;
  const base = row * D;
  for (let d = 0; d < D; d++) x[d]! += Math.fround(m.emb[base + d]! * s);
}

/** Fold a 32-bit hash into the model's bucket range. */
export function bucketOf(h: number, mask: number): number {
  return (h ^ (h >>> 15) ^ Math.imul(h >>> 7, 0x9e37)) & mask;
}

function fnv(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}

const WORD_SEED = 0x811c9dc5 | 0;
const BIGRAM_SEED = 0x5bd1e995 | 0;

/**
 * The hashed features of one word (its unigram and the character 3–5-grams of " word "), into `push`.
 * Character n-grams stay inside the word (fastText's choice), so a word's features never depend on its
 * neighbours and their embedding sum can be cached per word at inference.
 */
export function wordFeatures(key: string, push: (h: number) => void): void {
  push(fnv(WORD_SEED, key));
  const w = ` ${key} `;
  for (let i = 0; i < w.length; i++) {
    let h = 0x01000193 | 0;
    for (let len = 1; len <= 5 && i + len <= w.length; len++) {
      h = Math.imul(h ^ w.charCodeAt(i + len - 1), 16777619);
      if (len >= 3) push(h ^ Math.imul(len, 0x27d4eb2d));
    }
  }
}

const tokenKey = (t: Token): string | undefined =>
  t.kind === TK_WORD || t.kind === TK_EMOJI ? t.key : t.kind === TK_NUM ? '#' : undefined;

/**
 * Every feature of a message in order (training uses this; inference computes the same sum with a
 * per-word cache): each word's features, then a bigram feature for each pair of adjacent words in a
 * sentence. Only the first `maxChars` characters count, so megabyte messages stay cheap.
 */
export function messageFeatures(tokens: readonly Token[], maxChars: number, push: (h: number) => void): void {
  let prev = 0;
  let chars = 0;
  for (const t of tokens) {
    if (t.kind === TK_END) {
      prev = 0;
      continue;
    }
    const key = tokenKey(t);
    if (key === undefined) continue;
    chars += key.length + 1;
    if (chars > maxChars) break;
    wordFeatures(key, push);
    const hw = fnv(WORD_SEED, key);
    if (prev !== 0) push(Math.imul(prev ^ BIGRAM_SEED, 31) ^ hw);
    prev = hw;
  }
}

export interface NeuralOutput {
  /** Raw head logits (the offensive head uncalibrated). */
  logits: Float32Array;
  /** Calibrated probability that the message is offensive. */
  p: number;
}

let xBuf = new Float32Array(64);
let hBuf = new Float32Array(64);

interface WordVec {
  v: Float32Array;
  n: number;
  /** The word's unigram hash (for the bigram with the next word). */
  hw: number;
}

/** Per-model cache of word embedding sums: chat vocabulary repeats, so most words are summed once. */
const wordCache = new WeakMap<NeuralModel, Map<string, WordVec>>();
const WORD_CACHE_LIMIT = 200_000;

function wordVec(m: NeuralModel, cache: Map<string, WordVec>, key: string): WordVec {
  let wv = cache.get(key);
  if (wv !== undefined) return wv;
  const D = m.dim;
  const v = new Float32Array(D);
  let n = 0;
  wordFeatures(key, (h) => {
    addRow(m, bucketOf(h, m.mask), v);
    n++;
  });
  wv = { v, n, hw: fnv(WORD_SEED, key) };
  if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
  cache.set(key, wv);
  return wv;
}

/** Forward pass. The returned logits buffer is reused: copy what you keep before the next call. */
export function forward(m: NeuralModel, tokens: readonly Token[], out: Float32Array): NeuralOutput {
  const D = m.dim;
  const H = m.hidden;
  if (xBuf.length < D) xBuf = new Float32Array(D);
  if (hBuf.length < H) hBuf = new Float32Array(H);
  let cache = wordCache.get(m);
  if (cache === undefined) {
    cache = new Map();
    wordCache.set(m, cache);
  }
  const x = xBuf;
  x.fill(0, 0, D);
  let count = 0;
  let prev = 0;
  let chars = 0;
  for (const t of tokens) {
    if (t.kind === TK_END) {
      prev = 0;
      continue;
    }
    const key = tokenKey(t);
    if (key === undefined) continue;
    chars += key.length + 1;
    if (chars > m.features.maxChars) break;
    const wv = wordVec(m, cache, key);
    for (let d = 0; d < D; d++) x[d]! += wv.v[d]!;
    count += wv.n;
    const hw = wv.hw;
    if (prev !== 0) {
      addRow(m, bucketOf(Math.imul(prev ^ BIGRAM_SEED, 31) ^ hw, m.mask), x);
      count++;
    }
    prev = hw;
  }
  // Sum scaled by 1/sqrt(n) (not the plain mean): long messages do not wash out a short hostile phrase,
  // and the hidden layer sees inputs of about unit size whatever the length.
  if (count > 0) {
    const inv = 1 / Math.sqrt(count);
    for (let d = 0; d < D; d++) x[d]! *= inv;
  }
  const h = hBuf;
  for (let j = 0; j < H; j++) {
    let s = m.b1[j]!;
    const row = j * D;
    for (let d = 0; d < D; d++) s += m.w1[row + d]! * x[d]!;
    h[j] = s > 0 ? s : 0.01 * s;
  }
  const K = m.heads.length;
  for (let c = 0; c < K; c++) {
    let s = m.b2[c]!;
    const row = c * H;
    for (let j = 0; j < H; j++) s += m.w2[row + j]! * h[j]!;
    out[c] = s;
  }
  const p = 1 / (1 + Math.exp(-(m.calA * out[0]! + m.calB)));
  return { logits: out, p };
}

/**
 * Forward pass that also copies the hidden layer's activations (`m.hidden` of them, after the leaky
 * ReLU) into `hidden`, a buffer the caller owns and reuses: the per-case re-ranker (active.ts) learns
 * on these dense features, which carry over between wordings where hashed n-grams do not.
 */
export function forwardHidden(
  m: NeuralModel,
  tokens: readonly Token[],
  out: Float32Array,
  hidden: Float32Array,
): NeuralOutput {
  const r = forward(m, tokens, out);
  hidden.set(hBuf.subarray(0, m.hidden));
  return r;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
