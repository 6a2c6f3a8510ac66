/**
 * Counter-speech, court reports: a news report of what someone said and what a court or the police did
 * to them for it ("A man who said he would burn their house down … was jailed today"). What was said is
 * the offence, not the sender's view.
 */

import { squeeze, TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { BELIEF_REACH } from './beliefs.js';
import { keys, type Statement } from './match.js';
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

/** Someone other than the sender, who said it in a police record ("DP kept calling …", "suspect shouted"). */
const SPEAKER = keys([
  'suspect',
  'dp',
  'prisoner',
  'detainee',
  'offender',
  'defendant',
  'accused',
  'male',
  'female',
  'man',
  'woman',
  'he',
  'she',
  'they',
  'caller',
  'neighbour',
  'passenger',
  'driver',
  'someone',
  'somebody',
  'drunk',
]);
/** Between the speaker and the verb ("kept shouting", "was heard saying", "had been calling"). */
const SPEAKER_AUX = keys([
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
    const who = tokens[s]!;
    if (who.kind !== TK_WORD || !SPEAKER.has(who.key)) continue;
    // "she had been called a …": the passive reports what she was called, no record needed.
    const passive = t.key === CALLED && PASSIVE_AUX.has(tokens[b - 1]!.key) && s < b - 1;
    const heard = court >= 0 && court < b && ctx.sentOf[court] === ctx.sentOf[b];
    if (!passive && !heard && cue <= b) continue;
    const sent = ctx.sentOf[b]!;
    let to = b + 1;
    while (to < ctx.n && ctx.sentOf[to] === sent && (to !== cue || cue <= b)) to++;
    to = Math.min(to, ctx.n - 1);
    if (to - b < 2 || to - b > BELIEF_REACH) continue;
    const why = heard ? ctx.slice(court, court + 2) : passive ? 'passive' : ctx.slice(cue, cue + 1);
    return { from: b + 1, to, why: `${ctx.slice(s, b + 1)} … ${why}` };
  }
  return undefined;
}
