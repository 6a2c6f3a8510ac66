import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND8_CASES } from './blind8-cases.js';

// Written blind in police chat register (session 7, second wave) and never tuned on: engine 2.2.0
// flagged 88/150 and left 93/100 alone, 2.3.0 102/150 and 93/100, 2.4.0 102/150 (61.3 % with the right
// category) and 94/100, 2.5.0 120/150 (74.0 % with the right category) and 94/100 (docs/flagger.md).
// This guards against a large regression only.
describe('eighth-round blind set', () => {
  const r = evaluateFunctional(createFlagger(), BLIND8_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.64);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.88);
  });
});
