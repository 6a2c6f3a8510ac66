import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';
import { GUARD } from '../../../src/analysis/flagger/lexicon.js';

// Look-alikes that were flagged as slurs (issue 14): a first name, a nationality, a country and a
// common word one letter or one squeeze away from a slur. Every guarded word is tried in operational
// sentences; none may be read as a slur, a hostile word or a case-free derogatory term.
const flagger = createFlagger();
const HOSTILE = /slur|derogatory|dehumanising|hate|threat/;

function hostileSpans(text: string, word: string): string[] {
  const r = flagger.classify(text);
  return r.spans
    .filter((s) => s.text.toLowerCase().includes(word) && HOSTILE.test(s.reason))
    .map((s) => `${s.text}: ${s.reason}`);
}

describe('guard list: names, places, nationalities, streets and common words are never slurs', () => {
  it.each([
    'Nigerian High Commission rang about the prisoner',
    'Niger Delta',
    'the Niger Delta oil case is on the news',
    'Nigel from the control room',
    'Nigel from the control room rang about the warrant',
    'Mr Nagle called back',
    'Terry Wogan was on the radio in the canteen',
    'need a lift back to the nick',
    'I need to go',
    'no need to rush, the scene is secure',
    'ask Nigella for the CAD number',
  ])('%s: not flagged, no slur span', (text) => {
    const r = flagger.classify(text);
    expect(r.flagged).toBe(false);
    expect(r.spans.filter((s) => HOSTILE.test(s.reason))).toEqual([]);
  });

  it('never highlights "need" as a term', () => {
    for (const t of ['need', 'needs', 'needed', 'I need a hand with the paperwork']) {
      expect(flagger.classify(t).spans.map((s) => s.text.toLowerCase())).not.toContain('need');
    }
  });

  it('every guarded word stays neutral in three operational sentences', () => {
    const bad: string[] = [];
    for (const w of GUARD) {
      const cap = w[0]!.toUpperCase() + w.slice(1);
      for (const text of [
        `${cap} rang about the prisoner`,
        `spoke to ${cap} at the front desk`,
        `address is 12 ${cap} Road, ${w} area`,
      ]) {
        bad.push(...hostileSpans(text, w));
      }
    }
    expect(bad).toEqual([]);
  });

  it('still sees real slurs and their obfuscations', () => {
    for (const t of [
      'Somalis are niggers',
      'n1gger',
      'what a f4ggot',
      'the nigger next door',
      'dirty p4ki',
    ]) {
      expect(flagger.classify(t).flagged, t).toBe(true);
    }
  });

  it('still reads a guarded nationality as a group', () => {
    expect(flagger.classify('Nigerians are all scammers and thieves').flagged).toBe(true);
  });
});

describe('"fags" meaning cigarettes', () => {
  it.each([
    'got any fags?',
    'nipping out for some fags, anyone want anything',
    'going to the garage for fags',
    'fancy a fag?',
    'ran out of fags again',
  ])('%s: not flagged', (text) => {
    expect(flagger.classify(text).flagged).toBe(false);
  });
  it('still flags the slur about people', () => {
    expect(flagger.classify('fags are disgusting').flagged).toBe(true);
    expect(flagger.classify("you're a fag").flagged).toBe(true);
  });
});
