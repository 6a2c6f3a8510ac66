import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { BLIND8_CASES } from './blind8-cases.js';

// Written blind by a new author (6 Dec 2026) in the register of a police officers' WhatsApp group and
// committed without being run: 150 hateful, 100 quiet (40 hard negatives). The thresholds are
// placeholders until the lead measures the current engine once; they guard against a large regression only.
describe('eighth-round blind set', () => {
  const r = evaluateFunctional(createFlagger(), BLIND8_CASES);
  it('flags most hateful cases and leaves most quiet ones alone', () => {
    expect(r.hatefulFlaggedRate).toBeGreaterThanOrEqual(0.5);
    expect(r.nonHatefulUnflaggedRate).toBeGreaterThanOrEqual(0.5);
  });
});
