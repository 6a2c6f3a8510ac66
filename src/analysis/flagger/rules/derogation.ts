/**
 * Targeted derogation and dehumanisation: a listed description ("vermin", "scum", "should be
 * deported", 🐀) counts when a target is in the same sentence, lowered when negated in its clause.
 */

import type { Role } from '../lexicon.js';
import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { emojiStandIn } from './emoji-standin.js';
import { singularTheyBetween } from './targets.js';
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

/**
 * What is done to people, or befalls them, in a simile that pities rather than derides: "refugees
 * were treated like cattle", "pensioners dropping like flies in the heat". "should be treated like
 * cattle" (a normative cue) and "treat them like stray cats" (an order) still dehumanise.
 */
const SUFFERED_SIMILE = new Set(
  [
    'treated',
    'treating',
    'herded',
    'packed',
    'crammed',
    'rounded',
    'kept',
    'shipped',
    'transported',
    'caged',
    'slaughtered',
    'butchered',
    'dying',
    'died',
    'dropping',
    'dropped',
    'falling',
    'fell',
    'exploited',
    'used',
  ].map(squeeze),
);
const LIKE = squeeze('like');

/** "asylum seekers were treated like cattle": the simile says how they suffered, not what they are. */
function sufferedSimile(ctx: RuleContext, u: Unit, r: Role): boolean {
  if (r.kind !== 'dehumanising') return false;
  const first = ctx.tokens[u.i]!;
  if (first.kind !== TK_WORD || first.key !== LIKE) return false;
  for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 4); k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && SUFFERED_SIMILE.has(t.key)) return !normativeCueBefore(ctx, { ...u, i: k });
  }
  return false;
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

/** What an exclusion aimed at hate itself names ("#NoPlaceForHate", "no room for racism"). */
export const HATE_NOUNS = new Set(
  [
    'hate',
    'hatred',
    'racism',
    'bigotry',
    'sexism',
    'misogyny',
    'homophobia',
    'transphobia',
    'biphobia',
    'ableism',
    'islamophobia',
    'antisemitism',
    'xenophobia',
    'discrimination',
    'prejudice',
    'abuse',
    'harassment',
    'intolerance',
  ].map(squeeze),
);
/** Subjects of their own that a description in a later clause is about ("…, it's lazy and cruel"). */
const THING_SUBJECTS = new Set(['it', 'its', 'that', 'thats', 'this', 'thiss', 'which'].map(squeeze));

/** "no place for hate": the exclusion is aimed at hate, not at the group nearby. */
function aimedAtHate(ctx: RuleContext, u: Unit): boolean {
  const next = ctx.tokens[u.j];
  return next !== undefined && next.kind === TK_WORD && HATE_NOUNS.has(next.key);
}

/**
 * "stop using asylum seekers as a punchline, it's lazy": the description's clause opens with a subject
 * of its own ("it", "that"), and the group sits in an earlier clause.
 */
function ownSubject(ctx: RuleContext, u: Unit, tg: Target): boolean {
  if (tg.i >= u.clause || u.clause === ctx.sentStart[u.sent]) return false;
  const t = ctx.tokens[u.clause]!;
  return t.kind === TK_WORD && THING_SUBJECTS.has(t.key) && u.i - u.clause <= 3;
}

/** "shitty legends", "fucking heroes": a swear word right before praise intensifies it. */
function intensifiesPraise(ctx: RuleContext, u: Unit): boolean {
  const v = ctx.unitAt[u.j];
  return v !== undefined && (has(v, 'positive') !== undefined || has(v, 'negatable') !== undefined);
}

/** Words that make a habit a claim about the whole group ("they're all on the fiddle", "every one of them"). */
const GENERALISERS = new Set(
  [
    'all',
    'every',
    'everyone',
    'always',
    'never',
    'none',
    'lot',
    'whole',
    'any',
    'each',
    'typical',
    'most',
  ].map(squeeze),
);
/** A plural group said to be so now ("Albanians are on the fiddle"), not what one suspect was. */
const PRESENT_COPULAS = new Set(['are', 'r', 're', 'arent'].map(squeeze));

/**
 * A listed habit ("on the fiddle", "never pull their weight") derides the group only when pinned on all
 * of it: the phrase opens with never/always/can't, a generaliser sits in its sentence before it, or a
 * plural group is its subject in the present ("Romanians are on the take"). "the Albanian male was on
 * the rob" is a record of one suspect; "two Polish lads on the fiddle at the car wash" a job.
 */
function generalisedClaim(ctx: RuleContext, u: Unit, r: Role, tg: Target): boolean {
  const first = ctx.tokens[u.i]!;
  if (first.kind === TK_WORD && first.key === squeeze('cant')) return true;
  const start = Math.max(ctx.sentStart[u.sent]!, Math.min(tg.i, u.i) - 4);
  for (let k = start; k < u.j; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && GENERALISERS.has(t.key)) return true;
  }
  if (tg.j > u.i || tg.pronoun || !/s$/.test(tg.term)) return false;
  // "Romanians are on the take", "the Poles flood in every year": a plural group as the subject now.
  const cop = ctx.tokens[tg.j];
  if (cop !== undefined && cop.kind === TK_WORD && PRESENT_COPULAS.has(cop.key) && tg.j < u.i) return true;
  // A verb of the tide right after them ("Poles flood in"); "two Polish lads on the fiddle at the car
  // wash" is a phrase after a noun, not a claim.
  return r.kind === 'dehumanising' && u.i - tg.j <= 1 && first.kind === TK_WORD && !first.key.endsWith('ed');
}

/** Negators a listed habit can follow ("Claimants aren't all skiving", "I don't think Jews are …"). */
const HABIT_NEGATORS = new Set(
  ['not', 'arent', 'isnt', 'dont', 'doesnt', 'wont', 'nobody', 'noone'].map(squeeze),
);
/** Openers that hold a stereotype up to reject it ("the idea that X are all on the fiddle is …"). */
const HELD_UP = new Set(
  ['idea', 'notion', 'myth', 'stereotype', 'assumption', 'trope', 'claim'].map(squeeze),
);
const THAT = new Set(['that', 'tht', 'thta'].map(squeeze));
const QUOTES = new Set(["'", '"', '\u2018', '\u2019', '\u201C', '\u201D']);

/**
 * A habit denied, held up as a myth, or quoted: "claimants aren't all skiving", "the idea that blind
 * people are all on the fiddle is what the inspection pulled us up on", "Craig said 'can't take a joke'".
 * Returns the reason to lower the hit, if any.
 */
function habitNotClaimed(ctx: RuleContext, u: Unit, tg: Target): string | undefined {
  if (QUOTES.has(ctx.text[ctx.tokens[u.i]!.start - 1] ?? '')) return 'quoted';
  // Bounded, so a megabyte-long sentence stays linear.
  const start = Math.max(ctx.sentStart[u.sent]!, Math.min(tg.i, u.i) - 12);
  for (let k = start; k < u.i; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    if (HABIT_NEGATORS.has(t.key)) return t.norm;
    if (k < tg.i && HELD_UP.has(t.key) && THAT.has(ctx.tokens[k + 1]?.key ?? '')) return `the ${t.norm} that`;
  }
  return undefined;
}

/** Verbs of a crowd that are praise when the crowd comes to help ("swarm to help at the food bank"). */
const HELPING = new Set(
  [
    'help',
    'helping',
    'support',
    'volunteer',
    'donate',
    'the aid',
    'aid',
    'pitch',
    'lend',
    'welcome',
    'search',
  ].map(squeeze),
);
const CROWD_VERBS = new Set(
  ['swarm', 'swarms', 'swarming', 'swarmed', 'flood', 'floods', 'flooding', 'pour', 'pouring', 'flock'].map(
    squeeze,
  ),
);

/** "the Muslim community swarm to help …", "Poles pouring in to volunteer": a crowd that helps. */
function crowdThatHelps(ctx: RuleContext, u: Unit): boolean {
  const first = ctx.tokens[u.i]!;
  if (first.kind !== TK_WORD || !CROWD_VERBS.has(first.key)) return false;
  for (let k = u.j; k < Math.min(ctx.n, u.j + 4) && ctx.sentOf[k] === u.sent; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && HELPING.has(t.key)) return true;
  }
  return false;
}

export function derogationRule(ctx: RuleContext, u: Unit, r: Role): void {
  if (r.kind === 'implicit' && aimedAtHate(ctx, u)) return;
  if (has(u, 'profanity') !== undefined && intensifiesPraise(ctx, u)) return;
  const emoji = u.via === 'emoji';
  const strong = (r.severity ?? 2) >= 3;
  const near =
    ctx.nearestTarget(u, emoji ? EMOJI_WINDOW : WORD_WINDOW, strong) ??
    (emoji ? predicateSubject(ctx, u, strong) : undefined);
  const tg = near ?? ctx.earlierTarget(u);
  if (tg === undefined) {
    // "🐒🐒 all over the estate again": the emoji is the group as well as the description.
    if (emoji) emojiStandIn(ctx, u);
    return;
  }
  const earlier = near === undefined;
  // A group term that is itself the description ("gay" in "that's so gay") is not a target.
  if (tg.i >= u.i && tg.j <= u.j) return;
  // Dehumanising words still dehumanise when said of a thing the group touched ("…, it needs fumigating").
  if (!earlier && r.kind !== 'dehumanising' && ownSubject(ctx, u, tg)) return;
  // "a new Roma lad … they've already taken over the fantasy league": a group trope said of one person.
  if (r.kind === 'implicit' && tg.i < u.i && singularTheyBetween(ctx, tg.i, u.i)) return;
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
  if (sufferedSimile(ctx, u, r)) return;
  // "is there a single Somali who isn't on the fiddle?" pins the habit on all of them too.
  const universal = !earlier && universalChallenge(ctx, u, tg);
  if (r.generalised === true && !universal && (earlier || !generalisedClaim(ctx, u, r, tg))) return;
  if (crowdThatHelps(ctx, u)) return;
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
  let neg = universal ? undefined : ctx.negatedBy(u, tg, kind === 'implicit');
  if (r.generalised === true && !universal) {
    const why = habitNotClaimed(ctx, u, tg);
    if (why === 'quoted') return;
    neg ??= why;
  }
  if (neg !== undefined && (doubleNegation(ctx, u, tg) || toldToStop(ctx, u))) neg = undefined;
  ctx.groupHit(u, tg, base, what, neg);
}

/** Verbs that make an emoji after them the predicate ("… are 🐀", "… smell like 💩", "… look like 🐒"). */
const EMOJI_COPULAS = new Set(
  ['are', 'r', 'is', 'were', 'was', 'be', 'being', 'like', 'as', 'become', 'becoming', 'turned'].map(squeeze),
);
/** Words that may come between the copula and the emoji ("are just 🐀", "are all absolute 🗑️"). */
const EMOJI_FILLERS = new Set(
  [
    'just',
    'all',
    'proper',
    'absolute',
    'total',
    'complete',
    'such',
    'basically',
    'literally',
    'nothing',
    'but',
    'a',
    'an',
    'bunch',
    'of',
    'load',
    'pack',
    'like',
    'fucking',
    'bloody',
    'real',
    'right',
    'utter',
    'them',
  ].map(squeeze),
);

/**
 * An emoji as the predicate of its clause ("the trans lot who moved in downstairs are just 🐀"): the
 * clause's subject is its target even beyond the emoji's window of four tokens, as a word's would be.
 */
function predicateSubject(ctx: RuleContext, u: Unit, allowWeak: boolean): Target | undefined {
  const { tokens } = ctx;
  // "… is 🐐" is praise (the greatest of all time), whatever 🐐 means next to a group.
  if (tokens[u.i]!.emoji?.name === 'goat') return undefined;
  let k = u.i - 1;
  while (k >= u.clause && k >= u.i - 4 && tokens[k]!.kind === TK_WORD && EMOJI_FILLERS.has(tokens[k]!.key))
    k--;
  const cop = tokens[k];
  if (k < u.clause || cop === undefined || cop.kind !== TK_WORD || !EMOJI_COPULAS.has(cop.key))
    return undefined;
  const tg = ctx.nearestTarget(u, 2 * WORD_WINDOW, allowWeak);
  if (tg === undefined || tg.j > k || tg.i < u.clause) return undefined;
  // "that gay officers recruitment video is 🐐": the group only describes the subject, a thing.
  let q = tg.j;
  while (q < k && tokens[q]!.kind === TK_WORD && ctx.lex.personNouns.has(tokens[q]!.key)) q++;
  const next = tokens[q]!;
  if (q < k && next.kind === TK_WORD && ctx.targetAt[q] === undefined && !ctx.lex.functionWords.has(next.key))
    return undefined;
  return tg;
}

const RELATIVE = new Set(['who', 'that', 'which'].map(squeeze));
const STOP_CUES = new Set(
  ['should', 'need', 'needs', 'to', 'must', 'just', 'gota', 'gotta', 'then'].map(squeeze),
);

/**
 * "then they should stop being so smelly", "stop being so lazy": telling a group to stop being
 * something says they are it ("stopped being" is still a negation).
 */
function toldToStop(ctx: RuleContext, u: Unit): boolean {
  const { tokens, targetAt } = ctx;
  for (let k = u.i - 1; k >= Math.max(1, u.i - 3); k--) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD || t.key !== 'being') continue;
    const stop = tokens[k - 1]!;
    if (stop.kind !== TK_WORD || stop.key !== 'stop') return false;
    // The group (or a pronoun for it) is who should stop; a bare "stop being so ignorant" speaks to
    // the reader.
    const cue = tokens[k - 2];
    if (cue === undefined || cue.kind !== TK_WORD || !STOP_CUES.has(cue.key)) return false;
    for (let q = k - 2; q >= Math.max(0, k - 5); q--) if (targetAt[q] !== undefined) return true;
    return false;
  }
  return false;
}

/**
 * "Never met a Muslim who wasn't a thief", "not one of them that isn't lazy": a negated relative
 * clause under a negation before the group is a claim about all of them, not a denial.
 */
function doubleNegation(ctx: RuleContext, u: Unit, tg: Target): boolean {
  if (tg.i >= u.i) return false;
  const { tokens, unitAt, sentOf } = ctx;
  let inner = -1;
  for (let k = u.i - 1; k >= tg.j; k--) {
    const v = unitAt[k];
    if (v !== undefined && has(v, 'negator') !== undefined) {
      inner = v.i;
      break;
    }
  }
  if (inner < 1) return false;
  // "who wasn't", "who was not", "that is not".
  let relative = false;
  for (let k = inner - 1; k >= Math.max(tg.j, inner - 2); k--) {
    const t = tokens[k]!;
    if (t.kind === TK_WORD && RELATIVE.has(t.key)) relative = true;
  }
  if (!relative) return false;
  for (let k = tg.i - 1; k >= Math.max(0, tg.i - 6) && sentOf[k] === u.sent; k--) {
    const v = unitAt[k];
    if (v !== undefined && has(v, 'negator') !== undefined) return true;
  }
  return false;
}
