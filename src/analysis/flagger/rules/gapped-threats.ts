/**
 * Gapped threats: a phrasal threat verb whose particle comes after its object, with the group in the
 * gap ("knock that trans woman out", "run every one of those refugees over", "put that Pakistani
 * shopkeeper through the window"). The term list matches "knock out" only when the words touch, so
 * the group in between hid the threat. Like every threat verb it needs an intent cue or an imperative
 * ("I'd", "gonna", "let's", "someone should"), so "who knocked that trans woman out?" is a report; a
 * particle followed by "to" is a direction ("run the witness over to the CPS office", "put the caller
 * through to control"), not a threat.
 *
 * The verbs and particles live here, not in `lexicon.json`: they are a pattern with a slot, which the
 * phrase matcher cannot express.
 */

import { PROTECTED_CATEGORIES, type FlagCategory } from '../../../contract/coding.js';
import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { BREAKABLE, intentCue, pastTime } from './threats.js';
import { has, type Target, type Unit } from './types.js';

/** Alternatives per word are separated by "|". */
const THROUGH = ['through', 'a|the', 'window|wall|door|windscreen|table|floor|fence'];
const OFF_HIGH = ['off', 'a|the', 'bridge|roof|cliff|balcony|building|pier|motorway'];
const UNDER = ['under', 'a|the', 'bus|train|lorry|truck|car|van'];
const TO_DEATH = ['to', 'death'];
const PHRASAL: Record<string, string[][]> = {
  knock: [['out'], ['down'], TO_DEATH, ['about'], ['around']],
  run: [['over'], ['off', 'the', 'road|estate|site|street|patch'], ['out', 'of', 'town'], ['down', 'with']],
  beat: [['up'], TO_DEATH, ['black', 'and', 'blue']],
  batter: [['up'], TO_DEATH],
  kick: [['up'], TO_DEATH, ['in'], ['to', 'pieces']],
  smash: [['up'], ['in']],
  stab: [TO_DEATH],
  put: [
    THROUGH,
    ['in', 'hospital'],
    ['in', 'the', 'ground'],
    ['six', 'feet', 'under'],
    ['in', 'a', 'coffin'],
  ],
  throw: [THROUGH, OFF_HIGH, UNDER, ['in', 'the', 'canal|river|sea|harbour']],
  push: [OFF_HIGH, UNDER, ['in', 'the', 'canal|river|sea|harbour']],
  string: [['up']],
  set: [['alight'], ['on', 'fire'], ['ablaze']],
  finish: [['off']],
  wipe: [['out']],
  lock: [['in', 'and', 'burn']],
};
/**
 * "put that Muslim family's windows through", "kick the Polish lad's head in": a bare particle only
 * after something that can be broken; "put the caller through" is a phone call.
 */
const HARM_PARTICLES: Record<string, string[][]> = {
  put: [['through'], ['in']],
  smash: [['through'], ['in']],
  kick: [['through']],
  bash: [['in']],
  boot: [['in'], ['through']],
};
function verbForms(table: Record<string, string[][]>): Map<string, string[][][]> {
  const out = new Map<string, string[][][]>();
  for (const [verb, seqs] of Object.entries(table)) {
    const parsed = seqs.map((seq) => seq.map((w) => w.split('|').map(squeeze)));
    out.set(squeeze(verb), parsed);
    out.set(squeeze(`${verb.endsWith('e') ? verb.slice(0, -1) : verb}ing`), parsed);
  }
  return out;
}
const VERBS = verbForms(PHRASAL);
const HARM_VERBS = verbForms(HARM_PARTICLES);
/** Verb to particle, at most: "run every one of those refugees over" has six words between. */
const MAX_GAP = 9;
const PROTECTED: ReadonlySet<FlagCategory> = new Set(PROTECTED_CATEGORIES);

/** The completion of `seqs` starting at token k, as the index after it, or -1. */
function completionAt(ctx: RuleContext, k: number, seqs: string[][][]): number {
  for (const seq of seqs) {
    let ok = true;
    for (let q = 0; q < seq.length; q++) {
      const t = ctx.tokens[k + q];
      if (t === undefined || t.kind !== TK_WORD || !seq[q]!.includes(t.key)) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    // "run the witness over to the CPS office", "put the caller through to control": a direction.
    const after = ctx.tokens[k + seq.length];
    if (after !== undefined && after.kind === TK_WORD && after.key === 'to') continue;
    return k + seq.length;
  }
  return -1;
}

/**
 * What the gap (lo, hi) holds after a possessive: 'harm' when something breakable follows it or
 * stands in it ("the Muslim family's windows"), 'thing' when another thing of theirs does ("the
 * Romanian lad's statement"), 'person' otherwise.
 */
function gapObject(ctx: RuleContext, lo: number, hi: number): 'harm' | 'thing' | 'person' {
  let possessive = false;
  for (let k = lo; k < hi; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    if (BREAKABLE.has(t.key)) return 'harm';
    if (t.poss === true) possessive = true;
  }
  return possessive ? 'thing' : 'person';
}

/** A group, a slur for one, or a group's place in the gap (lo, hi). */
function gapTarget(ctx: RuleContext, verb: Unit, hi: number): Target | undefined {
  for (let k = verb.j; k < hi; k++) {
    const tg = ctx.targetAt[k];
    if (tg !== undefined && !tg.weak && tg.category !== 'victims_of_crime') return tg;
    const v = ctx.unitAt[k];
    const s = v !== undefined ? has(v, 'slur') : undefined;
    if (v !== undefined && s?.category !== undefined && PROTECTED.has(s.category) && s.insultOnly !== true) {
      const term = ctx.slice(v.i, v.j);
      return { i: v.i, j: v.j, category: s.category, group: term, weak: false, pronoun: false, term };
    }
  }
  const place = ctx.placeTarget(verb, MAX_GAP);
  return place !== undefined && place.i >= verb.j && place.j <= hi ? place : undefined;
}

function unitInReach(ctx: RuleContext, v: number): boolean {
  for (let k = v + 1; k < Math.min(ctx.n, v + 1 + MAX_GAP); k++) {
    if (ctx.targetAt[k] !== undefined) return true;
    const u = ctx.unitAt[k];
    if (u !== undefined && (has(u, 'slur') !== undefined || has(u, 'identity') !== undefined)) return true;
  }
  return false;
}

export function gappedThreatRule(ctx: RuleContext): void {
  const { tokens, sentOf, clauseOf } = ctx;
  for (let v = 0; v < ctx.n; v++) {
    const t = tokens[v]!;
    if (t.kind !== TK_WORD) continue;
    const seqs = VERBS.get(t.key);
    const harmSeqs = HARM_VERBS.get(t.key);
    if (seqs === undefined && harmSeqs === undefined) continue;
    // Cheap first: no group word, slur or group place in reach, no threat ("put the kettle on").
    if (!unitInReach(ctx, v)) continue;
    // The particle must be separated from the verb by at least one word (touching is the term list's).
    for (let k = v + 2; k <= Math.min(ctx.n - 1, v + 1 + MAX_GAP) && sentOf[k] === sentOf[v]; k++) {
      let end = seqs !== undefined ? completionAt(ctx, k, seqs) : -1;
      const harmOnly = end < 0;
      if (harmOnly && harmSeqs !== undefined) end = completionAt(ctx, k, harmSeqs);
      if (end < 0) continue;
      const obj = gapObject(ctx, v + 1, k);
      // "knock the Romanian lad's statement out": the object is a thing of theirs, not them.
      if (obj === 'thing' || (harmOnly && obj !== 'harm')) continue;
      const verb: Unit = { i: v, j: v + 1, roles: [], via: 'exact', sent: sentOf[v]!, clause: clauseOf[v]! };
      const tg = gapTarget(ctx, verb, k);
      if (tg === undefined) break;
      if (!intentCue(ctx, verb) || pastTime(ctx, v)) break;
      const pseudo: Unit = { ...verb, j: end };
      ctx.groupHit(
        pseudo,
        tg,
        0.9,
        `threat of violence '${ctx.slice(v, v + 1)} … ${ctx.slice(k, end)}'`,
        ctx.negatedBy(verb, tg),
        'violence_threat',
      );
      break;
    }
  }
}
