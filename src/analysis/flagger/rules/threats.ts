/**
 * Threats: a strong threat phrase counts by itself; a threat verb needs an intent or normative cue
 * before it ("should", "will", "want", "going to") or must open its clause as an imperative, so that
 * "Muslims were attacked" is a report. With no protected target it is reported but never flags.
 */

import { PROTECTED_CATEGORIES, type FlagCategory } from '../../../contract/coding.js';
import { LEXICON, type Role } from '../lexicon.js';
import { squeeze, TK_EMOJI, TK_WORD } from '../normalise.js';
import { benignContext, type RuleContext } from './context.js';
import { has, type Target, type Unit } from './types.js';
import { laughingSkull } from './units.js';

export const THREAT_CUES = new Set(LEXICON.threatCues.map(squeeze));
const THREAT_WINDOW = 10;
const PROTECTED: ReadonlySet<FlagCategory> = new Set(PROTECTED_CATEGORIES);
const IMPERATIVE_LEAD = new Set([
  'just',
  'lets',
  'let',
  'go',
  'please',
  'pls',
  'and',
  'so',
  'now',
  'we',
  'i',
  'must',
]);

const IMPERATIVE_OBJECT = new Set(
  ['all', 'the', 'them', 'every', 'those', 'these', 'that', 'this', 'each', 'any', 'em', 'him', 'her'].map(
    squeeze,
  ),
);

const IMPERATIVE_PARTICLE = new Set(
  ['down', 'up', 'out', 'off', 'over', 'a', 'some', 'few', 'more', 'everyone', 'anyone', 'everybody'].map(
    squeeze,
  ),
);
/**
 * Things a threat is done to that stand for the person (their head, their windows, their shop): "put
 * their windows through" and "knock his teeth out" are threats to the owner. One list for the
 * threat rules here and the gapped ones (gapped-threats.ts).
 */
export const BREAKABLE = new Set(
  [
    'window',
    'windows',
    'door',
    'doors',
    'windscreen',
    'head',
    'heads',
    'teeth',
    'face',
    'faces',
    'legs',
    'kneecaps',
    'skull',
    'jaw',
    'car',
    'cars',
    'house',
    'shop',
  ].map(squeeze),
);

const RELATIVE = new Set(['who', 'whose', 'which', 'that', 'whom']);
const PAST_AUX = new Set(['got', 'was', 'were', 'had', 'been', 'gotten']);

export function intentCue(ctx: RuleContext, u: Unit): boolean {
  const { tokens } = ctx;
  // "Hope the Irishman whose car got torched …": a past passive in a relative clause reports what
  // happened to someone; the wish before it is about the main clause ("Hope the Irishman … gets …").
  const prev = u.i > 0 ? tokens[u.i - 1]! : undefined;
  const pastReport = prev !== undefined && prev.kind === TK_WORD && PAST_AUX.has(prev.key);
  for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 8); k--) {
    const t = tokens[k]!;
    if (pastReport && t.kind === TK_WORD && RELATIVE.has(t.key)) break;
    if (t.kind === TK_WORD && THREAT_CUES.has(t.key)) return true;
  }
  // Imperative: the threat opens its clause ("kill all ...", "just shoot them").
  let k = u.clause;
  while (k < u.i && tokens[k]!.kind === TK_WORD && IMPERATIVE_LEAD.has(tokens[k]!.key)) k++;
  if (k !== u.i) return false;
  // A threat opening its clause is an imperative only before its object ("🔥 all mosques", "torch
  // the lot", "burn down the mosque"); before a plain word it names or labels it ("🔥 alarm at the
  // mosque", "torch batteries for the search").
  const next = tokens[u.j];
  if (next === undefined || next.kind !== TK_WORD || IMPERATIVE_OBJECT.has(next.key)) return true;
  if (u.via === 'emoji') return ctx.targetAt[u.j] !== undefined;
  return ctx.unitAt[u.j] !== undefined || IMPERATIVE_PARTICLE.has(next.key);
}

/**
 * "beat the Jewish community leader's record": the verb's object is a thing of theirs, not them
 * (what is broken, "the Muslim family's windows", is a threat).
 */
function possessedThing(ctx: RuleContext, u: Unit, tg: Target): boolean {
  if (tg.i < u.j || tg.pronoun) return false;
  for (let k = tg.i; k < Math.min(ctx.n, tg.j + 3) && ctx.sentOf[k] === u.sent; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) return false;
    if (t.poss === true) {
      const obj = ctx.tokens[k + 1];
      return !(obj !== undefined && obj.kind === TK_WORD && BREAKABLE.has(obj.key));
    }
  }
  return false;
}

/**
 * A slur for a protected group in the threat's sentence names its target ("the old codgers should be
 * shot"): mild slurs do not flag on their own, a threat against them does.
 */
export function slurTarget(ctx: RuleContext, u: Unit): Target | undefined {
  // Only the units in the window (a scan of every unit made long messages quadratic).
  const lo = Math.max(0, u.i - THREAT_WINDOW);
  const hi = Math.min(ctx.n, u.i + THREAT_WINDOW + 1);
  for (let k = lo; k < hi; k++) {
    const v = ctx.unitAt[k];
    if (v === undefined || v.i !== k) continue;
    if (v.sent !== u.sent || v === u || Math.abs(v.i - u.i) > THREAT_WINDOW) continue;
    const s = has(v, 'slur');
    if (s?.category === undefined || !PROTECTED.has(s.category)) continue;
    // "fags" near "smoke", "queer" as an adjective: no person of the group is meant.
    if (s.insultOnly === true || benignContext(ctx.tokens, v, s.benign)) continue;
    const term = ctx.slice(v.i, v.j);
    return { i: v.i, j: v.j, category: s.category, group: term, weak: false, pronoun: false, term };
  }
  return undefined;
}

/** "tried to torch", "attempted to burn": an account of an attempt, whatever cue stands before it. */
const ATTEMPT = new Set(['tried', 'attempted', 'trying', 'attempting', 'managed'].map(squeeze));

function attemptAccount(ctx: RuleContext, u: Unit): boolean {
  if (u.i < 2) return false;
  const to = ctx.tokens[u.i - 1]!;
  const verb = ctx.tokens[u.i - 2]!;
  return to.kind === TK_WORD && to.key === 'to' && verb.kind === TK_WORD && ATTEMPT.has(verb.key);
}

/** "shoot them a message", "fire the gay officers an email": sending, not shooting. */
const SENDING_VERBS = new Set(['shoot', 'fire', 'ping'].map(squeeze));
const SENT_THINGS = new Set(
  [
    'message',
    'msg',
    'email',
    'text',
    'txt',
    'line',
    'note',
    'dm',
    'pm',
    'whatsapp',
    'invite',
    'reminder',
    'link',
  ].map(squeeze),
);

function sending(ctx: RuleContext, u: Unit): boolean {
  if (!SENDING_VERBS.has(ctx.tokens[u.i]!.key)) return false;
  for (let k = u.j; k < Math.min(ctx.n, u.j + 7) && ctx.sentOf[k] === u.sent; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && SENT_THINGS.has(t.key)) return true;
  }
  return false;
}

const PAST_WORDS = new Set(['yesterday', 'ago', 'overnight', 'earlier'].map(squeeze));
const PAST_AFTER_LAST = new Set(
  [
    'night',
    'week',
    'month',
    'year',
    'weekend',
    'time',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
  ].map(squeeze),
);

/** "last night", "yesterday": "someone set the mosque alight last night" is an account ("set" is also past). */
export function pastTime(ctx: RuleContext, v: number): boolean {
  const sent = ctx.sentOf[v]!;
  for (
    let k = Math.max(ctx.sentStart[sent]!, v - 20);
    k < Math.min(ctx.n, v + 20) && ctx.sentOf[k] === sent;
    k++
  ) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    if (PAST_WORDS.has(t.key)) return true;
    const next = ctx.tokens[k + 1];
    if (t.key === 'last' && next !== undefined && next.kind === TK_WORD && PAST_AFTER_LAST.has(next.key))
      return true;
  }
  return false;
}

const DEATH_ACCOUNT = new Set(['have', 'has', 'had', 'nearly', 'almost', 'who', 'that', 'and', 'then']);

function reportedDeath(ctx: RuleContext, u: Unit): boolean {
  const t = ctx.tokens[u.i]!;
  const prev = u.i > 0 ? ctx.tokens[u.i - 1] : undefined;
  return t.key === 'died' && prev !== undefined && prev.kind === TK_WORD && DEATH_ACCOUNT.has(prev.key);
}

/** A skull among laughing emoji, or in a sentence with words of its own. */
function ownSkull(ctx: RuleContext, u: Unit): boolean {
  const t = ctx.tokens[u.i]!;
  if (u.via !== 'emoji' || t.emoji?.name !== 'skull') return false;
  if (laughingSkull(ctx.text, ctx.tokens, u.i)) return true;
  for (let k = ctx.sentStart[u.sent]!; k < ctx.n && ctx.sentOf[k] === u.sent; k++) {
    if (ctx.tokens[k]!.kind === TK_WORD) return true;
  }
  return false;
}

const CONDITION = new Set(['if', 'unless', 'till', 'until', 'once', 'when'].map(squeeze));

/** Emoji that point the group at what follows ("🏳️‍🌈 ➡️ 🔥", "🕌👉🔥") or fuel it (⛽🔥). */
const POINTERS = ['\u{1F449}', '\u27A1', '\u23E9', '\u2B95', '\u26FD', '\u{1F3AF}'];

/**
 * "🏳️‍🌈 ➡️ 🔥", "🕌 ⛽🔥", "muslims 🔥💀": a threat verb emoji (🔥 is also praise) that needs an intent
 * cue has one in its own emoji run: a pointer or fuel before it, or a weapon or death emoji beside it.
 * Praise in the run ("Pride 🔥❤️") keeps it praise.
 */
function sequenceThreat(ctx: RuleContext, u: Unit): boolean {
  if (u.via !== 'emoji') return false;
  let a = u.i;
  let b = u.i;
  while (a > 0 && ctx.tokens[a - 1]!.kind === TK_EMOJI) a--;
  while (b + 1 < ctx.n && ctx.tokens[b + 1]!.kind === TK_EMOJI) b++;
  let cue = false;
  for (let k = a; k <= b; k++) {
    if (k === u.i) continue;
    const t = ctx.tokens[k]!;
    const role = t.emoji?.role;
    if (role === 'positive' || role === 'laugh') return false;
    if (role === 'threat' && !laughingSkull(ctx.text, ctx.tokens, k)) cue = true;
    if (k < u.i && POINTERS.some((p) => ctx.text.startsWith(p, t.start))) cue = true;
  }
  return cue;
}

/** Words after which an emoji is a verb ("to 🔫", "be 🔥", "get 👊"). */
const VERB_BEFORE = new Set(['be', 'get', 'got', 'been', 'being', 'to', 'gets', 'getting'].map(squeeze));

/** Words after a threat emoji that leave it a verb or a threat of its own: objects, times, laughter. */
const AFTER_THREAT_EMOJI = new Set(
  [
    'em',
    'everyone',
    'everybody',
    'anyone',
    'someone',
    'somebody',
    'both',
    'whole',
    'rest',
    'next',
    'today',
    'tonight',
    'tomorrow',
    'asap',
    'alive',
    'dead',
    'sight',
    'time',
    'lol',
    'haha',
    'lmao',
    'please',
    'pls',
    'mate',
    'lads',
  ].map(squeeze),
);

/**
 * "arrested for the 🔪 attack", "cooking 🔪 lessons", "the 🔫 amnesty bin": a weapon emoji straight
 * before a plain noun labels it (a knife attack, a gun amnesty) and threatens no one. Before an
 * object ("🔪 every …", "🔫 them", "👊 that gay bloke") or a group it is the verb.
 */
function labelsNoun(ctx: RuleContext, u: Unit): boolean {
  if (u.via !== 'emoji') return false;
  const next = ctx.tokens[u.j];
  if (next === undefined || next.kind !== TK_WORD || ctx.sentOf[u.j] !== u.sent) return false;
  if (ctx.targetAt[u.j] !== undefined) return false;
  // Only a noun written straight after it: "🧕 + 💣 = sorted" is a sum, not a "bomb sorted".
  if (!/^\s*$/.test(ctx.text.slice(ctx.tokens[u.i]!.end, next.start))) return false;
  // "should be 🔥 alive", "want to 🔫 …": after a cue or an auxiliary the emoji is the verb.
  const prev = ctx.tokens[u.i - 1];
  if (prev !== undefined && prev.kind === TK_WORD && (THREAT_CUES.has(prev.key) || VERB_BEFORE.has(prev.key)))
    return false;
  // "the 🔪 attack": a threat noun after it is judged on its own (it needs an intent cue).
  const v = ctx.unitAt[u.j];
  if (v !== undefined) return v.roles.every((r) => r.type === 'threat');
  return (
    !ctx.lex.functionWords.has(next.key) &&
    !AFTER_THREAT_EMOJI.has(next.key) &&
    !ctx.lex.personNouns.has(next.key)
  );
}

/**
 * Indifference to a group's harm ("I wouldn't lose any sleep", "wouldn't shed a tear") is a death wish
 * only about a condition ("if they all vanished …"): "I wouldn't lose any sleep about leaving them with
 * the FLO" is trust.
 */
const INDIFFERENCE = new Set([
  'wouldnt lose any sleep',
  'wouldnt lose sleep',
  'wouldnt shed a tear',
  'not shed a tear',
]);

function conditionBefore(ctx: RuleContext, u: Unit): boolean {
  for (let k = u.i - 1; k >= ctx.sentStart[u.sent]!; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && CONDITION.has(t.key)) return true;
  }
  return false;
}

/**
 * A negation before a condition does not reach a threat inside it: "X would stop complaining pretty
 * quick if someone battered a few of them" wishes the beating ("stop" is the consequence, not a
 * denial). A negation inside the condition still counts ("if nobody touches them …").
 */
function threatNegation(ctx: RuleContext, u: Unit, tg: Target | undefined): string | undefined {
  for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 8); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && CONDITION.has(t.key)) {
      const inner: Unit = { ...u, clause: k + 1 };
      return ctx.negatedBy(inner, tg !== undefined && tg.i > k ? tg : undefined);
    }
  }
  return ctx.negatedBy(u, tg);
}

export function threatRule(ctx: RuleContext, u: Unit, r: Role): void {
  // A place of a group ("torch the next Muslim shop") is the group's, after any people named.
  const person = ctx.nearestTarget(u, THREAT_WINDOW, false) ?? slurTarget(ctx, u);
  const place = person === undefined ? ctx.placeTarget(u, THREAT_WINDOW) : undefined;
  const near = person ?? place;
  // "Saw the Albanians at the protest. Should have drowned the lot": the group of a sentence before.
  // Not for a skull that reacts to its own sentence or laughs: "…at the front desk? I'm stuck in custody
  // 💀💀" is "I'm dead" about the sender's own day. A skull alone after the group's sentence still reaches
  // it, and next to the group it names ("🇵🇰 ✈️ bye bye 😂💀") it stays a threat.
  const tg = near ?? (ownSkull(ctx, u) ? undefined : ctx.earlierTarget(u));
  if (r.kind !== 'strong' && !intentCue(ctx, u) && !sequenceThreat(ctx, u)) return;
  if (INDIFFERENCE.has(r.term) && !conditionBefore(ctx, u)) return;
  // "would have died", "nearly died", "the lad who died": an account of a death, not a wish for one.
  if (reportedDeath(ctx, u)) return;
  if (attemptAccount(ctx, u) || sending(ctx, u)) return;
  // "hang out with", "shoot hoops": not threats.
  const next = ctx.tokens[u.j];
  if (next !== undefined && next.kind === TK_WORD && (next.key === 'out' || next.key === 'around')) return;
  if (tg !== undefined && possessedThing(ctx, u, tg)) return;
  if (labelsNoun(ctx, u)) return;
  // A group's place is a target only of a threat with intent: "someone set fire to the Muslim shop
  // last week" is an account (strong phrases need no cue for people, they do for property).
  if (place !== undefined && tg === place && (!intentCue(ctx, u) || pastTime(ctx, u.i))) return;
  if (tg === undefined) {
    const s = ctx.span(u);
    ctx.push({
      category: 'violence_threat',
      score: 0.42,
      start: s.start,
      end: s.end,
      term: s.term,
      reason: `threat of violence '${s.term}' with no protected group as target`,
      flaggable: false,
    });
    return;
  }
  if (near === undefined) {
    const what = `threat of violence '${ctx.span(u).term}' (group named in an earlier sentence)`;
    ctx.groupHit(u, tg, 0.92 * 0.9, what, threatNegation(ctx, u, undefined), 'violence_threat');
    return;
  }
  ctx.groupHit(
    u,
    tg,
    0.92,
    `threat of violence '${ctx.span(u).term}'`,
    threatNegation(ctx, u, tg),
    'violence_threat',
  );
}
