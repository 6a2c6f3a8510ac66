import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND5_CASES } from './blind5-cases.js';

// The fifth-round blind set measures generalisation (docs/flagger.md, Results: engine 2.1.0 flagged
// 106/120 hateful and left 74/79 quiet alone when it was first run, before the engine 2.2 work); this
// only guards against a large regression, so that nobody is tempted to tune on it.
describe('fifth-round blind check', () => {
  const r = evaluateFunctional(createFlagger(), BLIND5_CASES);
  it('covers every target group, the spelling variations and emoji, with quiet twins', () => {
    const targets = new Set(BLIND5_CASES.filter((c) => c.hateful).map((c) => c.target));
    for (const g of [
      'race_ethnicity',
      'religion',
      'sex_women',
      'sexual_orientation',
      'gender_identity',
      'disability',
      'age',
      'victims_of_crime',
      'other_derogatory',
    ])
      expect(targets.has(g), g).toBe(true);
    const fs = new Set(BLIND5_CASES.map((c) => c.functionality));
    for (const f of ['spell_swap', 'spell_missing', 'spell_noboundary', 'spell_spaces', 'spell_leet'])
      expect(fs.has(f), f).toBe(true);
    for (const f of ['counter_quote', 'counter_ref', 'negated', 'homonym', 'reclaimed', 'emoji_positive'])
      expect(fs.has(f), f).toBe(true);
    expect(BLIND5_CASES.filter((c) => c.hateful).length).toBeGreaterThanOrEqual(110);
    expect(BLIND5_CASES.filter((c) => !c.hateful).length).toBeGreaterThanOrEqual(75);
  });
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.8);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.88);
  });
});
