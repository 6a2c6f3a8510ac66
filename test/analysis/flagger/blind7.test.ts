import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND7_CASES } from './blind7-cases.js';

// The seventh-round blind set was written by an author who never ran the flagger on it, to measure the
// current engine and the next on wording nobody tuned on. These thresholds are placeholders: the lead
// engineer sets them after the first measurement, and they only guard against a large regression.
describe('seventh-round blind set', () => {
  const r = evaluateFunctional(createFlagger(), BLIND7_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.5);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.5);
  });
});
