import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';

// Engine 2.2 rule changes, each with the case it was made for and a quiet twin that must stay quiet.
const flagger = createFlagger();
const flagged = (t: string): boolean => flagger.classify(t).flagged;

describe('engine 2.2 rules', () => {
  it('reads two swapped letters in a four-letter group word, and a misspelling before splitting', () => {
    expect(flagged('gyas are sick')).toBe(true);
    expect(flagged('jwes are rats')).toBe(true);
    expect(flagged('disalbed people are a burden')).toBe(true);
    expect(flagger.classify('disalbed people are a burden').spans[0]!.text).toContain('disalbed');
  });

  it('takes a slur as the target of a threat, unless the slur is a benign homonym', () => {
    expect(flagged('the old codgers at the meeting should be shot')).toBe(true);
    expect(flagged('nipping out for fags, I will kill for one')).toBe(false);
  });

  it('reads a wish for a group to die as a threat, an account of a death as none', () => {
    expect(flagged('It would be great if all Muslims died')).toBe(true);
    expect(flagged('the Somali lad would have died without the paramedics')).toBe(false);
    expect(flagged('Muslim man died in hospital, family informed')).toBe(false);
  });

  it('reads a negated right or worth as hate', () => {
    expect(flagged('No Muslim deserves rights')).toBe(true);
    expect(flagged('Immigrants have no value')).toBe(true);
    expect(flagged('Muslims deserve to live in peace')).toBe(false);
  });

  it('lowers a saying that the message judges, and talk about a group that it condemns', () => {
    expect(flagged('Saying women are scum is disgusting')).toBe(false);
    expect(flagged('Calling Muslims vermin was vile, I have reported it')).toBe(false);
    expect(flagged('that rant about Muslims last night was shameful')).toBe(false);
    expect(flagged('jokes about Jews are not banter, pack it in')).toBe(false);
    expect(flagged('calling women thick is just the truth')).toBe(true);
    expect(flagged('sick of hearing about Muslims, they are vermin')).toBe(true);
  });

  it('reads reported speech as a report', () => {
    expect(flagged('witness heard him say he would burn the mosque down, arrest made')).toBe(false);
    expect(flagged('I will smash up that mosque myself')).toBe(true);
  });

  it('never reads "pop" as a hostile word', () => {
    expect(flagged('elderly burglary victim was in tears, can someone pop round with a cuppa')).toBe(false);
  });
});
