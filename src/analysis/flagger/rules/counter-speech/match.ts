/**
 * Counter-speech, the shared matchers: the rules' phrase lists and matcher (`../phrase-match.ts`),
 * one-letter slips, starred-word fitting and quotation pairs. Every form of counter-speech
 * (`quotations`, `holders`, `beliefs`, `denied`, `court-reports`) reads the message through these.
 */

import { TK_QUOTE, type Token } from '../../normalise.js';
import type { RuleContext } from '../context.js';

/** A reported statement as token indices (`from` to `to`) and the words that reject, deny or punish it. */
export interface Statement {
  from: number;
  to: number;
  why: string;
  /**
   * Read from weaker evidence (a record speaker with no record word, a speaker far back): only the
   * hits inside are lowered, the message as a whole is not marked mitigated for the model.
   */
  local?: boolean;
}

export { keys, phraseAt, phrases } from '../phrase-match.js';

/** Whether `a` is `b` with one letter missing, extra or swapped ("callng", "sying", "sayign"). */
export function oneSlip(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1 || a.length < 4) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length)
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return a.length < b.length ? a.slice(i) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

/** Whether a starred token could be `word` ("s*id" for "said"): same length, stars for letters. */
export function maskFits(t: Token, word: string): boolean {
  if (t.masked !== true || t.key.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (t.key[i] !== '*' && t.key[i] !== word[i]) return false;
  return true;
}

/** Pairs of quote marks [open, close] as token indices. */
export function quotePairs(ctx: RuleContext): [number, number][] {
  const pairs: [number, number][] = [];
  let open = -1;
  for (let k = 0; k < ctx.n; k++) {
    if (ctx.tokens[k]!.kind !== TK_QUOTE) continue;
    if (open < 0) open = k;
    else {
      pairs.push([open, k]);
      open = -1;
    }
  }
  return pairs;
}
