import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND6_CASES } from './blind6-cases.js';

// The sixth-round blind check was written mid-way through the engine 2.2 work to measure 2.1.0 and
// 2.2.0 side by side on wording no 2.2 change came from (docs/flagger.md, Results: 2.1.0 flagged 50/55
// hateful and left 36/40 quiet alone). This only guards against a large regression.
describe('sixth-round blind check', () => {
  const r = evaluateFunctional(createFlagger(), BLIND6_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.8);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.85);
  });
});
