/**
 * Counter-speech, the sender's reaction to what others say (engine 2.5, second round): a misspelt
 * "stop saying" ("stpo saying …"), weariness at hearing it ("sick of hearing people say …"), hating a
 * group called fruitless ("nothing good has come from hating …"), a quotation met with disbelief
 * ('"…" imagine typing this'), and a post reported ("report the accounts saying …", "charged after
 * posting that …"). Each returns the span of what was said.
 */

import { squeeze, TK_COMMA, TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { keys, oneSlip, phraseAt, phrases, type Statement } from './match.js';

/** Verbs of saying, as written or with one letter slipped ("sayng", "cll" is too short to guess). */
const SAY_VERBS = ['say', 'says', 'saying', 'call', 'calling', 'calls', 'post', 'posting', 'tweeting'].map(
  squeeze,
);
const SAY_KEYS = keys(SAY_VERBS);

function sayWord(ctx: RuleContext, k: number): boolean {
  const t = ctx.tokens[k];
  if (t === undefined || t.kind !== TK_WORD) return false;
  return SAY_KEYS.has(t.key) || SAY_VERBS.some((w) => oneSlip(t.key, w));
}

/** The last token of `from`'s sentence, at most `reach` tokens on (a `Statement` ends on a token). */
function restOfSentence(ctx: RuleContext, from: number, reach = 30): number {
  let to = from;
  while (to + 1 < ctx.n && to + 1 - from < reach && ctx.sentOf[to + 1] === ctx.sentOf[from]) to++;
  return to;
}

/**
 * "stpo saying refugees are …", "Sotp calling people …": "stop" typed with one letter slipped (the
 * listed condemnation "stop saying" is matched as written), opening its sentence, then a verb of saying.
 */
function slippedStop(ctx: RuleContext): Statement | undefined {
  for (let k = 0; k + 1 < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD || !(t.key === 'stop' || oneSlip(t.key, 'stop'))) continue;
    if (ctx.sentStart[ctx.sentOf[k]!] !== k || !sayWord(ctx, k + 1)) continue;
    // To the clause's end: "stop calling them people, they're …" rejects nothing after the comma.
    let to = k + 2;
    while (to + 1 < ctx.n && ctx.sentOf[to + 1] === ctx.sentOf[k] && ctx.tokens[to + 1]!.kind !== TK_COMMA)
      to++;
    return { from: k + 2, to, why: ctx.slice(k, k + 2) };
  }
  return undefined;
}

/** Weariness at hearing it said: "sick of hearing people say …", "tired of people calling …". */
const WEARY = phrases([
  'sick of hearing',
  'sick to death of hearing',
  'tired of hearing',
  'fed up of hearing',
  'fed up with hearing',
  'sick of',
  'tired of',
  'fed up of',
  'fed up with',
]);
/** Who says it (a generic speaker, not a group: "sick of hearing Muslims say …" is about Muslims). */
const SAYERS = keys([
  'people',
  'folk',
  'folks',
  'blokes',
  'everyone',
  'everybody',
  'them',
  'him',
  'her',
  'idiots',
]);

function wearySaying(ctx: RuleContext): Statement | undefined {
  for (let k = 0; k < ctx.n; k++) {
    const fl = phraseAt(ctx, k, WEARY);
    if (fl === 0) continue;
    let q = k + fl;
    // "sick of hearing people say", "sick of people saying": a generic speaker, then the verb.
    if (ctx.tokens[q]?.kind === TK_WORD && SAYERS.has(ctx.tokens[q]!.key)) q++;
    if (q === k + fl || !sayWord(ctx, q) || ctx.sentOf[q] !== ctx.sentOf[k]) continue;
    // From the frame: "sick of" is itself read as disgust aimed at the group that follows.
    return { from: k, to: restOfSentence(ctx, q + 1), why: ctx.slice(k, q + 1) };
  }
  return undefined;
}

/** "nothing good has ever come from hating …", "no good comes of blaming …": the act called fruitless. */
const GOOD_NONE = keys(['nothing', 'no']);
const GOOD = squeeze('good');
const COME = keys(['come', 'comes', 'came', 'coming']);
const FROM = keys(['from', 'of', 'out']);

function fruitlessHate(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  for (let k = 0; k + 3 < ctx.n; k++) {
    if (!GOOD_NONE.has(tokens[k]!.key) || tokens[k + 1]!.key !== GOOD) continue;
    for (let q = k + 2; q < Math.min(ctx.n, k + 6) && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
      if (!COME.has(tokens[q]!.key) || !FROM.has(tokens[q + 1]?.key ?? '')) continue;
      // A gerund next ("from hating", "of calling"): an act, not a group ("no good came of the Poles").
      const g = tokens[q + 2];
      if (g === undefined || g.kind !== TK_WORD || !g.key.endsWith('ing')) break;
      let to = q + 2;
      while (to + 1 < ctx.n && ctx.sentOf[to + 1] === ctx.sentOf[k] && tokens[to + 1]!.kind !== TK_COMMA)
        to++;
      // From "nothing" / "no": "no good" is itself read as a description of the group.
      return { from: k, to, why: ctx.slice(k, q + 2) };
    }
  }
  return undefined;
}

/** The sender's reaction to what others say: the first that fits. */
export function reactedSaying(ctx: RuleContext): Statement | undefined {
  return slippedStop(ctx) ?? wearySaying(ctx) ?? fruitlessHate(ctx);
}

/** Disbelief after a quotation ('"…" imagine typing this', '"…" in a work chat. wow'). */
const DISBELIEF = keys([
  'wow',
  'yikes',
  'unreal',
  'unbelievable',
  'jesus',
  'jeez',
  'wtf',
  'smh',
  'grim',
  'shocking',
]);
const IMAGINE = keys(['imagine', 'imagining']);
const IMAGINED_ACT = keys([
  'typing',
  'posting',
  'saying',
  'writing',
  'tweeting',
  'sending',
  'thinking',
  'believing',
]);

/** Disbelief in the words after a quotation (keys, the first few), or undefined. */
export function disbeliefAfter(w: readonly string[]): string | undefined {
  for (let i = 0; i < Math.min(w.length, 8); i++) {
    if (DISBELIEF.has(w[i]!)) return w[i];
    if (IMAGINE.has(w[i]!) && IMAGINED_ACT.has(w[i + 1] ?? '')) return `${w[i]} ${w[i + 1]}`;
  }
  return undefined;
}

/** A written thing that says it ("the tweet saying …", "accounts calling …"). */
const WRITTEN = keys([
  'tweet',
  'tweets',
  'post',
  'posts',
  'message',
  'messages',
  'comment',
  'comments',
  'account',
  'accounts',
  'video',
  'videos',
  'graffiti',
  'leaflet',
  'leaflets',
  'sticker',
  'stickers',
  'banner',
  'sign',
  'placard',
]);
const WRITTEN_SAYS = keys(['saying', 'calling', 'claiming', 'telling', 'that', 'which']);
const SAID = squeeze('said');
/** What is done about it ("report …", "passed to the online hate team", "logged"). */
const ACTED = keys([
  'report',
  'reported',
  'reporting',
  'passed',
  'referred',
  'forwarded',
  'logged',
  'flagged',
  'investigating',
  'investigated',
  'removed',
  'psd',
]);
/** Punished for it, the punishment first ("charged after posting that …", "arrested for shouting"). */
const PUNISHED_FIRST = keys([
  'charged',
  'arrested',
  'jailed',
  'convicted',
  'cautioned',
  'fined',
  'sentenced',
]);
const PUNISHED_FOR = keys(['after', 'for', 'over']);
const PUNISHED_ACT = keys([
  'posting',
  'saying',
  'shouting',
  'calling',
  'tweeting',
  'writing',
  'sending',
  'chanting',
  'threatening',
]);

/**
 * "Tweet saying … passed to the online hate team", "report the accounts calling …": a written thing
 * that says it and what is done about it; "a man has been charged after posting that …": the
 * punishment first. Returns the span of what was said.
 */
export function reportedPost(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  let acted = -1;
  for (let k = 0; k < ctx.n; k++) if (tokens[k]!.kind === TK_WORD && ACTED.has(tokens[k]!.key)) acted = k;
  for (let k = 0; k + 2 < ctx.n; k++) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    if (
      PUNISHED_FIRST.has(t.key) &&
      PUNISHED_FOR.has(tokens[k + 1]!.key) &&
      PUNISHED_ACT.has(tokens[k + 2]!.key)
    ) {
      const from = tokens[k + 3]?.key === 'that' ? k + 4 : k + 3;
      if (from < ctx.n) return { from, to: restOfSentence(ctx, from), why: ctx.slice(k, k + 3) };
    }
    if (acted < 0 || !WRITTEN.has(t.key) || !WRITTEN_SAYS.has(tokens[k + 1]!.key)) continue;
    // "the post that says …": the relative pronoun needs its verb.
    let v = k + 1;
    if (tokens[v]!.key === 'that' || tokens[v]!.key === 'which') {
      v++;
      if (!sayWord(ctx, v) && tokens[v]?.key !== SAID) continue;
    }
    const to = restOfSentence(ctx, v + 1);
    return { from: v + 1, to, why: `${ctx.slice(k, v + 1)} … ${tokens[acted]!.norm}` };
  }
  return undefined;
}
