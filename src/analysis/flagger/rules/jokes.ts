/**
 * Jokes at a group's expense: a joke frame ("why did the …", "what do you call a …", "how many … does
 * it take") about a group with laughter in the message, or a disclaimer that announces what follows
 * ("I'm not racist but", "can't say it in the briefing but"). The joke's words seldom carry the
 * meaning, so the frame and the target do; counter-speech still lowers it like every other hit.
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_COMMA, TK_EMOJI, TK_END, TK_WORD, type Token } from '../normalise.js';
import type { RuleContext } from './context.js';
import { phraseAt as listAt, phrases } from './phrase-match.js';
import { has, type Target, type Unit } from './types.js';
import type { VictimState } from './victims.js';

const JOKES = phrases(LEXICON.jokeFrames.jokes);
const DISCLAIMERS = phrases(LEXICON.jokeFrames.disclaimers);
const FRAMES = LEXICON.jokeFrames as {
  subjectFrames?: string[];
  countTails?: string[];
  sarcasmOpeners?: string[];
  sarcasmTags?: string[];
  jobFrames?: string[];
  jobButts?: string[];
};
const SUBJECT_FRAMES = phrases(FRAMES.subjectFrames ?? []);
const COUNT_TAILS = phrases(FRAMES.countTails ?? []);
const HOW_MANY = ['how', 'many'];
const JOB_FRAMES = phrases(FRAMES.jobFrames ?? []);
const JOB_BUTTS = phrases(FRAMES.jobButts ?? []);
/** Roles that make a joke more than a joke about the job: someone hated, threatened, blamed or slurred. */
const NOT_JOB: ReadonlySet<string> = new Set([
  'slur',
  'hateVerb',
  'threat',
  'coded',
  'victimBlame',
  'victimContext',
  'case',
  'sexual',
]);
const OPENERS = phrases(FRAMES.sarcasmOpeners ?? []);
const SARCASM_TAGS = phrases(FRAMES.sarcasmTags ?? []);
/** "another Somali", "more Albanians", "Romanians again": one more of a kind the sender did not want. */
const REPEATS = new Set(['another', 'more', 'again', 'anotha', 'anuva'].map(squeeze));
/** Words after a tag that still leave it closing its clause ("just what we needed lads lol"). */
const TRAILERS = new Set(
  ['lol', 'lads', 'mate', 'innit', 'eh', 'really', 'then', 'tbh', 'honestly'].map(squeeze),
);
/** How far a repeat word may stand before its group ("another two Somali lads"). */
const REPEAT_GAP = 3;
/** Words between a frame and its subject ("why did the old …", "what do you call two …"). */
const SUBJECT_GAP = 3;
/** No unit: the frames are looked for in the whole message. */
const NOWHERE: Unit = { i: -1, j: -1, roles: [], via: 'exact', sent: -1, clause: 0 };

/** A 💀 in the message: after a joke frame it is "dying of laughter", the punchline's laugh. */
function skull(ctx: RuleContext): boolean {
  return ctx.tokens.some(
    (t) => t.kind === TK_EMOJI && ctx.text.slice(t.start, t.end).startsWith('\u{1F480}'),
  );
}

function phraseAt(ctx: RuleContext, s: number, ph: string[]): boolean {
  for (let k = 0; k < ph.length; k++) {
    const t = ctx.tokens[s + k];
    if (t === undefined || t.kind !== TK_WORD || t.key !== ph[k]) return false;
  }
  return true;
}

/**
 * The subject slot of a riddle frame: "why did the Sikh cross the road", "how many Asian lads does it
 * take", "what's the difference between X and …". A group word there is the butt of the joke even
 * when it would otherwise name no people (an adjective before "cross") or is a police descriptor
 * ("Asian"); "how many" needs a riddle tail ("does it take", "to change a lightbulb") in its sentence,
 * so "how many Asian males in custody lol" is a count.
 */
function frameSubject(ctx: RuleContext): Target | undefined {
  for (let s = 0; s < ctx.n; s++) {
    for (const ph of SUBJECT_FRAMES) {
      if (!phraseAt(ctx, s, ph)) continue;
      const from = s + ph.length;
      if (ph.length === 2 && ph[0] === HOW_MANY[0] && ph[1] === HOW_MANY[1]) {
        let tail = false;
        for (let k = from; k < ctx.n && ctx.sentOf[k] === ctx.sentOf[s] && !tail; k++)
          tail = COUNT_TAILS.some((t) => phraseAt(ctx, k, t));
        if (!tail) continue;
      }
      // After "why did the" the group is the subject of a verb ("why did the Sikh cross …"), so an
      // adjective reading ("Sikh cross") is wrong; after the other frames a group word must still name
      // people ("what do you call a Chinese takeaway …" is about food).
      const verbSlot = ph[0] === 'why';
      for (let k = from; k < Math.min(ctx.n, from + SUBJECT_GAP); k++) {
        if (!verbSlot) {
          const t = ctx.targetAt[k];
          if (t !== undefined && !t.pronoun && t.category !== 'victims_of_crime')
            return { ...t, weak: false };
          continue;
        }
        const v = ctx.unitAt[k];
        const id = v !== undefined ? has(v, 'identity') : undefined;
        if (v === undefined || id?.category === undefined || id.category === 'victims_of_crime') continue;
        const term = ctx.slice(v.i, v.j);
        return {
          i: v.i,
          j: v.j,
          category: id.category,
          group: id.group ?? term,
          weak: false,
          pronoun: false,
          term,
        };
      }
    }
  }
  return undefined;
}

/** Does the clause end at token e (end, punctuation, emoji, a new sentence, or trailer words)? */
function closes(ctx: RuleContext, e: number, sent: number): boolean {
  for (let k = e; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD || ctx.sentOf[k] !== sent) return true;
    if (!TRAILERS.has(t.key)) return false;
  }
  return true;
}

/** "another" within a few words before the group, or "again" just after it, in its sentence. */
function repeated(ctx: RuleContext, tg: Target): boolean {
  const sent = ctx.sentOf[tg.i];
  for (let k = tg.i - 1; k >= Math.max(0, tg.i - REPEAT_GAP) && ctx.sentOf[k] === sent; k--)
    if (ctx.tokens[k]!.kind === TK_WORD && REPEATS.has(ctx.tokens[k]!.key)) return true;
  for (let k = tg.j; k < Math.min(ctx.n, tg.j + 2) && ctx.sentOf[k] === sent; k++)
    if (ctx.tokens[k]!.kind === TK_WORD && ctx.tokens[k]!.key === 'again') return true;
  return false;
}

/** An "another / more" that no group follows within a few words ("another bigot", "more paperwork"). */
function otherRepeat(ctx: RuleContext): boolean {
  for (let k = 0; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD || t.key === 'again' || !REPEATS.has(t.key)) continue;
    let group = false;
    for (let q = k + 1; q <= Math.min(ctx.n - 1, k + REPEAT_GAP) && !group; q++)
      group = ctx.targetAt[q] !== undefined && !ctx.targetAt[q]!.pronoun;
    if (!group) return true;
  }
  return false;
}

/** A weak group word names people only before a person noun ("Asian lads", not "Asian food"). */
function people(ctx: RuleContext, tg: Target): boolean {
  if (!tg.weak) return true;
  const next = ctx.tokens[tg.j];
  return next !== undefined && next.kind === TK_WORD && ctx.lex.personNouns.has(next.key);
}

/**
 * Sarcastic praise: "great, another Somali on the custody list, just what we needed", "oh brilliant,
 * more travellers on the rec 🙄". The praise words read as warmth (and raise the bar for the model),
 * so the sarcasm has to be read as such: an opener that starts the message's first or the group's
 * sentence ("great, …"), or a tag that closes its clause ("… just what we needed"), said of a group
 * that "another / more / again" marks as one more of an unwanted kind; or the opener and the tag
 * together. "Great, another night shift, just what we needed" names no group and stays quiet.
 */
function sarcasticPraise(ctx: RuleContext): boolean {
  let opener: string | undefined;
  let tag: string | undefined;
  const openerSents = new Set<number>();
  const inFrame = new Set<number>();
  for (let k = 0; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    const sent = ctx.sentOf[k]!;
    if (k === ctx.sentStart[sent]) {
      const l = listAt(ctx, k, OPENERS);
      // The opener stands alone before a comma, a full stop or "another" ("great, another …",
      // "brilliant another …"), not as the first word of praise ("great job on the Somali interpreter").
      const next = l > 0 ? ctx.tokens[k + l] : undefined;
      if (
        l > 0 &&
        next !== undefined &&
        (next.kind === TK_COMMA || next.kind === TK_END || next.kind === TK_EMOJI || REPEATS.has(next.key))
      ) {
        opener ??= ctx.slice(k, k + l);
        for (let q = k; q < k + l; q++) inFrame.add(q);
        openerSents.add(sent);
        // "Great. Another …" opens the next sentence's complaint too.
        openerSents.add(sent + 1);
      }
    }
    // A tag that opens its sentence is the opener ("oh joy, more …"), not a second signal.
    const m = k === ctx.sentStart[sent] ? 0 : listAt(ctx, k, SARCASM_TAGS);
    if (m > 0 && closes(ctx, k + m, sent)) {
      tag ??= ctx.slice(k, k + m);
      for (let q = k; q < k + m; q++) inFrame.add(q);
    }
  }
  if (opener === undefined && tag === undefined) return false;
  // Praise outside the frame means it ("great, another Muslim officer joined, welcome brother").
  for (const u of ctx.units) if (!inFrame.has(u.i) && has(u, 'positive') !== undefined) return false;
  // "Oh great, another bigot in the replies telling us X are …, just what we needed": the one more is
  // someone else, and the sarcasm is at them, not at the group.
  const elsewhere = otherRepeat(ctx);
  for (const tg of ctx.targets) {
    if (tg.pronoun || tg.category === 'victims_of_crime' || !people(ctx, tg)) continue;
    const rep = repeated(ctx, tg);
    if (!rep && elsewhere) continue;
    const byOpener = opener !== undefined && openerSents.has(ctx.sentOf[tg.i]!);
    if (!((rep && (byOpener || tag !== undefined)) || (byOpener && tag !== undefined))) continue;
    if (ctx.hits.some((h) => h.flaggable && h.mitigated === undefined && h.category === tg.category))
      return true;
    const said = [opener, tag].filter((x) => x !== undefined).join(' … ');
    jokeHit(ctx, tg, `sarcastic praise ('${said}') of one more '${tg.term}'`);
    // The praise was not praise: the model's bar is not raised for it.
    ctx.positive = false;
    return true;
  }
  return false;
}

/** Is there a joke frame (a riddle or "… walks into a bar", "why do we let …") among these tokens? */
export function jokeShaped(tokens: readonly Token[]): boolean {
  const at = (s: number, ph: string[]): boolean =>
    ph.every((w, k) => tokens[s + k]?.kind === TK_WORD && tokens[s + k]!.key === w);
  for (let s = 0; s < tokens.length; s++) {
    if (tokens[s]!.kind !== TK_WORD) continue;
    if (JOKES.some((ph) => at(s, ph)) || JOB_FRAMES.some((ph) => at(s, ph))) return true;
  }
  return false;
}

/**
 * A joke about the job ("a cop walks into a bar …", "how do you stop a response officer moaning? …",
 * "why do we let Amy drive the area car? … 😂"): a joke frame with laughter, its butt an officer, a
 * rank, the shift or "we", and no group, slur, victim or hostile word anywhere in the message. The
 * model, trained on the same frames told about groups, reads the frame and the laugh as the offence;
 * it must be surer to flag such a message alone, as after counter-speech.
 */
function jobJoke(ctx: RuleContext, laugh: boolean): void {
  if (!laugh || ctx.targets.some((t) => !t.pronoun) || ctx.hits.some((h) => h.flaggable)) return;
  if (ctx.units.some((u) => u.roles.some((r) => NOT_JOB.has(r.type)))) return;
  // A put-down said of no one ("he can't park it") is the joke about a colleague; with a pronoun that
  // may stand for a group ("they can't park") it is not.
  if (ctx.targets.length > 0 && ctx.units.some((u) => has(u, 'derog') !== undefined)) return;
  let frame = false;
  let butt = false;
  for (let k = 0; k < ctx.n; k++) {
    if (ctx.tokens[k]!.kind !== TK_WORD) continue;
    if (listAt(ctx, k, JOKES) > 0 || listAt(ctx, k, JOB_FRAMES) > 0) frame = true;
    if (listAt(ctx, k, JOB_BUTTS) > 0) butt = true;
  }
  if (frame && butt) ctx.mitigated = true;
}

export function jokeRule(ctx: RuleContext, victims: VictimState): void {
  if (sarcasticPraise(ctx)) return;
  jobJoke(ctx, victims.hasLaughAnywhere || skull(ctx));
  const laugh = victims.hasLaughAnywhere || skull(ctx);
  const tg =
    ctx.targets.find((t) => !t.weak && !t.pronoun && t.category !== 'victims_of_crime') ??
    (laugh ? frameSubject(ctx) : undefined);
  if (tg === undefined) return;
  // Already explained by a stronger rule about the same group.
  if (ctx.hits.some((h) => h.flaggable && h.mitigated === undefined && h.category === tg.category)) return;
  const frame =
    ctx.phraseIn(DISCLAIMERS, 0, ctx.n, NOWHERE, false) ??
    (laugh ? ctx.phraseIn(JOKES, 0, ctx.n, NOWHERE, false) : undefined);
  if (frame === undefined) return;
  jokeHit(ctx, tg, `joke or disclaimer ('${frame}') at the expense of '${tg.term}'`);
}

/** A joke's hit on its target group: flaggable, at the joke rules' one score. */
function jokeHit(ctx: RuleContext, tg: Target, reason: string): void {
  ctx.push({
    category: tg.category,
    score: 0.66,
    start: ctx.tokens[tg.i]!.start,
    end: ctx.tokens[tg.j - 1]!.end,
    term: tg.term,
    reason,
    flaggable: true,
  });
}
