import { describe, expect, it } from 'vitest';
import { BLIND12_CASES } from './blind12-cases.js';
// Written blind (session 9) and never tuned on; figures in docs/flagger.md.
describe('blind12 context set', () => {
  it('has the rows it promises', () => {
    expect(BLIND12_CASES.filter((c) => c.hateful).length).toBe(80);
    expect(BLIND12_CASES.filter((c) => !c.hateful).length).toBe(80);
    expect(new Set(BLIND12_CASES.map((c) => c.id)).size).toBe(160);
  });
});
