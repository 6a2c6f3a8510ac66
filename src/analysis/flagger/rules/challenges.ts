/**
 * A challenge to find one member of a group who does something ordinary ("show me one Gypsy who pays
 * tax", "name a single Albanian who works"): it says none of them do. Only with the ordinary virtues
 * such jibes deny (paying tax, working, honesty, speaking English), so "name one Muslim who won gold"
 * (a quiz) and "is there a single Polish officer who works nights?" (a rota question) stay quiet. The
 * negated form ("… who isn't a thief") is the derogation rule's `universalChallenge`.
 */

import { squeeze, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import type { Unit } from './types.js';

const OPENERS: string[][] = [
  'show me one',
  'show me a',
  'show me a single',
  'show me an',
  'find me one',
  'find me a',
  'find me a single',
  'find me an',
  'name one',
  'name a single',
].map((p) => p.split(' ').map(squeeze));
const OPENER_VERBS = new Set(OPENERS.map((p) => p[0]!));
const RELATIVES = new Set(['who', 'that', 'whos'].map(squeeze));
const VIRTUES = new Set(
  [
    'pays',
    'paid',
    'tax',
    'taxes',
    'works',
    'worked',
    'job',
    'honest',
    'decent',
    'contributes',
    'contributed',
    'grafts',
    'earns',
    'english',
    'washes',
    'clean',
    'trustworthy',
    'useful',
    'legal',
    'legit',
  ].map(squeeze),
);
const NOWHERE: Unit = { i: -1, j: -1, roles: [], via: 'exact', sent: -1, clause: 0 };

export function exceptionChallengeRule(ctx: RuleContext): void {
  for (const tg of ctx.targets) {
    if (tg.weak || tg.pronoun || tg.category === 'victims_of_crime') continue;
    const start = ctx.sentStart[ctx.sentOf[tg.i]!]!;
    let verb = false;
    for (let k = Math.max(start, tg.i - 4); k < tg.i; k++)
      if (OPENER_VERBS.has(ctx.tokens[k]!.key)) verb = true;
    if (!verb) continue;
    const opener = ctx.phraseIn(OPENERS, Math.max(start, tg.i - 4), tg.i, NOWHERE, false);
    if (opener === undefined) continue;
    let rel = -1;
    for (let k = tg.j; k < Math.min(ctx.n, tg.j + 4) && ctx.sentOf[k] === ctx.sentOf[tg.i]; k++) {
      const t = ctx.tokens[k]!;
      if (t.kind === TK_WORD && RELATIVES.has(t.key)) rel = k;
    }
    if (rel < 0) continue;
    for (let k = rel + 1; k < Math.min(ctx.n, rel + 5) && ctx.sentOf[k] === ctx.sentOf[tg.i]; k++) {
      const t = ctx.tokens[k]!;
      if (t.kind !== TK_WORD || !VIRTUES.has(t.key)) continue;
      const s = { start: ctx.tokens[tg.i]!.start, end: t.end };
      ctx.push({
        category: tg.category,
        score: 0.7,
        start: s.start,
        end: s.end,
        term: ctx.text.slice(s.start, s.end),
        reason: `challenge to find one '${tg.term}' who '${t.norm}' ('${opener}'): says none do`,
        flaggable: true,
      });
      return;
    }
  }
}
