/**
 * Coded phrases: stereotypes and exclusions that name their target by themselves ("go back where you
 * came from", "get back in the kitchen", "so gay"). Most need a cue near them (a word, an emoji or a
 * group of a category, ±15 tokens) and none may sit in a benign context (same sentence). Negation
 * counts only within three words before, and not in a condition ("if you can't speak English …").
 */

import type { Role } from '../lexicon.js';
import { TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { has, type Hit, type Unit } from './types.js';

const CONDITIONALS = new Set(['if', 'unless', 'when', 'whenever']);
const CODED_CUE_WINDOW = 15;
const CODED_BENIGN_WINDOW = 8;

/** A negator just before a coded phrase, in its clause; "if you can't …" is a condition, not a negation. */
function codedNegation(ctx: RuleContext, u: Unit): string | undefined {
  // Close by only: "Not watching that lot prance about" negates the watching, not the jibe.
  for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 3); k--) {
    const v = ctx.unitAt[k];
    if (v === undefined || has(v, 'negator') === undefined) continue;
    let conditional = false;
    for (let q = v.i - 1; q >= Math.max(0, v.i - 3); q--) {
      const t = ctx.tokens[q]!;
      if (t.kind === TK_WORD && CONDITIONALS.has(t.key)) conditional = true;
    }
    if (conditional) continue;
    if (ctx.question[u.sent] === 1 && v.i <= ctx.sentStart[u.sent]! + 1) return undefined;
    return ctx.slice(v.i, v.j);
  }
  return undefined;
}

/** "so gay marriage…": the phrase describes the next word, not people. */
function describesNext(ctx: RuleContext, u: Unit, r: Role): boolean {
  if (r.notBefore === undefined || u.j >= ctx.n) return false;
  const next = ctx.tokens[u.j]!;
  return (
    next.kind === TK_WORD &&
    ctx.sentOf[u.j] === u.sent &&
    (r.notBefore.has(next.key) || ctx.lex.personNouns.has(next.key) || ctx.targetAt[u.j] !== undefined)
  );
}

/** The cue that makes the phrase count, or undefined when it needs one and none is near. */
function findCue(ctx: RuleContext, u: Unit, r: Role): { cue: string | undefined } | undefined {
  const cues = r.cues;
  if (cues === undefined) return { cue: undefined };
  let cue: string | undefined;
  if (cues.groups.size > 0) {
    const g = ctx.targets.find((t) => cues.groups.has(t.category) && !(t.i >= u.i && t.j <= u.j));
    if (g !== undefined) cue = g.term;
  }
  const clo = Math.max(0, u.i - CODED_CUE_WINDOW);
  const chi = Math.min(ctx.n, u.j + CODED_CUE_WINDOW);
  if (cue === undefined && cues.emoji.size > 0) {
    for (let k = clo; k < chi; k++) {
      const e = ctx.tokens[k]!.emoji;
      if (e !== undefined && cues.emoji.has(e.name)) {
        cue = ctx.slice(k, k + 1);
        break;
      }
    }
  }
  cue ??= ctx.phraseIn(cues.phrases, clo, chi, u, false);
  return cue === undefined ? undefined : { cue };
}

export function codedRule(ctx: RuleContext, u: Unit, r: Role): void {
  const lo = Math.max(0, u.i - CODED_BENIGN_WINDOW);
  const hi = Math.min(ctx.n, u.j + CODED_BENIGN_WINDOW);
  if (r.benign !== undefined && ctx.phraseIn(r.benign, lo, hi, u, true) !== undefined) return;
  if (describesNext(ctx, u, r)) return;
  if (ctx.toDestination(u)) return;
  const found = findCue(ctx, u, r);
  if (found === undefined) return;
  const { cue } = found;
  const s = ctx.span(u);
  const neg = codedNegation(ctx, u);
  const score = (r.severity ?? 2) >= 3 ? 0.82 : 0.72;
  let reason = `coded ${r.category === 'victims_of_crime' ? 'put-down' : 'stereotype/exclusion'} '${s.term}' (${r.category})`;
  if (cue !== undefined) reason += ` with context '${cue}'`;
  const h: Hit = {
    category: r.category ?? 'other_derogatory',
    score: neg !== undefined ? score * 0.25 : score,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: neg !== undefined ? `${reason}; negated by '${neg}'` : reason,
    flaggable: true,
  };
  if (neg !== undefined) h.mitigated = `negated by '${neg}'`;
  ctx.push(h);
  ctx.predicateUnits.add(u);
}
