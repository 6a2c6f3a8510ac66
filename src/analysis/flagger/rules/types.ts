/** Shapes shared by the context rules: what they produce (`Hit`, `RuleOutcome`) and what they read. */

import type { FlagCategory } from '../../../contract/coding.js';
import type { Match, Role } from '../lexicon.js';

export interface Hit {
  category: FlagCategory;
  score: number;
  /** Offsets into the original text. */
  start: number;
  end: number;
  /** The matched term or feature. */
  term: string;
  reason: string;
  /** Counts towards the `flagged` decision (attacks on a protected group or a victim, targeted threats). */
  flaggable: boolean;
  /** Why the score was lowered (negation, counter-speech, reclaimed use), if it was. */
  mitigated?: string;
}

export interface RuleOutcome {
  hits: Hit[];
  /** A protected-group term (not weak, not a pronoun) appears in the message. */
  identityPresent: boolean;
  /** Categories of the group terms present, for model-only evidence. */
  identityCategories: FlagCategory[];
  /** A group is described positively (and not negated): the model alone must not flag it. */
  positive: boolean;
  /** Negation, counter-speech or reclaimed use was found: the model alone must not flag it. */
  mitigated: boolean;
  /** A description, hate verb, threat or hostile emoji is present but attached to no group term. */
  negativeCue: boolean;
  /** Only a factual arrest or custody report naming a group (arrest-report.ts): not the model's alone. */
  arrestReport?: boolean;
  /** Position of the first group term (for model evidence spans). */
  identitySpan?: { start: number; end: number; term: string };
}

/** A term match or a meaningful emoji, with the sentence and clause it sits in. */
export interface Unit {
  i: number;
  j: number;
  roles: Role[];
  via: Match['via'];
  sent: number;
  /** Index of the first token of the unit's clause. */
  clause: number;
}

/** Who a description can be aimed at: a group term, a group emoji, or a pronoun referring to one. */
export interface Target {
  i: number;
  j: number;
  category: FlagCategory;
  group: string;
  weak: boolean;
  pronoun: boolean;
  term: string;
}

export interface Span {
  start: number;
  end: number;
  term: string;
}

export function has(u: Unit, type: Role['type']): Role | undefined {
  for (const r of u.roles) if (r.type === type) return r;
  return undefined;
}
