/**
 * Jokes at a group's expense: a joke frame ("why did the …", "what do you call a …", "how many … does
 * it take") about a group with laughter in the message, or a disclaimer that announces what follows
 * ("I'm not racist but", "can't say it in the briefing but"). The joke's words seldom carry the
 * meaning, so the frame and the target do; counter-speech still lowers it like every other hit.
 */

import { LEXICON } from '../lexicon.js';
import { TK_EMOJI, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import { phrases } from './phrase-match.js';
import { has, type Target, type Unit } from './types.js';
import type { VictimState } from './victims.js';

const JOKES = phrases(LEXICON.jokeFrames.jokes);
const DISCLAIMERS = phrases(LEXICON.jokeFrames.disclaimers);
const FRAMES = LEXICON.jokeFrames as {
  subjectFrames?: string[];
  countTails?: string[];
};
const SUBJECT_FRAMES = phrases(FRAMES.subjectFrames ?? []);
const COUNT_TAILS = phrases(FRAMES.countTails ?? []);
const HOW_MANY = ['how', 'many'];
/** Words between a frame and its subject ("why did the old …", "what do you call two …"). */
const SUBJECT_GAP = 3;
/** No unit: the frames are looked for in the whole message. */
const NOWHERE: Unit = { i: -1, j: -1, roles: [], via: 'exact', sent: -1, clause: 0 };

/** A 💀 in the message: after a joke frame it is "dying of laughter", the punchline's laugh. */
function skull(ctx: RuleContext): boolean {
  return ctx.tokens.some(
    (t) => t.kind === TK_EMOJI && ctx.text.slice(t.start, t.end).startsWith('\u{1F480}'),
  );
}

function phraseAt(ctx: RuleContext, s: number, ph: string[]): boolean {
  for (let k = 0; k < ph.length; k++) {
    const t = ctx.tokens[s + k];
    if (t === undefined || t.kind !== TK_WORD || t.key !== ph[k]) return false;
  }
  return true;
}

/**
 * The subject slot of a riddle frame: "why did the Sikh cross the road", "how many Asian lads does it
 * take", "what's the difference between X and …". A group word there is the butt of the joke even
 * when it would otherwise name no people (an adjective before "cross") or is a police descriptor
 * ("Asian"); "how many" needs a riddle tail ("does it take", "to change a lightbulb") in its sentence,
 * so "how many Asian males in custody lol" is a count.
 */
function frameSubject(ctx: RuleContext): Target | undefined {
  for (let s = 0; s < ctx.n; s++) {
    for (const ph of SUBJECT_FRAMES) {
      if (!phraseAt(ctx, s, ph)) continue;
      const from = s + ph.length;
      if (ph.length === 2 && ph[0] === HOW_MANY[0] && ph[1] === HOW_MANY[1]) {
        let tail = false;
        for (let k = from; k < ctx.n && ctx.sentOf[k] === ctx.sentOf[s] && !tail; k++)
          tail = COUNT_TAILS.some((t) => phraseAt(ctx, k, t));
        if (!tail) continue;
      }
      // After "why did the" the group is the subject of a verb ("why did the Sikh cross …"), so an
      // adjective reading ("Sikh cross") is wrong; after the other frames a group word must still name
      // people ("what do you call a Chinese takeaway …" is about food).
      const verbSlot = ph[0] === 'why';
      for (let k = from; k < Math.min(ctx.n, from + SUBJECT_GAP); k++) {
        if (!verbSlot) {
          const t = ctx.targetAt[k];
          if (t !== undefined && !t.pronoun && t.category !== 'victims_of_crime')
            return { ...t, weak: false };
          continue;
        }
        const v = ctx.unitAt[k];
        const id = v !== undefined ? has(v, 'identity') : undefined;
        if (v === undefined || id?.category === undefined || id.category === 'victims_of_crime') continue;
        const term = ctx.slice(v.i, v.j);
        return {
          i: v.i,
          j: v.j,
          category: id.category,
          group: id.group ?? term,
          weak: false,
          pronoun: false,
          term,
        };
      }
    }
  }
  return undefined;
}

export function jokeRule(ctx: RuleContext, victims: VictimState): void {
  const laugh = victims.hasLaughAnywhere || skull(ctx);
  const tg =
    ctx.targets.find((t) => !t.weak && !t.pronoun && t.category !== 'victims_of_crime') ??
    (laugh ? frameSubject(ctx) : undefined);
  if (tg === undefined) return;
  // Already explained by a stronger rule about the same group.
  if (ctx.hits.some((h) => h.flaggable && h.mitigated === undefined && h.category === tg.category)) return;
  const frame =
    ctx.phraseIn(DISCLAIMERS, 0, ctx.n, NOWHERE, false) ??
    (laugh ? ctx.phraseIn(JOKES, 0, ctx.n, NOWHERE, false) : undefined);
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
