/**
 * The evaluation's simulated reviews (`npm run eval`): generated 6,500-message cases over several seeds,
 * with the offensive lines drawn from every author's dev templates and, apart, from the newer authors'
 * only (the first author's templates taught the rules and the first model, so theirs are the easier
 * test). Each case is reviewed in flagger order, with the per-case re-ranker learning from the codes
 * only (no help from repeated messages), and with the re-ranker as shipped (codes on one copy of a
 * repeated message move the others). The everyday chat is mostly distinct texts (simulate.ts), so
 * the repeated-message rule cannot find the rest by elimination. Both re-ranked columns keep near-
 * duplicates of uncoded lines out of the head of each ranking (active.ts 1.3.0): an order decided by
 * the messages' text alone, so a code still moves other messages only through the fit.
 */
import { DEFAULT_RERANK } from '../active.js';
import type { Flagger, Pipeline } from '../index.js';
import type { CorpusLine } from './corpus.js';
import {
  demoIncidentLines,
  foundAt,
  generateEvalCase,
  scoreCase,
  simulateReview,
  type ReviewPoint,
} from './simulate.js';

export const REVIEW_SEEDS = [2026, 7, 99, 2024, 11] as const;
export const REVIEW_SHARES = [0.02, 0.05, 0.1, 0.2, 0.3] as const;

export interface ReviewCaseResult {
  seed: number;
  offensiveFrom: 'all authors' | 'newer authors';
  flaggedOffensive: number;
  flaggedHardNegatives: number;
  flaggedEveryday: number;
  found: { reviewed: number; flaggerOrder: number; learningOnly: number; asShipped: number }[];
}

export interface ReviewReport {
  messages: number;
  offensive: number;
  hardNegatives: number;
  cases: ReviewCaseResult[];
}

/** A template id of the first author starts with a lower-case letter (templates.txt). */
export const isFirstAuthor = (template: string): boolean => /^[a-z]/.test(template);

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

function reviewOne(
  flagger: Flagger,
  pipeline: Pipeline,
  dev: readonly CorpusLine[],
  seed: number,
  offensiveFrom: ReviewCaseResult['offensiveFrom'],
): { result: ReviewCaseResult; curves: Record<'plain' | 'learning', ReviewPoint[]>; size: number } {
  const pool = offensiveFrom === 'all authors' ? dev : dev.filter((l) => !isFirstAuthor(l.template));
  const msgs = generateEvalCase(pool, demoIncidentLines(), 6500, seed);
  const scores = scoreCase(flagger, msgs);
  const plain = simulateReview(msgs, scores, pipeline, { active: false });
  const learning = simulateReview(msgs, scores, pipeline, {
    active: true,
    params: { ...DEFAULT_RERANK, duplicateShift: 0 },
  });
  const shipped = simulateReview(msgs, scores, pipeline, { active: true });
  const count = (f: (k: number) => boolean): number =>
    msgs.filter((_, k) => f(k) && scores[k]! >= 0.5).length;
  return {
    result: {
      seed,
      offensiveFrom,
      flaggedOffensive: count((k) => msgs[k]!.offensive),
      flaggedHardNegatives: count((k) => msgs[k]!.hardNegative),
      flaggedEveryday: count((k) => !msgs[k]!.offensive && !msgs[k]!.hardNegative),
      found: REVIEW_SHARES.map((s) => ({
        reviewed: s,
        flaggerOrder: round(foundAt(plain, s)),
        learningOnly: round(foundAt(learning, s)),
        asShipped: round(foundAt(shipped, s)),
      })),
    },
    curves: { plain, learning },
    size: msgs.length,
  };
}

/** Every seed, both pools; the curves of the first case (all authors, first seed) for the chart. */
export function evaluateReviews(
  flagger: Flagger,
  pipeline: Pipeline,
  dev: readonly CorpusLine[],
): { report: ReviewReport; chart: Record<'plain' | 'learning', ReviewPoint[]> } {
  const cases: ReviewCaseResult[] = [];
  let chart: Record<'plain' | 'learning', ReviewPoint[]> | undefined;
  let size = 0;
  for (const from of ['all authors', 'newer authors'] as const) {
    for (const seed of REVIEW_SEEDS) {
      const one = reviewOne(flagger, pipeline, dev, seed, from);
      chart ??= one.curves;
      size = one.size;
      cases.push(one.result);
    }
  }
  return { report: { messages: size, offensive: 150, hardNegatives: 40, cases }, chart: chart! };
}
