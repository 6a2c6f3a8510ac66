/**
 * Trains the fastText-style model (../neural.ts) on the domain corpus (data/flagger/corpus.tsv, train
 * split) and the public sets' train splits; calibrates the offensive head and picks its threshold on
 * the dev splits (corpus dev templates + HatemojiBuild validation + ToxiGen dev slice). Never reads the
 * held-out split. Deterministic: seeded initialisation and shuffling, single-threaded float maths.
 */

import type { FlagCategory } from '../../../contract/coding.js';
import { DEFAULT_FEATURES } from '../model.js';
import { bucketOf, encodeF32, messageFeatures, NEURAL_KIND, type NeuralModelFile } from '../neural.js';
import type { Token } from '../normalise.js';
import { seeded } from './corpus.js';

export const HEADS: readonly string[] = [
  'offensive',
  'race_ethnicity',
  'religion',
  'sex_women',
  'sexual_orientation',
  'gender_identity',
  'disability',
  'age',
  'victims_of_crime',
  'other_derogatory',
  'violence_threat',
  'sexual_content',
];

export interface NeuralExample {
  ids: Int32Array;
  label: 0 | 1;
  /** Categories of an offensive line; undefined when the source does not say (Davidson "hate"). */
  categories?: readonly FlagCategory[];
  weight: number;
}

export interface NeuralParams {
  bucketBits: number;
  dim: number;
  hidden: number;
  epochs: number;
  lr: number;
  seed: number;
  /** Share of n-gram features left out of each training step. */
  dropout: number;
}

export const DEFAULT_NEURAL: NeuralParams = {
  bucketBits: 16,
  // 24 × 48 (2.2.0; was 16 × 32): dev AUC and recall up, less spread between seeds (docs/flagger.md).
  dim: 16,
  hidden: 32,
  epochs: 6,
  lr: 0.05,
  seed: 1414,
  dropout: 0.5,
};

export function toNeuralExample(
  tokens: readonly Token[],
  label: 0 | 1,
  categories: readonly FlagCategory[] | undefined,
  weight: number,
  bucketBits: number,
): NeuralExample {
  const mask = (1 << bucketBits) - 1;
  const ids: number[] = [];
  messageFeatures(tokens, DEFAULT_FEATURES.maxChars, (h) => ids.push(bucketOf(h, mask)));
  return { ids: Int32Array.from(ids), label, categories, weight };
}

interface Net {
  E: Float32Array;
  W1: Float32Array;
  B1: Float32Array;
  W2: Float32Array;
  B2: Float32Array;
}

function initNet(p: NeuralParams, K: number, rand: () => number): Net {
  const B = 1 << p.bucketBits;
  const E = new Float32Array(B * p.dim);
  for (let i = 0; i < E.length; i++) E[i] = (rand() * 2 - 1) * 0.1;
  const W1 = new Float32Array(p.hidden * p.dim);
  const s1 = Math.sqrt(6 / (p.dim + p.hidden));
  for (let i = 0; i < W1.length; i++) W1[i] = (rand() * 2 - 1) * s1;
  const W2 = new Float32Array(K * p.hidden);
  const s2 = Math.sqrt(6 / (p.hidden + K));
  for (let i = 0; i < W2.length; i++) W2[i] = (rand() * 2 - 1) * s2;
  return { E, W1, B1: new Float32Array(p.hidden).fill(0.01), W2, B2: new Float32Array(K) };
}

/** Forward pass in training (float32 weights, no quantisation); fills x, h and z. */
function fwd(
  net: Net,
  p: NeuralParams,
  ids: Int32Array,
  x: Float32Array,
  h: Float32Array,
  z: Float32Array,
): void {
  const D = p.dim;
  x.fill(0);
  for (let k = 0; k < ids.length; k++) {
    const base = ids[k]! * D;
    for (let d = 0; d < D; d++) x[d]! += net.E[base + d]!;
  }
  if (ids.length > 0) {
    const inv = 1 / Math.sqrt(ids.length);
    for (let d = 0; d < D; d++) x[d]! *= inv;
  }
  for (let j = 0; j < p.hidden; j++) {
    let s = net.B1[j]!;
    for (let d = 0; d < D; d++) s += net.W1[j * D + d]! * x[d]!;
    h[j] = s > 0 ? s : 0.01 * s;
  }
  for (let c = 0; c < z.length; c++) {
    let s = net.B2[c]!;
    for (let j = 0; j < p.hidden; j++) s += net.W2[c * p.hidden + j]! * h[j]!;
    z[c] = s;
  }
}

const sig = (v: number): number => 1 / (1 + Math.exp(-v));

/** One SGD step of binary cross-entropy on every head (category heads masked where unknown). */
function step(
  net: Net,
  p: NeuralParams,
  full: NeuralExample,
  lr: number,
  buf: Buffers,
  rand: () => number,
): void {
  const { x, h, z, gz, gh, gx } = buf;
  const K = z.length;
  const D = p.dim;
  const H = p.hidden;
  // Feature dropout: each n-gram is left out with probability p.dropout, so the model cannot lean on
  // one template's exact wording and has to use the rest of the message too.
  let n = 0;
  for (let k = 0; k < full.ids.length; k++) if (rand() >= p.dropout) buf.ids[n++] = full.ids[k]!;
  const ex = { ...full, ids: buf.ids.subarray(0, n) };
  fwd(net, p, ex.ids, x, h, z);
  for (let c = 0; c < K; c++) {
    let y: number;
    if (c === 0) y = ex.label;
    else if (ex.label === 0) y = 0;
    else if (ex.categories === undefined) {
      gz[c] = 0;
      continue;
    } else y = ex.categories.includes(HEADS[c] as FlagCategory) ? 1 : 0;
    // The offensive head carries the decision: it gets twice the weight of a category head.
    gz[c] = (sig(z[c]!) - y) * ex.weight * (c === 0 ? 2 : 1);
  }
  gh.fill(0);
  for (let c = 0; c < K; c++) {
    const g = gz[c]!;
    if (g === 0) continue;
    for (let j = 0; j < H; j++) {
      gh[j]! += net.W2[c * H + j]! * g;
      net.W2[c * H + j]! -= lr * g * h[j]!;
    }
    net.B2[c]! -= lr * g;
  }
  gx.fill(0);
  for (let j = 0; j < H; j++) {
    // Leaky ReLU: a unit that went negative still learns (a dead unit never comes back).
    const g = h[j]! > 0 ? gh[j]! : 0.01 * gh[j]!;
    for (let d = 0; d < D; d++) {
      gx[d]! += net.W1[j * D + d]! * g;
      net.W1[j * D + d]! -= lr * g * x[d]!;
    }
    net.B1[j]! -= lr * g;
  }
  if (ex.ids.length === 0) return;
  const scale = lr / Math.sqrt(ex.ids.length);
  for (let k = 0; k < ex.ids.length; k++) {
    const base = ex.ids[k]! * D;
    for (let d = 0; d < D; d++) net.E[base + d]! -= scale * gx[d]!;
  }
}

interface Buffers {
  ids: Int32Array;
  x: Float32Array;
  h: Float32Array;
  z: Float32Array;
  gz: Float32Array;
  gh: Float32Array;
  gx: Float32Array;
}

export interface NeuralTrainResult {
  file: NeuralModelFile;
  /** Raw offensive-head logits on the dev examples (for calibration reports). */
  devLogits: Float32Array;
}

/** Platt scaling: fit a, b so that sigmoid(a·z + b) matches the dev labels (Newton's method). */
export function platt(z: Float32Array, y: readonly number[]): { a: number; b: number } {
  let a = 1;
  let b = 0;
  for (let it = 0; it < 50; it++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-3 * z.length;
    let hab = 0;
    let hbb = 1e-3 * z.length;
    for (let i = 0; i < z.length; i++) {
      const p = sig(a * z[i]! + b);
      const e = p - y[i]!;
      const w = p * (1 - p);
      ga += e * z[i]!;
      gb += e;
      haa += w * z[i]! * z[i]!;
      hab += w * z[i]!;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    // Steps are clipped: with saturated logits the Hessian is tiny and a full step overshoots.
    const da = Math.max(-0.5, Math.min(0.5, (hbb * ga - hab * gb) / det));
    const db = Math.max(-0.5, Math.min(0.5, (haa * gb - hab * ga) / det));
    a -= da;
    b -= db;
    if (Math.abs(da) + Math.abs(db) < 1e-9) break;
  }
  return { a: Math.round(a * 1e6) / 1e6, b: Math.round(b * 1e6) / 1e6 };
}

/**
 * Lowest calibrated threshold at which at most `maxFpRate` of the quiet dev lines (the corpus's
 * counter-speech, reports, jargon, false friends, negation, everyday chat) would be flagged by the model
 * alone. Hard negatives decide it because in a real case almost every message is one of them.
 */
export function pickThreshold(p: readonly number[], y: readonly number[], maxFpRate: number): number {
  const neg = p.filter((_, i) => y[i] === 0).sort((a, b) => b - a);
  const k = Math.floor(neg.length * maxFpRate);
  const t = neg.length === 0 ? 0.5 : (neg[Math.min(k, neg.length - 1)] ?? 0.5) + 1e-6;
  return Math.min(0.99, Math.max(0.5, Math.round(t * 1000) / 1000));
}

function quantise(E: Float32Array, dim: number): { emb: string; embScale: string } {
  const rows = E.length / dim;
  const q = Buffer.alloc(E.length);
  const scales = new Float32Array(rows);
  for (let r = 0; r < rows; r++) {
    let m = 0;
    for (let d = 0; d < dim; d++) m = Math.max(m, Math.abs(E[r * dim + d]!));
    const s = m / 127;
    scales[r] = s;
    for (let d = 0; d < dim; d++) q.writeInt8(s === 0 ? 0 : Math.round(E[r * dim + d]! / s), r * dim + d);
  }
  return { emb: q.toString('base64'), embScale: encodeF32(scales) };
}

export function trainNeural(
  train: NeuralExample[],
  dev: { ex: NeuralExample[]; thresholdOn: boolean[]; maxFpRate: number },
  version: string,
  params: NeuralParams = DEFAULT_NEURAL,
  log: (s: string) => void = () => undefined,
): NeuralTrainResult {
  const K = HEADS.length;
  const rand = seeded(params.seed);
  const net = initNet(params, K, rand);
  let longest = 0;
  for (const e of train) longest = Math.max(longest, e.ids.length);
  const buf: Buffers = {
    ids: new Int32Array(longest),
    x: new Float32Array(params.dim),
    h: new Float32Array(params.hidden),
    z: new Float32Array(K),
    gz: new Float32Array(K),
    gh: new Float32Array(params.hidden),
    gx: new Float32Array(params.dim),
  };
  const order = train.map((_, i) => i);
  const total = params.epochs * train.length;
  let seen = 0;
  for (let e = 0; e < params.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const lr = params.lr * Math.max(0.02, 1 - seen / total);
      step(net, params, train[i]!, lr, buf, rand);
      seen++;
    }
    log(`neural: epoch ${e + 1}/${params.epochs}`);
  }
  const devLogits = new Float32Array(dev.ex.length);
  for (let i = 0; i < dev.ex.length; i++) {
    fwd(net, params, dev.ex[i]!.ids, buf.x, buf.h, buf.z);
    devLogits[i] = buf.z[0]!;
  }
  const y = dev.ex.map((d) => d.label);
  const calibration = platt(devLogits, y);
  const pCal = Array.from(devLogits, (v) => sig(calibration.a * v + calibration.b));
  const sel = (xs: readonly number[]): number[] => xs.filter((_, i) => dev.thresholdOn[i]);
  const threshold = pickThreshold(sel(pCal), sel(y), dev.maxFpRate);
  const round = (a: Float32Array): Float32Array => a;
  const file: NeuralModelFile = {
    version,
    kind: NEURAL_KIND,
    features: DEFAULT_FEATURES,
    bucketBits: params.bucketBits,
    dim: params.dim,
    hidden: params.hidden,
    heads: [...HEADS],
    ...quantise(net.E, params.dim),
    w1: encodeF32(round(net.W1)),
    b1: encodeF32(net.B1),
    w2: encodeF32(net.W2),
    b2: encodeF32(net.B2),
    calibration,
    threshold,
  };
  return { file, devLogits };
}
