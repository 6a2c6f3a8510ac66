import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.5: knowing insinuation about a group (`rules/insinuation.ts`). Each class has hateful
// sentences that must flag with the group's category and innocent look-alikes (the same shape about
// pests, the job or colleagues, a real question, a negation, counter-speech) that must stay quiet.
// Sentences are our own wording, not corpus lines; the hateful ones were all missed by engine 2.4.
const flagger = rulesOnlyFlagger();

function categories(text: string): string[] {
  const r = flagger.classify(text);
  return r.flagged ? r.categories.map((c) => c.name) : [];
}

function quiet(text: string): boolean {
  return !flagger.classify(text).flagged;
}

describe('a knowing tag closing a clause about a group ("X, say no more")', () => {
  it.each([
    ['Bulgarians on the night bus again, no prizes for guessing', 'race_ethnicity'],
    ['Bike nicked outside Lidl. Kurdish lad. Say no more', 'race_ethnicity'],
    ['deaf lads at the front desk kicking off, surprise surprise', 'disability'],
    ['more Irish travellers in the cells, who would have thought', 'race_ethnicity'],
    ['Mormons knocking on doors on the estate, enough said', 'religion'],
  ])('caught: %s', (t, c) => expect(categories(t)).toContain(c));
  it.each([
    'wasps in the loft again, no prizes for guessing',
    'the usual suspects at the morning briefing, say no more',
    'what else did the Kurdish witness tell you',
    'did the Bulgarian family ring back? what else?',
    'the printer jammed at the front desk again, surprise surprise',
    'the Kurdish interpreter is here, say no more about the delay and crack on',
    'odd how it is always Roma who get pulled over first, every single time',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('a weaker tag with a knowing look ("X again 🙄", "typical 😂")', () => {
  it.each([
    ['Nigerians in the queue at the front counter again 🙄', 'race_ethnicity'],
    ['lesbians on the rota, typical 😂', 'sexual_orientation'],
    ['the Hindu lot late for the meeting, of course 🙄', 'religion'],
    ['yet another Eritrean in custody for shoplifting, shocker', 'race_ethnicity'],
    ['ah it was the Jamaicans. never mind then', 'race_ethnicity'],
    ['Sikhs parked across the drive again. my favourite people', 'religion'],
  ])('caught: %s', (t, c) => expect(categories(t)).toContain(c));
  it.each([
    'the Nigerian family rang again, they have found the cat',
    'the foxes are in the bins again 🙄',
    'typical Monday 🙄',
    'of course the Hindu chaplain can come tomorrow 😂',
    'the sat nav sent us the wrong way again 🤦',
    'ah it was the boiler. never mind then',
    'another Eritrean family housed on Mill Lane, the council sorted it, of course',
    'the Sikh temple rang about the parking. never mind then, sorted',
    'kettle in the canteen broken again 🤦‍♀️',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('"always <group>" opening its clause ("always the X innit")', () => {
  it.each([
    ['always the Kosovans innit', 'race_ethnicity'],
    ["it's always Pakistanis, every shift", 'race_ethnicity'],
  ])('caught: %s', (t, c) => expect(categories(t)).toContain(c));
  it.each([
    'always the same printer jam innit',
    "it's always women who end up on the school run, my wife included",
    'always the Polish deli for lunch on a Friday',
    'the coffee machine is always broken',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('"you know what X are like"', () => {
  it.each([
    ['you know what Ghanaians are like 🙄', 'race_ethnicity'],
    ['we all know how Jews are', 'religion'],
  ])('caught: %s', (t, c) => expect(categories(t)).toContain(c));
  it.each([
    'you know what wasps are like in September',
    'you know what the Somali lad looks like, his photo is on the board',
    'do you know what the Afghans are like to work with?',
    'you know what magpies are like',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('a reason hinted at about a generalised group ("all … for a reason")', () => {
  it.each([
    ['Kurds all get searched at the port for a reason', 'race_ethnicity'],
    ["there's a reason every Sikh lad gets a second look at the airport", 'religion'],
    ['Somalis all get stopped for a reason', 'race_ethnicity'],
    ['same story from every Moldovan we nick, never their phone', 'race_ethnicity'],
  ])('caught: %s', (t, c) => expect(categories(t)).toContain(c));
  it.each([
    'the Kurdish family were moved for a reason, safeguarding',
    'all the vans get washed on a Sunday for a reason',
    "there's a reason the briefing starts at seven, it's the shift change",
    'same story from every witness on the estate, nobody saw a thing',
    'Somalis were stopped for no reason, the complaint was upheld',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('a rhetorical question naming a group ("why is it always the X", "since when do we let X")', () => {
  it.each([
    ['why is it always the Albanians in the cells on a Saturday?', 'race_ethnicity'],
    ['since when do we let Muslims decide what goes on the canteen menu?', 'religion'],
    ['when did it become normal to let trans women run the custody suite?', 'gender_identity'],
  ])('caught: %s', (t, c) => expect(categories(t)).toContain(c));
  it.each([
    'why is it always the Albanian family that gets burgled?',
    'why is it always the printer on the second floor?',
    'since when do we let the dogs in the canteen?',
    'why do we keep letting the night shift leave early?',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('counter-speech, reports and negation lower every class', () => {
  it.each([
    "posting 'Kurds, say no more' about a suspect is racist and out of order",
    "victim says the lads shouted 'Pakistanis, what else' at her",
    'not always the Kosovans, to be fair',
    'if you think you know what Ghanaians are like you should not be in this job',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});
