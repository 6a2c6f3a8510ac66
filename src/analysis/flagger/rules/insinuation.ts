/**
 * Knowing insinuation about a group (engine 2.5): no hostile word, only a tag that says "you know what
 * they are": "gay officers, what else 🙄", "Suspect's a Roma lad. Say no more", "always the Albanians
 * innit", "you know what Gypsies are like", "they're all on a list for a reason". The tag counts only
 * when a group is named in its sentence (or in the sentence before, when the tag's sentence is a
 * fragment), only where it closes its clause ("what else did the Polish lad say" asks something), and
 * never in a question or after a negator; the weaker tags ("of course", "again", "typical") also need
 * an eye-roll, a facepalm, a yawn or laughter. Counter-speech lowers the hit like every other (it runs
 * after this rule).
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_COMMA, TK_EMOJI, TK_END, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { phraseAt, phrases } from './phrase-match.js';
import { has, type Target } from './types.js';

const L = LEXICON.insinuation;
const TAGS = phrases(L.tags);
const CUED = phrases(L.cued);
const KNOWING = phrases(L.knowing);
const KNOWING_ENDS = phrases(L.knowingEnds);
const ALWAYS = phrases(L.always);
const REASON = phrases(L.reason);
const RHETORICAL = phrases(L.rhetorical);
/** Words that may follow a tag and still leave it closing its clause ("what else innit"). */
const TRAILERS = new Set(
  ['innit', 'init', 'lol', 'lolz', 'mate', 'eh', 'really', 'then', 'again', 'tbh', 'honestly', 'though'].map(
    squeeze,
  ),
);
/** Determiners allowed between "always" and the group ("always the Albanians"). */
const DETERMINERS = new Set(['the', 'those', 'these', 'them'].map(squeeze));
const GENERALISERS = new Set(['all', 'every', 'always', 'lot'].map(squeeze));
/** Eye-roll, facepalm, unamused, yawn, smirk: the sender's knowing look. */
const KNOWING_EMOJI = ['\u{1F644}', '\u{1F926}', '\u{1F612}', '\u{1F971}', '\u{1F60F}'];
const FRAGMENT_WORDS = 6;
const REPEATS = new Set(['again', 'another'].map(squeeze));
const ARTICLES = new Set(['a', 'an', 'the'].map(squeeze));
/** "it's" and "suspect's" lose their "'s" in normalisation: "oh it's X", "suspect's a X". */
const REVEALS = new Set(['it', 'its', 'suspect', 'suspects'].map(squeeze));
const COPULAS = new Set(['is', 'was'].map(squeeze));

/** A weaker tag is said of the group only next to it: at most one break ("X on the rota, typical"). */
function adjacent(ctx: RuleContext, tg: Target, s: number): boolean {
  let breaks = 0;
  for (let k = tg.j; k < s; k++) {
    const kind = ctx.tokens[k]!.kind;
    if (kind === TK_END || kind === TK_COMMA) breaks++;
  }
  return breaks <= 1;
}

/** Does the clause end at token e (end, punctuation, emoji, a new sentence, or a trailer word)? */
function closesClause(ctx: RuleContext, e: number, sent: number): boolean {
  for (let k = e; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD || ctx.sentOf[k] !== sent) return true;
    if (!TRAILERS.has(t.key)) return false;
  }
  return true;
}

/** A negator within three tokens before the tag ("not what else …", "no, say no more"). */
function negatedBefore(ctx: RuleContext, s: number): boolean {
  for (let k = s - 1; k >= Math.max(0, s - 3) && ctx.sentOf[k] === ctx.sentOf[s]; k--) {
    const v = ctx.unitAt[k];
    // "they all get stopped for a reason": a stop and search, not a negation.
    if (v !== undefined && has(v, 'negator') !== undefined && !ctx.tokens[v.i]!.key.startsWith('stop'))
      return true;
  }
  return false;
}

/** Words that make a group the patient of what others do ("Kurds who get stopped and searched"). */
const RELATIVES = new Set(['who', 'that'].map(squeeze));
const GET = new Set(['get', 'gets', 'got', 'getting'].map(squeeze));
const PASSIVE = new Set(['are', 'were', 'being', 'is', 'was'].map(squeeze));

function usable(tg: Target): boolean {
  return !tg.weak && tg.category !== 'victims_of_crime';
}

/** A group emoji that is itself the knowing look (🤦‍♀️ is a woman, but here it is the facepalm). */
function lookEmoji(ctx: RuleContext, tg: Target): boolean {
  const t = ctx.tokens[tg.i]!;
  return t.kind === TK_EMOJI && KNOWING_EMOJI.some((e) => ctx.text.startsWith(e, t.start));
}

/**
 * "it's always Kurds who get stopped and searched, every single time" complains of how the group is
 * treated: the group is the patient of a passive relative clause, and the tag is about the treatment.
 */
function patient(ctx: RuleContext, tg: Target): boolean {
  const sent = ctx.sentOf[tg.i];
  for (let k = tg.j; k < Math.min(ctx.n - 2, tg.j + 4) && ctx.sentOf[k] === sent; k++) {
    if (!RELATIVES.has(ctx.tokens[k]!.key)) continue;
    const b = ctx.tokens[k + 1]!;
    const c = ctx.tokens[k + 2]!;
    if (GET.has(b.key)) return true;
    return PASSIVE.has(b.key) && c.kind === TK_WORD && c.key.endsWith('ed');
  }
  return false;
}

/** A weak group word names people before a person noun ("female detectives", not "female"). */
function named(ctx: RuleContext, tg: Target): boolean {
  if (!tg.weak || tg.j - tg.i > 1) return true;
  const next = ctx.tokens[tg.j];
  return next !== undefined && next.kind === TK_WORD && ctx.lex.personNouns.has(next.key);
}

function tagTarget(ctx: RuleContext, tg: Target): boolean {
  return tg.category !== 'victims_of_crime' && named(ctx, tg) && !lookEmoji(ctx, tg) && !patient(ctx, tg);
}

/** The group a tag in [s, e) is said of: in its sentence, or before it when the tag's sentence is a fragment. */
function groupFor(ctx: RuleContext, s: number, e: number, allowPronoun: boolean): Target | undefined {
  const sent = ctx.sentOf[s]!;
  const start = ctx.sentStart[sent]!;
  let words = 0;
  let own: Target | undefined;
  for (let k = start; k < ctx.n && ctx.sentOf[k] === sent; k++) {
    const tg = ctx.targetAt[k];
    if (tg !== undefined && (k < s || k >= e) && tagTarget(ctx, tg) && (allowPronoun || !tg.pronoun))
      own ??= tg;
    if (ctx.tokens[k]!.kind === TK_WORD) words++;
  }
  if (own !== undefined || sent === 0 || words > FRAGMENT_WORDS) return own;
  for (let k = start - 1; k >= 0 && ctx.sentOf[k] === sent - 1; k--) {
    const tg = ctx.targetAt[k];
    if (tg !== undefined && tagTarget(ctx, tg) && !tg.pronoun) return tg;
  }
  return undefined;
}

/**
 * What makes a weaker tag knowing: a look (eye-roll, facepalm, laughter), a repetition elsewhere in
 * the message ("another X …", "… again"), or a reveal of who it was ("oh it's X. never mind then").
 */
function knowingCue(ctx: RuleContext, s: number, e: number, tg: Target): string | undefined {
  const look = knowingLook(ctx);
  if (look !== undefined) return look;
  for (let k = 0; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if ((k < s || k >= e) && t.kind === TK_WORD && REPEATS.has(t.key)) return ctx.slice(k, k + 1);
  }
  let k = tg.i - 1;
  if (k >= 0 && ARTICLES.has(ctx.tokens[k]!.key)) k--;
  if (k >= 0 && COPULAS.has(ctx.tokens[k]!.key)) k--;
  if (k >= 0 && REVEALS.has(ctx.tokens[k]!.key) && ctx.sentOf[tg.i] !== ctx.sentOf[s])
    return ctx.slice(k, tg.j);
  return undefined;
}

function knowingLook(ctx: RuleContext): string | undefined {
  for (const u of ctx.units) if (has(u, 'laugh') !== undefined) return ctx.slice(u.i, u.j);
  for (const t of ctx.tokens) {
    if (t.kind !== TK_EMOJI) continue;
    const raw = ctx.text.slice(t.start, t.end);
    if (KNOWING_EMOJI.some((e) => raw.startsWith(e))) return raw;
  }
  return undefined;
}

function hit(ctx: RuleContext, tg: Target, s: number, e: number, score: number, what: string): void {
  const a = Math.min(ctx.tokens[tg.i]!.start, ctx.tokens[s]!.start);
  const b = Math.max(ctx.tokens[tg.j - 1]!.end, ctx.tokens[e - 1]!.end);
  ctx.push({
    category: tg.category,
    score,
    start: a,
    end: b,
    term: ctx.text.slice(a, b),
    reason: `${what} about '${tg.term}'`,
    flaggable: true,
  });
}

/** "always the Albanians innit", "it's always Muslims, …": "always" opening its clause, then the group. */
function alwaysGroup(ctx: RuleContext, s: number, len: number): Target | undefined {
  if (s > ctx.clauseOf[s]! && !(s > 0 && ctx.tokens[s - 1]!.kind !== TK_WORD)) return undefined;
  let k = s + len;
  if (k < ctx.n && DETERMINERS.has(ctx.tokens[k]!.key)) k++;
  const tg = ctx.targetAt[k];
  if (tg === undefined || tg.i !== k || !usable(tg) || tg.pronoun) return undefined;
  return closesClause(ctx, tg.j, ctx.sentOf[s]!) ? tg : undefined;
}

/** "why is it always the Kurds", "since when do we let Gypsies …": the group straight after the opener. */
function rhetoricalGroup(ctx: RuleContext, s: number, len: number): Target | undefined {
  let k = s + len;
  if (k < ctx.n && DETERMINERS.has(ctx.tokens[k]!.key)) k++;
  const tg = ctx.targetAt[k];
  if (tg === undefined || tg.i !== k || tg.pronoun || !tagTarget(ctx, tg)) return undefined;
  return tg;
}

/** "you know what Gypsies are like": the group within two tokens, then "are like", closing the clause. */
function knowingGroup(ctx: RuleContext, s: number, len: number): { tg: Target; e: number } | undefined {
  for (let k = s + len; k < Math.min(ctx.n, s + len + 3); k++) {
    const tg = ctx.targetAt[k];
    if (tg === undefined || tg.i !== k || !usable(tg)) continue;
    const sent = ctx.sentOf[s]!;
    for (let q = tg.j; q < Math.min(ctx.n, tg.j + 2); q++) {
      const m = phraseAt(ctx, q, KNOWING_ENDS);
      if (m > 0 && closesClause(ctx, q + m, sent)) return { tg, e: q + m };
    }
    // "you know what they're like": the contraction carries the verb.
    if (tg.pronoun && tg.j < ctx.n && ctx.tokens[tg.j]!.key === 'like' && closesClause(ctx, tg.j + 1, sent))
      return { tg, e: tg.j + 1 };
    return undefined;
  }
  return undefined;
}

/** "… are all on a list for a reason": a reason hinted at, with the group generalised. */
function reasonGroup(ctx: RuleContext, s: number): Target | undefined {
  const sent = ctx.sentOf[s]!;
  let general = false;
  for (let k = ctx.sentStart[sent]!; k < ctx.n && ctx.sentOf[k] === sent; k++)
    if (GENERALISERS.has(ctx.tokens[k]!.key)) general = true;
  if (!general) return undefined;
  const tg = groupFor(ctx, s, s + 1, false);
  return tg !== undefined && ctx.sentOf[tg.i] === sent ? tg : undefined;
}

export function insinuationRule(ctx: RuleContext): void {
  if (!ctx.targets.some(usable)) return;
  // Praise closed by a tag is no insinuation: "the Sikh lads ran the charity drive, legends. enough said"
  // (a rhetorical question still is: "when did it become normal to let …").
  const praised = ctx.positive || ctx.units.some((v) => has(v, 'positive') !== undefined);
  for (let s = 0; s < ctx.n; s++) {
    const t = ctx.tokens[s]!;
    if (t.kind !== TK_WORD) continue;
    const sent = ctx.sentOf[s]!;
    let len = phraseAt(ctx, s, RHETORICAL);
    if (len > 0) {
      const tg = rhetoricalGroup(ctx, s, len);
      if (tg !== undefined) {
        hit(ctx, tg, s, tg.j, 0.7, `rhetorical question '${ctx.slice(s, s + len)}'`);
        return;
      }
    }
    if (praised || ctx.question[sent] === 1 || negatedBefore(ctx, s)) continue;
    len = phraseAt(ctx, s, TAGS);
    if (len > 0 && closesClause(ctx, s + len, sent)) {
      const tg = groupFor(ctx, s, s + len, true);
      if (tg !== undefined) {
        hit(ctx, tg, s, s + len, 0.7, `knowing tag '${ctx.slice(s, s + len)}'`);
        return;
      }
    }
    len = phraseAt(ctx, s, CUED);
    if (len > 0 && closesClause(ctx, s + len, sent)) {
      const tg = groupFor(ctx, s, s + len, false);
      const look = tg === undefined || !adjacent(ctx, tg, s) ? undefined : knowingCue(ctx, s, s + len, tg);
      if (tg !== undefined && look !== undefined) {
        hit(ctx, tg, s, s + len, 0.66, `knowing tag '${ctx.slice(s, s + len)}' with '${look}'`);
        return;
      }
    }
    len = phraseAt(ctx, s, ALWAYS);
    if (len > 0) {
      const tg = alwaysGroup(ctx, s, len);
      if (tg !== undefined) {
        hit(ctx, tg, s, tg.j, 0.7, `'${ctx.slice(s, s + len)} <group>' as a knowing generalisation`);
        return;
      }
    }
    len = phraseAt(ctx, s, KNOWING);
    if (len > 0) {
      const k = knowingGroup(ctx, s, len);
      if (k !== undefined) {
        hit(ctx, k.tg, s, k.e, 0.7, `'${ctx.slice(s, k.e)}': what a group is said to be like`);
        return;
      }
    }
    len = phraseAt(ctx, s, REASON);
    if (len > 0) {
      const tg = reasonGroup(ctx, s);
      if (tg !== undefined) {
        hit(ctx, tg, s, s + len, 0.66, `a reason hinted at ('${ctx.slice(s, s + len)}')`);
        return;
      }
    }
  }
}
