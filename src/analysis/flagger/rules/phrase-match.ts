/**
 * Word and phrase lists squeezed like the tokens' keys, and the phrase matcher the rules that read
 * listed wording at a token share (counter-speech, insinuation, jokes): one way to build a list and
 * one way to ask "which listed phrase starts here, within this sentence".
 */

import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';

export const phrases = (list: readonly string[]): string[][] => list.map((p) => p.split(' ').map(squeeze));
export const keys = (words: readonly string[]): Set<string> => new Set(words.map(squeeze));

/** First words of each phrase list, so most tokens are passed over with one look-up. */
const FIRST_WORDS = new WeakMap<string[][], Set<string>>();

/** Length of the longest phrase of `list` starting at token k and ending in its sentence, or 0. */
export function phraseAt(ctx: RuleContext, k: number, list: string[][]): number {
  let first = FIRST_WORDS.get(list);
  if (first === undefined) {
    first = new Set(list.map((ph) => ph[0]!));
    FIRST_WORDS.set(list, first);
  }
  const t0 = ctx.tokens[k];
  if (t0 === undefined || !first.has(t0.key)) return 0;
  const sent = ctx.sentOf[k];
  let best = 0;
  for (const ph of list) {
    if (ph.length <= best) continue;
    let ok = true;
    for (let q = 0; q < ph.length; q++) {
      const t = ctx.tokens[k + q];
      if (t === undefined || t.kind !== TK_WORD || t.key !== ph[q] || ctx.sentOf[k + q] !== sent) {
        ok = false;
        break;
      }
    }
    if (ok) best = ph.length;
  }
  return best;
}
