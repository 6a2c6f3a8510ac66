import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';

// Issue 14: a cue word ("PSD", "report", "HR") anywhere in a message pulled real hate below the flag
// line ("Don't care if PSD see this, Somalis are all thieves" scored 0.11). Counter-speech has to
// condemn the hate, not merely contain a word.
const flagger = createFlagger();

describe('a cue word never pulls real hate down', () => {
  const base = 'Somalis are all thieves';
  it.each([
    `Don't care if PSD see this, ${base}`,
    `who is doing the report for the RTC? ${base}`,
    `${base}. Who is doing the report for the RTC?`,
    `HR can do one, ${base}`,
    `sod professional standards, ${base}`,
    `${base}, no need to tell me`,
    `can someone sack off the overtime? ${base}`,
  ])('%s', (text) => {
    const r = flagger.classify(text);
    expect(r.flagged).toBe(true);
    // The rule evidence keeps its full strength: no span is marked as counter-speech or quotation.
    expect(r.spans.filter((s) => /counter-speech|quoted/.test(s.reason))).toEqual([]);
    expect(r.score).toBeGreaterThanOrEqual(0.6);
  });
});

describe('counter-speech that condemns the hate still lowers it', () => {
  it.each([
    'Saying Somalis are all thieves is racist',
    '"Somalis are all thieves" - that is out of order, reported to PSD',
    'He said "Somalis are all thieves" and I have reported it',
    'Somalis are all thieves? That is a racist thing to say',
  ])('%s', (text) => {
    expect(flagger.classify(text).flagged).toBe(false);
  });
});
