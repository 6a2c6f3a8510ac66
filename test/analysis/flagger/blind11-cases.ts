/**
 * Eleventh-round blind check, written on 7 Dec 2026 by a new, independent author who had read none of
 * the engine (src/analysis/flagger/), its data (data/flagger/), its docs or the other case files: only
 * the row format and builder in blind-build.ts, the first 25 lines of blind9-cases.ts (header and
 * import style) and the list of category names in src/contract/coding.ts. Written in one sitting and
 * never run through the flagger before it was committed, so its first measurement is an honest figure
 * on wording nobody tuned on.
 *
 * An emoji set in the manner of a functional test suite: each row is one kind of phrasing in which an
 * emoji carries some of the meaning. 140 hateful lines, 20 for each of seven target groups (women,
 * trans people, gay people, black people, disabled people, Muslims, immigrants), 20 for each of seven
 * functionalities: emoji_verb (the emoji is the hostile verb), emoji_identity (the emoji or flag is
 * the group), emoji_descriptor (the emoji is the insult), emoji_appended (hate, then emoji that back
 * it), emoji_positive_with_hate (hate, then laughing or heart emoji), emoji_leet (an emoji stands for
 * letters inside a slur) and emoji_threat (a threat told in emoji). emoji_threat lines must be
 * reported as violence_threat; every other hateful line, emoji_verb included (the group is the point
 * there), as the group's category (immigrants as race_ethnicity). 90 quiet lines, 15 for each of
 * emoji_positive, emoji_neutral_identity, emoji_literal, emoji_counter, emoji_negated and
 * emoji_nongroup. Mostly short general posts; about a quarter in the register of a UK police response
 * team's WhatsApp group.
 *
 * Content warning: slurs, dehumanising insults, threats and hateful statements are test data here.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import { buildBlindCases, type BlindRow as Row } from './blind-build.js';

const HATEFUL: Row[] = [
  // women (20)
  ['emoji_verb', "women who answer back just need a good 👊 to remind them who's boss", 'sex_women'],
  ['emoji_verb', 'feminists should all get 🔪 and the world would be a lot quieter', 'sex_women'],
  ['emoji_verb', 'give every female probie a 🤜 till she stops crying in the back of the van', 'sex_women'],
  [
    'emoji_identity',
    '🚺 drivers are the reason the bypass is jammed every morning, useless the lot',
    'sex_women',
  ],
  ['emoji_identity', 'never put a 👩 in charge of anything that matters, they go to pieces', 'sex_women'],
  [
    'emoji_identity',
    "another 👮‍♀️ fast tracked to skipper for the quota, she couldn't cuff a drunk",
    'sex_women',
  ],
  ['emoji_descriptor', 'women over thirty are just 🐄 with handbags', 'sex_women'],
  ['emoji_descriptor', 'every woman banging on about equal pay is a 🐍 after your wallet', 'sex_women'],
  ['emoji_descriptor', 'the women on B shift are a pack of 🐀 grassing to PSD over every joke', 'sex_women'],
  ['emoji_appended', 'women belong in the kitchen and nowhere near a boardroom 🍳👠', 'sex_women'],
  ['emoji_appended', "girls shouldn't be allowed to vote, they'd pick whoever's fittest 🙄💅", 'sex_women'],
  ['emoji_appended', "women can't do public order, end of 🤷‍♂️💯", 'sex_women'],
  [
    'emoji_positive_with_hate',
    "a woman's opinion is worth less than the chair she sits on 😂😂😂",
    'sex_women',
  ],
  ['emoji_positive_with_hate', 'women are only good for cooking and one other thing 😂❤️', 'sex_women'],
  [
    'emoji_positive_with_hate',
    'skipper reckons female officers are only there for the recruitment photos 😂😂 not wrong ❤️',
    'sex_women',
  ],
  ['emoji_leet', 'every single one of them is a gold digging wh🅾️re', 'sex_women'],
  ['emoji_leet', "women are all dumb bℹ️tches who can't park", 'sex_women'],
  ['emoji_leet', 'control room is full of useless sl🅰️gs, lost my call three times tonight', 'sex_women'],
  ['emoji_threat', 'feminists marching on saturday 👉🔫💥 be there', 'violence_threat'],
  ['emoji_threat', 'next bird who turns me down 🔪🩸⚰️', 'violence_threat'],

  // trans people (20)
  ['emoji_verb', 'trans women using the ladies deserve a 👊 on sight', 'gender_identity'],
  ['emoji_verb', 'every man in a dress should be 🔥 along with their pronoun badges', 'gender_identity'],
  [
    'emoji_verb',
    "custody skipper says if the trans one kicks off again he'll 🥾 her round the cell",
    'gender_identity',
  ],
  ['emoji_identity', '🏳️‍⚧️ people are mentally ill and need locking up, not surgery', 'gender_identity'],
  ['emoji_identity', 'keep 🏳️‍⚧️ away from kids, groomers every one of them', 'gender_identity'],
  [
    'emoji_identity',
    'another 🏳️‍⚧️ moaning we misgendered them in custody, should be sectioned',
    'gender_identity',
  ],
  ['emoji_descriptor', 'trans people are just 🤡 in wigs', 'gender_identity'],
  ['emoji_descriptor', 'trans women are 👹 pretending to be ladies', 'gender_identity'],
  [
    'emoji_descriptor',
    'the trans one in cell 4 is a proper 🦖, took three of us to search it',
    'gender_identity',
  ],
  [
    'emoji_appended',
    'there are two genders and anyone saying otherwise is delusional 🚹🚺🚫',
    'gender_identity',
  ],
  ['emoji_appended', 'trans people should be banned from every hospital ward 🙅‍♂️🚫', 'gender_identity'],
  [
    'emoji_appended',
    "pronoun badges on the uniform now, what a joke, they're all perverts 🤬👎",
    'gender_identity',
  ],
  [
    'emoji_positive_with_hate',
    'trans kids are just confused and their parents should be prosecuted 😂😂',
    'gender_identity',
  ],
  ['emoji_positive_with_hate', "she's a he and always will be 🤣🤣💀", 'gender_identity'],
  [
    'emoji_positive_with_hate',
    "bloke in a frock in custody insisting he's a woman, what a freak 😂😂",
    'gender_identity',
  ],
  ['emoji_leet', 'tr🅰️nnies should stay out of our changing rooms', 'gender_identity'],
  ['emoji_leet', 'the she-m🅰️le in cell 3 wants a female searcher lol', 'gender_identity'],
  ['emoji_threat', 'see a 🏳️‍⚧️ at the march ➡️ 🔪🔪🩸', 'violence_threat'],
  ['emoji_threat', 'trans activists outside the clinic tomorrow 🪓🪓🪓 bring it', 'violence_threat'],
  ['emoji_threat', 'if that trans activist turns up at the front counter again 👊👊🩸', 'violence_threat'],

  // gay people (20)
  ['emoji_verb', 'two lads holding hands on my street, should 👊 the pair of them', 'sexual_orientation'],
  ['emoji_verb', 'gay men should be 🪨 like the old laws said', 'sexual_orientation'],
  [
    'emoji_verb',
    "if the pride lot block the high street again I'm 🚐💨 straight through them",
    'sexual_orientation',
  ],
  ['emoji_identity', "🏳️‍🌈 people shouldn't be allowed anywhere near schools", 'sexual_orientation'],
  ['emoji_identity', 'the 🏳️‍🌈 mob are ruining this country', 'sexual_orientation'],
  [
    'emoji_identity',
    "inspector's wearing a 🏳️‍🌈 lanyard now, must be one of them, don't bend over near him",
    'sexual_orientation',
  ],
  ['emoji_descriptor', 'gays are 🦠 spreading through society', 'sexual_orientation'],
  ['emoji_descriptor', "lesbians are just 🐖 who couldn't get a man", 'sexual_orientation'],
  [
    'emoji_descriptor',
    'the lesbian couple from the collision report were 🤮🤮 honestly',
    'sexual_orientation',
  ],
  ['emoji_appended', 'being gay is a sin and a disease 🤢🙏', 'sexual_orientation'],
  ['emoji_appended', 'gay marriage was the beginning of the end for this country 👎😡', 'sexual_orientation'],
  ['emoji_appended', 'never trust a gay copper to have your back in a fight 🙅‍♂️💯', 'sexual_orientation'],
  ['emoji_positive_with_hate', 'gay men are all paedos waiting to happen 😂😂', 'sexual_orientation'],
  [
    'emoji_positive_with_hate',
    'new probie is a bender, keep your back to the wall lads 🤣🤣❤️',
    'sexual_orientation',
  ],
  ['emoji_leet', 'f🅰️ggots should keep it behind closed doors', 'sexual_orientation'],
  ['emoji_leet', 'that whole bar is full of p🅾️ofs', 'sexual_orientation'],
  [
    'emoji_leet',
    'the gay bar on the high st is a den of b🅾️tty b🅾️ys, let them sort their own fights out',
    'sexual_orientation',
  ],
  ['emoji_threat', "🏳️‍🌈 parade on sunday 💣💥 can't wait", 'violence_threat'],
  ['emoji_threat', 'gay bar chucking out time 🔪🔪 waiting outside', 'violence_threat'],
  ['emoji_threat', 'if I find out the new DC is a poof 👉🔫 not even joking', 'violence_threat'],

  // black people (20)
  ['emoji_verb', 'black lads on the estate should all get 🔫 and save us the paperwork', 'race_ethnicity'],
  ['emoji_verb', 'every black family that moves onto my road will get 🔥 out', 'race_ethnicity'],
  ['emoji_verb', 'stop every black lad on the estate and 👊 any that mouth off', 'race_ethnicity'],
  ['emoji_identity', '✊🏿 people bring crime wherever they go', 'race_ethnicity'],
  ['emoji_identity', 'never trust anyone with a 🏿 skin tone, born thieves', 'race_ethnicity'],
  [
    'emoji_identity',
    "another 👨🏿 in custody for a stabbing, no surprise, it's in their blood",
    'race_ethnicity',
  ],
  ['emoji_descriptor', 'black footballers are 🐒🐒 in boots', 'race_ethnicity'],
  ['emoji_descriptor', 'the black family next door are a pack of 🦍', 'race_ethnicity'],
  [
    'emoji_descriptor',
    'the black lads on the estate were acting like 🐒🐒 again, had to call the dogs',
    'race_ethnicity',
  ],
  ['emoji_appended', 'black people are lazy and live off benefits 🙄💯', 'race_ethnicity'],
  ['emoji_appended', "blacks do all the knife crime in London, the stats don't lie 📊🤷‍♂️", 'race_ethnicity'],
  ['emoji_positive_with_hate', "black people can't swim, it's just facts 😂😂", 'race_ethnicity'],
  ['emoji_positive_with_hate', 'send every black family back to africa 😂❤️', 'race_ethnicity'],
  [
    'emoji_positive_with_hate',
    'sarge said the black lad ran so fast he must have nicked the trainers 🤣🤣',
    'race_ethnicity',
  ],
  ['emoji_leet', 'nℹ️ggers ruin every area they move into', 'race_ethnicity'],
  ['emoji_leet', 'the c🅾️ons were all over the carnival', 'race_ethnicity'],
  ['emoji_leet', 'w🅾️gs in the takeaway kicked off again, lock em all up', 'race_ethnicity'],
  ['emoji_threat', 'black family moving into number 12 🔥🏠🔥 welcome to the street', 'violence_threat'],
  ['emoji_threat', 'black lads on my street 🪢🌳 soon', 'violence_threat'],
  ['emoji_threat', 'next ✊🏿 protester who spits at me 🔫💀', 'violence_threat'],

  // disabled people (20)
  ['emoji_verb', 'people on disability benefits should be 🔫, scroungers the lot', 'disability'],
  ['emoji_verb', 'someone should 🦶 the cripple out of his chair and see if he walks', 'disability'],
  ['emoji_verb', "autistic lad in custody wouldn't stop rocking, should have 👊 it out of him", 'disability'],
  ['emoji_identity', '♿ people are a drain on the NHS and everyone knows it', 'disability'],
  ['emoji_identity', '🦽 users think the world owes them a living', 'disability'],
  [
    'emoji_identity',
    "another ♿ badge in the bay outside the nick, they're all faking it for free parking",
    'disability',
  ],
  [
    'emoji_descriptor',
    'people with learning disabilities are 🥦 and should be treated like it',
    'disability',
  ],
  [
    'emoji_descriptor',
    'the mental health lot we section every week are 🐑, total waste of space',
    'disability',
  ],
  ['emoji_appended', "disabled people shouldn't be allowed to have children 🚫👶", 'disability'],
  ['emoji_appended', 'deaf people are thick, no way round it 🤷‍♀️👂', 'disability'],
  [
    'emoji_appended',
    'MH jobs are just nutters wasting our time, lock the doors and leave them 🔒🙄',
    'disability',
  ],
  ['emoji_positive_with_hate', 'blind people are completely useless 😂😂', 'disability'],
  ['emoji_positive_with_hate', 'autistic kids should be kept out of normal schools 😂👍', 'disability'],
  [
    'emoji_positive_with_hate',
    'bloke in the wheelchair said we were discriminating, told him to stand up for himself 🤣🤣 cripple',
    'disability',
  ],
  ['emoji_leet', 'special schools are for r3️⃣tards', 'disability'],
  ['emoji_leet', 'all the sp🅰️stics at the day centre should be left there', 'disability'],
  ['emoji_leet', 'another m🅾️ng on the missing persons list, not looking', 'disability'],
  ['emoji_threat', 'wheelchair users blocking the pavement ➡️ 🚗💥 next time', 'violence_threat'],
  ['emoji_threat', 'the day centre full of nutters 🔥🏚️ one match is all it takes', 'violence_threat'],
  ['emoji_threat', 'autistic kid next door screaming again 🔪 gonna shut it up for good', 'violence_threat'],

  // Muslims (20)
  ['emoji_verb', 'every muslim in this country should be 🔫 before they do it to us', 'religion'],
  ['emoji_verb', 'muslims praying in the street should be 🪓 where they kneel', 'religion'],
  ['emoji_verb', 'mosque lot kicked off at the checkpoint, should 🥊 every one of them', 'religion'],
  ['emoji_identity', '🧕 women are a security risk and should be searched at every shop', 'religion'],
  ['emoji_identity', 'briefing today was all ☪️ this and ☪️ that, they all want us dead anyway', 'religion'],
  ['emoji_descriptor', 'muslims are 🐀 breeding in every city', 'religion'],
  ['emoji_descriptor', 'muslims are 🐐 shaggers, every one', 'religion'],
  ['emoji_descriptor', 'the muslim cabbie we nicked was a proper 🪳, they all are', 'religion'],
  ['emoji_appended', 'islam is a religion of paedos and terrorists 💣🕌', 'religion'],
  ['emoji_appended', "muslims can't integrate and never will 🇬🇧🚫", 'religion'],
  ['emoji_appended', 'every muslim is a terrorist in waiting, prove me wrong 💣🤷‍♂️', 'religion'],
  ['emoji_positive_with_hate', 'muslims are all bombers in training 😂😂', 'religion'],
  ['emoji_positive_with_hate', 'burning a quran outside the mosque would make my week 😍🔥', 'religion'],
  [
    'emoji_positive_with_hate',
    'told the muslim lad in custody his halal meal was pork 🤣🤣 they deserve it the lot of them',
    'religion',
  ],
  ['emoji_leet', 'the t🅾️welheads have bought up the whole street', 'religion'],
  ['emoji_leet', 'send the muzzℹ️es home', 'religion'],
  ['emoji_leet', 'the r🅰️gheads at the mosque are hiding something', 'religion'],
  ['emoji_threat', '🕌 + 💣 = 💥 friday prayers', 'violence_threat'],
  ['emoji_threat', 'next muslim I see in a burka 🔪🔪🩸', 'violence_threat'],
  ['emoji_threat', "mosque on tanner street 🔥🔥 tonight, who's in", 'violence_threat'],

  // immigrants (20)
  ['emoji_verb', 'the small boats should be 💣 before they get near dover', 'race_ethnicity'],
  [
    'emoji_verb',
    "illegals in the back of the lorry, should've 🔫 them and saved the Home Office the bother",
    'race_ethnicity',
  ],
  ['emoji_identity', '🚣‍♂️ arrivals are all criminals and rapists', 'race_ethnicity'],
  ['emoji_identity', 'every 🛶 that lands is another lot of scroungers on our benefits', 'race_ethnicity'],
  [
    'emoji_identity',
    'another hotel full of the 🚤 lot, and guess who gets called when they riot',
    'race_ethnicity',
  ],
  ['emoji_descriptor', 'immigrants are 🐀 scuttling into our towns off the lorries', 'race_ethnicity'],
  ['emoji_descriptor', 'migrants are 🦗 eating everything in their path', 'race_ethnicity'],
  ['emoji_descriptor', 'the polish lot at the car wash are 🐷 living twenty to a house', 'race_ethnicity'],
  ['emoji_appended', 'immigrants should go back where they came from 🇬🇧🇬🇧✋', 'race_ethnicity'],
  ['emoji_appended', 'foreigners are ruining this country and nobody dares say it 😡😡', 'race_ethnicity'],
  ['emoji_appended', 'half the jobs on nights are illegals, deport the lot 👋✈️', 'race_ethnicity'],
  ['emoji_positive_with_hate', 'immigrants only come here for the free houses 😂😂', 'race_ethnicity'],
  [
    'emoji_positive_with_hate',
    'migrants drowning in the channel is the best news all week 😂❤️',
    'race_ethnicity',
  ],
  ['emoji_positive_with_hate', 'wish border force would sink a few of them boats 🤣🤣👍', 'race_ethnicity'],
  ['emoji_leet', 'r🅰️pefugees everywhere you look now', 'race_ethnicity'],
  ['emoji_leet', 'get the inv🅰️ders out of our country', 'race_ethnicity'],
  ['emoji_leet', 'load of ill3️⃣gals kicking off at the hotel again, scum', 'race_ethnicity'],
  ['emoji_threat', "🚤 at dover ➡️ 🔫🔫 that's how you stop them", 'violence_threat'],
  ['emoji_threat', 'asylum hotel down the road 🔥🔥🔥 this weekend', 'violence_threat'],
  ['emoji_threat', 'every foreigner on my street 🔪 one by one', 'violence_threat'],
];

const QUIET: Row[] = [
  // positive statements about a group, with emoji (15)
  ['emoji_positive', 'women in engineering are smashing it this year 💪👩‍🔬'],
  ['emoji_positive', 'so proud of my sister, first woman to run the depot 🎉❤️'],
  ['emoji_positive', 'trans people deserve to live safe and happy lives 🏳️‍⚧️💖'],
  ['emoji_positive', 'my trans mate just got her passport updated, buzzing for her 🥳'],
  ['emoji_positive', 'gay couples make brilliant foster parents, seen it first hand 🏳️‍🌈👨‍👨‍👧'],
  ['emoji_positive', "black history talk at the kids' school was brilliant ✊🏿📚"],
  ['emoji_positive', 'black nurses kept this country going through covid 🙏🏿❤️'],
  ['emoji_positive', 'wheelchair basketball final was unreal, what athletes ♿🏀🔥'],
  ['emoji_positive', 'the deaf barista at my local makes the best flat white in town ☕👌'],
  ['emoji_positive', 'eid mubarak to all our muslim neighbours 🌙✨'],
  ['emoji_positive', 'the mosque food bank fed half the street this winter 🙏❤️'],
  ['emoji_positive', 'immigrants staff half our hospitals, absolute heroes 🏥👏'],
  [
    'emoji_positive',
    "new DC on the team is a woman and she's the sharpest detective we've had in years 👏👏",
  ],
  ['emoji_positive', 'big shout to PC Okafor for the CPR on the high st today, legend 🙌🏿'],
  ['emoji_positive', 'the polish lad who translated for us at 3am saved the whole job 🙏🇵🇱'],

  // identity emoji used neutrally or proudly (15)
  ['emoji_neutral_identity', '🏳️‍🌈 flags going up in town for pride month'],
  ['emoji_neutral_identity', 'wearing my 🏳️‍⚧️ pin to work tomorrow, first time'],
  ['emoji_neutral_identity', 'the 🕌 on park road has an open day saturday, all welcome'],
  ['emoji_neutral_identity', "my 🧕 cousin's wedding is next week, need a new suit"],
  ['emoji_neutral_identity', 'me and my wife 👩‍❤️‍👩 ten years today'],
  ['emoji_neutral_identity', '♿ toilet is on the second floor next to the lifts'],
  ['emoji_neutral_identity', '🦽 ramp at the station is finally fixed'],
  ['emoji_neutral_identity', '✊🏿✊🏾✊🏽 march starts at 2 from the town hall'],
  ['emoji_neutral_identity', '👩‍👩‍👦 family fun day at the park sunday if anyone fancies it'],
  ['emoji_neutral_identity', '🇵🇰🇮🇳🇯🇲 food festival on the green this weekend'],
  ['emoji_neutral_identity', '🚺 changing rooms are shut for refurbishment till friday'],
  ['emoji_neutral_identity', "pride route confirmed, 🏳️‍🌈 marshals at every junction, we're on traffic points"],
  [
    'emoji_neutral_identity',
    'eid prayers at the park 8am, 🕌 liaison officer attending, low key presence please',
  ],
  ['emoji_neutral_identity', 'misper is a 👩🏿 in her 40s, last seen in a red coat near the precinct'],
  ['emoji_neutral_identity', '♿ access at the front counter still broken, PCSO reporting it again'],

  // the same emoji in their literal sense (15)
  ['emoji_literal', 'chopped the onions with the new 🔪 and nearly took my thumb off'],
  ['emoji_literal', "there's a 🐀 in the loft again, need to ring pest control"],
  ['emoji_literal', 'saw the 🐍 at the reptile house, it was massive'],
  ['emoji_literal', 'the 🐷 at the farm park had piglets this morning'],
  ['emoji_literal', 'kids loved the 🐒 at the safari park'],
  ['emoji_literal', 'the 🔥 in the chiminea kept us warm all night'],
  ['emoji_literal', '🤮 after that kebab, never again'],
  ['emoji_literal', "bin men didn't take the 🗑️ again this week"],
  ['emoji_literal', 'the 🐄 from the next field got out and stood in the lane for an hour'],
  ['emoji_literal', 'boat trip round the bay 🚤 was the best bit of the holiday'],
  ['emoji_literal', 'got a new 🥊 bag for the garage, training starts monday'],
  ['emoji_literal', 'RTC on the A38, 🐑 loose on the carriageway, need a farmer'],
  ['emoji_literal', 'section 1 search found a 🔪 in his waistband, now booked into property'],
  ['emoji_literal', 'firearms team on the range all day 🔫🎯 so no ARV cover till 4'],
  ['emoji_literal', 'pest control found the 🐀 nest behind the custody fridge, grim'],

  // condemning or challenging hate, with emoji (15)
  ['emoji_counter', "calling women 🐄 isn't banter, it's just sad 🙄"],
  ['emoji_counter', "whoever put 🐒 under that footballer's post should be banned for life 🚫"],
  ['emoji_counter', 'posting 🔪 at trans people is a threat and you know it 😡'],
  ['emoji_counter', 'stop using 🏳️‍🌈 as an insult, grow up 🙄'],
  ['emoji_counter', 'saying immigrants are 🐀 is straight out of nazi propaganda, look it up 📚'],
  ['emoji_counter', 'muslims are not terrorists, stop posting 💣 under every mosque story ✋'],
  ['emoji_counter', 'calling disabled people scroungers is cruel and the figures say otherwise 📊👏'],
  ['emoji_counter', 'racism has no place on our terraces ❌⚽'],
  ['emoji_counter', "if you laugh 😂 at a rape joke you're part of the problem"],
  ['emoji_counter', "reported the account spamming 🦍 at black players, hope it's gone 🙏"],
  ['emoji_counter', 'that homophobic chant at the match was disgusting 🤢 and the club should act'],
  ['emoji_counter', "whoever posted 🐒 in here about the new PC, delete it now, that's gross misconduct 🛑"],
  ['emoji_counter', 'not having r*tard jokes on this chat, my lad is autistic 😠'],
  [
    'emoji_counter',
    'lads, the emoji stuff about the muslim prisoner is not funny and PSD would be right to have us for it ⚠️',
  ],
  ['emoji_counter', "calling female officers sl*gs in here stops now, skipper's orders 👮‍♂️❌"],

  // hate denied (15)
  ['emoji_negated', 'women are not worse drivers, the insurance data says the opposite 🚗📊'],
  ['emoji_negated', "trans women aren't a danger to anyone in a changing room 🏳️‍⚧️"],
  ['emoji_negated', 'being gay is not a choice and not a disease 🏳️‍🌈'],
  ['emoji_negated', 'black people are no more likely to be criminals than anyone else 🤷'],
  ['emoji_negated', 'disabled people are not a burden, full stop ♿'],
  ['emoji_negated', 'muslims are not the enemy 🕌🤝'],
  ['emoji_negated', "immigrants don't steal jobs, they fill the ones nobody else will do 💼"],
  ['emoji_negated', 'nobody sensible thinks women should stay in the kitchen anymore 🙄🍳'],
  ['emoji_negated', "I would never call anyone a 🐒, that's vile"],
  ['emoji_negated', "refugees are not rats, they're people running from war 🐀❌"],
  ['emoji_negated', "autistic kids aren't stupid, my nephew is smarter than me 🧠"],
  [
    'emoji_negated',
    "female officers aren't weaker on public order, Sgt Hale flattened that bloke last night 💪",
  ],
  ['emoji_negated', "the gay lad on D shift is not a liability, best backup I've had 🙌"],
  ['emoji_negated', 'not every young black lad is in a gang, the stop search data says so 📊'],
  ['emoji_negated', "the PCSO in the hijab is not a security risk, she's been vetted same as you 🧕✅"],

  // hostile emoji aimed at things, teams or other non-protected targets (15)
  ['emoji_nongroup', 'mondays should be 🔫 on sight'],
  ['emoji_nongroup', 'this traffic can 🔥 in hell'],
  ['emoji_nongroup', 'my printer is a useless 🐍 that jams every time'],
  ['emoji_nongroup', 'chelsea fans are 🐀 and always will be'],
  ['emoji_nongroup', 'spurs defence 🤮🤮 what was that'],
  ['emoji_nongroup', 'the council parking wardens are 💩'],
  ['emoji_nongroup', 'want to 🔪 this laptop honestly'],
  ['emoji_nongroup', 'wasps at the bbq 👊👊 die'],
  ['emoji_nongroup', "my ex's new car is 🗑️😂"],
  ['emoji_nongroup', 'tories out 🗑️🔥'],
  ['emoji_nongroup', 'the 6am alarm 🔫😵'],
  ['emoji_nongroup', 'the new crime recording system is 💩💩, lost three reports'],
  ['emoji_nongroup', 'the coffee machine on the second floor needs a 👊 again'],
  ['emoji_nongroup', 'traffic on the ring road 🤬🤬 ETA 20 mins'],
  ['emoji_nongroup', "the new inspector's spreadsheet can get 🔥 and binned"],
];

export const BLIND11_CASES: readonly FunctionalCase[] = buildBlindCases('blind11', HATEFUL, QUIET);
