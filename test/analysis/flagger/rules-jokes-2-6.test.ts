import { describe, expect, it } from 'vitest';
import { flaggedAs, quiet } from './flag-expect.js';

// Jokes and banter, session 9 (terms 1.7.1): sentences of our own in UK police WhatsApp register, over
// every group, each class with quiet twins (jokes about the job, the sergeant, the weather, football,
// ourselves, and jokes that mention a group without deriding it). The whole flagger is used (the blind
// sets are scored that way). Before the change (terms 1.7.0) 74 of these 83 were right (sarcastic praise, the
// riddle frames "what do you tell …" / "what's the best thing about …", laughter at a slur that named a
// third person, and jokes about the job the model flagged alone); see docs/flagger.md.

describe('joke frames at a group’s expense', () => {
  it.each([
    ['what do you call a paki with a degree? a miracle 😂😂', 'race_ethnicity'],
    ['how many muslims does it take to blow up a bus 😂', 'religion'],
    ['a gypsy walks into a bar and the bar goes missing lol', 'race_ethnicity'],
    ['whats the difference between a woman and a sat nav? the sat nav knows when to shut up 🤣', 'sex_women'],
    ['why do trans ppl need two changing rooms 😂 cos they cant make their mind up', 'gender_identity'],
    ['what do you call a lesbian with long nails? single 😂😂', 'sexual_orientation'],
    ['how many gays does it take to change a lightbulb 🤣🤣', 'sexual_orientation'],
    ['knock knock whos there? a tranny lmao', 'gender_identity'],
    ['whats worse than a woman driver? two of them 😂', 'sex_women'],
    ['an albanian walks into a shop and walks out with everything 😂', 'race_ethnicity'],
    ['what do u call a black man in a suit? the defendant 😂😂', 'race_ethnicity'],
    ['how do you get a gypsy off your drive? lol', 'race_ethnicity'],
    ['what do you call a muslim on a jetski? ali bomber 🤣', 'religion'],
    ['a pole, a romanian and a gypsy walk into a nick... thats every saturday night 😂', 'race_ethnicity'],
    ['how do you know a pensioner has been in the shop? the smell 😂', 'age'],
    ['why dont blind people skydive? it scares the dog 😂😂', 'disability'],
    ['how do you stop a gay man from drowning? take your foot off his head 😂', 'sexual_orientation'],
    ['what do you tell a woman with two black eyes? nothing, you already told her twice 😂', 'sex_women'],
    ['whats the best thing about dating a jewish girl? she wont spend your money 🤣', 'religion'],
    [
      'how many women does it take to change a lightbulb? none they just sit in the dark and cry 😂',
      'sex_women',
    ],
    [
      'i would tell you a joke about the disabled but it wouldnt go down well... neither do they lol',
      'disability',
    ],
    ['not saying the new neighbours are romanian but my bike has already gone 😂', 'race_ethnicity'],
  ])('%s', (text, category) => {
    expect(flaggedAs(text, category)).toBe(true);
  });
});

describe('sarcastic praise of one more of a group ("great, another …", "… just what we needed")', () => {
  it.each([
    ['great, another somali on the custody list, just what we needed 🙄', 'race_ethnicity'],
    ['oh brilliant another traveller site next to the nick, just what we needed', 'race_ethnicity'],
    ['wonderful, another poof in the team, hide your arse lads 😂', 'sexual_orientation'],
    ['brilliant, more women on firearms, cant wait for the first one to cry 😂', 'sex_women'],
    ['yay, another gay officer, the rainbow lanyard brigade grows 🙄', 'sexual_orientation'],
    ['great, another traveller wedding at the community hall, lock up your tools 😂', 'race_ethnicity'],
    ['oh joy, more albanians in the cells', 'race_ethnicity'],
    ['romanians again, just what we needed lol', 'race_ethnicity'],
  ])('%s', (text, category) => {
    expect(flaggedAs(text, category)).toBe(true);
  });
});

describe('mock-serious banter, nicknames, joke replies and joke-shaped threats', () => {
  it.each([
    ['dont let the diversity officer see this but polish lot are all thieves 😂', 'race_ethnicity'],
    ['the spastic on the front desk is at it again 😂😂 call him window licker', 'disability'],
    ['jews and money lol classic 🤣', 'religion'],
    ['the old codgers at the care home, gods waiting room 😂 cant wait till they snuff it', 'age'],
    ['another rape claim from a slag who regretted it 😂😂', 'victims_of_crime'],
    ['she got battered again haha maybe she likes it 🤣', 'victims_of_crime'],
    ['call the downs kid mong boy 😂 suits him', 'disability'],
    ['banter but honestly women shouldnt be on response 😂', 'sex_women'],
    ['lol the tranny in cell 4 wants a female search, good luck with that 🤣🤣', 'gender_identity'],
    ['😂😂😂 spot on, they breed like rabbits them pikeys', 'race_ethnicity'],
    ['🤣🤣 typical pikey behaviour that', 'race_ethnicity'],
    ['lmao the muzzies will be rioting again by friday', 'religion'],
    ['only joking but id happily run the whole traveller site over 😂', 'race_ethnicity'],
    ['gonna taser the next gyppo i see lol jk', 'race_ethnicity'],
    ['calling her mrs boomerang cos she always goes back to him 😂', 'victims_of_crime'],
    ['someone should put the poofs in a lorry and drive it off a cliff 😂😂 kidding', 'sexual_orientation'],
    ['diversity week lads so im being extra nice to the pakis 😂', 'race_ethnicity'],
    ['the oldies at the bus stop, coffin dodgers the lot of them 🤣', 'age'],
    ['another muslim in the prayer room, kettle on for the bomb squad 😂', 'religion'],
    ['shes reported him 6 times, frequent flyer award goes to her 😂🏆', 'victims_of_crime'],
    ['dont tell hr but the autistic lad on D shift is a proper mong 😂', 'disability'],
  ])('%s', (text, category) => {
    expect(flaggedAs(text, category)).toBe(true);
  });
});

describe('quiet twins: jokes about the job, colleagues, football, ourselves; groups named without derision', () => {
  it.each([
    'what do you call a sergeant who turns up on time? retired 😂',
    'how many response officers does it take to change a lightbulb 😂 none, its not our job',
    'a cop walks into a bar... and then gets called to a job 🤣',
    'how do you stop a response officer from moaning? give him a sausage roll 😂',
    'why do we let Amy drive the area car? he cant park it and he cried when it got scratched 😂',
    'whats the difference between a custody sgt and a rottweiler? the lipstick lol',
    'why dont sergeants skydive? they scare the inspectors 😂😂',
    'what do you call a copper on a jetski? a waste of taxpayers money 🤣',
    'great, another night shift in the rain, just what we needed 🙄',
    'oh brilliant another RTC on the A38, just what we needed',
    'yay, another nights rota out, just what we needed 😂',
    'just what we needed, more rain on a friday 🙄',
    'what do you call a spurs fan with a trophy? a liar 😂😂',
    'football tonight lads, spurs will lose again 😂',
    'im useless at paperwork me, call me the pen-pusher 🤣',
    'im a walking disaster today lol forgot my own warrant card',
    'the sarge is a miserable old git lol',
    'calling him mr bojangles cos he dances at every xmas do 😂',
    'not saying the new sarge is strict but my tea break has already gone 😂',
    'weather is shocking, god help the lot on foot patrol 😂',
    'how many polish lads in custody tonight? need an interpreter',
    'eid mubarak to the muslim lads on shift 😂 save me a samosa',
    'the polish lad who came in was lovely, gave us all biscuits 😂',
    'great, the interpreter finally turned up after three hours',
    'brilliant work on the gypsy site eviction today, well done all',
    'more muslim officers joined this year, good to see 👍',
    'great, another muslim officer joined the team, welcome brother',
    'oh joy, more paperwork for the albanian job',
    'another polish interpreter booked for tomorrow, thank god',
    'the dyke march was great fun lol proud of the girls',
    'lol the dyke bar down the road is lovely',
    'the DV job from last week is back at court tomorrow, CPS charged',
  ])('%s', (text) => {
    expect(quiet(text)).toBe(true);
  });
});
