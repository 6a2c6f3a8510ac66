/**
 * Gapped exclusion: a removal verb, then a group term or a pronoun for one, then "back/home/packing"
 * ("send the Albanians back", "ship the lot of them home"); "send/put" only with "back". Never when a
 * destination follows ("put the Romanians back in the van").
 * Also the slogan: a sentence that is only the group and "out" ("Muslims out", "🇵🇰 out 🇬🇧") or "ban"
 * and the group ("ban 🕌", "ban all Somalis"), with nothing but emoji around it.
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_EMOJI, TK_END, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import type { Hit, Target, Unit } from './types.js';

const REMOVAL_VERBS = new Set(LEXICON.removal.verbs.map(squeeze));
/** "send"/"put" the group back: only with "back"/"packing" ("send the Romanians home" is a release). */
const SOFT_REMOVAL_VERBS = new Set(LEXICON.removal.softVerbs.map(squeeze));
const REMOVAL_ENDS = new Set(LEXICON.removal.ends.map(squeeze));

/** The removal phrase around target `tg` as a pseudo-unit (verb … end), if there is one. */
function removalAround(ctx: RuleContext, tg: Target): Unit | undefined {
  const { tokens, sentOf, clauseOf, n } = ctx;
  let vk = -1;
  for (let k = tg.i - 1; k >= Math.max(0, tg.i - 3); k--) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD || sentOf[k] !== sentOf[tg.i]) break;
    if (REMOVAL_VERBS.has(t.key)) {
      vk = k;
      break;
    }
  }
  if (vk < 0) return undefined;
  let ek = -1;
  for (let k = tg.j; k < Math.min(n, tg.j + 3); k++) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD) break;
    if (REMOVAL_ENDS.has(t.key)) {
      ek = k;
      break;
    }
  }
  if (ek < 0) return undefined;
  const end = tokens[ek]!.key;
  if (SOFT_REMOVAL_VERBS.has(tokens[vk]!.key) && end !== 'back' && end !== 'packing') return undefined;
  if (ctx.destinationAt(ek + 1)) return undefined;
  return { i: vk, j: ek + 1, roles: [], via: 'exact', sent: sentOf[vk]!, clause: clauseOf[vk]! };
}

const SLOGAN_LEAD = new Set(['all', 'the'].map(squeeze));
const SLOGAN_TAIL = new Set(['out'].map(squeeze));

/**
 * "Muslims out", "all 🇵🇰 out now", "ban 🕌": the sentence holds the group, "out" after it or "ban"
 * before it, and otherwise only emoji (no verb: "Muslims out in force at the vigil" is a report).
 */
function sloganAround(ctx: RuleContext, tg: Target): Unit | undefined {
  const { tokens, sentOf, clauseOf } = ctx;
  const sent = sentOf[tg.i]!;
  const start = ctx.sentStart[sent]!;
  // The sentence's end is found by walking, never measured first: a megabyte message with no full stop
  // is one sentence of many groups, and measuring it for each group was quadratic.
  const inSent = (k: number): boolean => k < ctx.n && sentOf[k] === sent;
  const skip = (k: number): boolean => tokens[k]!.kind === TK_EMOJI || tokens[k]!.kind === TK_END;
  // Before the group: emoji, then "ban", then "all/the".
  let k = tg.i - 1;
  while (k >= start && tokens[k]!.kind === TK_WORD && SLOGAN_LEAD.has(tokens[k]!.key)) k--;
  const ban = k >= start && tokens[k]!.kind === TK_WORD && tokens[k]!.key === 'ban';
  let from = ban ? k : k + 1;
  for (let q = ban ? k - 1 : k; q >= start; q--) if (!skip(q)) return undefined;
  // After the group: "out" (unless it was "ban"), "now", then emoji.
  let q = tg.j;
  let out = false;
  while (inSent(q) && tokens[q]!.kind === TK_WORD && SLOGAN_TAIL.has(tokens[q]!.key)) {
    if (tokens[q]!.key === 'out') out = true;
    q++;
  }
  if (ban === out) return undefined;
  // "girls out 🥂", "ladies out tonight": a night out, not a removal.
  if (out && (tg.category === 'sex_women' || tg.category === 'age')) return undefined;
  const to = q;
  for (; inSent(q); q++) if (!skip(q)) return undefined;
  if (from > tg.i) from = tg.i;
  return { i: from, j: to, roles: [], via: 'exact', sent, clause: clauseOf[from]! };
}

export function gappedExclusionRule(ctx: RuleContext): void {
  for (const tg of ctx.targets) {
    if (tg.weak || tg.category === 'victims_of_crime') continue;
    const pseudo = removalAround(ctx, tg) ?? (tg.pronoun ? undefined : sloganAround(ctx, tg));
    if (pseudo === undefined) continue;
    const neg = ctx.negatedBy(pseudo, tg, true);
    const s = ctx.span(pseudo);
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
    ctx.push(h);
  }
}
