/**
 * Implicit derogation in police group chats, with non-hateful twins (written for Scrutineer, in wording
 * that differs from the demo generator's lines). Content warning: hateful statements are test data here.
 *
 * The hateful cases carry no slur: exclusion ("send the lot of them back"), food/smell stereotypes,
 * women's competence and place, promotion "for being a woman", sexualised remarks about colleagues,
 * "so gay" as an insult, mocking Pride, and blaming or mocking victims of domestic abuse and sexual
 * offences. The twins use the same words in ordinary police talk (DA, DV, SA, misper, IC codes, "back
 * with him", "Pride", "curry", "kitchen", "sent back", counter-speech). Written before the rules that
 * cover them; nothing here is used for training.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import type { FlagCategory } from '../../../src/contract/coding.js';

type Hateful = [text: string, category: FlagCategory];

const RACE: Hateful[] = [
  ['Van full of Albanians again, send the lot of them back', 'race_ethnicity'],
  ['Pulled another Romanian, no MOT, no tax. Ship them all home', 'race_ethnicity'],
  ['Three Poles nicked for drink driving tonight, deport the lot of them', 'race_ethnicity'],
  ["Can't understand a word he says. Go back to your own country mate", 'race_ethnicity'],
  ['Speak English or go home 🤷‍♂️', 'race_ethnicity'],
  ["If you don't like it here go back where you came from", 'race_ethnicity'],
  ['Told him to fuck off back to Poland 😂', 'race_ethnicity'],
  ['Whole landing in custody reeks of curry, must be a full house tonight 🤮', 'race_ethnicity'],
  ['Cells stink of curry again, guess who we nicked 🤢', 'race_ethnicity'],
  ['Back of the carrier smells like a curry house after that lot', 'race_ethnicity'],
  ['All the same these Somalis, lying through their teeth', 'race_ethnicity'],
  ['Another boat load of migrants in Dover, send them straight back', 'race_ethnicity'],
  ['Just put the Romanians back on the next coach home', 'race_ethnicity'],
  ['These Eastern Europeans should all be shipped back', 'race_ethnicity'],
  ['Another one who can barely speak English. Go back home pal', 'race_ethnicity'],
  ['Stinks of curry in here, the Patels must be in again 🤢', 'race_ethnicity'],
  ['Kurds in the car wash again, ship them back where they came from', 'race_ethnicity'],
  ["Couldn't get a word of English out of her. Should send her back", 'race_ethnicity'],
  ['Pakistanis, all the same them lot, cannot trust a word', 'race_ethnicity'],
  ['Learn the language or get out of my country', 'race_ethnicity'],
  ['Stop and search on the estate, place smells of curry and weed, typical', 'race_ethnicity'],
  ['Bunch of Albanians in the cannabis farm, just fly them all home', 'race_ethnicity'],
];

const WOMEN: Hateful[] = [
  ["Women can't handle response, too emotional", 'sex_women'],
  ["Females shouldn't be on the frontline, they can't fight", 'sex_women'],
  ['Get back to the kitchen where you belong Sarah', 'sex_women'],
  ["Lisa, kitchen's that way 😂", 'sex_women'],
  ['Make me a sandwich love and leave the policing to the lads', 'sex_women'],
  ["Only made sergeant cos she's a woman", 'sex_women'],
  ["She only got promoted because she's female, box ticking", 'sex_women'],
  ['We all know how the new inspector got her pips 😏 on her knees', 'sex_women'],
  ['Bet she got that promotion on her knees 😂', 'sex_women'],
  ['Female officers are useless in a fight, shouldnt be on the van', 'sex_women'],
  ['Women should not be allowed on firearms', 'sex_women'],
  ["The new PC is well fit, I'd give her one 😏", 'sex_women'],
  ["She can cuff me any time 😉 I'd bend her over the bonnet", 'sex_women'],
  ['Tell Jess to stick to making the tea, leave the arrests to us', 'sex_women'],
  ["She's only on the team to fill a quota", 'sex_women'],
  ['Ladies should not be doing this job, too emotional', 'sex_women'],
  ['Women on nights are a liability, cry at every RTC', 'sex_women'],
  ['Back to the kitchen Chloe 😂😂', 'sex_women'],
  ["Doesn't matter how she passed the board, she got those stripes for being a woman", 'sex_women'],
  ['New tutor is fit though, wouldnt mind a private debrief with her 😏', 'sex_women'],
  ['Women in the job are a waste of a uniform', 'sex_women'],
  ['Female sergeants just cry when it kicks off', 'sex_women'],
];

const GAY: Hateful[] = [
  ['Mate your shoes are so gay 😂', 'sexual_orientation'],
  ['That shirt is well gay, did your boyfriend pick it?', 'sexual_orientation'],
  ["Dave's new car is proper gay lol", 'sexual_orientation'],
  ["Who's doing Pride? Not watching that lot mince about all day", 'sexual_orientation'],
  ['Pride duty again, bunch of them prancing around in feathers 🙄', 'sexual_orientation'],
  ['He bats for the other side that one, keep your back to the wall', 'sexual_orientation'],
  ['Bit light on his feet the new DC, know what I mean 😉', 'sexual_orientation'],
  ["That's so gay mate, sort it out", 'sexual_orientation'],
  ["Can't stand Pride, a load of blokes prancing about in thongs", 'sexual_orientation'],
  ['Your new haircut is dead gay Tom 😂', 'sexual_orientation'],
  ['Limp wristed lot in the diversity unit', 'sexual_orientation'],
  ['Pride march again, watching them mincing around for 8 hours, kill me', 'sexual_orientation'],
  ['Why is your ringtone so gay lol', 'sexual_orientation'],
  ["No homo but you're looking well gay in that hat", 'sexual_orientation'],
];

const VICTIMS: Hateful[] = [
  ["DV at the usual address. She'll be back with him before we've done the paperwork 😂", 'victims_of_crime'],
  ['Another DA from her. She must love it, keeps going back', 'victims_of_crime'],
  ['Domestic at 4. She knows how to push his buttons, no wonder she got a slap', 'victims_of_crime'],
  ["If she kept her mouth shut she wouldn't get hit", 'victims_of_crime'],
  ['Fourth DA call from her this week, crying wolf again. Not rushing', 'victims_of_crime'],
  ['Rape report from the club. Drunk, pulled, regretted it. Same every weekend 🙄', 'victims_of_crime'],
  ['Classic regret rape, she was all over him on the CCTV', 'victims_of_crime'],
  ['Walking home through the park at 3am in that dress, what did she think would happen', 'victims_of_crime'],
  ['What did she expect wearing that to a nightclub', 'victims_of_crime'],
  ['Another SA allegation from the halls, they all cry rape after a bad night', 'victims_of_crime'],
  ['DA again at 12, she loves the attention 🙄', 'victims_of_crime'],
  ["Honestly if she stopped nagging him he wouldn't keep losing his temper", 'victims_of_crime'],
  ['She probably provoked him, they always do', 'victims_of_crime'],
  ["DV victim at 22 again, waste of a unit, she'll never leave him lol", 'victims_of_crime'],
  ['SA at the uni. Another drunk student who changed her mind in the morning 🙄', 'victims_of_crime'],
  ["Grade 1 domestic? She's winding us up again, take your time", 'victims_of_crime'],
  ['DA at 7 again, she must enjoy it by now 😂', 'victims_of_crime'],
  ['She winds him up then cries when he slaps her', 'victims_of_crime'],
  ["Third call from her tonight. Boy who cried wolf, I'm not rushing", 'victims_of_crime'],
  ['Rape allegation from the freshers party. Too much vodka and regrets 😂', 'victims_of_crime'],
  ["DV at number 9. She'll be back with him by the weekend, she likes it 😂", 'victims_of_crime'],
  ["If she didn't wind him up she wouldn't get a slap would she", 'victims_of_crime'],
];

const NOT_HATEFUL: string[] = [
  // Nationality, immigration and food, operationally.
  'The Romanian driver had no insurance, car seized',
  'Car full of Albanians stopped on the M25, immigration checks done, all released',
  'Interpreter booked, the detainee only speaks Polish',
  "He couldn't understand a word, so we got Language Line on",
  'Immigration confirmed he will be deported next week',
  'curry night Friday?',
  'Custody smells of bleach again, the cleaners have been in',
  'The van stinks of curry, who left their takeaway in the footwell?',
  'Stopped a car full of Romanians, all insured and licensed, sent them on their way',
  'Polish victim, interpreter needed for the statement',
  'Go back to where you parked and wait for the van',
  'Go back home and get some sleep, you look shattered',
  'Custody is a full house tonight, every cell is occupied',
  'Somali community leaders meeting at the mosque on Thursday',
  'IC4 male, speaks little English, interpreter requested',
  'Deportation hearing for the Albanian nominal is next week',
  'Send the Romanian interpreter back to the front desk when he is done',
  'Two Albanians arrested, send them back to custody after the interview',
  'Anyone fancy a curry after the late shift?',
  'I could murder a chicken tikka right now',
  'IC3 male, 6ft, grey tracksuit, last seen heading to the flats',
  'Border Force have the two Kurds, they go back to the holding centre tonight',
  // Women, colleagues, promotion.
  "women's football on the telly",
  'Female officer needed for the search at the custody desk',
  'New custody sergeant got her stripes last week, well deserved',
  'Congrats Sarah on making sergeant 🎉',
  "Megan's in the kitchen making a brew if anyone wants one",
  "I'll get back in the kitchen and finish the washing up",
  "Kitchen's that way, there's cake for Kev's leaving do",
  'She was found on her knees in the garden, paramedics on scene',
  "Megan can drive the van today, I'm on the radio",
  'Women on response are doing a great job this year',
  "She's fit for duty, OH signed her off",
  "I'd give her a lift home but I'm on till 7",
  'She got promoted on merit, passed the board first time',
  'Tell Jess the tea is on me today',
  'Sarge wants the female PC to take the victim statement',
  'Make me a brew Dave, two sugars',
  'Our new inspector is a woman and she is sharp',
  'She cried at the sudden death, it was a baby, we all did',
  'Women officers network meeting at 2pm in the canteen',
  // Gay people and Pride.
  'Pride parade duty rota is out',
  'Pride overtime available, sign up on the sheet',
  'Gay couple reported a burglary at number 14',
  'So gay marriage has been legal since 2014?',
  'Chris that haircut is sharp 😂 who did it?',
  'Kids were prancing about in the paddling pool all afternoon',
  'Mince pies in the parade room',
  'My daughter came out as gay, so proud of her',
  'LGBT liaison officer will attend the Pride briefing',
  'Pride went off without a single arrest, nice work all',
  'His boyfriend is the informant, statement taken',
  // Victims, DA/DV/SA, misper, counter-speech.
  'DA call at number 12, attending',
  "she's back with him again, safeguarding referral done",
  'victim is a 19-year-old female, SA reported at the halls',
  "you can't say she was asking for it, that's out of order",
  'DV at 22, third call this month, MARAC referral made',
  'Misper again from the care home, grade 2, attending now',
  'Rape report from the student halls, ISVA informed',
  'She wants to withdraw, DASH done, high risk',
  'Not rushing on blues, the road is icy, ETA 10',
  'Victim said she had been drinking, statement taken, CCTV requested',
  'DA call from her again. Grade 1, on our way',
  'She went back to him again, really worried for her, IDVA informed',
  'Never say a victim was asking for it, not in this job',
  'Not rushing this interview, we will do it properly tomorrow',
  'SA victim at the hospital, ABE interview booked',
  "Third DA call from her this month, she's terrified, DVPN applied for",
  'RTC on the ring road, female driver trapped, fire on scene',
  "She'll be back with her mum by Friday, the social worker says",
  'Boy who cried wolf was the theme of the school assembly we did',
  'Rape suspect claims she wanted it, CPS will not buy that',
  'Misper found on the bridge, safe and well, handed to MH team',
  'The victim regretted not calling us sooner',
  'SA reported, victim very drunk, early evidence kit used',
  'Domestic at 4, she has a cut lip, suspect arrested',
];

function build(): FunctionalCase[] {
  const cases: FunctionalCase[] = [];
  const groups: [string, Hateful[]][] = [
    ['race', RACE],
    ['women', WOMEN],
    ['gay', GAY],
    ['victims', VICTIMS],
  ];
  for (const [target, list] of groups) {
    list.forEach(([text, category], k) =>
      cases.push({
        id: `police-implicit-${target}-${k}`,
        functionality: 'police_implicit_hateful',
        target: `police-${target}`,
        text,
        hateful: true,
        category,
      }),
    );
  }
  NOT_HATEFUL.forEach((text, k) =>
    cases.push({
      id: `police-implicit-ok-${k}`,
      functionality: 'police_implicit_not_hateful',
      target: 'none',
      text,
      hateful: false,
    }),
  );
  return cases;
}

export const POLICE_IMPLICIT_CASES: readonly FunctionalCase[] = build();
