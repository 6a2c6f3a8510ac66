/**
 * Counter-speech: does the message condemn, report or quote the hate it contains? It must be about the
 * hate: a strong framing ("if you think…", "the word…", "suspect says") or a condemning word
 * ("racist", "out of order") that is not dismissed. Institutional cue words ("PSD", "report", "HR",
 * "wrong") only support one of those; on their own they never lower a score (a chat that mentions a
 * report for an RTC is not counter-speech; issue 14).
 *
 * Over 500 lines on purpose: every form of counter-speech (framed holders, judged quotations, rejected
 * and rebuked beliefs, denied clauses, court reports) shares the phrase matcher and word lists here,
 * and splitting them would make two modules import each other. A split by form is the next step.
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_COMMA, TK_END, TK_QUOTE, TK_WORD, type Token } from '../normalise.js';
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

/** Words that may come before the act of saying and leave it opening the sentence ("mate, calling …"). */
const VOCATIVE = new Set(['mate', 'lads', 'guys', 'folks', 'team', 'sarge', 'honestly', 'seriously', 'tbh']);

/** The act of saying at token `k`, as written or starred ("calli*g", matched as the reporting verb). */
function saying(ctx: RuleContext, k: number): boolean {
  const t = ctx.tokens[k]!;
  if (SAYING.has(t.key)) return true;
  const u = ctx.unitAt[k];
  return (
    t.masked === true && u !== undefined && u.i === k && SAYING.has(squeeze(has(u, 'report')?.term ?? ''))
  );
}

/** Whether token `k` opens its sentence, after at most a vocative and a comma ("mate, calling her …"). */
function opensSentence(ctx: RuleContext, k: number): boolean {
  const start = ctx.sentStart[ctx.sentOf[k]!]!;
  if (start === k) return true;
  const first = ctx.tokens[start]!;
  return (
    k - start === 2 &&
    first.kind === TK_WORD &&
    VOCATIVE.has(first.key) &&
    ctx.tokens[start + 1]!.norm === ','
  );
}

/**
 * "Saying X are scum is disgusting", "Calling them vermin was vile": a sentence that opens with the act
 * of saying and then judges that act with a hostile word after "is"/"was".
 */
function judgedSaying(ctx: RuleContext): string | undefined {
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

/** "sent the wrong invoice", "a wrong turn": "wrong" before a noun picks a thing, it condemns nothing. */
function wrongThing(ctx: RuleContext, u: Unit): boolean {
  if (u.j !== u.i + 1 || ctx.tokens[u.i]!.key !== 'wrong') return false;
  const prev = ctx.tokens[u.i - 1];
  const next = ctx.tokens[u.j];
  return (
    prev?.kind === TK_WORD &&
    (prev.key === 'the' || prev.key === 'a') &&
    next?.kind === TK_WORD &&
    ctx.unitAt[u.j] === undefined
  );
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
    if (c !== undefined && !dismissed(ctx.tokens, u) && !wrongThing(ctx, u)) {
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

const keys = (words: string[]): Set<string> => new Set(words.map(squeeze));
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
const IS_NOUNS = keys([
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

/** Pairs of quote marks [open, close] as token indices. */
function quotePairs(ctx: RuleContext): [number, number][] {
  const pairs: [number, number][] = [];
  let open = -1;
  for (let k = 0; k < ctx.n; k++) {
    if (ctx.tokens[k]!.kind !== TK_QUOTE) continue;
    if (open < 0) open = k;
    else {
      pairs.push([open, k]);
      open = -1;
    }
  }
  return pairs;
}

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
function judgedAfter(ctx: RuleContext, close: number): string | undefined {
  const w = wordsFrom(ctx, close + 1, 12);
  if (w.some((x) => ENDORSE.has(x))) return undefined;
  // "Suspect said \"…\", charged with a public order offence": the police acted on what was said.
  // Further on only as a charge ("…\" at the carer, it's on bodycam, charged with …").
  if (w.some((x, i) => POLICE_ACTION.has(x) && (i < 4 || w[i + 1] === 'with' || w[i + 1] === 'for')))
    return 'police action after it';
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
function unwantedBefore(ctx: RuleContext, open: number): string | undefined {
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
const BELIEF_REACH = 30;
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
function rejectedBelief(ctx: RuleContext): { from: number; to: number; why: string } | undefined {
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

/** Whether a starred token could be `word` ("s*id" for "said"): same length, stars for letters. */
function maskFits(t: Token, word: string): boolean {
  if (t.masked !== true || t.key.length !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (t.key[i] !== '*' && t.key[i] !== word[i]) return false;
  return true;
}

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
function judgedIdea(ctx: RuleContext): { from: number; to: number; why: string } | undefined {
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

/** "nobody gets to decide that …", "who are you to say …": the clause after it is denied. */
const DENIED_FRAMES = phrases([
  'nobody gets to decide',
  'no one gets to decide',
  'noone gets to decide',
  'nobody gets to say',
  'no one gets to say',
  'noone gets to say',
  'nobody gets to tell',
  'no one gets to tell',
  'nobody has the right to say',
  'no one has the right to say',
  'nobody has the right to decide',
  'no one has the right to decide',
  'who are you to say',
  'who are you to decide',
  'who are they to say',
  'who is he to say',
  'who is she to say',
]);

/** "nothing", also starred or typed in a hurry ("no*hing", "nohting", "nothng"). */
function nothingLike(t: Token): boolean {
  if (t.kind !== TK_WORD) return false;
  if (t.key === 'nothing' || maskFits(t, 'nothing')) return true;
  const k = t.key;
  if (!k.startsWith('no') || k.length < 6 || k.length > 8) return false;
  // Same letters as "nothing" but for one dropped, swapped or replaced letter.
  const a = [...k].sort().join('');
  const b = [...'nothing'].sort().join('');
  if (a === b) return true;
  let i = 0;
  let j = 0;
  let miss = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else {
      miss++;
      if (a.length < b.length) j++;
      else {
        i++;
        j++;
      }
    }
  }
  return miss + (b.length - j) + (a.length - i) <= 1;
}
const SAYS = keys(['says', 'said', 'proves', 'shows', 'suggests']);

/** "nothing in biology says …": "nothing", at most four words, then "says"; the frame's length, or 0. */
function nothingSays(ctx: RuleContext, k: number): number {
  if (!nothingLike(ctx.tokens[k]!)) return 0;
  for (let q = k + 1; q < Math.min(ctx.n, k + 6) && ctx.sentOf[q] === ctx.sentOf[k]; q++) {
    const t = ctx.tokens[q]!;
    if (t.kind !== TK_WORD) return 0;
    if (SAYS.has(t.key)) return q + 1 - k;
  }
  return 0;
}

/** The rest of the clause after a denying frame. */
function deniedClause(ctx: RuleContext): { from: number; to: number; why: string } | undefined {
  for (let k = 0; k < ctx.n; k++) {
    const fl = phraseAt(ctx, k, DENIED_FRAMES) || nothingSays(ctx, k);
    if (fl === 0) continue;
    let e = k + fl;
    // To the clause's end: "nobody gets to decide anything here, X are …" denies nothing after the comma.
    while (e < ctx.n && ctx.sentOf[e] === ctx.sentOf[k] && ctx.tokens[e]!.kind !== TK_COMMA) e++;
    return { from: k + fl, to: e - 1, why: ctx.slice(k, k + fl) };
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
function rebukedSaying(ctx: RuleContext): { from: number; to: number; why: string } | undefined {
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

/** What a court or the police did to whoever said it ("… was jailed today", "has been charged"). */
const PUNISHED = keys([
  'jailed',
  'convicted',
  'sentenced',
  'charged',
  'fined',
  'cautioned',
  'arrested',
  'locked',
]);
const PUNISHED_AUX = keys(['was', 'were', 'been', 'is', 'got', 'gets', 'being']);
const SAID = keys(['said', 'says', 'posted', 'shouted', 'threatened', 'told', 'wrote', 'tweeted']);

/**
 * "A man who said he would burn their house down … was jailed today": a news report of what someone
 * said, then what was done to them for it (same sentence). Returns the span of what was said.
 */
function punishedSaying(ctx: RuleContext): { from: number; to: number; why: string } | undefined {
  const { tokens } = ctx;
  for (let b = 1; b < ctx.n; b++) {
    const t = tokens[b]!;
    const who = tokens[b - 1]!;
    // "who said", "that posted": the speaker is the subject of the report.
    if (
      t.kind !== TK_WORD ||
      !SAID.has(t.key) ||
      who.kind !== TK_WORD ||
      (who.key !== 'who' && who.key !== 'that')
    )
      continue;
    for (let k = b + 3; k < Math.min(ctx.n, b + BELIEF_REACH) && ctx.sentOf[k] === ctx.sentOf[b]; k++) {
      const p = tokens[k]!;
      if (p.kind !== TK_WORD || !PUNISHED.has(p.key) || !PUNISHED_AUX.has(tokens[k - 1]!.key)) continue;
      return { from: b + 1, to: k - 1, why: ctx.slice(k - 1, k + 1) };
    }
  }
  return undefined;
}

const HOSTILE_ROLES = ['derog', 'hateVerb', 'threat', 'slur'] as const;
const MAX_QUOTES = 64;

/** `within`: only hits that also end inside the span (a report's later sentences may be the sender's own). */
function lowerBetween(ctx: RuleContext, from: number, to: number, reason: string, within = false): void {
  const start = ctx.tokens[from]!.start;
  const end = ctx.tokens[to]!.end;
  // The hostile words are inside what is rejected: the model alone must not flag the message either
  // (even where no rule found the group the words are aimed at).
  for (let k = from; k < to; k++) {
    const v = ctx.unitAt[k];
    if (v !== undefined && HOSTILE_ROLES.some((r) => has(v, r) !== undefined)) ctx.mitigated = true;
  }
  for (const h of ctx.hits) {
    if (!h.flaggable || h.mitigated !== undefined || h.start < start || h.start >= end) continue;
    if (within && h.end > end) continue;
    h.score *= 0.3;
    h.mitigated = reason;
    h.reason = `${h.reason}; ${reason}`;
    ctx.mitigated = true;
  }
}

/**
 * Counter-speech aimed at one quoted or reported statement: a quotation judged after it ("is not an
 * opinion, it's hate") or unwanted before it ("nobody needs \"…\""), and a reported belief the sentence
 * rejects ("…, which is total rubbish"). Only the hits inside that statement are lowered.
 */
function quotedOrRejected(ctx: RuleContext): void {
  // Each judged quotation walks the hit list: a bounded number keeps huge messages linear.
  for (const [open, close] of quotePairs(ctx).slice(0, MAX_QUOTES)) {
    const after = judgedAfter(ctx, close);
    const before = after === undefined ? unwantedBefore(ctx, open) : undefined;
    const why = after ?? before;
    if (why !== undefined)
      lowerBetween(ctx, open, close, `counter-speech: the quotation is judged ('${why}')`);
  }
  const punished = punishedSaying(ctx);
  // A court report: what was said is the offence, whether or not a listed word names it ("put a brick
  // through their window"), so the model alone must not flag it on its likeness to threats either.
  if (punished !== undefined) ctx.mitigated = true;
  const rej = rejectedBelief(ctx) ?? judgedIdea(ctx) ?? rebukedSaying(ctx);
  if (rej !== undefined)
    lowerBetween(ctx, rej.from, rej.to, `counter-speech: a reported belief rejected ('${rej.why}')`);
  else if (punished !== undefined)
    lowerBetween(
      ctx,
      punished.from,
      punished.to,
      `mention: a court report of what was said ('${punished.why}')`,
      true,
    );
  const denied = deniedClause(ctx);
  if (denied !== undefined)
    lowerBetween(ctx, denied.from, denied.to, `counter-speech: the view is denied ('${denied.why}')`);
}

/** Lowers every unmitigated flaggable hit when the message is counter-speech. */
export function counterSpeechRule(ctx: RuleContext): void {
  quotedOrRejected(ctx);
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
