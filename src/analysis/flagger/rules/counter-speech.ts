/**
 * Counter-speech: does the message condemn, report or quote the hate it contains? It must be about the
 * hate: a strong framing ("if you think…", "the word…", "suspect says") or a condemning word
 * ("racist", "out of order") that is not dismissed. Institutional cue words ("PSD", "report", "HR",
 * "wrong") only support one of those; on their own they never lower a score (a chat that mentions a
 * report for an RTC is not counter-speech; issue 14).
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_END, TK_QUOTE, TK_WORD, type Token } from '../normalise.js';
import type { RuleContext } from './context.js';
import { has, type Hit, type Unit } from './types.js';

const DISMISS_CONDEMN: string[][] = LEXICON.dismissCondemn.map((p) => p.split(' ').map(squeeze));

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
  }
  return false;
}

const SAYING = new Set(['saying', 'calling', 'telling'].map(squeeze));
const COPULA = new Set(['is', 'was', 'its', 'thats'].map(squeeze));

/**
 * "Saying X are scum is disgusting", "Calling them vermin was vile": a sentence that opens with the act
 * of saying and then judges that act with a hostile word after "is"/"was".
 */
function judgedSaying(ctx: RuleContext): string | undefined {
  const { tokens, unitAt } = ctx;
  for (let k = 0; k < ctx.n; k++) {
    const t = tokens[k]!;
    if (t.kind !== TK_WORD || !SAYING.has(t.key) || ctx.sentStart[ctx.sentOf[k]!] !== k) continue;
    for (let q = k + 3; q < ctx.n && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
      if (tokens[q]!.kind !== TK_WORD || !COPULA.has(tokens[q]!.key)) continue;
      for (let r = q + 1; r < Math.min(ctx.n, q + 4); r++) {
        const v = unitAt[r];
        if (v !== undefined && (has(v, 'condemn') !== undefined || has(v, 'derog') !== undefined))
          return `${t.norm} … ${ctx.slice(q, v.j)}`;
      }
    }
  }
  return undefined;
}

const phrases = (list: string[]): string[][] => list.map((p) => p.split(' ').map(squeeze));
/** Who holds a view: "if you think …", "anyone who says …". */
const HOLDER_FRAMES = phrases([
  'if you think',
  'if you believe',
  'if you say',
  'if you reckon',
  'if you genuinely think',
  'if you honestly think',
  'if you really think',
  'anyone who says',
  'anyone who thinks',
  'anyone who believes',
  'anybody who says',
  'anybody who thinks',
  'people who say',
  'people who think',
  'whoever says',
  'whoever thinks',
  'those who say',
  'those who think',
]);
/** What the message says of whoever holds the view: they do not belong in the job. */
const HOLDER_JUDGEMENTS = phrases([
  'should not be in',
  'shouldnt be in',
  'should not be wearing',
  'shouldnt be wearing',
  'should not be a',
  'shouldnt be a',
  'have no business',
  'has no business',
  'have no place',
  'has no place',
  'no place in',
  'in the wrong job',
  'wrong job',
  'should leave',
  'should resign',
  'should be sacked',
  'needs sacking',
  'need sacking',
  'are the problem',
  'is the problem',
  'are part of the problem',
  'are a disgrace',
  'is a disgrace',
  'hand your warrant card',
  'hand in your warrant card',
  'not fit to wear',
  'not fit to be',
  'have a word with yourself',
  'need your head testing',
  'want your head testing',
  'need your head checking',
  'should be ashamed',
]);

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

/** Most tokens from the end of the frame to the judgement. */
const HOLDER_SPAN = 30;

interface Holder {
  frame: string;
  judgement: string;
  /** Tokens between the frame and the judgement hold the view. */
  from: number;
  to: number;
}

/** First words of each phrase list, so most tokens are passed over with one look-up. */
const FIRST_WORDS = new WeakMap<string[][], Set<string>>();

/** Length of the first phrase of `list` starting at token k, or 0. */
function phraseAt(ctx: RuleContext, k: number, list: string[][]): number {
  let first = FIRST_WORDS.get(list);
  if (first === undefined) {
    first = new Set(list.map((ph) => ph[0]!));
    FIRST_WORDS.set(list, first);
  }
  if (!first.has(ctx.tokens[k]!.key)) return 0;
  for (const ph of list) {
    let ok = true;
    for (let q = 0; q < ph.length; q++) {
      const t = ctx.tokens[k + q];
      if (t === undefined || t.kind !== TK_WORD || t.key !== ph[q] || ctx.sentOf[k + q] !== ctx.sentOf[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return ph.length;
  }
  return 0;
}

/** "If you think X are thieves you should not be in this job": the view, framed and then judged. */
function judgedHolder(ctx: RuleContext): Holder | undefined {
  for (let k = 0; k < ctx.n; k++) {
    const fl = phraseAt(ctx, k, HOLDER_FRAMES);
    if (fl === 0) continue;
    const fe = k + fl;
    // The view takes at least two words; the judgement follows it in the same sentence.
    // Bounded, so a long message with many frames stays linear.
    for (let q = fe + 2; q < Math.min(ctx.n, fe + HOLDER_SPAN) && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
      const jl = phraseAt(ctx, q, HOLDER_JUDGEMENTS);
      if (jl === 0) continue;
      return {
        frame: ctx.slice(k, fe),
        judgement: ctx.slice(q, q + jl),
        from: ctx.tokens[fe]!.start,
        to: ctx.tokens[q]!.start,
      };
    }
    // "if you think about it …" judges no one: a later frame may.
    k = fe - 1;
  }
  return undefined;
}

/**
 * "If you think Muslims are decent people you should not be in this job": the holder of a good view
 * of a group is the one judged, so the message attacks the group.
 */
export function scornedPraise(ctx: RuleContext): void {
  if (!ctx.positive) return;
  const holder = judgedHolder(ctx);
  if (holder === undefined) return;
  // A hateful view ("If you think X are thieves …") was lowered by counter-speech: not praise.
  if (ctx.hits.some((h) => h.flaggable && (h.mitigated === undefined || h.end <= holder.to))) return;
  const tg = ctx.targets.find(
    (t) => !t.weak && t.category !== 'victims_of_crime' && ctx.tokens[t.i]!.start >= holder.from,
  );
  if (tg === undefined || ctx.tokens[tg.i]!.start >= holder.to) return;
  const start = ctx.tokens[tg.i]!.start;
  const end = ctx.tokens[ctx.n - 1]!.end;
  ctx.push({
    category: tg.category,
    score: 0.7,
    start,
    end,
    term: ctx.text.slice(start, end),
    reason: `scorn for a good view of '${tg.term}' ('${holder.frame} … ${holder.judgement}')`,
    flaggable: true,
  });
  ctx.positive = false;
}

/**
 * '"paki" in the group chat again. I will be reporting it': every hit is a quoted word or phrase and
 * the sender says they are reporting it. A quotation with no report ('"faggot" fits him') and a report
 * with no quotation ("I will be reporting nothing, gays are …") are not mentions.
 */
function reportedQuote(ctx: RuleContext, hits: readonly Hit[]): string | undefined {
  const quoted: [number, number][] = [];
  let open = -1;
  for (let k = 0; k < ctx.n; k++) {
    if (ctx.tokens[k]!.kind !== TK_QUOTE) continue;
    if (open < 0) open = k;
    else {
      quoted.push([ctx.tokens[open]!.start, ctx.tokens[k]!.end]);
      open = -1;
    }
  }
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

function counterSpeech(ctx: RuleContext): { reason: string; factor: number } | undefined {
  const live = ctx.hits.filter((h) => h.flaggable && h.mitigated === undefined);
  const holder = judgedHolder(ctx);
  // Every hit starts in the view. A hit that reaches into the judgement ("have no place" read as aimed
  // at the group) is about the holder, so it is lowered too; a good view of the group judged this way
  // is then hate (`scornedPraise`).
  if (holder !== undefined && live.every((h) => h.start >= holder.from && h.start < holder.to)) {
    return {
      reason: `counter-speech: whoever holds the view is judged ('${holder.frame} … ${holder.judgement}')`,
      factor: 0.3,
    };
  }
  const reported = reportedQuote(ctx, live);
  if (reported !== undefined) {
    return { reason: `quoted and reported by the sender ('${reported}')`, factor: 0.4 };
  }
  const judged = judgedSaying(ctx);
  if (judged !== undefined) {
    return { reason: `counter-speech: the message condemns what was said ('${judged}')`, factor: 0.3 };
  }
  let condemn: string | undefined;
  let weak: string | undefined;
  let report: string | undefined;
  let strong: string | undefined;
  for (const u of ctx.units) {
    if (ctx.predicateUnits.has(u)) continue;
    const c = has(u, 'condemn');
    if (c !== undefined && !dismissed(ctx.tokens, u)) {
      if (c.kind === 'weak') weak ??= ctx.span(u).term;
      else condemn ??= ctx.span(u).term;
    }
    const r = has(u, 'report');
    if (r !== undefined) {
      report ??= ctx.span(u).term;
      if (r.kind === 'strong') strong ??= ctx.span(u).term;
    }
  }
  let quotes = 0;
  for (const t of ctx.tokens) if (t.kind === TK_QUOTE) quotes++;
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

/** Lowers every unmitigated flaggable hit when the message is counter-speech. */
export function counterSpeechRule(ctx: RuleContext): void {
  const flaggableHits = ctx.hits.filter((h) => h.flaggable && h.mitigated === undefined);
  if (flaggableHits.length === 0) return;
  const why = counterSpeech(ctx);
  if (why === undefined) return;
  for (const h of flaggableHits) {
    h.score *= why.factor;
    h.mitigated = why.reason;
    h.reason = `${h.reason}; ${why.reason}`;
  }
  ctx.mitigated = true;
}
