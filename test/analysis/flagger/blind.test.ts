import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND_CASES } from './blind-cases.js';

// The blind set measures generalisation (docs/flagger.md, Results: 25/35 hateful flagged, 23/25 quiet
// left alone when it was first run); this only guards against a large regression.
describe('third-round blind check', () => {
  const r = evaluateFunctional(createFlagger(), BLIND_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.6);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.8);
  });
});
