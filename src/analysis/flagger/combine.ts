/**
 * The combiner: rule evidence + model probability → one score in 0–1, per-category scores, spans.
 *
 * Policy (why it is shaped this way):
 * - The rules carry the decision. They know the target, negation and counter-speech; the model does not.
 * - The model raises the score of a message that names a protected group when the rules found no
 *   explicit pattern (implicit stereotypes, unseen phrasing), but only above its dev-chosen threshold,
 *   and never when the rules found the group praised, or the statement negated, condemned or reclaimed.
 * - Without a protected group in the message the model can rank (up to 0.45) but never flag: abuse of
 *   objects, individuals and non-protected groups is not hate.
 * - Untargeted profanity, sexual content and other derogatory terms are reported with low scores (≤ 0.45)
 *   so a reviewer can filter on them, but they never flag a message on their own.
 */

import type { FlagCategory } from './lexicon.js';
import type { RuleOutcome } from './rules.js';

export const FLAG_THRESHOLD = 0.5;
const NON_FLAG_CAP = 0.45;
const MAX_SPANS = 200;

export interface FlagSpan {
  start: number;
  end: number;
  text: string;
  category: FlagCategory;
  reason: string;
}

export interface CombinedResult {
  score: number;
  flagged: boolean;
  categories: { name: FlagCategory; score: number }[];
  spans: FlagSpan[];
  modelScore: number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function combine(
  outcome: RuleOutcome,
  modelP: number,
  modelThreshold: number,
  cueThreshold = 0.95,
): CombinedResult {
  const cat = new Map<FlagCategory, number>();
  const bump = (c: FlagCategory, s: number): void => {
    const prev = cat.get(c) ?? 0;
    if (s > prev) cat.set(c, s);
  };
  let ruleFlag = 0;
  let ruleOther = 0;
  for (const h of outcome.hits) {
    const s = h.flaggable ? h.score : Math.min(h.score, NON_FLAG_CAP);
    bump(h.category, s);
    if (h.flaggable) ruleFlag = Math.max(ruleFlag, s);
    else ruleOther = Math.max(ruleOther, s);
  }

  // Model contribution, mapped so that the dev threshold lands on the flag threshold.
  let modelPart: number;
  // With a hostile word or emoji in the message that the rules could not attach to a group, the model
  // may confirm it at a lower threshold (chosen on the dev split).
  const t = Math.min(
    0.95,
    Math.max(0.05, outcome.negativeCue ? Math.min(modelThreshold, cueThreshold) : modelThreshold),
  );
  const scaled =
    modelP >= t ? FLAG_THRESHOLD + ((modelP - t) / (1 - t)) * 0.4 : (modelP / t) * FLAG_THRESHOLD;
  const modelMayFlag = outcome.identityPresent && !outcome.positive && !outcome.mitigated;
  if (modelMayFlag) {
    modelPart = scaled;
  } else {
    modelPart = Math.min(scaled, NON_FLAG_CAP) * (outcome.identityPresent ? 1 : 0.8);
  }

  // The decision comes from the band (rule evidence ≥ 0.5, or a model-only flag); the order WITHIN a
  // band mixes rule strength and model probability, so that a reviewer working down the list by score
  // meets the messages both agree on first.
  let score: number;
  if (ruleFlag >= FLAG_THRESHOLD) {
    const strength = (ruleFlag - FLAG_THRESHOLD) / (1 - FLAG_THRESHOLD);
    score = FLAG_THRESHOLD + (1 - FLAG_THRESHOLD) * (0.5 * strength + 0.5 * modelP);
  } else if (modelPart >= FLAG_THRESHOLD) {
    score = modelPart;
  } else {
    // Below the flag line the model orders the queue; rule evidence (profanity, sexual content, an
    // untargeted threat) lifts a message within it.
    const rule = Math.max(ruleFlag, ruleOther);
    score = 0.49 * (0.9 * modelP + 0.1 * Math.min(1, rule / NON_FLAG_CAP));
  }
  score = Math.min(0.999, Math.max(0, score));

  const spans: FlagSpan[] = [];
  const hits = [...outcome.hits].sort((a, b) => b.score - a.score || a.start - b.start);
  for (const h of hits) {
    if (spans.length >= MAX_SPANS) break;
    spans.push({ start: h.start, end: h.end, text: h.term, category: h.category, reason: h.reason });
  }
  if (modelMayFlag && ruleFlag < FLAG_THRESHOLD && modelPart >= FLAG_THRESHOLD && outcome.identitySpan) {
    const c = outcome.identityCategories[0] ?? 'other_derogatory';
    bump(c, modelPart);
    spans.push({
      start: outcome.identitySpan.start,
      end: outcome.identitySpan.end,
      text: outcome.identitySpan.term,
      category: c,
      reason: `model: statement about '${outcome.identitySpan.term}' resembles hateful training examples (p=${round(modelP)})`,
    });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  const categories = [...cat.entries()]
    .map(([name, s]) => ({ name, score: round(s) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return {
    score: round(score),
    flagged: score >= FLAG_THRESHOLD,
    categories,
    spans,
    modelScore: round(modelP),
  };
}
