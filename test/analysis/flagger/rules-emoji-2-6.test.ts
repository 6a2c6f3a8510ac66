import { describe, expect, it } from 'vitest';
import { flaggedAs, quiet } from './flag-expect.js';

// Emoji, session 9 (emoji terms 1.3.0): HatemojiCheck-style classes, in sentences of our own over the
// seven groups (women, trans people, gay people, black people, disabled people, Muslims, immigrants), in
// general and UK police register, each hateful class with quiet twins. The whole flagger is used (the
// blind sets are scored that way). Before the change (emoji 1.2.0) 147 of the first 185 were right
// (leet 3/14, counter-speech 8/18, stand-ins 15/24); the last round (31) was written after the rules and
// run once: 31/31 (27/31 before). Three that stay missed are listed in docs/flagger.md.

describe('an emoji as the insult said of a group (animal, dirt, vomit), also as the predicate far from its group', () => {
  it.each([
    ['women are all 🐍 the lot of them', 'sex_women'],
    ['trans people are 🤡🤡🤡', 'gender_identity'],
    ['gay blokes make me 🤮', 'sexual_orientation'],
    ['black people are 🦍', 'race_ethnicity'],
    ['disabled people are 🥔🥔', 'disability'],
    ['muslims are 🐖🐖', 'religion'],
    ['immigrants are 🐀🐀 spreading everywhere', 'race_ethnicity'],
    ['the female PCs on B shift are proper 🐄🐄', 'sex_women'],
    ['that trans lot at the diversity day were 🤢', 'gender_identity'],
    ['another load of migrants at the custody desk, absolute 🗑️🗑️', 'race_ethnicity'],
    ['gays = 🦠', 'sexual_orientation'],
    ['Muslims smell like 💩', 'religion'],
    ['refugees are 🪱 crawling in under the lorries', 'race_ethnicity'],
    ['trans women are just blokes in dresses 🤮', 'gender_identity'],
    ['wheelchair users 🤮🤮', 'disability'],
    ['lesbians 🤢🤢', 'sexual_orientation'],
    ['black lads in custody again, 🐒🐒', 'race_ethnicity'],
    ['the deaf lot on the new intake are 🐑🐑 following each other about', 'disability'],
    ['women sergeants 🐄', 'sex_women'],
    ['asylum seekers = 🦟🦟', 'race_ethnicity'],
    ['the Somali family who moved in next door last week are absolute 🐷🐷', 'race_ethnicity'],
    ['the trans lot who moved in downstairs are just 🐀', 'gender_identity'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
});

describe('an emoji or flag standing for the group (flags, 🧕, 🏿, ♿, small boats before a word for people, slogans)', () => {
  it.each([
    ['🏳️‍⚧️ are mentally ill', 'gender_identity'],
    ['🏳️‍🌈 should be ashamed of themselves', 'sexual_orientation'],
    ['🇸🇴 are all thieves', 'race_ethnicity'],
    ['👩 are too thick to be on firearms', 'sex_women'],
    ['I hate ♿', 'disability'],
    ['👳‍♂️ = terrorists', 'religion'],
    ['👨🏿 are animals', 'race_ethnicity'],
    ['🇷🇴🇷🇴 nicking everything as usual', 'race_ethnicity'],
    ['🚤 people are parasites', 'race_ethnicity'],
    ['👬 make me sick', 'sexual_orientation'],
    ['the 🏳️‍🌈 brigade are ruining the force', 'sexual_orientation'],
    ['never trust a 🧕', 'religion'],
    ['🧑‍🦽 are a waste of space', 'disability'],
    ['🏿🏿 are criminals', 'race_ethnicity'],
    ['🤰 should not be on response', 'sex_women'],
    ['🕌 lot are all the same, scum', 'religion'],
    ['the 🏳️‍⚧️ crowd are perverts', 'gender_identity'],
    ['too many 🧕 in this town, disgusting', 'religion'],
    ['🦽 users are scroungers', 'disability'],
    ['🇵🇰 out', 'race_ethnicity'],
    ['ban 🕌', 'religion'],
    ['all 🇦🇫 out 🇬🇧🇬🇧', 'race_ethnicity'],
    ['🧕🏿 are dirty', 'religion'],
    ['🚺 are useless', 'sex_women'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
});

describe('a threat carried by an emoji sequence (weapon, death, pointer or fuel before 🔥)', () => {
  it.each([
    ['women 🔪🩸', 'sex_women'],
    ['trans people 👉🔫', 'gender_identity'],
    ['gays 🪢🪢', 'sexual_orientation'],
    ['🕌 ➡️ 💥💥', 'religion'],
    ['black people 🪢🌳', 'race_ethnicity'],
    ['♿ 🔫😂', 'disability'],
    ['every 🧕 I see 👊👊', 'religion'],
    ['muslims 🔫🔫🔫 all of them', 'religion'],
    ['trans 🔪🔪', 'gender_identity'],
    ['queers ⚰️⚰️⚰️', 'sexual_orientation'],
    ['blacks ➡️ 🔥', 'race_ethnicity'],
    ['women drivers 🚗💥💀', 'sex_women'],
    ['immigrants 👉 🌊🚤 👉 🦈', 'race_ethnicity'],
    ['disabled 🔫🔫', 'disability'],
    ['🏳️‍🌈 ➡️ 🔥', 'sexual_orientation'],
    ['🕌⛽🔥', 'religion'],
    ['the trans lads 👉🔥', 'gender_identity'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
});

describe('a hateful statement with supporting emoji appended', () => {
  it.each([
    ['gays are disgusting 👍', 'sexual_orientation'],
    ['trans people are freaks 👏👏', 'gender_identity'],
    ['immigrants should all be deported 🇬🇧💪', 'race_ethnicity'],
    ['Muslims are a cancer ✅', 'religion'],
    ['disabled people are a burden 💯', 'disability'],
    ['black people ruin everything 🙄🙄', 'race_ethnicity'],
    ['women belong in the kitchen 😂😂😂', 'sex_women'],
    ['migrants are parasites 🤷‍♂️', 'race_ethnicity'],
    ['queers should be locked up 🙏', 'sexual_orientation'],
    ['trans women are not real women 💯💯', 'gender_identity'],
    ['deaf people are thick 🤣', 'disability'],
    ['muslims are all terrorists 😤😤', 'religion'],
    ['gay officers are an embarrassment 😡', 'sexual_orientation'],
    ['black people are criminals 👌', 'race_ethnicity'],
    ['Agreed about the Somalis, ship em all out 👏👏', 'race_ethnicity'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
});

describe('an emoji typed inside a word stands for a letter ("w⭕men", "mu💲lims", "f💩gs")', () => {
  it.each([
    ['I hate w⭕men', 'sex_women'],
    ['f💩gs everywhere tonight', 'sexual_orientation'],
    ['trann💩es are disgusting', 'gender_identity'],
    ['p💩kis are scum', 'race_ethnicity'],
    ['ret🍑rds should stay indoors', 'disability'],
    ['mu💲lims are vermin', 'religion'],
    ['imm❗grants are vermin', 'race_ethnicity'],
    ['m⭕ngs on the bus again', 'disability'],
    ['k🔫ll all muslims', 'religion'],
    ['wom💩n are useless', 'sex_women'],
    ['h❤️te gays', 'sexual_orientation'],
    ['tr⭕nnies are freaks', 'gender_identity'],
    ['d🌈kes are vile', 'sexual_orientation'],
    ['n🐒ggers are animals', 'race_ethnicity'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
});

describe('an emoji standing for the hostile verb (🔪 🔫 👊 💣 🔥 🪓)', () => {
  it.each([
    ['I would 🔪 every trans person I meet', 'gender_identity'],
    ['we should 🔫 the lot of them, immigrants', 'race_ethnicity'],
    ['someone needs to 👊 that gay bloke', 'sexual_orientation'],
    ['I want to 🔥 every mosque in town', 'religion'],
    ['gonna 🔫 some muslims tonight', 'religion'],
    ['women like her need 👊', 'sex_women'],
    ['lets 💣 the mosque', 'religion'],
    ['I will 🔪 any black lad who looks at me', 'race_ethnicity'],
    ['would happily 🔫 every migrant on that boat', 'race_ethnicity'],
    ['somebody should 🪓 the disabled', 'disability'],
    ['time to 🔪 some gays', 'sexual_orientation'],
    ['I will 👊 the next woman who gives me lip', 'sex_women'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
});

describe("counter-speech with emoji: anger or disapproval at hate framed as someone else's words", () => {
  it.each([
    "someone wrote 'women are 🐍' on the canteen board 😡 disgraceful",
    'people calling Muslims 🐷 online 🤬🤬 it is vile',
    '"gays are 🤮" seriously? 👎👎 report it',
    '🚫 racism. calling black people 🐒 is never ok',
    'sick of seeing trans people called 🤡 on here 😡',
    'whoever said immigrants are 🐀 needs sacking 🤬',
    'that comment about disabled people was out of order 👎',
    'hating gay people is pathetic 🙄👎',
    '🚫🚫 no place for hate against Muslims in this force',
    "just saw someone post 'women 🔪' on the group 😡 reported to PSD",
    'calling refugees vermin 🤮🤮 disgusting behaviour',
    '❌ homophobia ❌ transphobia ❌ racism',
    'the monkey chants at the match were disgusting 🤬 black players deserve better',
    '😡😡 some idiot in the group chat saying trans people are freaks',
    'people who say women are useless at the job 👎👎👎',
    'gays are vermin?? 🤬 who posted this',
    '"muslims are terrorists" 🤬🤬 not in my force',
    '🚫 hate speech 🚫 calling disabled people 🥔 is not banter',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('negated hate with emoji', () => {
  it.each([
    'women are not 🐍, grow up',
    'Muslims are not terrorists 🙄',
    'no immigrant deserves to be 🔫',
    'trans people are not 🤡 and never were',
    'disabled people are not a burden ❤️',
    'black people are not 🐒, that is a racist trope',
    'gay people are not 🤮 at all',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('hostile emoji at a non-protected target (a team, a thing, a trade)', () => {
  it.each([
    'Tottenham fans are 🐀🐀',
    'politicians 🤮🤮',
    'the new shift pattern 🗑️🗑️',
    'traffic wardens are 🐍',
    'this coffee is 🤮',
    'the custody software is 💩',
    'Arsenal 🤡🤡🤡',
    'burglars 🔫🔫',
    'my ex 🔪🔪 lol',
    'Chelsea 🔥➡️🗑️',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('literal emoji, proud identity emoji and false friends (🐍 at a reptile show, 🔪 for cooking, 🏳️‍🌈 at Pride)', () => {
  it.each([
    'reptile show at the NEC on Saturday 🐍🦎 the kids loved it',
    'chopping onions for the curry 🔪🧅🍛',
    'Pride parade in town today 🏳️‍🌈🎉 so proud of our officers',
    'Trans Day of Visibility 🏳️‍⚧️💖',
    'Eid Mubarak to all our Muslim colleagues 🕌🌙',
    'Black History Month event in the canteen ✊🏿❤️',
    'the ♿ lift at the station is broken again',
    "International Women's Day 👩💪",
    'found a 🐀 in the custody kitchen 🤢',
    'the gun amnesty bin 🔫 is full again',
    'went to the rifle range 🔫🎯 great day',
    'knife crime awareness week 🔪🚫',
    '🇵🇱 food festival this weekend 😋',
    'our 🧕 colleague won officer of the year 🏆',
    'proud to be gay 🏳️‍🌈💪',
    'the 🐒 at Twycross zoo were hilarious',
    'kebab 🔥🔥 after night shift',
    'immigrants built this country 💪❤️',
    'Romanian lad arrested for the 🔪 attack last night',
    'boat trip with the family 🚤🌊 lovely day',
    'w⭕w what a shift',
    'i❤️u babe',
    'cooking 🔪 lessons with the Syrian refugees at the community centre, brilliant',
    'the trans officers network bake sale 🎂🏳️‍⚧️',
    'my sister just came out 🏳️‍🌈❤️ so happy for her',
    'snake 🐍 found in a flat on the estate, RSPCA called',
    'the Muslim lads five a side team smashed it ⚽🔥',
    'women are 🔥 at this job',
    'Tyson Fury 👊👊 what a fight',
    'girls out tonight 🥂🥂',
    'Muslims out in force at the charity run 🏃',
    'Pride 🏳️‍🌈🔥❤️',
    'the Syrian family at number 4 are lovely, the dog is a 🐷 though',
    'putting up shelves 🔨 with the lads from the mosque',
    'that gay officers recruitment video is 🐐',
    'the girls on shift recruitment video is 🐐',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe("hateful look-alikes of the counter-speech frames: the sender's own view with an angry emoji", () => {
  it.each([
    ['I said it before, immigrants are 🐀 😡', 'race_ethnicity'],
    ['gays are vermin 😡😡', 'sexual_orientation'],
    ['they called the police on me, immigrants are vermin 😡', 'race_ethnicity'],
    ['people say women are useless and they are right 😡', 'sex_women'],
    ['someone said muslims are terrorists 😂😡', 'religion'],
    ['"refugees welcome" 🤬 send them all back', 'race_ethnicity'],
    ['trans people are freaks 🤬🤬 who let them in', 'gender_identity'],
    ['scrolling past yet another post about trans women 👎🤮', 'gender_identity'],
    ['she rang in because a neighbour called her a paki. get over it love 😡', 'race_ethnicity'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
  it.each(['we call them 🐒 round here 😡'])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});

describe('a last round written after the rules and run once untouched (before the change 27 of 31 right)', () => {
  it.each([
    ['our new neighbours from Eritrea are 🐀🐀 honestly', 'race_ethnicity'],
    ['the lesbian couple at number 9 🤢🤢🤢', 'sexual_orientation'],
    ['🏳️‍⚧️🏳️‍⚧️ = 🤡🤡', 'gender_identity'],
    ['♿♿ scroungers the lot', 'disability'],
    ['every 🧕 in this town 👉🔫', 'religion'],
    ['Sgt said the WPCs are all 🐄 😂', 'sex_women'],
    ['migrants 🪳🪳 crawling off the lorries at Dover', 'race_ethnicity'],
    ['bl💩cks are thugs', 'race_ethnicity'],
    ['gonna 🔪 a tr🅰️nny tonight', 'gender_identity'],
    ["I'd happily 💣 every mosque in Bradford", 'religion'],
    ['gypsies = 🗑️', 'race_ethnicity'],
    ['deaf people are all 🥔', 'disability'],
    ['the Pakistanis on the Lea estate are 🐖', 'race_ethnicity'],
    ['trans women 👉 🪦', 'gender_identity'],
    ['🏳️‍🌈 lot make me 🤮', 'sexual_orientation'],
    ['asylum seekers should be 🔫 at the beach', 'race_ethnicity'],
    ['Muslims r 💩', 'religion'],
    ['women are only good for 🍳 and 🛏️', 'sex_women'],
    ['h0m🅾️s are disgusting', 'sexual_orientation'],
  ])('flagged: %s (%s)', (t, c) => expect(flaggedAs(t, c)).toBe(true));
  it.each([
    'Nobody should call disabled people 🥔, that is vile 😡',
    'screenshot of him calling the Somali lad a 🐒 has gone to PSD 🤬',
    "my nan's 🐷 figurine collection is mad",
    'cooking 🐖 roast for the team, 🍖 in the oven',
    '🏳️‍⚧️ flag flying at the station this week ❤️',
    'Spurs fans are 🐍🐍 always have been',
    'the 🐀 in the custody suite is back 🤢',
    "can't believe people still say Muslims are 🐷 in 2026 🤦",
    'women in policing conference, absolute 🔥 speakers',
    "refugees are not 🪳, they're people 😡",
    'lads from the mosque brought 🍛 for the night shift ❤️',
    'the Nigerian family reported a 🔪 found in their garden',
  ])('quiet: %s', (t) => expect(quiet(t)).toBe(true));
});
