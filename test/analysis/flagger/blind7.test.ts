import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND7_CASES } from './blind7-cases.js';

// Written blind by a new author (session 7) and measured twice, never tuned on: engine 2.2.0 flagged
// 170/213 hateful (78.4 % with the right category) and left 154/168 quiet alone; engine 2.3.0 with the
// fourteen-author model 185/213 (84.5 %) and 155/168; 2.4.0 (nineteen authors) 184/213 (83.1 %) and
// 157/168; 2.5.0 (thirty-two authors, five networks) 191/213 (86.9 %) and 156/168 (docs/flagger.md).
// This guards against a large regression only.
describe('seventh-round blind set', () => {
  const r = evaluateFunctional(createFlagger(), BLIND7_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.8);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.88);
  });
});
