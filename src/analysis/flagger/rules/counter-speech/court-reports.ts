/**
 * Counter-speech, court reports: a news report of what someone said and what a court or the police did
 * to them for it ("A man who said he would burn their house down … was jailed today"). What was said is
 * the offence, not the sender's view.
 */

import { TK_WORD } from '../../normalise.js';
import type { RuleContext } from '../context.js';
import { BELIEF_REACH } from './beliefs.js';
import { keys, type Statement } from './match.js';

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
export function punishedSaying(ctx: RuleContext): Statement | undefined {
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
