/**
 * Reading a message with the one before it (engine 2.6). In a group chat the group is often named in
 * one message and attacked in the reply: "3 Somalis in the cells tonight" — "send the lot of them
 * back". Read alone, the reply names no one; read after its message, "the lot of them" refers back to
 * the Somalis as it would in one message, and the rules already resolve that ("they", "the lot",
 * a fragment after a sentence that named a group: rules/context.ts).
 *
 * So a short message that may point back is read again after each of the messages just before it
 * in its conversation (nearest first), joined as two sentences; a rule hit that lies wholly in the
 * message and was not found in it alone is evidence of its own, aimed at the group named before.
 * Only rule hits count, never the model's score of the pair: the message before may itself be hateful,
 * and the model would carry its hate into a reply that says nothing ("lol", "they really are" — an
 * endorsement, which conduct analysis counts, not an offensive message of its own).
 */
import { FLAG_THRESHOLD } from './combine.js';
import { squeeze, TK_WORD, type Token } from './normalise.js';
import { FRAGMENT_WORDS, GROUP_QUANTIFIERS } from './rules/context.js';
import { THEY_FORMS } from './rules/targets.js';
import type { Hit, RuleOutcome } from './rules/types.js';

/** A reply longer than this has a subject of its own. */
const MAX_REPLY_WORDS = 25;
/**
 * Words by which a reply points back at people named before: the plural pronouns and group quantifiers
 * the rules resolve to a group named earlier (rules/targets.ts, rules/context.ts), and a few more.
 */
const POINTERS: ReadonlySet<string> = new Set([
  ...THEY_FORMS,
  ...GROUP_QUANTIFIERS,
  ...['those', 'these', 'em', 'ones'].map(squeeze),
]);

/** A reply with one of these names someone of its own: "animals, whoever did it". */
const OWN_SUBJECT = new Set(['whoever', 'whoevers', "whoever's"].map((w) => squeeze(w.replace("'", ''))));
/**
 * The message before made the group the victims ("Muslim lad stabbed outside the chippy"): an insult
 * in the reply ("animals") is for whoever did it, not for them.
 */
const VICTIM_CUES = new Set(
  [
    'stabbed',
    'attacked',
    'assaulted',
    'beaten',
    'battered',
    'robbed',
    'mugged',
    'abused',
    'harassed',
    'harassment',
    'targeted',
    'victim',
    'victims',
    'injured',
    'murdered',
    'killed',
    'threatened',
    'vandalised',
    'smashed',
    'hate',
    'aggravated',
    'raped',
    'burgled',
    'missing',
  ].map(squeeze),
);

/** Whether a message could refer back to a group named before it (cheap: its own tokens only). */
export function mayReferBack(tokens: readonly Token[]): boolean {
  let words = 0;
  let pointer = false;
  for (const t of tokens) {
    if (t.kind !== TK_WORD) continue;
    words++;
    if (OWN_SUBJECT.has(t.key)) return false;
    if (POINTERS.has(t.key)) pointer = true;
  }
  return words > 0 && words <= MAX_REPLY_WORDS && (pointer || words <= FRAGMENT_WORDS);
}

/**
 * Whether a message names a group (or a victim) that a reply could point back at: without one, the
 * pair needs no reading.
 */
export function namesSomeone(outcome: RuleOutcome): boolean {
  return outcome.identityPresent || outcome.hits.some((h) => h.category === 'victims_of_crime');
}

/** Whether the message before speaks of the group as victims (its tokens). */
export function victimsBefore(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === TK_WORD && VICTIM_CUES.has(t.key));
}

/**
 * A plural pointer ("they", "the lot") or a plural word ("animals", "parasites") in the reply's part
 * of a hit: a group is what it speaks of. "animal" after "DP shouting about Muslims" is the DP.
 */
function plural(part: string): boolean {
  for (const w of part.toLowerCase().split(/[^\p{L}']+/u)) {
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return true;
    if (POINTERS.has(squeeze(w.replace("'", '')))) return true;
  }
  return false;
}

/** The two messages as the rules read them: the earlier one, a line break, then the message. */
export function joined(before: string, text: string): { text: string; offset: number } {
  return { text: `${before}\n${text}`, offset: before.length + 1 };
}

/**
 * The flaggable hits of `pair` (the outcome of `joined(before, text)`) whose words are in the message
 * and that the message alone (`own`) lacks, moved to the message's offsets and marked as read in
 * context. A hit reaching back into the message before runs from the group named there to the
 * description here (the rules resolve references backwards only), so it is kept from the message's
 * start.
 */
export function hitsFromContext(
  pair: RuleOutcome,
  pairText: string,
  offset: number,
  own: RuleOutcome,
  before: { victimsBefore: boolean },
): Hit[] {
  const seen = new Set(own.hits.filter((h) => h.flaggable).map((h) => `${h.start}:${h.end}:${h.category}`));
  const out: Hit[] = [];
  for (const h of pair.hits) {
    if (!h.flaggable || h.score < FLAG_THRESHOLD || h.end <= offset) continue;
    // Victims named before: an insult is for whoever hurt them, but mocking the victims is still found.
    if (before.victimsBefore && h.category !== 'victims_of_crime') continue;
    if (!plural(pairText.slice(offset))) continue;
    const start = Math.max(0, h.start - offset);
    const end = h.end - offset;
    if (seen.has(`${start}:${end}:${h.category}`)) continue;
    const term = h.start < offset ? pairText.slice(offset, h.end) : h.term;
    out.push({ ...h, start, end, term, reason: `${h.reason}, named in the message before` });
  }
  return out;
}
