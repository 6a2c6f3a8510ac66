/**
 * Third-round blind check (issue 14), written for Scrutineer AFTER the corpus and model were built and
 * BEFORE running them through the flagger; nothing here was used for training or tuning (the corpus
 * build leaves these sentences out too). Police-chat register, one or two per HateCheck-style
 * functionality, with quiet twins. Content warning: hateful statements are test data here.
 *
 * The figures it gives (docs/flagger.md, Results) are the honest estimate of how the flagger does on
 * phrasing nobody tuned it for; the test only guards against a large regression.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import { buildBlindCases, type BlindRow as Row } from './blind-build.js';

const HATEFUL: Row[] = [
  ['derogation', 'Honestly the Kurds on that estate are the scum of the earth', 'race_ethnicity'],
  ['derogation', 'every Sikh I have ever dealt with has been a lying little weasel', 'religion'],
  [
    'derogation',
    'female response drivers are a menace, should never have been given blue light tickets',
    'sex_women',
  ],
  ['derogation', 'bisexuals are just greedy and dishonest', 'sexual_orientation'],
  ['derogation', 'the deaf lad from the shop is a useless waste of a wage', 'disability'],
  ['dehumanising', 'those Roma are like rats, they breed in every empty house', 'race_ethnicity'],
  ['dehumanising', 'trans women are nothing but blokes in costume, freaks', 'gender_identity'],
  ['threat', 'next Paki who gives me attitude is going in the cell head first', 'race_ethnicity'],
  ['threat', 'I swear I will batter the next gay who tries it on with me', 'sexual_orientation'],
  ['threat', 'someone should torch that mosque', 'religion'],
  ['slur', 'stopped a car full of spastics from the day centre lol', 'disability'],
  ['slur', 'that dyke from CID is doing my head in', 'sexual_orientation'],
  ['profanity', 'fucking Muslims everywhere you look in this town', 'religion'],
  ['profanity', 'bloody pensioners clogging up the A and E again, should be shot', 'age'],
  ['pronoun', 'Albanians again. They are all criminals, every one of them', 'race_ethnicity'],
  ['pronoun', "Had a call with the lesbians from Pride. They're disgusting", 'sexual_orientation'],
  ['negated_positive', 'Nigerians are not honest people, never have been', 'race_ethnicity'],
  ['negated_positive', 'a woman will never make a decent firearms officer', 'sex_women'],
  ['question', 'why do autistic people even bother applying to the job?', 'disability'],
  ['question', "isn't it obvious that immigrants are ruining this town?", 'race_ethnicity'],
  ['opinion', 'in my view trans people are mentally unwell and should be treated as such', 'gender_identity'],
  ['spelling', 'musl1ms are vermin', 'religion'],
  ['spelling', 'w o m e n are useless on nights', 'sex_women'],
  ['spelling', 'imigrants are parasites', 'race_ethnicity'],
  ['spelling', 'gays are disgustnig', 'sexual_orientation'],
  ['emoji', 'Jews 🐀🐀', 'religion'],
  ['emoji', 'another wheelchair job 🙄🤮', 'disability'],
  ['implicit', 'she only made sergeant cos they needed a woman on the board', 'sex_women'],
  ['implicit', 'Lithuanians, go home and take your knives with you', 'race_ethnicity'],
  ['implicit', 'old boy from the burglary needs putting in a home, past it', 'age'],
  ['victims', 'another rape allegation from a girl who got drunk and regrets it 🙄', 'victims_of_crime'],
  ['victims', 'misper is a 15 year old slapper, she will turn up when she is bored 😂', 'victims_of_crime'],
  ['victims', 'DV victim rang again, if she keeps going back she deserves what she gets', 'victims_of_crime'],
  ['victims', 'the overdose from last night, good riddance to bad rubbish 😂', 'victims_of_crime'],
  ['joke', 'what do you call a Romanian in a suit? the accused 😂', 'race_ethnicity'],
];

const QUIET: Row[] = [
  ['counter', 'He called the IP a Paki. Disgraceful, I have reported him'],
  ['counter', 'saying women cannot do firearms is sexist rubbish, look at Sarah'],
  ['counter', '"Muslims are vermin" was sprayed on the mosque wall, scene preserved'],
  ['report', 'Suspect said all Albanians are criminals, interview recorded, RA charge'],
  ['report', 'victim says the group shouted homophobic abuse at him, CCTV requested'],
  ['negation', 'no Traveller deserves to be treated like that by us'],
  ['negation', 'I have never thought disabled officers are less capable'],
  ['neutral', 'Eid prayers at the mosque on Friday, extra patrols requested'],
  ['neutral', 'trans prisoner in cell 4, female searcher needed'],
  ['neutral', 'Nigerian embassy rang about the deportation paperwork'],
  ['neutral', 'Polish interpreter is booked for 2pm'],
  ['positive', 'Pride went brilliantly, proud of the LGBT network 🏳️‍🌈'],
  ['positive', 'the deaf witness was fantastic, clear as anything'],
  ['false_friend', 'popping to the garage for fags and a meal deal'],
  ['false_friend', 'Nigel says the custody clock is wrong again'],
  ['false_friend', 'he was on a bender all weekend, still hanging'],
  ['jargon', 'IC4 male seen running from the scene, PNC check done'],
  ['jargon', 'DA call, victim safe at her sisters, DASH high risk'],
  ['jargon', 'misper returned, debrief done, no concerns'],
  ['non_protected', 'the CPS are useless, they dropped it again'],
  ['non_protected', 'that burglar is a proper scumbag'],
  ['everyday', 'lol'],
  ['everyday', 'typical Monday'],
  ['everyday', 'who is doing the report for the RTC?'],
  ['everyday', 'Don’t care if PSD see this, I am having the last doughnut'],
];

export const BLIND_CASES: readonly FunctionalCase[] = buildBlindCases('blind3', HATEFUL, QUIET);
