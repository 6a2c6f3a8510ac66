/**
 * The committed model: several fastText-style networks (`neural.ts`) trained on the same data with
 * different seeds, whose calibrated probabilities are averaged.
 *
 * Why: the seed alone moved the engine's recall on the corpus dev split by up to 6.6 points and the
 * eighth blind set by 8 of 150 messages (session 8, docs/flagger.md "Model 3.0"): one network is a
 * draw from a wide spread, and the committed seed happened to be a poor one. The mean of five draws
 * sits above most single draws and no longer depends on which one was picked. Each member keeps its own
 * Platt calibration; the flag threshold is chosen once, on the mean, the way one network's is.
 */

import type { Token } from './normalise.js';
import { forward, loadNeural, type NeuralModel, type NeuralModelFile } from './neural.js';

export const ENSEMBLE_KIND = 'mean-of-seeds';

export interface EnsembleFile {
  version: string;
  kind: typeof ENSEMBLE_KIND;
  /** Calibrated mean probability at which the model may flag on its own (chosen on the dev split). */
  threshold: number;
  /** The networks, in seed order; the first is the one whose hidden layer the case re-ranker reads. */
  members: NeuralModelFile[];
}

export interface Ensemble {
  version: string;
  threshold: number;
  members: readonly NeuralModel[];
  /** Heads, the same for every member. */
  heads: readonly string[];
}

export function loadEnsemble(file: EnsembleFile): Ensemble {
  if (file.kind !== ENSEMBLE_KIND || file.members.length === 0) {
    throw new Error(`model file: expected a '${ENSEMBLE_KIND}' model with at least one member`);
  }
  const members = file.members.map(loadNeural);
  const heads = members[0]!.heads;
  for (const m of members) {
    if (m.heads.join() !== heads.join()) throw new Error('model file: members have different heads');
  }
  return { version: file.version, threshold: file.threshold, members, heads };
}

let memberOut = new Float32Array(16);

/**
 * Below this, the first member's probability stands for the mean and the others are not run: on the
 * 78,846 corpus dev lines no line whose first member scored under 0.5 had a mean at the flag threshold
 * (0.812), and ordinary chat, most of a seized phone, mostly scores under it. Five members on every
 * message cost 2.5× the single network (80k short messages per CPU-second against 200k, below the
 * 100k target); with this cascade the bench measures it again (docs/benchmarks.md). At 0.6, nine dev
 * lines would have lost their flag.
 */
export const CASCADE_BELOW = 0.5;

/**
 * The mean calibrated probability of the members, and in `out` the mean of their raw head logits (the
 * category heads name a target when the model flags on its own); the first member's alone when it
 * scores under `CASCADE_BELOW`.
 */
export function forwardEnsemble(e: Ensemble, tokens: readonly Token[], out: Float32Array): number {
  const K = e.heads.length;
  if (memberOut.length < K) memberOut = new Float32Array(K);
  const first = forward(e.members[0]!, tokens, memberOut).p;
  for (let c = 0; c < K; c++) out[c] = memberOut[c]!;
  if (first < CASCADE_BELOW) return first;
  let p = first;
  for (let i = 1; i < e.members.length; i++) {
    p += forward(e.members[i]!, tokens, memberOut).p;
    for (let c = 0; c < K; c++) out[c]! += memberOut[c]!;
  }
  const n = e.members.length;
  for (let c = 0; c < K; c++) out[c]! /= n;
  return p / n;
}
