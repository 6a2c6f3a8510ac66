/**
 * Counter-speech, the shared matchers: phrase and word lists squeezed like the tokens, a phrase matcher
 * that stays within one sentence, starred-word fitting and quotation pairs. Every form of counter-speech
 * (`quotations`, `holders`, `beliefs`, `denied`, `court-reports`) reads the message through these.
 */

import { squeeze, TK_QUOTE, TK_WORD, type Token } from '../../normalise.js';
import type { RuleContext } from '../context.js';

/** A reported statement as token indices (`from` to `to`) and the words that reject, deny or punish it. */
export interface Statement {
  from: number;
  to: number;
  why: string;
}

export const phrases = (list: string[]): string[][] => list.map((p) => p.split(' ').map(squeeze));
export const keys = (words: string[]): Set<string> => new Set(words.map(squeeze));

/** First words of each phrase list, so most tokens are passed over with one look-up. */
const FIRST_WORDS = new WeakMap<string[][], Set<string>>();

/** Length of the first phrase of `list` starting at token k, or 0. */
export function phraseAt(ctx: RuleContext, k: number, list: string[][]): number {
  let first = FIRST_WORDS.get(list);
  if (first === undefined) {
    first = new Set(list.map((ph) => ph[0]!));
    FIRST_WORDS.set(list, first);
  }
  if (!first.has(ctx.tokens[k]!.key)) return 0;
  for (const ph of list) {
    let ok = true;
    for (let q = 0; q < ph.length; q++) {
      const t = ctx.tokens[k + q];
      if (t === undefined || t.kind !== TK_WORD || t.key !== ph[q] || ctx.sentOf[k + q] !== ctx.sentOf[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return ph.length;
  }
  return 0;
}

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
