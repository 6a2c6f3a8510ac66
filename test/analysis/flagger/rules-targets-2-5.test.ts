import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.5: groups the rules did not see as a target. Each class is tested with hateful sentences
// that must flag with the group's category and innocent look-alikes (police descriptions, the word in
// a benign phrase, the same shape about things, reports and counter-speech) that must stay quiet.
// Sentences are our own wording, not corpus lines.
const flagger = rulesOnlyFlagger();

function flagged(text: string): boolean {
  return flagger.classify(text).flagged;
}
function categories(text: string): string[] {
  return flagger.classify(text).spans.map((s) => s.category);
}

describe('a weak group word before plural people ("female sergeants", "Asian shopkeepers")', () => {
  it.each([
    ['female sergeants are a waste of space', 'sex_women'],
    ['Asian shopkeepers are all crooks', 'race_ethnicity'],
    ['black coppers are thick as mince', 'race_ethnicity'],
    ['white lads round here are vermin', 'race_ethnicity'],
    ['female inspectors are pathetic, every one of them', 'sex_women'],
    // Rank abbreviations as typed (outside-in pass, session 8).
    ['FEMALE SGTS R A WASTE OF SPACE LOL', 'sex_women'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    'IC1 female, 5ft 6, dark jacket, last seen on the high street',
    'two asian males seen running towards the park',
    'asian male, 30s, grey hoodie, heading north',
    'white vans are useless on this estate',
    'black bins are disgusting after the weekend',
    'female probationers start on Monday, make them welcome',
    'female sgts on the rota tonight',
    'the suspect said Asian shopkeepers are crooks, it is on the interview tape',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('group words the lexicon lacked (teenagers, codgers, Catholic, traveller, sex worker, addicts …)', () => {
  it.each([
    ['teenagers are vermin, the lot of them', 'age'],
    ['old codgers are a drain on everyone', 'age'],
    ['that boomer on the desk is a useless dinosaur', 'age'],
    ['a Catholic can never be trusted', 'religion'],
    ["Jehovah's Witnesses are parasites", 'religion'],
    ["there's an Irishman in cell 4, filthy animal", 'race_ethnicity'],
    ['every traveller is a thief', 'race_ethnicity'],
    ["caller's a sex worker, total scum", 'victims_of_crime'],
    ['addicts are filth', 'other_derogatory'],
    ['tramps are a disease on this town', 'other_derogatory'],
    ['that bloke in a wheelchair is a leech', 'disability'],
    ['bi lads are disgusting', 'sexual_orientation'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    'teenagers were playing football in the park',
    "the Jehovah's Witness conference at the leisure centre needs two officers",
    'sex worker support service rang back about the referral',
    'Catholic school fete on Saturday, traffic management needed',
    'the traveller site visit is booked for Thursday',
    'Irish pub on the corner had a break-in',
    'addicts get referred to the drug service from custody',
    'the suspect said teenagers are vermin, recorded in the interview',
    'older officers mentor the new recruits',
    'the under-tens football tournament needs a PCSO',
    'that printer is a useless dinosaur',
    'rats are vermin, get pest control to the bins',
    'tramps on the bench were moved on by the PCSOs, no offences',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('a group adjective used as a noun ("every Sikh I\'ve met", "the gay next door", "any Catholic tries …")', () => {
  it.each([
    ["every Sikh I've met is a liar", 'religion'],
    ['gonna batter the gay next door', 'sexual_orientation'],
    ["any Catholic tries it on with me, I'll deck him", 'religion'],
    ["the next Somali in my van I'll batter her", 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    "every Sikh I've met at the gurdwara was lovely",
    'the gay bar next door is hosting the fundraiser',
    "any Romanian comes near my car I'll give him directions",
    "the next Polish driver I stop I'll breathalyse him",
    'every Muslim I arrest gets his rights read',
    'the Catholic church next door rang about the roof lead',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('a name ending in \'s before a verb ("people with Down\'s are …")', () => {
  it.each([
    ["people with Down's are a burden", 'disability'],
    ["a person with Down's shouldn't be allowed a job", 'disability'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    "people with Down's deserve the same service as anyone",
    "Down's syndrome awareness stall in the foyer all week",
    "women's football is on tonight, two officers at the ground",
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('talk about a group in quotes ("the \'jokes\' about …") describes the talk', () => {
  it.each([
    "two officers sacked over the 'jokes' about travellers in the group chat",
    'final written warning for the "banter" about teenagers on the van',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([["travellers are a 'joke', the lot of them", 'race_ethnicity']])('caught: %s', (t, cat) =>
    expect(categories(t)).toContain(cat),
  );
});
