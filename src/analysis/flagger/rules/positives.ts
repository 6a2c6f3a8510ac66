/**
 * Positive statements about a group: negated ("X are not human beings", "I don't respect X") they are
 * hate; un-negated they tell the combiner that the model alone must not flag the message.
 */

import type { RuleContext } from './context.js';
import type { Unit } from './types.js';

const WORD_WINDOW = 8;

/** A "negatable" positive ("human", "respect"): hate when negated, praise otherwise. */
export function negatedPositiveRule(ctx: RuleContext, u: Unit): void {
  const tg = ctx.nearestTarget(u, WORD_WINDOW, false);
  if (tg === undefined) return;
  const neg = ctx.negatedBy(u, tg);
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
