/**
 * Fifth-round blind set (issue 14, recall on what the held-out sets measure), written on 6 Dec 2026
 * BEFORE any change to the rules, terms or model of engine 2.2.0, and never used to tune them: the
 * numbers it gives before and after (docs/flagger.md, Results) are how the flagger does on phrasing
 * nobody tuned it for. It spreads over the 29 HateCheck functionalities (derogation, dehumanising,
 * implicit derogation, direct and normative threats, slurs, profanity, pronoun reference in a later
 * clause and sentence, negated positives, questions, opinions, the five spelling variations, and the
 * quiet ones: neutral and positive mentions, counter-speech quoting or referencing hate, negated hate,
 * abuse of objects, individuals and non-protected groups, slur homonyms, reclaimed slurs, non-hateful
 * profanity), emoji carrying the meaning (HatemojiCheck-style: an emoji for the group, the verb or the
 * description, or appended), every target group, and police-chat register (victims mocked or blamed).
 * The corpus build leaves these sentences out (scripts/flagger/train.ts).
 *
 * Content warning: hateful statements and slurs are test data here.
 */

import type { FlagCategory } from '../../../src/contract/coding.js';
import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';

type Row = [functionality: string, text: string, category?: FlagCategory];

const HATEFUL: Row[] = [
  // race and ethnicity (black people, immigrants, nationalities, Travellers)
  ['derogation_emotion', 'I cannot stand black people, they make my skin crawl', 'race_ethnicity'],
  ['derogation_attribute', 'immigrants are dirty and dishonest, every one I have nicked', 'race_ethnicity'],
  ['dehumanising', 'black people are nothing but apes in trainers', 'race_ethnicity'],
  ['implicit', 'the Bulgarians on Dock St should be put on a boat and sent home', 'race_ethnicity'],
  ['threat_direct', 'I am going to batter the next immigrant who lips me off', 'race_ethnicity'],
  ['threat_normative', 'migrants coming over on dinghies should be left to drown', 'race_ethnicity'],
  ['slur', 'three coons in the back of a Golf, stop them', 'race_ethnicity'],
  ['profanity', 'shitty immigrants ruining every town they land in', 'race_ethnicity'],
  ['pronoun_clause', 'I dealt with some Ghanaians today and they are all thick as planks', 'race_ethnicity'],
  ['pronoun_sentence', 'Patrolled the Lithuanian part of town. They are a vile lot', 'race_ethnicity'],
  ['negated_positive', 'immigrants are never going to be real people in my eyes', 'race_ethnicity'],
  ['question', 'is there a single black bloke round here who is not a dealer?', 'race_ethnicity'],
  ['opinion', 'personally I reckon the Turks are a plague on this town', 'race_ethnicity'],
  ['spell_swap', 'imigrants are parasties', 'race_ethnicity'],
  ['spell_missing', 'immigrnts are filth', 'race_ethnicity'],
  ['spell_noboundary', 'blackpeopleareanimals', 'race_ethnicity'],
  ['spell_spaces', 'i m m i g r a n t s are vermin', 'race_ethnicity'],
  ['spell_leet', 'bl4ck p30ple are trash', 'race_ethnicity'],
  ['emoji_group', '🐒🐒 all over the estate again, should be caged', 'race_ethnicity'],
  ['emoji_verb', 'Somalis should all be 🔫', 'race_ethnicity'],
  ['emoji_descriptor', 'Romanians = 🐀', 'race_ethnicity'],
  ['joke', 'why do Polish lads carry two phones? one to nick and one to sell 😂', 'race_ethnicity'],
  ['travellers', 'gyppos on the lay-by are thieving vermin, all of them', 'race_ethnicity'],
  // religion (Muslims, Jews, Sikhs, Hindus)
  ['derogation_emotion', 'I hate Muslims with a passion', 'religion'],
  ['derogation_attribute', 'Muslims are violent and cannot be trusted, end of', 'religion'],
  ['dehumanising', 'Jews are rats, always have been', 'religion'],
  ['implicit', 'every mosque in this county wants bulldozing, the lot', 'religion'],
  ['threat_direct', 'I will smash up that mosque myself if nobody else does', 'religion'],
  ['threat_normative', 'Muslims deserve a bullet each', 'religion'],
  ['slur', 'another muzzie with a rucksack at the train station', 'religion'],
  ['profanity', 'fucking Jews own every bank in the country', 'religion'],
  ['pronoun_clause', 'met the Sikhs from the gurdwara and they are all liars', 'religion'],
  ['pronoun_sentence', 'Had a Muslim family in tonight. Filthy savages, all of them', 'religion'],
  ['negated_positive', 'Muslims will never be decent human beings', 'religion'],
  ['question', 'why are Muslims always such backward animals?', 'religion'],
  ['opinion', 'I think Jews are the most evil people on earth', 'religion'],
  ['spell_swap', 'Mulsims are scum', 'religion'],
  ['spell_missing', 'Muslms are a disease', 'religion'],
  ['spell_leet', 'mu5l1ms are vermin', 'religion'],
  ['emoji_group', '🕌 lot are all terrorists', 'religion'],
  ['emoji_descriptor', 'Muslims 🐷🐷🐷', 'religion'],
  ['joke', 'what do you call a Muslim at the airport? a suspect 😂😂', 'religion'],
  // women
  ['derogation_emotion', 'I despise women, they do my head in', 'sex_women'],
  ['derogation_attribute', 'women are too emotional and stupid to police', 'sex_women'],
  ['dehumanising', 'women are just objects to look at', 'sex_women'],
  ['implicit', 'the new skipper is pretty enough, shame she has to open her mouth', 'sex_women'],
  ['threat_direct', 'I swear I will slap the next woman who answers back', 'sex_women'],
  ['threat_normative', 'women like that deserve a good hiding', 'sex_women'],
  ['slur', 'the bitches in the control room lost my job again', 'sex_women'],
  ['profanity', 'fucking women ruin every shift', 'sex_women'],
  ['pronoun_clause', 'we got three women on the team and they are worthless', 'sex_women'],
  ['pronoun_sentence', 'Women in firearms now. They are a liability and a joke', 'sex_women'],
  ['negated_positive', 'women are not smart enough to make inspector', 'sex_women'],
  ['question', 'why are women such useless drivers?', 'sex_women'],
  ['opinion', 'if you ask me women are inferior to men in every way', 'sex_women'],
  ['spell_swap', 'womne are pathetic', 'sex_women'],
  ['spell_noboundary', 'womenarescum', 'sex_women'],
  ['spell_leet', 'w0men are trash', 'sex_women'],
  ['emoji_group', '👩 = 🤮', 'sex_women'],
  ['joke', 'female sergeant? only way she got there was on her back 😂', 'sex_women'],
  // sexual orientation
  ['derogation_emotion', 'I absolutely loathe gay people', 'sexual_orientation'],
  ['derogation_attribute', 'gay men are predators and perverts', 'sexual_orientation'],
  ['dehumanising', 'lesbians are subhuman', 'sexual_orientation'],
  [
    'implicit',
    'keep the gays away from the kids on the school visit, you know what they are like',
    'sexual_orientation',
  ],
  ['threat_direct', 'I am going to kick the shit out of the next gay I see', 'sexual_orientation'],
  ['threat_normative', 'all gays should be hanged', 'sexual_orientation'],
  ['slur', 'some faggot in the cells keeps singing', 'sexual_orientation'],
  ['profanity', 'gays are fucking disgusting', 'sexual_orientation'],
  ['pronoun_sentence', 'Gay couple moved in next door. They are freaks', 'sexual_orientation'],
  ['negated_positive', 'gay people are not worthy of respect', 'sexual_orientation'],
  ['question', 'why are gay blokes so disgusting?', 'sexual_orientation'],
  ['spell_swap', 'gyas are sick', 'sexual_orientation'],
  ['spell_leet', 'g4y people are scum', 'sexual_orientation'],
  ['emoji_group', '🏳️‍🌈 people should be 🔫', 'sexual_orientation'],
  // gender identity
  ['derogation_emotion', 'trans people make me want to puke', 'gender_identity'],
  ['derogation_attribute', 'trans women are perverts in dresses', 'gender_identity'],
  ['dehumanising', 'trans people are monsters', 'gender_identity'],
  ['threat_direct', 'I will knock that trans woman out if she uses our toilets', 'gender_identity'],
  ['threat_normative', 'trans people should be wiped out', 'gender_identity'],
  ['slur', 'some trannie kicking off at the front desk', 'gender_identity'],
  ['pronoun_clause', 'a trans lad came in to report it and they are all mental', 'gender_identity'],
  ['negated_positive', 'trans people will never be normal', 'gender_identity'],
  ['question', 'why are trans people all such freaks?', 'gender_identity'],
  ['spell_missing', 'trans ppl are disgustng', 'gender_identity'],
  ['emoji_group', '🏳️‍⚧️ lot are 🤡🤡', 'gender_identity'],
  // disability
  ['derogation_emotion', 'I hate disabled people', 'disability'],
  ['derogation_attribute', 'disabled people are useless scroungers', 'disability'],
  ['dehumanising', 'the mentally ill are animals and should be treated as such', 'disability'],
  ['implicit', 'the disabled should be kept out of sight, nobody wants to look at them', 'disability'],
  ['threat_direct', 'I am going to punch the next spastic who gobs at me', 'disability'],
  ['threat_normative', 'disabled people should be put down', 'disability'],
  ['slur', 'that mong from the flats rang 999 again', 'disability'],
  ['profanity', 'bloody disabled people taking every parking space, fuck them', 'disability'],
  ['pronoun_sentence', 'Autistic kid at the scene. They are all thick', 'disability'],
  ['negated_positive', 'disabled people are not real people', 'disability'],
  ['question', 'why do we waste time on disabled people, they are pointless?', 'disability'],
  ['spell_swap', 'disalbed people are a burden', 'disability'],
  ['spell_leet', 'r3tards like him should be locked away', 'disability'],
  ['emoji_group', '♿ lot are a waste of space 🤮', 'disability'],
  // age
  ['derogation_attribute', 'old people are senile and worthless', 'age'],
  ['dehumanising', 'pensioners are parasites on the system', 'age'],
  ['threat_normative', 'old people should all be put down', 'age'],
  ['question', 'why do pensioners think we care, they are all a waste of space?', 'age'],
  ['negated_positive', 'old people are not worth saving', 'age'],
  ['opinion', 'honestly I think old people are disgusting', 'age'],
  // victims of crime (police-chat register)
  [
    'victim_mock',
    'missing teen again, attention seeker, she will turn up when she is bored',
    'victims_of_crime',
  ],
  ['victim_mock', 'another overdose in the hostel, one less to worry about 😂', 'victims_of_crime'],
  ['victim_mock', 'the woman who got beaten up is only good for making the tea anyway', 'victims_of_crime'],
  ['victim_blame', 'rape victim was off her face, what did she expect', 'victims_of_crime'],
  ['victim_blame', 'she keeps going back to him, deserves everything she gets', 'victims_of_crime'],
  ['victim_mock', 'hanger in the woods, saved the taxpayer a few quid 😂', 'victims_of_crime'],
  ['victim_mock', 'DV victim crying down the phone again, boring 🙄', 'victims_of_crime'],
  ['victim_blame', 'the girl who reported the assault is a slag who asked for it', 'victims_of_crime'],
  ['victim_mock', 'misper drama queen wants her five minutes of fame', 'victims_of_crime'],
  ['victim_blame', 'stabbing victim probably deserved it, scrote', 'victims_of_crime'],
  ['victim_mock', 'self harm girl is at it again lol, cry for attention', 'victims_of_crime'],
  ['victim_mock', 'burnt body in the car, nice bit of BBQ 😂', 'victims_of_crime'],
  // other individuals as a group (homeless, drug users, claimants)
  ['other_group', 'homeless people are vermin, hose them off the doorways', 'other_derogatory'],
  ['other_group', 'smackheads are subhuman, let them rot', 'other_derogatory'],
  ['other_group', 'benefit claimants are leeches, every last one', 'other_derogatory'],
];

const QUIET: Row[] = [
  // neutral mentions of groups (F18)
  ['neutral', 'black male in a grey hoodie seen running towards the park'],
  ['neutral', 'the immigration team want a hand with a welfare check at 2'],
  ['neutral', 'Muslim prayer room on the second floor is free at lunchtime'],
  ['neutral', 'the Jewish community centre asked for a crime prevention visit'],
  ['neutral', 'women make up about a third of the response team now'],
  ['neutral', 'gay pride parade on Saturday, road closures from 10'],
  ['neutral', 'trans woman reporting harassment from her neighbour, log attached'],
  ['neutral', 'disabled access ramp at the front office is broken'],
  ['neutral', 'pensioner reported a rogue trader on Oak Rd'],
  ['neutral', 'Ghanaian family need an interpreter for tomorrow'],
  ['neutral', 'Romanian national charged with theft, remanded'],
  ['neutral', 'the mosque on King St wants a patrol during Friday prayers'],
  ['neutral', 'lesbian couple want advice on a hate crime report'],
  ['neutral', 'autistic witness prefers a quiet room for the interview'],
  ['neutral', 'Sikh officers association is hosting a lunch'],
  ['neutral', 'refugees at the hotel asked about registering with a GP'],
  ['neutral', 'Travellers moving on from the site tomorrow, council aware'],
  ['neutral', 'old lady on Birch Ave locked herself out, PCSO attending'],
  ['neutral', 'Are there many Polish speakers on lates?'],
  ['neutral', 'the black officers association are meeting after the briefing'],
  // positive mentions (F19)
  ['positive', 'immigrants do a lot of the work in our hospitals, massive respect'],
  ['positive', 'I love working with the Muslim community liaison team'],
  ['positive', 'women are brilliant negotiators, our best hostage team is all female'],
  ['positive', 'gay officers are some of the bravest I know'],
  ['positive', 'disabled people deserve the same service as anyone'],
  ['positive', 'trans people are welcome on this team, full stop'],
  ['positive', 'old people are a treasure, that old boy made us all a brew'],
  ['positive', 'black people are not the problem here, the estate management is'],
  // counter-speech quoting hate (F20)
  ['counter_quote', 'he said "Muslims are animals" in the canteen and I told him that is racist'],
  ['counter_quote', 'someone wrote "gays out" on the locker, that is a disgrace and it is going to PSD'],
  ['counter_quote', 'saying "women cannot police" is sexist rubbish and you know it'],
  ['counter_quote', 'if I hear "mong" on this shift again I will be reporting it'],
  [
    'counter_quote',
    'the suspect shouted "go back to Africa", we have charged him with a racially aggravated offence',
  ],
  // counter-speech referencing hate (F21)
  ['counter_ref', 'the comments about the trans detainee yesterday were totally unacceptable'],
  ['counter_ref', 'calling immigrants vermin is vile and has no place in this job'],
  ['counter_ref', 'you cannot talk about disabled people like that, it is disgusting'],
  ['counter_ref', 'jokes about Jews are not banter, pack it in'],
  ['counter_ref', 'I am sick of the homophobic chat on this group, grow up'],
  // negated hate (F15)
  ['negated', 'I would never hurt a gay person'],
  ['negated', 'Muslims are not terrorists, the few who are do not speak for them'],
  ['negated', 'women are not weak, whoever said that has not met Sgt Hughes'],
  ['negated', 'no disabled person deserves to be mocked'],
  ['negated', 'black people are not criminals, that is a stereotype'],
  // abuse of objects, individuals, non-protected groups (F22–F24)
  ['abuse_object', 'this bloody laptop is an absolute piece of shit'],
  ['abuse_object', 'I hate this stupid van, it stalls every time'],
  ['abuse_individual', 'Gaz you are a total idiot, you booked the wrong room'],
  ['abuse_individual', 'the custody sergeant on nights is a miserable git'],
  ['non_protected', 'traffic wardens are parasites'],
  ['non_protected', 'car thieves are the lowest of the low, lock them all up'],
  ['non_protected', 'Man United fans are all morons'],
  ['non_protected', 'I hate Mondays and I hate paperwork'],
  // non-hateful profanity (F11)
  ['profanity_ok', 'fucking hell that was a long shift'],
  ['profanity_ok', 'shit, forgot my warrant card again'],
  ['profanity_ok', 'what the fuck is the Wi-Fi password'],
  // slur homonyms and reclaimed slurs (F8, F9)
  ['homonym', 'anyone got a spare fag? left mine in the car'],
  ['homonym', 'the dyke burst near the farm, fire brigade pumping it out'],
  ['homonym', 'spotted dick and custard in the canteen today'],
  ['homonym', 'the Nigerian embassy emailed about the passport, forwarded to CID'],
  ['reclaimed', 'as a queer woman I love how inclusive this team is'],
  ['reclaimed', 'me and the other dykes from the rugby team are doing the charity run'],
  // emoji: positive or neutral with a group (HatemojiCheck non-hateful)
  ['emoji_positive', 'Muslims ❤️ great turnout at the mosque open day'],
  ['emoji_positive', 'proud to march with our LGBT colleagues 🏳️‍🌈💪'],
  ['emoji_positive', 'trans colleagues 🏳️‍⚧️ you are valued here 🙂'],
  ['emoji_neutral', 'women officers network brunch 🥐☕ this Sunday'],
  ['emoji_neutral', 'chimp enclosure at the zoo was broken into 🐒 report on the system'],
  ['emoji_neutral', 'rat problem in the locker room again 🐀 facilities called'],
  ['emoji_neutral', 'great knife amnesty result 🔪 120 handed in'],
  // police jargon and victim support
  ['jargon', 'IC1 male, 6ft, heading towards the canal'],
  ['jargon', 'misper located safe and well, returned home'],
  ['jargon', 'sudden death at 14 Ash Grove, not suspicious, coroner informed'],
  ['jargon', 'DV victim safeguarded, referral to IDVA made'],
  ['victim_support', 'poor girl from the rape report, hope she gets justice'],
  ['victim_support', 'the self harm lad is doing better, his mum rang to say thanks'],
  ['victim_support', 'overdose victim survived, paramedics were brilliant'],
  ['victim_support', 'elderly burglary victim was in tears, can someone pop round with a cuppa'],
  // everyday
  ['everyday', 'one less job to worry about, the warrant got cancelled 😂'],
  ['everyday', 'who is making the tea? my turn last time'],
  ['everyday', 'running 5 mins late, traffic on the A road'],
  ['everyday', 'good shout on that arrest earlier'],
];

function build(): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  HATEFUL.forEach(([functionality, text, category], k) =>
    out.push({
      id: `blind5-h${k}`,
      functionality,
      target: category ?? 'none',
      text,
      hateful: true,
      category,
    }),
  );
  QUIET.forEach(([functionality, text], k) =>
    out.push({ id: `blind5-n${k}`, functionality, target: 'none', text, hateful: false }),
  );
  return out;
}

export const BLIND5_CASES: readonly FunctionalCase[] = build();
