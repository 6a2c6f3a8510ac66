/**
 * blind12: chat REPLIES whose meaning depends on the message(s) before them.
 *
 * Written by an independent author, session 9, 7 Dec 2026. Read before writing: only the task brief,
 * test/analysis/flagger/blind-build.ts (for the FlagCategory import style) and the category names in
 * src/contract/coding.ts (FLAG_CATEGORIES). Nothing under src/analysis/flagger/, data/flagger/, docs/
 * or any other case/test file was read, and the flagger was never run on these rows before commit,
 * so no row is shaped by what the engine can or cannot do.
 *
 * CONTENT WARNING: the offensive rows (and the messages before some quiet rows) contain racist,
 * religious, misogynist, homophobic, transphobic, ableist and ageist abuse, victim blaming and threats,
 * written in the register of police officers' group chats so that a detector can be measured on them.
 */
import type { FlagCategory } from '../../../src/contract/coding.js';

/** One exchange: the messages before (oldest first, 1 or 2 of them) and the reply that is measured. */
export interface ContextCase {
  id: string;
  functionality: string;
  before: readonly string[];
  reply: string;
  /** The reply itself is offensive (read after the messages before it). */
  hateful: boolean;
  /** For hateful replies: the category that must be reported for the reply. */
  category?: FlagCategory;
}

type HatefulRow = [functionality: string, before: readonly string[], reply: string, category: FlagCategory];
type QuietRow = [functionality: string, before: readonly string[], reply: string];

/**
 * Offensive replies. Roughly half (pronoun_back, fragment_back, emoji_back and some jokes) are not
 * clearly offensive read alone: the group is only named in the message before.
 */
const HATEFUL: readonly HatefulRow[] = [
  // pronoun_back: the reply points back at the group with they/them/em/it.
  [
    'pronoun_back',
    ['got 2 eritreans in for the burglary on acacia ave'],
    'course u did, theyre all at it, every single one of them',
    'race_ethnicity',
  ],
  [
    'pronoun_back',
    ['3 x muslim lads in the back of the van from the town centre disorder'],
    'shock horror. they never integrate do they, none of em',
    'religion',
  ],
  [
    'pronoun_back',
    ['new skipper on C relief is a woman, starts next wk'],
    'give it a month, they always go off sick when it gets hard',
    'sex_women',
  ],
  [
    'pronoun_back',
    ['DC on the MIT is gay apparently, met his husband at the xmas do'],
    'keep him out the changing rooms then lol they cant help themselves',
    'sexual_orientation',
  ],
  [
    'pronoun_back',
    ["new PC starting monday, she's trans apparently"],
    '"she" 🙄 which toilet is it using then',
    'gender_identity',
  ],
  [
    'pronoun_back',
    ['witness on the stabbing is autistic, need an intermediary'],
    'theyre all useless in interview mate, waste of a statement',
    'disability',
  ],
  [
    'pronoun_back',
    ['RTC on the high st, driver is 87'],
    'should take the keys off the lot of them at 70, every one a liability',
    'age',
  ],
  [
    'pronoun_back',
    ['rape complainant from sat has come back in to add to her statement'],
    'they always remember more once the regret kicks in',
    'victims_of_crime',
  ],
  [
    'pronoun_back',
    ['2 rough sleepers in the doorway of boots again'],
    'they just shit everywhere and expect us to clean it up. move em on',
    'other_derogatory',
  ],
  [
    'pronoun_back',
    ['travellers pitched up on the rec overnight, 14 caravans'],
    'lock up ur bikes lads, theyll have the lead off the church by teatime',
    'other_derogatory',
  ],
  [
    'pronoun_back',
    ['polish lads in for the drink drive on the ring rd'],
    'they come out the womb holding a can of lager',
    'race_ethnicity',
  ],
  [
    'pronoun_back',
    ['synagogue on park rd wants extra patrols for the festival'],
    'course they do, and theyll want it for free as well',
    'religion',
  ],
  [
    'pronoun_back',
    ['warrant at 14 elm close, whole family on benefits'],
    'theyll all be in then, none of them have done a days graft in their lives',
    'other_derogatory',
  ],
  [
    'pronoun_back',
    ['s136 at the bridge again, same lad, bipolar'],
    'they just want attention, thats all any of them want',
    'disability',
  ],

  // fragment_back: a bare word or two that derogates the group named before.
  [
    'fragment_back',
    ['romanians stopped in the transit with 6 catalytic converters in the back'],
    'animals.',
    'race_ethnicity',
  ],
  [
    'fragment_back',
    ['custody full of somalis from the khat warrant'],
    'typical. zoos open',
    'race_ethnicity',
  ],
  [
    'fragment_back',
    ['woman in a burka refusing to show her face for the ID check at custody'],
    'medieval. send em back',
    'religion',
  ],
  [
    'fragment_back',
    ['female officer crewed with me tonight on 2-1'],
    'great. another handbag on the front seat',
    'sex_women',
  ],
  [
    'fragment_back',
    ['pride march route briefing 0900, all neighbourhood teams'],
    'fairy parade. pass',
    'sexual_orientation',
  ],
  [
    'fragment_back',
    ['MISPER update: identifies as non-binary, uses they/them'],
    'snowflake. itll be at a protest somewhere',
    'gender_identity',
  ],
  [
    'fragment_back',
    ['new civvy in the control room is deaf, uses BSL'],
    'deaf and dumb. perfect for control room',
    'disability',
  ],
  [
    'fragment_back',
    ['grey haired fella reporting his shed broke into for the 3rd time'],
    'old codger. dementia, hes misplaced the mower',
    'age',
  ],
  [
    'fragment_back',
    ['DA victim from last week has dropped the complaint'],
    'typical. see u next friday love',
    'victims_of_crime',
  ],
  [
    'fragment_back',
    ['methadone clinic queue kicking off on station rd'],
    'zombies. dont waste the taser on em',
    'other_derogatory',
  ],
  [
    'fragment_back',
    ['gypsy family reporting a stolen horse'],
    'pikeys robbing pikeys. nfa',
    'other_derogatory',
  ],
  [
    'fragment_back',
    ['2 nigerian students reporting a romance fraud'],
    'scammers reporting scammers lol',
    'race_ethnicity',
  ],

  // joke_back: a joke at the group's expense.
  [
    'joke_back',
    ['shout on the estate, black male with a knife'],
    'narrows it down to the whole estate 😂',
    'race_ethnicity',
  ],
  [
    'joke_back',
    ['suspect package reported outside the mosque'],
    'prob someones lunchbox going off... literally 😂',
    'religion',
  ],
  ['joke_back', ['female PC passed her response driving course'], 'better widen the roads 😂😂', 'sex_women'],
  [
    'joke_back',
    ['gay couple reporting a hate crime on the high st'],
    'was it a hate crime or did someone just not compliment their shirts 😂',
    'sexual_orientation',
  ],
  [
    'joke_back',
    ['trans woman in custody, wants a female searcher'],
    'ask it if it wants a beard trim while its at it 😂',
    'gender_identity',
  ],
  [
    'joke_back',
    ['wheelchair user reporting his mobility scooter nicked'],
    'bet he didnt chase them far 😂',
    'disability',
  ],
  [
    'joke_back',
    ['OAP went missing from the care home on the 42 bus'],
    'check the bingo hall and the morgue, in that order 😂',
    'age',
  ],
  [
    'joke_back',
    ['burglary victim on the phone for the 4th time wanting an update'],
    'tell him his telly is on the list with the other 40k 😂 shouldve bought a better lock',
    'victims_of_crime',
  ],
  [
    'joke_back',
    ['homeless bloke died in the underpass overnight'],
    'one less for the census 😂',
    'other_derogatory',
  ],
  [
    'joke_back',
    ['indian family shop on the parade burgled again'],
    'insurance job, theyll have a new one open by tuesday 😂',
    'race_ethnicity',
  ],
  [
    'joke_back',
    ['sikh officer wants his turban in the ID photo'],
    'fine as long as hes not got a bomb in it 😂',
    'religion',
  ],
  [
    'joke_back',
    ['traveller wedding at the community centre sat, need 2 units'],
    '2 units?? send TSG and count the lead on the roof after 😂',
    'other_derogatory',
  ],

  // threat_back: a threat of violence at the group or person named before.
  [
    'threat_back',
    ['gobby albanian lad in cell 4 again'],
    'give me 5 mins with the cctv off, hell learn',
    'race_ethnicity',
  ],
  [
    'threat_back',
    ['muslim lads on the corner filming us again'],
    'next time they film im shoving the phone down their throats',
    'religion',
  ],
  [
    'threat_back',
    ['the female DS who reported sarge for that text'],
    'she wants to watch herself in that car park at night',
    'sex_women',
  ],
  [
    'threat_back',
    ['lesbian couple complaining about the response time'],
    'ill respond to them alright, with the asp',
    'sexual_orientation',
  ],
  [
    'threat_back',
    ['trans activist outside the nick with the placard again'],
    'one more word and its going under the van wheels',
    'gender_identity',
  ],
  [
    'threat_back',
    ['that autistic lad screaming in cell 9 again'],
    'tape his mouth shut or i will',
    'disability',
  ],
  [
    'threat_back',
    ['old boy shouting at the PCSOs in the park'],
    'push him in the pond, do us all a favour',
    'age',
  ],
  [
    'threat_back',
    ['shes rung in AGAIN saying the ex is outside'],
    'next time she rings someone should give her a real reason to call',
    'victims_of_crime',
  ],
  [
    'threat_back',
    ['tramp back in the bus station'],
    'hose him down. 2am. january. hell move',
    'other_derogatory',
  ],
  [
    'threat_back',
    ['site on the industrial estate still there, 9 vans'],
    'torch the lot while theyre at the pub',
    'other_derogatory',
  ],

  // victim_back: blaming or mocking a victim of crime.
  [
    'victim_back',
    ['MISPER is a 15yo girl from the care home'],
    'shell turn up, she always does. attention seeking',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['sexual assault report from the club, victim was drunk'],
    'what did she expect dressed like that at 3am',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['DA call to 22 mill lane, 6th time this year'],
    'if she keeps going back she must like it',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['robbery victim wants to know why no ones been charged'],
    'maybe dont flash ur rolex round the precinct then mate',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['CSE referral, 14yo girl found in the flat with older males'],
    'she knew what she was doing. lifestyle choice',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['elderly victim of the phone scam lost 40k'],
    'thick as mince. deserves to lose it',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['hate crime report, asian lad says he got racially abused outside the takeaway'],
    'crying to us over words. sticks and stones snowflake',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['stalking victim rang again, 3rd time today'],
    'honestly shes the one stalking us at this point, block her',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['rape victim has withdrawn support'],
    'cos it never happened, same as the rest of them',
    'victims_of_crime',
  ],
  [
    'victim_back',
    ['lad stabbed outside the kebab shop is in ICU'],
    'live by the sword. shame they didnt finish the job',
    'victims_of_crime',
  ],

  // emoji_back: the derogation is carried mostly by emoji.
  ['emoji_back', ['black family moved in next door to the sarge'], '🐒🐒🍌', 'race_ethnicity'],
  ['emoji_back', ['PC harris has come out as gay'], '🍑🙅‍♂️ backs to the wall lads', 'sexual_orientation'],
  [
    'emoji_back',
    ['custody record says the prisoner is a trans woman'],
    '🤮🤮 its a bloke',
    'gender_identity',
  ],
  ['emoji_back', ['muslim prisoner asking for a prayer mat'], '🐷🥓 give him this', 'religion'],
  [
    'emoji_back',
    ['the new female inspector is taking the briefing'],
    '💋👠🍳 kitchens that way',
    'sex_women',
  ],
  ['emoji_back', ['witness has downs syndrome, need an appropriate adult'], '🤪🤪🥴', 'disability'],
  ['emoji_back', ['witness is 91 and cant remember what day it is'], '⚰️⚰️ waste of a pnc check', 'age'],
  [
    'emoji_back',
    ['junkie found in the park toilets, naloxone given'],
    'shouldve saved the naloxone 💉⚰️🤷‍♂️',
    'other_derogatory',
  ],

  // standalone: offensive even read alone.
  [
    'standalone',
    ['interpreter needed for the afghan in cell 2'],
    'dont bother, they should all be put back on the boats',
    'race_ethnicity',
  ],
  [
    'standalone',
    ['black lad stop searched on the high st, nothing found'],
    'doesnt matter, blacks are all dealing anyway, get him next time',
    'race_ethnicity',
  ],
  [
    'standalone',
    ['ramadan starts next wk, custody briefing on meal times'],
    'not changing meal times for a bunch of muzzies',
    'religion',
  ],
  [
    'standalone',
    ['3 female officers on the firearms course'],
    'women have no business carrying guns, they panic',
    'sex_women',
  ],
  [
    'standalone',
    ['2 lads held hands in the canteen queue'],
    'poofs should keep that at home, disgusting',
    'sexual_orientation',
  ],
  [
    'standalone',
    ['trans woman in custody asking for a female searcher'],
    'trannies are blokes in dresses, search it like a bloke',
    'gender_identity',
  ],
  ['standalone', ['new sgt has ADHD and dyslexia'], 'retards shouldnt be given stripes', 'disability'],
  [
    'standalone',
    ['s136 from the hospital, schizophrenic bloke'],
    'nutters like that should be locked up for good, not our problem',
    'disability',
  ],
  [
    'standalone',
    ['65yo PCSO still walking the beat'],
    'old fossils should be put out to pasture, useless past 50',
    'age',
  ],
  [
    'standalone',
    ['rape allegation on the uni campus'],
    'half these rape claims are girls who regret it in the morning',
    'victims_of_crime',
  ],
  [
    'standalone',
    ['homeless camp under the flyover growing'],
    'homeless are parasites, clear the lot out',
    'other_derogatory',
  ],
  [
    'standalone',
    ['benefit fraud referral in from DWP'],
    'every dole scrounger on that estate is on the fiddle, scum',
    'other_derogatory',
  ],
  [
    'standalone',
    ['travellers moved onto the school field'],
    'gyppos are thieving scum, everyone knows it',
    'other_derogatory',
  ],
  [
    'standalone',
    ['chinese student reporting her phone stolen'],
    'cant tell them apart anyway, chinks all look the same. nfa',
    'race_ethnicity',
  ],
];

/** Quiet replies: the message before names a group (or abuses it), the reply does not derogate it. */
const QUIET: readonly QuietRow[] = [
  // work: an ordinary work reply.
  ['work', ['got 2 eritreans in for the burglary on acacia ave'], 'interpreter booked for 1400, tigrinya'],
  [
    'work',
    ["new PC starting monday, she's trans apparently"],
    'ok ill sort her locker and tutor her first wk',
  ],
  [
    'work',
    ['MISPER is a 15yo girl from the care home'],
    'on my way to the home now, will get a recent photo',
  ],
  ['work', ['3 muslim lads in for the disorder'], 'any of them fasting? custody need to know for meals'],
  [
    'work',
    ['witness on the stabbing is autistic, need an intermediary'],
    'registered intermediary booked thurs am',
  ],
  ['work', ['travellers pitched up on the rec overnight'], 'council notified, insp reviewing s61 at 10'],
  [
    'work',
    ['RTC on the high st, driver is 87'],
    'breath test neg, ill do the DVLA referral for an eyesight check',
  ],
  [
    'work',
    ['rough sleeper in the doorway of boots, v cold tonight'],
    'rang outreach, theyre sending someone down',
  ],
  ['work', ['deaf witness for the robbery on the parade'], 'BSL interpreter confirmed for 3pm'],
  ['work', ['polish driver in custody for the drink drive'], 'asked for a solicitor, duty ones on the way'],
  ['work', ['pride route briefing 0900'], '2-1 and 2-3 covering the square, there for 0845'],
  [
    'work',
    ['DA victim from last week wants to withdraw'],
    'ill go round for the withdrawal statement, still looking at evidence led',
  ],
  ['work', ['sikh officer wants his turban in the ID photo'], 'thats fine under policy, HR have the form'],
  ['work', ['female prisoner in cell 7 asking for sanitary products'], 'sorted, DO took them down'],

  // individual: harsh words for one person, about what that person did.
  [
    'individual',
    ['black male arrested for the hammer attack on his neighbour'],
    'animal. hope he gets 10 yrs',
  ],
  [
    'individual',
    ['somali lad who bit the custody sgt is back in'],
    'hes a proper nasty piece of work that one',
  ],
  ['individual', ['woman in cell 3 spat at the nurse'], 'shes vile, spit hood on when she comes out'],
  [
    'individual',
    ['gay bloke we nicked for the fraud on the pensioners'],
    'robbed 6 OAPs of their savings, total scumbag',
  ],
  [
    'individual',
    ['the trans woman arrested for the GBH outside the club'],
    'glassed a lad for nothing, hope CPS run with it',
  ],
  [
    'individual',
    ['old boy, 78, arrested for the historic abuse'],
    'disgusting man. good hes finally charged',
  ],
  [
    'individual',
    ['muslim lad arrested for the rape on the canal path'],
    'absolute predator, glad weve got him',
  ],
  [
    'individual',
    ['traveller lad who rammed the police car'],
    'idiot nearly killed PC jones, hope hes remanded',
  ],
  [
    'individual',
    ['homeless fella who robbed the old dear at knifepoint'],
    'nasty piece of work, did the same last year',
  ],
  [
    'individual',
    ['lad with schizophrenia who assaulted the paramedic'],
    'still not on, paramedics got a broken nose',
  ],
  ['individual', ['chinese male arrested at the county lines address'], 'running 4 kids as runners, scumbag'],
  [
    'individual',
    ['romanian fella who kicked the dog to death'],
    'monster. hope hes banned from keeping animals for life',
  ],

  // perpetrator: the group was the victim; the insult is for whoever did it.
  ['perpetrator', ['muslim lad stabbed outside the chippy'], 'scum whoever did it. hope we get them tonight'],
  [
    'perpetrator',
    ['trans woman beaten up in the park toilets'],
    'whoever did that needs locking up, disgusting',
  ],
  [
    'perpetrator',
    ['synagogue windows smashed overnight'],
    'cowards. cctv request going in for the whole street',
  ],
  ['perpetrator', ['old lady robbed of her handbag on the bus'], 'lowlife scum, picking on pensioners'],
  ['perpetrator', ['gay couple attacked leaving the bar'], 'pack of animals, hope the cctvs clear'],
  [
    'perpetrator',
    ['disabled lads car vandalised again, 4th time'],
    'whoevers doing it is a proper coward, lets get a camera up',
  ],
  [
    'perpetrator',
    ['black familys windows put through with a racist note'],
    'absolute scumbags. hate crime, ill speak to the family',
  ],
  [
    'perpetrator',
    ['homeless fella set on fire in the underpass'],
    'sick. whoever did that wants locking up forever',
  ],
  [
    'perpetrator',
    ['polish shop sprayed with "go home"'],
    'idiots. ill get it photographed before the council clean it',
  ],
  ['perpetrator', ['care home resident assaulted by a carer'], 'that carer wants sacking and charging, vile'],

  // sympathy: concern for the person or group named before.
  [
    'sympathy',
    ['MISPER is a 15yo girl from the care home, 5th time this month'],
    'poor kid, somethings going on there, worth a CSE referral',
  ],
  [
    'sympathy',
    ['rough sleeper found dead in the underpass'],
    'thats awful, he was a nice fella, used to chat to us',
  ],
  [
    'sympathy',
    ['rape victim has withdrawn support'],
    'cant blame her, 2 yr wait for court. hope shes got an ISVA',
  ],
  [
    'sympathy',
    ['afghan family burgled, lost everything they brought over'],
    'gutting for them. can victim support help?',
  ],
  [
    'sympathy',
    ['elderly victim of the phone scam lost 40k'],
    'heartbreaking. these scammers are so convincing, hes not the first',
  ],
  ['sympathy', ['DA victim rang again, ex outside'], 'get someone there asap, she must be terrified'],
  [
    'sympathy',
    ['lad with downs syndrome mugged for his phone'],
    'poor lad. ill take the statement, need an AA',
  ],
  ['sympathy', ['trans lad in cell 5 was crying all night'], 'poor sod, get the MH nurse to see him'],
  [
    'sympathy',
    ['old boy is 91 and cant remember what day it is'],
    'bless him, hes prob terrified. get his daughter down',
  ],
  [
    'sympathy',
    ['asian shopkeeper on the parade attacked again'],
    '3rd time this yr, awful for him. ill pop in on my beat',
  ],

  // counter: the message before is offensive; the reply challenges it.
  ['counter', ['got 2 eritreans in', 'theyre all at it, every single one of them'], 'mate you cant say that'],
  ['counter', ['trannies are blokes in dresses'], 'pack it in, thats not on. shes a colleague'],
  [
    'counter',
    ['MISPER is a 15yo girl from the care home', 'shell turn up, she always does, attention seeking'],
    'shes 15 and in care. shes a victim not a nuisance',
  ],
  ['counter', ['black family moved in next door to the sarge', '🐒🐒'], 'thats racist, delete it'],
  ['counter', ['poofs should keep that at home'], 'its 2026 mate, grow up'],
  ['counter', ['women have no business carrying guns'], 'she outshot you on the range last wk 😂'],
  ['counter', ['homeless are parasites'], 'bit much. half of them are ex forces'],
  [
    'counter',
    ['gyppos are thieving scum'],
    'youll be on a misconduct if that gets screenshotted. knock it off',
  ],
  ['counter', ['retards shouldnt be given stripes'], 'out of order. reporting that'],
  [
    'counter',
    ['sexual assault report from the club', 'what did she expect dressed like that'],
    'she expected to get home safe. that attitude is why cases get dropped',
  ],
  ['counter', ['muslim lads, they never integrate'], 'not cool. our best PCSO is muslim'],
  ['counter', ['old fossils should be put out to pasture'], 'careful, sarge is 58 and hes reading this 😂'],
  [
    'counter',
    ['new civvy in control is deaf', 'deaf and dumb, perfect for control room'],
    'not funny. shes better at the job than most of us',
  ],
  [
    'counter',
    ['RTC on the high st, driver is 87', 'take the keys off the lot of them at 70'],
    'thats ageist mate, judge the driving not the age',
  ],

  // neutral_after_hate: the message before is offensive; the reply ignores it and talks shop.
  [
    'neutral_after_hate',
    ['polish lads, born with a can of lager in their hand'],
    'anyone got the keys for car 14?',
  ],
  ['neutral_after_hate', ['custody full of somalis', 'zoos open'], 'whos doing the 2200 refs?'],
  [
    'neutral_after_hate',
    ['pride briefing 0900', 'fairy parade. pass'],
    'rota for next month is up on the board',
  ],
  [
    'neutral_after_hate',
    ['every dole scrounger on that estate is on the fiddle'],
    'what time is briefing tmrw',
  ],
  [
    'neutral_after_hate',
    ['muslim prisoner wants a prayer mat', '🐷🥓 give him this'],
    'vans back at the nick',
  ],
  [
    'neutral_after_hate',
    ['new female insp is taking briefing', 'kitchens that way'],
    'is the coffee machine fixed yet',
  ],
  ['neutral_after_hate', ['nutters like that should be locked up for good'], 'on refs, back in 20'],
  [
    'neutral_after_hate',
    ['travellers still on the industrial estate', 'torch the lot'],
    'anyone free to cover the 1400 court warrant?',
  ],
  ['neutral_after_hate', ['she knew what she was doing, lifestyle choice'], 'statements on niche now'],
  [
    'neutral_after_hate',
    ['DA victim dropped it', 'typical. see u next friday love'],
    'sorry was driving, whats the address for the next job?',
  ],

  // banter_neutral: a laugh or agreement after a neutral message about a group.
  [
    'banter_neutral',
    ["new PC starting monday, she's trans apparently", 'shes transferring from the met, ex traffic'],
    '😂😂 poor her, from the met to us',
  ],
  [
    'banter_neutral',
    ['pride route briefing 0900, free rainbow lanyards for all officers'],
    '😂 ill take 2, goes with the hi vis',
  ],
  [
    'banter_neutral',
    ['sarges wife has sent in a massive tray of samosas for eid'],
    'legend 😂😂 save me some',
  ],
  ['banter_neutral', ['old boy at the care home offered me a sherry at 10am'], '😂😂 hope u said yes'],
  ['banter_neutral', ['female PC just rugby tackled the runner over a fence'], 'absolute unit 😂 fair play'],
  [
    'banter_neutral',
    ['nigerian family at the warrant made us jollof while we waited for the locksmith'],
    '😂 best job this year',
  ],
  ['banter_neutral', ['deaf witness taught me the BSL for idiot then pointed at sarge'], '😂😂😂 love her'],
  [
    'banter_neutral',
    ['gay couple reporting their bike stolen, theyve named it steve'],
    '😂 well put an appeal out for steve',
  ],
  [
    'banter_neutral',
    ['travellers asked if we want a cuppa while they hitch up the caravans'],
    '👍 nice one, tell them ta from us',
  ],
  [
    'banter_neutral',
    ['84yo victim has baked the whole team a cake for catching her burglar'],
    '😂 shes a legend, agree 100%',
  ],
];

/** Offensive rows become `blind12-h${k}`, quiet rows `blind12-n${k}`, in the order written. */
export const BLIND12_CASES: readonly ContextCase[] = [
  ...HATEFUL.map(([functionality, before, reply, category], k) => ({
    id: `blind12-h${k}`,
    functionality,
    before,
    reply,
    hateful: true,
    category,
  })),
  ...QUIET.map(([functionality, before, reply], k) => ({
    id: `blind12-n${k}`,
    functionality,
    before,
    reply,
    hateful: false,
  })),
];
