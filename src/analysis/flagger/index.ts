/**
 * The flagger: finds discriminatory and derogatory messages, offline and deterministically, and explains
 * each finding with evidence spans into the original text. It prioritises review; it never replaces the
 * investigator's decision.
 *
 *   const flagger = createFlagger({ extraTerms: caseTerms, termListVersion: 'case-17/v3' });
 *   const r = flagger.classify(message.text);   // { score, flagged, categories, spans, version }
 */

import auxData from './model/aux.json' with { type: 'json' };
import modelData from './model/neural-model.json' with { type: 'json' };
import { combine, FLAG_THRESHOLD, type FlagSpan } from './combine.js';
import { isFlagCategory, type FlagCategory } from '../../contract/coding.js';
import { buildLexicon, LEXICON_VERSION, matchTokens, type LexiconIndex } from './lexicon.js';
import { forwardEnsemble, loadEnsemble, type Ensemble, type EnsembleFile } from './ensemble.js';
import type { NeuralModel } from './neural.js';
import { EMOJI_VERSION, TK_WORD, tokenize, type Token } from './normalise.js';
import { applyRules, type RuleOutcome } from './rules/index.js';
import { hitsFromContext, joined, mayReferBack, namesSomeone, victimsBefore } from './in-context.js';

export { FLAG_THRESHOLD };
export type { FlagSpan };

/** Bump when normalisation, rules or the combiner change behaviour. */
export const FLAGGER_VERSION = 'scrutineer-flagger/2.6.0';

export type CaseTermSeverity = 1 | 2 | 3 | 'low' | 'medium' | 'high';

/** A case-specific term added by investigators (a nickname for a victim, local slang). */
export interface CaseTerm {
  term: string;
  category: FlagCategory;
  severity: CaseTermSeverity;
}

export interface FlagVersion {
  engine: string;
  model: string;
  terms: string;
  emoji: string;
  /** Version string of the case term list, when extra terms were supplied. */
  caseTerms?: string;
}

export interface FlagResult {
  /** 0–1; ranks messages for review. */
  score: number;
  /** score ≥ 0.5: hateful or derogatory content against a protected group or a victim of crime. */
  flagged: boolean;
  categories: { name: FlagCategory; score: number }[];
  /** Evidence: character offsets (UTF-16 code units, end exclusive) into the ORIGINAL text. */
  spans: FlagSpan[];
  /** The trained model's probability on its own (for audit). */
  modelScore: number;
  version: FlagVersion;
}

export interface Flagger {
  classify(text: string): FlagResult;
  /**
   * Classify a message read after the messages just before it in its conversation (`before`, oldest
   * first; in-context.ts): a reply that attacks a group named in the message it answers is flagged
   * with that group. Without `before`, or when the message is flagged alone, the same as `classify`.
   */
  classifyInContext(text: string, before: readonly string[]): FlagResult;
  readonly version: FlagVersion;
}

export interface AuxFile {
  version: string;
  fuzzyStop: string[];
  segStop: string[];
  squeezeStop?: string[];
}

export interface FlaggerOptions {
  extraTerms?: readonly CaseTerm[];
  termListVersion?: string;
  /** For training and tests: use this model instead of the committed one. */
  model?: EnsembleFile;
  aux?: AuxFile;
}

function severityNumber(s: CaseTermSeverity): number {
  if (s === 'low') return 1;
  if (s === 'medium') return 2;
  if (s === 'high') return 3;
  return s;
}

/** The normalise → match pipeline, shared by the classifier and training (so features never drift). */
export interface Pipeline {
  lex: LexiconIndex;
  analyse(text: string): { tokens: Token[]; outcome: RuleOutcome };
  tokens(text: string): Token[];
  /** The tokens and the case terms found in them (by the list's spelling), for the case re-ranker. */
  caseTerms(text: string): { tokens: Token[]; terms: string[] };
}

export function createPipeline(options: FlaggerOptions = {}): Pipeline {
  const aux = options.aux ?? (auxData as AuxFile);
  for (const t of options.extraTerms ?? []) {
    if (typeof t.term !== 'string' || t.term.trim().length === 0) throw new Error('case term: empty term');
    if (!isFlagCategory(t.category))
      throw new Error(`case term '${t.term}': unknown category '${t.category}'`);
  }
  const lex = buildLexicon({
    extraTerms: (options.extraTerms ?? []).map((t) => ({
      term: t.term,
      category: t.category,
      severity: severityNumber(t.severity),
    })),
    caseVersion: options.termListVersion,
    fuzzyStop: aux.fuzzyStop,
    segStop: aux.segStop,
    squeezeStop: aux.squeezeStop,
  });
  const tokens = (text: string): Token[] => matchTokens(lex, tokenize(text, lex.abbreviations)).tokens;
  return {
    lex,
    tokens,
    caseTerms(text: string) {
      const m = matchTokens(lex, tokenize(text, lex.abbreviations));
      const terms: string[] = [];
      for (const x of m.matches) for (const r of x.roles) if (r.type === 'case') terms.push(r.term);
      return { tokens: m.tokens, terms };
    },
    analyse(text: string) {
      const m = matchTokens(lex, tokenize(text, lex.abbreviations));
      return { tokens: m.tokens, outcome: applyRules(text, m.tokens, m.matches, lex) };
    },
  };
}

/** Category heads of the model, strongest first (the offensive head, index 0, is not a category). */
function modelCategories(model: Ensemble, logits: Float32Array): { name: FlagCategory; p: number }[] {
  const out: { name: FlagCategory; p: number }[] = [];
  for (let c = 1; c < model.heads.length; c++) {
    const name = model.heads[c]!;
    if (isFlagCategory(name)) out.push({ name, p: 1 / (1 + Math.exp(-logits[c]!)) });
  }
  return out.sort((a, b) => b.p - a.p);
}

/** What a message says as the message before a reply (in-context.ts). */
interface BeforeInfo {
  /** It names a group or a victim. */
  names: boolean;
  /** It speaks of them as victims. */
  victims: boolean;
}

let sharedModel: Ensemble | undefined;

/** The committed model, decoded once per process. */
export function committedEnsemble(): Ensemble {
  return (sharedModel ??= loadEnsemble(modelData as unknown as EnsembleFile));
}

/** The committed model's first network, whose hidden layer the per-case re-ranker reads (active.ts). */
export function committedModel(): NeuralModel {
  return committedEnsemble().members[0]!;
}

export function createFlagger(options: FlaggerOptions = {}): Flagger {
  const pipeline = createPipeline(options);
  // The committed model is decoded once per process and shared by every flagger (case lists differ,
  // the model does not).
  const model = options.model !== undefined ? loadEnsemble(options.model) : committedEnsemble();
  const logits = new Float32Array(model.heads.length);
  const version: FlagVersion = {
    engine: FLAGGER_VERSION,
    model: model.version,
    terms: LEXICON_VERSION,
    emoji: EMOJI_VERSION,
  };
  if (options.extraTerms !== undefined || options.termListVersion !== undefined) {
    version.caseTerms = options.termListVersion ?? 'unversioned';
  }
  Object.freeze(version);
  // What a message says as the message before a reply; a case analysis asks for each twice in a row.
  const seenBefore = new Map<string, BeforeInfo>();
  const remember = (text: string, tokens: readonly Token[], outcome: RuleOutcome): BeforeInfo => {
    const info = { names: namesSomeone(outcome), victims: victimsBefore(tokens) };
    if (seenBefore.size >= 64) seenBefore.clear();
    seenBefore.set(text, info);
    return info;
  };
  const beforeInfo = (text: string): BeforeInfo => {
    const info = seenBefore.get(text);
    if (info !== undefined) return info;
    const { tokens, outcome } = pipeline.analyse(text);
    return remember(text, tokens, outcome);
  };
  const result = (input: string, tokens: readonly Token[], outcome: RuleOutcome, p: number): FlagResult => {
    let words = 0;
    for (const t of tokens) if (t.kind === TK_WORD) words++;
    const c = combine(outcome, p, model.threshold, {
      cats: () => modelCategories(model, logits),
      textLength: input.length,
      words,
    });
    return {
      score: c.score,
      flagged: c.flagged,
      categories: c.categories,
      // A model-only flag spans the whole message; its text is filled in here, where the text is.
      spans: c.spans.some((sp) => sp.text === '')
        ? c.spans.map((sp) => (sp.text === '' ? { ...sp, text: input.slice(sp.start, sp.end) } : sp))
        : c.spans,
      modelScore: c.modelScore,
      version,
    };
  };
  return {
    version,
    classify(text: string): FlagResult {
      const input = typeof text === 'string' ? text : '';
      const { tokens, outcome } = pipeline.analyse(input);
      return result(input, tokens, outcome, forwardEnsemble(model, tokens, logits));
    },
    classifyInContext(text: string, before: readonly string[]): FlagResult {
      const input = typeof text === 'string' ? text : '';
      const { tokens, outcome } = pipeline.analyse(input);
      const p = forwardEnsemble(model, tokens, logits);
      const alone = result(input, tokens, outcome, p);
      // This message is the one before the next two: read once, here.
      remember(input, tokens, outcome);
      // Flagged alone or not, the message before can name whom it attacks ("animals the lot" after
      // "3 Pakistani lads in custody": the model alone flags it, with no group or a guessed one).
      if (before.length === 0 || !mayReferBack(tokens)) return alone;
      for (let k = before.length - 1; k >= 0; k--) {
        // Most messages before name no group: no pair to read (and each is looked at once, cached).
        const b = beforeInfo(before[k]!);
        if (!b.names) continue;
        const pair = joined(before[k]!, input);
        const extra = hitsFromContext(pipeline.analyse(pair.text).outcome, pair.text, pair.offset, outcome, {
          victimsBefore: b.victims,
        });
        if (extra.length > 0)
          return result(input, tokens, { ...outcome, hits: [...outcome.hits, ...extra] }, p);
      }
      return alone;
    },
  };
}
