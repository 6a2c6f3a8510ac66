import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { BLIND12_CASES } from './blind12-cases.js';

// Written blind (session 9) and never tuned on: replies whose meaning depends on the message before.
// Measured first on engine 2.6.0: read alone 37/80 offensive replies flagged (21 with the right
// category), 3/80 quiet replies flagged; read after the messages before (classifyInContext) 40/80
// (26), 3/80 (docs/flagger.md). This guards against a large regression only.
describe('blind12 context set', () => {
  it('has the rows it promises', () => {
    expect(BLIND12_CASES.filter((c) => c.hateful).length).toBe(80);
    expect(BLIND12_CASES.filter((c) => !c.hateful).length).toBe(80);
    expect(new Set(BLIND12_CASES.map((c) => c.id)).size).toBe(160);
  });

  it('reading the message before finds more replies and flags no more quiet ones', () => {
    const f = createFlagger();
    const count = (read: (c: (typeof BLIND12_CASES)[number]) => boolean, hateful: boolean): number =>
      BLIND12_CASES.filter((c) => c.hateful === hateful && read(c)).length;
    const alone = (c: (typeof BLIND12_CASES)[number]): boolean => f.classify(c.reply).flagged;
    const inContext = (c: (typeof BLIND12_CASES)[number]): boolean =>
      f.classifyInContext(c.reply, c.before).flagged;
    expect(count(inContext, true)).toBeGreaterThan(count(alone, true));
    expect(count(inContext, true)).toBeGreaterThanOrEqual(34);
    expect(count(inContext, false)).toBeLessThanOrEqual(count(alone, false));
    expect(count(inContext, false)).toBeLessThanOrEqual(6);
  });
});
