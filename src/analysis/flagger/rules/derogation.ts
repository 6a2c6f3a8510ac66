/**
 * Targeted derogation and dehumanisation: a listed description ("vermin", "scum", "should be
 * deported", 🐀) counts when a target is in the same sentence, lowered when negated in its clause.
 */

import type { Role } from '../lexicon.js';
import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { emojiStandIn } from './emoji-standin.js';
import { THREAT_CUES } from './threats.js';
import { has, type Target, type Unit } from './types.js';

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

/** Challenges to find one exception ("is there a single …", "never met a …"). */
const CHALLENGES: string[][] = [
  'is there',
  'is there a single',
  'are there any',
  'name',
  'name one',
  'name a single',
  'show me',
  'find me',
  'never met',
  'never meet',
  'yet to meet',
  'never seen',
  'never known',
  'ever met',
  'know any',
].map((p) => p.split(' ').map(squeeze));
const RELATIVES = new Set(['who', 'that', 'whos', 'which'].map(squeeze));

/**
 * "Is there a single Romanian who is not a thief?", "never met an Albanian who wasn't dealing": the
 * negation sits in a relative clause of a challenge to find one exception, so the description is said
 * of the whole group. "The Romanian who was not a thief gave the wallet back" has no challenge.
 */
function universalChallenge(ctx: RuleContext, u: Unit, tg: Target): boolean {
  if (tg.pronoun || tg.j > u.i) return false;
  let rel = -1;
  for (let k = tg.j; k < Math.min(u.i, tg.j + 6); k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && RELATIVES.has(t.key)) {
      rel = k;
      break;
    }
  }
  if (rel < 0) return false;
  let negated = false;
  for (let k = rel + 1; k < u.i; k++) {
    const v = ctx.unitAt[k];
    if (v !== undefined && has(v, 'negator') !== undefined) negated = true;
  }
  if (!negated) return false;
  // The challenge opens the phrase that names the group ("is there a single Somali in this town …").
  const start = Math.max(ctx.sentStart[u.sent]!, tg.i - 6);
  return ctx.phraseIn(CHALLENGES, start, tg.i, u, true) !== undefined;
}

const TELL_TERMS = new Set(
  [
    'you can always tell a',
    'you can always tell an',
    'can always tell a',
    'can always tell an',
    'you can always spot a',
    'can always spot a',
    'you can always spot an',
  ].map((t) => t.split(' ').map(squeeze).join(' ')),
);
const INFORM = new Set(['about', 'to', 'that', 'when', 'if', 'what', 'where', 'how'].map(squeeze));

/**
 * "you can always tell a Muslim colleague about it": telling someone something, not spotting them;
 * also when the group word is not the one told or spotted.
 */
function tellsSomething(ctx: RuleContext, u: Unit, r: Role, tg: Target): boolean {
  if (!TELL_TERMS.has(r.term.split(' ').map(squeeze).join(' '))) return false;
  // The person told or spotted follows at once ("… tell a Jew"); "spot a Jewish holiday by the
  // synagogue car park" spots a day.
  if (tg.i !== u.j) return true;
  for (let k = tg.j; k < Math.min(ctx.n, tg.j + 3) && ctx.sentOf[k] === u.sent; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && INFORM.has(t.key)) return true;
  }
  return false;
}

export function derogationRule(ctx: RuleContext, u: Unit, r: Role): void {
  const emoji = u.via === 'emoji';
  const near = ctx.nearestTarget(u, emoji ? EMOJI_WINDOW : WORD_WINDOW, (r.severity ?? 2) >= 3);
  const tg = near ?? ctx.earlierTarget(u);
  if (tg === undefined) {
    // "🐒🐒 all over the estate again": the emoji is the group as well as the description.
    if (emoji) emojiStandIn(ctx, u);
    return;
  }
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
  if (tellsSomething(ctx, u, r, tg)) return;
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
  const neg = universalChallenge(ctx, u, tg) ? undefined : ctx.negatedBy(u, tg, kind === 'implicit');
  ctx.groupHit(u, tg, base, what, neg);
}
