/**
 * Counter-speech, denied clauses: "nobody gets to decide that …", "who are you to say …", "nothing in
 * biology says …" deny the rest of the clause after them.
 */

import { TK_COMMA, TK_WORD, type Token } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { keys, maskFits, phraseAt, phrases, type Statement } from './match.js';
import { reactedSaying } from './reactions.js';

/** "nobody gets to decide that …", "who are you to say …": the clause after it is denied. */
const DENIED_FRAMES = phrases([
  'nobody gets to decide',
  'no one gets to decide',
  'noone gets to decide',
  'nobody gets to say',
  'no one gets to say',
  'noone gets to say',
  'nobody gets to tell',
  'no one gets to tell',
  'nobody has the right to say',
  'no one has the right to say',
  'nobody has the right to decide',
  'no one has the right to decide',
  'who are you to say',
  'who are you to decide',
  'who are they to say',
  'who is he to say',
  'who is she to say',
]);

/** "nothing", also starred or typed in a hurry ("no*hing", "nohting", "nothng"). */
function nothingLike(t: Token): boolean {
  if (t.kind !== TK_WORD) return false;
  if (t.key === 'nothing' || maskFits(t, 'nothing')) return true;
  const k = t.key;
  if (!k.startsWith('no') || k.length < 6 || k.length > 8) return false;
  // Same letters as "nothing" but for one dropped, swapped or replaced letter.
  const a = [...k].sort().join('');
  const b = [...'nothing'].sort().join('');
  if (a === b) return true;
  let i = 0;
  let j = 0;
  let miss = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else {
      miss++;
      if (a.length < b.length) j++;
      else {
        i++;
        j++;
      }
    }
  }
  return miss + (b.length - j) + (a.length - i) <= 1;
}
const SAYS = keys(['says', 'said', 'proves', 'shows', 'suggests']);

/** "nothing in biology says …": "nothing", at most four words, then "says"; the frame's length, or 0. */
function nothingSays(ctx: RuleContext, k: number): number {
  if (!nothingLike(ctx.tokens[k]!)) return 0;
  for (let q = k + 1; q < Math.min(ctx.n, k + 6) && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
    const t = ctx.tokens[q]!;
    if (t.kind !== TK_WORD) return 0;
    if (SAYS.has(t.key)) return q + 1 - k;
  }
  return 0;
}

/** The rest of the clause after a denying frame. */
export function deniedClause(ctx: RuleContext): Statement | undefined {
  for (let k = 0; k < ctx.n; k++) {
    const fl = phraseAt(ctx, k, DENIED_FRAMES) || nothingSays(ctx, k);
    if (fl === 0) continue;
    let e = k + fl;
    // To the clause's end: "nobody gets to decide anything here, X are …" denies nothing after the comma.
    while (e < ctx.n && ctx.sentOf[e] === ctx.sentOf[k] && ctx.tokens[e]!.kind !== TK_COMMA) e++;
    return { from: k + fl, to: e - 1, why: ctx.slice(k, k + fl) };
  }
  // The sender's own reaction to the saying ("stpo saying …", "sick of hearing people say …").
  return reactedSaying(ctx);
}
