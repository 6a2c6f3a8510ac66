import { describe, expect, it } from 'vitest';
import { createFlagger, type FlagResult } from '../../../src/analysis/flagger/index.js';

// False flags on the new authors' dev templates (B…O): spelling fall-backs that read ordinary words as
// slurs, laughter emoji read as threats, police terms ("hate crime") read as hatred, victims in a report
// read as targets, and slurs quoted in a report or named to condemn them. Each class is tested in its
// innocent form and in a hateful form that must still flag.
const flagger = createFlagger();

/** Flagged on rule evidence (the model alone may still flag a message; these tests are about the rules). */
function ruleFlagged(r: FlagResult): boolean {
  return r.flagged && !r.spans.some((s) => s.reason.startsWith('model:'));
}

/** Spans that a spelling fall-back produced. */
function fallbackSpans(r: FlagResult): string[] {
  return r.spans.filter((s) => /seen through (fuzzy|mask)/.test(s.reason)).map((s) => s.text);
}

describe('spelling fall-backs: an ambiguous or numeric token is no slur', () => {
  it.each([
    // One edit from a common word as well as from a term.
    'The council are clueless, tht pothole has been there a year',
    'Ramadan sarts tomorrow, custody have moved meal times for anyone fasting',
    'the next person who pakrs across my drive is getting a ticket',
    'before you know it the whoe street is round here',
    'the lads deserve better than us laughing, pak it in',
    'Fucking roa is a shambles again, who wrote this',
    'I just thik it skips the stop that the gay lot from the centre use',
    'saing a trans woman is a fantasy is the sort of comment that ends careers',
    'bisexuals can hold hansd on the high street like anyone else',
    'Teenagers trn out to vote more than anyone',
    // A common word itself, or one edit from one that the guard list holds.
    'Secret santa rule this year: ten quid limit',
    'secret sanat rule this year: ten quid limit',
    // Masks that a common word fits with a consonant under the star.
    'the idea t*at we finish on time is a joke',
    'the new system slows the who*e team down',
    // Numbers and age bands.
    'SUSPECT IC5 MALE, 40S, NAVY TRACKSUIT, LAST SEEN HEADING TOWARDS BRIXTON',
    'two males in their 20s and a woman in her 30s, 3rd call tonight',
  ])('%s', (text) => {
    const r = flagger.classify(text);
    expect(fallbackSpans(r)).toEqual([]);
    expect(r.spans.filter((s) => s.reason.startsWith('slur'))).toEqual([]);
  });

  it.each([
    // Misspellings that are one edit from a term and from no common word.
    ['whroe', 'she is a dirty whroe'],
    ['sluut', 'what a sluut she is'],
    ['gyas', 'gyas are vermin'],
    ['muslms', 'muslms are vermin'],
    // Starred vowels: how swear words are masked, even where a common word fits ("where").
    ['wh*re', 'she is a wh*re'],
    ['sl*t', 'you filthy sl*t'],
    ['p*ki', 'get that p*ki out of here'],
  ])('still reads %s', (token, text) => {
    const r = flagger.classify(text);
    expect(ruleFlagged(r)).toBe(true);
    expect(r.spans.some((s) => s.text.includes(token))).toBe(true);
  });
});

describe('a skull with laughter is laughter, not a death threat', () => {
  // The skull among laughing emoji does not reach back to a group named in an earlier sentence. Next to
  // the group it names it keeps its threat reading: "🇵🇰 ✈️ bye bye 😂💀" is hate (the departure emoji
  // are not read as exclusion yet, so the skull is what flags it).
  it.each([
    "Who's meeting the Muslim lot at the front desk? I'm stuck in custody 😂💀!",
    'Albanian interpreter booked for 3am. Of course I drew the short straw 😭💀',
    "who's meeting the transgender group at the front desk? I'm stuck in custody 💀💀💀!",
  ])('%s', (text) => {
    const r = flagger.classify(text);
    expect(r.spans.filter((s) => s.category !== 'violence_threat' && /threat/.test(s.reason))).toEqual([]);
    expect(ruleFlagged(r)).toBe(false);
  });

  it.each([
    'Muslims 💀',
    'all the Albanians 💀💀💀',
    'every Jew should be 💀',
    '🇵🇰 ➡️ ✈️ bye bye 😂💀',
    'Saw the Albanians at the protest. 💀💀💀',
  ])('%s stays a threat', (text) => {
    const r = flagger.classify(text);
    expect(ruleFlagged(r)).toBe(true);
    expect(r.spans.some((s) => s.category === 'violence_threat')).toBe(true);
  });
});

describe('police terms with "hate" in them express no hatred', () => {
  it.each([
    'Race hate report from an Afghan, statement taken, CCTV seized, keeping him updated',
    'hate report from the Polish family on Elm Road, PCSO attending',
    'racial hate incident outside the mosque, Muslim lad spat at, suspect outstanding',
    'hate crime reported by a Jewish couple, crime number to follow',
  ])('%s', (text) => {
    const r = flagger.classify(text);
    expect(r.spans.filter((s) => /hatred/.test(s.reason))).toEqual([]);
    expect(ruleFlagged(r)).toBe(false);
  });

  it.each(['I hate Afghans', 'race hate report done, honestly I hate Somalis'])(
    '%s is still hatred',
    (text) => {
      expect(ruleFlagged(flagger.classify(text))).toBe(true);
    },
  );
});

describe('victims in a report are not targets', () => {
  it.each([
    'Hope the Irishman whose car got t0rched on Elm Road gets the insurance sorted quick, awful for them.',
    'hope the Polish lad who was stabbed outside the chippy pulls through',
    'terrible what happened at the mosque on Derby Road, extra patrols on tonight',
    'awful what happened to the Romanian family, their windows went in again',
    'A man who said he would set the dog on them if an old dear moved onto his street was jailed today',
    'Criminal damage call, the witness was an old person, statement done',
    'Assault call, the witness was a gay officer, statement done ✨.',
  ])('%s', (text) => {
    const r = flagger.classify(text);
    expect(ruleFlagged(r)).toBe(false);
  });

  it.each([
    'hope the Irish get torched',
    'I want every Jew who lives here shot',
    'we should assault the gays',
    "I'll set the dogs on the gypsies if they come near",
    'the Romanians are terrible, send them back',
    'Muslims are awful for this country',
  ])('%s still flags', (text) => {
    expect(ruleFlagged(flagger.classify(text))).toBe(true);
  });
});

describe('a slur quoted in a report or named to condemn it', () => {
  it.each([
    'DP sh*uted "wog" at me while I cuffed him, all on bodycam',
    'DP shouted "wog" at me while I cuffed him, all on bodycam',
    'mate, calling the new custody sergeant a slut in a work group is misconduct. delete it!',
    'calling her a slut in the group chat is gross misconduct',
    'mate, calli*g the new DI a slag in a work group is misconduct. delete it',
    'IP states the suspect called her a hoe and spat at her, hate crime qualifier added',
  ])('%s', (text) => {
    expect(ruleFlagged(flagger.classify(text))).toBe(false);
  });

  it.each([
    'the new custody sergeant is a slut',
    'mate, the new custody sergeant is a slut, misconduct my arse',
    'that wog in cell 4 is kicking off again',
  ])('%s still flags', (text) => {
    expect(ruleFlagged(flagger.classify(text))).toBe(true);
  });
});

describe('a skull after a joke frame is the laugh', () => {
  it('how many … who cares 💀💀 is a joke at the group', () => {
    const r = flagger.classify('how many Polish lads to change a lightbulb? who cares 💀💀');
    expect(ruleFlagged(r)).toBe(true);
    expect(r.spans.some((s) => /joke or disclaimer/.test(s.reason))).toBe(true);
  });
});
