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

const words = (list: string[]): string[][] => list.map((p) => p.split(' ').map(squeeze));
/** "none of the female officers can …": a claim about the whole group now (needs "can"). */
const NONE_OPENERS = words([
  'none of the',
  'none of them',
  'not one',
  'not a single',
  'not one of the',
  'no',
]);
/** "never met a female DS who could …": the speaker's whole experience of the group ("could" too). */
const NEVER_MET = words([
  'never met a',
  'never met an',
  'never met one',
  'yet to meet a',
  'yet to meet an',
  'never seen a',
  'never seen an',
  'never known a',
  'never known an',
  'never worked with a',
  'never worked with an',
  'never worked with one',
]);
/** "is there a single woman in CID who actually earned …": a question that expects the answer none. */
const ASK_OPENERS = words([
  'is there a single',
  'is there one',
  'is there any',
  'are there any',
  'has there ever been a',
  'show me a',
  'show me one',
  'name one',
  'name a single',
]);
/** "when was the last time a Muslim called us to help": the ordinary deed is said never to happen. */
const LAST_TIME = words([
  'when was the last time a',
  'when was the last time an',
  'when was the last time one',
]);
/** The ordinary deeds such a question denies (needs no modal: "… paid for a round"). */
const DEEDS = new Set(
  ['paid', 'pay', 'thanked', 'help', 'helped', 'worked', 'grafted', 'contributed'].map(squeeze),
);
const PRESENT_MODALS = new Set(['can', 'will', 'would'].map(squeeze));
const PAST_MODALS = new Set(['could'].map(squeeze));
/** What the put-down says none of them can do: the job's ordinary skills, not what befell them. */
const SKILLS = new Set(
  ['handle', 'run', 'drive', 'park', 'reverse', 'fight', 'lead', 'control', 'take'].map(squeeze),
);
/** Merit denied: "who actually earned her stripes", counted without a modal. */
const MERIT = new Set(['earned', 'earnt', 'deserved', 'deserves', 'deserve', 'earn'].map(squeeze));
/** What merit is earned: "earned her stripes"; "no woman deserves to be treated like that" is sympathy. */
const MERIT_OBJECTS = new Set(
  ['her', 'his', 'their', 'stripes', 'promotion', 'place', 'rank', 'pips', 'job', 'badge'].map(squeeze),
);
/** The sneer in a question: "who actually …", "who can even …"; without it a question is a rota one. */
const SNEER = new Set(['actually', 'genuinely', 'ever', 'even', 'properly', 'really'].map(squeeze));
/** "could fight him off", "could handle herself better than me": an account or praise, not a put-down. */
const NOT_PUTDOWN = new Set(['off', 'back', 'better', 'than', 'like', 'as'].map(squeeze));

/**
 * Generalised inability with a gap between the group and the skill (session 9): "none of the female
 * response officers can handle a fight", "never met a female DS who could run a job", "is there a
 * single woman in CID who actually earned her promotion?". A skill of the job or merit is denied to
 * the whole group; "none of the response officers can attend" names no group, "is there a single
 * female officer who can drive the van tonight?" (no sneer) is a rota question, "not one of the women
 * could fight him off" is an account of an assault.
 */
export function generalisedInabilityRule(ctx: RuleContext): void {
  for (const tg of ctx.targets) {
    if (tg.pronoun || tg.category === 'victims_of_crime') continue;
    // A weak group word names people only before a person noun ("female response officers").
    if (tg.weak && ![0, 1, 2].some((d) => ctx.lex.personNouns.has(ctx.tokens[tg.j + d]?.key ?? ''))) continue;
    const sent = ctx.sentOf[tg.i]!;
    const lo = Math.max(ctx.sentStart[sent]!, tg.i - 5);
    const probe: Unit = { ...NOWHERE, sent };
    const kind =
      ctx.phraseIn(LAST_TIME, Math.max(ctx.sentStart[sent]!, tg.i - 7), tg.i, probe, true) !== undefined
        ? 'last'
        : ctx.phraseIn(NEVER_MET, lo, tg.i, probe, true) !== undefined
          ? 'met'
          : ctx.phraseIn(ASK_OPENERS, lo, tg.i, probe, true) !== undefined
            ? 'ask'
            : ctx.phraseIn(NONE_OPENERS, lo, tg.i, probe, true) !== undefined
              ? 'none'
              : undefined;
    if (kind === undefined) continue;
    let modal = false;
    let sneer = false;
    for (let k = tg.j; k < Math.min(ctx.n, tg.j + 8) && ctx.sentOf[k] === sent; k++) {
      const t = ctx.tokens[k]!;
      if (t.kind !== TK_WORD) continue;
      if (PRESENT_MODALS.has(t.key) || (kind !== 'none' && PAST_MODALS.has(t.key))) modal = true;
      if (SNEER.has(t.key)) sneer = true;
      const next = ctx.tokens[k + 1];
      const merit =
        (MERIT.has(t.key) && next !== undefined && MERIT_OBJECTS.has(next.key)) ||
        (kind === 'last' && DEEDS.has(t.key));
      if (!merit && !(modal && SKILLS.has(t.key))) continue;
      if ((kind === 'ask' && !sneer && !merit) || (kind === 'last' && !merit)) continue;
      const after = ctx.tokens.slice(k + 1, Math.min(ctx.n, k + 5));
      if (!merit && after.some((a) => a.kind === TK_WORD && NOT_PUTDOWN.has(a.key))) break;
      ctx.push({
        category: tg.category,
        score: 0.7,
        start: ctx.tokens[tg.i]!.start,
        end: t.end,
        term: ctx.text.slice(ctx.tokens[tg.i]!.start, t.end),
        reason: `generalised inability: '${tg.term}' said to lack '${t.norm}'`,
        flaggable: true,
      });
      return;
    }
  }
}
