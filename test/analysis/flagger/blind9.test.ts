import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND9_CASES } from './blind9-cases.js';

// Written blind in police chat register (session 8) and never tuned on: measured first on engine 2.4.0
// as shipped, 87/150 flagged (76 with the right category) and 95/100 left alone; 2.5.0 110/150 (94 with
// the right category) and 94/100 (docs/flagger.md).
// This guards against a large regression only.
describe('ninth-round blind set', () => {
  const r = evaluateFunctional(createFlagger(), BLIND9_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.53);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.88);
  });
});
