/**
 * The combiner: rule evidence + model probability → one score in 0–1, per-category scores, spans.
 *
 * Policy (why it is shaped this way):
 * - Either may flag. The rules flag what they can explain (a slur, a description aimed at a group, a
 *   blamed victim); the trained model (calibrated, threshold chosen on dev for 90 % precision) flags
 *   implicit derogation no list can hold ("only good for making the tea").
 * - Rules give spans and explanations; they never pull the model's score down on their own. Where the
 *   rules found the statement negated, condemned or reclaimed, the model must be surer to flag alone
 *   (its threshold rises three quarters of the way to 1), because those are the cases a bag of n-grams
 *   misreads: on the corpus dev lines where the rules found them and flagged nothing, three in four of
 *   the model's flags at half way were innocent (engine 2.5: half way → three quarters, dev innocent
 *   lines flagged 6.3 → 5.8 %, recall 0.722 → 0.721).
 * - Untargeted profanity, sexual content and threats with no target are reported with low scores
 *   (≤ 0.45) by the rules; only the model, having seen them in context, may flag such a message.
 */

import { GROUP_CATEGORIES, type FlagCategory } from '../../contract/coding.js';
import type { RuleOutcome } from './rules/index.js';

export const FLAG_THRESHOLD = 0.5;
const NON_FLAG_CAP = 0.45;
const MAX_SPANS = 200;
/** Categories the model may name for a message it flags on its own. */
const MODEL_FLAG_CATEGORIES: ReadonlySet<FlagCategory> = new Set<FlagCategory>(GROUP_CATEGORIES);
/**
 * Kinds of offence the model may name beside the target of a message it flags on its own. Its
 * `sexual_content` head is left out: on dev it was right on 27 % of the lines it named (the corpus labels
 * sexual content sparsely), against 73 % for threats.
 */
const MODEL_KIND_CATEGORIES: ReadonlySet<FlagCategory> = new Set<FlagCategory>(['violence_threat']);

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

/** What the combiner needs to know about the message besides the rules' outcome. */
export interface ModelContext {
  /** The model's category heads, strongest first (computed only when the model flags on its own). */
  cats: () => readonly { name: FlagCategory; p: number }[];
  textLength: number;
  /** Word tokens in the message. */
  words: number;
}

/**
 * The model alone may not flag a message of fewer words than this with no rule evidence at all:
 * "lol", "typical", "again?" are replies whose meaning is in the message they answer.
 */
const MIN_WORDS_MODEL_ALONE = 3;
const UNTARGETED: ReadonlySet<FlagCategory> = new Set<FlagCategory>([
  'profanity',
  'violence_threat',
  'sexual_content',
]);

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** The model's own band: its threshold maps to the flag line, 1 to 0.95. */
function modelBand(p: number, t: number): number {
  return p >= t ? FLAG_THRESHOLD + ((p - t) / (1 - t)) * 0.45 : (p / t) * FLAG_THRESHOLD * 0.98;
}

export function combine(
  outcome: RuleOutcome,
  modelP: number,
  modelThreshold: number,
  context: ModelContext = { cats: () => [], textLength: 0, words: 99 },
): CombinedResult {
  const cat = new Map<FlagCategory, number>();
  const bump = (c: FlagCategory, s: number): void => {
    if (s > (cat.get(c) ?? 0)) cat.set(c, s);
  };
  let ruleFlag = 0;
  let ruleOther = 0;
  for (const h of outcome.hits) {
    const s = h.flaggable ? h.score : Math.min(h.score, NON_FLAG_CAP);
    bump(h.category, s);
    if (h.flaggable) ruleFlag = Math.max(ruleFlag, s);
    else ruleOther = Math.max(ruleOther, s);
  }
  const t = Math.min(0.99, Math.max(0.05, modelThreshold));
  const tModel = outcome.mitigated || outcome.positive ? (3 + t) / 4 : t;
  // Swearing, a threat with no one named and sexual words say nothing of whom a short reply is about:
  // "💀💀💀" (laughter) and "fuck off" answer another message, as "lol" does.
  const anyEvidence =
    outcome.identityPresent || outcome.hits.some((h) => h.flaggable || !UNTARGETED.has(h.category));
  // A factual arrest report naming the group (rules/arrest-report.ts) is never the model's alone.
  const modelMay = outcome.arrestReport !== true && (anyEvidence || context.words >= MIN_WORDS_MODEL_ALONE);
  const modelPart = modelMay ? modelBand(modelP, tModel) : Math.min(modelBand(modelP, tModel), NON_FLAG_CAP);

  let score: number;
  let modelFlag = false;
  if (ruleFlag >= FLAG_THRESHOLD) {
    // Both agree → top of the flagged band; the rules alone → its middle.
    const strength = (ruleFlag - FLAG_THRESHOLD) / (1 - FLAG_THRESHOLD);
    score = FLAG_THRESHOLD + (1 - FLAG_THRESHOLD) * (0.5 * strength + 0.5 * modelP);
  } else if (modelPart >= FLAG_THRESHOLD) {
    score = modelPart;
    modelFlag = true;
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
  if (modelFlag) {
    // The model's category heads name the target; the group the rules found, if any, comes first.
    const modelCats = context.cats();
    const named = modelCats.filter((c) => MODEL_FLAG_CATEGORIES.has(c.name) && c.p >= 0.5);
    const c = outcome.identityCategories[0] ?? named[0]?.name ?? modelCats[0]?.name ?? 'other_derogatory';
    bump(c, score);
    for (const n of named)
      if (n.name !== c) bump(n.name, Math.min(score, FLAG_THRESHOLD + (n.p - 0.5) * 0.4));
    // A threat the model recognised names `violence_threat` beside the target (681 of the dev threats
    // flagged by the model alone named none: dev category recall 0.32 → 0.51, precision 0.73 both).
    for (const k of modelCats)
      if (MODEL_KIND_CATEGORIES.has(k.name) && k.p >= 0.5)
        bump(k.name, Math.min(score, FLAG_THRESHOLD + (k.p - 0.5) * 0.4));
    const reason = `model: resembles offensive examples (p=${round(modelP)}, threshold ${round(tModel)})`;
    const at = outcome.identitySpan ?? { start: 0, end: context.textLength, term: '' };
    spans.push({ start: at.start, end: at.end, text: at.term, category: c, reason });
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
