import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.5: dehumanising comparisons and implicit derogation in other authors' wording. Each class is
// tested in its hateful form (with the category it must name) and in innocent look-alikes of the same
// shape. Sentences are our own, written before the rules; none is a corpus line.
const flagger = rulesOnlyFlagger();

/** The top category when flagged, undefined when quiet. */
function categoryOf(text: string): string | undefined {
  const r = flagger.classify(text);
  return r.flagged ? (r.categories[0]?.name ?? 'none') : undefined;
}

describe('a simile "like <pest / herd / blight>" said of a group, any verb', () => {
  it.each([
    ['Bulgarians pour into the town like locusts', 'race_ethnicity'],
    ['lesbians pop up all over the station like fungus', 'sexual_orientation'],
    ['the Hindus round here multiply like woodlice', 'religion'],
    ['Sikhs always turn up like a bad smell', 'religion'],
    ['trans women spread through the changing rooms like an invasive species', 'gender_identity'],
    ['Refugees should be treated like cattle', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categoryOf(t)).toBe(cat));
  it.each([
    'the seagulls went for the chips like locusts',
    'refugees were herded like cattle onto the lorries, disgraceful',
    'elderly residents were dropping like flies in the heatwave',
    'custody was like a zoo tonight, three fights before midnight',
    'the weeds spread like fungus round the back of the nick',
    'the new Polish sergeant turned up like a bad penny at the briefing, always early',
    'Kurdish families are not like locusts, whoever wrote that needs to wind his neck in',
  ])('quiet: %s', (t) => expect(categoryOf(t)).toBeUndefined());
});

describe('groups the lists lacked (age bands, claimants, conditions, dress, mental-health slur nouns)', () => {
  it.each([
    ['the over seventies are a plague on the NHS', 'age'],
    ['old geezers are parasites', 'age'],
    ['claimants are parasites, every one', 'other_derogatory'],
    ['people with OCD are subhuman', 'disability'],
    ['the nutjobs on ward 3 are animals', 'disability'],
    ['blokes in turbans are vermin', 'religion'],
  ])('caught: %s', (t, cat) => expect(categoryOf(t)).toBe(cat));
  it.each([
    'the over seventies get a free bus pass',
    'claimants can book an appointment online now',
    'people with OCD can ask for reasonable adjustments',
    'kids love fruit loops for breakfast',
    'had a coffee with two old blokes from the allotment',
    'rough sleepers on the high street need a welfare check tonight',
  ])('quiet: %s', (t) => expect(categoryOf(t)).toBeUndefined());
});

describe('character put-downs said of a group ("a bad lot", "deadbeats", "drag the town down")', () => {
  it.each([
    ['Kurds are a bad lot', 'race_ethnicity'],
    ['Estonians are deadbeats', 'race_ethnicity'],
    ['honestly lesbians drag this whole force down', 'sexual_orientation'],
    ['Bulgarians are riff raff, always have been', 'race_ethnicity'],
    ['the over sixties are chancers', 'age'],
  ])('caught: %s', (t, cat) => expect(categoryOf(t)).toBe(cat));
  it.each([
    'that deadbeat landlord still owes me a deposit',
    'the trailer is dead weight without a tow bar',
    'riff raff was the best character in the film',
    "don't let the rain drag the whole shift down",
    'Kurds are not a bad lot at all, the family on Elm Road were lovely',
    'the chancer who nicked the bike got charged today',
  ])('quiet: %s', (t) => expect(categoryOf(t)).toBeUndefined());
});

describe('a singular nationality noun names a person (engine 2.5)', () => {
  it.each([
    ['that Indian is a thief, every time', 'race_ethnicity'],
    ['the Russian lad in cell 4 is vermin', 'race_ethnicity'],
    ['every Kurd is a criminal, no exceptions', 'race_ethnicity'],
    ['the Filipino on nights is thick as mince', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categoryOf(t)).toBe(cat));
  it.each([
    'Indian takeaway on the high street shut early',
    'Russian roulette with the custody rota again',
    'the Turk on Elm Road rang about a burglary',
    'Palestinian flag at the protest, all peaceful',
    'the Hungarian interpreter is booked for 2pm',
  ])('quiet: %s', (t) => expect(categoryOf(t)).toBeUndefined());
});

describe("a listed phrase typed with an apostrophe ('s) is found (engine 2.5)", () => {
  it.each([
    ["the Somalis moved in next door, it's a zoo", 'race_ethnicity'],
    ["Jehovah's Witnesses are vermin", 'religion'],
  ])('caught: %s', (t, cat) => expect(categoryOf(t)).toBe(cat));
  it.each([
    "it's a zoo in custody tonight, three fights already",
    "the lad's car was towed from the retail park",
  ])('quiet: %s', (t) => expect(categoryOf(t)).toBeUndefined());
});
