/**
 * Context rules: turn term matches into evidence ("hits").
 *
 * The flagger's question is whether a message attacks a protected group (or a victim of crime). A
 * derogatory word alone does not answer it: "politicians are scum" and "this pizza is vile" are abuse of
 * non-protected targets, "Muslims are not vermin" is a negation, "saying women are stupid is sexist" is
 * counter-speech, "we queers" is reclaimed use. So the rules pair each description, hate verb or threat
 * with a target (a group term, a group emoji, or a pronoun that refers back to one) in the same
 * sentence, then look for the context that changes the meaning: negation in the same clause, words that
 * condemn or report what was said, and self-reference before a reclaimable slur.
 *
 * Every loop is bounded by a fixed window around a match, so the cost stays linear in the message length.
 *
 * Why one long file: the rules share the per-message structures (units, targets, clause and sentence
 * indices) built in `applyRules`, and each rule is a short function over them; splitting the file would
 * mean exporting those internals. Counter-speech (`counterSpeech`, `dismissed`) is at the end.
 */

import type { FlagCategory } from '../../contract/coding.js';
import { LEXICON, type LexiconIndex, type Match, type Role } from './lexicon.js';
import { squeeze, TK_COMMA, TK_END, TK_EMOJI, TK_QUOTE, TK_WORD, type Token } from './normalise.js';

export interface Hit {
  category: FlagCategory;
  score: number;
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The matched term or feature. */
  term: string;
  reason: string;
  /** Counts towards the `flagged` decision (attacks on a protected group or a victim, targeted threats). */
  flaggable: boolean;
  /** Why the score was lowered (negation, counter-speech, reclaimed use), if it was. */
  mitigated?: string;
}

export interface RuleOutcome {
  hits: Hit[];
  /** A protected-group term (not weak, not a pronoun) appears in the message. */
  identityPresent: boolean;
  /** Categories of the group terms present, for model-only evidence. */
  identityCategories: FlagCategory[];
  /** A group is described positively (and not negated): the model alone must not flag it. */
  positive: boolean;
  /** Negation, counter-speech or reclaimed use was found: the model alone must not flag it. */
  mitigated: boolean;
  /** A description, hate verb, threat or hostile emoji is present but attached to no group term. */
  negativeCue: boolean;
  /** Position of the first group term (for model evidence spans). */
  identitySpan?: { start: number; end: number; term: string };
}

interface Unit {
  i: number;
  j: number;
  roles: Role[];
  via: Match['via'];
  sent: number;
  clause: number;
}

interface Target {
  i: number;
  j: number;
  category: FlagCategory;
  group: string;
  weak: boolean;
  pronoun: boolean;
  term: string;
}

const CLAUSE_BREAKS = new Set(LEXICON.clauseBreaks.map(squeeze));
const DISMISS_CONDEMN: string[][] = LEXICON.dismissCondemn.map((p) => p.split(' ').map(squeeze));
const THREAT_CUES = new Set(LEXICON.threatCues.map(squeeze));
const ADJ_BREAKERS = new Set(LEXICON.adjBreakers.map(squeeze));
const INSULT_CUES = new Set(LEXICON.insultCues.map(squeeze));
const NOT_TARGET = new Set(LEXICON.notTarget.map(squeeze));
const POSSESSED_PEOPLE = new Set(LEXICON.possessedPeople.map(squeeze));
const REMOVAL_VERBS = new Set(LEXICON.removal.verbs.map(squeeze));
/** "send"/"put" the group back: only with "back"/"packing" ("send the Romanians home" is a release). */
const SOFT_REMOVAL_VERBS = new Set(LEXICON.removal.softVerbs.map(squeeze));
const REMOVAL_ENDS = new Set(LEXICON.removal.ends.map(squeeze));
const DESTINATIONS = new Set(LEXICON.removal.destinations.map(squeeze));
/** Words between "back"/"home" and a destination ("back to the cells"). */
const DESTINATION_LEAD = new Set([
  'to',
  'into',
  'in',
  'at',
  'the',
  'a',
  'their',
  'his',
  'her',
  'its',
  'our',
  'my',
]);
/** Exclusion phrases that can name a place instead of a country ("send them back" … "to custody"). */
const DIRECTIONAL_END = new Set(['back', 'home', 'to', 'out']);
/** Past participles of removal: exclusion only with a normative cue before them ("should be deported"). */
const PAST_EXCLUSION = new Set([
  'deported',
  'deported back',
  'sent back',
  'sent home',
  'kicked out',
  'thrown out',
]);
const CONDITIONALS = new Set(['if', 'unless', 'when', 'whenever']);
const CODED_CUE_WINDOW = 15;
const CODED_BENIGN_WINDOW = 8;
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
const CIGARETTE_BENIGN: string[][] = (
  LEXICON.slurs.find((s) => s.category === 'sexual_orientation')?.benign?.['fag'] ?? []
).map((b) => b.split(' ').map(squeeze));
/**
 * Benign contexts by the word as written: two spellings can share one squeezed key ("nigger" and the
 * country "Niger" both squeeze to "niger"), and only the spelling the list names gets its contexts.
 */
const BENIGN_BY_NORM = new Map<string, string[][]>();
for (const s of LEXICON.slurs) {
  for (const [w, ctx] of Object.entries(s.benign ?? {})) {
    if (!/^[a-z]+$/.test(w) || ctx.includes('*')) continue;
    BENIGN_BY_NORM.set(
      w,
      ctx.map((b) => b.split(' ').map(squeeze)),
    );
  }
}
const DIRECT_VERBS = new Set([
  'fuck',
  'fuck all',
  'fuck the',
  'fuck them',
  'fuck those',
  'fuck these',
  'fuck off',
  'screw',
  'piss off',
  'sod off',
  'get lost',
  'down with',
  'to hell with',
  'ugh',
  'eww',
  'ew',
  'yuck',
  'yuk',
]);
const ADJACENT_ONLY = new Set(['go home', 'should go home', 'go home now']);
const WORD_WINDOW = 8;
const EMOJI_WINDOW = 4;
const THREAT_WINDOW = 10;
const MAX_HITS = 500;

function has(u: Unit, type: Role['type']): Role | undefined {
  for (const r of u.roles) if (r.type === type) return r;
  return undefined;
}

function emojiRoles(t: Token): Role[] {
  const e = t.emoji;
  if (e === undefined || e.role === undefined) return [];
  const term = e.name;
  switch (e.role) {
    case 'identity':
      return [{ type: 'identity', category: e.category as FlagCategory, group: e.group, term }];
    case 'dehum':
      return [{ type: 'derog', kind: 'dehumanising', severity: 3, term }];
    case 'derog':
      return [{ type: 'derog', kind: 'derogatory', severity: 2, term }];
    case 'disgust':
      return [{ type: 'hateVerb', severity: 3, term }];
    case 'threat':
      return [{ type: 'threat', kind: 'strong', severity: 3, term }];
    case 'threatVerb':
      return [{ type: 'threat', kind: 'verb', severity: 3, term }];
    case 'positive':
      return [{ type: 'positive', term }];
    case 'negatable':
      return [{ type: 'negatable', term }];
    case 'exclude':
      return [{ type: 'derog', kind: 'implicit', severity: 2, term }];
    case 'anger':
      return [{ type: 'anger', term }];
    case 'laugh':
      return [{ type: 'laugh', term }];
    case 'sexual':
      return [{ type: 'sexual', category: 'sexual_content', severity: 2, term }];
    case 'profanity':
      return [{ type: 'profanity', category: 'profanity', severity: 2, term }];
    case 'slur':
      // Only the cigarette emoji is listed as a slur stand-in; it shares the word "fag"'s benign contexts.
      return [
        {
          type: 'slur',
          category: e.category as FlagCategory,
          severity: 2,
          reclaimable: true,
          benign: CIGARETTE_BENIGN,
          term,
        },
      ];
    default:
      return [];
  }
}

function benignContext(tokens: Token[], u: Unit, benign: string[][] | undefined): boolean {
  if (benign === undefined) return false;
  const lo = Math.max(0, u.i - 6);
  const hi = Math.min(tokens.length, u.j + 6);
  for (const phrase of benign) {
    for (let s = lo; s < hi; s++) {
      if (s >= u.i && s < u.j && phrase.length === 1) continue;
      let ok = true;
      for (let k = 0; k < phrase.length; k++) {
        const t = tokens[s + k];
        if (t === undefined || s + k >= hi || (t.key !== phrase[k] && t.norm !== phrase[k])) {
          ok = false;
          break;
        }
      }
      // A multi-word benign phrase may include the term itself ("fag end").
      if (ok) return true;
    }
  }
  return false;
}

function slurScore(severity: number): number {
  return severity >= 3 ? 0.9 : severity === 2 ? 0.72 : 0.4;
}

const ACTIVE_ROLES: ReadonlySet<Role['type']> = new Set<Role['type']>([
  'identity',
  'slur',
  'threat',
  'profanity',
  'sexual',
  'other',
  'victimBlame',
  'case',
  'coded',
]);

// Scratch buffers reused across calls (the engine is synchronous and single-threaded per process).
const BUFFERS: Int32Array[] = [
  new Int32Array(256),
  new Int32Array(256),
  new Int32Array(256),
  new Int32Array(256),
];
function intBuffer(slot: number, size: number): Int32Array {
  let b = BUFFERS[slot]!;
  if (b.length < size) {
    b = new Int32Array(Math.max(size, b.length * 2));
    BUFFERS[slot] = b;
  }
  return b;
}

const EMPTY_OUTCOME: RuleOutcome = Object.freeze({
  hits: [],
  identityPresent: false,
  identityCategories: [],
  positive: false,
  mitigated: false,
  negativeCue: false,
}) as RuleOutcome;

export function applyRules(text: string, tokens: Token[], matches: Match[], lex: LexiconIndex): RuleOutcome {
  const n = tokens.length;
  // Fast path: without a group term, slur, threat, profanity, blame phrase, case term or meaningful
  // emoji there is no evidence to find (most chat lines).
  let active = false;
  let laugh = false;
  let victimCtx = false;
  for (const m of matches) {
    for (const r of m.roles) {
      if (ACTIVE_ROLES.has(r.type)) active = true;
      else if (r.type === 'laugh') laugh = true;
      else if (r.type === 'victimContext') victimCtx = true;
    }
    if (active) break;
  }
  // Laughter only matters next to an offence or victim.
  if (laugh && victimCtx) active = true;
  if (!active) {
    let anyEmoji = false;
    for (let t = 0; t < n; t++) {
      const e = tokens[t]!.emoji;
      if (e !== undefined && e.role !== undefined) {
        anyEmoji = true;
        break;
      }
    }
    if (!anyEmoji) return EMPTY_OUTCOME;
  }
  // Sentence and clause index per token.
  const sentOf = intBuffer(0, n);
  const clauseOf = intBuffer(1, n);
  let sent = 0;
  let clauseStart = 0;
  for (let t = 0; t < n; t++) {
    const tok = tokens[t]!;
    if (tok.kind === TK_WORD && CLAUSE_BREAKS.has(tok.key)) clauseStart = t;
    // The sentence-end token belongs to the sentence it ends.
    sentOf[t] = sent;
    clauseOf[t] = clauseStart;
    if (tok.kind === TK_END) {
      sent++;
      clauseStart = t + 1;
    } else if (tok.kind === TK_COMMA) {
      clauseStart = t + 1;
    }
  }

  // Which sentences are questions (a rhetorical "Wouldn't it be best if ..." is not a negation).
  const question = intBuffer(2, sent + 1).fill(0, 0, sent + 1);
  for (let t = 0; t < n; t++) {
    const tok = tokens[t]!;
    if (tok.kind === TK_END && tok.norm === '?') question[sentOf[t]!] = 1;
  }
  const sentStart = intBuffer(3, sent + 1).fill(-1, 0, sent + 1);
  for (let t = 0; t < n; t++) if (sentStart[sentOf[t]!] === -1) sentStart[sentOf[t]!] = t;

  // Units: matches plus emoji with a meaning, in token order.
  const units: Unit[] = [];
  let mi = 0;
  for (let t = 0; t < n; t++) {
    const m = matches[mi];
    if (m !== undefined && m.i === t) {
      units.push({ i: m.i, j: m.j, roles: m.roles, via: m.via, sent: sentOf[t]!, clause: clauseOf[t]! });
      mi++;
      t = m.j - 1;
      continue;
    }
    const tok = tokens[t]!;
    if (tok.kind === TK_EMOJI) {
      const roles = emojiRoles(tok);
      if (roles.length > 0)
        units.push({ i: t, j: t + 1, roles, via: 'emoji', sent: sentOf[t]!, clause: clauseOf[t]! });
    }
  }
  const unitAt: (Unit | undefined)[] = new Array<Unit | undefined>(n);
  for (const u of units) for (let k = u.i; k < u.j; k++) unitAt[k] = u;

  // Targets: group terms, then pronouns that refer back (or forward) to one.
  const targets: Target[] = [];
  const targetAt: (Target | undefined)[] = new Array<Target | undefined>(n);
  let identityPresent = false;
  let identitySpan: RuleOutcome['identitySpan'];
  const identityCategories = new Set<FlagCategory>();
  for (const u of units) {
    const r = has(u, 'identity');
    if (r === undefined || r.category === undefined) continue;
    // An identity adjective before a thing ("Chinese food", "gay bar") names no people.
    if (u.j - u.i === 1 && lex.adjIdentity.has(tokens[u.i]!.key) && u.j < n) {
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
        !ADJ_BREAKERS.has(next.key)
      ) {
        continue;
      }
    }
    // "women's football", "Muslims' shops": a possessive before a thing names the thing — but
    // "black people's lives", "women's brains" still speak of the people.
    const last = tokens[u.j - 1]!;
    if (last.poss === true && u.j < n) {
      const next = tokens[u.j]!;
      if (next.kind === TK_WORD && !POSSESSED_PEOPLE.has(next.key) && !lex.personNouns.has(next.key))
        continue;
    }
    // "women haters", "gay bashers", "trans rights": the people meant are not the group.
    if (
      u.j < n &&
      tokens[u.j]!.kind === TK_WORD &&
      NOT_TARGET.has(tokens[u.j]!.key) &&
      sentOf[u.j] === u.sent
    )
      continue;
    const tg: Target = {
      i: u.i,
      j: u.j,
      category: r.category,
      group: r.group ?? r.category,
      weak: r.weak === true,
      pronoun: false,
      term: text.slice(tokens[u.i]!.start, tokens[u.j - 1]!.end),
    };
    targets.push(tg);
    for (let k = u.i; k < u.j; k++) targetAt[k] = tg;
    // Victims are targets for the rules, but the model was never trained on them: no model-only flags.
    if (!tg.weak && tg.category !== 'victims_of_crime') {
      identityPresent = true;
      identityCategories.add(tg.category);
      identitySpan ??= { start: tokens[u.i]!.start, end: tokens[u.j - 1]!.end, term: tg.term };
    }
  }
  const strongTargets = targets.filter((t) => !t.weak);
  if (strongTargets.length > 0) {
    let p = 0;
    for (const u of units) {
      if (has(u, 'pronoun') === undefined || has(u, 'identity') !== undefined) continue;
      // "those women": the group term itself is the target.
      if (u.j < n && targetAt[u.j] !== undefined) continue;
      while (p + 1 < strongTargets.length && strongTargets[p + 1]!.i < u.i) p++;
      const prev = strongTargets[p]!;
      const ref = prev.i < u.i ? prev : strongTargets[0]!;
      const tg: Target = {
        i: u.i,
        j: u.j,
        category: ref.category,
        group: ref.group,
        weak: false,
        pronoun: true,
        term: `${text.slice(tokens[u.i]!.start, tokens[u.j - 1]!.end)} (= ${ref.term})`,
      };
      targets.push(tg);
      for (let k = u.i; k < u.j; k++) targetAt[k] ??= tg;
    }
  }

  const nearestTarget = (u: Unit, window: number, allowWeak: boolean): Target | undefined => {
    let best: Target | undefined;
    let bestD = Infinity;
    const lo = Math.max(0, u.i - window);
    const hi = Math.min(n, u.j + window);
    for (let k = lo; k < hi; k++) {
      const tg = targetAt[k];
      if (tg === undefined || sentOf[k] !== u.sent) continue;
      if (tg.weak && !allowWeak) continue;
      const d = k < u.i ? u.i - k : k - u.j;
      if (d < bestD) {
        bestD = d;
        best = tg;
      }
    }
    return best;
  };
  /** A negator earlier in the same clause (phrases that contain a negation were matched whole). */
  const negatedBy = (u: Unit, tg?: Target, exclusion = false): string | undefined => {
    const from = Math.min(u.clause, tg !== undefined && tg.i < u.i ? clauseOf[tg.i]! : u.clause);
    for (let k = u.i - 1; k >= from && k >= u.i - 12; k--) {
      const v = unitAt[k];
      if (v !== undefined && has(v, 'negator') !== undefined) {
        // "Don't let them near your kids": a warning, not a negation of the exclusion.
        const after = tokens[v.j];
        // "Stopped a Somali lad" is a stop and search; "stopped being …" is a negation.
        const vk = tokens[v.i]!.key;
        if (
          (vk === 'stoped' || vk === 'stop') &&
          v.j - v.i === 1 &&
          !(after !== undefined && after.kind === TK_WORD && after.key.endsWith('ing'))
        )
          continue;
        if (
          exclusion &&
          after !== undefined &&
          after.kind === TK_WORD &&
          (after.key === 'let' || after.key === 'alow')
        ) {
          continue;
        }
        // Negative question openers ("Wouldn't it be best if...", "Aren't all ... ?") are rhetorical.
        if (question[u.sent] === 1 && v.i <= sentStart[u.sent]! + 1) return undefined;
        return text.slice(tokens[v.i]!.start, tokens[v.j - 1]!.end);
      }
    }
    return undefined;
  };
  const span = (u: Unit): { start: number; end: number; term: string } => {
    const start = tokens[u.i]!.start;
    const end = tokens[u.j - 1]!.end;
    return { start, end, term: text.slice(start, end) };
  };
  const spanTo = (u: Unit, tg: Target): { start: number; end: number; term: string } => {
    const start = Math.min(tokens[u.i]!.start, tokens[tg.i]!.start);
    const end = Math.max(tokens[u.j - 1]!.end, tokens[tg.j - 1]!.end);
    return { start, end, term: text.slice(start, end) };
  };

  /** Does a destination follow token k ("back to the cells", "home address")? Then it is no exclusion. */
  const destinationAt = (k: number): boolean => {
    for (let q = k; q < Math.min(n, k + 4); q++) {
      const t = tokens[q]!;
      if (t.kind !== TK_WORD) return false;
      if (DESTINATIONS.has(t.key)) return true;
      if (!DESTINATION_LEAD.has(t.key) && unitAt[q] === undefined) return false;
    }
    return false;
  };
  const toDestination = (u: Unit): boolean => {
    const last = tokens[u.j - 1]!;
    return last.kind === TK_WORD && DIRECTIONAL_END.has(last.key) && destinationAt(u.j);
  };
  /** First listed phrase (keys) found in [lo, hi), outside the unit itself; optionally same sentence only. */
  const phraseIn = (
    phrases: string[][],
    lo: number,
    hi: number,
    u: Unit,
    sameSent: boolean,
  ): string | undefined => {
    for (let s = lo; s < hi; s++) {
      if (s >= u.i && s < u.j) continue;
      if (sameSent && sentOf[s] !== u.sent) continue;
      const t0 = tokens[s]!;
      if (t0.kind !== TK_WORD && t0.kind !== TK_EMOJI) continue;
      for (const ph of phrases) {
        let ok = true;
        for (let k = 0; k < ph.length; k++) {
          const t = tokens[s + k];
          if (t === undefined || s + k >= hi || (t.key !== ph[k] && t.raw !== ph[k])) {
            ok = false;
            break;
          }
        }
        if (ok) return text.slice(t0.start, tokens[s + ph.length - 1]!.end);
      }
    }
    return undefined;
  };
  /** A negator just before a coded phrase, in its clause; "if you can't …" is a condition, not a negation. */
  const codedNegation = (u: Unit): string | undefined => {
    // Close by only: "Not watching that lot prance about" negates the watching, not the jibe.
    for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 3); k--) {
      const v = unitAt[k];
      if (v === undefined || has(v, 'negator') === undefined) continue;
      let conditional = false;
      for (let q = v.i - 1; q >= Math.max(0, v.i - 3); q--) {
        const t = tokens[q]!;
        if (t.kind === TK_WORD && CONDITIONALS.has(t.key)) conditional = true;
      }
      if (conditional) continue;
      if (question[u.sent] === 1 && v.i <= sentStart[u.sent]! + 1) return undefined;
      return text.slice(tokens[v.i]!.start, tokens[v.j - 1]!.end);
    }
    return undefined;
  };

  const hits: Hit[] = [];
  const predicateUnits = new Set<Unit>();
  let positive = false;
  let mitigated = false;
  const push = (h: Hit): void => {
    if (hits.length < MAX_HITS) hits.push(h);
    if (h.mitigated !== undefined) mitigated = true;
  };
  const groupHit = (
    u: Unit,
    tg: Target,
    score: number,
    what: string,
    neg: string | undefined,
    extraCategory?: FlagCategory,
  ): void => {
    const s = spanTo(u, tg);
    const via =
      u.via === 'exact' ? '' : ` [seen through ${u.via === 'emoji' ? 'emoji' : u.via + ' spelling'}]`;
    const reason = `${what} aimed at ${tg.pronoun ? 'pronoun ' : ''}'${tg.term}'${via}`;
    const mit = neg !== undefined ? `negated by '${neg}'` : undefined;
    const hit: Hit = {
      category: tg.category,
      score: neg !== undefined ? score * 0.25 : score,
      start: s.start,
      end: s.end,
      term: s.term,
      reason: mit !== undefined ? `${reason}; ${mit}` : reason,
      flaggable: true,
    };
    if (mit !== undefined) hit.mitigated = mit;
    push(hit);
    if (extraCategory !== undefined) push({ ...hit, category: extraCategory });
    predicateUnits.add(u);
  };

  let hasLaugh = false;
  let hasLaughAnywhere = false;
  // An eye-roll next to a blame phrase dismisses the victim as much as a laugh does.
  let dismissive = false;
  for (let t = 0; t < n; t++) if (tokens[t]!.emoji?.name === 'eye roll') dismissive = true;
  for (const u of units) if (has(u, 'laugh') !== undefined) hasLaughAnywhere = true;
  // A victim-related term or phrase that survived its benign-context check (for the mockery rule).
  let victimTerm: { start: number; end: number; term: string } | undefined;
  let victimContextUnit: Unit | undefined;
  const hasVictimTarget = targets.some((t) => t.category === 'victims_of_crime');

  for (const u of units) {
    for (const r of u.roles) {
      switch (r.type) {
        case 'slur': {
          if (benignContext(tokens, u, r.benign)) break;
          if (u.j === u.i + 1 && benignContext(tokens, u, BENIGN_BY_NORM.get(tokens[u.i]!.norm))) break;
          if (r.insultOnly === true) {
            // "you queer", "a dirty queer" — but not "queer people" or "a queer woman".
            const prev = u.i > 0 ? tokens[u.i - 1]! : undefined;
            const next = u.j < n ? tokens[u.j]! : undefined;
            if (prev === undefined || prev.kind !== TK_WORD || !INSULT_CUES.has(prev.key)) break;
            if (
              next !== undefined &&
              next.kind === TK_WORD &&
              (lex.personNouns.has(next.key) || targetAt[u.j] !== undefined)
            )
              break;
          }
          const s = span(u);
          let score = slurScore(r.severity ?? 2);
          if (u.via === 'fuzzy') score *= 0.9;
          let reason = `slur (${r.category}, severity ${r.severity ?? 2})`;
          if (u.via !== 'exact') reason += ` [seen through ${u.via} spelling]`;
          let mit: string | undefined;
          if (r.reclaimable === true) {
            for (let k = u.i - 1; k >= Math.max(0, u.i - 4); k--) {
              const v = unitAt[k];
              if (v !== undefined && sentOf[k] === u.sent && has(v, 'selfRef') !== undefined) {
                mit = `reclaimed/self-referential use ('${text.slice(tokens[v.i]!.start, tokens[v.j - 1]!.end)}')`;
                break;
              }
            }
          }
          // In-group, affectionate use ("Nigga please, you know I love you bro"): a reclaimable slur in a
          // message that is warm and attacks no one.
          if (mit === undefined && r.reclaimable === true) {
            let warm = false;
            let hostile = false;
            for (const v of units) {
              if (has(v, 'positive') !== undefined) warm = true;
              if (v !== u && (has(v, 'derog') || has(v, 'hateVerb') || has(v, 'threat') || has(v, 'slur')))
                hostile = true;
            }
            if (warm && !hostile) mit = 'affectionate/in-group use (warm message, no hostile words)';
          }
          // "No one deserves to be called a …", "never call anyone a …": a mention under negation.
          if (mit === undefined) {
            for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 4); k--) {
              const v = unitAt[k];
              if (v === undefined || has(v, 'report') === undefined) continue;
              const neg = negatedBy(v);
              if (neg !== undefined) mit = `mentioned under negation ('${neg} … ${span(v).term}')`;
              break;
            }
          }
          // A slur aimed at a group term nearby is hate against that group too.
          const tg = nearestTarget(u, 5, true);
          const h: Hit = {
            category: r.category ?? 'other_derogatory',
            score: mit !== undefined ? score * 0.3 : score,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: mit !== undefined ? `${reason}; ${mit}` : reason,
            flaggable: (r.severity ?? 2) >= 2,
          };
          if (mit !== undefined) h.mitigated = mit;
          push(h);
          if (h.category === 'victims_of_crime') victimTerm ??= s;
          if (tg !== undefined && tg.category !== h.category && mit === undefined) {
            push({ ...h, category: tg.category, reason: `${reason} used about '${tg.term}'` });
          }
          break;
        }
        case 'derog': {
          const emoji = u.via === 'emoji';
          const tg = nearestTarget(u, emoji ? EMOJI_WINDOW : WORD_WINDOW, (r.severity ?? 2) >= 3);
          if (tg === undefined) break;
          // A group term that is itself the description ("gay" in "that's so gay") is not a target.
          if (tg.i >= u.i && tg.j <= u.j) break;
          // A swear word as the description must sit in the same clause as the group: "Holy shit,
          // Muslims are amazing" is not a description.
          if (has(u, 'profanity') !== undefined && clauseOf[tg.i] !== u.clause) break;
          // "Immigrants go home" is exclusion; "gay people can go home early" is a rota.
          if (ADJACENT_ONLY.has(r.term) && tg.j !== u.i) break;
          // "Albanian male deported last month" is a record; "should all be deported" is exclusion.
          if (PAST_EXCLUSION.has(r.term)) {
            let cue = false;
            for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 6); k--) {
              const t = tokens[k]!;
              if (t.kind === TK_WORD && THREAT_CUES.has(t.key)) cue = true;
            }
            if (!cue) break;
          }
          // "can't fight", "shouldn't be on response": listed as put-downs of women, not of victims.
          if (r.onlyFor !== undefined && !r.onlyFor.includes(tg.category)) break;
          // "send them back to custody", "they go back to the holding centre": a place, not exclusion.
          if (r.kind === 'implicit' && toDestination(u)) break;
          const kind = r.kind ?? 'derogatory';
          const base = kind === 'dehumanising' ? 0.88 : (r.severity ?? 2) <= 1 ? 0.55 : 0.78;
          const what =
            kind === 'dehumanising'
              ? `dehumanising description '${span(u).term}'`
              : kind === 'implicit'
                ? `derogatory/exclusionary statement '${span(u).term}'`
                : `derogatory description '${span(u).term}'`;
          groupHit(u, tg, base, what, negatedBy(u, tg, kind === 'implicit'));
          break;
        }
        case 'coded': {
          // A stereotype or exclusion that names its target by itself ("go back where you came from",
          // "get back in the kitchen", "so gay"); most need a cue nearby and none may sit in a benign context.
          const lo = Math.max(0, u.i - CODED_BENIGN_WINDOW);
          const hi = Math.min(n, u.j + CODED_BENIGN_WINDOW);
          if (r.benign !== undefined && phraseIn(r.benign, lo, hi, u, true) !== undefined) break;
          if (r.notBefore !== undefined && u.j < n) {
            const next = tokens[u.j]!;
            if (
              next.kind === TK_WORD &&
              sentOf[u.j] === u.sent &&
              (r.notBefore.has(next.key) || lex.personNouns.has(next.key) || targetAt[u.j] !== undefined)
            )
              break;
          }
          if (toDestination(u)) break;
          let cue: string | undefined;
          const cues = r.cues;
          if (cues !== undefined) {
            if (cues.groups.size > 0) {
              const g = targets.find((t) => cues.groups.has(t.category) && !(t.i >= u.i && t.j <= u.j));
              if (g !== undefined) cue = g.term;
            }
            const clo = Math.max(0, u.i - CODED_CUE_WINDOW);
            const chi = Math.min(n, u.j + CODED_CUE_WINDOW);
            if (cue === undefined && cues.emoji.size > 0) {
              for (let k = clo; k < chi; k++) {
                const e = tokens[k]!.emoji;
                if (e !== undefined && cues.emoji.has(e.name)) {
                  cue = text.slice(tokens[k]!.start, tokens[k]!.end);
                  break;
                }
              }
            }
            cue ??= phraseIn(cues.phrases, clo, chi, u, false);
            if (cue === undefined) break;
          }
          const s = span(u);
          const neg = codedNegation(u);
          const score = (r.severity ?? 2) >= 3 ? 0.82 : 0.72;
          let reason = `coded ${r.category === 'victims_of_crime' ? 'put-down' : 'stereotype/exclusion'} '${s.term}' (${r.category})`;
          if (cue !== undefined) reason += ` with context '${cue}'`;
          const h: Hit = {
            category: r.category ?? 'other_derogatory',
            score: neg !== undefined ? score * 0.25 : score,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: neg !== undefined ? `${reason}; negated by '${neg}'` : reason,
            flaggable: true,
          };
          if (neg !== undefined) h.mitigated = `negated by '${neg}'`;
          push(h);
          predicateUnits.add(u);
          break;
        }
        case 'hateVerb': {
          const tg = nearestTarget(u, u.via === 'emoji' ? EMOJI_WINDOW + 2 : WORD_WINDOW, false);
          if (tg === undefined) break;
          // Swearing used as a verb ("fuck X", "screw X") must be aimed straight at the group: "Fuck
          // yeah, I love gay people" is not.
          if (
            DIRECT_VERBS.has(r.term) &&
            !(tg.i >= u.j && tg.i - u.j <= 2) &&
            !(tg.j <= u.i && u.i - tg.j <= 2)
          )
            break;
          groupHit(u, tg, 0.85, `expression of hatred/disgust '${span(u).term}'`, negatedBy(u, tg));
          break;
        }
        case 'threat': {
          const tg = nearestTarget(u, THREAT_WINDOW, false);
          const strong = r.kind === 'strong';
          let cue = strong;
          if (!cue) {
            for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 8); k--) {
              const t = tokens[k]!;
              if (t.kind === TK_WORD && THREAT_CUES.has(t.key)) {
                cue = true;
                break;
              }
            }
          }
          if (!cue) {
            // Imperative: the threat opens its clause ("kill all ...", "just shoot them").
            let k = u.clause;
            while (k < u.i && tokens[k]!.kind === TK_WORD && IMPERATIVE_LEAD.has(tokens[k]!.key)) k++;
            cue = k === u.i;
          }
          if (!cue) break;
          // "hang out with", "shoot hoops": not threats.
          const next = tokens[u.j];
          if (next !== undefined && next.kind === TK_WORD && (next.key === 'out' || next.key === 'around'))
            break;
          if (tg === undefined) {
            const s = span(u);
            push({
              category: 'violence_threat',
              score: 0.42,
              start: s.start,
              end: s.end,
              term: s.term,
              reason: `threat of violence '${s.term}' with no protected group as target`,
              flaggable: false,
            });
            break;
          }
          const neg = negatedBy(u, tg);
          groupHit(u, tg, 0.92, `threat of violence '${span(u).term}'`, neg, 'violence_threat');
          break;
        }
        case 'negatable': {
          const tg = nearestTarget(u, WORD_WINDOW, false);
          if (tg === undefined) break;
          const neg = negatedBy(u, tg);
          if (neg !== undefined) {
            groupHit(u, tg, 0.76, `negated positive statement '${neg} … ${span(u).term}'`, undefined);
          } else {
            positive = true;
          }
          break;
        }
        case 'positive': {
          const tg = nearestTarget(u, WORD_WINDOW, false);
          if (tg !== undefined && negatedBy(u, tg) === undefined) positive = true;
          break;
        }
        case 'profanity': {
          // "as" is not "ass" squeezed: a function word written as such is no swear word.
          if (u.j - u.i === 1 && lex.functionWords.has(tokens[u.i]!.norm) && tokens[u.i]!.norm !== r.term)
            break;
          const s = span(u);
          // Profanity aimed straight at a group ("fucking immigrants", "fuck all women").
          let tg: Target | undefined;
          for (let k = u.j; k < Math.min(n, u.j + 3); k++) {
            const t = targetAt[k];
            if (t !== undefined && !t.weak) {
              tg = t;
              break;
            }
            const tk = tokens[k]!;
            if (
              tk.kind !== TK_WORD ||
              !['all', 'the', 'those', 'these', 'you', 'them', 'off', 'dirty', 'stupid'].includes(tk.key)
            )
              break;
          }
          if (tg !== undefined && !tg.pronoun) {
            groupHit(u, tg, 0.74, `profanity '${s.term}'`, negatedBy(u, tg));
          }
          push({
            category: 'profanity',
            score: (r.severity ?? 2) >= 3 ? 0.2 : 0.1,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: `profanity (severity ${r.severity ?? 2})`,
            flaggable: false,
          });
          break;
        }
        case 'sexual': {
          const s = span(u);
          push({
            category: 'sexual_content',
            score: (r.severity ?? 2) >= 3 ? 0.45 : 0.35,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: 'sexual content',
            flaggable: false,
          });
          break;
        }
        case 'other': {
          if (benignContext(tokens, u, r.benign)) break;
          const s = span(u);
          push({
            category: 'other_derogatory',
            score: 0.3,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: 'derogatory term for a non-protected group or person',
            flaggable: false,
          });
          break;
        }
        case 'victimBlame': {
          if (benignContext(tokens, u, r.benign)) break;
          const s = span(u);
          const sev = r.severity ?? 2;
          // Another blame phrase in the message ("if she stopped winding him up … a slap").
          const otherBlame = units.some((v) => v !== u && has(v, 'victimBlame') !== undefined);
          // A provocation phrase alone ("she was winding him up") is an account, not blame.
          if (r.pairOnly === true && !otherBlame) break;
          const ctx =
            hasVictimTarget ||
            hasLaughAnywhere ||
            otherBlame ||
            dismissive ||
            units.some((v) => has(v, 'victimContext') !== undefined);
          const score = sev >= 3 ? 0.8 : ctx ? 0.6 : 0.32;
          const neg = sev >= 3 ? negatedBy(u) : undefined;
          const h: Hit = {
            category: 'victims_of_crime',
            score: neg !== undefined ? score * 0.3 : score,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: `blaming or dismissing a victim ('${s.term}')${neg !== undefined ? `; negated by '${neg}'` : ''}`,
            flaggable: score >= 0.5,
          };
          if (neg !== undefined) h.mitigated = `negated by '${neg}'`;
          push(h);
          victimTerm ??= s;
          break;
        }
        case 'case': {
          const s = span(u);
          const sev = r.severity ?? 2;
          const cat = r.category ?? 'other_derogatory';
          const protectedCat = !['profanity', 'sexual_content', 'other_derogatory'].includes(cat);
          push({
            category: cat,
            score: sev >= 3 ? 0.85 : sev === 2 ? 0.65 : 0.45,
            start: s.start,
            end: s.end,
            term: s.term,
            reason: `case term (severity ${sev}${r.source !== undefined ? `, case list ${r.source}` : ''})`,
            flaggable: protectedCat && sev >= 2,
          });
          break;
        }
        case 'laugh':
          hasLaugh = true;
          break;
        case 'victimContext':
          victimContextUnit ??= u;
          break;
        default:
          break;
      }
    }
  }

  // Laughing about an offence or a victim ("another DV job lol").
  if (hasLaugh && (victimContextUnit !== undefined || hasVictimTarget || victimTerm !== undefined)) {
    const vt = targets.find((t) => t.category === 'victims_of_crime');
    const s =
      victimContextUnit !== undefined
        ? span(victimContextUnit)
        : vt !== undefined
          ? { start: tokens[vt.i]!.start, end: tokens[vt.j - 1]!.end, term: vt.term }
          : victimTerm!;
    push({
      category: 'victims_of_crime',
      score: 0.55,
      start: s.start,
      end: s.end,
      term: s.term,
      reason: 'laughter or mockery alongside an offence or victim',
      flaggable: true,
    });
  }

  // Gapped exclusion: "send the Albanians back", "ship the lot of them home" (the group between verb and
  // "back"); not when a destination follows ("put the Romanians back in the van").
  for (const tg of targets) {
    if (tg.weak || tg.category === 'victims_of_crime') continue;
    let vk = -1;
    for (let k = tg.i - 1; k >= Math.max(0, tg.i - 3); k--) {
      const t = tokens[k]!;
      if (t.kind !== TK_WORD || sentOf[k] !== sentOf[tg.i]) break;
      if (REMOVAL_VERBS.has(t.key)) {
        vk = k;
        break;
      }
    }
    if (vk < 0) continue;
    let ek = -1;
    for (let k = tg.j; k < Math.min(n, tg.j + 3); k++) {
      const t = tokens[k]!;
      if (t.kind !== TK_WORD) break;
      if (REMOVAL_ENDS.has(t.key)) {
        ek = k;
        break;
      }
    }
    if (ek < 0) continue;
    if (
      SOFT_REMOVAL_VERBS.has(tokens[vk]!.key) &&
      tokens[ek]!.key !== 'back' &&
      tokens[ek]!.key !== 'packing'
    )
      continue;
    if (destinationAt(ek + 1)) continue;
    const pseudo: Unit = {
      i: vk,
      j: ek + 1,
      roles: [],
      via: 'exact',
      sent: sentOf[vk]!,
      clause: clauseOf[vk]!,
    };
    const neg = negatedBy(pseudo, tg, true);
    const s = span(pseudo);
    const reason = `exclusion '${s.term}' aimed at ${tg.pronoun ? 'pronoun ' : ''}'${tg.term}'`;
    const h: Hit = {
      category: tg.category,
      score: neg !== undefined ? 0.76 * 0.25 : 0.76,
      start: s.start,
      end: s.end,
      term: s.term,
      reason: neg !== undefined ? `${reason}; negated by '${neg}'` : reason,
      flaggable: true,
    };
    if (neg !== undefined) h.mitigated = `negated by '${neg}'`;
    push(h);
  }

  // Counter-speech: the message condemns, reports or quotes what it contains.
  const flaggableHits = hits.filter((h) => h.flaggable && h.mitigated === undefined);
  if (flaggableHits.length > 0) {
    const why = counterSpeech(tokens, units, predicateUnits, span);
    if (why !== undefined) {
      for (const h of flaggableHits) {
        h.score *= why.factor;
        h.mitigated = why.reason;
        h.reason = `${h.reason}; ${why.reason}`;
      }
      mitigated = true;
    }
  }

  let negativeCue = false;
  for (const u of units) {
    if (predicateUnits.has(u)) continue;
    for (const r of u.roles) {
      if (
        r.type === 'derog' ||
        r.type === 'hateVerb' ||
        r.type === 'threat' ||
        r.type === 'slur' ||
        r.type === 'anger'
      ) {
        negativeCue = true;
      }
    }
  }
  return {
    hits,
    negativeCue,
    identityPresent,
    identityCategories: [...identityCategories],
    positive,
    mitigated,
    identitySpan,
  };
}

/** A condemning word that the words before it dismiss ("don't care if PSD …", "sod HR"). */
function dismissed(tokens: readonly Token[], u: Unit): boolean {
  const lo = Math.max(0, u.i - 6);
  for (const phrase of DISMISS_CONDEMN) {
    for (let s = u.i - phrase.length; s >= lo; s--) {
      let ok = true;
      for (let k = 0; k < phrase.length; k++) {
        const t = tokens[s + k]!;
        if (t.kind === TK_END || t.key !== phrase[k]) {
          ok = false;
          break;
        }
      }
      if (ok) return true;
    }
    // Stop at a sentence end: dismissal is local.
  }
  for (let s = u.i - 1; s >= lo; s--) if (tokens[s]!.kind === TK_END) return false;
  return false;
}

/**
 * Does the message condemn, report or quote the hate it contains? Counter-speech must be about the
 * hate: a strong framing ("if you think…", "the word…", "suspect says") or a condemning word
 * ("racist", "out of order") that is not dismissed. Institutional cue words ("PSD", "report", "HR",
 * "wrong") only support one of those; on their own they never lower a score (a chat that mentions a
 * report for an RTC is not counter-speech).
 */
function counterSpeech(
  tokens: readonly Token[],
  units: readonly Unit[],
  predicateUnits: ReadonlySet<Unit>,
  span: (u: Unit) => { term: string },
): { reason: string; factor: number } | undefined {
  let condemn: string | undefined;
  let weak: string | undefined;
  let report: string | undefined;
  let strong: string | undefined;
  for (const u of units) {
    if (predicateUnits.has(u)) continue;
    const c = has(u, 'condemn');
    if (c !== undefined && !dismissed(tokens, u)) {
      if (c.kind === 'weak') weak ??= span(u).term;
      else condemn ??= span(u).term;
    }
    const r = has(u, 'report');
    if (r !== undefined) {
      report ??= span(u).term;
      if (r.kind === 'strong') strong ??= span(u).term;
    }
  }
  let quotes = 0;
  for (const t of tokens) if (t.kind === TK_QUOTE) quotes++;
  if (strong !== undefined) {
    return {
      reason: `counter-speech or mention: '${strong}' frames it as something said, not said by the sender`,
      factor: condemn !== undefined || weak !== undefined ? 0.3 : 0.45,
    };
  }
  if (condemn !== undefined) {
    return { reason: `counter-speech: the message condemns it ('${condemn}')`, factor: 0.3 };
  }
  if (report !== undefined && quotes >= 2) {
    return {
      reason: `quoted/reported speech ('${report}' with quotation)`,
      factor: weak !== undefined ? 0.4 : 0.55,
    };
  }
  return undefined;
}
