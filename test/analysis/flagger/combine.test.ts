import { describe, expect, it } from 'vitest';
import { combine } from '../../../src/analysis/flagger/combine.js';
import type { RuleOutcome } from '../../../src/analysis/flagger/rules/types.js';

const noRules: RuleOutcome = {
  hits: [],
  identityPresent: true,
  identityCategories: ['race_ethnicity'],
  positive: false,
  mitigated: false,
  negativeCue: false,
  identitySpan: { start: 0, end: 9, term: 'Albanians' },
};
const context = (cats: { name: 'violence_threat' | 'sexual_content' | 'religion'; p: number }[]) => ({
  cats: () => cats,
  textLength: 40,
  words: 8,
});

describe('the combiner, when the model flags on its own', () => {
  it('names violence_threat beside the target when the model reads a threat', () => {
    const r = combine(noRules, 0.95, 0.8, context([{ name: 'violence_threat', p: 0.9 }]));
    expect(r.flagged).toBe(true);
    expect(r.categories.map((c) => c.name)).toEqual(['race_ethnicity', 'violence_threat']);
    expect(r.categories.every((c) => c.score >= 0.5)).toBe(true);
  });

  it('names no threat when the threat head is below one half, and never sexual content', () => {
    const r = combine(
      noRules,
      0.95,
      0.8,
      context([
        { name: 'violence_threat', p: 0.4 },
        { name: 'sexual_content', p: 0.95 },
      ]),
    );
    expect(r.flagged).toBe(true);
    expect(r.categories.map((c) => c.name)).toEqual(['race_ethnicity']);
  });

  it('adds no category to a message the model does not flag', () => {
    const r = combine(noRules, 0.5, 0.8, context([{ name: 'violence_threat', p: 0.99 }]));
    expect(r.flagged).toBe(false);
    expect(r.categories).toEqual([]);
  });
});
