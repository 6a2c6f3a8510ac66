/**
 * Gapped exclusion: a removal verb, then a group term or a pronoun for one, then "back/home/packing"
 * ("send the Albanians back", "ship the lot of them home"); "send/put" only with "back". Never when a
 * destination follows ("put the Romanians back in the van").
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_WORD } from '../normalise.js';
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

export function gappedExclusionRule(ctx: RuleContext): void {
  for (const tg of ctx.targets) {
    if (tg.weak || tg.category === 'victims_of_crime') continue;
    const pseudo = removalAround(ctx, tg);
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
