/**
 * Jokes at a group's expense: a joke frame ("why did the …", "what do you call a …", "how many … does
 * it take") about a group with laughter in the message, or a disclaimer that announces what follows
 * ("I'm not racist but", "can't say it in the briefing but"). The joke's words seldom carry the
 * meaning, so the frame and the target do; counter-speech still lowers it like every other hit.
 */

import { LEXICON } from '../lexicon.js';
import { squeeze, TK_EMOJI } from '../normalise.js';
import type { RuleContext } from './context.js';
import type { Unit } from './types.js';
import type { VictimState } from './victims.js';

const JOKES: string[][] = LEXICON.jokeFrames.jokes.map((p) => p.split(' ').map(squeeze));
const DISCLAIMERS: string[][] = LEXICON.jokeFrames.disclaimers.map((p) => p.split(' ').map(squeeze));
/** No unit: the frames are looked for in the whole message. */
const NOWHERE: Unit = { i: -1, j: -1, roles: [], via: 'exact', sent: -1, clause: 0 };

/** A 💀 in the message: after a joke frame it is "dying of laughter", the punchline's laugh. */
function skull(ctx: RuleContext): boolean {
  return ctx.tokens.some(
    (t) => t.kind === TK_EMOJI && ctx.text.slice(t.start, t.end).startsWith('\u{1F480}'),
  );
}

export function jokeRule(ctx: RuleContext, victims: VictimState): void {
  const tg = ctx.targets.find((t) => !t.weak && !t.pronoun && t.category !== 'victims_of_crime');
  if (tg === undefined) return;
  // Already explained by a stronger rule about the same group.
  if (ctx.hits.some((h) => h.flaggable && h.mitigated === undefined && h.category === tg.category)) return;
  const frame =
    ctx.phraseIn(DISCLAIMERS, 0, ctx.n, NOWHERE, false) ??
    (victims.hasLaughAnywhere || skull(ctx) ? ctx.phraseIn(JOKES, 0, ctx.n, NOWHERE, false) : undefined);
  if (frame === undefined) return;
  const s = { start: ctx.tokens[tg.i]!.start, end: ctx.tokens[tg.j - 1]!.end };
  ctx.push({
    category: tg.category,
    score: 0.66,
    start: s.start,
    end: s.end,
    term: tg.term,
    reason: `joke or disclaimer ('${frame}') at the expense of '${tg.term}'`,
    flaggable: true,
  });
}
