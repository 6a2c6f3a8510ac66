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
import { has, type Unit } from './types.js';

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

function counterSpeech(ctx: RuleContext): { reason: string; factor: number } | undefined {
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
