/**
 * Ninth-round blind check, written on 6 Dec 2026 by a new, independent author who had read none of
 * the engine (src/analysis/flagger/), its data (data/flagger/), its docs or the other case files: only
 * the row format and builder in blind-build.ts, the first 20 lines of blind8-cases.ts (header and
 * import style) and the list of category names in src/contract/coding.ts. Written in one sitting, in
 * the register of a seized WhatsApp group of UK police officers on a response team (shorthand, typos,
 * lower case, emoji, replies), and never run through the flagger before it was committed, so its
 * first measurement is an honest figure on wording nobody tuned on.
 *
 * 150 hateful lines spread roughly as a real group's would be (race and ethnicity 30, religion 15,
 * women 25, sexual orientation 12, gender identity 12, disability and mental health 15, age 6, victims
 * of crime 25, other people 10) and 100 quiet lines: 40 hard negatives (counter-speech, reports of what
 * a suspect or caller said, slang false friends, jargon, victim support, negation of a stereotype) and
 * 60 ordinary messages of the same group.
 *
 * Content warning: hateful statements, slurs, threats and victim blaming are test data here.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';
import { buildBlindCases, type BlindRow as Row } from './blind-build.js';

const HATEFUL: Row[] = [
  // race and ethnicity (30)
  ['slur', 'another paki shop done over on the high st, shocker', 'race_ethnicity'],
  [
    'derogation',
    'spent 2 hrs waiting on an interpreter for a shoplifter tonight. half the estate cant string a sentence together in english and we have to bend over backwards for them, paid for by us',
    'race_ethnicity',
  ],
  ['opinion', 'honestly think the polish lot are all on the fiddle, every last one', 'race_ethnicity'],
  ['emoji', 'IC3 male on a moped again 🐒🐒', 'race_ethnicity'],
  [
    'question',
    'why is it always the somalis kicking off at the bottom of town? genuine question',
    'race_ethnicity',
  ],
  ['dehumanising', 'they breed like rats in them flats on the parade, 9 kids in a 2 bed', 'race_ethnicity'],
  ['derogation', 'stick the lot of them on a dinghy and point it at calais', 'race_ethnicity'],
  ['threat', 'next darkie that gobs off at me on a stop is getting tased, dont care', 'race_ethnicity'],
  ['slur', 'fkn coon in cell 3 keeps booting the door', 'race_ethnicity'],
  ['reference_back', 'new family at no 12 are albanian. say no more, lock ur cars lads', 'race_ethnicity'],
  ['slur', 'ordered from the chinky again, guv loves it 😂', 'race_ethnicity'],
  ['slur', 'bloke at the RTC was a proper nig nog skip, couldnt get a word out of him', 'race_ethnicity'],
  ['slur', 'sand n1gger in the back of the van wont shut up about his rights', 'race_ethnicity'],
  ['derogation', 'they all look the same to me tbh, id parade would be pointless', 'race_ethnicity'],
  ['emoji', 'new neighbours moved in next door 🙈🍌🍌', 'race_ethnicity'],
  ['derogation', 'typical IC3, kids everywhere and no dad in sight', 'race_ethnicity'],
  ['opinion', 'eastern europeans. thieving is in the blood', 'race_ethnicity'],
  ['derogation', 'wouldnt leave a pakistani alone with my daughter, not after rotherham', 'race_ethnicity'],
  ['emoji', 'half of bradford is basically a foreign country now 🤮', 'race_ethnicity'],
  ['reply', '😂😂 spot on mate, whole street stinks of curry since they moved in', 'race_ethnicity'],
  ['dehumanising', 'the black lads down the cut are animals, proper jungle behaviour', 'race_ethnicity'],
  ['question', 'is it racist if its true? every one of them on that estate is dealing', 'race_ethnicity'],
  [
    'opinion',
    'give it 20 yrs and us english will be the minority in our own country, theyve taken over',
    'race_ethnicity',
  ],
  ['slur', 'jungle bunnies out in force at carnival again', 'race_ethnicity'],
  ['derogation', 'roma family in the park again, count the bikes before and after', 'race_ethnicity'],
  [
    'joke',
    'polish driver at the RTC, obviously pissed, they have vodka on their cornflakes 😂',
    'race_ethnicity',
  ],
  ['opinion', 'should never have let them in, windrush was where it all went wrong', 'race_ethnicity'],
  ['opinion', 'if ur not white ur not british, simple as', 'race_ethnicity'],
  [
    'reference_back',
    'the nigerian lad from the fraud job is back. they are all scammers, its a national sport',
    'race_ethnicity',
  ],
  [
    'dehumanising',
    'whoever let that lot off the boat wants shooting, cockroaches the lot of them',
    'race_ethnicity',
  ],

  // religion (15)
  ['slur', 'another muzzie wanting the female PC out of the room, who do they think they are', 'religion'],
  [
    'derogation',
    'ramadan starts tmrw so expect every one of them to be moody and useless for a month',
    'religion',
  ],
  ['opinion', 'jews run the banks and the papers, everyone knows it', 'religion'],
  ['opinion', 'that mosque on carlton rd is a terrorist training camp and nobody will say it', 'religion'],
  ['emoji', 'bomb goes off in town, who we looking at first 👳‍♂️💣', 'religion'],
  ['slur', 'towelhead in custody wants a prayer mat lol, gave him a bin bag', 'religion'],
  ['derogation', 'they marry their cousins and then wonder why the kids come out like that', 'religion'],
  ['threat', 'someone wants to burn that quran in the property store and see how they like it', 'religion'],
  ['dehumanising', 'sikhs walking round with daggers, bunch of savages and we just let them', 'religion'],
  [
    'joke',
    'jewish bloke at the RTC asked how much he could claim before he asked if anyone was hurt 😂 typical',
    'religion',
  ],
  [
    'reference_back',
    'muslim lads from the takeaway again. grooming gang in waiting every one of them',
    'religion',
  ],
  ['emoji', 'allahu akbar 💥💥 when the new PC in the headscarf walks in 😂', 'religion'],
  ['opinion', 'religion of peace my arse, deport the lot of them', 'religion'],
  ['derogation', 'catholic priests are all kiddy fiddlers tbh', 'religion'],
  [
    'derogation',
    'the ones in the full face veil are the worst, could be hiding anything under there',
    'religion',
  ],

  // women (25)
  ['derogation', 'women on response are a liability, cant even restrain a 12 yr old', 'sex_women'],
  ['derogation', 'she only made skipper cos she was shagging the inspector, we all know it', 'sex_women'],
  ['emoji', 'jones back on the rota, must be her time of the month again 🙄', 'sex_women'],
  ['derogation', 'send the girls to the DV, they love a good cry together', 'sex_women'],
  ['opinion', 'she should be at home doing the ironing not driving a pursuit car', 'sex_women'],
  ['emoji', 'female drivers 🚗💥🤦‍♂️ every RTC this week', 'sex_women'],
  ['slur', 'stupid bitch in control sent us to the wrong address again', 'sex_women'],
  ['derogation', 'women cant read maps and now they run the control room, explains a lot', 'sex_women'],
  ['question', 'why do they even let birds on the firearms course? its not a fashion show', 'sex_women'],
  ['joke', 'bet she goes down on the whole relief for a good appraisal 😂', 'sex_women'],
  ['slur', 'shes a slag mate, been round half of D shift', 'sex_women'],
  [
    'question',
    'whats the point of women in the job honestly, they all go on maternity after 2 yrs',
    'sex_women',
  ],
  ['derogation', 'put her on the front counter where she belongs, smiling at the public', 'sex_women'],
  [
    'derogation',
    'new probie is fit, give it a week and shell be on her knees in the locker room',
    'sex_women',
  ],
  ['dehumanising', 'female officers = expensive handbags with warrant cards', 'sex_women'],
  ['slur', 'sgt smith is a menopausal cow, steer clear today', 'sex_women'],
  ['emoji', '🍳🧹 thats what shes for, not policing', 'sex_women'],
  ['opinion', 'if she cant take the banter she should go work in a nursery', 'sex_women'],
  ['derogation', 'typical woman, turned on the waterworks the second the DI had a word', 'sex_women'],
  ['opinion', 'ladies should be seen and not heard on a briefing tbh', 'sex_women'],
  [
    'threat',
    'feminazi in HR wants us on another respect course lol. someone needs to give her a good slap',
    'sex_women',
  ],
  ['opinion', 'the female PCs only passed the bleep test cos they dropped the level for them', 'sex_women'],
  ['derogation', 'right sort but gobby with it. needs reminding of her place', 'sex_women'],
  ['opinion', 'cant stand women in charge, all hormones no brains', 'sex_women'],
  [
    'reference_back',
    'we had two WPCs on the cordon. lost the scene in 10 mins, thick as mince the pair of them like all of them',
    'sex_women',
  ],

  // sexual orientation (12)
  [
    'derogation',
    'new DC is a bit light on his feet if u know what i mean, wouldnt bend over near him',
    'sexual_orientation',
  ],
  ['emoji', 'pride duty again, hope i dont catch anything 🤢', 'sexual_orientation'],
  ['slur', 'fucking batty boy in cell 4 keeps blowing kisses', 'sexual_orientation'],
  ['slur', 'dont let the poof search you, hell enjoy it too much', 'sexual_orientation'],
  ['opinion', 'lesbians only join so they get to search women', 'sexual_orientation'],
  ['opinion', 'gay lads shouldnt be let near kids, simple', 'sexual_orientation'],
  ['emoji', 'rainbow lanyards all over the nick now 🏳️‍🌈🤮', 'sexual_orientation'],
  [
    'joke',
    'how many dykes does it take to change a tyre? none, they get their bird to do it 😂',
    'sexual_orientation',
  ],
  ['opinion', 'its not natural and u know it, they want fixing', 'sexual_orientation'],
  ['slur', 'him and his "husband" 🙄 give me strength, pair of queers', 'sexual_orientation'],
  ['question', 'is the new inspector a fag? walks like one', 'sexual_orientation'],
  [
    'opinion',
    'homos should keep it behind closed doors, nobody wants that on the high street',
    'sexual_orientation',
  ],

  // gender identity (12)
  ['derogation', 'bloke in a dress wants searching by a female officer, not happening', 'gender_identity'],
  ['opinion', 'its a man mate, dont care what the custody record says', 'gender_identity'],
  ['slur', 'tranny at the DV, couldnt tell if it was the victim or the suspect 😂', 'gender_identity'],
  ['joke', 'pronouns in the email signature now, what a joke. mine are sir/guv', 'gender_identity'],
  ['opinion', 'the trans lot are all mentally ill and we have to pretend otherwise', 'gender_identity'],
  ['dehumanising', 'just put "it" on the log, saves the argument', 'gender_identity'],
  ['slur', 'shemale in the back of the van was still bigger than me lol', 'gender_identity'],
  ['derogation', 'chop their bits off if they want but im not calling him she', 'gender_identity'],
  ['opinion', 'non binary = attention seeking student, change my mind', 'gender_identity'],
  ['emoji', 'ladyboy 🤢 on the misper, found him down the canal in a wig', 'gender_identity'],
  ['joke', 'whats in the knickers tonight lads 😂 the one from the RTC', 'gender_identity'],
  ['opinion', 'these trannies are predators, never should be in a female cell', 'gender_identity'],

  // disability and mental health (15)
  ['derogation', 'the S136 from last night is a proper fruit loop, keep the door locked', 'disability'],
  ['slur', 'retard at the front counter asking for his bike back for the 5th time', 'disability'],
  [
    'slur',
    'mong on the bus wouldnt stop staring, belongs in an institution not on public transport',
    'disability',
  ],
  ['threat', 'spastic on a mobility scooter doing 8mph down the A road, should be shot', 'disability'],
  ['derogation', 'sectioned again. nutters never learn', 'disability'],
  ['opinion', 'psychos and schizos all day, care in the community is a joke', 'disability'],
  ['joke', 'deaf lad kept waving his arms about like a chimp 😂', 'disability'],
  ['emoji', '🤪🤪 the one in the wheelchair at the front desk, proper window licker', 'disability'],
  ['opinion', 'autism is just badly behaved kids, parents want a label for the benefits', 'disability'],
  ['dehumanising', 'if you need a carer to wipe your arse youre not a person youre a burden', 'disability'],
  ['opinion', 'depression is made up, she just wants time off', 'disability'],
  ['dehumanising', 'hes a vegetable since the crash, might as well switch him off', 'disability'],
  [
    'derogation',
    'all these ADHD kids on the estate are just feral, a clip round the ear would cure them',
    'disability',
  ],
  ['question', 'the misper with learning difficulties, why waste the helicopter honestly', 'disability'],
  ['derogation', 'loony bin lost another one, 3rd time this month, waste of space', 'disability'],

  // age (6)
  ['threat', 'old dears shouldnt be driving, cull them at 75', 'age'],
  ['derogation', 'another coffin dodger had a fall, waste of an ambulance', 'age'],
  [
    'dehumanising',
    'old boy at the RTC should have been put down years ago, couldnt even tell us his name',
    'age',
  ],
  ['derogation', 'boomers clogging up A&E with a sniffle', 'age'],
  ['opinion', 'kids today are all snowflakes, whole generation is useless', 'age'],
  ['emoji', 'crumblies at the scam talk, half asleep 😴 dont know why we bother', 'age'],

  // victims of crime (25)
  ['victim_blame', 'rape report at the uni again, she was legless, what did she expect', 'victims_of_crime'],
  ['victim_blame', 'DV at no 9 for the 12th time, she must enjoy it or shed go', 'victims_of_crime'],
  ['victim_mock', 'misper pulled out of the river. saved us the paperwork 😂', 'victims_of_crime'],
  ['victim_blame', 'she only cried rape cos her bf found out', 'victims_of_crime'],
  ['victim_mock', 'self harmer in A&E again, go deeper next time love', 'victims_of_crime'],
  ['emoji', 'dead junkie under the bridge 🍾 cheers', 'victims_of_crime'],
  ['victim_blame', 'hes been burgled 3 times, at some point its on him', 'victims_of_crime'],
  [
    'victim_blame',
    'teenage misper again, shes out shagging, shell come home when shes hungry',
    'victims_of_crime',
  ],
  ['question', 'the sexual assault victim was in next to nothing at a club, come on?', 'victims_of_crime'],
  [
    'victim_blame',
    'went back to that DV on the corner again last night, and honestly she was mouthy from the second we walked in. not saying he was right but i can see why he lost it with her',
    'victims_of_crime',
  ],
  ['victim_mock', 'overdose at the flats, natural selection', 'victims_of_crime'],
  ['victim_mock', 'another one on the tracks, selfish sod made me late home', 'victims_of_crime'],
  ['opinion', 'child abuse victims these days are just after compo', 'victims_of_crime'],
  ['victim_blame', 'the grooming victims were 15 and knew exactly what they were doing', 'victims_of_crime'],
  ['question', 'why do they always go back to him? deserve each other', 'victims_of_crime'],
  ['victim_mock', 'stabbing victim was a dealer so who cares, good riddance', 'victims_of_crime'],
  ['victim_blame', 'she reported it 3 yrs later, convenient, smells like a payout', 'victims_of_crime'],
  ['emoji', '🙄 another sobbing DV caller, sort it out yourselves', 'victims_of_crime'],
  ['joke', 'jumper off the multi storey, 10/10 for the landing 😂', 'victims_of_crime'],
  ['victim_mock', 'elderly lady scammed out of 20k, too thick to have that money anyway', 'victims_of_crime'],
  [
    'victim_blame',
    'the girl from saturdays sexual assault wants to lay off the drink if she doesnt want it',
    'victims_of_crime',
  ],
  [
    'victim_blame',
    'burglary victim left the back door open, practically sent out invites',
    'victims_of_crime',
  ],
  [
    'reference_back',
    'gay couple reported abuse again. they bring it on themselves flaunting it',
    'victims_of_crime',
  ],
  ['victim_mock', 'misper is 16 and a known runner. not wasting a night on that slag', 'victims_of_crime'],
  ['emoji', 'the dead lad off the bike 💀🚲 riding like a prat, no tears here', 'victims_of_crime'],

  // other people (10)
  ['dehumanising', 'homeless in the shop doorways again, get the jet wash out', 'other_derogatory'],
  ['opinion', 'smackheads should be left to OD, less work for us', 'other_derogatory'],
  ['derogation', 'benefit scroungers on the estate popping out kids for a bigger house', 'other_derogatory'],
  ['slur', 'pikeys on the rec, lock up anything not nailed down', 'other_derogatory'],
  ['dehumanising', 'crackhead in custody, subhuman', 'other_derogatory'],
  [
    'dehumanising',
    'tramp was stinking the van out, should have left him in the bin where he was',
    'other_derogatory',
  ],
  ['derogation', 'the public are thick as shit, every single 999 call proves it', 'other_derogatory'],
  ['dehumanising', 'dole dossers the lot of them, waste of oxygen', 'other_derogatory'],
  ['threat', 'travellers camped up by the tip, burn them out i say 🔥', 'other_derogatory'],
  ['opinion', 'junkie mums shouldnt be allowed kids, sterilise the lot', 'other_derogatory'],
];

const QUIET: Row[] = [
  // hard negatives: counter-speech (8)
  [
    'counter_speech',
    "not having someone say 'they should all go home' in briefing, thats racist and ive told the skipper",
  ],
  ['counter_speech', "can we stop calling DV victims 'attention seekers' in here please, its not on"],
  ['counter_speech', "whoever wrote 'tranny' on the whiteboard, next time it goes to PSD"],
  ['counter_speech', "saying she 'asked for it' is exactly why women dont report. do better lads"],
  ['counter_speech', 'mate you cant call him a retard, his brother has downs. not funny'],
  [
    'counter_speech',
    "'all muslims are terrorists' - listen to yourself. my neighbour is muslim and a special",
  ],
  ['counter_speech', "the old 'women cant drive' line wasnt funny in 1985 either"],
  ['counter_speech', 'the jokes about the misper in here are out of order, shes a kid and her mums in bits'],

  // hard negatives: reports of what a suspect or caller said (8)
  [
    'reported_speech',
    "suspect called the victim a 'dirty paki' on bodycam, added racially aggravated to the charge",
  ],
  [
    'reported_speech',
    "caller said the neighbours are 'animals who should go back to africa', logged as a hate incident",
  ],
  ['reported_speech', "DP shouted 'fucking faggot' at the custody sgt, further offence s4A"],
  ['reported_speech', "informant says the graffiti reads 'no gays here', photos uploaded to niche"],
  [
    'reported_speech',
    'IP states he called her a slag and a whore and told her she deserved it, DASH done, high risk',
  ],
  ['reported_speech', "victim says she was called a 'tranny' and spat at on the 42 bus, CCTV requested"],
  ['reported_speech', "witness heard the male shout 'kill all jews' outside the synagogue, CTP informed"],
  [
    'reported_speech',
    'prisoner refused to be booked in by a female sgt, said women shouldnt be police. noted on the custody record',
  ],

  // hard negatives: slang false friends (8)
  ['false_friend', 'anyone got fags? left mine in the car'],
  ['false_friend', 'faggots and peas in the canteen today 👌'],
  ['false_friend', 'nipping out for a fag before briefing'],
  ['false_friend', 'spotted dick and custard for pudding lol'],
  ['false_friend', 'the dyke path by the river is flooded again, road shut at the bridge'],
  ['false_friend', 'flame retardant mattresses for the cells finally arrived'],
  ['false_friend', 'our bitch had 6 pups last night, lab cross, anyone want one?'],
  ['false_friend', 'got a niggle in my knee from that foot chase'],

  // hard negatives: police jargon (8)
  ['jargon', 'IC3 male, 6ft, grey trackies, last seen heading towards the park, any units'],
  ['jargon', 'S136 at the bridge, hes calm now, ambulance 40 mins'],
  ['jargon', 'RTC on the A38, one female casualty, fire on scene'],
  ['jargon', 'misper 14yr old female, high risk, photo on the briefing'],
  ['jargon', 'DV at flat 3, DASH high risk, suspect arrested for ABH'],
  ['jargon', 'PSD want statements off everyone on fridays job, dont panic'],
  ['jargon', 'NFA on the shoplifter, CPS said no'],
  ['jargon', 'IC4 female reporting racial abuse from a neighbour, attending now'],

  // hard negatives: victim support (4)
  [
    'victim_support',
    'well done on the rape job last night, she said you were the first person who believed her',
  ],
  ['victim_support', 'DV victim from tuesday is in a refuge now, good work everyone'],
  ['victim_support', 'misper found safe and well 🙏 great search by the team'],
  ['victim_support', 'the lad from the bridge messaged to say thanks, made my week'],

  // hard negatives: negation of a stereotype (4)
  ['negation', 'for the record the female officers on this shift carry the rest of us in a fight'],
  ['negation', 'not all travellers are thieves, the family on the site helped us find the misper'],
  ['negation', 'being gay has nothing to do with how good a cop you are, best skipper i ever had was'],
  ['negation', 'the lads from the mosque were brilliant at the stabbing, first aid and statements, no fuss'],

  // ordinary messages (60)
  ['ordinary', 'whos on earlies tmrw?'],
  ['ordinary', 'refs at 2? im starving'],
  ['ordinary', 'skipper wants everyone in the parade room at 7'],
  ['ordinary', 'can anyone swap my sat night? kids party'],
  ['ordinary', 'overtime going on the football sunday, msg the ops office'],
  ['ordinary', '3-1 🙌 up the villa'],
  ['ordinary', 'car 2 has a flat, dont take it out'],
  ['ordinary', 'left my stab vest in the locker, can someone grab it'],
  ['ordinary', 'happy birthday dave 🎂🍺'],
  ['ordinary', 'shift drinks friday at the crown?'],
  ['ordinary', 'anyone know if the annual leave form changed again'],
  ['ordinary', 'custody full, taking the prisoner to the next nick'],
  ['ordinary', 'school run made me late sorry, 10 mins'],
  ['ordinary', 'my lad scored his first goal today ⚽️ buzzing'],
  ['ordinary', 'kettles broken in the writing room, again'],
  ['ordinary', 'coffee run anyone? ☕'],
  ['ordinary', 'fed rep meeting wednesday if ur interested'],
  ['ordinary', 'pay rise announced, 2% lol'],
  ['ordinary', 'whos got the keys to the van'],
  ['ordinary', 'stuck at hospital with the prisoner, no relief in sight'],
  ['ordinary', 'nice one on the arrest today mate'],
  ['ordinary', 'did someone move my lunch from the fridge 😡'],
  ['ordinary', 'is the gym at the nick open or still broken'],
  ['ordinary', 'training day on the 14th, first aid refresher'],
  ['ordinary', 'nights done 😴 see you all on the other side'],
  ['ordinary', 'anyone know the postcode for the new custody suite'],
  ['ordinary', 'wife says thanks for the flowers everyone, means a lot'],
  ['ordinary', 'pizza in the canteen, leftovers from the inspectors do'],
  ['ordinary', 'bodycam not charging, anyone else?'],
  ['ordinary', 'the printer is jammed, i swear it hates me'],
  ['ordinary', 'traffic on the M6 is shocking, might be late'],
  ['ordinary', 'match on sky at 8, whos watching'],
  ['ordinary', 'got the wedding photos back 😍'],
  ['ordinary', 'no parking at the station again, using the leisure centre'],
  ['ordinary', 'anyone fancy 5 a side thursday'],
  ['ordinary', 'pocket notebook audit next week, get them up to date'],
  ['ordinary', 'well that was a long night'],
  ['ordinary', 'CPS came back, charge authorised on the burglary 👍'],
  ['ordinary', 'can someone cover my court warning on monday'],
  ['ordinary', 'my daughter passed her driving test 🚗🎉'],
  ['ordinary', 'december rota is up on the board'],
  ['ordinary', 'anyone got a spare charger'],
  ['ordinary', 'going to be a wet one tonight, bring your coats'],
  ['ordinary', 'inspector wants all files in by friday, no excuses'],
  ['ordinary', 'half term next week so im on lates, sorry'],
  ['ordinary', '😂😂 spot on, van still smells of that kebab'],
  ['ordinary', 'cheers skip'],
  ['ordinary', 'just been told im on the taser course in jan'],
  ['ordinary', 'dog was sick all over the carpet, running late'],
  ['ordinary', 'leaving do for sue on the 20th, collection in the office'],
  ['ordinary', 'anyone got tickets for saturday? my brother wants two'],
  ['ordinary', 'heatings broken in the parade room, bring a jumper'],
  ['ordinary', 'PC smiths baby arrived! 7lb 2 🍼'],
  ['ordinary', 'the new cars have heated seats, living the dream'],
  ['ordinary', 'anyone got a number for the duty solicitor'],
  ['ordinary', 'refs at the services after the job?'],
  ['ordinary', 'ta for covering earlier'],
  ['ordinary', 'puncture on the bike on the way in 🙄'],
  ['ordinary', 'doing the charity run in april, sponsor link to follow'],
  [
    'ordinary',
    'still waiting on the custody sgt to book my prisoner in, 2 hrs and counting, three vans in front of me and the cell block is full so if anyone is passing with a brew id love you',
  ],
];

export const BLIND9_CASES: readonly FunctionalCase[] = buildBlindCases('blind9', HATEFUL, QUIET);
