/**
 * Term lists: loading, expansion and matching over normalised tokens.
 *
 * Every list lives in terms/lexicon.json (data, not code). Matching is longest-phrase-first over the
 * squeezed token keys, with fall-backs that see through obfuscation: the pre-leet form, `*`-masked
 * letters, one-edit spelling variations (missing, added, swapped or substituted letter; SymSpell-style
 * deletion index, so lookup cost does not grow with the list) and run-together words.
 *
 * Over 500 lines because loading, expansion and matching share the index types and the guard list;
 * the data itself is in terms/*.json.
 */

import auxData from './model/aux.json' with { type: 'json' };
import guardData from './terms/guard.json' with { type: 'json' };
import lexiconData from './terms/lexicon.json' with { type: 'json' };
import { makeToken, squeeze, TK_EMOJI, TK_WORD, type Token } from './normalise.js';
import type { FlagCategory } from '../../contract/coding.js';

export type RoleType =
  | 'identity'
  | 'slur'
  | 'derog'
  | 'hateVerb'
  | 'threat'
  | 'positive'
  | 'negatable'
  | 'negator'
  | 'intensifier'
  | 'report'
  | 'condemn'
  | 'selfRef'
  | 'pronoun'
  | 'profanity'
  | 'sexual'
  | 'other'
  | 'victimBlame'
  | 'victimContext'
  | 'laugh'
  | 'police'
  | 'person'
  | 'case'
  | 'anger'
  | 'coded'
  | 'sympathy';

export interface Role {
  type: RoleType;
  category?: FlagCategory;
  group?: string;
  severity?: number;
  /** identity: only counts with a dehumanising description or slur (operational descriptions, IC codes). */
  weak?: boolean;
  /** derog: dehumanising | derogatory | implicit; threat: strong | verb. */
  kind?: string;
  /** slur etc.: keys of context words/phrases that make this a benign homonym. */
  benign?: string[][];
  /** slur that is only derogatory when attached to a group (benign '*'): treated as a description. */
  contextual?: boolean;
  reclaimable?: boolean;
  /** slur that is also an ordinary word or identity term ("queer"): counts only as an insult ("you queer"). */
  insultOnly?: boolean;
  /** The term as written in the list (for evidence). */
  term: string;
  /** Term-list version the term came from. */
  source?: string;
  /** coded: context that must be near for the phrase to count (see `CodedCues`). */
  cues?: CodedCues;
  /** coded: the phrase names no people when the next word is one of these ("so gay marriage"). */
  notBefore?: ReadonlySet<string>;
  /** derog: counts only against targets of these categories ("can't fight" is about women here). */
  onlyFor?: readonly FlagCategory[];
  /** derog: a habit that counts only when pinned on the whole group ("all on the fiddle"), not one suspect. */
  generalised?: boolean;
  /** victimBlame: a provocation phrase that counts only next to another blame phrase. */
  pairOnly?: boolean;
}

/** Context cues of a coded phrase: words/phrases (keys), emoji names, or a group category in the message. */
export interface CodedCues {
  phrases: string[][];
  emoji: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

export interface Phrase {
  keys: string[];
  roles: Role[];
}

export interface Match {
  /** Token index range [i, j). */
  i: number;
  j: number;
  roles: Role[];
  via: 'exact' | 'leet' | 'fuzzy' | 'mask' | 'emoji';
}

interface RawLexicon {
  version: string;
  identity: { group: string; category: string; weak?: boolean; terms: string[] }[];
  slurs: {
    category: string;
    severity: number;
    terms: string[];
    benign?: Record<string, string[]>;
    reclaimable?: string[];
    mild?: string[];
  }[];
  derogatory: {
    severity: number;
    kind: string;
    terms: string[];
    categories?: string[];
    generalised?: boolean;
  }[];
  coded: {
    category: string;
    severity: number;
    note?: string;
    terms: string[];
    cues?: string[];
    benign?: string[];
    notBefore?: string[];
  }[];
  removal: { verbs: string[]; softVerbs: string[]; ends: string[]; destinations: string[] };
  hateVerbs: { severity: number; terms: string[] }[];
  threats: { severity: number; kind: string; terms: string[] }[];
  positive: { terms: string[]; negatable: string[] };
  negators: string[];
  intensifiers: string[];
  counterReport: string[];
  condemn: string[];
  /** Institutional or ambiguous cue words ("PSD", "report", "HR"): support counter-speech, never make it. */
  weakCondemn: string[];
  /** Words before a condemning word that dismiss it ("don't care if PSD see this"). */
  dismissCondemn: string[];
  /** Joke frames ("why did the …") and disclaimers ("I'm not racist but"), for the joke rule. */
  jokeFrames: { jokes: string[]; disclaimers: string[] };
  /** Knowing tags said of a group ("X, what else", "say no more"), for the insinuation rule (engine 2.5). */
  insinuation: {
    tags: string[];
    cued: string[];
    knowing: string[];
    knowingEnds: string[];
    always: string[];
    rhetorical: string[];
    reason: string[];
  };
  selfRef: string[];
  pronouns: string[];
  profanity: { severity: number; terms: string[] }[];
  sexual: { severity: number; terms: string[] }[];
  otherDerogatory: { severity: number; terms: string[]; benign?: Record<string, string[]> }[];
  victimBlame: {
    severity: number;
    terms: string[];
    benign?: Record<string, string[]>;
    mild?: string[];
    pairOnly?: boolean;
  }[];
  victimContext: string[];
  laughter: string[];
  police: { terms: string[] };
  functionWords: string[];
  abbreviations: Record<string, string>;
  personNouns: string[];
  adjIdentity: string[];
  clauseBreaks: string[];
  threatCues: string[];
  adjBreakers: string[];
  insultOnlySlurs: Record<string, string[]>;
  insultCues: string[];
  strongCounter: string[];
  notTarget: string[];
  possessedPeople: string[];
  /** Sympathy phrases ("terrible what happened", "awful for them"): no rule reads them as hostile. */
  sympathy: { terms: string[] };
}

export const LEXICON = lexiconData as unknown as RawLexicon;
export const LEXICON_VERSION = LEXICON.version;

/** Expand `kill{,s,ed}` → kill, kills, killed (one brace group per term is enough for the lists). */
export function expandTerm(term: string): string[] {
  const m = /^(.*)\{([^}]*)\}(.*)$/.exec(term);
  if (m === null) return [term];
  const out: string[] = [];
  for (const alt of m[2]!.split(',')) out.push(...expandTerm(m[1]! + alt + m[3]!));
  return out;
}

/** Normalise a list term the way message text is normalised, then split to keys. */
export function termKeys(term: string, abbreviations: ReadonlyMap<string, string>): string[] {
  const words = term
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    .split(/[^a-z0-9\p{Extended_Pictographic}\u200d]+/u)
    .filter((w) => w.length > 0);
  return words.map((w) => {
    const a = abbreviations.get(w);
    return squeeze(a !== undefined && !a.includes(' ') ? a : w);
  });
}

const NO_ABBREVIATIONS: ReadonlyMap<string, string> = new Map();

function codedCues(list: readonly string[], abbreviations: ReadonlyMap<string, string>): CodedCues {
  const phrases: string[][] = [];
  const emoji = new Set<string>();
  const groups = new Set<string>();
  for (const c of list) {
    if (c.startsWith('emoji:')) emoji.add(c.slice(6));
    else if (c.startsWith('group:')) groups.add(c.slice(6));
    else for (const t of expandTerm(c)) phrases.push(termKeys(t, abbreviations));
  }
  return { phrases, emoji, groups };
}

export interface CaseTermInput {
  term: string;
  category: FlagCategory;
  severity: number;
}

export interface LexiconIndex {
  phrases: Map<string, Phrase[]>;
  /** Single-word keys of content terms (for segmentation and fuzzy matching). */
  contentKeys: Set<string>;
  /** Keys one-edit matching can reach (content terms and person nouns). */
  fuzzyKeys: Set<string>;
  /** First words of multi-word content phrases. */
  phraseHeads: Set<string>;
  /** Every single-word key known to the lists (segmentation vocabulary). */
  vocab: Set<string>;
  /** Deletion index for one-edit matching: deletion variant → content key. */
  deletes: Map<string, string>;
  /** Unsqueezed content words by length, for `*`-masked tokens. */
  maskable: Map<number, MaskTerm[]>;
  abbreviations: Map<string, string>;
  functionWords: Set<string>;
  personNouns: Set<string>;
  adjIdentity: Set<string>;
  /** Dictionary words that must not be read as a one-edit variant or split (built at training time). */
  fuzzyStop: Set<string>;
  segStop: Set<string>;
  /** Dictionary words whose squeezed form collides with a term ("need" → "ned"). */
  squeezeStop: Set<string>;
  /** terms/guard.json: names, places, nationalities, streets and common words never read as slurs. */
  guard: ReadonlySet<string>;
  /** The same words squeezed: the fall-backs (one edit, splitting) work on squeezed keys. */
  guardKeys: ReadonlySet<string>;
  /**
   * Common words of chat (as written; `common` in model/aux.json, built at training time): a token that
   * is one, or is one edit or one mask from one, is ambiguous, and a fall-back must not read it as a term.
   */
  common: ReadonlySet<string>;
  version: string;
  /** Memo of obfuscation look-ups: chat vocabulary repeats, so most tokens are looked up once. */
  fuzzyCache: Map<string, string | null>;
  segCache: Map<string, string[] | null>;
}

const CACHE_LIMIT = 100_000;

interface GuardFile {
  note: string;
  [list: string]: string[] | string;
}

/** Every guarded word, lower case, as written (not squeezed). */
export const GUARD: ReadonlySet<string> = new Set(
  Object.entries(guardData as GuardFile).flatMap(([k, v]) => (k === 'note' || !Array.isArray(v) ? [] : v)),
);

/**
 * Roles a guarded word keeps: it may still name a group ("Nigerians") or be police vocabulary, but it
 * is never a slur, a hostile description or a case term by accident of spelling.
 */
const GUARD_KEEPS: ReadonlySet<RoleType> = new Set<RoleType>(['identity', 'police', 'person']);

/**
 * Common chat words that lie near a term (`buildAux`): read from the committed aux file here rather than
 * from the pipeline's, so that a pipeline built with empty stop lists (training, tests) still sees them.
 */
const COMMON_RAW: readonly string[] = (auxData as { common?: string[] }).common ?? [];
// As written, not squeezed: squeezing makes false neighbours ("glass" → "glas" is one edit from "gyas").
// With the guard list's common words ("santa", "digger"): a spelling one edit from one is ambiguous too.
const COMMON: ReadonlySet<string> = new Set([
  ...COMMON_RAW,
  ...((guardData as GuardFile).common as string[]),
]);

/**
 * A token whose lookup went through a fall-back that changed the word ("need" squeezed to "ned") or
 * that is on the guard list may start only phrases that really begin with that word, and on its own
 * keeps only its neutral readings. Returns the candidates that survive.
 */
function guardCandidates(lex: LexiconIndex, t: Token, cands: Phrase[]): Phrase[] {
  const guarded = lex.guard.has(t.norm);
  const squeezed = t.key !== t.norm && (guarded || lex.squeezeStop.has(t.norm));
  if (!guarded && !squeezed) return cands;
  const out: Phrase[] = [];
  for (const ph of cands) {
    if (ph.keys.length > 1) {
      const head = (ph.roles[0]?.term ?? '').toLowerCase().split(/[^a-z0-9]+/)[0];
      if (!squeezed || head === t.norm) out.push(ph);
      continue;
    }
    const roles = ph.roles.filter((r) => GUARD_KEEPS.has(r.type));
    if (roles.length > 0) out.push(roles.length === ph.roles.length ? ph : { keys: ph.keys, roles });
  }
  return out;
}

/**
 * `written` is the token's letters before squeezing: the common-word check reads the word as typed
 * ("trnny" is no word; its squeezed "trny" is one letter from "tiny").
 */
function cachedFuzzy(lex: LexiconIndex, key: string, written?: string): string | undefined {
  const as = written !== undefined && written !== key && /^[a-z]+$/.test(written) ? written : undefined;
  const memo = as === undefined ? key : `${key} ${as}`;
  const c = lex.fuzzyCache.get(memo);
  if (c !== undefined) return c ?? undefined;
  const r = fuzzyKey(lex, key, as);
  if (lex.fuzzyCache.size >= CACHE_LIMIT) lex.fuzzyCache.clear();
  lex.fuzzyCache.set(memo, r ?? null);
  return r;
}

function cachedSegment(lex: LexiconIndex, key: string): string[] | undefined {
  const c = lex.segCache.get(key);
  if (c !== undefined) return c ?? undefined;
  const r = segment(lex, key);
  if (lex.segCache.size >= CACHE_LIMIT) lex.segCache.clear();
  lex.segCache.set(key, r ?? null);
  return r;
}

const FUZZY_ROLES: ReadonlySet<RoleType> = new Set([
  'identity',
  'slur',
  'derog',
  'hateVerb',
  'threat',
  'profanity',
]);
const CONTENT_ROLES: ReadonlySet<RoleType> = new Set([
  'identity',
  'slur',
  'derog',
  'hateVerb',
  'threat',
  'case',
]);

/**
 * The base index while it is being filled: `addTerm` writes into it from each term list. The lists
 * are added in a fixed order (identity first), which decides the order of phrases and roles.
 */
interface LexiconBuild {
  readonly abbreviations: ReadonlyMap<string, string>;
  readonly phrases: Map<string, Phrase[]>;
  readonly contentKeys: Set<string>;
  readonly vocab: Set<string>;
  /** Single-word content terms by length, for `*`-masked matching. */
  readonly maskable: Map<number, MaskTerm[]>;
  readonly rawSingles: Set<string>;
  /** Phrases by their joined keys, so a term reached twice adds a role to one phrase. */
  readonly byJoined: Map<string, Phrase>;
}

/** Adds a term (and its expansions) with a role: the phrase, its vocabulary and its content/mask keys. */
function addTerm(
  b: LexiconBuild,
  term: string,
  role: Omit<Role, 'term'>,
  abbr: ReadonlyMap<string, string> = b.abbreviations,
): void {
  for (const t of expandTerm(term)) {
    const keys = termKeys(t, abbr);
    if (keys.length === 0) continue;
    const first = keys[0]!;
    let list = b.phrases.get(first);
    if (list === undefined) {
      list = [];
      b.phrases.set(first, list);
    }
    const joined = keys.join(' ');
    let ph = b.byJoined.get(joined);
    if (ph === undefined) {
      ph = { keys, roles: [] };
      list.push(ph);
      b.byJoined.set(joined, ph);
    }
    // The same term can reach a list twice (an abbreviation and its expansion): keep one role.
    if (!ph.roles.some((r) => r.type === role.type && r.category === role.category))
      ph.roles.push({ ...role, term: t });
    for (const k of keys) b.vocab.add(k);
    if (keys.length === 1 && CONTENT_ROLES.has(role.type) && !role.contextual) b.contentKeys.add(first);
    // Reporting verbs too: a starred "sh*uted" still frames a quoted slur as something said.
    if (keys.length === 1 && (FUZZY_ROLES.has(role.type) || role.type === 'sexual' || role.type === 'report'))
      addMaskable(b, t, first);
  }
}

/**
 * A single-word term's letters as written, and the phrase key they lead to: a masked word is matched
 * against the letters, and the key is what the phrase table holds. They differ where the term is an
 * abbreviation or spelling the normaliser rewrites ("wimmin" is found under "women"); returning the
 * squeezed letters instead crashed the flagger on "wimm*n" (no phrase under "wimin").
 */
export interface MaskTerm {
  raw: string;
  key: string;
}

/** A single-word term's letters, once, under its length (what `*`-masked words are matched against). */
function addMaskable(b: LexiconBuild, term: string, key: string): void {
  const raw = term.toLowerCase().replace(/[^a-z]/g, '');
  if (!b.rawSingles.has(raw) && raw.length >= 3) {
    b.rawSingles.add(raw);
    let arr = b.maskable.get(raw.length);
    if (arr === undefined) b.maskable.set(raw.length, (arr = []));
    arr.push({ raw, key });
  }
}

/** A term's benign contexts as key lists; none when it has none or is marked contextual (`*`). */
function benignOf(
  b: LexiconBuild,
  map: Record<string, string[]> | undefined,
  term: string,
): string[][] | undefined {
  const list = map?.[term];
  if (list === undefined || list.length === 0 || list[0] === '*') return undefined;
  return list.map((x) => termKeys(x, b.abbreviations));
}

/** A term marked `*` in a benign map is derogatory only in context, not a slur by itself. */
function contextualOf(map: Record<string, string[]> | undefined, term: string): boolean {
  return map?.[term]?.[0] === '*';
}

/** Group names, slurs and insult-only slurs: the terms that name a protected group. */
function addGroupTerms(b: LexiconBuild): void {
  const L = LEXICON;
  for (const g of L.identity) {
    for (const t of g.terms) {
      addTerm(b, t, {
        type: 'identity',
        category: g.category as FlagCategory,
        group: g.group,
        weak: g.weak === true,
      });
    }
  }
  for (const s of L.slurs) {
    const reclaim = new Set(s.reclaimable ?? []);
    const mild = new Set(s.mild ?? []);
    for (const raw of s.terms) {
      for (const t of expandTerm(raw)) {
        const contextual = contextualOf(s.benign, t);
        addTerm(b, t, {
          type: contextual ? 'derog' : 'slur',
          category: s.category as FlagCategory,
          severity: mild.has(t) ? 1 : s.severity,
          kind: contextual ? 'derogatory' : undefined,
          benign: benignOf(b, s.benign, t),
          contextual,
          reclaimable: reclaim.has(t),
        });
      }
    }
  }
  for (const [category, terms] of Object.entries(L.insultOnlySlurs)) {
    for (const t of terms) {
      addTerm(b, t, {
        type: 'slur',
        category: category as FlagCategory,
        severity: 2,
        insultOnly: true,
        reclaimable: true,
      });
    }
  }
}

/** Derogatory words and coded phrases, then the cue words the rules read around them. */
function addDerogatoryAndCueTerms(b: LexiconBuild): void {
  const L = LEXICON;
  for (const d of L.derogatory) {
    const onlyFor = d.categories as FlagCategory[] | undefined;
    const generalised = d.generalised === true ? true : undefined;
    for (const t of d.terms)
      addTerm(b, t, { type: 'derog', severity: d.severity, kind: d.kind, onlyFor, generalised });
  }
  // Coded phrases: stereotypes and exclusions that name their target by themselves ("go back where you
  // came from", "get back in the kitchen", "so gay"), most only with a context cue nearby.
  for (const c of L.coded) {
    const cues = c.cues === undefined ? undefined : codedCues(c.cues, b.abbreviations);
    const benign = c.benign?.flatMap(expandTerm).map((x) => termKeys(x, b.abbreviations));
    const notBefore = c.notBefore === undefined ? undefined : new Set(c.notBefore.map((w) => squeeze(w)));
    for (const t of c.terms) {
      addTerm(b, t, {
        type: 'coded',
        category: c.category as FlagCategory,
        severity: c.severity,
        cues,
        benign,
        notBefore,
      });
    }
  }
  for (const h of L.hateVerbs)
    for (const t of h.terms) addTerm(b, t, { type: 'hateVerb', severity: h.severity });
  for (const h of L.threats)
    for (const t of h.terms) addTerm(b, t, { type: 'threat', severity: h.severity, kind: h.kind });
  for (const t of L.positive.terms) addTerm(b, t, { type: 'positive' });
  for (const t of L.positive.negatable) addTerm(b, t, { type: 'negatable' });
  for (const t of L.negators) addTerm(b, t, { type: 'negator' });
  for (const t of L.intensifiers) addTerm(b, t, { type: 'intensifier' });
  for (const t of L.counterReport) addTerm(b, t, { type: 'report' });
  for (const t of L.strongCounter) addTerm(b, t, { type: 'report', kind: 'strong' });
  for (const t of L.condemn) addTerm(b, t, { type: 'condemn' });
  for (const t of L.weakCondemn) addTerm(b, t, { type: 'condemn', kind: 'weak' });
  for (const t of L.selfRef) addTerm(b, t, { type: 'selfRef' });
  for (const t of L.pronouns) addTerm(b, t, { type: 'pronoun' });
}

/** Profanity, sexual content, other derogatory terms, victim blaming and the police/person context words. */
function addOtherTerms(b: LexiconBuild): void {
  const L = LEXICON;
  for (const p of L.profanity)
    for (const t of p.terms)
      addTerm(b, t, { type: 'profanity', category: 'profanity', severity: p.severity });
  for (const p of L.sexual)
    for (const t of p.terms)
      addTerm(b, t, { type: 'sexual', category: 'sexual_content', severity: p.severity });
  for (const o of L.otherDerogatory) {
    for (const raw of o.terms) {
      for (const t of expandTerm(raw)) {
        addTerm(b, t, {
          type: 'other',
          category: 'other_derogatory',
          severity: o.severity,
          benign: benignOf(b, o.benign, t),
        });
      }
    }
  }
  for (const v of L.victimBlame) {
    const mild = new Set((v.mild ?? []).flatMap(expandTerm));
    for (const raw of v.terms) {
      for (const t of expandTerm(raw)) {
        addTerm(b, t, {
          type: 'victimBlame',
          category: 'victims_of_crime',
          severity: mild.has(t) ? 1 : v.severity,
          benign: benignOf(b, v.benign, t),
          pairOnly: v.pairOnly === true ? true : undefined,
        });
      }
    }
  }
  // Police shorthand is matched as written: "DA" is domestic abuse here, not chat spelling of "the".
  for (const t of L.victimContext) addTerm(b, t, { type: 'victimContext' }, NO_ABBREVIATIONS);
  for (const t of L.laughter) addTerm(b, t, { type: 'laugh' });
  for (const t of L.police.terms) addTerm(b, t, { type: 'police' });
  for (const t of L.sympathy.terms) addTerm(b, t, { type: 'sympathy' });
  for (const t of L.personNouns) addTerm(b, t, { type: 'person' });
}

/** SymSpell-style deletion index: every one-letter deletion of a key (4+ letters) points back to it. */
function deletionIndex(fuzzyKeys: ReadonlySet<string>): Map<string, string> {
  const deletes = new Map<string, string>();
  for (const k of fuzzyKeys) {
    if (k.length < 4) continue;
    for (let p = 0; p < k.length; p++) {
      const d = k.slice(0, p) + k.slice(p + 1);
      if (!deletes.has(d) && !fuzzyKeys.has(d)) deletes.set(d, k);
    }
  }
  return deletes;
}

/** First words of multi-word group/hate phrases ("black" of "black people"): content for splitting. */
function phraseHeadsOf(phrases: ReadonlyMap<string, Phrase[]>): Set<string> {
  const phraseHeads = new Set<string>();
  for (const [first, list] of phrases) {
    if (list.some((ph) => ph.keys.length > 1 && ph.roles.some((r) => CONTENT_ROLES.has(r.type))))
      phraseHeads.add(first);
  }
  return phraseHeads;
}

function buildBaseLexicon(options: {
  extraTerms?: readonly CaseTermInput[];
  caseVersion?: string;
  fuzzyStop?: readonly string[];
  segStop?: readonly string[];
  squeezeStop?: readonly string[];
}): LexiconIndex {
  const L = LEXICON;
  const abbreviations = new Map(Object.entries(L.abbreviations));
  const b: LexiconBuild = {
    abbreviations,
    phrases: new Map(),
    contentKeys: new Set(),
    vocab: new Set(),
    maskable: new Map(),
    rawSingles: new Set(),
    byJoined: new Map(),
  };
  // The order of these three decides phrase and role order: keep it.
  addGroupTerms(b);
  addDerogatoryAndCueTerms(b);
  addOtherTerms(b);
  const { phrases, contentKeys, vocab } = b;
  // Longest phrase first: the matcher takes the first that fits (stable: list order otherwise).
  for (const list of phrases.values()) list.sort((x, y) => y.keys.length - x.keys.length);
  const functionWords = new Set(L.functionWords.map((w) => squeeze(w)));
  for (const w of functionWords) vocab.add(w);
  for (const [k, v] of abbreviations) {
    if (!v.includes(' ')) vocab.add(squeeze(k));
  }
  // Person nouns are matched fuzzily too ("black poeple"), but do not count as content on their own.
  const fuzzyKeys = new Set([...contentKeys, ...L.personNouns.map(squeeze)]);
  return {
    phrases,
    contentKeys,
    fuzzyKeys,
    phraseHeads: phraseHeadsOf(phrases),
    vocab,
    deletes: deletionIndex(fuzzyKeys),
    maskable: b.maskable,
    abbreviations,
    functionWords,
    personNouns: new Set(L.personNouns.map(squeeze)),
    adjIdentity: new Set(L.adjIdentity.map(squeeze)),
    fuzzyStop: new Set(options.fuzzyStop ?? []),
    segStop: new Set(options.segStop ?? []),
    squeezeStop: new Set(options.squeezeStop ?? []),
    guard: GUARD,
    guardKeys: new Set([...GUARD].map(squeeze)),
    common: COMMON,
    version: L.version,
    fuzzyCache: new Map(),
    segCache: new Map(),
  };
}

let baseCache: { key: unknown[]; lex: LexiconIndex } | undefined;

/**
 * The term lists as an index. The base lists are built once per process (for the same stop lists) and
 * shared; case terms are layered on a copy-on-write copy, so a flagger per case costs little.
 */
export function buildLexicon(options: {
  extraTerms?: readonly CaseTermInput[];
  caseVersion?: string;
  fuzzyStop?: readonly string[];
  segStop?: readonly string[];
  squeezeStop?: readonly string[];
}): LexiconIndex {
  const key = [options.fuzzyStop, options.segStop, options.squeezeStop];
  let base: LexiconIndex;
  if (baseCache !== undefined && baseCache.key.every((k, i) => k === key[i])) base = baseCache.lex;
  else {
    base = buildBaseLexicon(options);
    baseCache = { key, lex: base };
  }
  const extra = options.extraTerms ?? [];
  const phrases = extra.length > 0 ? new Map(base.phrases) : base.phrases;
  const contentKeys = extra.length > 0 ? new Set(base.contentKeys) : base.contentKeys;
  const vocab = extra.length > 0 ? new Set(base.vocab) : base.vocab;
  const phraseHeads = extra.length > 0 ? new Set(base.phraseHeads) : base.phraseHeads;
  const touched = new Set<string>();
  const addCase = (term: string, role: Omit<Role, 'term'>): void => {
    for (const t of expandTerm(term)) {
      const keys = termKeys(t, base.abbreviations);
      if (keys.length === 0) continue;
      const first = keys[0]!;
      let list = phrases.get(first) ?? [];
      if (!touched.has(first)) {
        // Copy the list and its phrases before changing them: the base is shared.
        list = list.map((p) => ({ keys: p.keys, roles: [...p.roles] }));
        touched.add(first);
      }
      let ph = list.find((p) => p.keys.length === keys.length && p.keys.every((k, idx) => k === keys[idx]));
      if (ph === undefined) {
        ph = { keys, roles: [] };
        list.push(ph);
        list.sort((a, b) => b.keys.length - a.keys.length);
      }
      ph.roles.push({ ...role, term: t });
      phrases.set(first, list);
      for (const k of keys) vocab.add(k);
      if (keys.length === 1) contentKeys.add(first);
      else phraseHeads.add(first);
    }
  };
  for (const ct of extra) {
    const sev = Math.max(1, Math.min(3, Math.round(ct.severity)));
    addCase(ct.term, { type: 'case', category: ct.category, severity: sev, source: options.caseVersion });
    // A case term for a victim (a nickname) is also a target: derogatory descriptions of it count.
    if (ct.category === 'victims_of_crime') {
      addCase(ct.term, {
        type: 'identity',
        category: 'victims_of_crime',
        group: 'case victim',
        source: options.caseVersion,
      });
    }
  }
  // Fresh look-up memos per flagger: a case term can change what a token means.
  return { ...base, phrases, contentKeys, vocab, phraseHeads, fuzzyCache: new Map(), segCache: new Map() };
}

/**
 * One-edit lookup (missing, extra, swapped or substituted letter) against content terms. Nothing when
 * the token is itself a common word ("santa") or is also one edit from a common word that is not a
 * term ("sarts" is "starts" as much as "tarts", "thik" is "think"): an ambiguous spelling is no slur.
 */
export function fuzzyKey(lex: LexiconIndex, key: string, written = key): string | undefined {
  if (lex.common.has(key) || lex.common.has(written)) return undefined;
  const k = fuzzyTerm(lex, key);
  if (k === undefined) return undefined;
  // A misread group word costs little (it needs a description to count), a misread slur flags on its
  // own: only hostile terms, or any term from a token of three letters ("roa"), must be unambiguous.
  if ((key.length <= 3 || hostile(lex, k)) && nearCommon(lex, written, k)) return undefined;
  return k;
}

const HOSTILE: ReadonlySet<RoleType> = new Set<RoleType>([
  'slur',
  'derog',
  'hateVerb',
  'threat',
  'profanity',
  'other',
  'coded',
  'victimBlame',
  'sexual',
  'case',
]);

/**
 * Whether a term key is hostile by itself (a slur, a threat …) rather than a group name. Longer phrases
 * it starts do not count: "trans freak" is hostile for its second word, which must still follow.
 */
function hostile(lex: LexiconIndex, k: string): boolean {
  return (lex.phrases.get(k) ?? []).some(
    (ph) => ph.keys.length === 1 && ph.roles.some((r) => HOSTILE.has(r.type)),
  );
}

/**
 * Whether a common word other than `term` is one missing, swapped or substituted letter from `key`.
 * Not an extra letter: dropping one from the token to reach a word ("fmale" → "male") is the rarer
 * typo, and would hide many misspelt group words. Words that are terms, person nouns or group names
 * themselves never make a spelling ambiguous ("ofifcer" is "officer" either way).
 */
function nearCommon(lex: LexiconIndex, key: string, term: string): boolean {
  if (lex.common.size === 0) return false;
  const hit = (w: string): boolean => {
    if (w.length < 4 || !lex.common.has(w)) return false;
    const k = squeeze(w);
    return k !== term && !lex.fuzzyKeys.has(k) && !namesPeople(lex, k);
  };
  const A = 'abcdefghijklmnopqrstuvwxyz';
  for (let p = 0; p <= key.length; p++) {
    if (p + 1 < key.length && hit(key.slice(0, p) + key[p + 1]! + key[p]! + key.slice(p + 2))) return true;
    for (const c of A) {
      if (hit(key.slice(0, p) + c + key.slice(p))) return true;
      if (p < key.length && c !== key[p] && hit(key.slice(0, p) + c + key.slice(p + 1))) return true;
    }
  }
  return false;
}

function namesPeople(lex: LexiconIndex, w: string): boolean {
  return (lex.phrases.get(w) ?? []).some(
    (ph) => ph.keys.length === 1 && ph.roles.some((r) => r.type === 'identity' || r.type === 'person'),
  );
}

function fuzzyTerm(lex: LexiconIndex, key: string): string | undefined {
  if (
    key.length < 3 ||
    key.length > 16 ||
    lex.fuzzyStop.has(key) ||
    lex.vocab.has(key) ||
    lex.guardKeys.has(key)
  )
    return undefined;
  // The token is a term with one letter missing ("wmen", "muslms").
  const missing = lex.deletes.get(key);
  if (missing !== undefined) return missing;
  if (key.length === 3) {
    // Three letters: only two adjacent letters swapped ("gya" → "gay").
    for (const sw of [key[1]! + key[0]! + key[2]!, key[0]! + key[2]! + key[1]!]) {
      if (lex.contentKeys.has(sw)) return sw;
    }
    return undefined;
  }
  if (key.length < 4) return undefined;
  // Two adjacent letters swapped in a short word ("gyas", "jwes"): the deletion meet below needs five.
  if (key.length === 4) {
    for (let p = 0; p + 1 < key.length; p++) {
      const sw = key.slice(0, p) + key[p + 1]! + key[p]! + key.slice(p + 2);
      if (lex.contentKeys.has(sw)) return sw;
    }
  }
  for (let p = 0; p < key.length; p++) {
    const d = key.slice(0, p) + key.slice(p + 1);
    // The token has one extra letter.
    if (lex.fuzzyKeys.has(d) && d.length >= 4) return d;
    // One substituted or two swapped letters: both sides lose one letter and meet.
    if (key.length >= 5) {
      const sub = lex.deletes.get(d);
      if (sub !== undefined && sub.length === key.length) return sub;
    }
  }
  return undefined;
}

function maskMatch(lex: LexiconIndex, norm: string): string | undefined {
  const cands = lex.maskable.get(norm.length);
  if (cands === undefined) return undefined;
  let visible = 0;
  for (let i = 0; i < norm.length; i++) if (norm[i] !== '*') visible++;
  if (visible < 1) return undefined;
  const hidden = norm.length - visible;
  // All but one or two letters starred ("c***", "p***"): only a slur that alone fits.
  if (hidden > Math.max(2, norm.length - 2)) return heavyMask(lex, norm, cands, true);
  // More than half ("f**", "a**", "f****t"): a term that alone fits (the first that fit was taken before,
  // and "f** off" read as "fag").
  if (2 * hidden > norm.length) {
    const k = heavyMask(lex, norm, cands, false);
    return k === undefined || maskAmbiguous(lex, norm, k.raw) ? undefined : k.key;
  }
  for (const { raw, key } of cands) {
    let ok = true;
    for (let i = 0; i < norm.length; i++) {
      const ch = norm[i]!;
      if (ch !== '*' && ch !== raw[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return maskAmbiguous(lex, norm, raw) ? undefined : key;
  }
  return undefined;
}

/** Whether the visible letters of a masked word are those of `raw` (same length). */
function fitsMask(norm: string, raw: string): boolean {
  for (let i = 0; i < norm.length; i++) if (norm[i] !== '*' && norm[i] !== raw[i]) return false;
  return true;
}

/**
 * The one listed term a word with most letters starred fits ("f****t" is faggot); with `slur`, only if it
 * is a slur ("c***"). Two fits ("p***": paki, poof; "f**": fag, fuk …; "a**": abo, ass) are ambiguous.
 */
function heavyMask(
  lex: LexiconIndex,
  norm: string,
  cands: readonly MaskTerm[],
  slur: true,
): string | undefined;
function heavyMask(
  lex: LexiconIndex,
  norm: string,
  cands: readonly MaskTerm[],
  slur: false,
): MaskTerm | undefined;
function heavyMask(
  lex: LexiconIndex,
  norm: string,
  cands: readonly MaskTerm[],
  slur: boolean,
): string | MaskTerm | undefined {
  let hit: MaskTerm | undefined;
  let cat: string | undefined;
  for (const c of cands) {
    if (!fitsMask(norm, c.raw)) continue;
    // Two spellings of one slur ("faggot", "faggit") are one fit.
    const cats = new Set(slurRoles(lex, c.key).map((r) => r.category));
    const one = cats.size === 1 ? [...cats][0] : undefined;
    if (hit !== undefined && hit.key !== c.key && (one === undefined || one !== cat)) return undefined;
    hit ??= c;
    cat ??= one;
  }
  if (hit === undefined || !slur) return hit;
  return slurRoles(lex, hit.key).length > 0 ? hit.key : undefined;
}

/**
 * A mask that a common word fits as well ("t*at" is "that", "who*e" is "whole") is ambiguous unless a
 * vowel of the term is under the stars: that is how swear words are starred ("wh*re", "c**t"), while a
 * starred consonant in an ordinary word is a typo or a random mask.
 */
function maskAmbiguous(lex: LexiconIndex, norm: string, term: string): boolean {
  let hiddenVowel = false;
  for (let i = 0; i < norm.length; i++) if (norm[i] === '*' && /[aeiouy]/.test(term[i]!)) hiddenVowel = true;
  if (hiddenVowel) return false;
  if (lex.common.size === 0) return false;
  for (const w of COMMON_RAW) {
    if (w.length !== norm.length || w === term || lex.contentKeys.has(squeeze(w))) continue;
    let ok = true;
    for (let i = 0; i < norm.length && ok; i++) if (norm[i] !== '*' && norm[i] !== w[i]) ok = false;
    if (ok) return true;
  }
  return false;
}

/**
 * Split a run-together word into known words ("ihatewomen" → i hate women). Accepted only when all
 * pieces are known, at least one is a content term, and the word is not an ordinary dictionary word
 * that happens to split (the `segStop` list: "therapist" is not "the rapist").
 */
export function segment(lex: LexiconIndex, key: string): string[] | undefined {
  const n = key.length;
  // Up to 24 letters: longer runs are URLs, hashtags or keyboard mashing, and cost more to split.
  if (
    n < 6 ||
    n > 24 ||
    lex.segStop.has(key) ||
    lex.fuzzyStop.has(key) ||
    lex.guardKeys.has(key) ||
    /[^a-z]/.test(key)
  )
    return undefined;
  // best[i] = fewest pieces covering key[0..i)
  const best = new Int16Array(n + 1).fill(0x7fff);
  const back = new Int16Array(n + 1).fill(-1);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    if (best[i] === 0x7fff) continue;
    const maxLen = Math.min(20, n - i);
    for (let len = 1; len <= maxLen; len++) {
      const piece = key.slice(i, i + len);
      if (len === 1 && piece !== 'i' && piece !== 'a') continue;
      if (!lex.vocab.has(piece)) continue;
      if (best[i]! + 1 < best[i + len]!) {
        best[i + len] = best[i]! + 1;
        back[i + len] = i;
      }
    }
  }
  if (best[n] === 0x7fff || best[n]! < 2) return undefined;
  const pieces: string[] = [];
  let p = n;
  while (p > 0) {
    const q = back[p]!;
    pieces.unshift(key.slice(q, p));
    p = q;
  }
  if (!pieces.some((x) => (lex.contentKeys.has(x) || lex.phraseHeads.has(x)) && x.length >= 3))
    return undefined;
  return pieces;
}

/**
 * Keys an inflected word may come from, by the regular rules of English spelling (on squeezed keys, so
 * a doubled consonant is already one): plural -s and -es ("biatches"), -ies from -y, -ie, -ey and -i
 * ("gimpies", "pakies"), -ie for -y or -i ("pakie"), and the adjective endings -y and -ish ("faggy",
 * "faggish"). A key ending in -es is tried without its s too ("dykes"). Not -ey: "spicey" and "hooey"
 * are spellings of words, not of "spic" and "hoe".
 */
export function inflectionRoots(key: string, adjective = true): string[] {
  const n = key.length;
  if (n < 4) return [];
  const out: string[] = [];
  if (key.endsWith('ies')) {
    const b = key.slice(0, -3);
    out.push(b + 'y', b + 'ie', b + 'ey', b + 'i');
  } else if (key.endsWith('s')) {
    out.push(key.slice(0, -1));
    // -es only after the letters English adds it to: "spices" is no plural of "spic".
    if (key.endsWith('es') && /(?:[xzo]|ch|sh)$/.test(key.slice(0, -2))) out.push(key.slice(0, -2));
  } else if (key.endsWith('ie')) {
    const b = key.slice(0, -2);
    out.push(b + 'y', b + 'i', b + 'ey');
  } else if (key.endsWith('y') && !/[aeiouy]$/.test(key.slice(0, -1))) {
    // -y for -ie ("aspy", "roasty"), then the adjective ("faggy", "dyky").
    const b = key.slice(0, -1);
    out.push(b + 'ie', b + 'i');
    if (adjective) out.push(b, b + 'e');
  } else if (adjective && key.endsWith('ish') && n >= 6) {
    const b = key.slice(0, -3);
    out.push(b, b + 'e');
  }
  return out.filter((r) => r.length >= 3);
}

/** A word of the lists (as one word), a function word, a common or a guarded word: it means itself. */
function ownWord(lex: LexiconIndex, t: Token): boolean {
  return (
    (lex.phrases.get(t.key) ?? []).some((ph) => ph.keys.length === 1) ||
    lex.functionWords.has(t.key) ||
    lex.common.has(t.norm) ||
    lex.guard.has(t.norm) ||
    lex.guardKeys.has(t.key)
  );
}

/**
 * The slur a symbol at the word's edge spells (`n1gg@` → nigga, `chinkie$` → chinkies, `@spie` →
 * aspie), unless the word without it means something itself ("jihad!", "fag$" is read as "fag").
 */
function edgeSlur(lex: LexiconIndex, t: Token, edge: string): string | undefined {
  if (t.kind !== TK_WORD || t.key.length < 2 || ownWord(lex, t)) return undefined;
  // A '!' (the only edge symbol read as i) is mostly punctuation: not after a dictionary word ("jihad!").
  if (edge.endsWith('i') && !t.norm.endsWith('i') && (lex.fuzzyStop.has(t.key) || lex.segStop.has(t.key)))
    return undefined;
  const key = squeeze(edge);
  if (slurRoles(lex, key).length > 0 && spellings(lex, key).some((w) => keepsLetters(edge, w, key.length)))
    return key;
  return lex.phrases.has(key) ? undefined : inflectedSlur(lex, key, edge, true);
}

/**
 * The slur a key is an inflection of (the first reading that is one: "heeby" is "heeb" or "hebe"). `written` is the word's letters
 * before squeezing: the root's letters must all be there, as often as the listed term has them ("cony" is
 * no form of "coon", though both squeeze to "con"). Adjective endings only for slurs that are not mild:
 * a mild one is an ordinary word too ("dwarfish").
 */
function inflectedSlur(
  lex: LexiconIndex,
  key: string,
  written: string,
  adjective: boolean,
): string | undefined {
  const adjForm = adjective && /(?:ish|[^aeiouy]y)$/.test(key);
  for (const r of inflectionRoots(key, adjective)) {
    const roles = slurRoles(lex, r);
    if (roles.length === 0) continue;
    if (adjForm && !/(?:ie|i)$/.test(r) && !roles.some((x) => (x.severity ?? 0) >= 2)) continue;
    let stem = 0;
    while (stem < r.length && r[stem] === key[stem]) stem++;
    if (!spellings(lex, r).some((w) => keepsLetters(written, w, stem))) continue;
    return r;
  }
  return undefined;
}

const SPELLINGS = new WeakMap<ReadonlyMap<number, MaskTerm[]>, Map<string, string[]>>();

/** Every one-word spelling the lists hold under a key ("kaffir" and "kafir" under "kafir"). */
function spellings(lex: LexiconIndex, key: string): string[] {
  let byKey = SPELLINGS.get(lex.maskable);
  if (byKey === undefined) {
    byKey = new Map();
    for (const list of lex.maskable.values()) {
      for (const m of list) {
        const arr = byKey.get(m.key);
        if (arr === undefined) byKey.set(m.key, [m.raw]);
        else arr.push(m.raw);
      }
    }
    SPELLINGS.set(lex.maskable, byKey);
  }
  return byKey.get(key) ?? [];
}

/**
 * Whether the first `runs` runs of letters of `term` are in `written`, each at least as long ("faggish"
 * keeps the "fag" of "fag"; "cony" drops an o of "coon").
 */
function keepsLetters(written: string, term: string, runs: number): boolean {
  let i = 0;
  let j = 0;
  for (let r = 0; r < runs; r++) {
    const c = term[i];
    if (c === undefined || written[j] !== c) return false;
    const a = i;
    while (term[i] === c) i++;
    const b = j;
    while (written[j] === c) j++;
    if (j - b < i - a) return false;
  }
  return true;
}

/** The slur roles of a single word under this key (not insult-only ones: "cowish" is no insult). */
function slurRoles(lex: LexiconIndex, k: string): Role[] {
  const out: Role[] = [];
  for (const ph of lex.phrases.get(k) ?? []) {
    if (ph.keys.length !== 1) continue;
    for (const r of ph.roles) if (r.type === 'slur' && r.insultOnly !== true) out.push(r);
  }
  return out;
}

/**
 * A listed slur in an inflected form the lists do not hold (`p1kies`, `biatches`, `faggish`). Slurs only,
 * and only when the word is not one of the lists or a common word; an adjective in -y or -ish only
 * when it is no dictionary word either ("spicy" is not a form of "spic").
 */
function slurSpelling(lex: LexiconIndex, t: Token): { key: string; via: Match['via'] } | undefined {
  if (t.kind !== TK_WORD || t.masked === true || t.synthetic === 'split') return undefined;
  if (lex.vocab.has(t.key) || ownWord(lex, t) || lex.squeezeStop.has(t.norm)) return undefined;
  const r = inflectedSlur(lex, t.key, t.norm, true);
  return r === undefined ? undefined : { key: r, via: t.alt === undefined ? 'exact' : 'leet' };
}

/** Does the token, exactly or through an obfuscation fall-back, start any phrase? */
function lookupKey(lex: LexiconIndex, t: Token): { key: string; via: Match['via'] } | undefined {
  // Before the word as written: "nigg@" is no "nig" of "nig nog".
  const edge = t.edge === undefined ? undefined : edgeSlur(lex, t, t.edge);
  if (edge !== undefined) return { key: edge, via: 'leet' };
  if (lex.phrases.has(t.key)) return { key: t.key, via: 'exact' };
  if (t.alt !== undefined && lex.phrases.has(t.alt)) return { key: t.alt, via: 'leet' };
  if (t.raw !== undefined && lex.phrases.has(t.raw)) return { key: t.raw, via: 'exact' };
  const poss = possKey(t);
  if (poss !== undefined && lex.phrases.has(poss)) return { key: poss, via: 'exact' };
  const sp = slurSpelling(lex, t);
  if (sp !== undefined) return sp;
  if (t.masked === true) {
    const m = maskMatch(lex, t.norm);
    if (m !== undefined) return { key: m, via: 'mask' };
    return undefined;
  }
  return undefined;
}

/**
 * Resolve joined (spaced-out) and run-together tokens, then find every phrase match, longest first.
 * Returns the final token list (what the model and rules see) and the matches over it.
 */
export function matchTokens(lex: LexiconIndex, input: Token[]): { tokens: Token[]; matches: Match[] } {
  // Most messages need no re-tokenising: reuse the input array unless a token is joined or split.
  const tokens = needsRetokenising(lex, input) ? retokenise(lex, input) : input;
  const matches: Match[] = [];
  const n = tokens.length;
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    const found = matchable(lex, t) ? findKey(lex, t) : undefined;
    if (found !== undefined) {
      const matched = firstFitting(lex, tokens, i, candidates(lex, t, found.key));
      if (matched !== undefined) {
        matches.push({ i, j: i + matched.keys.length, roles: matched.roles, via: found.via });
        i += matched.keys.length;
        continue;
      }
    }
    i++;
  }
  return { tokens, matches };
}

/** Whether any word may be split or a spaced-out join undone (the cheap test before copying the list). */
function needsRetokenising(lex: LexiconIndex, input: Token[]): boolean {
  for (const t of input) {
    if (t.kind !== TK_WORD) continue;
    if (t.synthetic === 'joined' || (t.key.length >= 6 && t.masked !== true && !lex.phrases.has(t.key))) {
      return true;
    }
  }
  return false;
}

/** A copy of the tokens with unknown run-together words split and spaced-out runs that spell nothing undone. */
function retokenise(lex: LexiconIndex, input: Token[]): Token[] {
  const tokens: Token[] = [];
  for (const t of input) {
    if (t.kind !== TK_WORD) {
      tokens.push(t);
      continue;
    }
    const known =
      lex.phrases.has(t.key) ||
      (t.alt !== undefined && lex.phrases.has(t.alt)) ||
      (t.key.length >= 6 && slurSpelling(lex, t) !== undefined);
    // A one-edit spelling of a term beats splitting: "disalbed" is "disabled", not "dis al bed".
    if (!known && t.key.length >= 6 && t.masked !== true && cachedFuzzy(lex, t.key, t.norm) === undefined) {
      const pieces = cachedSegment(lex, t.key);
      if (pieces !== undefined) {
        for (const p of pieces) {
          const st = makeToken(p, p, t.start, t.end, TK_WORD);
          st.synthetic = 'split';
          tokens.push(st);
        }
        continue;
      }
    }
    if (t.synthetic === 'joined' && !known && t.parts !== undefined) {
      // A spaced-out run that spells nothing we know: keep the letters as they were.
      const fk = cachedFuzzy(lex, t.key, t.norm);
      if (fk === undefined || t.key.length < 5) {
        tokens.push(...t.parts);
        continue;
      }
    }
    tokens.push(t);
  }
  return tokens;
}

/**
 * Whether a phrase may start at this token: words, and emoji that are terms themselves (an emoji with a
 * role is read by the rules, not matched here).
 */
function matchable(lex: LexiconIndex, t: Token): boolean {
  if (t.kind === TK_EMOJI) return t.emoji?.role === undefined && lex.phrases.has(t.key);
  return t.kind === TK_WORD;
}

const NUMBER_LIKE = /^\d+(?:s|st|nd|rd|th|ish|yo|yrs?|k|m|am|pm|p|mph|kg|ml|hrs?|mins?)?$/;

/** The phrase key this token starts: as written (exact, leet, mask) or, failing that, one edit away. */
function findKey(lex: LexiconIndex, t: Token): { key: string; via: Match['via'] } | undefined {
  // A number, an age band or an ordinal ("40s", "3rd", "20yo") is read as written: its leet letters
  // ("40s" → "aos") are no word, and one edit from them is a slur ("abos").
  if (t.alt !== undefined && NUMBER_LIKE.test(t.alt)) {
    return lex.phrases.has(t.alt) ? { key: t.alt, via: 'exact' } : undefined;
  }
  const found = lookupKey(lex, t);
  if (found !== undefined || t.masked === true) return found;
  const fk = cachedFuzzy(lex, t.key, t.norm);
  return fk !== undefined ? { key: fk, via: 'fuzzy' } : undefined;
}

/** The phrases to try at this token, longest first, after the guards. */
function candidates(lex: LexiconIndex, t: Token, key: string): Phrase[] {
  let cands = lex.phrases.get(key) ?? [];
  // A chat abbreviation that is also police shorthand ("DA" read as "the"): try the form as written.
  if (t.raw !== undefined && t.raw !== key && lex.phrases.has(t.raw)) {
    cands = [...lex.phrases.get(t.raw)!, ...cands].sort((x, y) => y.keys.length - x.keys.length);
  }
  return guardCandidates(lex, t, cands);
}

/** The first candidate whose later words follow token `i`. */
function firstFitting(lex: LexiconIndex, tokens: Token[], i: number, cands: Phrase[]): Phrase | undefined {
  for (const ph of cands) {
    if (i + ph.keys.length <= tokens.length && phraseFollows(lex, tokens, i, ph)) return ph;
  }
  return undefined;
}

/**
 * The key of a word whose 's the tokeniser dropped, with its s back ("it's" → "its", "Jehovah's" →
 * "jehovahs"): the lists are written without apostrophes ("its a zoo", "jehovahs witnesses"), so
 * without this a listed phrase never matched the way most people type it.
 */
function possKey(t: Token): string | undefined {
  return t.poss === true && t.kind === TK_WORD ? squeeze(`${t.key}s`) : undefined;
}

/** Whether the tokens after `i` carry the phrase's later words (each as written or one edit away). */
function phraseFollows(lex: LexiconIndex, tokens: Token[], i: number, ph: Phrase): boolean {
  for (let k = 1; k < ph.keys.length; k++) {
    const u = tokens[i + k]!;
    const want = ph.keys[k];
    if ((u.kind === TK_WORD || u.kind === TK_EMOJI) && (u.key === want || u.alt === want || u.raw === want)) {
      continue;
    }
    if (possKey(u) === want) continue;
    // Later words of a phrase may be misspelt too ("black poeple").
    if (
      u.kind === TK_WORD &&
      u.key.length >= 4 &&
      !lex.phrases.has(u.key) &&
      cachedFuzzy(lex, u.key, u.norm) === want
    ) {
      continue;
    }
    return false;
  }
  return true;
}
