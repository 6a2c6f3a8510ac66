/**
 * Positive statements about a group: negated ("X are not human beings", "I don't respect X") they are
 * hate; un-negated they tell the combiner that the model alone must not flag the message.
 */

import { squeeze, TK_EMOJI, TK_END, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { has, type Unit } from './types.js';

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

/** Char offset of the '#' when token `k` is part of a hashtag ("#RefugeesWelcome"), else -1. */
function hashtagStart(ctx: RuleContext, k: number): number {
  const { text } = ctx;
  const start = ctx.tokens[k]!.start;
  for (let c = start; c >= Math.max(0, start - 40); c--) {
    const ch = text[c]!;
    if (ch === '#') return c;
    if (/\s/.test(ch)) return -1;
  }
  return -1;
}

/** A hashtag is a statement of its own: only a negator inside it ("#NotWelcome") negates it. */
function negatorInHashtag(ctx: RuleContext, u: Unit, tag: number): string | undefined {
  for (let k = u.i - 1; k >= 0 && ctx.tokens[k]!.start >= tag; k--) {
    const v = ctx.unitAt[k];
    if (v !== undefined && has(v, 'negator') !== undefined) return ctx.slice(v.i, v.j);
  }
  return undefined;
}

/**
 * "women should never be in charge 💯💯", "X should all go 🙏": an emoji run closing a sentence of words
 * agrees with what the sentence says; it praises no one. Only the sentence's own words may tell the
 * combiner that the group is spoken of well.
 */
function closingAgreement(ctx: RuleContext, u: Unit): boolean {
  if (u.via !== 'emoji') return false;
  for (let k = u.j; k < ctx.n && ctx.sentOf[k] === u.sent; k++) {
    const kind = ctx.tokens[k]!.kind;
    if (kind !== TK_EMOJI && kind !== TK_END) return false;
  }
  let words = 0;
  for (let k = u.i - 1; k >= ctx.sentStart[u.sent]!; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD) words++;
    else if (t.kind !== TK_EMOJI) continue;
  }
  return words >= 3;
}

/** A "negatable" positive ("human", "respect"): hate when negated, praise otherwise. */
export function negatedPositiveRule(ctx: RuleContext, u: Unit): void {
  const tg = ctx.nearestTarget(u, WORD_WINDOW, false);
  if (tg === undefined) return;
  const tag = hashtagStart(ctx, u.i);
  const neg =
    tag >= 0 ? negatorInHashtag(ctx, u, tag) : opensClause(ctx, u) ? ctx.negatedBy(u) : ctx.negatedBy(u, tg);
  if (neg !== undefined) {
    ctx.groupHit(u, tg, 0.76, `negated positive statement '${neg} … ${ctx.span(u).term}'`, undefined);
  } else if (!closingAgreement(ctx, u)) {
    ctx.positive = true;
  }
}

export function positiveRule(ctx: RuleContext, u: Unit): void {
  const tg = ctx.nearestTarget(u, WORD_WINDOW, false);
  if (tg !== undefined && ctx.negatedBy(u, tg) === undefined && !closingAgreement(ctx, u))
    ctx.positive = true;
}
