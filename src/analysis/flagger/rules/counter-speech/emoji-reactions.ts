/**
 * Counter-speech by emoji: the sender's anger or disapproval (😡 🤬 👎 🚫 🙄 …) at hate that someone
 * else said. The emoji alone proves nothing ("gay officers are an embarrassment 😡" is the sender's
 * own anger at the group), so it counts only with a frame that makes the hate another's words:
 *   - a quotation with the reaction just before or after it ('"gays are 🤮" seriously? 👎👎');
 *   - a verb of saying by someone other than the sender ("people calling Muslims 🐷 online 🤬",
 *     "whoever said … needs sacking 🤬", "😡 some idiot in the group saying …"), or a group seen
 *     being called something ("sick of seeing X called 🤡 on here 😡");
 *   - the act judged when it opens the sentence ("hating gay people is pathetic 🙄👎");
 *   - a question about who wrote it after the hate ("… 🤬 who posted this").
 * An endorsement after the statement ("… and they're right 😡") or laughter in the reaction keeps it
 * the sender's view. Each returns the span of what was said, reaction included.
 */

import { TK_COMMA, TK_EMOJI, TK_END, TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { keys, phraseAt, phrases, quotePairs, type Statement } from './match.js';

/**
 * Anger, thumbs down, prohibition, a cross, facepalm; disgust only as a reaction to a frame. Not the eye
 * roll: it dismisses a victim as often as a bigot ("someone called her …. welcome to the real world 🙄").
 */
const DISAPPROVE = [
  '\u{1F621}', // 😡
  '\u{1F92C}', // 🤬
  '\u{1F620}', // 😠
  '\u{1F47F}', // 👿
  '\u{1F44E}', // 👎
  '\u{1F6AB}', // 🚫
  '\u26D4', // ⛔
  '\u274C', // ❌
  '\u2716', // ✖
  '\u{1F926}', // 🤦
  '\u{1F92E}', // 🤮
  '\u{1F922}', // 🤢
];

/**
 * Verbs by which someone else's words are reported ("calling", "said", "posted", "chanting"); not the
 * bare forms that are nouns as often ("another post about …", "the GBH call"); what was said must name a group ("say no more 🤮" does not).
 */
const SAY_VERBS = keys([
  'say',
  'says',
  'saying',
  'said',
  'calling',
  'called',
  'posting',
  'posted',
  'wrote',
  'writing',
  'writes',
  'tweeted',
  'tweeting',
  'chanting',
  'chanted',
  'shouting',
  'shouted',
  'screaming',
  'spouting',
  'comparing',
]);
/** The act itself, judged when it opens the sentence ("hating X is pathetic 👎"). */
const ACT_VERBS = keys(['hating', 'mocking', 'slagging', 'abusing', 'bashing']);
/** The sender as the speaker ("I said …", "we call them …"): their own words, not a report. */
const FIRST_PERSON = keys(['i', 'we', 'im', 'ive', 'id', 'ill', 'me', 'us', 'myself', 'just']);
/** Seeing or hearing a group being called something ("sick of seeing X called …"). */
const PERCEIVE = keys(['seeing', 'hearing', 'reading', 'watching', 'see', 'hear', 'read', 'saw', 'heard']);
/** Agreement after the statement: the sender holds the view. */
const ENDORSE = keys(['right', 'true', 'fact', 'facts', 'agree', 'spot', 'correct', 'truth', 'exactly']);
/** "who posted this", "who wrote that": the sender asks who is behind the hate above. */
const WHO_WROTE = phrases([
  'who posted this',
  'who posted that',
  'who wrote this',
  'who wrote that',
  'who said this',
  'who said that',
  'who sent this',
  'who sent that',
  'who put this',
  'who put that',
]);

/** Whether emoji token `k` is a sign of disapproval. */
function disapproves(ctx: RuleContext, k: number): boolean {
  const t = ctx.tokens[k];
  if (t === undefined || t.kind !== TK_EMOJI) return false;
  const raw = ctx.text.slice(t.start, t.end);
  return DISAPPROVE.some((e) => raw.startsWith(e));
}

/** The run of emoji around token k: [first, last]. */
function emojiRun(ctx: RuleContext, k: number): [number, number] {
  let a = k;
  let b = k;
  while (a > 0 && ctx.tokens[a - 1]!.kind === TK_EMOJI) a--;
  while (b + 1 < ctx.n && ctx.tokens[b + 1]!.kind === TK_EMOJI) b++;
  return [a, b];
}

/** A run of emoji that disapproves and does not laugh (😂😡 mocks as much as it condemns). */
function reactionRun(ctx: RuleContext, k: number): [number, number] | undefined {
  if (!disapproves(ctx, k)) return undefined;
  const [a, b] = emojiRun(ctx, k);
  for (let q = a; q <= b; q++) if (ctx.tokens[q]!.emoji?.role === 'laugh') return undefined;
  return [a, b];
}

function endorsedBetween(ctx: RuleContext, from: number, to: number): boolean {
  for (let k = from; k <= to && k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && ENDORSE.has(t.key)) return true;
  }
  return false;
}

/** Whether a group or a pronoun for one is named in tokens [from, to) of `from`'s sentence. */
function namesGroup(ctx: RuleContext, from: number, to: number): boolean {
  for (let q = from; q < to && q < ctx.n && ctx.sentOf[q] === ctx.sentOf[from]; q++)
    if (ctx.targetAt[q] !== undefined) return true;
  return false;
}

/** The first disapproving emoji run at or after `from`, in its sentence or up to `sentences` on. */
function reactionAfter(
  ctx: RuleContext,
  from: number,
  maxTokens = 14,
  sentences = 1,
): [number, number] | undefined {
  if (from >= ctx.n) return undefined;
  const sent = ctx.sentOf[from]!;
  for (let k = from; k < ctx.n && k - from <= maxTokens && ctx.sentOf[k]! <= sent + sentences; k++) {
    const r = reactionRun(ctx, k);
    if (r !== undefined) return endorsedBetween(ctx, from, r[0]) ? undefined : r;
  }
  return undefined;
}

/** A disapproving emoji run before token `k` in its sentence ("😡😡 some idiot in the group saying …"). */
function reactionBefore(ctx: RuleContext, k: number): [number, number] | undefined {
  const start = ctx.sentStart[ctx.sentOf[k]!]!;
  for (let q = k - 1; q >= start; q--) {
    const r = reactionRun(ctx, q);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** A clause after a comma that names a group of its own: the sender speaking again ("…, X are …"). */
function newClauseWithGroup(ctx: RuleContext, from: number, to: number): boolean {
  let comma = false;
  for (let q = from; q < to; q++) {
    if (ctx.tokens[q]!.kind === TK_COMMA) comma = true;
    else if (comma && ctx.targetAt[q] !== undefined) return true;
  }
  return false;
}

/** '"gays are 🤮" seriously? 👎👎': a quotation with the reaction within a few tokens either side. */
function reactedQuote(ctx: RuleContext): Statement | undefined {
  for (const [open, close] of quotePairs(ctx)) {
    if (close - open < 2) continue;
    const after = reactionAfter(ctx, close + 1, 4);
    if (after !== undefined) return { from: open, to: after[1], why: ctx.slice(after[0], after[1] + 1) };
    for (let q = open - 1; q >= Math.max(0, open - 3); q--) {
      const r = reactionRun(ctx, q);
      if (r !== undefined) return { from: open, to: close, why: ctx.slice(r[0], r[1] + 1) };
    }
  }
  return undefined;
}

/** Whether the verb at k is the sender's own ("I said", "we call them"). */
function firstPerson(ctx: RuleContext, k: number): boolean {
  for (let q = k - 1; q >= Math.max(0, k - 2); q--) {
    const t = ctx.tokens[q]!;
    if (t.kind !== TK_WORD) return false;
    if (FIRST_PERSON.has(t.key)) return true;
  }
  return false;
}

/** Where the reported statement starts: at the verb, or further back after "seeing"/"hearing". */
function statementStart(ctx: RuleContext, k: number): number {
  const start = ctx.sentStart[ctx.sentOf[k]!]!;
  for (let q = k - 1; q >= Math.max(start, k - 6); q--) {
    const t = ctx.tokens[q]!;
    if (t.kind === TK_WORD && PERCEIVE.has(t.key)) return start;
  }
  return k;
}

/** A verb of saying (or the act, opening its sentence) with a reaction before or after it. */
function reactedSaying(ctx: RuleContext): Statement | undefined {
  for (let k = 0; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    const say = SAY_VERBS.has(t.key);
    const act = !say && ACT_VERBS.has(t.key) && ctx.sentStart[ctx.sentOf[k]!] === k;
    if ((!say && !act) || firstPerson(ctx, k)) continue;
    const after = reactionAfter(ctx, k + 1, 14, 0);
    if (
      after !== undefined &&
      !newClauseWithGroup(ctx, k + 1, after[0]) &&
      namesGroup(ctx, statementStart(ctx, k), after[0])
    ) {
      // What follows the reaction in its sentence judges the saying ("… 🤬🤬 it is vile"), unless a
      // new sentence begins.
      let to = after[1];
      let end = after[1];
      while (
        end + 1 < ctx.n &&
        ctx.sentOf[end + 1] === ctx.sentOf[after[1]] &&
        ctx.tokens[end + 1]!.kind !== TK_END
      )
        end++;
      // A group or pronoun after the reaction ("🤬 send them all back") is the sender's own aim.
      let named = false;
      for (let q = after[1] + 1; q <= end; q++) if (ctx.targetAt[q] !== undefined) named = true;
      if (!named) to = end;
      return { from: statementStart(ctx, k), to, why: ctx.slice(after[0], after[1] + 1) };
    }
    const before = say ? reactionBefore(ctx, k) : undefined;
    if (before !== undefined && namesGroup(ctx, k + 1, ctx.n)) {
      let to = k;
      while (to + 1 < ctx.n && ctx.sentOf[to + 1] === ctx.sentOf[k]) to++;
      // The speaker between the reaction and the verb ("😡 some idiot … saying") is reported too.
      const from = Math.max(before[0], ctx.sentStart[ctx.sentOf[k]!]!);
      return { from, to, why: ctx.slice(before[0], before[1] + 1) };
    }
  }
  return undefined;
}

/** "gays are vermin?? 🤬 who posted this": everything before the question, with a reaction. */
function whoWroteIt(ctx: RuleContext): Statement | undefined {
  for (let k = 1; k < ctx.n; k++) {
    const len = phraseAt(ctx, k, WHO_WROTE);
    if (len === 0) continue;
    for (let q = k - 1; q >= Math.max(0, k - 3); q--) {
      const r = reactionRun(ctx, q);
      if (r !== undefined)
        return { from: 0, to: k + len - 1, why: `${ctx.slice(r[0], r[1] + 1)} ${ctx.slice(k, k + len)}` };
    }
  }
  return undefined;
}

/** Statements the sender reacts to with disapproval, in the order the forms are tried. */
export function emojiReactions(ctx: RuleContext): Statement[] {
  const out: Statement[] = [];
  let any = false;
  for (let k = 0; k < ctx.n && !any; k++) any = disapproves(ctx, k);
  if (!any) return out;
  for (const f of [reactedQuote, reactedSaying, whoWroteIt]) {
    const s = f(ctx);
    if (s !== undefined) out.push(s);
  }
  return out;
}
