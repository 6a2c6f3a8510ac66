/**
 * Training: builds the obfuscation stop-lists (aux.json) and the linear model (linear-model.json) from
 * ../shared/data, deterministically: fixed seed for the example order, no clock, no randomness elsewhere.
 * The same inputs always give byte-identical outputs (tested by the training manifest's hashes).
 *
 * Only the train split is learned from; the dev split chooses the model threshold; the held-out split
 * is not read here at all.
 */

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createPipeline, type AuxFile } from '../index.js';
import { fuzzyKey, segment, type LexiconIndex } from '../lexicon.js';
import { DEFAULT_FEATURES, featurize, HASH_BITS, HASH_SIZE, type ModelFile } from '../model.js';
import { squeeze, type Token } from '../normalise.js';
import { loadData, repoRoot, type Doc } from './data.js';
import { FIRST_NAMES } from './first-names.js';

export const MODEL_VERSION = 'lr-hashed-ngrams/1.0.0';
const MAX_WEIGHTS = 80_000;

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Dictionary words that the obfuscation fall-backs would misread: "have" is one letter from "hate",
 * "therapist" splits into "the rapist". An English word list (an-array-of-english-words, MIT, a dev
 * dependency) is scanned once here; only the words that collide are kept (shipping the whole list would
 * cost megabytes).
 */
export function buildAux(lex: LexiconIndex): AuxFile {
  const require = createRequire(import.meta.url);
  let words: string[] = [];
  try {
    words = require('an-array-of-english-words') as string[];
  } catch {
    words = [];
  }
  const fuzzyStop = new Set<string>();
  const segStop = new Set<string>();
  const squeezeStop = new Set<string>();
  const rawTerms = new Set<string>();
  for (const list of lex.phrases.values()) {
    for (const ph of list) {
      for (const r of ph.roles) for (const w of r.term.toLowerCase().split(/[^a-z]+/)) rawTerms.add(w);
    }
  }
  for (const w of [...words, ...FIRST_NAMES]) {
    if (!/^[a-z]+$/.test(w)) continue;
    const key = squeeze(w);
    // "need" squeezes to "ned", "too" to "to": a dictionary word must not match a term through squeezing.
    if (key !== w && !rawTerms.has(w) && lex.phrases.has(key)) squeezeStop.add(w);
    if (lex.vocab.has(key)) continue;
    if (fuzzyKey(lex, key) !== undefined) fuzzyStop.add(key);
    if (key.length >= 6 && segment(lex, key) !== undefined) segStop.add(key);
  }
  return {
    version: `aux/${words.length}-words+${FIRST_NAMES.length}-names`,
    fuzzyStop: [...fuzzyStop].sort(),
    segStop: [...segStop].sort(),
    squeezeStop: [...squeezeStop].sort(),
  };
}

interface Example {
  ids: Int32Array;
  y: number;
  w: number;
}

function toExample(tokens: Token[], y: number, w: number): Example {
  const { ids, count } = featurize(tokens, DEFAULT_FEATURES);
  return { ids: ids.slice(0, count), y, w };
}

function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

function score(weights: Float64Array, bias: number, ids: Int32Array): number {
  let z = 0;
  for (let k = 0; k < ids.length; k++) z += weights[ids[k]!]!;
  return sigmoid(bias + (ids.length > 0 ? z / Math.sqrt(ids.length) : 0));
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  outDir?: string;
  log?: (s: string) => void;
}

export interface TrainReport {
  model: ModelFile;
  aux: AuxFile;
  metrics: Record<string, unknown>;
}

export async function trainFlagger(options: TrainOptions = {}): Promise<TrainReport> {
  const log = options.log ?? (() => undefined);
  const epochs = options.epochs ?? 6;
  const lr = options.learningRate ?? 0.3;
  const l2 = options.l2 ?? 1e-6;
  const seed = options.seed ?? 20240501;
  const outDir = options.outDir ?? path.join(repoRoot(), 'src', 'analysis', 'flagger', 'model');

  const t0 = Date.now();
  const base = createPipeline({ aux: { version: 'none', fuzzyStop: [], segStop: [], squeezeStop: [] } });
  const aux = buildAux(base.lex);
  log(`aux: ${aux.fuzzyStop.length} fuzzy stop words, ${aux.segStop.length} split stop words`);
  const pipeline = createPipeline({ aux });

  const { docs, files } = loadData();
  const trainDocs = docs.filter((d) => d.split === 'train');
  const devDocs = docs.filter((d) => d.split === 'dev');
  const heldoutCount = docs.filter((d) => d.split === 'heldout').length;
  log(`data: ${trainDocs.length} train, ${devDocs.length} dev, ${heldoutCount} held-out (not read)`);

  const mk = (d: Doc): Example => toExample(pipeline.tokens(d.text), d.label, d.weight);
  const train = trainDocs.map(mk);
  const dev = devDocs.map(mk);

  // Logistic regression, AdaGrad, L2 (lazy per touched weight), deterministic order per epoch.
  const weights = new Float64Array(HASH_SIZE);
  const g2 = new Float64Array(HASH_SIZE).fill(1e-8);
  let bias = 0;
  let biasG2 = 1e-8;
  const order = train.map((_e, k) => k);
  const rand = rng(seed);
  for (let ep = 0; ep < epochs; ep++) {
    for (let k = order.length - 1; k > 0; k--) {
      const r = Math.floor(rand() * (k + 1));
      const tmp = order[k]!;
      order[k] = order[r]!;
      order[r] = tmp;
    }
    let loss = 0;
    for (const idx of order) {
      const ex = train[idx]!;
      const p = score(weights, bias, ex.ids);
      loss += -ex.w * (ex.y === 1 ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12));
      const g = (p - ex.y) * ex.w;
      const scale = ex.ids.length > 0 ? 1 / Math.sqrt(ex.ids.length) : 0;
      for (let k = 0; k < ex.ids.length; k++) {
        const f = ex.ids[k]!;
        const gf = g * scale + l2 * weights[f]!;
        g2[f] = g2[f]! + gf * gf;
        weights[f] = weights[f]! - (lr * gf) / Math.sqrt(g2[f]!);
      }
      biasG2 += g * g;
      bias -= (lr * g) / Math.sqrt(biasG2);
    }
    log(`epoch ${ep + 1}: train loss ${(loss / train.length).toFixed(4)}`);
  }

  // Dev scores. The threshold is chosen on the HatemojiBuild + ToxiGen dev items: statements about
  // groups, the situation in which the combiner lets the model decide.
  const devAll = dev.map((ex, k) => ({
    p: score(weights, bias, ex.ids),
    y: ex.y,
    source: devDocs[k]!.source,
  }));
  const devScores = devAll.filter((s) => s.source !== 'davidson');
  // Threshold for model-only flags: the lowest p at which the dev group statements reach 90 % precision
  // (a model-only flag has no rule evidence behind it, so it must be right most of the time); 0.95 if
  // none does. Best F1 is recorded for information.
  let bestT = 0.95;
  let bestF1 = 0;
  for (let t = 0.5; t <= 0.9501; t += 0.01) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const s of devScores) {
      if (s.p >= t && s.y === 1) tp++;
      else if (s.p >= t) fp++;
      else if (s.y === 1) fn++;
    }
    const f1 = tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
    bestF1 = Math.max(bestF1, f1);
    if (tp + fp >= 10 && tp / (tp + fp) >= 0.9) {
      bestT = Math.round(t * 100) / 100;
      break;
    }
  }
  // Cue threshold: for dev group statements where the rules saw a hostile word or emoji they could not
  // attach to the group, the lowest p reaching 80 % precision.
  const cueScores: { p: number; y: number }[] = [];
  devDocs.forEach((d, k) => {
    if (d.source === 'davidson') return;
    const o = pipeline.analyse(d.text).outcome;
    const ruleFlag = o.hits.some((h) => h.flaggable && h.score >= 0.5);
    if (o.negativeCue && o.identityPresent && !o.positive && !o.mitigated && !ruleFlag) {
      cueScores.push({ p: devAll[k]!.p, y: devAll[k]!.y });
    }
  });
  let cueT = bestT;
  for (let t = 0.5; t <= bestT + 1e-9; t += 0.01) {
    const sel = cueScores.filter((s) => s.p >= t);
    const tp = sel.filter((s) => s.y === 1).length;
    if (sel.length >= 10 && tp / sel.length >= 0.8) {
      cueT = Math.round(t * 100) / 100;
      break;
    }
  }
  const auc = rocAuc(devAll);
  const aucBySource = Object.fromEntries(
    (['hatemoji', 'toxigen', 'davidson'] as const).map((src) => [
      src,
      round4(rocAuc(devAll.filter((s) => s.source === src))),
    ]),
  );

  // Sparse, quantised export: weights below 1e-3 in magnitude change no decision; dropping them keeps
  // the file small.
  // Keep the MAX_WEIGHTS largest weights (by magnitude; ties by bucket for determinism).
  const mags: number[] = [];
  for (let f = 0; f < HASH_SIZE; f++) if (weights[f] !== 0) mags.push(Math.abs(weights[f]!));
  mags.sort((a, b) => b - a);
  const cut = mags.length > MAX_WEIGHTS ? mags[MAX_WEIGHTS - 1]! : 0;
  const idx: number[] = [];
  const w: number[] = [];
  let last = 0;
  for (let f = 0; f < HASH_SIZE; f++) {
    const q = Math.round(weights[f]! * 1e4);
    if (Math.abs(weights[f]!) < cut || q === 0 || idx.length >= MAX_WEIGHTS) continue;
    idx.push(f - last);
    w.push(q);
    last = f;
  }
  const model: ModelFile = {
    version: MODEL_VERSION,
    kind: 'logistic-regression/hashed-ngrams',
    hashBits: HASH_BITS,
    features: DEFAULT_FEATURES,
    bias: Math.round(bias * 1e6) / 1e6,
    idx,
    w,
    threshold: bestT,
    cueThreshold: cueT,
  };
  const metrics = {
    model: MODEL_VERSION,
    hyperparameters: { epochs, learningRate: lr, l2, seed, hashBits: HASH_BITS, features: DEFAULT_FEATURES },
    data: {
      files,
      train: countBy(trainDocs),
      dev: countBy(devDocs),
      heldout: { count: heldoutCount, note: 'never used in training or threshold choice' },
    },
    dev: {
      rocAuc: round4(auc),
      rocAucBySource: aucBySource,
      bestF1GroupStatements: round4(bestF1),
      threshold: bestT,
      cueThreshold: cueT,
      cueItems: cueScores.length,
    },
    nonZeroWeights: idx.length,
    aux: {
      fuzzyStop: aux.fuzzyStop.length,
      segStop: aux.segStop.length,
      squeezeStop: aux.squeezeStop?.length ?? 0,
      version: aux.version,
    },
    trainSeconds: Math.round((Date.now() - t0) / 100) / 10,
  };
  mkdirSync(outDir, { recursive: true });
  // Written through Prettier so that the repository's format check passes on the committed files.
  const prettier = await import('prettier');
  const json = (x: unknown): Promise<string> =>
    prettier.format(JSON.stringify(x), { parser: 'json', printWidth: 110 });
  writeFileSync(path.join(outDir, 'aux.json'), await json(aux));
  writeFileSync(path.join(outDir, 'linear-model.json'), await json(model));
  // Timing varies run to run; keep it out of the committed metrics so retraining is reproducible.
  const { trainSeconds: _t, ...stable } = metrics;
  writeFileSync(path.join(outDir, 'training-metrics.json'), await json(stable));
  log(
    `dev ROC AUC ${auc.toFixed(4)} ${JSON.stringify(aucBySource)}, best F1 ${bestF1.toFixed(4)} at p≥${bestT}; ${idx.length} weights`,
  );
  return { model, aux, metrics };
}

function round4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

function countBy(docs: Doc[]): Record<string, { hateful: number; not: number }> {
  const out: Record<string, { hateful: number; not: number }> = {};
  for (const d of docs) {
    const c = (out[d.source] ??= { hateful: 0, not: 0 });
    if (d.label === 1) c.hateful++;
    else c.not++;
  }
  return out;
}

export function rocAuc(scores: { p: number; y: number }[]): number {
  const sorted = [...scores].sort((a, b) => a.p - b.p);
  let rankSum = 0;
  let pos = 0;
  let k = 0;
  while (k < sorted.length) {
    let e = k;
    while (e + 1 < sorted.length && sorted[e + 1]!.p === sorted[k]!.p) e++;
    const avgRank = (k + e) / 2 + 1;
    for (let q = k; q <= e; q++) {
      if (sorted[q]!.y === 1) {
        rankSum += avgRank;
        pos++;
      }
    }
    k = e + 1;
  }
  const neg = sorted.length - pos;
  if (pos === 0 || neg === 0) return 0.5;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}
