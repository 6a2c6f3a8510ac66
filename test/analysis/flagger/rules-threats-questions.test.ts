import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.5: threats and jokes that other authors' wording slipped past. Each class is tested in
// its hateful form (which must flag, with the right category) and in innocent look-alikes of the same
// shape. Sentences are our own wording, not corpus lines. Engine 2.4 got 3 of the 19 hateful sentences
// right (16 failed: unflagged, or a shallow grave flagged as a 'shallow' person without the threat).
const flagger = rulesOnlyFlagger();

function flagged(text: string): boolean {
  return flagger.classify(text).flagged;
}

/** The categories of a flagged message (none when it is not flagged). */
function categories(text: string): string[] {
  const r = flagger.classify(text);
  return r.flagged ? r.categories.map((c) => c.name) : [];
}

describe('the subject slot of a riddle frame names the butt of the joke', () => {
  it.each([
    ['why did the Sikh cross the car park? to get to the free dinner lol', 'religion'],
    ['how many Asian lads does it take to change a tyre? all of them 😂', 'race_ethnicity'],
    ['what do you call a Chinese bloke on a bike? a hazard 🤣', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    'how many Asian males in the cells tonight? four lol',
    'why did the Polish interpreter cancel again? no idea, he never says lol',
    'how many of the new radios does it take to get one working? all of them 😂',
    'why did the chicken cross the road? to avoid the paperwork lol',
    'what do you call a Chinese takeaway that delivers at 3am? a lifesaver 🤣',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('a fist emoji is a threat, a Sikh khanda names Sikhs', () => {
  it.each([
    ["if those Romanians come near my car again it's 🥊", 'race_ethnicity'],
    ['the next lesbian who mouths off at the desk is getting the 🥊', 'sexual_orientation'],
    ['Somalis need a 🥊 when nobody is looking', 'race_ethnicity'],
    ['🔥 the 🪯 down the road tonight', 'religion'],
  ])('caught: %s', (t, cat) => {
    expect(categories(t)).toContain(cat);
    expect(categories(t)).toContain('violence_threat');
  });
  it.each([
    'the Nigerian boxing coach brought the 🥊 to the youth club',
    'the Polish lads are getting the 🔥 going for the barbecue',
    'the rats in the bin store are getting the 🔫 from pest control tomorrow',
    'my nephew is getting the 🥊 gloves for his birthday, the Somali coach recommended them',
    'the Sikh family thanked us for finding the 🪯 pendant',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('a negation before a condition does not reach the threat inside it', () => {
  it.each([
    ['Bet the Kurds would stop moaning sharpish if somebody hurt a couple of them', 'race_ethnicity'],
    ['lesbians would never complain again once someone stabbed a couple of them', 'sexual_orientation'],
  ])('caught: %s', (t, cat) => {
    expect(categories(t)).toContain(cat);
    expect(categories(t)).toContain('violence_threat');
  });
  it.each([
    'the Kurds would stop moaning if somebody fixed the heating',
    "nobody wants the Kurds hurt, if anyone touches them they'll answer to me",
    'if we do not shoot the Roma family a message today they miss the hearing',
    'if someone kicked a few of the wasps nests out of the loft we would stop complaining',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('death wishes and beatings in idioms ("a shallow grave", "wouldn\'t lose any sleep")', () => {
  it.each([
    ['those Hindus next door have a shallow grave coming', 'religion'],
    ['if the Albanians on that site all vanished I would not shed a tear', 'race_ethnicity'],
    ["if the gypsies down the lane vanished tomorrow I wouldn't lose any sleep", 'race_ethnicity'],
    ['one more word from that Jamaican and I will deck him', 'race_ethnicity'],
    ['I would pay to get Jewish women sterilised', 'religion'],
  ])('caught: %s', (t, cat) => {
    expect(categories(t)).toContain(cat);
    expect(categories(t)).toContain('violence_threat');
  });
  it.each([
    'the shallow grave on the moor was searched by the dog unit',
    "I wouldn't lose any sleep over the overtime rota",
    'the vet says the stray cats should be sterilised',
    'the Polish lads on the ferry had to deck the cargo before it sailed',
    "the Jamaican family were lovely, I wouldn't lose any sleep about leaving them with the FLO",
    'the cleaners sterilised the cells after the Somali prisoner was moved',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('an insinuation that closes the message after a group ("… say no more")', () => {
  it.each([
    ['new tenants at number 4 are Kosovans. need I say more', 'race_ethnicity'],
    ['who left the van in a state? the Muslim lads, enough said 🙄', 'religion'],
    ['burglary on the high street, three guesses, the Roma again', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    "need a lift to the Polish social club? say no more, I'll drive",
    'the Sikh lads ran the whole charity drive, brilliant. enough said',
    'the Ghanaian family cooked for the whole shift. say no more 😍',
    'Dave late for briefing again. need I say more',
    'the Kosovan interpreter is booked for ten, say no more about the delay, it was my fault',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});
