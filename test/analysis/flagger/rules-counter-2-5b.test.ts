import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.5, counter-speech second round: the sender's reaction to what others said (a warning, a
// quotation met with disbelief, weariness, a post reported, a court that heard it) lowers the hate it
// quotes; a disclaimer that announces hate ("can't say it in the briefing but …") does not. Each class
// has innocent forms that must stay quiet and hateful look-alikes the rules must still catch (with the
// category). Sentences are our own, not corpus lines.
const flagger = rulesOnlyFlagger();

function flagged(text: string): boolean {
  return flagger.classify(text).flagged;
}

/** The categories of a flagged message (none when it is not flagged). */
function categories(text: string): string[] {
  const r = flagger.classify(text);
  return r.flagged ? r.spans.map((s) => s.category) : [];
}

describe('a second-person warning with the sender\'s own report ("if you call them … again I\'m reporting it")', () => {
  it.each([
    'if you clal the Kosovan cleaners rats one more time I will report you',
    "If you're still calling Sikhs towel heads in this day and age you need to log off",
    'if you hate lesbians for who they love, unfollow me',
    'if you keep calling the Romanian family vermin, straight to PSD it goes',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['if you ask me Kosovans are rats', 'race_ethnicity'],
    ['if you hate lesbians, join the club, they are vermin', 'sexual_orientation'],
    ['Sikhs are vermin, I will report nothing', 'religion'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('a quotation met with disbelief (\'"…" imagine typing this\', \'"…" wow\')', () => {
  it.each([
    'QT "Tamils are cockroaches" imagine posting this under your own name',
    '"Gypsies are parasites" in the shift group. wow.',
    '"the Welsh are inbred vermin", yikes, who let him on here',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['"Tamils are cockroaches" and wow is it true', 'race_ethnicity'],
    ['Gypsies are parasites, wow, what a day', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('weariness at the saying, and hating called fruitless', () => {
  it.each([
    "I'm sick of hearing people say Sikhs are terrorists",
    'tired of hearing blokes call trans women freaks at the bar',
    'nothing good has ever come from hating Somalis, pack it in',
    'no good comes of blaming the Jews for everything',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ["I'm sick of Sikhs, they are terrorists", 'religion'],
    ['sick of trans women, freaks the lot of them', 'gender_identity'],
    ['nothing good about Somalis, I hate them', 'race_ethnicity'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('"stop saying" typed in a hurry', () => {
  it.each([
    'stpo saying Pakistanis are thieves, you work with three of them',
    'Sotp calling the Deaf lads retards, it is not funny',
    'stop sayng lesbians are perverts',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['stop calling them people, Pakistanis are thieves', 'race_ethnicity'],
    ['stpo it, lesbians are perverts', 'sexual_orientation'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('a court that heard it, and the passive "was called"', () => {
  it.each([
    'the jury heard the accused called his Ghanaian neighbour a monkey for years',
    'Magistrates were told the defendant kept calling the Jewish shopkeeper vermin',
    'she had been called a dirty paki by the lads on her road since primary school',
    'he was called a spastic by a passenger on the 42 bus',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['the jury heard the case, Ghanaians are monkeys anyway', 'race_ethnicity'],
    ['the court can say what it likes, the Jews are vermin', 'religion'],
    ['call him a spastic, he is one', 'disability'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('a post reported, and the punishment before the saying', () => {
  it.each([
    'the Facebook post calling Eritreans rats has been passed to the hate crime unit',
    'please report the accounts claiming Hindus are parasites',
    'a woman was arrested for shouting that gays are diseased at the Pride march',
    'bloke cautioned after tweeting that the Irish are scum',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['Eritreans are rats, post it everywhere', 'race_ethnicity'],
    ['Hindus are parasites, report me if you like', 'religion'],
    ['arrested for nothing, gays are diseased', 'sexual_orientation'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});

describe('a disclaimer that announces the hate ("can\'t say it in the briefing but …")', () => {
  it.each([
    ["can't say it in the briefing but Albanians are all thieves", 'race_ethnicity'],
    ["I can't say this out loud but disabled people are a drain", 'disability'],
    ['Cant say it but Muslims are scum', 'religion'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
  it.each([
    "you can't say Albanians are all thieves, it's racist",
    'you cannot say disabled people are a drain, it is not on',
    "can't say Muslims are scum in a work chat, mate, that's misconduct",
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
});

describe('police shorthand and schemes read as written (acceptance pass, session 8)', () => {
  it.each([
    // "s4a" has the key "sa" (leet) and must still count as what the police did with the words.
    'DP kept shouting that Poles are vermin the whole way in, further s4a',
    // A speech verb typed with its g dropped (outside-in pass, session 8).
    "DP kept callin' the nurse a p*ki, further s4a",
    // National Ugly Mugs is the sex-worker safety scheme, and the online hate team a police unit.
    'Ugly Mugs alert came through for the sex workers on Station Road, please read',
    'tweet saying Muslims are vermin passed to the online hate team',
  ])('quiet: %s', (t) => expect(flagged(t)).toBe(false));
  it.each([
    ['sex workers are ugly', 'victims_of_crime'],
    ["he was shoutin' that Poles are vermin lol", 'race_ethnicity'],
    ['Muslims are vermin, hate team can do one', 'religion'],
  ])('caught: %s', (t, cat) => expect(categories(t)).toContain(cat));
});
