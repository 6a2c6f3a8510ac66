import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BATTERY_CASES } from './battery-cases.js';

// The generic battery found the gaps the 2.2 rules fixed (death wishes, "have no value", "no X deserves
// rights", judged sayings); 2.2.0 flags 244/245 and leaves 140/140 alone.
describe('generic HateCheck-style battery', () => {
  const r = evaluateFunctional(createFlagger(), BATTERY_CASES);
  it('flags the hateful statements about all seven groups and leaves the quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.95);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.95);
  });
  it('has no group that does much worse than the others', () => {
    for (const [g, v] of Object.entries(r.byTarget)) expect(v.rate, g).toBeGreaterThanOrEqual(0.9);
  });
});
