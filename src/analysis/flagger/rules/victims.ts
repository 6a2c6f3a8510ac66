/**
 * Victims of crime: blame and dismissal phrases ("asking for it", "cried rape"), and laughter next to
 * an offence or a victim ("another DV lol"). Mild phrases need a victim context, laughter, an eye-roll
 * or a second blame phrase; provocation phrases (`pairOnly`) count only next to another blame phrase.
 */

import type { Role } from '../lexicon.js';
import { benignContext, type RuleContext } from './context.js';
import { has, type Hit, type Span, type Unit } from './types.js';

/** What the victim rules learn while the other rules run. */
export interface VictimState {
  hasLaugh: boolean;
  hasLaughAnywhere: boolean;
  /** An eye-roll next to a blame phrase dismisses the victim as much as a laugh does. */
  dismissive: boolean;
  /** A victim-related term or phrase that survived its benign-context check (for the mockery rule). */
  victimTerm?: Span;
  victimContextUnit?: Unit;
  hasVictimTarget: boolean;
}

export function victimState(ctx: RuleContext): VictimState {
  let dismissive = false;
  for (let t = 0; t < ctx.n; t++) if (ctx.tokens[t]!.emoji?.name === 'eye roll') dismissive = true;
  let hasLaughAnywhere = false;
  for (const u of ctx.units) if (has(u, 'laugh') !== undefined) hasLaughAnywhere = true;
  return {
    hasLaugh: false,
    hasLaughAnywhere,
    dismissive,
    hasVictimTarget: ctx.targets.some((t) => t.category === 'victims_of_crime'),
  };
}

export function victimBlameRule(ctx: RuleContext, u: Unit, r: Role, st: VictimState): void {
  if (benignContext(ctx.tokens, u, r.benign)) return;
  const s = ctx.span(u);
  const sev = r.severity ?? 2;
  // Another blame phrase in the message ("if she stopped winding him up … a slap").
  const otherBlame = ctx.units.some((v) => v !== u && has(v, 'victimBlame') !== undefined);
  // A provocation phrase alone ("she was winding him up") is an account, not blame.
  if (r.pairOnly === true && !otherBlame) return;
  const context =
    st.hasVictimTarget ||
    st.hasLaughAnywhere ||
    otherBlame ||
    st.dismissive ||
    ctx.units.some((v) => has(v, 'victimContext') !== undefined);
  const score = sev >= 3 ? 0.8 : context ? 0.6 : 0.32;
  const neg = sev >= 3 ? ctx.negatedBy(u) : undefined;
  const h: Hit = {
    category: 'victims_of_crime',
    score: neg !== undefined ? score * 0.3 : score,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: `blaming or dismissing a victim ('${s.term}')${neg !== undefined ? `; negated by '${neg}'` : ''}`,
    flaggable: score >= 0.5,
  };
  if (neg !== undefined) h.mitigated = `negated by '${neg}'`;
  ctx.push(h);
  st.victimTerm ??= s;
}

/** Laughing about an offence or a victim ("another DV job lol"). */
export function mockeryRule(ctx: RuleContext, st: VictimState): void {
  if (!st.hasLaugh) return;
  if (st.victimContextUnit === undefined && !st.hasVictimTarget && st.victimTerm === undefined) return;
  const vt = ctx.targets.find((t) => t.category === 'victims_of_crime');
  const s =
    st.victimContextUnit !== undefined
      ? ctx.span(st.victimContextUnit)
      : vt !== undefined
        ? { start: ctx.tokens[vt.i]!.start, end: ctx.tokens[vt.j - 1]!.end, term: vt.term }
        : st.victimTerm!;
  ctx.push({
    category: 'victims_of_crime',
    score: 0.55,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: 'laughter or mockery alongside an offence or victim',
    flaggable: true,
  });
}
