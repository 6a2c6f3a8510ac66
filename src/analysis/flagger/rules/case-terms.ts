/** Terms from the case's own list (a nickname for a victim, a local slur), scored by their severity. */

import type { Role } from '../lexicon.js';
import type { RuleContext } from './context.js';
import type { Unit } from './types.js';

const NOT_PROTECTED = new Set(['profanity', 'sexual_content', 'other_derogatory']);

export function caseTermRule(ctx: RuleContext, u: Unit, r: Role): void {
  const s = ctx.span(u);
  const sev = r.severity ?? 2;
  const cat = r.category ?? 'other_derogatory';
  ctx.push({
    category: cat,
    score: sev >= 3 ? 0.85 : sev === 2 ? 0.65 : 0.45,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: `case term (severity ${sev}${r.source !== undefined ? `, case list ${r.source}` : ''})`,
    flaggable: !NOT_PROTECTED.has(cat) && sev >= 2,
  });
}
