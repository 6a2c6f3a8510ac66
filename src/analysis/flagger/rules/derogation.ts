/**
 * Targeted derogation and dehumanisation: a listed description ("vermin", "scum", "should be
 * deported", 🐀) counts when a target is in the same sentence, lowered when negated in its clause.
 */

import type { Role } from '../lexicon.js';
import { TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { THREAT_CUES } from './threats.js';
import { has, type Unit } from './types.js';

const WORD_WINDOW = 8;
const EMOJI_WINDOW = 4;
const ADJACENT_ONLY = new Set(['go home', 'should go home', 'go home now']);
/** Past participles of removal: exclusion only with a normative cue before them ("should be deported"). */
const PAST_EXCLUSION = new Set([
  'deported',
  'deported back',
  'sent back',
  'sent home',
  'kicked out',
  'thrown out',
]);

/** "Albanian male deported last month" is a record; "should all be deported" is exclusion. */
function normativeCueBefore(ctx: RuleContext, u: Unit): boolean {
  let cue = false;
  for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 6); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && THREAT_CUES.has(t.key)) cue = true;
  }
  return cue;
}

export function derogationRule(ctx: RuleContext, u: Unit, r: Role): void {
  const emoji = u.via === 'emoji';
  const near = ctx.nearestTarget(u, emoji ? EMOJI_WINDOW : WORD_WINDOW, (r.severity ?? 2) >= 3);
  const tg = near ?? ctx.earlierTarget(u);
  if (tg === undefined) return;
  const earlier = near === undefined;
  // A group term that is itself the description ("gay" in "that's so gay") is not a target.
  if (tg.i >= u.i && tg.j <= u.j) return;
  // A swear word as the description must sit in the same clause as the group: "Holy shit,
  // Muslims are amazing" is not a description.
  // Across sentences only with a quantifier: "Don't talk to me about Jews. Bunch of idiots".
  if (has(u, 'profanity') !== undefined && ctx.clauseOf[tg.i] !== u.clause && !(earlier && ctx.quantified(u)))
    return;
  // "Immigrants go home" is exclusion; "gay people can go home early" is a rota.
  if (ADJACENT_ONLY.has(r.term) && tg.j !== u.i) return;
  if (PAST_EXCLUSION.has(r.term) && !normativeCueBefore(ctx, u)) return;
  // "can't fight", "shouldn't be on response": listed as put-downs of women, not of victims.
  if (r.onlyFor !== undefined && !r.onlyFor.includes(tg.category)) return;
  // "send them back to custody", "they go back to the holding centre": a place, not exclusion.
  if (r.kind === 'implicit' && ctx.toDestination(u)) return;
  const kind = r.kind ?? 'derogatory';
  const base = kind === 'dehumanising' ? 0.88 : (r.severity ?? 2) <= 1 ? 0.55 : 0.78;
  const term = ctx.span(u).term;
  const what =
    kind === 'dehumanising'
      ? `dehumanising description '${term}'`
      : kind === 'implicit'
        ? `derogatory/exclusionary statement '${term}'`
        : `derogatory description '${term}'`;
  if (earlier) {
    // Less sure than a target in the same sentence; a negator back there ("don't talk to me about …")
    // belongs to its own sentence, so only this sentence's negation counts.
    ctx.groupHit(u, tg, base * 0.9, `${what} (group named in an earlier sentence)`, ctx.negatedBy(u));
    return;
  }
  ctx.groupHit(u, tg, base, what, ctx.negatedBy(u, tg, kind === 'implicit'));
}
