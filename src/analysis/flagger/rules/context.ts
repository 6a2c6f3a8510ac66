/**
 * The per-message structure every rule reads: sentence and clause of each token, which sentences are
 * questions, the units (term matches and meaningful emoji) and the targets, plus the helpers that ask
 * questions of them (nearest target, negation, spans) and the hit list the rules write to.
 *
 * Every helper is bounded by a fixed window around a match, so the cost stays linear in the message length.
 */

import type { FlagCategory } from '../../../contract/coding.js';
import { LEXICON, type LexiconIndex, type Match } from '../lexicon.js';
import { squeeze, TK_COMMA, TK_EMOJI, TK_END, TK_WORD, type Token } from '../normalise.js';
import { has, type Hit, type Span, type Target, type Unit } from './types.js';
import { emojiRoles } from './units.js';

const CLAUSE_BREAKS = new Set(LEXICON.clauseBreaks.map(squeeze));
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
const MAX_HITS = 500;
/** Words that make a subject-less sentence speak of a group ("bunch of parasites", "the lot"). */
export const GROUP_QUANTIFIERS = new Set(
  ['bunch', 'lot', 'all', 'every', 'load', 'loads', 'shower', 'pack', 'herd', 'whole', 'typical'].map(
    squeeze,
  ),
);
/** A subject-less fragment this short ("Vermin, honestly.") is about what came before it. */
export const FRAGMENT_WORDS = 5;
/**
 * Places and property of a group ("the Muslim shop", "the traveller site"): no people are named, so
 * they are no target for descriptions, but burning or bulldozing them is a threat against the group.
 */
const PLACE_NOUNS = new Set(
  [
    'shop',
    'shops',
    'site',
    'sites',
    'camp',
    'camps',
    'bar',
    'bars',
    'club',
    'clubs',
    'church',
    'churches',
    'temple',
    'temples',
    'school',
    'schools',
    'centre',
    'center',
    'restaurant',
    'restaurants',
    'takeaway',
    'takeaways',
    'business',
    'businesses',
    'house',
    'houses',
    'home',
    'homes',
    'caravan',
    'caravans',
    'cafe',
    'butchers',
    'grocers',
    'market',
    'stall',
    'stalls',
    'barbers',
    'salon',
    'estate',
    'estates',
    'flats',
    'street',
    'area',
    'quarter',
  ].map(squeeze),
);

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

export class RuleContext {
  readonly n: number;
  /** Sentence index per token (the sentence-end token belongs to the sentence it ends). */
  readonly sentOf: Int32Array;
  /** First token of the clause per token. */
  readonly clauseOf: Int32Array;
  /** 1 where the sentence ends with "?". */
  readonly question: Int32Array;
  readonly sentStart: Int32Array;
  readonly units: Unit[] = [];
  readonly unitAt: (Unit | undefined)[];
  readonly targets: Target[] = [];
  readonly targetAt: (Target | undefined)[];
  readonly hits: Hit[] = [];
  /** Units a rule used as a description of a target (counter-speech ignores them). */
  readonly predicateUnits = new Set<Unit>();
  positive = false;
  mitigated = false;

  constructor(
    readonly text: string,
    readonly tokens: Token[],
    matches: Match[],
    readonly lex: LexiconIndex,
  ) {
    const n = tokens.length;
    this.n = n;
    this.sentOf = intBuffer(0, n);
    this.clauseOf = intBuffer(1, n);
    let sent = 0;
    let clauseStart = 0;
    for (let t = 0; t < n; t++) {
      const tok = tokens[t]!;
      if (tok.kind === TK_WORD && CLAUSE_BREAKS.has(tok.key)) clauseStart = t;
      this.sentOf[t] = sent;
      this.clauseOf[t] = clauseStart;
      if (tok.kind === TK_END) {
        sent++;
        clauseStart = t + 1;
      } else if (tok.kind === TK_COMMA) {
        clauseStart = t + 1;
      }
    }
    // Which sentences are questions (a rhetorical "Wouldn't it be best if ..." is not a negation).
    this.question = intBuffer(2, sent + 1).fill(0, 0, sent + 1);
    for (let t = 0; t < n; t++) {
      const tok = tokens[t]!;
      if (tok.kind === TK_END && tok.norm === '?') this.question[this.sentOf[t]!] = 1;
    }
    this.sentStart = intBuffer(3, sent + 1).fill(-1, 0, sent + 1);
    for (let t = 0; t < n; t++)
      if (this.sentStart[this.sentOf[t]!] === -1) this.sentStart[this.sentOf[t]!] = t;

    // Units: matches plus emoji with a meaning, in token order.
    let mi = 0;
    for (let t = 0; t < n; t++) {
      const m = matches[mi];
      if (m !== undefined && m.i === t) {
        this.units.push({
          i: m.i,
          j: m.j,
          roles: m.roles,
          via: m.via,
          sent: this.sentOf[t]!,
          clause: this.clauseOf[t]!,
        });
        mi++;
        t = m.j - 1;
        continue;
      }
      const tok = tokens[t]!;
      if (tok.kind === TK_EMOJI) {
        const roles = emojiRoles(tok);
        if (roles.length > 0)
          this.units.push({
            i: t,
            j: t + 1,
            roles,
            via: 'emoji',
            sent: this.sentOf[t]!,
            clause: this.clauseOf[t]!,
          });
      }
    }
    this.unitAt = new Array<Unit | undefined>(n);
    for (const u of this.units) for (let k = u.i; k < u.j; k++) this.unitAt[k] = u;
    this.targetAt = new Array<Target | undefined>(n);
  }

  span(u: Unit): Span {
    const start = this.tokens[u.i]!.start;
    const end = this.tokens[u.j - 1]!.end;
    return { start, end, term: this.text.slice(start, end) };
  }

  spanTo(u: Unit, tg: Target): Span {
    const start = Math.min(this.tokens[u.i]!.start, this.tokens[tg.i]!.start);
    const end = Math.max(this.tokens[u.j - 1]!.end, this.tokens[tg.j - 1]!.end);
    return { start, end, term: this.text.slice(start, end) };
  }

  /** The text of tokens [i, j). */
  slice(i: number, j: number): string {
    return this.text.slice(this.tokens[i]!.start, this.tokens[j - 1]!.end);
  }

  nearestTarget(u: Unit, window: number, allowWeak: boolean): Target | undefined {
    let best: Target | undefined;
    let bestD = Infinity;
    const lo = Math.max(0, u.i - window);
    const hi = Math.min(this.n, u.j + window);
    for (let k = lo; k < hi; k++) {
      const tg = this.targetAt[k];
      if (tg === undefined || this.sentOf[k] !== u.sent) continue;
      if (tg.weak && !allowWeak) continue;
      const d = k < u.i ? u.i - k : k - u.j;
      if (d < bestD) {
        bestD = d;
        best = tg;
      }
    }
    return best;
  }

  /**
   * A place or property of a group in the unit's sentence, within `window` tokens ("torch the next
   * Muslim shop", "the traveller site … wants bulldozing"), as a target of the group's category.
   */
  placeTarget(u: Unit, window: number): Target | undefined {
    const lo = Math.max(0, u.i - window);
    const hi = Math.min(this.n - 1, u.j + window);
    for (let k = lo; k < hi; k++) {
      const v = this.unitAt[k];
      if (v === undefined || v.i !== k || v.sent !== u.sent || v === u) continue;
      const id = has(v, 'identity');
      if (id?.category === undefined || id.weak === true || id.category === 'victims_of_crime') continue;
      const next = this.tokens[v.j];
      if (next === undefined || next.kind !== TK_WORD || !PLACE_NOUNS.has(next.key)) continue;
      const term = this.slice(v.i, v.j + 1);
      return {
        i: v.i,
        j: v.j + 1,
        category: id.category,
        group: id.group ?? id.category,
        weak: false,
        pronoun: false,
        term,
      };
    }
    return undefined;
  }

  /**
   * Reference back without a pronoun: the group named in one of the two sentences before, when this
   * sentence names no one itself and is a fragment or speaks of a group ("Don't talk to me about
   * Arabs. Bunch of cockroaches"). A sentence with a person of its own ("the burglar", "the lad") is
   * about that person.
   */
  earlierTarget(u: Unit): Target | undefined {
    if (u.sent === 0) return undefined;
    const { tokens, sentOf, targetAt } = this;
    const start = this.sentStart[u.sent]!;
    let words = 0;
    let quantifier = false;
    for (let k = start; k < this.n && sentOf[k] === u.sent; k++) {
      if (targetAt[k] !== undefined) return undefined;
      const t = tokens[k]!;
      if (t.kind !== TK_WORD) continue;
      words++;
      // "the lot" is a quantifier here, not a person of the sentence's own.
      if (GROUP_QUANTIFIERS.has(t.key)) quantifier = true;
      else if (this.lex.personNouns.has(t.key)) return undefined;
    }
    if (!quantifier && words > FRAGMENT_WORDS) return undefined;
    for (let k = start - 1; k >= 0 && sentOf[k]! >= u.sent - 2; k--) {
      const tg = targetAt[k];
      if (tg !== undefined && !tg.weak && !tg.pronoun && tg.category !== 'victims_of_crime') return tg;
    }
    return undefined;
  }

  /** A group quantifier just before the unit, in its sentence ("bunch of idiots", "the lot are …"). */
  quantified(u: Unit): boolean {
    for (let k = u.i - 1; k >= Math.max(0, u.i - 3) && this.sentOf[k] === u.sent; k--) {
      const t = this.tokens[k]!;
      if (t.kind === TK_WORD && GROUP_QUANTIFIERS.has(t.key)) return true;
    }
    return false;
  }

  /** A negator earlier in the same clause (phrases that contain a negation were matched whole). */
  negatedBy(u: Unit, tg?: Target, exclusion = false): string | undefined {
    const { tokens } = this;
    const from = Math.min(u.clause, tg !== undefined && tg.i < u.i ? this.clauseOf[tg.i]! : u.clause);
    for (let k = u.i - 1; k >= from && k >= u.i - 12; k--) {
      const v = this.unitAt[k];
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
        if (this.question[u.sent] === 1 && v.i <= this.sentStart[u.sent]! + 1) return undefined;
        return this.slice(v.i, v.j);
      }
    }
    return undefined;
  }

  /** Does a destination follow token k ("back to the cells", "home address")? Then it is no exclusion. */
  destinationAt(k: number): boolean {
    for (let q = k; q < Math.min(this.n, k + 4); q++) {
      const t = this.tokens[q]!;
      if (t.kind !== TK_WORD) return false;
      if (DESTINATIONS.has(t.key)) return true;
      if (!DESTINATION_LEAD.has(t.key) && this.unitAt[q] === undefined) return false;
    }
    return false;
  }

  toDestination(u: Unit): boolean {
    const last = this.tokens[u.j - 1]!;
    return last.kind === TK_WORD && DIRECTIONAL_END.has(last.key) && this.destinationAt(u.j);
  }

  /** First listed phrase (keys) found in [lo, hi), outside the unit itself; optionally same sentence only. */
  phraseIn(phrases: string[][], lo: number, hi: number, u: Unit, sameSent: boolean): string | undefined {
    const { tokens } = this;
    for (let s = lo; s < hi; s++) {
      if (s >= u.i && s < u.j) continue;
      if (sameSent && this.sentOf[s] !== u.sent) continue;
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
        if (ok) return this.slice(s, s + ph.length);
      }
    }
    return undefined;
  }

  push(h: Hit): void {
    if (this.hits.length < MAX_HITS) this.hits.push(h);
    if (h.mitigated !== undefined) this.mitigated = true;
  }

  /** Evidence that description `u` is aimed at target `tg` (score quartered when negated). */
  groupHit(
    u: Unit,
    tg: Target,
    score: number,
    what: string,
    neg: string | undefined,
    extraCategory?: FlagCategory,
  ): void {
    const s = this.spanTo(u, tg);
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
    this.push(hit);
    if (extraCategory !== undefined) this.push({ ...hit, category: extraCategory });
    this.predicateUnits.add(u);
  }
}

/** Does any listed benign phrase sit within six tokens of the unit ("fag" near "smoke")? */
export function benignContext(tokens: Token[], u: Unit, benign: string[][] | undefined): boolean {
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
