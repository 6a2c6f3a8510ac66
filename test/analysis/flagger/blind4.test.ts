import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND4_CASES } from './blind4-cases.js';

// The fourth-round blind set measures generalisation (docs/flagger.md, Results: 76/95 hateful flagged,
// 62/67 quiet left alone when first run, before the issue-14 leftovers work); this only guards against
// a large regression, so that nobody is tempted to tune on it.
describe('fourth-round blind check', () => {
  const r = evaluateFunctional(createFlagger(), BLIND4_CASES);
  it('covers every target group with hateful cases and has quiet neutral mentions', () => {
    const targets = new Set(BLIND4_CASES.filter((c) => c.hateful).map((c) => c.target));
    for (const g of [
      'race_ethnicity',
      'religion',
      'sex_women',
      'sexual_orientation',
      'gender_identity',
      'disability',
      'age',
      'victims_of_crime',
    ])
      expect(targets.has(g), g).toBe(true);
    expect(BLIND4_CASES.filter((c) => c.functionality === 'neutral').length).toBeGreaterThanOrEqual(20);
  });
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.7);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.85);
  });
});
