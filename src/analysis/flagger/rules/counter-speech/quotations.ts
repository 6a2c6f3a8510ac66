/**
 * Counter-speech, quotation and mention: the act of saying judged ("Saying X are scum is disgusting"),
 * a quoted word the sender is reporting ('"paki" again. I will be reporting it'), and a quotation
 * judged after it ("\"…\" is not an opinion, it's hate", police action on it) or unwanted before it
 * ("nobody needs \"…\"").
 */

import { squeeze, TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { has, type Hit } from '../types.js';
import { disbeliefAfter } from './reactions.js';
import { keys, oneSlip, phraseAt, phrases, quotePairs } from './match.js';

const SAYING = new Set(['saying', 'calling', 'telling'].map(squeeze));
const COPULA = new Set(['is', 'was', 'its', 'thats'].map(squeeze));

/** Words that may come before the act of saying and leave it opening the sentence ("mate, calling …"). */
const VOCATIVE = new Set(['mate', 'lads', 'guys', 'folks', 'team', 'sarge', 'honestly', 'seriously', 'tbh']);

/** What the act of saying is judged to be ("… is a sacking offence", "… is embarrassing"). */
const ACT_JUDGED = new Set(
  [
    'embarrassing',
    'insulting',
    'misconduct',
    'sackable',
    'sacking',
    'unprofessional',
    'cringe',
    'cringey',
    'pathetic',
    'dehumanising',
    'degrading',
    'demeaning',
  ].map(squeeze),
);

/** The act of saying at token `k`, as written or starred ("calli*g", matched as the reporting verb). */
function saying(ctx: RuleContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (SAYING.has(t.key)) return true;
  if ([...SAYING].some((w) => oneSlip(t.key, w))) return true;
  const u = ctx.unitAt[k];
  // Starred ("calli*g") or misspelt ("callng", "sying"): the reporting verb the matcher read.
  return (
    u !== undefined &&
    (t.masked === true || u.via === 'fuzzy') &&
    u.i === k &&
    SAYING.has(squeeze(has(u, 'report')?.term ?? ''))
  );
}

/** Whether token `k` opens its sentence, after at most a vocative and a comma ("mate, calling her …"). */
function opensSentence(ctx: RuleContext, k: number): boolean {
  const start = ctx.sentStart[ctx.sentOf[k]!]!;
  if (start === k) return true;
  const first = ctx.tokens[start]!;
  // A vocative or a name ("Sarah, saying …"): one word, then a comma.
  return (
    k - start === 2 &&
    first.kind === TK_WORD &&
    (VOCATIVE.has(first.key) || ctx.unitAt[start] === undefined) &&
    ctx.tokens[start + 1]!.norm === ','
  );
}

/**
 * "Saying X are scum is disgusting", "Calling them vermin was vile": a sentence that opens with the act
 * of saying and then judges that act with a hostile word after "is"/"was".
 */
export function judgedSaying(ctx: RuleContext): string | undefined {
  const { tokens, unitAt } = ctx;
  for (let k = 0; k < ctx.n; k++) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD || !saying(ctx, k) || !opensSentence(ctx, k)) continue;
    for (let q = k + 3; q < ctx.n && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
      if (tokens[q]!.kind !== TK_WORD || !COPULA.has(tokens[q]!.key)) continue;
      for (let r = q + 1; r < Math.min(ctx.n, q + 4); r++) {
        const v = unitAt[r];
        if (v !== undefined && (has(v, 'condemn') !== undefined || has(v, 'derog') !== undefined))
          return `${t.norm} … ${ctx.slice(q, v.j)}`;
        if (tokens[r]!.kind === TK_WORD && ACT_JUDGED.has(tokens[r]!.key))
          return `${t.norm} … ${ctx.slice(q, r + 1)}`;
      }
    }
  }
  return undefined;
}

/** The sender reporting what was said: "I will be reporting it", "I've reported it". */
const FIRST_PERSON_REPORT = phrases([
  'i will be reporting',
  'ill be reporting',
  'i am reporting',
  'im reporting',
  'i will report',
  'ill report',
  'i have reported',
  'ive reported',
  'i reported',
  'reporting it',
  'reported it',
  'report it to',
  'reporting this',
  'reporting him',
  'reporting her',
  'reporting them',
  'reporting you',
]);

const NOT_A_REPORT = new Set(['for', 'in', 'back', 'sick', 'on'].map(squeeze));

/**
 * '"paki" in the group chat again. I will be reporting it': every hit is a quoted word or phrase and
 * the sender says they are reporting it. A quotation with no report ('"faggot" fits him') and a report
 * with no quotation ("I will be reporting nothing, gays are …") are not mentions.
 */
export function reportedQuote(ctx: RuleContext, hits: readonly Hit[]): string | undefined {
  // Character spans of the quotations, quote marks included.
  const quoted: [number, number][] = quotePairs(ctx).map(([open, close]) => [
    ctx.tokens[open]!.start,
    ctx.tokens[close]!.end,
  ]);
  if (quoted.length === 0) return undefined;
  if (!hits.every((h) => quoted.some(([a, b]) => h.start >= a && h.end <= b))) return undefined;
  for (let k = 0; k < ctx.n; k++) {
    const len = phraseAt(ctx, k, FIRST_PERSON_REPORT);
    if (len === 0) continue;
    // "I will be reporting for duty", "reporting in at six": not a report of what was said.
    const next = ctx.tokens[k + len];
    if (next !== undefined && next.kind === TK_WORD && NOT_A_REPORT.has(next.key)) continue;
    return ctx.slice(k, k + len);
  }
  return undefined;
}

/** Copulas that judge a quotation ("\"…\" is not an opinion", "\"…\", that's hate"). */
const JUDGE_COPULA = keys(['is', 'was', 'isnt', 'wasnt', 'its', 'thats', 'that', 'it', 'just']);
const JUDGE_NEG = keys(['not', 'isnt', 'wasnt', 'never', 'aint']);
const JUDGE_FILLER = keys(['a', 'an', 'just', 'simply', 'pure', 'plain', 'total', 'utter', 'is', 'being']);
/** What a quotation is said not to be ("is not an opinion", "isn't banter"). */
const NOT_NOUNS = keys([
  'opinion',
  'joke',
  'debate',
  'view',
  'argument',
  'free',
  'funny',
  'ok',
  'okay',
  'acceptable',
  'fine',
  'normal',
  'harmless',
  'humour',
  'comedy',
  'criticism',
  'concern',
]);
/** What a quotation is said to be ("it's hate", "that's bigotry"). */
export const IS_NOUNS = keys([
  'hate',
  'hatred',
  'bigotry',
  'bigoted',
  'racism',
  'sexism',
  'misogyny',
  'homophobia',
  'transphobia',
  'ableism',
  'abuse',
  'vile',
  'disgusting',
  'hateful',
  'dehumanising',
  'dangerous',
  'poison',
]);
/** Endorsement after the judgement ("… is not an opinion, it's a fact"). */
const ENDORSE = keys(['fact', 'facts', 'truth', 'true', 'right', 'correct', 'spot']);
/** What officers did about a quotation ("charged with", "arrested for", "reported to PSD"). */
const POLICE_ACTION = keys([
  'charged',
  'arrested',
  'cautioned',
  'reported',
  'summonsed',
  'nicked',
  'interviewed',
  'recorded',
  'logged',
]);
/** Negated wanting before a quotation ("nobody needs \"…\" on their timeline"). */
const WANT = keys(['need', 'needs', 'want', 'wants', 'wanted', 'see', 'hear', 'read']);
const WANT_NEG = keys(['nobody', 'noone', 'no', 'dont', 'doesnt', 'never', 'not']);

/** Words of the sentence from token `from`, up to `max` of them (keys). */
function wordsFrom(ctx: RuleContext, from: number, max: number): string[] {
  const out: string[] = [];
  for (let k = from; k < ctx.n && out.length < max; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind === TK_WORD) out.push(t.key);
  }
  return out;
}

/** "\"…\" is not an opinion", "\"…\", that's hate": the text after the quotation judges it. */
export function judgedAfter(ctx: RuleContext, close: number): string | undefined {
  const w = wordsFrom(ctx, close + 1, 12);
  if (w.some((x) => ENDORSE.has(x))) return undefined;
  // "Suspect said \"…\", charged with a public order offence": the police acted on what was said.
  // Further on only as a charge ("…\" at the carer, it's on bodycam, charged with …").
  if (w.some((x, i) => POLICE_ACTION.has(x) && (i < 4 || w[i + 1] === 'with' || w[i + 1] === 'for')))
    return 'police action after it';
  // '"…" imagine typing this', '"…" in a work chat. wow': disbelief that anyone wrote it.
  const disbelief = disbeliefAfter(w);
  if (disbelief !== undefined) return disbelief;
  let k = 0;
  while (k < w.length && k < 3 && JUDGE_COPULA.has(w[k]!)) k++;
  if (k === 0) return undefined;
  let neg = JUDGE_NEG.has(w[k - 1]!);
  if (k < w.length && JUDGE_NEG.has(w[k]!)) {
    neg = true;
    k++;
  }
  while (k < w.length && JUDGE_FILLER.has(w[k]!)) k++;
  const noun = w[k];
  if (noun === undefined) return undefined;
  if (neg ? NOT_NOUNS.has(noun) : IS_NOUNS.has(noun)) return w.slice(0, k + 1).join(' ');
  return undefined;
}

/** "nobody needs \"…\"", "don't want to see \"…\"": negated wanting just before the quotation. */
export function unwantedBefore(ctx: RuleContext, open: number): string | undefined {
  const { tokens } = ctx;
  for (let k = open - 1; k >= Math.max(0, open - 4); k--) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD) return undefined;
    if (!WANT.has(t.key)) continue;
    for (let q = k - 1; q >= Math.max(0, k - 3); q--) {
      const p = tokens[q]!;
      if (p.kind !== TK_WORD) break;
      const v = ctx.unitAt[q];
      if (WANT_NEG.has(p.key) || (v !== undefined && has(v, 'negator') !== undefined))
        return ctx.slice(q, k + 1);
    }
  }
  return undefined;
}
