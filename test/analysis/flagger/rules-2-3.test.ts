import { describe, expect, it } from 'vitest';
import { rulesOnlyFlagger } from './rules-only.js';

// Engine 2.3 rules for the known gaps (docs/flagger.md, Known gaps): each class with sentences written
// for it (our own words, written and measured before the rules) and innocent twins that must stay quiet.
// 2.2.0 got 72 of the 96 right; the misses are what the 2.3 rules were written for.
// The rules alone (the model never flags here): eight sentences the 2.3 rules were credited with were
// in fact flagged by the 2.2 model only, and the retrained model no longer flags them; they are listed
// as known gaps in docs/flagger.md ("a criminal trade as the description", "🐒 with 'zoo'").
const flagger = rulesOnlyFlagger();
const flagged = (t: string): boolean => flagger.classify(t).flagged;

function cases(hateful: string[], quiet: string[]): void {
  it.each(hateful)('flags: %s', (t) => expect(flagged(t)).toBe(true));
  it.each(quiet)('leaves alone: %s', (t) => expect(flagged(t)).toBe(false));
}

describe('gapped threats: a threat verb, the group, then the rest of the verb', () => {
  cases(
    [
      'knock that trans woman out',
      'torch the next Muslim shop',
      "I'd happily run every one of those refugees over",
      'gonna batter that gay lad from the custody suite',
      'someone should burn every synagogue in the town down',
      "I'd love to put that Pakistani shopkeeper through the window",
      'we should bomb every last mosque in Bradford',
      "I'd gladly shoot each and every one of those asylum seekers",
      'run that lesbian couple off the road',
      "I'll smash the next wheelchair user who blocks the aisle",
      "let's stab a few of the Romanians at the car wash",
      'deck the next tranny that walks in',
      "I'd knock every one of those gypsies out cold",
      'somebody should run the next Lithuanian driver off the road',
      "I'd put every Albanian in this town through a wall",
      "let's beat the gay lads up after the match",
    ],
    [
      "knock on that trans woman's door, she reported a burglary",
      'suspect tried to torch the Muslim shop last night, CID attending',
      'the van ran over every one of those cones',
      'someone tried to burn the synagogue down, forensics on scene',
      'we should protect every mosque in Bradford tonight',
      "I'd happily run every one of those refugees to the hospital",
      'shoot the gay officers a message about the rota',
      'who knocked that trans woman out? suspect still outstanding',
      "I'd gladly drive each of those asylum seekers to the hearing",
      'we should check every last mosque in Bradford for the missing boy',
      'put the Romanian caller through to the control room',
      'beat the Polish team in the quiz last night, well done lads',
      'run the Somali witness over to the CPS office',
    ],
  );
});

describe('emoji for a group, for the verb and for the description', () => {
  cases(
    [
      '🐒🐒 all over the estate again',
      '🏳️‍🌈 should be 🔥',
      '🐒 on the high street again, lock up your bikes',
      '👳 = 💣',
      '🏳️‍⚧️ 🤮',
      '✡️ 🐀',
      '🏳️‍🌈 🔫',
      'more 🐒 moving in next door, house prices down again',
      '🏳️‍⚧️ should be 🔪',
      'I want to 🔪 every 🏳️‍⚧️ I see',
      'all 👳 are 💣',
      '🧕 = 🐷',
      'gonna 👊 the next 🏳️‍🌈 that walks in',
      '🐒🐒 moved in across the road, there goes the neighbourhood',
    ],
    [
      '🐒 enclosure at the zoo was great with the kids',
      '🏳️‍🌈 flags up for Pride, well done team',
      'monkeys 🐒🐒 got into the bins at the safari park',
      'the kids loved the 🐒🐒 at the zoo',
      'Pride was 🔥 this year 🏳️‍🌈',
      '🏳️‍⚧️ support group meets on Thursday ❤️',
      'the gorilla 🦍 at the zoo is called Kumbuka',
    ],
  );
});

describe('implicit derogation the lists missed', () => {
  cases(
    [
      // "Is there a single X who is not a <crime word>?": the negation makes the slur universal.
      'is there a single Romanian who is not a thief?',
      "Is there one Albanian who isn't a criminal?",
      // A woman put down for speaking.
      "she's pretty enough, shame she has to open her mouth",
      'new female sergeant, shame she has to open her mouth',
      'shame she has to open her mouth, ruins it every time',
      // A place of a group that should be destroyed.
      'that mosque wants bulldozing',
      'the travellers site on Mill Lane wants bulldozing',
      'that synagogue needs burning down',
      // Group nature: "can't help themselves", "you can always tell", "all look the same".
      "Pakistanis can't help themselves",
      "gay men just can't help themselves around kids",
      "women drivers can't help themselves, always on the phone",
      'you can always tell a Jew',
      'you can always tell a lesbian by the haircut',
      'they all look the same, these Chinese',
      'Chinese people all look the same',
      'Nigerians all look the same to me',
    ],
    [
      'is there a single officer who is not on leave this week?',
      'is there a single Romanian interpreter free tonight?',
      'not every Romanian is a thief',
      'the Romanian who was not a thief gave the wallet back',
      'shame she has to go to court tomorrow',
      "she's lovely, shame she has to leave the team",
      'she was told to keep her mouth shut in interview by her solicitor',
      'that old police station wants bulldozing',
      'the old church wants bulldozing, it is falling down',
      'you can always tell a good detective by their notes',
      'these forms all look the same',
      'the Chinese takeaway menus all look the same',
    ],
  );
});

describe('counter-speech: judging whoever holds the view, and reporting a quoted slur', () => {
  cases(
    [
      'If you ask me Romanians are thieves',
      '"paki" is what they are, report me if you like',
      'Romanians are thieves, if you think otherwise you should not be in this job',
      'If you think Muslims are decent people you should not be in this job',
    ],
    [
      'If you think Romanians are thieves you should not be in this job',
      'If you believe gay people are perverts you have no business in the police',
      'He called her a "paki" in the canteen, I will be reporting it',
      'Someone wrote "tranny" on her locker. I\'m reporting it to PSD.',
      'anyone who says Muslims are terrorists should not be wearing the uniform',
      'he said "the blacks are animals" in the briefing and I am reporting him',
      'If you think the rota is fair you should not be in this job',
      'Whoever wrote "Pakis out" on the van, I\'m reporting you',
      'someone shouted "go back to Africa" at the victim, I will be reporting it as a hate crime',
    ],
  );
});

// Second round, written after the rules above to check that they fixed classes, not sentences:
// 2.3 work in progress got 49 of 54 right before the two fixes that followed (a past time makes a
// gapped "set … alight" an account; "show me one X who pays tax"). Left out, the model's own flags:
// "I'd knock on every door on that Muslim estate for the appeal" (0.86) and "the kids' camp by the
// river needs tidying" (0.82); and a miss no rule reads: "if you think trans women are women you
// should not be a cop".
describe('second round: the same classes in new words', () => {
  cases(
    [
      'gonna kick that Somali lad to death',
      "let's throw the next Jew off the bridge",
      "I'd push every one of them immigrants under a train",
      'someone needs to set that mosque alight',
      "I'd string every last one of those paedo gays up",
      'we should wipe every single Roma family out',
      "I'm going to beat the next tranny I see black and blue",
      'set the Sikh temple on fire and be done with it',
      'just torch the gypsy caravans',
      "I'll petrol bomb the next Muslim takeaway",
      '🦍🦍 at the bus stop again',
      '🐒 everywhere in this town now',
      '🏳️‍🌈 = 🤢',
      '🏳️‍⚧️ deserve 🔫',
      'all ♿ should be 🔥',
      '🧕🧕 🐀🐀',
      "I'd 🔪 every 👳 on the street",
      '👳‍♂️ 💣💥',
      'show me one Gypsy who pays tax',
      'name a single Albanian who works for a living',
      "find me a Muslim who isn't a terrorist sympathiser",
      "women just can't help themselves, always gossiping",
      "it's in their genes, the Irish, drunks the lot of them",
      'you can always spot a gay by the walk',
      'shame she opens her mouth, would be perfect otherwise',
      'that gurdwara wants flattening',
      "the Romanians' camp by the river needs bulldozing",
      'if you reckon Travellers are all thieves you are spot on',
      'anyone who thinks women can do the job is deluded',
    ],
    [
      'the Somali lad was kicked to death last year, inquest today',
      'throw the Jewish community leader a line about the event',
      'someone set the mosque alight last night, arson team on scene',
      'set the Sikh temple visit up for Tuesday',
      "wipe the Roma family's details off the system, wrong address",
      "push the Polish lads' case under the DI's nose",
      "let's beat the Pakistani cricket team on Sunday",
      'the 🦍 documentary was brilliant last night',
      '🐒 nicked my sunglasses at the safari park',
      '🏳️‍🌈 ❤️ proud to be on the LGBT network',
      '♿ parking bays are full again',
      '🧕 officer joined the team today, welcome 🎉',
      'is there a single Nigerian interpreter who is not booked?',
      'you can always tell a Muslim colleague if you need to swap a shift',
      'she had to open her mouth for the dentist',
      'that derelict pub wants flattening',
      'you can always spot a fake Rolex',
      "it's in their genes, the whole family are tall",
      'name one Muslim who won gold at the Olympics',
      'is there a single Polish officer who works nights?',
      'find me a Romanian interpreter who is free on Friday',
      "anyone who thinks women can't do the job should hand in your warrant card",
      'if you reckon Travellers are all thieves you are in the wrong job',
      'whoever says gay lads are perverts is the problem here',
      'she called him a "faggot" on the group chat, reporting it now',
    ],
  );
});

// Third round, HatemojiCheck's kinds in our own words: an emoji for the group, for the verb, for the
// description, and their quiet twins. 32 of 34 right before the two fixes that followed: an emoji that
// opens a clause is an imperative only before its object ("🔥 alarm at the mosque" is no threat), and a
// group emoji before a thing it labels is no target ("♿ access at the station is rubbish").
describe('third round: emoji for the group, the verb and the description', () => {
  cases(
    [
      'I hate 🏳️‍⚧️',
      '🏳️‍🌈 are disgusting',
      'kill all 🧕',
      'I want to 🔫 every gay person',
      "I'm going to 🔪 the next Muslim I see",
      'women are 🐀',
      'gay people are 🤮',
      'Jews are 💩',
      'disabled people are 🗑️',
      'trans people make me 🤮',
      'Muslims = 🐍',
      'all ♿ people are 🤡',
      'black people 🐒🐒',
      'immigrants are 🦠',
      '🏳️‍🌈 people should be 🔥 alive',
      'gonna 🔫 those 🏳️‍⚧️ freaks',
      "I'd 👊 any 🏳️‍🌈 who looked at me",
      'women belong in the 🍳',
      'Muslims 🚫 in this country',
      '🕌 should be 💣',
    ],
    [
      'gay people are not 🐀',
      'I ❤️ 🏳️‍🌈',
      '🏳️‍⚧️ people are 👍',
      'Muslims are 🔥 at cricket',
      'women are 💪',
      'trans people are not 🤮, they are people',
      'my 🐀 escaped from its cage again',
      'the 🐍 at the reptile house was huge',
      '🍳 breakfast at the canteen is back',
      '🚫 parking on the double yellows outside the mosque',
      '🔥 alarm at the mosque again, false alarm',
      "saw a 🤡 at the kids' party, disabled lad loved it",
      '♿ access at the station is rubbish',
      'the 💩 emoji is what he sent the Muslim victim, crime report raised',
    ],
  );
});

// Fourth round, counter-speech: a quoted slur the sender says they are reporting (2.2.0 flagged
// "'paki' in the group chat again. I will be reporting it."), more ways of judging whoever holds a
// view, and the hateful twins. 17 of 21 right before the fixes that followed.
describe('fourth round: quoted and reported, and judged holders', () => {
  cases(
    [
      '"faggot" fits him perfectly lol',
      'he\'s a "paki" and always will be',
      "I'll be reporting for duty, the faggots can wait",
      'report me then, Muslims are vermin',
      'I will be reporting nothing, gays are disgusting',
      'if you think about it, Somalis are all scroungers',
      'people who think gay officers are equal have no place in this force',
      'I will be reporting for duty tomorrow, "faggots" everywhere in that nick',
      'if you think about it, Somalis are scroungers, anyone who says otherwise is naive',
    ],
    [
      '"faggot" was written on his locker. I will be reporting it',
      "'paki' in the group chat again. I will be reporting it.",
      'Just saw "tranny" on the whiteboard, I will be reporting it',
      '"spastic" - said in the briefing by a sergeant. I\'ll be reporting it',
      'Whoever posted "dirty gypos" in here, I\'ll be reporting it to PSD',
      '"go back to your own country" was shouted at her. I will be reporting it',
      'the word "poof" was used in the canteen today, I will be reporting it',
      "he keeps calling the new DC a 'dyke', I will be reporting it",
      '"Muslims are vermin" - that\'s what was posted, I will be reporting it',
      'If you think Somalis are all on benefits you need to have a word with yourself',
      "if you believe women can't police you are a disgrace to the uniform",
      'people who think trans women are men have no place in this force',
      'anyone who calls gay officers poofs should be sacked',
      'if you think about it, anyone who says Somalis are scroungers should be sacked',
    ],
  );
});

// Fifth round, precision: the quiet twins of the new rules and terms, and new hateful wordings. 19 of
// 30 right before the fixes that followed (a thing of theirs as the object: "knock the Romanian lad's
// statement out"; a noun after a clause-opening threat word: "torch batteries"; "spot a" needs the
// group word straight after; an inquest or court is no put-down; estates and streets are places; "knock
// … about"; "put their windows through"). Still flagged, left out: "gay officers can't help themselves
// from volunteering at Pride, good on them" (the praise after it is not read).
describe('fifth round: quiet twins of the new rules, and new wordings', () => {
  cases(
    [
      'that whole Somali estate wants bulldozing',
      "I'd drive every one of those pikeys out of town",
      "let's knock a few Pakistanis about",
      "someone should put that Muslim family's windows through",
      "never met a Muslim who wasn't a liar",
      "Romanians just can't help themselves, it's in their genes",
      'pity she has to open her mouth, women should be seen not heard',
    ],
    [
      "it's in their nature to help, the Sikh volunteers fed half the town",
      'kindness is in their genes, that Polish family next door',
      'you can always tell a Muslim officer when Ramadan starts, they look shattered',
      "the Muslim lad couldn't help himself, he was crying at the memorial",
      'you can always spot a Jewish holiday by the empty synagogue car park',
      'the Muslim shop wants a new sign',
      'torch batteries for the Muslim shop search, bring spares',
      'the traveller site needs a new water supply',
      "knock the Romanian lad's statement out by lunch please",
      "run the Somali family's address over the PNC",
      'put the Polish lad through to the front desk',
      'set the gay liaison officer up with a desk',
      "can someone beat the Jewish community leader's record at the fun run",
      'throw the Muslim family a leaving party',
      'kick the trans awareness training off on Monday',
      "finish the Albanian interpreter's paperwork off please",
      '🐒 emoji sent to the black victim, hate crime report raised',
      'he posted 🐒🐒 under her photo, racist abuse logged',
      'is there a single Muslim officer who is not on nights this week?',
      "never met a Sikh who wasn't generous",
      'shame she has to open her mouth at the inquest, it will upset her',
    ],
  );
});

// Sixth round, written last and measured untouched as the fairest estimate of the 2.3 rules on new
// wording in these classes: 25 of 28 right (2.2.0: 18). Then fixed: "run … off the estate" and a
// strong threat phrase against a group's place needs intent and no past time ("someone set fire to the
// Muslim shop last week" is an account; the place targets had made it a flag). Left out, the model's
// own flag: "I'd happily drive every one of those refugees to the station" (0.86).
describe('sixth round: fresh wording, measured before any fix', () => {
  cases(
    [
      'someone wants to throw that gay couple in the canal',
      "let's run a few of the Somalis off the estate for good",
      "I'm going to smash the next Muslim I see's face in",
      'we should set the whole gypsy camp alight',
      'the synagogue on Park Road needs flattening',
      '🐒🐒🐒 taking over the high street',
      '🦍 in the queue at the job centre again',
      '🏳️‍⚧️ 🔫🔫',
      'every 🧕 = 💣',
      'show me one Roma who has a job',
      "trans women can't help themselves, always making a scene",
      'you can always tell a dyke by the shoes',
      'shame she has to open her mouth, the new DS, ruins the view',
    ],
    [
      'If you reckon gay officers are a problem you need your head testing',
      'anyone who thinks Somalis are all criminals has no place in the job',
      '"Romanian scum" was written on her car. I\'m reporting it to PSD',
      "he said 'spaz' on the radio today, I have reported it",
      'someone set fire to the Muslim shop last week, arson enquiries ongoing',
      "throw the Somali family's bins in the lorry please",
      'the new female DS is great, shame she has to leave us',
      '🐒 and 🦁 at the zoo today with my daughter',
      'you can always tell a Polish officer the address in Polish, it helps',
      'show me one interpreter who is free on Saturday',
      'run the Muslim chaplain over to the hospital please',
      "knock the gay bar's licence review out by Friday",
    ],
  );
});
