/**
 * A factual arrest or custody report naming the group (rules/arrest-report.ts) is never flagged by the
 * model alone; a description, slur, exclusion, laughter or emoji beside it still counts.
 */
import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';

const f = createFlagger();

describe('arrest reports naming a group', () => {
  it.each([
    '3 travellers nicked for the lead theft',
    '2 albanians in for the cannabis grow',
    'two romanians arrested for the cash machine job',
    '4 somalis detained after the fight on king st',
    '2 polish males in custody for the assault',
  ])('"%s" is police work, not flagged', (text) => {
    expect(f.classify(text).flagged).toBe(false);
  });

  it('the model alone flagged the first one before (the rule is what holds it back)', () => {
    expect(f.classify('3 travellers nicked for the lead theft').modelScore).toBeGreaterThan(0.85);
  });

  it.each([
    ['3 travellers nicked for the lead theft, thieving scum', 'race_ethnicity'],
    ['4 somalis detained, should deport the lot', 'race_ethnicity'],
    ['2 pakis nicked for the shop job', 'race_ethnicity'],
    ['3 travellers nicked for the lead theft lol', 'race_ethnicity'],
    ['3 travellers nicked for the lead theft 😂😂', 'race_ethnicity'],
  ])('"%s" is still flagged', (text, category) => {
    const r = f.classify(text);
    expect(r.flagged).toBe(true);
    expect(r.categories[0]?.name).toBe(category);
  });
});
