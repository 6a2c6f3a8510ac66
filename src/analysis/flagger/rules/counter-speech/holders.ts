/**
 * Counter-speech, framed-then-judged views: "If you think X are thieves you should not be in this job"
 * judges whoever holds the view, so the hate inside it is lowered (`counter-speech.ts`); the same frame
 * around a good view of a group ("If you think Muslims are decent people …") attacks the group
 * (`scornedPraise`).
 */

import type { RuleContext } from '../context.js';
import { squeeze, TK_WORD } from '../../normalise.js';
import { keys, oneSlip, phraseAt, phrases } from './match.js';

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
  // Session 9: the past tense, as police chat answers a remark made earlier ("whoever said …").
  'whoever said',
  'anyone who said',
  'anybody who said',
  'whoever reckons',
  'anyone who reckons',
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
  // The sender's own warning or rule for whoever does it (engine 2.5, second round).
  'unfollow me',
  'unfriend me',
  'block me',
  'need to log off',
  'needs to log off',
  'im reporting',
  'i am reporting',
  'ill report',
  'i will report',
  'ill be reporting',
  'i will be reporting',
  'going to psd',
  'goes to psd',
  'straight to psd',
  // A counter-example from the job (session 9): "… has never worked with Sarah on a Friday".
  'never worked with',
  'has never worked with',
  'have never worked with',
  'has clearly never worked',
  'has obviously never worked',
]);

/** "if you (still / ever / keep) call …": a second-person frame around a verb of saying or hating. */
const IF_YOU_FILLER = keys(['still', 'ever', 'keep', 're', 'are', 'really', 'genuinely', 'honestly']);
const IF_YOU_VERBS = ['call', 'calling', 'say', 'saying', 'post', 'posting', 'hate', 'hating', 'think'].map(
  squeeze,
);
const HATE = keys(['hate', 'hating']);

/** Length of an "if you … <verb>" frame at k (the verb may be typed with one letter slipped), or 0. */
function ifYouFrame(ctx: RuleContext, k: number): number {
  const { tokens } = ctx;
  // "if you're still calling": "you're" is joined to "youre" by normalisation.
  const you = tokens[k + 1]?.key;
  if (tokens[k]!.key !== 'if' || (you !== 'you' && you !== 'youre')) return 0;
  let q = k + 2;
  while (q < Math.min(ctx.n, k + 5) && IF_YOU_FILLER.has(tokens[q]!.key)) q++;
  const v = tokens[q];
  if (v === undefined || v.kind !== TK_WORD || ctx.sentOf[q] !== ctx.sentOf[k]) return 0;
  const fits = IF_YOU_VERBS.includes(v.key) || IF_YOU_VERBS.some((w) => oneSlip(v.key, w));
  // "cll" (squeezed "cl"): "call" typed short.
  const short = v.key === 'cl';
  if (!fits && !short) return 0;
  // "if you hate X": the hate verb is read as a hit aimed at X, so it stays in the view.
  return HATE.has(v.key) ? q - k : q + 1 - k;
}

/** Most tokens from the end of the frame to the judgement. */
const HOLDER_SPAN = 30;

interface Holder {
  frame: string;
  judgement: string;
  /** Tokens between the frame and the judgement hold the view. */
  from: number;
  to: number;
}

/** "If you think X are thieves you should not be in this job": the view, framed and then judged. */
export function judgedHolder(ctx: RuleContext): Holder | undefined {
  for (let k = 0; k < ctx.n; k++) {
    const fl = phraseAt(ctx, k, HOLDER_FRAMES) || ifYouFrame(ctx, k);
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
