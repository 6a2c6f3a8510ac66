/**
 * Slurs: a listed slur is evidence by itself, unless a benign homonym context is near ("fag" and
 * "smoke"), it is an insult-only word not used as an insult ("queer people"), or its use is reclaimed,
 * affectionate or mentioned under negation ("no one deserves to be called a …").
 */

import { LEXICON, type Role } from '../lexicon.js';
import { squeeze, TK_WORD } from '../normalise.js';
import { benignContext, type RuleContext } from './context.js';
import { has, type Hit, type Unit } from './types.js';
import type { VictimState } from './victims.js';

const INSULT_CUES = new Set(LEXICON.insultCues.map(squeeze));
/**
 * Benign contexts by the word as written: two spellings can share one squeezed key ("nigger" and the
 * country "Niger" both squeeze to "niger"), and only the spelling the list names gets its contexts.
 */
const BENIGN_BY_NORM = new Map<string, string[][]>();
for (const s of LEXICON.slurs) {
  for (const [w, ctx] of Object.entries(s.benign ?? {})) {
    if (!/^[a-z]+$/.test(w) || ctx.includes('*')) continue;
    BENIGN_BY_NORM.set(
      w,
      ctx.map((b) => b.split(' ').map(squeeze)),
    );
  }
}

function slurScore(severity: number): number {
  return severity >= 3 ? 0.9 : severity === 2 ? 0.72 : 0.4;
}

/** "you queer", "a dirty queer" — but not "queer people" or "a queer woman". */
function usedAsInsult(ctx: RuleContext, u: Unit): boolean {
  const { tokens, n } = ctx;
  const prev = u.i > 0 ? tokens[u.i - 1]! : undefined;
  const next = u.j < n ? tokens[u.j]! : undefined;
  if (prev === undefined || prev.kind !== TK_WORD || !INSULT_CUES.has(prev.key)) return false;
  return !(
    next !== undefined &&
    next.kind === TK_WORD &&
    (ctx.lex.personNouns.has(next.key) || ctx.targetAt[u.j] !== undefined)
  );
}

/** Words before a slur that make it a third person talked about ("the tranny in cell 4"). */
const THIRD_PERSON = new Set(
  ['the', 'that', 'this', 'those', 'these', 'a', 'an', 'some', 'resident'].map(squeeze),
);

/**
 * Laughter at a third person the slur names ("lol the tranny in cell 4 wants a female search, good luck
 * with that 🤣", "our resident dyke is getting married, to who tho 😂"): the joke's praise words
 * ("good luck", "married") are not the warmth of in-group address ("love you bro").
 */
function laughedAt(ctx: RuleContext, u: Unit): boolean {
  const prev = u.i > 0 ? ctx.tokens[u.i - 1]! : undefined;
  if (prev === undefined || prev.kind !== TK_WORD || !THIRD_PERSON.has(prev.key)) return false;
  // The slur as the person, not before a thing it describes ("the dyke march", "the dyke bar").
  const next = ctx.tokens[u.j];
  if (next !== undefined && next.kind === TK_WORD && !ctx.lex.functionWords.has(next.key)) return false;
  return ctx.units.some((v) => has(v, 'laugh') !== undefined);
}

/** Why this use of a slur is not an attack (reclaimed, affectionate, mentioned under negation), if so. */
function slurMitigation(ctx: RuleContext, u: Unit, r: Role): string | undefined {
  const { unitAt, sentOf } = ctx;
  if (r.reclaimable === true) {
    for (let k = u.i - 1; k >= Math.max(0, u.i - 4); k--) {
      const v = unitAt[k];
      if (v !== undefined && sentOf[k] === u.sent && has(v, 'selfRef') !== undefined) {
        return `reclaimed/self-referential use ('${ctx.slice(v.i, v.j)}')`;
      }
    }
    // "Proud crip here, …": a sentence that opens by introducing the writer as one ("here" ends the
    // phrase; "crip here again" is someone else).
    const next = u.j < ctx.n ? ctx.tokens[u.j]! : undefined;
    if (
      next !== undefined &&
      next.kind === TK_WORD &&
      next.key === 'here' &&
      u.i - ctx.sentStart[u.sent]! <= 2 &&
      ctx.tokens[u.j + 1]?.kind !== TK_WORD
    )
      return `reclaimed/self-referential use ('${ctx.slice(u.i, u.j + 1)}')`;
    // In-group, affectionate use ("Nigga please, you know I love you bro"): a reclaimable slur in a
    // message that is warm and attacks no one.
    let warm = false;
    let hostile = false;
    for (const v of ctx.units) {
      if (has(v, 'positive') !== undefined) warm = true;
      if (v !== u && (has(v, 'derog') || has(v, 'hateVerb') || has(v, 'threat') || has(v, 'slur')))
        hostile = true;
    }
    if (warm && !hostile && !laughedAt(ctx, u))
      return 'affectionate/in-group use (warm message, no hostile words)';
  }
  // "No one deserves to be called a …", "never call anyone a …": a mention under negation.
  for (let k = u.i - 1; k >= Math.max(u.clause, u.i - 4); k--) {
    const v = unitAt[k];
    if (v === undefined || has(v, 'report') === undefined) continue;
    const neg = ctx.negatedBy(v);
    return neg !== undefined ? `mentioned under negation ('${neg} … ${ctx.span(v).term}')` : undefined;
  }
  return undefined;
}

/** Common words a starred token may stand for as well as a slur ("th*t pothole" is "that"). */
const FUNCTION_WORDS = ['that', 'this', 'what', 'them', 'then', 'than', 'they', 'with', 'when', 'were'];

/** A starred token that also spells a common word, with no insult cue before it ("you t*at" stays). */
function maskedCommonWord(ctx: RuleContext, u: Unit): boolean {
  if (u.via !== 'mask' || u.j !== u.i + 1) return false;
  const t = ctx.tokens[u.i]!;
  const fits = (w: string): boolean =>
    t.norm.length === w.length && [...w].every((c, i) => t.norm[i] === '*' || t.norm[i] === c);
  if (!FUNCTION_WORDS.some(fits)) return false;
  const prev = u.i > 0 ? ctx.tokens[u.i - 1]! : undefined;
  return !(prev !== undefined && prev.kind === TK_WORD && INSULT_CUES.has(prev.key));
}

export function slurRule(ctx: RuleContext, u: Unit, r: Role, victims: VictimState): void {
  const { tokens } = ctx;
  if (benignContext(tokens, u, r.benign)) return;
  if (maskedCommonWord(ctx, u)) return;
  if (u.j === u.i + 1 && benignContext(tokens, u, BENIGN_BY_NORM.get(tokens[u.i]!.norm))) return;
  if (r.insultOnly === true && !usedAsInsult(ctx, u)) return;
  const s = ctx.span(u);
  let score = slurScore(r.severity ?? 2);
  if (u.via === 'fuzzy') score *= 0.9;
  let reason = `slur (${r.category}, severity ${r.severity ?? 2})`;
  if (u.via !== 'exact') reason += ` [seen through ${u.via} spelling]`;
  const mit = slurMitigation(ctx, u, r);
  // A slur aimed at a group term nearby is hate against that group too.
  const tg = ctx.nearestTarget(u, 5, true);
  const h: Hit = {
    category: r.category ?? 'other_derogatory',
    score: mit !== undefined ? score * 0.3 : score,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: mit !== undefined ? `${reason}; ${mit}` : reason,
    flaggable: (r.severity ?? 2) >= 2,
  };
  if (mit !== undefined) h.mitigated = mit;
  ctx.push(h);
  if (h.category === 'victims_of_crime') victims.victimTerm ??= s;
  if (tg !== undefined && tg.category !== h.category && mit === undefined) {
    ctx.push({ ...h, category: tg.category, reason: `${reason} used about '${tg.term}'` });
  }
}
