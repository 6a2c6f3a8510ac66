/**
 * Fourth-round blind set (issue 14 leftovers), written on 6 Dec 2026 BEFORE any change to the rules,
 * terms or model that it measures, and never used to tune them: the numbers it gives before and after
 * (docs/flagger.md, Results) are how the flagger does on phrasing nobody tuned it for. HateCheck-style
 * functionalities for every target group, in the register officers text in, with quiet twins that
 * mention the same groups neutrally. The corpus build leaves these sentences out (scripts/flagger/train.ts).
 *
 * Content warning: hateful statements and slurs are test data here.
 */

import type { FlagCategory } from '../../../src/contract/coding.js';
import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';

type Row = [functionality: string, text: string, category?: FlagCategory];

const HATEFUL: Row[] = [
  // race and ethnicity
  ['derogation', 'the Eritreans in that hostel are a filthy bunch, every last one', 'race_ethnicity'],
  ['dehumanising', 'Kosovans breed like cockroaches, no wonder the estate is full', 'race_ethnicity'],
  ['threat', 'next Romanian that mouths off at me is getting his head kicked in', 'race_ethnicity'],
  ['slur', 'typical wog behaviour on the high street again', 'race_ethnicity'],
  ['profanity', 'fucking Pakistanis think they own the place', 'race_ethnicity'],
  [
    'reference_back',
    'Went to the Somali address on Crane St. They are animals, the lot of them',
    'race_ethnicity',
  ],
  ['negated_positive', 'black lads are not capable of holding down a proper job', 'race_ethnicity'],
  ['question', 'why are Albanians always such lying scum?', 'race_ethnicity'],
  ['spell_swap', 'Pakistainis are all groomers', 'race_ethnicity'],
  ['spell_leet', 'r0mani4ns are thieving scum', 'race_ethnicity'],
  ['emoji', 'another van full of Nigerians 🐒🐒', 'race_ethnicity'],
  ['joke', 'how many Poles does it take to rob a Lidl? all of them 😂', 'race_ethnicity'],
  ['implicit', 'honestly the Afghans should all be shipped back on the next flight', 'race_ethnicity'],
  ['opinion', 'I genuinely think Asians are a plague on this county', 'race_ethnicity'],
  ['travellers', 'pikeys camped on the rec again, worthless the lot of them', 'race_ethnicity'],
  // religion
  ['derogation', 'Muslims are backward savages, simple as', 'religion'],
  ['dehumanising', 'the Jews in that synagogue are parasites', 'religion'],
  ['threat', 'someone needs to burn down that gurdwara with them inside', 'religion'],
  ['slur', 'bunch of ragheads outside the station kicking off', 'religion'],
  ['profanity', 'bloody Muslims and their bloody Ramadan, shit the lot of them', 'religion'],
  ['reference_back', 'Hindus in the queue again. They stink and they never learn', 'religion'],
  ['negated_positive', 'Muslims are not real British citizens and never will be', 'religion'],
  ['question', 'why do Sikhs think they are better than everyone else, filthy lot?', 'religion'],
  ['spell_swap', 'Msulims are a disease on this country', 'religion'],
  ['spell_spaces', 'j e w s are scum', 'religion'],
  ['emoji', 'mosque lot 🤮🤮', 'religion'],
  ['joke', 'whats the difference between a Muslim and a bomb? the bomb has a job 😂', 'religion'],
  ['opinion', 'all Jews are greedy, that is just a fact', 'religion'],
  // women
  ['derogation', 'women on response are a waste of a uniform', 'sex_women'],
  ['dehumanising', 'female sergeants are cows, every one of them', 'sex_women'],
  ['threat', 'that mouthy woman from the control room wants a slap', 'sex_women'],
  ['slur', 'the new DC is a right slag, she will be round the whole shift', 'sex_women'],
  ['profanity', 'fucking women drivers, cannot park a carrier to save their lives', 'sex_women'],
  ['reference_back', 'Got two women on my team now. They are useless and they cry all the time', 'sex_women'],
  ['negated_positive', 'women are not fit to lead a firearms team', 'sex_women'],
  ['question', 'why do they even let women join traffic, they are hopeless?', 'sex_women'],
  ['spell_swap', 'wmoen are thick as mince', 'sex_women'],
  ['spell_leet', 'w0m3n are pathetic', 'sex_women'],
  ['emoji', 'women in the job 🤮', 'sex_women'],
  ['joke', 'woman inspector? must have been on her knees for that one 😉', 'sex_women'],
  ['implicit', 'she should be at home making the tea, not running a custody suite', 'sex_women'],
  ['opinion', 'in my opinion girls are too stupid for CID', 'sex_women'],
  // sexual orientation
  ['derogation', 'gays are disgusting perverts', 'sexual_orientation'],
  ['dehumanising', 'those lesbians from the rugby club are animals', 'sexual_orientation'],
  ['threat', 'I will knock out any gay who comes near me in the changing room', 'sexual_orientation'],
  ['slur', 'PC Harris is a massive poof, look at him mince', 'sexual_orientation'],
  ['profanity', 'fucking queers everywhere at this Pride detail', 'sexual_orientation'],
  ['reference_back', 'Two gay blokes at the front desk. They make me sick', 'sexual_orientation'],
  ['negated_positive', 'gay men are not normal and never will be', 'sexual_orientation'],
  ['question', 'why do bisexuals lie about everything?', 'sexual_orientation'],
  ['spell_swap', 'homosexulas are sick in the head', 'sexual_orientation'],
  ['spell_other', 'f4gs should be kept away from kids', 'sexual_orientation'],
  ['emoji', '🏳️‍🌈 lot are vile 🤮', 'sexual_orientation'],
  ['joke', 'what do you call a gay copper? bent 😂', 'sexual_orientation'],
  // gender identity
  ['derogation', 'trans people are deluded freaks', 'gender_identity'],
  ['dehumanising', 'that tranny in cell 3 is a thing, not a woman', 'gender_identity'],
  ['threat', 'trans activists outside the station need a good kicking', 'gender_identity'],
  ['slur', 'shemale in the back of the van kicking off', 'gender_identity'],
  ['profanity', 'fucking trannies wanting their own toilets now', 'gender_identity'],
  [
    'reference_back',
    'Non binary officer joined the team. They are a joke and an embarrassment',
    'gender_identity',
  ],
  ['negated_positive', 'trans women are not real women and should not be searched by us', 'gender_identity'],
  ['question', 'why are trans people all so mentally ill?', 'gender_identity'],
  ['spell_swap', 'tarns people are disgusting', 'gender_identity'],
  ['emoji', '🏳️‍⚧️ = 🤡🤮', 'gender_identity'],
  [
    'joke',
    'how do you know someone is trans? they will bang on about it for the whole shift 🙄',
    'gender_identity',
  ],
  // disability
  ['derogation', 'the disabled are a drain on everyone', 'disability'],
  ['dehumanising', 'autistics are like robots, not people', 'disability'],
  ['threat', 'next mong who spits at me gets tasered', 'disability'],
  ['slur', 'that witness is a proper retard', 'disability'],
  ['profanity', 'fucking cripples blocking the front office again', 'disability'],
  ['reference_back', 'Dyslexic new starter on nights. They are all thick and lazy', 'disability'],
  ['negated_positive', 'disabled officers are not proper coppers', 'disability'],
  ['question', 'why do we even hire people in wheelchairs, what use are they?', 'disability'],
  ['spell_swap', 'retrads like him should be locked up', 'disability'],
  ['spell_other', 'sp4stics should not be on the road', 'disability'],
  ['emoji', 'wheelchair lot ♿🤮', 'disability'],
  ['joke', 'why did the deaf guy cross the road? nobody cares he cannot hear you anyway 😂', 'disability'],
  ['opinion', 'mentally ill people are dangerous and should be kept away from normal folk', 'disability'],
  // age
  ['derogation', 'pensioners are a useless waste of space', 'age'],
  ['dehumanising', 'old people are vermin, clogging up every hospital', 'age'],
  ['threat', 'the old codgers at the meeting should be shot', 'age'],
  ['profanity', 'fucking old biddies ringing in about nothing', 'age'],
  ['reference_back', 'Three pensioners on the parish panel. They are thick as pigshit', 'age'],
  ['negated_positive', 'old people are not worth the effort of a response', 'age'],
  ['question', 'why do old people even bother reporting stuff, they are senile?', 'age'],
  ['implicit', 'that old woman from the burglary should be put in a home and left there', 'age'],
  ['joke', 'how do you stop an old man nicking? take his zimmer 😂 useless old git', 'age'],
  // victims of crime
  ['victim_blame', 'she was dressed like that and drunk, course she got raped', 'victims_of_crime'],
  ['victim_blame', 'DV victim again, she must like getting battered', 'victims_of_crime'],
  ['victim_mock', 'the jumper off the bridge last night, one less to deal with 😂', 'victims_of_crime'],
  ['victim_mock', 'misper is just an attention seeking little tart', 'victims_of_crime'],
  ['victim_mock', 'self harmer on a 136 again, should have cut deeper 😂', 'victims_of_crime'],
  ['victim_blame', 'rape victim is a lying slapper, she regretted it next morning', 'victims_of_crime'],
  ['victim_mock', 'dead junkie in the flat, no loss to anyone 🤷', 'victims_of_crime'],
  ['victim_blame', 'the lad who got stabbed had it coming, scumbag family', 'victims_of_crime'],
];

const QUIET: Row[] = [
  // neutral mentions of groups in police work
  ['neutral', 'the Somali family on Elm Road called about a burglary'],
  ['neutral', 'Romanian male arrested for shop theft, interpreter booked'],
  ['neutral', 'Muslim chaplain visiting custody at 3'],
  ['neutral', 'synagogue security meeting moved to Thursday'],
  ['neutral', 'female officer needed for a search in cell 6'],
  ['neutral', 'gay couple reporting criminal damage to their car'],
  ['neutral', 'trans detainee asked for a female searcher, sorted'],
  ['neutral', 'elderly victim of a distraction burglary, statement taken'],
  ['neutral', 'disabled driver bay outside the nick is blocked again'],
  ['neutral', 'Polish community event this weekend, PCSOs attending'],
  ['neutral', 'Albanian interpreter running late, interview pushed to 4'],
  ['neutral', 'the Nigerian High Commission rang about the detainee'],
  ['neutral', 'Sikh temple reported a break in overnight, SOCO tasked'],
  ['neutral', 'the Pakistani takeaway on Bridge St wants a crime number'],
  ['neutral', 'autistic lad in custody needs an appropriate adult'],
  ['neutral', 'Irish travellers moved off the park, council dealing'],
  ['neutral', 'Black History Month event at HQ, all welcome'],
  ['neutral', 'old boy on Park Lane says his pension was stolen'],
  ['neutral', 'Chinese student lost her phone on the bus'],
  ['neutral', 'Jewish school asking for a patrol at pick up'],
  ['neutral', 'lesbian and gay liaison officer is on leave this week'],
  ['neutral', 'women officers network meeting is in room 2'],
  ['neutral', 'Kurdish barber shop owner wants to make a statement'],
  ['neutral', 'deaf witness needs a BSL interpreter for the VIIW'],
  ['neutral', 'Eritrean lads at the hostel reported being assaulted'],
  // reports of a crime or of someone else's words
  ['report', 'suspect called the victim a Paki, recorded as a racially aggravated public order'],
  ['report', 'caller says neighbours shouted that gays should be shot, hate crime crime report raised'],
  ['report', 'graffiti saying Jews out on the bus shelter, photographed and cleaned'],
  ['report', 'victim says the group told her women belong in the kitchen then hit her'],
  ['report', 'witness heard him say he would burn the mosque down, arrest made'],
  // counter-speech
  ['counter', 'calling the disabled a drain is disgusting, I expect better from this shift'],
  ['counter', 'if you think trans people are freaks you should not be wearing the uniform'],
  [
    'counter',
    'that comment about Muslims in the briefing was out of order, I have flagged it to the inspector',
  ],
  ['counter', 'stop saying women are useless on response, Sarah carried that job'],
  ['counter', '"go back to your own country" is not banter, it is racist'],
  // negation
  ['negation', 'no one deserves to be called a retard, least of all a kid'],
  ['negation', 'Travellers are not all thieves, the Wards have been nothing but helpful'],
  ['negation', 'I would never say gay people are sick'],
  // positive
  ['positive', 'the Muslim community were brilliant with the search, tea and all'],
  ['positive', 'our new trans colleague is fantastic at interviews'],
  ['positive', 'old boy at the scene was a legend, gave us the reg number'],
  ['positive', 'female sergeants on nights are the best in the force'],
  // police jargon and false friends
  ['jargon', 'IC3 female, 5ft 6, last seen heading towards the Asda'],
  ['jargon', 'DA job at 42 Mill Lane, victim safe, DASH done'],
  ['jargon', 'section 136 on the bridge, ambulance on scene'],
  ['jargon', 'misper found safe and well at her nans'],
  ['jargon', 'SA report received, ISVA contacted'],
  ['false_friend', 'nipping out for fags, anyone want anything'],
  ['false_friend', 'Niger Delta oil case file sent to the CPS'],
  ['false_friend', 'Nigel from control wants a call back'],
  ['false_friend', 'the faggots and peas at the canteen are back on'],
  ['false_friend', 'he has gone on a right bender since the divorce'],
  ['false_friend', 'need a volunteer for the early turn'],
  ['false_friend', 'paki shop? no, it is the Costcutter on Hill St'],
  // non-protected targets, individuals, objects
  ['non_protected', 'politicians are all useless liars'],
  ['non_protected', 'the CPS are a joke, charged nothing again'],
  ['non_protected', 'burglars are scum, hope he gets a long stretch'],
  ['abuse_individual', 'Dave you absolute melt, you left the keys in the car'],
  ['abuse_object', 'this radio is a useless piece of crap'],
  ['threat_untargeted', 'if that printer jams again I will kill it'],
  // everyday
  ['everyday', 'who has got the keys for the van'],
  ['everyday', 'on my way, 10 mins'],
  ['everyday', 'lol no chance'],
  ['everyday', 'anyone fancy a brew'],
  ['everyday', 'shift swap on Tuesday anyone?'],
  ['everyday', 'nice one, ta'],
  ['everyday', 'court at 10 tomorrow, will be late in'],
];

function build(): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  HATEFUL.forEach(([functionality, text, category], k) =>
    out.push({
      id: `blind4-h${k}`,
      functionality,
      target: category ?? 'none',
      text,
      hateful: true,
      category,
    }),
  );
  QUIET.forEach(([functionality, text], k) =>
    out.push({ id: `blind4-n${k}`, functionality, target: 'none', text, hateful: false }),
  );
  return out;
}

export const BLIND4_CASES: readonly FunctionalCase[] = build();
