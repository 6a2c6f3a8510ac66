/**
 * Words that are reported but never flag on their own: profanity (unless aimed straight at a group,
 * "fucking immigrants"), sexual content, and derogatory terms for non-protected groups ("chavs").
 */

import type { Role } from '../lexicon.js';
import { TK_WORD } from '../normalise.js';
import { benignContext, type RuleContext } from './context.js';
import type { Target, Unit } from './types.js';

const PROFANITY_BRIDGE = new Set(['all', 'the', 'those', 'these', 'you', 'them', 'off', 'dirty', 'stupid']);

/** A group term right after the swear word ("fuck all women"), within three words. */
function aimedAt(ctx: RuleContext, u: Unit): Target | undefined {
  for (let k = u.j; k < Math.min(ctx.n, u.j + 3); k++) {
    const t = ctx.targetAt[k];
    if (t !== undefined && !t.weak) return t;
    const tk = ctx.tokens[k]!;
    if (tk.kind !== TK_WORD || !PROFANITY_BRIDGE.has(tk.key)) return undefined;
  }
  return undefined;
}

export function profanityRule(ctx: RuleContext, u: Unit, r: Role): void {
  const { tokens } = ctx;
  // "as" is not "ass" squeezed: a function word written as such is no swear word.
  if (u.j - u.i === 1 && ctx.lex.functionWords.has(tokens[u.i]!.norm) && tokens[u.i]!.norm !== r.term) return;
  const s = ctx.span(u);
  const tg = aimedAt(ctx, u);
  if (tg !== undefined && !tg.pronoun) {
    ctx.groupHit(u, tg, 0.74, `profanity '${s.term}'`, ctx.negatedBy(u, tg));
  }
  ctx.push({
    category: 'profanity',
    score: (r.severity ?? 2) >= 3 ? 0.2 : 0.1,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: `profanity (severity ${r.severity ?? 2})`,
    flaggable: false,
  });
}

export function sexualRule(ctx: RuleContext, u: Unit, r: Role): void {
  const s = ctx.span(u);
  ctx.push({
    category: 'sexual_content',
    score: (r.severity ?? 2) >= 3 ? 0.45 : 0.35,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: 'sexual content',
    flaggable: false,
  });
}

export function nonProtectedRule(ctx: RuleContext, u: Unit, r: Role): void {
  if (benignContext(ctx.tokens, u, r.benign)) return;
  const s = ctx.span(u);
  ctx.push({
    category: 'other_derogatory',
    score: 0.3,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: 'derogatory term for a non-protected group or person',
    flaggable: false,
  });
}
