/**
 * A factual arrest or custody report that names the detained people's group ("3 travellers nicked
 * for the lead theft", "2 albanians in for the cannabis grow", "four somalis detained after the fight"):
 * police work, said every shift. The model learnt the group beside a crime from hateful templates
 * ("travellers are all thieves") and flags such reports alone (p 0.895 for the first). When the
 * message is only that — a count, the group, an arrest or custody word after it, and no description,
 * slur, threat or other hit, no laughter or emoji — the model may not flag it on its own (combine.ts);
 * any hit of the rules ("…, thieving scum") still flags it, and with "😂" or "lol" the model decides.
 */
import { squeeze, TK_EMOJI, TK_NUM, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';

const COUNTS = new Set(
  [
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'couple',
    'pair',
    'both',
    'x2',
    'x3',
    'x4',
  ].map(squeeze),
);
/** Words of arrest or custody; "in" only with "for" or "custody" after it (checked below). */
const ARREST = new Set(
  [
    'nicked',
    'arrested',
    'detained',
    'charged',
    'custody',
    'locked',
    'bailed',
    'remanded',
    'cautioned',
    'booked',
    'brought',
    'released',
    'rui',
    'interviewed',
    'lifted',
    'collared',
    'stopped',
    'searched',
  ].map(squeeze),
);
/** People nouns that may follow the group word ("albanian males", "polish lads"). */
const PEOPLE = new Set(
  ['lads', 'males', 'men', 'females', 'women', 'girls', 'boys', 'nationals', 'youths'].map(squeeze),
);
const MAX_WORDS = 20;
/** The arrest word within this many words after the group. */
const WINDOW = 4;

export function arrestReport(ctx: RuleContext): boolean {
  const { tokens, n } = ctx;
  let words = 0;
  for (const t of tokens) if (t.kind === TK_WORD) words++;
  if (words > MAX_WORDS || ctx.hits.some((h) => h.flaggable)) return false;
  // Laughter or an emoji with a meaning is a comment on the report, not the report: the model reads it.
  if (
    tokens.some((t) => t.kind === TK_EMOJI) ||
    ctx.units.some((u) => u.roles.some((r) => r.type === 'laugh'))
  )
    return false;
  for (let k = 1; k < n; k++) {
    const tg = ctx.targetAt[k];
    if (tg === undefined || tg.i !== k || tg.weak || tg.pronoun || tg.category === 'victims_of_crime')
      continue;
    const prev = tokens[k - 1]!;
    if (prev.kind !== TK_NUM && !(prev.kind === TK_WORD && COUNTS.has(prev.key))) continue;
    let w = tg.j;
    if (w < n && tokens[w]!.kind === TK_WORD && PEOPLE.has(tokens[w]!.key)) w++;
    for (let q = w; q < Math.min(n, w + WINDOW); q++) {
      const t = tokens[q]!;
      if (t.kind !== TK_WORD) break;
      if (ARREST.has(t.key)) return true;
      const next = tokens[q + 1];
      if (t.key === 'in' && next?.kind === TK_WORD && (next.key === 'for' || next.key === squeeze('custody')))
        return true;
    }
  }
  return false;
}
