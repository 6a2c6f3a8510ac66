import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.4: counter-speech that judges a reported view without a comma or a listed judgement. Each
// class is tested in its innocent form and in the hateful form the rules must still catch. Sentences
// are our own paraphrases of the classes, not corpus lines.
const flagger = rulesOnlyFlagger();

function flagged(text: string): boolean {
  return flagger.classify(text).flagged;
}

describe('a named view judged after "is" ("the idea that … is outdated")', () => {
  it.each([
    'the notion that mothers belong in the kitchen is so outdated',
    'The i d e a that wives belong in the kitchen is frankly nonsense',
    'the idae tht girlfriends belong in the kitchen was always rubbish',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    'wives belong in the kitchen',
    'the idea that women can run a shift is outdated, they belong in the kitchen',
  ])('caught: %s', (t) => expect(flagged(t)).toBe(true));
});

describe('a reported saying rebuked in the next sentence', () => {
  it.each([
    'My neighbour keeps saying Somalis should be strung up. I told him he needs help',
    'her dad said Somalis should be strung up. told him he was out of order',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    'Somalis should be strung up',
    'My neighbour keeps saying Somalis should be strung up. I told him he is spot on',
  ])('caught: %s', (t) => expect(flagged(t)).toBe(true));
});

describe('a denied clause ("nobody gets to decide that …")', () => {
  it.each([
    "no one gets to decide that female officers aren't decent human beings",
    "who are you to say female officers aren't decent human beings",
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    "female officers aren't decent human beings",
    "nobody gets to decide the rota, female officers aren't decent human beings",
  ])('caught: %s', (t) => expect(flagged(t)).toBe(true));
});

describe('a reported belief rejected with a spaced or starred "what a"', () => {
  it.each([
    'someone on my feed s*id amputees are a burden on everyone, w h a t a rotten thing to post',
    'a bloke posted people with ADHD are a burden on everyone, wht a rotten thing to say',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it('caught: the bare view', () => expect(flagged('amputees are a burden on everyone')).toBe(true));
});

describe('a starred common word is not a slur', () => {
  it.each(['the council are useless, th*t pothole has been there a year', 'wh*t time is the briefing'])(
    'quiet: %s',
    (t) => expect(flagged(t)).toBe(false),
  );
  it('caught: a starred slur after an insult cue', () => expect(flagged('you th*t')).toBe(true));
});

describe('"the wrong <thing>" condemns nothing', () => {
  it('caught: a slur beside a wrong parcel', () =>
    expect(flagged('the spastic on reception sent the wrong parcel again')).toBe(true));
  it('quiet: saying it is judged wrong', () =>
    expect(flagged('calling him a spastic is the wrong thing to do')).toBe(false));
});

describe('everyday sexism and ableism (listed, aimed at a group)', () => {
  it.each([
    "women aren't wired for running a shift",
    "female officers can't hold their own on nights",
    'she only made sergeant for the quota',
    'she only got the post because they needed a woman on the board',
    "he's faking the wheelchair again",
    'blind people want locking up somewhere',
    "people with epilepsy shouldn't be having children",
    'autistic people are like wild animals',
  ])('caught: %s', (t) => expect(flagged(t)).toBe(true));
  it.each([
    "the old radio isn't wired for the new handsets",
    'she can hold her own on any shift',
    'we needed a woman on the search team for the female prisoner',
    'the burglars want locking up',
    "he's not faking anything, the scans show it",
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('"nothing in X says …" denies the clause, however "nothing" is typed', () => {
  it.each([
    "Nohting in the research says women aren't wired for command",
    "no*hing in science says female officers aren't wired for firearms",
    'people reckon gay officers are only good for admin, w*ich is total rubbish',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    "women aren't wired for command",
    "nothing says it like the stats, women aren't wired for command",
  ])('caught: %s', (t) => expect(flagged(t)).toBe(true));
});

describe('a quoted shout followed by a charge further on', () => {
  it('quiet', () =>
    expect(
      flagged(
        'suspect yelled "you spastic" at the nurse, caught on bodycam, charged with a public order offence',
      ),
    ).toBe(false));
  it('caught: no charge', () =>
    expect(flagged('"you spastic" at the nurse, caught on bodycam, brilliant')).toBe(true));
});

describe('a court report of what someone said', () => {
  it('quiet', () =>
    expect(
      flagged('A man who said he would burn their house down if a Muslim family moved in was jailed today'),
    ).toBe(false));
  it.each([
    'burn their house down if a Muslim family moves in',
    'the bloke who said Muslims should be burnt out was jailed. he should get a medal. burn them all',
  ])('caught: %s', (t) => expect(flagged(t)).toBe(true));
});

describe('wanting to be a better friend or ally to a group is praise', () => {
  it('quiet', () => expect(flagged('how do I become a better ally to Travellers?')).toBe(false));
  it('caught: the hateful form', () =>
    expect(flagged('I will never be a better friend to Travellers, they are vermin')).toBe(true));
});
