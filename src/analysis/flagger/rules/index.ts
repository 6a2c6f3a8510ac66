/**
 * Context rules: turn term matches into evidence ("hits").
 *
 * The flagger's question is whether a message attacks a protected group (or a victim of crime). A
 * derogatory word alone does not answer it: "politicians are scum" and "this pizza is vile" are abuse of
 * non-protected targets, "Muslims are not vermin" is a negation, "saying women are stupid is sexist" is
 * counter-speech, "we queers" is reclaimed use. So the rules pair each description, hate verb or threat
 * with a target (a group term, a group emoji, or a pronoun that refers back to one) in the same
 * sentence, then look for the context that changes the meaning: negation in the same clause, words that
 * condemn or report what was said, and self-reference before a reclaimable slur.
 *
 * `RuleContext` (context.ts) holds the per-message structure; each rule is one module here.
 */

import type { LexiconIndex, Match, Role } from '../lexicon.js';
import type { Token } from '../normalise.js';
import { arrestReport } from './arrest-report.js';
import { caseTermRule } from './case-terms.js';
import { exceptionChallengeRule, generalisedInabilityRule } from './challenges.js';
import { codedRule } from './coded.js';
import { RuleContext } from './context.js';
import { counterSpeechRule, scornedPraise } from './counter-speech.js';
import { derogationRule } from './derogation.js';
import { gappedExclusionRule } from './exclusion.js';
import { gappedThreatRule } from './gapped-threats.js';
import { hateVerbRule } from './hate-verbs.js';
import { insinuationRule } from './insinuation.js';
import { jokeRule, jokeShaped } from './jokes.js';
import { negatedPositiveRule, positiveRule } from './positives.js';
import { slurRule } from './slurs.js';
import { findTargets } from './targets.js';
import { threatRule } from './threats.js';
import type { RuleOutcome } from './types.js';
import { nonProtectedRule, profanityRule, sexualRule } from './untargeted.js';
import { mockeryRule, victimBlameRule, victimState, type VictimState } from './victims.js';

export type { Hit, RuleOutcome } from './types.js';

const ACTIVE_ROLES: ReadonlySet<Role['type']> = new Set<Role['type']>([
  'identity',
  'slur',
  'threat',
  'profanity',
  'sexual',
  'other',
  'victimBlame',
  'case',
  'coded',
]);

const EMPTY_OUTCOME: RuleOutcome = Object.freeze({
  hits: [],
  identityPresent: false,
  identityCategories: [],
  positive: false,
  mitigated: false,
  negativeCue: false,
}) as RuleOutcome;

/**
 * Fast path: without a group term, slur, threat, profanity, blame phrase, case term or meaningful
 * emoji there is no evidence to find (most chat lines).
 */
function anyEvidence(tokens: Token[], matches: Match[]): boolean {
  let laugh = false;
  let victimCtx = false;
  for (const m of matches) {
    for (const r of m.roles) {
      if (ACTIVE_ROLES.has(r.type)) return true;
      else if (r.type === 'laugh') laugh = true;
      else if (r.type === 'victimContext') victimCtx = true;
    }
  }
  // Laughter only matters next to an offence or victim, or after a joke frame (a joke about the job
  // is read so that the model must be surer of it: jokes.ts).
  if (laugh && (victimCtx || jokeShaped(tokens))) return true;
  for (const t of tokens) if (t.emoji !== undefined && t.emoji.role !== undefined) return true;
  return false;
}

function applyRole(ctx: RuleContext, u: RuleContext['units'][number], r: Role, victims: VictimState): void {
  switch (r.type) {
    case 'slur':
      return slurRule(ctx, u, r, victims);
    case 'derog':
      return derogationRule(ctx, u, r);
    case 'coded':
      return codedRule(ctx, u, r);
    case 'hateVerb':
      return hateVerbRule(ctx, u, r);
    case 'threat':
      return threatRule(ctx, u, r);
    case 'negatable':
      return negatedPositiveRule(ctx, u);
    case 'positive':
      return positiveRule(ctx, u);
    case 'profanity':
      return profanityRule(ctx, u, r);
    case 'sexual':
      return sexualRule(ctx, u, r);
    case 'other':
      return nonProtectedRule(ctx, u, r);
    case 'victimBlame':
      return victimBlameRule(ctx, u, r, victims);
    case 'case':
      return caseTermRule(ctx, u, r);
    case 'laugh':
      victims.hasLaugh = true;
      return;
    case 'victimContext':
      victims.victimContextUnit ??= u;
      return;
    default:
      return;
  }
}

/** A description, hate verb, threat or hostile emoji that no rule attached to a group. */
function unattachedNegativeCue(ctx: RuleContext): boolean {
  for (const u of ctx.units) {
    if (ctx.predicateUnits.has(u)) continue;
    for (const r of u.roles) {
      const t = r.type;
      if (t === 'derog' || t === 'hateVerb' || t === 'threat' || t === 'slur' || t === 'anger') return true;
    }
  }
  return false;
}

export function applyRules(text: string, tokens: Token[], matches: Match[], lex: LexiconIndex): RuleOutcome {
  if (!anyEvidence(tokens, matches)) return EMPTY_OUTCOME;
  const ctx = new RuleContext(text, tokens, matches, lex);
  const identity = findTargets(ctx);
  const victims = victimState(ctx);
  for (const u of ctx.units) for (const r of u.roles) applyRole(ctx, u, r, victims);
  mockeryRule(ctx, victims);
  gappedExclusionRule(ctx);
  gappedThreatRule(ctx);
  exceptionChallengeRule(ctx);
  generalisedInabilityRule(ctx);
  jokeRule(ctx, victims);
  insinuationRule(ctx);
  counterSpeechRule(ctx);
  scornedPraise(ctx);
  return {
    hits: ctx.hits,
    negativeCue: unattachedNegativeCue(ctx),
    identityPresent: identity.identityPresent,
    identityCategories: identity.identityCategories,
    positive: ctx.positive,
    mitigated: ctx.mitigated,
    arrestReport: arrestReport(ctx),
    identitySpan: identity.identitySpan,
  };
}
