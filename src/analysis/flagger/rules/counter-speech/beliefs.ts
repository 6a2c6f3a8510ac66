/**
 * Counter-speech, reported beliefs rejected: a belief reported and then rejected in the same or the
 * next sentence ("people reckon X are …, which is total rubbish"), a view named as an idea and judged
 * ("the idea that X belong in the kitchen is so outdated"), and a saying the sender rebuked ("My uncle
 * keeps saying X. I told him he needs help").
 */

import { TK_COMMA, TK_END, TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { keys, maskFits, phraseAt, phrases, type Statement } from './match.js';
import { IS_NOUNS } from './quotations.js';

/** Belief verbs that report a view rather than state it ("people reckon …"). */
const BELIEF = keys([
  'reckon',
  'reckons',
  'reckoned',
  'think',
  'thinks',
  'thought',
  'believe',
  'believes',
  'say',
  'says',
  'said',
  'saying',
  'posted',
  'posts',
  'claim',
  'claims',
  'assume',
  'assumes',
  'apparently',
  'supposedly',
  'allegedly',
]);
/** Belief verbs as they are starred ("s*id"): matched by `maskFits`, so squeezed as written. */
const MASKED_BELIEF = ['said', 'says', 'think', 'thinks', 'reckons', 'posted', 'claims'];
/** Lead words as they are starred ("w*ich is total rubbish"). */
const MASKED_LEAD = ['which', 'thats', 'what'];
const REJECT_LEAD = keys([
  // "what a" typed fast or spaced out ("wht a", "w h a t a" joins to "whata").
  'wht',
  'wat',
  'whata',
  'which',
  'thats',
  'that',
  'its',
  'this',
  'is',
  'was',
  'total',
  'utter',
  'complete',
  'absolute',
  'just',
  'a',
  'load',
  'of',
  'pure',
  'what',
  'such',
  'so',
  'an',
]);
const REJECT = keys([
  'rubbish',
  'nonsense',
  'bollocks',
  'garbage',
  'tosh',
  'codswallop',
  'drivel',
  'bs',
  'bullshit',
  'myth',
  'lie',
  'lies',
  'untrue',
  'false',
  'wrong',
  'crap',
  'twaddle',
  // A judgement of what was said ("…, what a rotten thing to post", "…, so outdated").
  'rotten',
  'outdated',
  'shameful',
  'disgraceful',
  'bigoted',
  'racist',
  'sexist',
  'homophobic',
  'ignorant',
]);

/** How far after the belief verb its rejection may come (bounded: linear time on long messages). */
export const BELIEF_REACH = 30;
const BARE_REJECT = keys([
  'rubbish',
  'nonsense',
  'bollocks',
  'codswallop',
  'tosh',
  'drivel',
  'bullshit',
  'twaddle',
]);

/**
 * "people reckon X are only good for …, which is total rubbish": a reported belief that the same
 * sentence then rejects. Returns the token span [from, to) of the belief and the rejection's text.
 */
export function rejectedBelief(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  for (let b = 0; b < ctx.n; b++) {
    const t = tokens[b]!;
    if (t.kind !== TK_WORD || !(BELIEF.has(t.key) || MASKED_BELIEF.some((w) => maskFits(t, w)))) continue;
    for (let k = b + 2; k < Math.min(ctx.n, b + BELIEF_REACH) && ctx.sentOf[k]! <= ctx.sentOf[b]! + 1; k++) {
      if (tokens[k - 1]!.kind !== TK_COMMA && tokens[k - 1]!.kind !== TK_END) continue;
      // After a comma or full stop: "which is (total) rubbish", "that's a myth", "nonsense".
      let q = k;
      // Spaced letters ("w h a t a rotten") stay single-letter tokens here: they count as lead words.
      while (
        q < ctx.n &&
        tokens[q]!.kind === TK_WORD &&
        (REJECT_LEAD.has(tokens[q]!.key) ||
          tokens[q]!.key.length === 1 ||
          MASKED_LEAD.some((w) => maskFits(tokens[q]!, w))) &&
        q - k < 7
      )
        q++;
      const r = tokens[q];
      // A bare "wrong" or "false" after a comma may be anything ("…, wrong or not"): it needs a lead.
      // Spaced letters join the article to the word ("wht a r o t t e n" reads "wht aroten").
      const rk =
        r?.key.startsWith('a') === true && q > k && REJECT.has(r.key.slice(1)) ? r.key.slice(1) : r?.key;
      if (
        r !== undefined &&
        r.kind === TK_WORD &&
        rk !== undefined &&
        REJECT.has(rk) &&
        (q > k || BARE_REJECT.has(rk))
      )
        return { from: b, to: k, why: ctx.slice(k, q + 1) };
    }
  }
  return undefined;
}

/** "the idea that …", "the notion that …": a view named as a thing, judged after it. */
const IDEA_FRAMES = phrases([
  'the idea that',
  'the notion that',
  'the belief that',
  'the claim that',
  'the view that',
  'the assumption that',
  'this idea that',
  'this notion that',
]);
/** Degree words between the copula and the judgement ("is so outdated", "is frankly nonsense"). */
const IDEA_DEGREE = keys([
  'always',
  'so',
  'very',
  'really',
  'frankly',
  'honestly',
  'completely',
  'totally',
  'well',
]);

/** "that" as typed in a hurry or starred ("tht", "thta", "t*at"). */
const THAT_LIKE = keys(['that', 'tht', 'tat', 'thta', 'taht', 'thst', 'thet']);

/** "the i*ea tht …", "the idae that …": "the/this", one word, then a "that" (frame length, or 0). */
function looseIdeaFrame(ctx: RuleContext, k: number): number {
  const [a, b] = [ctx.tokens[k], ctx.tokens[k + 1]];
  if (a === undefined || b === undefined) return 0;
  if (a.kind !== TK_WORD || (a.key !== 'the' && a.key !== 'this') || b.kind !== TK_WORD) return 0;
  // "the i d e a that": spaced letters stay single-letter tokens at this stage.
  let m = k + 2;
  if (b.key.length === 1)
    while (m < ctx.n && ctx.tokens[m]!.kind === TK_WORD && ctx.tokens[m]!.key.length === 1) m++;
  const c = ctx.tokens[m];
  if (c === undefined || c.kind !== TK_WORD || !(THAT_LIKE.has(c.key) || maskFits(c, 'that'))) return 0;
  return ctx.sentOf[m] === ctx.sentOf[k] ? m + 1 - k : 0;
}

/**
 * "the idea that X belong in the kitchen is so outdated": the named view, then "is/was" and a
 * rejection in the same sentence (no comma needed). Returns the view's token span.
 */
export function judgedIdea(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  for (let k = 0; k < ctx.n; k++) {
    const fl = phraseAt(ctx, k, IDEA_FRAMES) || looseIdeaFrame(ctx, k);
    if (fl === 0) continue;
    const fe = k + fl;
    for (let q = fe + 2; q < Math.min(ctx.n, fe + BELIEF_REACH) && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
      const t = tokens[q]!;
      if (t.kind !== TK_WORD || (t.key !== 'is' && t.key !== 'was')) continue;
      let r = q + 1;
      while (
        r < ctx.n &&
        tokens[r]!.kind === TK_WORD &&
        (REJECT_LEAD.has(tokens[r]!.key) || IDEA_DEGREE.has(tokens[r]!.key)) &&
        r - q < 5
      )
        r++;
      const w = tokens[r];
      if (w !== undefined && w.kind === TK_WORD && (REJECT.has(w.key) || IS_NOUNS.has(w.key)))
        return { from: fe, to: q, why: ctx.slice(k, fe) + ' … ' + ctx.slice(q, r + 1) };
    }
    k = fe - 1;
  }
  return undefined;
}

/**
 * What the sender told whoever said it ("I told him he needs help", "told her she was out of order"):
 * a rebuke in the sentence after a reported saying.
 */
const REBUKES = phrases([
  'needs help',
  'need help',
  'needs his head testing',
  'needs her head testing',
  'needs his head checking',
  'needs her head checking',
  'needs to grow up',
  'need to grow up',
  'out of order',
  'out of line',
  'bang out of order',
  'was wrong',
  'is wrong',
  'was bang wrong',
  'to wind his neck in',
  'to wind her neck in',
  'to pack it in',
  'to shut up',
  'to stop',
  'to grow up',
  'should be ashamed',
  'a disgrace',
  'a bigot',
  'a racist',
  'a dinosaur',
  'disgusting',
  'not on',
]);
const TOLD = keys(['told', 'tell', 'telling']);
const TOLD_WHO = keys(['him', 'her', 'them', 'he', 'she', 'they', 'uncle', 'dad', 'mum', 'mate']);

/** "My uncle keeps saying X. I told him he needs help": the reported saying, rebuked next sentence. */
export function rebukedSaying(ctx: RuleContext): Statement | undefined {
  const { tokens } = ctx;
  for (let b = 0; b < ctx.n; b++) {
    const t = tokens[b]!;
    if (t.kind !== TK_WORD || !BELIEF.has(t.key)) continue;
    const sb = ctx.sentOf[b]!;
    for (let k = b + 2; k < Math.min(ctx.n, b + BELIEF_REACH) && ctx.sentOf[k]! <= sb + 1; k++) {
      if (ctx.sentOf[k] !== sb + 1 || !TOLD.has(tokens[k]!.key) || tokens[k]!.kind !== TK_WORD) continue;
      const who = tokens[k + 1];
      if (who === undefined || who.kind !== TK_WORD || !TOLD_WHO.has(who.key)) continue;
      for (let q = k + 2; q < Math.min(ctx.n, k + 10) && ctx.sentOf[q] === sb + 1; q++) {
        const rl = phraseAt(ctx, q, REBUKES);
        if (rl === 0) continue;
        return { from: b + 1, to: ctx.sentStart[sb + 1]!, why: ctx.slice(k, q + rl) };
      }
    }
  }
  return undefined;
}
