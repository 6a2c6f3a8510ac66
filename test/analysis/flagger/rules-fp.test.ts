import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Rules that fired on innocent lines by the corpus's second wave of authors. Each class is tested in
// its innocent form (no rule span may make it hostile) and in the hateful form the rules must still
// catch. Sentences are our own paraphrases of the classes, not corpus lines.
const flagger = rulesOnlyFlagger();
const HOSTILE = /slur|derogatory|dehumanising|hatred|threat|exclusionary|negated positive/;

/** Rule spans that still count against the message (not lowered by any mitigation). */
function ruleHits(text: string): string[] {
  return flagger
    .classify(text)
    .spans.filter((s) => !s.reason.startsWith('model:') && HOSTILE.test(s.reason))
    .filter((s) => !/negated by|counter-speech|reclaimed|quotation|mention/.test(s.reason))
    .map((s) => `${s.text}: ${s.reason}`);
}

function expectQuiet(text: string): void {
  expect(ruleHits(text)).toEqual([]);
}

function expectCaught(text: string): void {
  expect(ruleHits(text).length).toBeGreaterThan(0);
  expect(flagger.classify(text).flagged).toBe(true);
}

describe('reclaimed self-reference of "crip"', () => {
  it.each([
    'Proud crip here, the ramp at the new station is a joke lol',
    'speaking as a proper crip, the lift has been broken for a week',
    'as a crip myself I think the new parking bays are great',
  ])('innocent: %s', expectQuiet);
  it.each([
    'look at that crip limping about, pathetic',
    'you crip, shift out of the way',
    'crips like him should stay at home',
  ])('hateful: %s', expectCaught);
});

describe('guard list: seasonal words and names are not slurs through fuzzy spelling', () => {
  it.each([
    'Secret santa this year, ten pound limit',
    'santas grotto at the shopping centre needs a scene guard',
    'Tanya from the front desk has the keys',
    'saing that, the CAD is still open',
  ])('innocent: %s', (text) => {
    expect(flagger.classify(text).spans.filter((s) => /slur|dehumanising/.test(s.reason))).toEqual([]);
  });
});

describe('counter-speech: a quotation judged or unwanted, a reported belief rejected', () => {
  it.each([
    '"Somalis are parasites" is not an opinion, it is hate',
    '"women are vermin" isn\'t banter, that\'s bigotry',
    'Muted him. nobody needs "gays are degenerates" in their feed',
    'my uncle reckons Poles are only good for fruit picking, which is complete rubbish',
    'people think Muslims are all terrorists. Total nonsense.',
  ])('innocent: %s', expectQuiet);
  it.each([
    '"Somalis are parasites" is not an opinion, it\'s a fact',
    '"Somalis are parasites" is my opinion and I stand by it',
    'people reckon Poles are only good for fruit picking, and they are right',
    'my uncle reckons Muslims are vermin, which is spot on',
    'people think Muslims are vermin, which is not rubbish at all',
  ])('hateful: %s', expectCaught);
});

describe('singular they after one person named by a group word', () => {
  it.each([
    'a new Polish lad joined the shift and they have already taken over the tea rota',
    'new Roma lad started today. They have taken over already',
  ])('innocent: %s', expectQuiet);
  it.each([
    'the Roma have already taken over the estate',
    'a Roma family moved in and they have already taken over the street',
    'there is a new Roma lad at work and they are all thieves',
    'There is a gay officer on my shift. cannot stand them.',
  ])('hateful: %s', expectCaught);
});

describe('a positive that opens its own clause is not negated by an earlier one', () => {
  it.each([
    'we never had an interpreter for Somalis at this station before, great that there is one now',
    'never had a women-only changing room here, good to see one finally',
  ])('innocent: %s', expectQuiet);
  it.each([
    'Somalis are never good at anything',
    'Somalis, never good for anything',
    'we never had Somalis on the team, good thing too',
  ])('hateful: %s', expectCaught);
});

describe('hashtags and hate as a noun', () => {
  it.each([
    'Women deserve to feel safe at work #NoPlaceForHate',
    'Reported. nobody needs "women are predators" on their timeline #NoPlaceForHate',
    'stop the hate against gay people',
  ])('innocent: %s', expectQuiet);
  it.each(['No place for women on the response team', 'I hate gays', 'we have no place for gays here'])(
    'hateful: %s',
    expectCaught,
  );
});

describe('a description with a subject of its own, swearing that intensifies praise, offence names', () => {
  it.each([
    'stop using asylum seekers as a punchline, it is lazy and it is cruel',
    'women drivers are shitty legends and I will not hear otherwise',
    'Criminal damage call, the witness was an old person, statement done',
  ])('innocent: %s', expectQuiet);
  it.each([
    'asylum seekers are lazy',
    'asylum seekers, they are lazy and cruel',
    'women drivers are shitty',
    'old people are criminals',
  ])('hateful: %s', expectCaught);
});

describe('second pass: one person named by a group word alone, self-introduction, hashtags, offence calls', () => {
  it.each([
    "there's a new lass in a hijab on our shift and they've already taken over the tea rota",
    'Pr*ud crip here, the lift is broken again',
    'blocked. nobody needs "refugees are invaders" on their feed #RefugeesWelcome',
    'Assault call, the witness was a Sikh man, statement taken',
  ])('innocent: %s', expectQuiet);
  it.each([
    'met a few Asians at the party, honestly they were a waste of air',
    "Don't send a female officer, they're useless in a fight",
    'never trust a Roma lad, they have taken over everything round here',
    'crip here again, get him out of the shop',
    'refugees are not welcome here #RefugeesNotWelcome',
    'we should assault the gays',
  ])('hateful: %s', expectCaught);
});

describe('recall from the second wave: ADHD and dyslexia as groups, fumigating, strays, double negation', () => {
  it.each([
    'the cell needs fumigating after the last prisoner',
    'people with ADHD are brilliant at spotting patterns',
    'my uncle reckons people with ADHD are only good for making the tea, which is total rubbish',
    'I have met Muslims who were not thieves',
  ])('innocent: %s', expectQuiet);
  it.each([
    'you can always tell when Syrians have been in the van, it needs fumigating after',
    'treat Eastern Europeans like stray cats, feed them once and they never leave',
    'say what you like, gays take more out of this country than they put in',
    'people with ADHD are only good for making the tea',
    'people with dyslexia are all the same, feral',
    'never met a person with ADHD who was not useless',
    "never met a Muslim who wasn't a thief",
  ])('hateful: %s', expectCaught);
});

describe('guard list from the real pipeline, Mormons as a group, "pretend to be" as a negator', () => {
  it.each([
    'Ricky Hayes rang about the warrant for the Somali lad',
    'the Mormons from the church came to help with the flood',
    'the kids pretend to be Sikh warriors in the school play, lovely',
  ])('innocent: %s', expectQuiet);
  it.each([
    'Mormons are morons',
    'Mormons should be shot',
    "Hindus can pretend to be human beings all they like. they're not",
  ])('hateful: %s', expectCaught);
});

describe('implicit tropes listed from author F misses', () => {
  it.each([
    "it's us or them at the pub quiz, the other table aren't winning",
    'the new printer slows the whole team down, stick it in the back office',
    'the sergeant on our team is at home with the kids this week',
    'no word of a lie, the Sikh lads on nights are the best team we have',
  ])('innocent: %s', expectQuiet);
  it.each([
    "Kurds aren't really people like we are",
    "it's us or them now, and Somalis aren't us",
    'wheelchair users slow the whole team down, stick them in the back office',
    "Sikhs can't be properly British, not really",
    'female sergeants should be at home with the kids, not out on patrol',
    'no word of a lie gays should not be allowed to adopt',
    'bisexuals spread like damp',
  ])('hateful: %s', expectCaught);
});

describe('author B and E misses: told to stop being, "not gonna lie", listed tropes', () => {
  it.each([
    'Somalis are not lazy, stop being so ignorant',
    'you need to stop being so ignorant about Somalis',
    'Muslims stopped being a target of that gang years ago',
    'no lie, Somalis are not thieves',
    'Muslims have made this country better',
  ])('innocent: %s', expectQuiet);
  it.each([
    'Kurds want to be accepted? then they should stop being so smelly',
    'not gonna lie Somalis are the lowest of the low',
    'Not one Muslim has ever made this country better',
    'The new family at number 9 are Arabs. say goodbye to house prices.',
    'sorry but Turks always play the victim, always have',
  ])('hateful: %s', expectCaught);
});

describe('author C misses: "there goes the street", "a nest of"', () => {
  it.each([
    'found a wasps nest of all places at the mosque car park',
    'new family moved in, there goes the street party, they are lovely',
  ])('innocent: %s', expectQuiet);
  it.each([
    'Somali family moved in on my road, there goes the street',
    'cleared a nest of Roma out of the underpass',
  ])('hateful: %s', expectCaught);
});

describe('sympathy and praise phrases raise the bar for the model alone', () => {
  it.each([
    "we'd miss the Poles on this shift if they left, they hold the place together!",
    'unpopular opinion: Somalis get a rough deal from the papers',
  ])('innocent: %s', (text) => {
    const r = flagger.classify(text);
    expectQuiet(text);
    // The model alone needs (3 + t) / 4 here, as for any positive statement about a group.
    for (const s of r.spans.filter((x) => x.reason.startsWith('model:')))
      expect(Number(/threshold ([0-9.]+)/.exec(s.reason)?.[1])).toBeGreaterThan(0.9);
  });
  it.each(['Somalis get a rough deal? good, they deserve worse, scroungers'])('hateful: %s', expectCaught);
});

describe('a quotation followed by police action is a record of what was said', () => {
  it.each([
    'Suspect said "all women on response are trash", charged with a public order offence',
    'he shouted "Somalis are vermin", arrested for racially aggravated public order',
  ])('innocent: %s', expectQuiet);
  it.each(['"all women on response are trash" and I stand by it'])('hateful: %s', expectCaught);
});

describe('a reported view judged after it (session 7 integration)', () => {
  it('lowers what someone said when the sentence then judges it', () => {
    expect(
      flagger.classify(
        'Someone on my feed said people with ADHD are a burden on everyone around them, what a rotten thing to post.',
      ).flagged,
    ).toBe(false);
    expect(flagger.classify('people say Muslims are scum, what a racist thing to say').flagged).toBe(false);
  });
  it('keeps the view flagged when what follows is no judgement of it', () => {
    expect(flagger.classify('he said Muslims are scum, so what').flagged).toBe(true);
    expect(flagger.classify('Muslims are scum, what a surprise').flagged).toBe(true);
  });
});

describe('"sent packing" as exclusion (session 7 acceptance)', () => {
  it('reads a group to be sent packing as exclusion, a burglar sent packing as an account', () => {
    expect(flagger.classify('Polish people should be sent packing').flagged).toBe(true);
    expect(flagger.classify('the burglar got sent packing by the homeowner').flagged).toBe(false);
  });
});
