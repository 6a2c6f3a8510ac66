import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.5: counter-speech and reports that quote the hate, and the dismissal of condemnation. Each
// class has innocent look-alikes that must stay quiet and hateful forms the rules must catch (with the
// category). Sentences are our own, not corpus lines.
const flagger = rulesOnlyFlagger();

function flagged(text: string): boolean {
  return flagger.classify(text).flagged;
}

function categories(text: string): string[] {
  return flagger.classify(text).spans.map((s) => s.category);
}

describe("a third party's words on the police record ('DP kept calling …, charged')", () => {
  it.each([
    'Detainee kept calling the gaoler a chinky bastard, all of it quoted in the custody record',
    'suspect was shouting that Kurds are rats the whole way in, arrested for s4a',
    'the driver told the Sikh passenger to go back to his own country, statement taken and on bodycam',
    'Offender said lesbians should be shot, recorded word for word, charged this morning',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['he kept calling them chinkies and fair play to him', 'race_ethnicity'],
    ['Kurds are rats, arrested or not', 'race_ethnicity'],
    ['I keep saying lesbians should be shot, charge me', 'sexual_orientation'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('the act of saying judged (a name before it, a misspelt verb, "is a sacking offence")', () => {
  it.each([
    'Gemma, calling the Kenyan probationer a monkey is a sacking offence',
    'sayng Hindus are parasites is embarrassing, take it down',
    'Callng the deaf PCSO a retard in the team chat is gross misconduct',
    'Tom, saying Nigerians are only here to tick a box is insulting',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['Gemma, Nigerians are parasites and saying it is not embarrassing', 'race_ethnicity'],
    ['saying Hindus are parasites is just the truth', 'religion'],
    ['Tom, Nigerians are a plague', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('the sender acting on it ("we don\'t do that here", "screenshot sent to PSD")', () => {
  it.each([
    'telling us Romanians breed like rabbits is talking about people like pests, we do not do that here',
    'whoever wrote that every Sikh should be hanged: screenshot sent to PSD',
    'The comment calling Ghanaians vermin has been screenshotted and sent to the inspector',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['Romanians breed like rabbits', 'race_ethnicity'],
    ['every Sikh should be hanged', 'religion'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('condemnation dismissed ("call me a racist but", "if that makes me a bigot")', () => {
  it.each([
    ['Do not call them people, Nigerians are cockroaches', 'race_ethnicity'],
    ['if that makes me a bigot so be it, lesbians are parasites', 'sexual_orientation'],
    ['call me a racist but Ghanaians are thieves', 'race_ethnicity'],
    ['call me homophobic, gays are vermin', 'sexual_orientation'],
    ['it makes me a racist apparently, but Kurds are rats', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    'calling Nigerians cockroaches is racist',
    'that comment about lesbians being parasites makes me sick, it is bigoted',
    'call me old fashioned but I like a handwritten statement',
    'call me when the racist graffiti on the underpass is cleaned off',
    'do not call them people, call them by their names, the Kurds on our patch deserve that',
    'that comment makes me a bit sad, calling Kurds rats is racist',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});
