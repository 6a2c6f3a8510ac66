import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND11_CASES } from './blind11-cases.js';

// Written blind (session 9) and never tuned on: emoji carrying the meaning (HatemojiCheck-style functionalities in
// our own words), measured first on engine 2.5.0 as shipped at 110/140 flagged (102 with the right
// category) and 82/90 left alone; 2.6.0 figures in docs/flagger.md.
// This guards against a large regression only.
describe('blind11 blind set', () => {
  it('has the rows it promises', () => {
    expect(BLIND11_CASES.filter((c) => c.hateful).length).toBe(140);
    expect(BLIND11_CASES.filter((c) => !c.hateful).length).toBe(90);
  });

  it('flags most hateful cases and leaves most quiet ones alone', () => {
    const r = evaluateFunctional(createFlagger(), BLIND11_CASES);
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.68);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.88);
  });
});
