/**
 * Tenth-round blind check, written on 7 Dec 2026 by a new, independent author who had read none of
 * the engine (src/analysis/flagger/), its data (data/flagger/), its docs or the other case files: only
 * the row format and builder in blind-build.ts, the first 25 lines of blind9-cases.ts (header and
 * import style, and its first rows as a format example) and the list of category names in
 * src/contract/coding.ts. Written in one sitting, in the register of a seized WhatsApp group of UK
 * police officers and detention staff in a custody suite (shorthand, typos, lower case, emoji,
 * replies, cell numbers, PACE jargon), and never run through the flagger before it was committed, so
 * its first measurement is an honest figure on wording nobody tuned on.
 *
 * 150 hateful lines spread roughly as a real group's would be (race and ethnicity 30, religion 15,
 * women 25, sexual orientation 12, gender identity 12, disability and mental health 15, age 6, victims
 * of crime 25, other people 10) and 100 quiet lines: 40 hard negatives (counter-speech, reports of what
 * a detainee, suspect or caller said, slang false friends, custody jargon, victim support, negation of
 * a stereotype) and 60 ordinary messages of the same group.
 *
 * Content warning: hateful statements, slurs, threats and victim blaming are test data here.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import { buildBlindCases, type BlindRow as Row } from './blind-build.js';

const HATEFUL: Row[] = [
  // race and ethnicity (30)
  ['slur', 'cell 4 is another p4ki shoplifter, third one this week 🙄', 'race_ethnicity'],
  ['slur', 'who booked the n1gg@ in cell 9, he wants his phone call', 'race_ethnicity'],
  ['slur', 'wog in 7 says he needs an interpreter, understood me fine when i said kfc', 'race_ethnicity'],
  ['slur', 'sgt wants the chinky lot from the nail bar processed before lunch', 'race_ethnicity'],
  ['slur', 'coon in the drunk tank singing again lol', 'race_ethnicity'],
  ['slur', 'anyone else think the new dc is a bit of a bounty? black outside white inside', 'race_ethnicity'],
  ['derogation', 'the polish ones always stink of vodka and feet, swear its genetic', 'race_ethnicity'],
  ['derogation', 'romanians in 2 and 3, count your fingers after you search them', 'race_ethnicity'],
  ['derogation', 'cant understand a word the pakistani lad says, learn english or go home', 'race_ethnicity'],
  [
    'opinion',
    'honestly if we deported everyone in this town who wasnt born here the crime rate would halve',
    'race_ethnicity',
  ],
  [
    'opinion',
    'black lads are just more violent, not being funny its in the custody figures every shift',
    'race_ethnicity',
  ],
  [
    'opinion',
    'mixed race kids are always the worst, dont know who they are so they lash out',
    'race_ethnicity',
  ],
  ['dehumanising', 'cell 6 is like a zoo enclosure, 4 somalis grunting at each other', 'race_ethnicity'],
  ['dehumanising', 'hose the albanians down before they go back in, like cattle at market', 'race_ethnicity'],
  ['question', 'why do the asians always need a translator the second theyre nicked?', 'race_ethnicity'],
  ['question', 'genuine q, do the eritreans in 5 even know what a toilet is', 'race_ethnicity'],
  [
    'joke',
    'whats the difference between a nigerian and a scam email? the scam email has a job 😂',
    'race_ethnicity',
  ],
  ['joke', 'knock knock. whos there? another kosovan with no id and 6 mates 🤣', 'race_ethnicity'],
  [
    'joke',
    'offered the jamaican lad a hot meal, he asked if it came with chicken and a blade 😂',
    'race_ethnicity',
  ],
  [
    'threat',
    'if that gobby black kid spits at me again the cctv in 3 is going to be "broken" for a bit',
    'race_ethnicity',
  ],
  [
    'threat',
    'next chinese fella who pretends he cant speak english gets left in there till his clock runs out and then some',
    'race_ethnicity',
  ],
  ['emoji', 'guess whos back in cell 2 🐒🍌', 'race_ethnicity'],
  ['emoji', 'new arrivals from the car wash 🇷🇴🪳🪳🪳', 'race_ethnicity'],
  ['emoji', 'lads from the estate booked in 🦍🦍🦍 no prizes for guessing what colour', 'race_ethnicity'],
  ['implicit', 'shocker, the stabbing suspect wasnt called dave', 'race_ethnicity'],
  ['implicit', 'another "asian male" in for grooming, must be a coincidence 🤔', 'race_ethnicity'],
  ['implicit', 'he says hes british. yeah course you are mate, and im the queen', 'race_ethnicity'],
  [
    'implicit',
    'dont need the pnc to guess where the pickpocket in 8 is from, just follow your nose',
    'race_ethnicity',
  ],
  [
    'reference_back',
    'the turks from the barber shop raid are in 1 and 2. filthy lot, deep clean the cells after',
    'race_ethnicity',
  ],
  [
    'reference_back',
    'nigerians from the fraud job are in. lying is in their blood, not one will tell the truth in interview',
    'race_ethnicity',
  ],

  // religion (15)
  ['slur', 'muzzie in cell 3 wants a prayer mat, told him the floor is free', 'religion'],
  ['slur', 'towelhead in 5 refusing the sausage, more for us', 'religion'],
  [
    'derogation',
    'every muslim detainee wants halal, prayer times and no female staff. special treatment for a special religion',
    'religion',
  ],
  ['derogation', 'jews in the fraud job, what a surprise, follow the money lol', 'religion'],
  ['opinion', 'islam is a cult for nonces and saying so isnt racist, its not a race', 'religion'],
  [
    'opinion',
    'hindu shopkeepers are tight as anything, wont even give us a free coffee, its a religion thing',
    'religion',
  ],
  ['dehumanising', 'friday prayers let out and the suite fills up like rats off a ship', 'religion'],
  [
    'question',
    'why do the jewish ones get food brought in when everyone else gets microwave chilli? oh right, money',
    'religion',
  ],
  ['joke', 'quickest way to empty cell 4? wave a bacon sarnie at the muslim in it 😂', 'religion'],
  ['joke', 'sikh in 4 took ages to search, had to unwrap him like a christmas present 🎁', 'religion'],
  [
    'threat',
    'next one who starts wailing prayers in the corridor gets a faceful of pava, allahu whatever',
    'religion',
  ],
  ['emoji', 'bloke in 2 asking for his koran again 💣💥', 'religion'],
  [
    'implicit',
    'rucksack left in the front office, whose turn to check it isnt one of the beards',
    'religion',
  ],
  [
    'implicit',
    'he says hes a catholic priest, well that explains why he was at the swimming baths',
    'religion',
  ],
  [
    'reference_back',
    'the jehovahs witness lot are back protesting outside. brainwashed freaks, should all be sectioned',
    'religion',
  ],

  // women (25)
  ['slur', 'the new skipper on nights is a right slag, ask anyone on roads', 'sex_women'],
  ['slur', 'that c*** from the cps refused the charge again', 'sex_women'],
  ['slur', 'female prisoner in 10 is a mad b1tch, went for the nurse', 'sex_women'],
  ['slur', 'tell the custody nurse to stop being a frigid cow and make my tea', 'sex_women'],
  ['derogation', 'women shouldnt be custody sgts, they cant handle a fighter at the desk', 'sex_women'],
  ['derogation', 'typical woman, cried in the debrief because someone raised their voice', 'sex_women'],
  ['derogation', 'just a silly girl who thinks a uniform makes her a copper', 'sex_women'],
  [
    'opinion',
    'firearms is no place for a bird, they cant carry the kit let alone make the call',
    'sex_women',
  ],
  [
    'opinion',
    'the women only got on this team to hit the diversity numbers, none of them earned it',
    'sex_women',
  ],
  ['dehumanising', 'new pcso is a proper bit of meat, shame about the face', 'sex_women'],
  ['dehumanising', 'the control room girls are hens in a coop, all clucking and no work done', 'sex_women'],
  [
    'question',
    'is it her time of the month or is she always this much of a nightmare on the desk?',
    'sex_women',
  ],
  [
    'question',
    'why do we even let women do cell checks, they scream if a drunk so much as looks at them',
    'sex_women',
  ],
  [
    'joke',
    'how many female officers does it take to change a tyre on the van? none, they ring roads 😂',
    'sex_women',
  ],
  ['joke', 'she asked about promotion so i told her the kitchen needs a new manager 🤣', 'sex_women'],
  ['joke', 'she finally passed her response driving course, lock up your bollards 😂', 'sex_women'],
  ['threat', 'if that ds keeps writing me up im gonna show her what happens to mouthy women', 'sex_women'],
  ['threat', 'put her on her back on the cell floor and see how brave she is then', 'sex_women'],
  ['emoji', 'new probie on b shift 🍑🍒 she can search me anytime', 'sex_women'],
  ['emoji', 'the inspector doing briefing this morning 🐄🐄🐄', 'sex_women'],
  ['implicit', 'funny how she got her stripes right after that weekend course with the super', 'sex_women'],
  ['implicit', 'the di is a woman so expect the review to be 40 pages of feelings', 'sex_women'],
  ['implicit', 'another female on the van tonight, so itll be me doing all the restraints then', 'sex_women'],
  [
    'reference_back',
    'remember the two new female pcs? both useless, one cant drive and the other cant stop talking',
    'sex_women',
  ],
  [
    'reference_back',
    'the mums on the team keep asking for flexible hours. they should pick, babies or the job',
    'sex_women',
  ],

  // sexual orientation (12)
  ['slur', 'dc from the burglary squad is a total f@g, minced all the way to the van', 'sexual_orientation'],
  ['slur', 'cell 3 is a bender, glove up and dont bend over 😂', 'sexual_orientation'],
  ['slur', 'dont be such a homo and get on the radio', 'sexual_orientation'],
  ['derogation', 'gay officers shouldnt be doing strip searches, cant trust them', 'sexual_orientation'],
  ['opinion', 'being gay is a choice and a sick one at that', 'sexual_orientation'],
  ['dehumanising', 'pride this weekend, another day of clearing up after the animals', 'sexual_orientation'],
  [
    'question',
    'which one of them is the woman in the relationship though? asking for the risk assessment',
    'sexual_orientation',
  ],
  [
    'joke',
    'the lesbian on roads wants to drive the big bmw, course she does, compensating 😂',
    'sexual_orientation',
  ],
  ['threat', 'if that poof comes on to me in the locker room again hes getting a slap', 'sexual_orientation'],
  ['emoji', 'new guy on nights 🌈🍆👀 watch your backs lads', 'sexual_orientation'],
  [
    'implicit',
    'moisturises, loves a musical, never mentions a girlfriend. draw your own conclusions about the new sarge',
    'sexual_orientation',
  ],
  [
    'reference_back',
    'the two lads nicked for the fight at the gay bar, perverts the pair of them, leave them in overnight',
    'sexual_orientation',
  ],

  // gender identity (12)
  ['slur', 'tranny in cell 8 wants a female searcher, told it to dream on', 'gender_identity'],
  ['slur', 'ladyboy in 11 crying for its hormones', 'gender_identity'],
  ['derogation', 'its a bloke in a dress, i dont care what it says on its licence', 'gender_identity'],
  ['derogation', 'non binary my arse, pick a toilet and stick to it', 'gender_identity'],
  [
    'opinion',
    'trans people are mentally ill and we shouldnt be pandering to them in custody',
    'gender_identity',
  ],
  [
    'dehumanising',
    'the thing in 4 is neither one nor the other, put "other" on the record',
    'gender_identity',
  ],
  [
    'question',
    'so do we search it with male or female staff? or do we just call the vet 😂',
    'gender_identity',
  ],
  ['joke', 'he asked for my pronouns, told him mine are "get" and "in the van" 😂', 'gender_identity'],
  [
    'threat',
    'if that shim kicks off again it can go in a cell with the men and see how it likes that',
    'gender_identity',
  ],
  ['emoji', 'our regular "lady" is back, adams apple and all 🤔👗🍆', 'gender_identity'],
  ['implicit', 'she says shes a woman. her pnc record from 2015 says otherwise 😏', 'gender_identity'],
  [
    'reference_back',
    'the trans protesters from the town hall are in 5 to 7. freaks the lot, deadname them on the record',
    'gender_identity',
  ],

  // disability and mental health (15)
  ['slur', 'the r3tard in 6 has flooded his cell again', 'disability'],
  ['slur', 'some spaz on a mobility scooter blocking the van bay', 'disability'],
  ['slur', 'psycho in 2 needs a mental health assessment, ie a padded room and lose the key', 'disability'],
  ['slur', 'cripple in 9 keeps pressing the buzzer, unplug it', 'disability'],
  ['derogation', 'mental health detainees are a waste of a cell and a waste of my shift', 'disability'],
  ['opinion', 'autism is just an excuse for bad parenting, he knew exactly what he was doing', 'disability'],
  ['dehumanising', 'the 136 in cell 1 is howling like a dog again', 'disability'],
  ['question', 'why do we bend over backwards for the mongs, they wont remember any of it', 'disability'],
  ['joke', 'deaf lad in 3 wants his phone call 😂 what for, to listen to the dial tone?', 'disability'],
  ['joke', 'booked a schizo in tonight, had to fill in five custody records 🤣', 'disability'],
  [
    'threat',
    'if the loony in 4 bites me again hes getting tased on the way to hospital, whatever the doc says',
    'disability',
  ],
  ['emoji', 'wheelchair lad from the hit and run 🦽🐌 took 20 mins to book in', 'disability'],
  ['implicit', 'she says shes got "anxiety". yeah so have i, its called a job', 'disability'],
  ['implicit', 'dyslexic he says. thick is what we used to call it', 'disability'],
  [
    'reference_back',
    'the bipolar woman from last night is back. people like her should be locked away for good, not our problem',
    'disability',
  ],

  // age (6)
  [
    'derogation',
    'old codger on the bypass doing 30 in a 60, these dinosaurs should lose their licence at 70',
    'age',
  ],
  ['derogation', 'teenagers are all feral these days, should cage the lot of them', 'age'],
  [
    'opinion',
    'anyone over 75 shouldnt be allowed to give a statement, they cant remember their own name',
    'age',
  ],
  ['dehumanising', 'another wrinkly from the care home, bed blockers with a pulse the lot of them', 'age'],
  ['joke', 'oap in 2 for shoplifting, probably forgot to pay for the last 40 years 😂', 'age'],
  ['emoji', 'boomer shouting at the front desk again 🦖🦖', 'age'],

  // victims of crime (25)
  [
    'victim_blame',
    'rape report from the club, she was off her face in a skirt up to her neck, what did she think would happen',
    'victims_of_crime',
  ],
  [
    'victim_blame',
    'dv victim on the phone again. if she keeps going back to him thats on her',
    'victims_of_crime',
  ],
  ['victim_blame', 'she married a known wife beater, what did she expect, flowers?', 'victims_of_crime'],
  [
    'victim_blame',
    'left his car unlocked with a laptop on the seat, deserves to have it nicked',
    'victims_of_crime',
  ],
  [
    'victim_blame',
    'those grooming victims knew what they were doing, little slags after free vodka',
    'victims_of_crime',
  ],
  [
    'victim_blame',
    'if hed kept his mouth shut in the pub he wouldnt have been glassed, stop crying about it',
    'victims_of_crime',
  ],
  [
    'victim_blame',
    'kid got mugged for flashing his iphone on the bus, serves the little idiot right, nfa',
    'victims_of_crime',
  ],
  [
    'victim_mock',
    'the misper from the river has been found, well shes not missing anything now 😂',
    'victims_of_crime',
  ],
  [
    'victim_mock',
    'self harmer in 3 doing art on her arms again, someone get her a bigger canvas',
    'victims_of_crime',
  ],
  [
    'victim_mock',
    'jumper on the bridge took his sweet time, some of us have got paperwork 🙄',
    'victims_of_crime',
  ],
  [
    'victim_mock',
    'another "i was raped" from the same woman, shes cried wolf more times than the boy did',
    'victims_of_crime',
  ],
  [
    'victim_mock',
    'old dear scammed out of 40k by a bloke on facebook, how thick do you have to be',
    'victims_of_crime',
  ],
  ['victim_mock', 'the crispy one from the house fire, anyone fancy a bbq 🍖', 'victims_of_crime'],
  [
    'victim_mock',
    'sudden death on the estate, poor sod was there 3 weeks and still smelt better than the flat 😂',
    'victims_of_crime',
  ],
  [
    'victim_mock',
    'the woman who rings 999 about her ex every night, stick her on the frequent flyer list and let it ring',
    'victims_of_crime',
  ],
  ['victim_mock', 'hanging in the woods off the a49, someone tell him to hang about 😂', 'victims_of_crime'],
  [
    'question',
    'how many times does she have to get a slap before she learns to leave? asking for the dash form',
    'victims_of_crime',
  ],
  [
    'joke',
    'rape reports are like buses, none all week then three turn up after freshers 😂',
    'victims_of_crime',
  ],
  ['emoji', 'dv victim says hes changed 🤡🤡 see you next week love', 'victims_of_crime'],
  [
    'implicit',
    'funny how she only reported it after her boyfriend found out. make of that what you will',
    'victims_of_crime',
  ],
  [
    'implicit',
    'the "victim" in the stabbing has more previous than the suspect, so whos crying',
    'victims_of_crime',
  ],
  [
    'reference_back',
    'that woman from fridays assault rang again. attention seeker, she wants a cuppa and a chat not a crime number',
    'victims_of_crime',
  ],
  [
    'dehumanising',
    'the mispers from the childrens home are like strays, they come back when theyre hungry',
    'victims_of_crime',
  ],
  [
    'threat',
    'if that vulnerable caller rings the desk one more time im going round there to give her something to cry about',
    'victims_of_crime',
  ],
  [
    'derogation',
    'sexual assault victims are the biggest waste of cid time going, half of them regret it in the morning',
    'victims_of_crime',
  ],

  // other people: homeless, drug users, claimants, travellers, the public (10)
  ['slur', 'smackhead in 4 wants his methadone, tell him to sweat it out', 'other_derogatory'],
  ['slur', 'p1kies back on the rec, lock up anything with wheels', 'other_derogatory'],
  [
    'derogation',
    'tramp in the doorway of boots again, move him on, hes lowering the tone',
    'other_derogatory',
  ],
  [
    'dehumanising',
    'the crackheads at the underpass are vermin, someone should fumigate it',
    'other_derogatory',
  ],
  [
    'opinion',
    'benefit scroungers should have to scrub the cells before they get a penny',
    'other_derogatory',
  ],
  [
    'joke',
    'raided the traveller site, recovered 3 quads, a horse and half of someones conservatory 😂',
    'other_derogatory',
  ],
  ['emoji', 'the public on the ring road this morning 🐑🐑🐑🤬 thick as mince', 'other_derogatory'],
  [
    'question',
    'why do we even bother taking statements off junkies, theyd sell their own nan for a tenner',
    'other_derogatory',
  ],
  [
    'threat',
    'next druggie who spits in the van gets his head introduced to the door frame, accidentally of course',
    'other_derogatory',
  ],
  [
    'reference_back',
    'the dole lot from the food bank fight are in. waste of oxygen every one of them',
    'other_derogatory',
  ],
];

const QUIET: Row[] = [
  // hard negatives (40)
  [
    'counter_speech',
    'whoever wrote p*ki on the custody record for the lad in 3, thats going to psd. not acceptable',
  ],
  ['counter_speech', 'mate you cant say "tranny" in this group, its literally in the standards training'],
  ['counter_speech', 'not having jokes about rape victims on here, she came in shaking, have some respect'],
  ['counter_speech', 'calling the 136 lad a nutter in front of the nurse was out of order, hes ill not bad'],
  [
    'counter_speech',
    'ive reported the "women cant do custody" comment to the inspector. sorry but it had to be done',
  ],
  ['counter_speech', 'that monkey emoji next to a black detainees name is racist, delete it now'],
  ['counter_speech', 'stop calling the travellers p1kies on the radio, its recorded and its wrong'],
  [
    'counter_speech',
    'if anyone here thinks being gay is a choice they can explain that to me and the fed rep',
  ],
  ['counter_speech', 'please dont use "retard" about detainees, my brother has downs and it stings'],
  ['reported_speech', 'cell 5 called the nurse a f***ing b***h, added to the charge sheet for the s4a'],
  [
    'reported_speech',
    'caller says her neighbour shouted "go back to your own country" at her kids, crime ref to follow',
  ],
  [
    'reported_speech',
    'male in 2 keeps screaming racist abuse at the detention officer, hes on 1 to 1 obs and its all on bwv',
  ],
  [
    'reported_speech',
    'suspect admits in interview he called the victim a "paki" before the assault, so racially aggravated now',
  ],
  ['reported_speech', 'drunk in the tank keeps singing antisemitic songs, logged word for word for the file'],
  [
    'reported_speech',
    'victim says the lads in the car shouted "dyke" at her and her partner, hate crime flag added',
  ],
  ['reported_speech', 'shop owner says the youths spat at him and called him a terrorist, cctv seized'],
  ['reported_speech', 'graffiti on the mosque wall says muslims out, photos are on the log'],
  [
    'reported_speech',
    'detainee threatened to "find the tranny nurse and sort her out", extra obs and a note on the file',
  ],
  ['false_friend', 'canteen has faggots and mash today if anyone wants it'],
  ['false_friend', 'dc lee went on a right bender after his leaving do, hes on a rest day now'],
  ['false_friend', 'just nipping out for a pasty, anyone want anything'],
  ['false_friend', 'found a chink in his alibi, cctv has him at the garage at 0214'],
  ['false_friend', 'the new sniffer dog is a bitch called luna, handler reckons shes the best on the force'],
  ['false_friend', 'gypsy tart in the break room, my nan made it, help yourselves'],
  ['false_friend', 'the flood dyke by the bypass has given way, roads are shutting it'],
  ['jargon', 'cell 6 is a 136, awaiting amhp, 30 min rousals please'],
  ['jargon', 'ic3 male, 6ft, grey tracksuit, last seen heading towards the station'],
  ['jargon', 'custody clock for cell 2 hits 24 at 19:30, need a supt review for the extension'],
  ['jargon', 'aa requested for the juvenile in 8, mum not answering'],
  ['jargon', 'need a female officer for the strip search in 10, code c annex l'],
  ['jargon', 'misper high risk, 14yo female, last seen at the retail park, all units'],
  [
    'victim_support',
    'the dv victim from monday has been rehoused, good work everyone, idva says shes doing ok',
  ],
  [
    'victim_support',
    'rape victim from the club has an isva now, please dont ring her direct, go through the soit',
  ],
  [
    'victim_support',
    'lad who self harmed in 4 is stable at the hospital, well done whoever cut the ligature so quick',
  ],
  [
    'victim_support',
    'family from fridays sudden death asked me to say thank you to the team, meant a lot to them',
  ],
  ['victim_support', 'remember the elderly fraud victim? got 12k back for her, she cried on the phone'],
  ['negation', 'just because hes polish doesnt mean he nicked the van, the cctv shows a different lad'],
  [
    'negation',
    'women are every bit as good in custody as men, sarah handles the fighters better than any of us',
  ],
  ['negation', 'being autistic doesnt make him a liar, get the aa in and interview him properly'],
  ['negation', 'there is no such thing as a "typical" dv victim, anyone can end up there'],

  // ordinary messages of the same group (60)
  ['ordinary', 'whos on the desk tomorrow, i swapped with mark'],
  ['ordinary', 'coffee machine is broken again 😩'],
  ['ordinary', 'cell 3 wants a blanket and a veggie meal'],
  ['ordinary', 'anyone seen the keys to the evidence locker'],
  ['ordinary', 'running 10 mins late, a43 is shut'],
  ['ordinary', 'hcp is on the way, eta 40'],
  ['ordinary', 'happy birthday gaz 🎉🎂'],
  ['ordinary', 'shift swap anyone for saturday nights? need it for my sisters wedding'],
  ['ordinary', 'brief for cell 7 is here, is consult room 2 free?'],
  ['ordinary', 'printer in booking in has jammed again, whoever fixes it gets a biscuit'],
  ['ordinary', 'detainee in 4 is kicking off, need hands'],
  ['ordinary', 'all sorted, no injuries, thanks all'],
  ['ordinary', 'lol'],
  ['ordinary', '👍'],
  ['ordinary', 'cheers mate'],
  ['ordinary', 'sorry missed the call, was in the cell with the nurse'],
  ['ordinary', 'reminder: pdrs due by friday or the inspector will chase'],
  ['ordinary', 'interview room 1 heater is stuck on full, its like a sauna'],
  ['ordinary', 'someone left a yoghurt in the fridge from october 🤢'],
  ['ordinary', 'traffic on the m62 is mental, take the back roads'],
  ['ordinary', 'rest day tmrw 🍻'],
  ['ordinary', 'anyone up for 5 a side on thursday'],
  ['ordinary', 'bail done for cell 9, released 1420'],
  ['ordinary', 'new detention officer starts monday, be nice'],
  ['ordinary', 'can someone check on cell 1, buzzer going'],
  ['ordinary', 'who ate my sandwich 😡'],
  ['ordinary', 'van 2 needs fuel before the next run'],
  ['ordinary', 'charge authorised on the burglary, remanded for court in the morning'],
  ['ordinary', 'drugs wipe came back negative'],
  ['ordinary', 'recorder in room 3 is playing up, use the digital one'],
  ['ordinary', 'going for scran, back in 20'],
  ['ordinary', 'anyone watch the match last night? what a goal'],
  ['ordinary', 'xmas do tickets are £25, pay jo by the 15th'],
  ['ordinary', 'heads up, the super is doing a walk round at 2'],
  ['ordinary', 'cell 5 wants to speak to his brief again'],
  ['ordinary', 'lost my warrant card, this is not a drill 😭'],
  ['ordinary', 'found it, was in my other jacket 🤦‍♂️'],
  ['ordinary', 'fire alarm test at 11, ignore it'],
  ['ordinary', 'anyone got a phone charger, the iphone one'],
  ['ordinary', 'handover notes are on the board'],
  ['ordinary', 'interpreter for the lad in 6 booked for 3pm'],
  ['ordinary', 'rain is biblical out there, bring a coat'],
  ['ordinary', 'custody record for 6 needs signing off by the sgt'],
  ['ordinary', 'good shift everyone, quiet for once 🙏'],
  ['ordinary', 'dont say the q word 🤫'],
  ['ordinary', 'too late, 4 in the queue at the back door'],
  ['ordinary', 'hospital escort done, back at 6'],
  ['ordinary', 'kettle in the back office is leaking'],
  ['ordinary', 'nice one tom, property store is sorted'],
  ['ordinary', 'whose car is blocking the sally port'],
  ['ordinary', 'sally port clear now, cheers'],
  ['ordinary', 'does anyone know the code for the new gate'],
  ['ordinary', 'its 4421 i think'],
  ['ordinary', 'health and safety inspection next week, tidy your lockers'],
  ['ordinary', 'pizza ordered for nights, £6 each'],
  ['ordinary', 'my little one has chickenpox so ill be late'],
  ['ordinary', 'lab results back, dna match on the burglary'],
  ['ordinary', 'anyone fancy a brew'],
  ['ordinary', 'training on the new custody system is wednesday, its mandatory'],
  ['ordinary', 'see you all on the other side of nights 😴'],
];

export const BLIND10_CASES: readonly FunctionalCase[] = buildBlindCases('blind10', HATEFUL, QUIET);
