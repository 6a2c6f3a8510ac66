import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { evaluateFunctional } from '../../../src/analysis/flagger/train/evaluate.js';
import { FUNCTIONAL_CASES, GROUPS } from './functional-cases.js';

describe('functional suite', () => {
  const report = evaluateFunctional(createFlagger(), FUNCTIONAL_CASES);

  it('covers every category, obfuscation and context functionality', () => {
    const fs = new Set(FUNCTIONAL_CASES.map((c) => c.functionality));
    for (const f of [
      'spell_swap',
      'spell_missing',
      'spell_no_space',
      'spell_spaces',
      'spell_leet',
      'spell_punctuation',
      'spell_repeated',
      'spell_unicode',
      'negated_hate',
      'counter_quote',
      'counter_reference',
      'slur_reclaimed',
      'neutral_mention',
      'positive_mention',
      'profanity_untargeted',
      'police_vocabulary',
      'emoji_identity',
      'emoji_descriptor',
      'emoji_threat',
      'abuse_object',
      'abuse_individual',
      'abuse_nonprotected',
    ]) {
      expect(fs.has(f), f).toBe(true);
    }
    const cats = new Set(FUNCTIONAL_CASES.map((c) => c.category).filter((c) => c !== undefined));
    for (const c of [
      'race_ethnicity',
      'religion',
      'sex_women',
      'sexual_orientation',
      'gender_identity',
      'disability',
      'age',
      'victims_of_crime',
    ]) {
      expect(cats.has(c as never), c).toBe(true);
    }
  });

  it('flags at least 92 % of hateful cases and leaves at least 85 % of non-hateful cases unflagged', () => {
    expect(
      report.hatefulFlaggedRate,
      JSON.stringify(report.failures.slice(0, 20), null, 1),
    ).toBeGreaterThanOrEqual(0.92);
    expect(
      report.nonHatefulUnflaggedRate,
      JSON.stringify(report.failures.slice(0, 20), null, 1),
    ).toBeGreaterThanOrEqual(0.85);
  });

  it('passes at least 85 % for every target group', () => {
    for (const g of GROUPS) {
      expect(report.byTarget[g.id]!.rate, g.id).toBeGreaterThanOrEqual(0.85);
    }
  });

  it('passes at least 85 % of emoji-based cases', () => {
    const emoji = FUNCTIONAL_CASES.filter((c) => c.functionality.startsWith('emoji'));
    const passed = emoji.filter((c) => !report.failures.some((f) => f.id === c.id)).length;
    expect(passed / emoji.length).toBeGreaterThanOrEqual(0.85);
  });
});
