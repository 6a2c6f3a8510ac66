/**
 * The flagger's functional test suite, written for Scrutineer case by case (HateCheck-style: each
 * functionality is one kind of phrasing that a good flagger must get right, crossed with the target
 * groups). Content warning: hateful statements are test data here.
 *
 * Hateful cases must be flagged with the expected category; non-hateful cases must not be flagged.
 * Nothing here is used for training.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import type { FlagCategory } from '../../../src/contract/coding.js';

interface Group {
  id: string;
  category: FlagCategory;
  /** Plural, singular, and a slur list for the group. */
  p: string;
  s: string;
  slurs: string[];
}

export const GROUPS: Group[] = [
  { id: 'women', category: 'sex_women', p: 'women', s: 'woman', slurs: ['bitch', 'slag', 'whore'] },
  {
    id: 'trans',
    category: 'gender_identity',
    p: 'trans people',
    s: 'trans woman',
    slurs: ['tranny', 'shemale', 'troon'],
  },
  {
    id: 'gay',
    category: 'sexual_orientation',
    p: 'gay people',
    s: 'gay man',
    slurs: ['faggot', 'dyke', 'poof'],
  },
  {
    id: 'black',
    category: 'race_ethnicity',
    p: 'black people',
    s: 'black person',
    slurs: ['nigger', 'coon', 'wog'],
  },
  {
    id: 'disabled',
    category: 'disability',
    p: 'disabled people',
    s: 'disabled person',
    slurs: ['retard', 'spastic', 'mong'],
  },
  {
    id: 'muslim',
    category: 'religion',
    p: 'Muslims',
    s: 'Muslim',
    slurs: ['raghead', 'muzzie', 'towelhead'],
  },
  {
    id: 'immigrant',
    category: 'race_ethnicity',
    p: 'immigrants',
    s: 'immigrant',
    slurs: ['wetback', 'paki', 'pikey'],
  },
];

/** Emoji that stand in for each group (HatemojiCheck-style identity substitution). */
const GROUP_EMOJI: Record<string, string> = {
  women: '👩',
  trans: '🏳️‍⚧️',
  gay: '🏳️‍🌈',
  black: '👨🏿',
  disabled: '♿',
  muslim: '👳',
};

type Tpl = (g: Group) => string;

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const swapAdjacent = (w: string): string => (w.length < 4 ? w : w.slice(0, 1) + w[2] + w[1] + w.slice(3));
const dropOne = (w: string): string => (w.length < 4 ? w : w.slice(0, 2) + w.slice(3));
const spaced = (w: string): string => w.split('').join(' ');
const leet = (w: string): string =>
  w.replace(/a/g, '4').replace(/e/g, '3').replace(/i/g, '1').replace(/o/g, '0').replace(/s/g, '5');
/** Obfuscate the last word of a group term ("gay people" → "gay pepole"). */
const lastWord = (p: string, f: (w: string) => string): string => {
  const parts = p.split(' ');
  parts[parts.length - 1] = f(parts[parts.length - 1]!);
  return parts.join(' ');
};

const HATEFUL: Record<string, Tpl[]> = {
  derogation_emotion: [
    (g) => `I really can't stand ${g.p}.`,
    (g) => `${cap(g.p)} make me sick.`,
    (g) => `I despise ${g.p} with every fibre of my being.`,
    (g) => `Honestly, I loathe ${g.p}.`,
    (g) => `Nothing disgusts me more than ${g.p}.`,
  ],
  derogation_attribute: [
    (g) => `${cap(g.p)} are disgusting.`,
    (g) => `All ${g.p} are thick as mince and twice as useless.`,
    (g) => `${cap(g.p)} are so pathetic.`,
    (g) => `Every ${g.s} I have ever met was a liar.`,
    (g) => `${cap(g.p)} are a disgrace to this country.`,
  ],
  derogation_dehumanising: [
    (g) => `${cap(g.p)} are vermin.`,
    (g) => `${cap(g.p)} are nothing but rats.`,
    (g) => `${cap(g.p)} are a plague on this town.`,
    (g) => `${cap(g.p)} are subhuman filth.`,
    (g) => `${cap(g.p)} are parasites, the lot of them.`,
  ],
  derogation_implicit: [
    (g) => `${cap(g.p)} belong in a zoo.`,
    (g) => `I'd rather die than have ${g.p} living next door.`,
    (g) => `${cap(g.p)} don't belong in this country.`,
    (g) => `${cap(g.p)} should be locked up out of sight.`,
    (g) => `${cap(g.p)} are a burden on the rest of us.`,
  ],
  threat_direct: [
    (g) => `I'm going to stab the next ${g.s} I see.`,
    (g) => `I will kill every ${g.s} on this estate.`,
    (g) => `I want to shoot some ${g.p} tonight.`,
    (g) => `Give me five minutes with a ${g.s} and I'll beat them to death.`,
  ],
  threat_normative: [
    (g) => `${cap(g.p)} should all be hanged.`,
    (g) => `We need to get rid of ${g.p} for good.`,
    (g) => `${cap(g.p)} deserve to die.`,
    (g) => `Someone should burn every ${g.s} alive.`,
    (g) => `Death to all ${g.p}.`,
  ],
  slur: [
    (g) => `You are just a ${g.slurs[0]}.`,
    (g) => `Shut up, you ${g.slurs[1]}.`,
    (g) => `Look at that ${g.slurs[2]} over there.`,
    (g) => `Another ${g.slurs[0]} moved in next door.`,
  ],
  profanity_hateful: [
    (g) => `Fuck all ${g.p}.`,
    (g) => `${cap(g.p)} are fucking useless.`,
    (g) => `I hate fucking ${g.p}.`,
  ],
  pronoun_clause: [
    (g) => `I've met plenty of ${g.p} and I hate every one of them.`,
    (g) => `${cap(g.p)} think they're clever but they are all idiots.`,
  ],
  pronoun_sentence: [
    (g) => `Don't talk to me about ${g.p}. They are scum.`,
    (g) => `They are vermin. I mean ${g.p}, obviously.`,
  ],
  negated_positive: [
    (g) => `${cap(g.p)} are not human.`,
    (g) => `I don't respect ${g.p} at all.`,
    (g) => `${cap(g.p)} can never be trusted.`,
    (g) => `${cap(g.p)} will never be equal to us.`,
  ],
  question: [(g) => `Why are ${g.p} so disgusting?`, (g) => `Isn't it obvious that ${g.p} are parasites?`],
  opinion: [(g) => `I think ${g.p} are scum.`, (g) => `In my opinion ${g.p} should all be deported.`],
  spell_swap: [(g) => `I hate ${lastWord(g.p, swapAdjacent)}.`, (g) => `${cap(g.p)} are disgsuting.`],
  spell_missing: [(g) => `I hte ${g.p}.`, (g) => `${cap(lastWord(g.p, dropOne))} are disgusting.`],
  spell_no_space: [(g) => `Ihate${g.p.replace(/ /g, '')}.`, (g) => `${cap(g.p)} aredisgusting.`],
  spell_spaces: [(g) => `I hate ${spaced(g.p.replace(/ /g, ''))}.`, (g) => `${cap(g.p)} are s c u m.`],
  spell_leet: [(g) => `I h4te ${g.p}.`, (g) => `${cap(leet(g.p))} are d1sgust1ng.`],
  spell_punctuation: [(g) => `${cap(g.p)} are v.e.r.m.i.n.`, (g) => `I h.a.t.e ${g.p}.`],
  spell_repeated: [(g) => `I haaaaate ${g.p}.`, (g) => `${cap(g.p)} are disgusssstinggg.`],
  spell_unicode: [
    (g) => `${cap(g.p)} are ｖｅｒｍｉｎ.`,
    (g) => `${cap(g.p)} are vérmîn.`,
    // Cyrillic а/е/о standing in for Latin letters.
    (g) => `I hаtе ${g.p}.`,
  ],
  emoji_descriptor: [
    (g) => `${cap(g.p)} are 🐀🐀`,
    (g) => `${cap(g.p)} make me 🤮`,
    (g) => `${cap(g.p)} are just 🐷`,
  ],
  emoji_threat: [(g) => `I want to 🔪 all ${g.p}`, (g) => `${cap(g.p)} should be 🔫`],
};

const NON_HATEFUL: Record<string, Tpl[]> = {
  negated_hate: [
    (g) => `${cap(g.p)} are not vermin.`,
    (g) => `I don't hate ${g.p}.`,
    (g) => `No ${g.s} deserves to be attacked.`,
    (g) => `It's simply not true that ${g.p} are lazy.`,
  ],
  neutral_mention: [
    (g) => `I work with two ${g.p}.`,
    (g) => `A group of ${g.p} came into the front office today.`,
    (g) => `There is a new support network for ${g.p} in the force.`,
    (g) => `The report looks at how many ${g.p} live in the borough.`,
  ],
  positive_mention: [
    (g) => `I love ${g.p}.`,
    (g) => `${cap(g.p)} are brilliant.`,
    (g) => `We should celebrate ${g.p}.`,
    (g) => `${cap(g.p)} are just as good as anyone else.`,
    (g) => `So proud of the ${g.p} on our team ❤️`,
  ],
  counter_quote: [
    (g) => `Saying "${g.p} are vermin" is disgusting and wrong.`,
    (g) => `"${cap(g.p)} are scum" - comments like that are unacceptable.`,
    (g) => `He wrote "${g.p} should be shot". That's racist and I've reported it.`,
  ],
  counter_reference: [
    (g) => `Stop calling ${g.p} animals.`,
    (g) => `You can't say ${g.p} are stupid, that's bigoted.`,
    (g) => `Hating ${g.p} is pathetic bigotry.`,
  ],
  emoji_positive: [(g) => `I ❤️ ${g.p}`, (g) => `${cap(g.p)} are 😍`],
};

/** Cases that do not vary by group. */
const FIXED: FunctionalCase[] = [
  // Abuse of objects, individuals and non-protected groups is not hate against a protected group.
  ...[
    "I can't stand this weather.",
    'This coffee is disgusting.',
    'These new forms are absolute garbage.',
    'I hate Mondays so much.',
    'The canteen food is vile.',
    'I want to 🔪 this 🍕',
    "The women's toilets are disgusting again.",
    'Chinese food is disgusting.',
    'The gay bar on the high street is filthy.',
  ].map((text, k) => ({
    id: `object-${k}`,
    functionality: 'abuse_object',
    target: 'none',
    text,
    hateful: false,
  })),
  ...[
    'You are a disgrace.',
    'You make me sick.',
    "He's a useless prick.",
    'Shut up, you absolute muppet.',
    'You are the worst sergeant I have ever had.',
  ].map((text, k) => ({
    id: `individual-${k}`,
    functionality: 'abuse_individual',
    target: 'none',
    text,
    hateful: false,
  })),
  ...[
    'Politicians are scum.',
    'Journalists are vermin.',
    'I hate traffic wardens.',
    'Estate agents are parasites.',
    'All bankers are crooks.',
    'Lawyers make me sick.',
  ].map((text, k) => ({
    id: `nonprot-${k}`,
    functionality: 'abuse_nonprotected',
    target: 'none',
    text,
    hateful: false,
  })),
  // Untargeted profanity: reported as profanity, never flagged on its own.
  ...[
    'Fuck me, what a shift.',
    'This rota is a total shitshow.',
    'What the fuck is going on with the radio?',
    'Bloody hell, that was close.',
    'Oh shit, I forgot my pocket notebook.',
    'Fucking brilliant result today lads',
  ].map((text, k) => ({
    id: `profanity-${k}`,
    functionality: 'profanity_untargeted',
    target: 'none',
    text,
    hateful: false,
  })),
  // Benign homonyms of slurs.
  ...[
    "I'm popping out for a fag, back in five.",
    'Faggots and mushy peas for tea tonight.',
    'The dyke held back the flood water.',
    'The cheeky monkey nicked my chips.',
    'Add the flame retardant before sealing it.',
    'The Queen opened the new station in 1998.',
    'We went on a bender after the leaving do.',
  ].map((text, k) => ({
    id: `homonym-${k}`,
    functionality: 'slur_homonym',
    target: 'none',
    text,
    hateful: false,
  })),
  // Reclaimed and self-referential use.
  ...[
    "We're queer and we're here.",
    "As a proud dyke, I'm marching on Saturday.",
    "I'm a queer woman and proud of it.",
    'Us queers have to stick together.',
  ].map((text, k) => ({
    id: `reclaimed-${k}`,
    functionality: 'slur_reclaimed',
    target: 'gay',
    text,
    hateful: false,
  })),
  // UK police vocabulary used operationally.
  ...[
    'IC3 male detained, NFA.',
    'Misper returned safe and well, closing the log.',
    'DV job on the estate, suspect arrested for ABH.',
    'IC1 female, 5ft 6, wearing a black jumper.',
    'Section 136 at the hospital, MH team attending.',
    'Asian male seen leaving the scene in a silver Astra.',
    'Black male, approx 20, arrested for robbery.',
    'Crime number issued, IP happy with the outcome.',
    'RTC on the A40, both drivers breath tested negative.',
    'Sus described as IC4, medium build, grey hoodie.',
  ].map((text, k) => ({
    id: `police-${k}`,
    functionality: 'police_vocabulary',
    target: 'none',
    text,
    hateful: false,
  })),
  // Emoji used neutrally.
  ...[
    '🏳️‍🌈 Pride parade today, who is on the cordon? 🎉',
    'Happy Eid to all our Muslim colleagues 🌙',
    'Wheelchair ramp is fixed at the front counter ♿👍',
    'Congrats to the women’s football team 🏆👩',
  ].map((text, k) => ({
    id: `emoji-neutral-${k}`,
    functionality: 'emoji_neutral',
    target: 'none',
    text,
    hateful: false,
  })),
  // Victims of crime: blaming and mocking (a category of the watchdog's cases).
  ...[
    'She was asking for it, dressed like that.',
    "Another DV, she'll be back with him next week lol",
    'Rape victims are lying slags.',
    'That misper is an attention seeking slag, let her rot.',
    'She deserved to be raped.',
    'Mispers are vermin, waste of police time.',
    'Silly cow got what she deserved 😂',
  ].map((text, k) => ({
    id: `victims-${k}`,
    functionality: 'victims_of_crime',
    target: 'victims',
    text,
    hateful: true,
    category: 'victims_of_crime' as FlagCategory,
  })),
  ...[
    'The victim has been offered support by the DV team.',
    'Rape victims deserve to be believed.',
    'Misper found safe, informed the family.',
  ].map((text, k) => ({
    id: `victims-ok-${k}`,
    functionality: 'victims_neutral',
    target: 'victims',
    text,
    hateful: false,
  })),
  // Age.
  ...[
    'Old people are a drain on the NHS, they should just die.',
    'Coffin dodgers clogging up the roads again.',
    'Pensioners are useless parasites.',
  ].map((text, k) => ({
    id: `age-${k}`,
    functionality: 'derogation',
    target: 'age',
    text,
    hateful: true,
    category: 'age' as FlagCategory,
  })),
  // Other religions and ethnicities than the seven core groups.
  ...[
    ['Jews are parasites.', 'religion'],
    ['Kill all the kikes.', 'religion'],
    ['Pakis stink of curry.', 'race_ethnicity'],
    ['Poles are thieves, every one of them.', 'race_ethnicity'],
    ['Gypsies are vermin.', 'race_ethnicity'],
    ['Chinese people are disgusting.', 'race_ethnicity'],
    ['✡️ are rats', 'religion'],
  ].map(([text, category], k) => ({
    id: `other-groups-${k}`,
    functionality: 'derogation',
    target: 'other',
    text: text!,
    hateful: true,
    category: category as FlagCategory,
  })),
  // Threats and sexual content without a protected target: reported, not flagged as hate.
  ...[
    "I'll kill you if you eat my sandwich again.",
    'She sent nudes to the whole group.',
    "He's a fat bastard.",
  ].map((text, k) => ({
    id: `unflagged-cat-${k}`,
    functionality: 'category_not_hate',
    target: 'none',
    text,
    hateful: false,
  })),
];

/**
 * Second-round cases: written after the rules as blind checks of phrasing the templates above do not
 * use (HateCheck- and HatemojiCheck-style), then kept here as regression cases. Target group and
 * category are not asserted for these, only the flag decision.
 */
const SECOND_ROUND_HATEFUL: string[] = [
  'Being gay is disgusting.',
  'Being trans is a mental illness.',
  "I'm not racist but black people are animals.",
  "It's a shame that so many immigrants are criminals.",
  'Muslims are all the same, dirty and violent.',
  'The problem with women is that they are all liars.',
  'Disabled people are such a drain on resources.',
  'Every single trans person is a predator.',
  'Gay people spread disease.',
  'Honestly, immigrants are the scum of the earth.',
  'Muslims have no place in Britain.',
  'Women are weak and pathetic.',
  "If you're disabled you should just die.",
  'Trans women will never be women.',
  'Immigrants can fuck off',
  'Women are the ugliest creatures',
  'I will 🔫 every 👳',
  '🐀🐀🐀 = muslims',
  'muslims 🤮🤮',
  '👩 are 🗑️',
  '🏳️‍🌈 should 💀',
  '☠️ to all immigrants',
  'I want all ♿ to ⚰️',
  'trans people = 🤡',
  '🔪🔪🔪 gay people',
  'black people 🐵🐵',
  'immigrants go home 👋',
  'women are 🐄',
  'disabled ppl r 💩',
  '💣 the 🕌',
  'gay people deserve 🔫',
  "Don't let trans people near your kids",
  'I hate gya people',
  'gaypeople are disgusting',
  'I absolutely despise trans people.',
  'Women are a waste of oxygen.',
  'Gay men are sick in the head.',
  'Black people are so primitive.',
  "Disabled people shouldn't be allowed to have children.",
  'Muslims are all terrorists.',
  'Immigrants are ruining this country.',
  "There is nothing worse than a woman who thinks she's smart.",
  'I wish all gay people would just die.',
  "Let's round up every Muslim and deport them.",
  "If I see a trans person tonight I'm going to smash their face in.",
  'All disabled people should be put down like dogs.',
  'Black people belong in cages.',
  'Women are only good for cooking and cleaning.',
  'You are nothing but a dirty paki.',
  'Shut your mouth, tranny.',
  'Those faggots should be thrown off a roof.',
  'Immigrants are cockroaches.',
  "I'll never respect a woman in charge.",
  'Muslims are not welcome here.',
  'Why do black people always act like animals?',
  'I reckon gay people are an abomination.',
  'Trans people are mentally ill freaks.',
  'Disabled people are useless eaters.',
  "It's time we exterminated immigrants once and for all.",
  'Women should know their place.',
  'These Muslims make me want to throw up.',
  'I would never hire a disabled person, they are a burden.',
  'Gay people are perverts who prey on kids.',
  'I hate immigrants so much.',
  'F*ck all Muslims.',
  'Black ppl are scum',
  'w0men are tr4sh',
  'gay people are d1sgusting',
  'I h8 trans people',
  'Muslimsaredisgusting',
  'I hate disabld people',
  'immigrants are vrmin',
  'I have nothing but contempt for gay people.',
  'All trans people are degenerates.',
  "Typical woman, can't do anything right.",
  'Disabled people are leeches on the system.',
  'Black people are inferior to whites.',
  'Muslims are a cancer on Europe.',
  'Immigrants are animals and should be treated like animals.',
  'Women are too stupid to vote.',
  'Trans women are just men in dresses.',
  'Gay people are disgusting perverts.',
  "You're a disgrace to your race, you n1gger.",
  'Some wetback stole my bike.',
  'A bunch of dykes moved in next door, gross.',
  "I'd rather be dead than be disabled like them.",
  'Muslims should be banned from this country.',
  'These immigrants need to be shipped back where they came from.',
  "I'm going to make every gay person I meet suffer.",
  'Women deserve to be beaten.',
  'Trans people should be shot on sight.',
  'Black people are a stain on humanity.',
  'Honestly women are just objects.',
  'Muslim women are oppressed slaves with no brains.',
  'i fucking hate blacks',
  'gays r disgusting',
  'kill urself tranny',
  'muzzies out',
  'no blacks allowed',
  'disabled ppl shud be put down',
  'women r only good 4 sex',
  'Those people are vermin. Immigrants I mean.',
  'You are just a f4gg0t to me.',
  'I hate n1ggers.',
  'Tr4nnies are not welcome.',
  'Shut up you r3tard.',
  'All these f a g s should leave.',
  "He's such a fagot.",
  'Look at that trnny.',
  'typical raghed behaviour',
  "That spaz can't even walk properly.",
  'Go back to your own country, you p.a.k.i',
  'All m*slims are terrorists',
  'Women are sc*m',
  'Kill all the musl1ms',
  'I hatewomen.',
  'Gay people aredisgusting.',
  "I'm going to murder every trans person I see",
  'Trans people are not real people',
  "Disabled people don't deserve to live",
  "I'll never trust a black person",
  "Black people's lives are worthless",
  "Immigrants don't deserve any rights",
  "What's the point of disabled people? They are useless.",
  'I think women belong in the kitchen.',
  "I can't stand dykes.",
  'Lesbians are disgusting.',
  'I hate gays.',
  'Muslims smell.',
  'Trannies are mentally ill.',
  'I want to 🔪 all trans people',
  'black people are 🐒🐒🐒',
  '🏳️‍🌈 are 🤮',
  'muslims = 🐷',
  "I'd 🔫 every immigrant",
  'women are 🐍',
  '♿ people are 🗑️',
  'gay people make me 🤢',
  'I hate 👳',
  'kill all 🏳️‍⚧️',
  '🧕 should be 🔥 alive',
  'disabled people are 💩',
  'the world would be better without 🏳️‍🌈',
  'black people should be 🪢',
  'all ✡️ are 🐀',
  'women belong in the 🍳',
  '🤮 trans people 🤮',
];
/** Police-chat cases (victims, colleagues, operational language), second round as well. */
const SECOND_ROUND_POLICE_HATEFUL: string[] = [
  "Another domestic, she'll be back with him by Friday 🙄😂",
  'Rape victims just regret it the morning after.',
  'That misper is probably shagging someone, waste of time looking lol',
  'She got what she deserved for mouthing off to him.',
  'Silly cow should have kept her legs shut.',
  'The IP is a lying slag, no way that happened.',
  'Battered wives love the drama.',
  'Jumper on the bridge again 😂😂',
  'Paki shop owner gave us grief again',
  'Just nicked a load of pikeys lol',
  'Typical IC3, robbing again, animals the lot of them',
  "Don't send a female officer, they're useless in a fight",
  'Gypsies are thieving scum',
  'Old biddy rang 999 again, should be put down',
];
const SECOND_ROUND_POLICE_NOT_HATEFUL: string[] = [
  'Domestic on Elm Road, IP safeguarded, suspect in custody.',
  "Misper located at her aunt's, safe and well.",
  'IC3 male, 6ft, arrested for GBH, now in custody.',
  'Rape investigation handed to CID.',
  'Victim was very distressed, referred to ISVA.',
  'Female officer requested for the search.',
  'Sudden death on Park Lane, not suspicious.',
  'Traveller site visit went fine, no issues.',
  'Polish interpreter booked for the interview.',
  'Jumper recovered from the scene: black, size M.',
  'lol the sarge fell off his chair',
  'Great result at court today, guilty on all counts 🎉',
];
const SECOND_ROUND_NOT_HATEFUL: string[] = [
  'Being gay is completely normal.',
  'Being trans is not a mental illness.',
  "I'm not racist and I love my black neighbours.",
  'Most immigrants are hard working.',
  'Muslims are all different, just like everyone else.',
  'The problem with the rota is that nobody checks it.',
  'Disabled people face barriers every day.',
  'Every single trans person deserves safety.',
  'Gay people donate blood now.',
  'Honestly, immigrants saved the care sector.',
  'Muslims have a place in Britain.',
  'Women are strong.',
  "If you're disabled you can park here.",
  'Trans women are women.',
  'Fuck yeah, I love gay people',
  'Holy shit, Muslims are amazing',
  'What the fuck, why do people hate immigrants?',
  'Gay people can go home early today, the briefing is cancelled.',
  '🔪 and 🍴 in the drawer',
  'gay people 🥰',
  'muslims 💚',
  'women 💪',
  'trans people ✨ valid ✨',
  '🐀 in the bins again',
  "💀 I'm dead that's hilarious",
  'black people 🙌🏿',
  'immigrants 👍',
  'Never let women be hurt.',
  "I'm a trans woman and I love my life.",
  "My neighbours are gay and they're lovely.",
  'Black people have been treated terribly throughout history.',
  'Disabled people deserve equal access to work.',
  'Muslims celebrate Eid at the end of Ramadan.',
  'Immigrants contribute a lot to the NHS.',
  'Women make up half the population.',
  "I don't think immigrants are a problem at all.",
  'Nobody should say trans people are freaks.',
  'Calling women stupid is sexist nonsense.',
  "It's disgusting that people still call gay men faggots.",
  "I can't believe he said black people are animals.",
  'Muslims are not terrorists.',
  'Never say disabled people are useless.',
  'Go f yourself, you absolute weapon.',
  'The printer is a useless piece of junk.',
  'Bankers should all be locked up.',
  'I hate when it rains on my day off.',
  "Our new DCI is a woman and she's brilliant.",
  "I'm gay and proud.",
  'What a fucking day.',
  'Killing time before the briefing.',
  'The immigration office is closed on Sundays.',
  'A Muslim colleague covered my shift, what a legend.',
  'Gay marriage was legalised in 2014.',
  "Women's football is getting really popular.",
  'The disabled toilet is out of order again.',
  'Black coffee, no sugar please.',
  'I could murder a curry right now.',
  'That film absolutely killed it at the box office.',
  'He shot the ball past the keeper.',
  "I'm dying to see the new Bond film.",
  'Trans people deserve respect.',
  'Muslims are part of our community.',
  "My sister is disabled and she's the strongest person I know.",
  'I met a lovely gay couple at the pub last night.',
  'We need more women in senior roles.',
  'Black history month starts next week.',
  'He said "all immigrants are criminals" and got sacked for it, good.',
  "There's nothing wrong with being gay.",
  "Immigrants are not vermin, they're people.",
  'I would never say women are inferior.',
  'How dare you say disabled people are a burden.',
  'Racists who hate black people should be ashamed.',
  'No one deserves to be called a faggot.',
  "The word retard is offensive, please don't use it.",
  'My Muslim neighbour brought us food for Eid, so kind.',
  'All politicians are liars.',
  'I hate spiders.',
  'Fuck this weather.',
  'That referee is a disgrace.',
  'Traffic was murder this morning.',
  'This rota is killing me.',
  "I'm going to kill it at the interview tomorrow.",
  'You lot are useless at darts.',
  "Women's rights are human rights.",
  "I'm a black man and proud.",
  'Gay rights activists marched today.',
  'Hate crime against disabled people is rising.',
  'The refugees were rescued from the boat.',
  'Trans people face a lot of abuse online.',
  'Immigrants were attacked outside the mosque last night.',
  'A faggot is a bundle of sticks.',
  'The bitch gave birth to five healthy puppies.',
  'We dug a dyke to stop the flooding.',
  'Queer theory is a field of study.',
  'Nigga please, you know I love you bro',
  'I identify as queer.',
  "I'm proud to be a dyke.",
  'Hating women is wrong.',
  'I hate it when people are mean to immigrants.',
  'Black people are just people.',
  'Gay people are people too.',
  'Trans people are valid.',
  'Women are strong and brilliant.',
  'Disabled people are awesome.',
  'Muslims are peaceful.',
  'Immigrants built this country.',
  'I love trans people 🏳️‍⚧️❤️',
  'black people are 🔥🔥',
  '🏳️‍🌈 pride month 🎉',
  'muslims are 💯',
  'I want to 🔪 this cake',
  'women are 👑',
  'proud of our disabled athletes ♿🏅',
  '🐷 in blankets for tea',
  'gay people are 😍',
  'that rat 🐀 in the kitchen again',
  'immigrants are welcome here 🤗',
  "no one should call black people 🐒, it's racist",
  '🔫 pew pew laser tag tonight',
];

function build(): FunctionalCase[] {
  const cases: FunctionalCase[] = [];
  for (const [functionality, tpls] of Object.entries(HATEFUL)) {
    for (const g of GROUPS) {
      tpls.forEach((t, k) => {
        cases.push({
          id: `${functionality}-${g.id}-${k}`,
          functionality,
          target: g.id,
          text: t(g),
          hateful: true,
          category: g.category,
        });
      });
    }
  }
  for (const [functionality, tpls] of Object.entries(NON_HATEFUL)) {
    for (const g of GROUPS) {
      tpls.forEach((t, k) => {
        cases.push({
          id: `${functionality}-${g.id}-${k}`,
          functionality,
          target: g.id,
          text: t(g),
          hateful: false,
        });
      });
    }
  }
  // Emoji standing in for the group term itself.
  for (const g of GROUPS) {
    const e = GROUP_EMOJI[g.id];
    if (e === undefined) continue;
    cases.push(
      {
        id: `emoji_identity-${g.id}-0`,
        functionality: 'emoji_identity',
        target: g.id,
        text: `I hate ${e}`,
        hateful: true,
        category: g.category,
      },
      {
        id: `emoji_identity-${g.id}-1`,
        functionality: 'emoji_identity',
        target: g.id,
        text: `Kill all ${e}`,
        hateful: true,
        category: g.category,
      },
      {
        id: `emoji_identity-${g.id}-2`,
        functionality: 'emoji_identity',
        target: g.id,
        text: `${e} are 🐀`,
        hateful: true,
        category: g.category,
      },
      {
        id: `emoji_identity-${g.id}-3`,
        functionality: 'emoji_identity_positive',
        target: g.id,
        text: `I love ${e} ❤️`,
        hateful: false,
      },
    );
  }
  SECOND_ROUND_HATEFUL.forEach((text, k) =>
    cases.push({
      id: `second-round-h-${k}`,
      functionality: 'second_round_hateful',
      target: 'mixed',
      text,
      hateful: true,
    }),
  );
  SECOND_ROUND_NOT_HATEFUL.forEach((text, k) =>
    cases.push({
      id: `second-round-n-${k}`,
      functionality: 'second_round_not_hateful',
      target: 'mixed',
      text,
      hateful: false,
    }),
  );
  SECOND_ROUND_POLICE_HATEFUL.forEach((text, k) =>
    cases.push({
      id: `police-chat-h-${k}`,
      functionality: 'police_chat_hateful',
      target: 'mixed',
      text,
      hateful: true,
    }),
  );
  SECOND_ROUND_POLICE_NOT_HATEFUL.forEach((text, k) =>
    cases.push({
      id: `police-chat-n-${k}`,
      functionality: 'police_chat_not_hateful',
      target: 'none',
      text,
      hateful: false,
    }),
  );
  return [...cases, ...FIXED];
}

export const FUNCTIONAL_CASES: readonly FunctionalCase[] = build();
