/**
 * Counter-speech, court reports: a news report of what someone said and what a court or the police did
 * to them for it ("A man who said he would burn their house down … was jailed today"). What was said is
 * the offence, not the sender's view.
 */

import { squeeze, TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { BELIEF_REACH } from './beliefs.js';
import { keys, phraseAt, phrases, type Statement } from './match.js';
import { reportedPost } from './reactions.js';

/** What a court or the police did to whoever said it ("… was jailed today", "has been charged"). */
const PUNISHED = keys([
  'jailed',
  'convicted',
  'sentenced',
  'charged',
  'fined',
  'cautioned',
  'arrested',
  'locked',
]);
const PUNISHED_AUX = keys(['was', 'were', 'been', 'is', 'got', 'gets', 'being']);
const SAID = keys(['said', 'says', 'posted', 'shouted', 'threatened', 'told', 'wrote', 'tweeted']);

/**
 * "A man who said he would burn their house down … was jailed today": a news report of what someone
 * said, then what was done to them for it (same sentence). Returns the span of what was said.
 */
export function punishedSaying(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  for (let b = 1; b < ctx.n; b++) {
    const t = tokens[b]!;
    const who = tokens[b - 1]!;
    // "who said", "that posted": the speaker is the subject of the report.
    if (
      t.kind !== TK_WORD ||
      !SAID.has(t.key) ||
      who.kind !== TK_WORD ||
      (who.key !== 'who' && who.key !== 'that')
    )
      continue;
    for (let k = b + 3; k < Math.min(ctx.n, b + BELIEF_REACH) && ctx.sentOf[k] === ctx.sentOf[b]; k++) {
      const p = tokens[k]!;
      if (p.kind !== TK_WORD || !PUNISHED.has(p.key) || !PUNISHED_AUX.has(tokens[k - 1]!.key)) continue;
      return { from: b + 1, to: k - 1, why: ctx.slice(k - 1, k + 1) };
    }
  }
  return recordedSaying(ctx) ?? reportedPost(ctx);
}

/**
 * Speakers that only a police record has (a detainee, a suspect, a caller): what they said is their
 * words on the record, so no record word is needed after it ("DP kept calling the nurse a …").
 */
const RECORD_SPEAKER = keys([
  'suspect',
  'dp',
  'prisoner',
  'detainee',
  'offender',
  'defendant',
  'accused',
  'caller',
  'subject',
  'nominal',
]);
/** Someone other than the sender, who said it in a police record ("DP kept calling …", "suspect shouted"). */
const SPEAKER = new Set([
  ...RECORD_SPEAKER,
  ...keys([
    'male',
    'female',
    'man',
    'woman',
    'he',
    'she',
    'they',
    'neighbour',
    'passenger',
    'driver',
    'someone',
    'somebody',
    'drunk',
    // Session 9 (false friends): family, neighbours and the written word as the ones who said it.
    'patient',
    'customer',
    'dad',
    'mum',
    'father',
    'mother',
    'stepdad',
    'husband',
    'wife',
    'partner',
    'ex',
    'boyfriend',
    'girlfriend',
    'son',
    'daughter',
    'brother',
    'sister',
    'landlord',
    'neighbours',
    'youths',
    'lads',
    'group',
    'crowd',
    'messages',
    'texts',
    'posts',
  ]),
]);

/** A call log or someone's account before the speaker ("999 call, male screaming …", "she said he …"). */
const FRAME_BEFORE = keys(['cad', 'said', 'says', 'states', 'stated', 'reports', 'reported']);
/** Emergency and non-emergency numbers, as written (numbers are not words and are not squeezed). */
const CALL_NUMBERS = new Set(['999', '101', '112']);
/** Between the speaker and the verb ("kept shouting", "was heard saying", "had been calling"). */
const SPEAKER_AUX = keys([
  'still',
  'just',
  'also',
  'now',
  'kept',
  'keeps',
  'keep',
  'was',
  'were',
  'had',
  'has',
  'been',
  'started',
  'heard',
  'then',
]);
const SPOKE = keys([
  'said',
  'says',
  'say',
  'saying',
  'shouted',
  'shouting',
  'shouts',
  'called',
  'calling',
  'calls',
  'told',
  'telling',
  'posted',
  'posting',
  'screamed',
  'screaming',
  'yelled',
  'yelling',
  'chanted',
  'chanting',
  'wrote',
  'tweeted',
  'call',
  'ranting',
  'raving',
  'muttering',
  'mouthing',
  'messaged',
  'messaging',
  'texted',
  'texting',
  'screams',
  'yells',
]);
/** A speech verb, also with its g dropped the way it is typed ("callin'", "shoutin'"). */
const spoke = (key: string): boolean => SPOKE.has(key) || (key.endsWith('in') && SPOKE.has(`${key}g`));
/** What was done with it on the record ("arrested for s5", "quoted in the MG11", "on bodycam"). */
const RECORDED = keys([
  'jailed',
  'convicted',
  'sentenced',
  'charged',
  'charge',
  'fined',
  'cautioned',
  'arrested',
  'remanded',
  'recorded',
  'quoted',
  'statement',
  'mg11',
  'bodycam',
  'logged',
  'custody',
  's5',
  's4a',
  'cps',
  // Session 9: the offence or referral the words led to ("further offence", "malicious comms").
  'offence',
  'offences',
  'harassment',
  'malicious',
  'comms',
  'aggravated',
  'hc',
  'csc',
  'referral',
  'crimed',
  's4',
  'pohl',
]);
/** A court or hearing as the one that heard it ("court hears the defendant called …"): before or after. */
const COURT = keys(['court', 'jury', 'magistrates', 'tribunal', 'hearing', 'trial', 'inquest', 'panel']);
const COURT_HEARD = keys(['hears', 'heard', 'told', 'was', 'were']);
/** "she had been called …", "he was called …": the passive reports what someone was called. */
const CALLED = squeeze('called');
const PASSIVE_AUX = keys(['was', 'were', 'been', 'being', 'got', 'get', 'gets']);

/**
 * "DP kept calling the nurse a …, quoted in full in the custody record", "suspect shouted that … ,
 * arrested for s5": a third party's words reported with what the police did or wrote down. Returns the
 * span of what was said (to the end of its sentence or up to the record word).
 */
function recordedSaying(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  if (endorsed(ctx, 0)) return undefined;
  let cue = -1;
  // The court as the one that heard it ("court hears", "the jury was told"): it may come first.
  let court = -1;
  for (let k = 0; k < ctx.n; k++) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    // Shorthand with digits is read as written: "s4a" has the key "sa" (leet) and the form "s4a".
    if (RECORDED.has(t.key) || (t.alt !== undefined && RECORDED.has(t.alt))) cue = k;
    if (court < 0 && COURT.has(t.key) && COURT_HEARD.has(tokens[k + 1]?.key ?? '')) court = k;
  }
  for (let b = 1; b < ctx.n; b++) {
    const t = tokens[b]!;
    if (t.kind !== TK_WORD || !spoke(t.key)) continue;
    let s = b - 1;
    while (s > 0 && s > b - 3 && tokens[s]!.kind === TK_WORD && SPEAKER_AUX.has(tokens[s]!.key)) s--;
    // "DP effing and blinding all the way in, called the sgt a …": a record speaker earlier in the
    // sentence is the subject of a verb that opens a later clause.
    const elided = tokens[s]!.kind !== TK_WORD && s === b - 1;
    if (elided) s = elidedSpeaker(ctx, b);
    if (s < 0) continue;
    const who = tokens[s]!;
    if (who.kind !== TK_WORD || !SPEAKER.has(who.key)) continue;
    // "gyppo was what the suspect called him": what was said comes first.
    const what = whatWasSaid(ctx, s);
    if (what >= 0 && RECORD_SPEAKER.has(who.key))
      return {
        from: ctx.sentStart[ctx.sentOf[b]!]!,
        to: what,
        why: `what ${ctx.slice(s, b + 1)}`,
        local: true,
      };
    // "she had been called a …": the passive reports what she was called, no record needed.
    const passive = t.key === CALLED && PASSIVE_AUX.has(tokens[b - 1]!.key) && s < b - 1;
    const heard = court >= 0 && court < b && ctx.sentOf[court] === ctx.sentOf[b];
    const record = RECORD_SPEAKER.has(who.key) || framedBefore(ctx, s);
    if (!passive && !heard && !record && cue <= b) continue;
    const sent = ctx.sentOf[b]!;
    // With no record word after it, only the words up to the next comma are the speaker's ("DP was
    // calling them …, and he is right …" leaves the sender's own words outside).
    const clauseOnly = !passive && !heard && cue <= b;
    let to = b + 1;
    while (
      to < ctx.n &&
      ctx.sentOf[to] === sent &&
      (to !== cue || cue <= b) &&
      !(clauseOnly && tokens[to]!.kind !== TK_WORD && tokens[to]!.norm === ',')
    )
      to++;
    to = Math.min(to, ctx.n - 1);
    if (to - b < 2 || to - b > BELIEF_REACH) continue;
    const why = heard
      ? ctx.slice(court, court + 2)
      : passive
        ? 'passive'
        : cue > b
          ? ctx.slice(cue, cue + 1)
          : 'on the record';
    return {
      from: b + 1,
      to,
      why: `${ctx.slice(s, b + 1)} … ${why}`,
      local: elided || clauseOnly,
    };
  }
  return undefined;
}

/** A record speaker up to twelve words back in the same sentence, for a verb after a comma; or -1. */
function elidedSpeaker(ctx: RuleContext, b: number): number {
  const sent = ctx.sentOf[b];
  for (let k = b - 2; k >= Math.max(0, b - 12) && ctx.sentOf[k] === sent; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && RECORD_SPEAKER.has(t.key)) return k;
  }
  return -1;
}

/** "… was what the suspect called him": the index of "what" when "was/is what (the)" opens the speaker. */
function whatWasSaid(ctx: RuleContext, s: number): number {
  const { tokens } = ctx;
  let k = s - 1;
  if (k >= 0 && (tokens[k]!.key === 'the' || tokens[k]!.key === 'his' || tokens[k]!.key === 'her')) k--;
  if (k < 2 || tokens[k]!.key !== 'what') return -1;
  const aux = tokens[k - 1]!.key;
  return aux === 'was' || aux === 'is' || aux === 'were' ? k : -1;
}

/** A call log or another person's account just before the speaker ("999 call, male …", "she said he …"). */
function framedBefore(ctx: RuleContext, s: number): boolean {
  const sent = ctx.sentOf[s];
  for (let k = s - 1; k >= Math.max(0, s - 4) && ctx.sentOf[k] === sent; k--) {
    const t = ctx.tokens[k]!;
    if (CALL_NUMBERS.has(t.norm) || (t.kind === TK_WORD && FRAME_BEFORE.has(t.key))) return true;
  }
  return false;
}

/** The sender siding with what was reported ("fair play he's right", "can't blame him", "spot on"). */
const ENDORSE = phrases([
  // "he's" is read as "he" (the clitic is dropped), so both spellings are listed.
  'he right',
  'she right',
  'they right',
  'he not wrong',
  'she not wrong',
  'they not wrong',
  'he is one',
  'she is one',
  'which he is',
  'which she is',
  'which they are',
  'hes right',
  'shes right',
  'theyre right',
  'he is right',
  'she is right',
  'hes not wrong',
  'shes not wrong',
  'cant blame him',
  'cant blame her',
  'cant blame them',
  'dont blame him',
  'dont blame her',
  'dont blame them',
  'spot on',
  'he has a point',
  'she has a point',
  'said what we all think',
  'what we all think',
  'agree with him',
  'agree with her',
  'hes got a point',
]);

/** Whether the sender sides with a reported remark anywhere from token `from` on. */
export function endorsed(ctx: RuleContext, from: number): boolean {
  for (let k = from; k < ctx.n; k++) if (phraseAt(ctx, k, ENDORSE) > 0) return true;
  return false;
}
