/**
 * Positive statements about a group: negated ("X are not human beings", "I don't respect X") they are
 * hate; un-negated they tell the combiner that the model alone must not flag the message.
 */

import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import type { Unit } from './types.js';

const WORD_WINDOW = 8;

/** Words that may stand before a positive that opens its clause ("…, so good that …", "really great"). */
const OPENERS = new Set(['its', 'thats', 'so', 'really', 'very', 'and', 'but', 'just', 'well'].map(squeeze));

const COMPLEMENT = new Set(['that', 'to', 'theres', 'there', 'they', 'we', 'you'].map(squeeze));

/**
 * "We never had a liaison officer for X before, good that there's one now": a positive that opens its
 * own clause judges what the clause before said; a negator back there does not negate it.
 */
function opensClause(ctx: RuleContext, u: Unit): boolean {
  if (u.clause === ctx.sentStart[u.sent]) return false;
  // It judges what follows ("good that …", "great to see …"); "good thing too" may be glad of the first.
  const next = ctx.tokens[u.j];
  if (next === undefined || next.kind !== TK_WORD || !COMPLEMENT.has(next.key)) return false;
  for (let k = u.clause; k < u.i; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD || !OPENERS.has(t.key) || ctx.unitAt[k] !== undefined) return false;
  }
  return true;
}

/** A "negatable" positive ("human", "respect"): hate when negated, praise otherwise. */
export function negatedPositiveRule(ctx: RuleContext, u: Unit): void {
  const tg = ctx.nearestTarget(u, WORD_WINDOW, false);
  if (tg === undefined) return;
  const neg = opensClause(ctx, u) ? ctx.negatedBy(u) : ctx.negatedBy(u, tg);
  if (neg !== undefined) {
    ctx.groupHit(u, tg, 0.76, `negated positive statement '${neg} … ${ctx.span(u).term}'`, undefined);
  } else {
    ctx.positive = true;
  }
}

export function positiveRule(ctx: RuleContext, u: Unit): void {
  const tg = ctx.nearestTarget(u, WORD_WINDOW, false);
  if (tg !== undefined && ctx.negatedBy(u, tg) === undefined) ctx.positive = true;
}
