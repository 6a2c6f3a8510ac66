import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND10_CASES } from './blind10-cases.js';

// Written blind (session 9) and never tuned on: custody-suite register, measured first on engine 2.5.0 as
// shipped at 97/150 flagged (91 with the right category) and 92/100 left alone (7 of 40 hard negatives
// flagged); 2.6.0 figures in docs/flagger.md.
// This guards against a large regression only.
describe('blind10 blind set', () => {
  it('has the rows it promises', () => {
    expect(BLIND10_CASES.filter((c) => c.hateful).length).toBe(150);
    expect(BLIND10_CASES.filter((c) => !c.hateful).length).toBe(100);
  });

  it('flags most hateful cases and leaves most quiet ones alone', () => {
    const r = evaluateFunctional(createFlagger(), BLIND10_CASES);
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.55);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.88);
  });
});
