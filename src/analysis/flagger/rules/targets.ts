/**
 * Targets: the group terms a description can be aimed at, and pronouns that refer back (or forward) to
 * one ("They are vermin. I mean …"). A group word that names a thing ("Chinese food", "women's
 * football") or other people ("women haters") is no target.
 */

import type { FlagCategory } from '../../../contract/coding.js';
import { LEXICON } from '../lexicon.js';
import { squeeze, TK_EMOJI, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { has, type RuleOutcome, type Target, type Unit } from './types.js';

const ADJ_BREAKERS = new Set(LEXICON.adjBreakers.map(squeeze));
const NOT_TARGET = new Set(LEXICON.notTarget.map(squeeze));
const POSSESSED_PEOPLE = new Set(LEXICON.possessedPeople.map(squeeze));

export interface Identity {
  identityPresent: boolean;
  identityCategories: FlagCategory[];
  identitySpan?: RuleOutcome['identitySpan'];
}

const SPEECH_NOUNS = new Set(
  [
    'rant',
    'rants',
    'comment',
    'comments',
    'joke',
    'jokes',
    'remark',
    'remarks',
    'chat',
    'banter',
    'memes',
  ].map(squeeze),
);

/**
 * Things a group emoji can label ("♿ access", "🏳️‍🌈 flags", "♿ parking bays"): then the emoji is an
 * adjective, not the people. Other words after it leave it a noun ("♿🥜", "🏳️‍🌈 are disgusting").
 */
const EMOJI_THINGS = new Set(
  [
    'access',
    'parking',
    'bay',
    'bays',
    'space',
    'spaces',
    'toilet',
    'toilets',
    'loo',
    'ramp',
    'ramps',
    'entrance',
    'lift',
    'badge',
    'badges',
    'flag',
    'flags',
    'lanyard',
    'lanyards',
    'sticker',
    'stickers',
    'network',
    'month',
    'parade',
    'event',
    'events',
    'crossing',
    'pin',
    'pins',
    'symbol',
    'sign',
    'signs',
    'emoji',
  ].map(squeeze),
);

/** "<speech noun> about <group>": the group term at `i` is the subject of the talk. */
function aboutSpeech(ctx: RuleContext, i: number): boolean {
  const { tokens, sentOf } = ctx;
  if (i < 2 || sentOf[i - 2] !== sentOf[i]) return false;
  const a = tokens[i - 1]!;
  let b = tokens[i - 2]!;
  // "the 'jokes' about …": a closing quote between the talk and "about".
  if (b.kind !== TK_WORD && i >= 3 && sentOf[i - 3] === sentOf[i]) b = tokens[i - 3]!;
  return a.kind === TK_WORD && a.key === 'about' && b.kind === TK_WORD && SPEECH_NOUNS.has(b.key);
}

/** Fills `ctx.targets`/`ctx.targetAt` and reports which protected groups the message names. */
export function findTargets(ctx: RuleContext): Identity {
  const identity = groupTargets(ctx);
  referBack(ctx);
  anyOneOf(ctx);
  return identity;
}

/** "any Romanian", "the next traveller": one member of a group, whoever it is. */
const GENERIC = new Set(['any', 'every', 'next', 'another'].map(squeeze));
/** Singular pronouns that can refer back to that member ("… I'll stab him"). */
const SINGULAR_PRONOUNS = new Set(['he', 'him', 'his', 'she', 'her', 'hes', 'shes'].map(squeeze));
/** How far after the group word such a pronoun is read as the member (a conditional and its result). */
const ANY_WINDOW = 12;

/**
 * "any Romanian comes near my car I'll stab him", "the next Somali in my van, I'll batter her": a
 * singular group word after "any", "every", "next" or "another" is any member of the group, and a
 * he/him/she/her after it in the sentence is that member, so what is done to it is done to the group.
 */
function anyOneOf(ctx: RuleContext): void {
  const { tokens, n, sentOf, targets, targetAt } = ctx;
  const groups = targets.filter(
    (t) =>
      !t.weak &&
      !t.pronoun &&
      t.i > 0 &&
      tokens[t.i - 1]!.kind === TK_WORD &&
      GENERIC.has(tokens[t.i - 1]!.key),
  );
  for (const g of groups) {
    const hi = Math.min(n, g.j + ANY_WINDOW);
    for (let k = g.j; k < hi && sentOf[k] === sentOf[g.i]; k++) {
      const t = tokens[k]!;
      if (t.kind !== TK_WORD || !SINGULAR_PRONOUNS.has(t.key) || targetAt[k] !== undefined) continue;
      const tg: Target = {
        i: k,
        j: k + 1,
        category: g.category,
        group: g.group,
        weak: false,
        pronoun: true,
        term: `${ctx.slice(k, k + 1)} (= ${g.term})`,
      };
      targets.push(tg);
      targetAt[k] = tg;
    }
  }
}

/**
 * Plural people a weak group word can name ("female detectives", "Asian lads", "black officers"): the
 * pair is the group. Police descriptions stay weak: "IC1 female", "asian male, 30s", "two asian males"
 * (a sex word after the group word describes, it does not name a group).
 */
const PLURAL_PEOPLE = new Set(
  [
    'people',
    'persons',
    'men',
    'women',
    'guys',
    'kids',
    'children',
    'families',
    'folk',
    'folks',
    'lads',
    'lasses',
    'boys',
    'girls',
    'blokes',
    'fellas',
    'chaps',
    'ladies',
    'students',
    'doctors',
    'nurses',
    'teachers',
    'neighbours',
    'neighbors',
    'colleagues',
    'friends',
    'workers',
    'parents',
    'mothers',
    'fathers',
    'teenagers',
    'youths',
    'adults',
    'residents',
    'tenants',
    'drivers',
    'bosses',
    'managers',
    'officers',
    'cops',
    'coppers',
    'detectives',
    'constables',
    'sergeants',
    'sarges',
    'skippers',
    'sgts',
    'insps',
    'dcis',
    'inspectors',
    'supers',
    'pcs',
    'dcs',
    'dss',
    'dis',
    'pcsos',
    'specials',
    'probationers',
    'probies',
    'recruits',
    'trainees',
    'paramedics',
    'firefighters',
    'solicitors',
    'barristers',
    'judges',
    'magistrates',
    'controllers',
    'dispatchers',
    'staff',
    'shopkeepers',
    'cabbies',
    'landlords',
  ].map(squeeze),
);
/** Words after a group adjective that make it a noun ("every Sikh I've met", "the gay next door"). */
const NOUN_AFTER = new Set(
  ['ive', 'id', 'youve', 'youd', 'weve', 'wed', 'theyve', 'theyd', 'hes', 'shes', 'ill'].map(squeeze),
);

const DOOR = squeeze('door');
/** Verbs after "any <group word>" that make the word a person ("any Romanian comes near …"). */
const MEMBER_VERBS = new Set(
  [
    'comes',
    'goes',
    'gets',
    'tries',
    'looks',
    'says',
    'walks',
    'turns',
    'steps',
    'starts',
    'thinks',
    'wants',
    'moves',
    'touches',
    'talks',
    'does',
    'dares',
    'knows',
    'reckons',
    'calls',
    'rings',
    'asks',
    'shows',
    'sits',
    'stands',
    'kicks',
    'gives',
    'opens',
    'parks',
    'drives',
  ].map(squeeze),
);
function genericBefore(ctx: RuleContext, i: number): boolean {
  const prev = i > 0 ? ctx.tokens[i - 1]! : undefined;
  return prev !== undefined && prev.kind === TK_WORD && GENERIC.has(prev.key);
}
/**
 * A verb after a possessive-looking term: the 's belongs to the name ("people with Down's are …",
 * "a Jehovah's Witness"), not to a thing owned.
 */
const AFTER_NAME = new Set(
  [
    'are',
    'is',
    'were',
    'was',
    'arent',
    'isnt',
    'werent',
    'wasnt',
    'should',
    'shouldnt',
    'can',
    'cant',
    'cannot',
    'will',
    'wont',
    'never',
    'always',
    'all',
    'who',
    'dont',
    'deserve',
    'belong',
  ].map(squeeze),
);

/** Words for the people a small-boat emoji stands for ("the 🚤 lot", "🚤 arrivals"). */
const PEOPLE_AFTER_BOAT = new Set(
  ['lot', 'crowd', 'arrivals', 'invaders', 'brigade', 'gang', 'mob', 'migrants', 'scroungers'].map(squeeze),
);

/** A one-word weak group term followed by a plural person noun in the same sentence: its end. */
function namedPlural(ctx: RuleContext, u: Unit): number | undefined {
  const { tokens, n, sentOf, unitAt } = ctx;
  if (u.j - u.i !== 1 || u.j >= n || tokens[u.i]!.kind !== TK_WORD) return undefined;
  const next = tokens[u.j]!;
  if (next.kind !== TK_WORD || sentOf[u.j] !== u.sent || !PLURAL_PEOPLE.has(next.key)) return undefined;
  const nu = unitAt[u.j];
  if (nu !== undefined && has(nu, 'identity') !== undefined) return undefined;
  return u.j + 1;
}

function groupTargets(ctx: RuleContext): Identity {
  const { tokens, n, lex, sentOf, unitAt, targets, targetAt } = ctx;
  let identityPresent = false;
  let identitySpan: RuleOutcome['identitySpan'];
  const identityCategories = new Set<FlagCategory>();
  for (const u of ctx.units) {
    const r = has(u, 'identity');
    if (r === undefined || r.category === undefined) continue;
    // "female detectives", "Asian lads": a weak group word before plural people names the group.
    const plural = r.weak === true ? namedPlural(ctx, u) : undefined;
    const end = plural ?? u.j;
    // An identity adjective before a thing ("Chinese food", "gay bar") names no people; a group emoji
    // is a noun ("♿🥜" are disabled people, not a disabled thing).
    if (
      plural === undefined &&
      u.j - u.i === 1 &&
      tokens[u.i]!.kind !== TK_EMOJI &&
      lex.adjIdentity.has(tokens[u.i]!.key) &&
      u.j < n
    ) {
      const next = tokens[u.j]!;
      const nu = unitAt[u.j];
      const emojiThing = next.kind === TK_EMOJI && nu === undefined;
      if (emojiThing) continue;
      if (
        next.kind === TK_WORD &&
        sentOf[u.j] === u.sent &&
        nu === undefined &&
        !lex.functionWords.has(next.key) &&
        !lex.personNouns.has(next.key) &&
        !ADJ_BREAKERS.has(next.key) &&
        !NOUN_AFTER.has(next.key) &&
        !(MEMBER_VERBS.has(next.key) && genericBefore(ctx, u.i)) &&
        !(next.key === 'next' && u.j + 1 < n && tokens[u.j + 1]!.key === DOOR)
      ) {
        continue;
      }
    }
    if (u.j - u.i === 1 && tokens[u.i]!.kind === TK_EMOJI && u.j < n) {
      const next = tokens[u.j]!;
      if (next.kind === TK_WORD && sentOf[u.j] === u.sent && EMOJI_THINGS.has(next.key)) continue;
    }
    // "🚤 people", "the 🚤 lot": a small boat stands for its passengers only before a word for people.
    if (tokens[u.i]!.emoji?.peopleOnly === true) {
      const next = tokens[u.j];
      if (
        next === undefined ||
        next.kind !== TK_WORD ||
        !(PLURAL_PEOPLE.has(next.key) || PEOPLE_AFTER_BOAT.has(next.key) || lex.personNouns.has(next.key))
      )
        continue;
    }
    // "women's football", "Muslims' shops": a possessive before a thing names the thing — but
    // "black people's lives", "women's brains" still speak of the people.
    const last = tokens[end - 1]!;
    if (last.poss === true && end < n) {
      const next = tokens[end]!;
      if (
        next.kind === TK_WORD &&
        !POSSESSED_PEOPLE.has(next.key) &&
        !lex.personNouns.has(next.key) &&
        !AFTER_NAME.has(next.key)
      )
        continue;
    }
    // "that rant about Muslims was shameful", "jokes about Jews are not banter": what is described
    // is the talk about the group, not the group.
    if (aboutSpeech(ctx, u.i)) continue;
    // "women haters", "gay bashers", "trans rights": the people meant are not the group.
    if (
      end < n &&
      tokens[end]!.kind === TK_WORD &&
      NOT_TARGET.has(tokens[end]!.key) &&
      sentOf[end] === u.sent
    )
      continue;
    const tg: Target = {
      i: u.i,
      j: end,
      category: r.category,
      group: r.group ?? r.category,
      weak: r.weak === true && plural === undefined,
      pronoun: false,
      term: ctx.slice(u.i, end),
    };
    targets.push(tg);
    for (let k = u.i; k < end; k++) targetAt[k] = tg;
    // Victims are targets for the rules, but the model was never trained on them: no model-only flags.
    if (!tg.weak && tg.category !== 'victims_of_crime') {
      identityPresent = true;
      identityCategories.add(tg.category);
      identitySpan ??= { start: tokens[u.i]!.start, end: tokens[end - 1]!.end, term: tg.term };
    }
  }
  return { identityPresent, identityCategories: [...identityCategories], identitySpan };
}

/**
 * One person named by a group adjective ("a new Roma lad", "the Polish woman"): a plural pronoun after
 * it is singular they, so what it says is about that person, not the group.
 */
const SINGULAR_PERSONS = new Set(
  [
    'lad',
    'lass',
    'man',
    'woman',
    'guy',
    'bloke',
    'fella',
    'chap',
    'girl',
    'boy',
    'kid',
    'person',
    'colleague',
    'neighbour',
    'friend',
    'mate',
    'student',
    'officer',
    'recruit',
    'probationer',
    'teenager',
    'lady',
    'gentleman',
    'worker',
    'member',
    'driver',
    'copper',
    'cop',
    'nurse',
    'doctor',
    'teacher',
    'sergeant',
    'detective',
    'constable',
    'inspector',
    'employee',
    'tenant',
    'resident',
    'patient',
    'customer',
    'lodger',
  ].map(squeeze),
);
/** "they all", "them lot": the pronoun speaks of many, whoever was named before. */
const PLURAL_AFTER = new Set(['all', 'lot', 'every'].map(squeeze));
/** Only these can be singular they ("those", "that lot", "you people" always mean a group). */
export const THEY_FORMS = new Set(
  ['they', 'them', 'their', 'theirs', 'theyre', 'theyd', 'theyll', 'theyve', 'themselves'].map(squeeze),
);

const ARTICLES = new Set(['a', 'an', 'one'].map(squeeze));
const QUANTIFIERS = new Set(
  ['few', 'lot', 'couple', 'bunch', 'load', 'group', 'handful', 'number', 'gang', 'pair', 'crowd'].map(
    squeeze,
  ),
);

/** "a new Muslim woman": an article up to three words before the group word. */
function articleBefore(ctx: RuleContext, ref: Target): boolean {
  for (let k = ref.i - 1; k >= Math.max(0, ref.i - 3) && ctx.sentOf[k] === ctx.sentOf[ref.i]; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && ARTICLES.has(t.key)) {
      // "a few Asians", "a lot of them": a quantifier, not one person.
      const after = ctx.tokens[k + 1]!;
      return !(after.kind === TK_WORD && QUANTIFIERS.has(after.key));
    }
  }
  return false;
}

/**
 * One particular person ("there's a new …", "the … at my work", "met a …"), not any one of the group:
 * "Don't send a female officer, they're useless" is generic they and speaks of the group.
 */
const SPECIFIC = new Set(
  ['new', 'theres', 'there', 'met', 'saw', 'the', 'this', 'that', 'my', 'our', 'his', 'her'].map(squeeze),
);
function specific(ctx: RuleContext, ref: Target): boolean {
  for (let k = ref.i - 1; k >= Math.max(0, ref.i - 4) && ctx.sentOf[k] === ctx.sentOf[ref.i]; k--) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD && SPECIFIC.has(t.key)) return true;
  }
  return false;
}

function singularThey(ctx: RuleContext, ref: Target, u: Unit): boolean {
  const { tokens, n } = ctx;
  if (u.j - u.i !== 1 || !THEY_FORMS.has(tokens[u.i]!.key)) return false;
  const k = u.j;
  const next = ref.j < n ? tokens[ref.j]! : undefined;
  const nextWord = next !== undefined && next.kind === TK_WORD ? next.key : undefined;
  if (nextWord === undefined || !SINGULAR_PERSONS.has(nextWord)) {
    // "a new woman in a burka": an article before a group word that no plural noun ("family",
    // "lads") follows names one person.
    if (nextWord !== undefined && ctx.lex.personNouns.has(nextWord)) return false;
    if (!articleBefore(ctx, ref)) return false;
  }
  if (!specific(ctx, ref)) return false;
  const after = k < n ? tokens[k]! : undefined;
  return !(after !== undefined && after.kind === TK_WORD && PLURAL_AFTER.has(after.key));
}

const SINGULAR = new WeakMap<RuleContext, Set<number>>();
function singular(ctx: RuleContext): Set<number> {
  let s = SINGULAR.get(ctx);
  if (s === undefined) SINGULAR.set(ctx, (s = new Set<number>()));
  return s;
}

/**
 * Is there a singular they between token `from` and token `to` ("a new Roma lad … they've …")? A
 * group trope said of it ("taken over") speaks of one person; hatred of that person for who they are
 * ("can't stand them") still counts, so only the rules for group tropes ask.
 */
export function singularTheyBetween(ctx: RuleContext, from: number, to: number): boolean {
  const s = SINGULAR.get(ctx);
  if (s === undefined) return false;
  for (let k = from; k < to; k++) if (s.has(k)) return true;
  return false;
}

/** Pronouns refer to the latest strong group term before them, or the first one after. */
function referBack(ctx: RuleContext): void {
  const { n, targets, targetAt } = ctx;
  const strongTargets = targets.filter((t) => !t.weak);
  if (strongTargets.length === 0) return;
  let p = 0;
  for (const u of ctx.units) {
    if (has(u, 'pronoun') === undefined || has(u, 'identity') !== undefined) continue;
    // "those women": the group term itself is the target.
    if (u.j < n && targetAt[u.j] !== undefined) continue;
    while (p + 1 < strongTargets.length && strongTargets[p + 1]!.i < u.i) p++;
    const prev = strongTargets[p]!;
    const ref = prev.i < u.i ? prev : strongTargets[0]!;
    if (ref.i < u.i && singularThey(ctx, ref, u)) singular(ctx).add(u.i);
    const tg: Target = {
      i: u.i,
      j: u.j,
      category: ref.category,
      group: ref.group,
      weak: false,
      pronoun: true,
      term: `${ctx.slice(u.i, u.j)} (= ${ref.term})`,
    };
    targets.push(tg);
    for (let k = u.i; k < u.j; k++) targetAt[k] ??= tg;
  }
}
