/** Expressions of hatred or disgust ("hate", "can't stand", 🤮) aimed at a target in the sentence. */

import type { Role } from '../lexicon.js';
import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import type { Unit } from './types.js';

const WORD_WINDOW = 8;
const EMOJI_WINDOW = 4;
const DIRECT_VERBS = new Set([
  'fuck',
  'fuck all',
  'fuck the',
  'fuck them',
  'fuck those',
  'fuck these',
  'fuck off',
  'screw',
  'piss off',
  'sod off',
  'get lost',
  'down with',
  'to hell with',
  'ugh',
  'eww',
  'ew',
  'yuck',
  'yuk',
]);

/** Words before "hate" that make it a noun ("no place for hate", "stop the hate"), not a feeling. */
const NOUN_BEFORE = new Set(
  ['for', 'against', 'no', 'of', 'the', 'end', 'stop', 'spread', 'spreading', 'tackle', 'zero', 'anti'].map(
    squeeze,
  ),
);

function hateAsNoun(ctx: RuleContext, u: Unit, r: Role): boolean {
  if (r.term !== 'hate' || u.i === 0) return false;
  const prev = ctx.tokens[u.i - 1]!;
  return prev.kind === TK_WORD && NOUN_BEFORE.has(prev.key);
}

export function hateVerbRule(ctx: RuleContext, u: Unit, r: Role): void {
  if (hateAsNoun(ctx, u, r)) return;
  const tg = ctx.nearestTarget(u, u.via === 'emoji' ? EMOJI_WINDOW + 2 : WORD_WINDOW, false);
  if (tg === undefined) return;
  // Swearing used as a verb ("fuck X", "screw X") must be aimed straight at the group: "Fuck
  // yeah, I love gay people" is not.
  if (DIRECT_VERBS.has(r.term) && !(tg.i >= u.j && tg.i - u.j <= 2) && !(tg.j <= u.i && u.i - tg.j <= 2))
    return;
  ctx.groupHit(u, tg, 0.85, `expression of hatred/disgust '${ctx.span(u).term}'`, ctx.negatedBy(u, tg));
}
