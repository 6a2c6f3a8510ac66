import { describe, expect, it } from 'vitest';
import { BLIND11_CASES } from './blind11-cases.js';
// Written blind (session 11) and never tuned on; figures in docs/flagger.md. Guards against a large regression only.
// Row counts only for now: createFlagger/evaluateFunctional come back with the rate thresholds once measured.
describe('blind11 blind set', () => {
  it('has the rows it promises', () => {
    expect(BLIND11_CASES.filter((c) => c.hateful).length).toBe(140);
    expect(BLIND11_CASES.filter((c) => !c.hateful).length).toBe(90);
  });
});
