/**
 * Counter-speech: does the message condemn, report or quote the hate it contains? It must be about the
 * hate: a strong framing ("if you think…", "the word…", "suspect says") or a condemning word
 * ("racist", "out of order") that is not dismissed. Institutional cue words ("PSD", "report", "HR",
 * "wrong") only support one of those; on their own they never lower a score (a chat that mentions a
 * report for an RTC is not counter-speech; issue 14).
 *
 * This module decides for the whole message (`counterSpeechRule`) and lowers the hits inside one judged
 * statement; the forms of counter-speech are read by the modules in `counter-speech/`:
 *   - `quotations.ts`: the act of saying judged, a quoted word reported, a quotation judged or unwanted;
 *   - `holders.ts`: a view framed and its holder judged ("if you think … you should not be in this job"),
 *     and `scornedPraise`, the same frame around a good view of a group;
 *   - `beliefs.ts`: a reported belief rejected, a named idea judged, a saying rebuked;
 *   - `denied.ts`: a clause denied ("nobody gets to decide that …");
 *   - `court-reports.ts`: what a court or the police did to whoever said it;
 *   - `emoji-reactions.ts`: anger or disapproval by emoji at hate framed as someone else's words;
 *   - `match.ts`: the phrase matcher and list helpers they share.
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_END, TK_QUOTE, TK_WORD, type Token } from '../normalise.js';
import type { RuleContext } from './context.js';
import { judgedIdea, rebukedSaying, rejectedBelief } from './counter-speech/beliefs.js';
import { endorsed, punishedSaying } from './counter-speech/court-reports.js';
import { deniedClause } from './counter-speech/denied.js';
import { emojiReactions } from './counter-speech/emoji-reactions.js';
import { judgedHolder } from './counter-speech/holders.js';
import { quotePairs } from './counter-speech/match.js';
import { judgedAfter, judgedSaying, reportedQuote, unwantedBefore } from './counter-speech/quotations.js';
import { has, type Unit } from './types.js';

export { scornedPraise } from './counter-speech/holders.js';

const DISMISS_CONDEMN: string[][] = LEXICON.dismissCondemn.map((p) => p.split(' ').map(squeeze));

/** A condemning word that the words before it dismiss ("don't care if PSD …", "sod HR"). */
function dismissed(tokens: readonly Token[], u: Unit): boolean {
  const lo = Math.max(0, u.i - 6);
  for (const phrase of DISMISS_CONDEMN) {
    for (let s = u.i - phrase.length; s >= lo; s--) {
      let ok = true;
      for (let k = 0; k < phrase.length; k++) {
        const t = tokens[s + k]!;
        if (t.kind === TK_END || t.key !== phrase[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
  }
  return false;
}

/** "sent the wrong invoice", "a wrong turn": "wrong" before a noun picks a thing, it condemns nothing. */
function wrongThing(ctx: RuleContext, u: Unit): boolean {
  if (u.j !== u.i + 1 || ctx.tokens[u.i]!.key !== 'wrong') return false;
  const prev = ctx.tokens[u.i - 1];
  const next = ctx.tokens[u.j];
  return (
    prev?.kind === TK_WORD &&
    (prev.key === 'the' || prev.key === 'a') &&
    next?.kind === TK_WORD &&
    ctx.unitAt[u.j] === undefined
  );
}

function counterSpeech(ctx: RuleContext): { reason: string; factor: number } | undefined {
  const live = ctx.hits.filter((h) => h.flaggable && h.mitigated === undefined);
  const holder = judgedHolder(ctx);
  // Every hit starts in the view. A hit that reaches into the judgement ("have no place" read as aimed
  // at the group) is about the holder, so it is lowered too; a good view of the group judged this way
  // is then hate (`scornedPraise`).
  if (holder !== undefined && live.every((h) => h.start >= holder.from && h.start < holder.to)) {
    return {
      reason: `counter-speech: whoever holds the view is judged ('${holder.frame} … ${holder.judgement}')`,
      factor: 0.3,
    };
  }
  const reported = reportedQuote(ctx, live);
  if (reported !== undefined) {
    return { reason: `quoted and reported by the sender ('${reported}')`, factor: 0.4 };
  }
  const judged = judgedSaying(ctx);
  if (judged !== undefined) {
    return { reason: `counter-speech: the message condemns what was said ('${judged}')`, factor: 0.3 };
  }
  let condemn: string | undefined;
  let weak: string | undefined;
  let report: string | undefined;
  let strong: string | undefined;
  for (const u of ctx.units) {
    if (ctx.predicateUnits.has(u)) continue;
    const c = has(u, 'condemn');
    if (c !== undefined && !dismissed(ctx.tokens, u) && !wrongThing(ctx, u)) {
      if (c.kind === 'weak') weak ??= ctx.span(u).term;
      else condemn ??= ctx.span(u).term;
    }
    const r = has(u, 'report');
    if (r !== undefined) {
      report ??= ctx.span(u).term;
      if (r.kind === 'strong') strong ??= ctx.span(u).term;
    }
  }
  let quotes = 0;
  for (const t of ctx.tokens) if (t.kind === TK_QUOTE) quotes++;
  // "caller says …. Can't blame him, …": the sender sides with what was said, so it is theirs too.
  if (strong !== undefined && !endorsed(ctx, 0)) {
    return {
      reason: `counter-speech or mention: '${strong}' frames it as something said, not said by the sender`,
      factor: condemn !== undefined || weak !== undefined ? 0.3 : 0.45,
    };
  }
  if (condemn !== undefined && !endorsed(ctx, 0)) {
    return { reason: `counter-speech: the message condemns it ('${condemn}')`, factor: 0.3 };
  }
  if (report !== undefined && quotes >= 2) {
    return {
      reason: `quoted/reported speech ('${report}' with quotation)`,
      factor: weak !== undefined ? 0.4 : 0.55,
    };
  }
  return undefined;
}

const HOSTILE_ROLES = ['derog', 'hateVerb', 'threat', 'slur'] as const;
const MAX_QUOTES = 64;

/** `within`: only hits that also end inside the span (a report's later sentences may be the sender's own). */
function lowerBetween(ctx: RuleContext, from: number, to: number, reason: string, within = false): void {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to]!.end;
  // The hostile words are inside what is rejected: the model alone must not flag the message either
  // (even where no rule found the group the words are aimed at).
  for (let k = from; k < to; k++) {
    const v = ctx.unitAt[k];
    if (v !== undefined && HOSTILE_ROLES.some((r) => has(v, r) !== undefined)) ctx.mitigated = true;
  }
  for (const h of ctx.hits) {
    if (!h.flaggable || h.mitigated !== undefined || h.start < start || h.start >= end) continue;
    if (within && h.end > end) continue;
    h.score *= 0.3;
    h.mitigated = reason;
    h.reason = `${h.reason}; ${reason}`;
    ctx.mitigated = true;
  }
}

/**
 * Counter-speech aimed at one quoted or reported statement: a quotation judged after it ("is not an
 * opinion, it's hate") or unwanted before it ("nobody needs \"…\""), and a reported belief the sentence
 * rejects ("…, which is total rubbish"). Only the hits inside that statement are lowered.
 */
function quotedOrRejected(ctx: RuleContext): void {
  // Each judged quotation walks the hit list: a bounded number keeps huge messages linear.
  for (const [open, close] of quotePairs(ctx).slice(0, MAX_QUOTES)) {
    const after = judgedAfter(ctx, close);
    const before = after === undefined ? unwantedBefore(ctx, open) : undefined;
    const why = after ?? before;
    if (why !== undefined)
      lowerBetween(ctx, open, close, `counter-speech: the quotation is judged ('${why}')`);
  }
  const punished = punishedSaying(ctx);
  // A court report: what was said is the offence, whether or not a listed word names it ("put a brick
  // through their window"), so the model alone must not flag it on its likeness to threats either.
  if (punished !== undefined && punished.local !== true) ctx.mitigated = true;
  const rej = rejectedBelief(ctx) ?? judgedIdea(ctx) ?? rebukedSaying(ctx);
  if (rej !== undefined)
    lowerBetween(ctx, rej.from, rej.to, `counter-speech: a reported belief rejected ('${rej.why}')`);
  else if (punished !== undefined)
    lowerBetween(
      ctx,
      punished.from,
      punished.to,
      `mention: a court report of what was said ('${punished.why}')`,
      true,
    );
  for (const r of emojiReactions(ctx))
    lowerBetween(
      ctx,
      r.from,
      r.to,
      `counter-speech: the sender reacts to what was said with '${r.why}'`,
      true,
    );
  const denied = deniedClause(ctx);
  if (denied !== undefined)
    lowerBetween(ctx, denied.from, denied.to, `counter-speech: the view is denied ('${denied.why}')`);
}

/** Lowers every unmitigated flaggable hit when the message is counter-speech. */
export function counterSpeechRule(ctx: RuleContext): void {
  quotedOrRejected(ctx);
  const flaggableHits = ctx.hits.filter((h) => h.flaggable && h.mitigated === undefined);
  if (flaggableHits.length === 0) return;
  const why = counterSpeech(ctx);
  if (why === undefined) return;
  for (const h of flaggableHits) {
    h.score *= why.factor;
    h.mitigated = why.reason;
    h.reason = `${h.reason}; ${why.reason}`;
  }
  ctx.mitigated = true;
}
