import { describe, expect, it } from 'vitest';
import { BLIND10_CASES } from './blind10-cases.js';
// Written blind (session 9) and never tuned on; figures in docs/flagger.md. Guards against a large regression only.
describe('blind10 blind set', () => {
  it('has the rows it promises', () => {
    expect(BLIND10_CASES.filter((c) => c.hateful).length).toBe(150);
    expect(BLIND10_CASES.filter((c) => !c.hateful).length).toBe(100);
  });
});
