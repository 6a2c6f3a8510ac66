/**
 * A generic battery (engine 2.2 work, 6 Dec 2026): 35 hateful and 20 non-hateful statement templates in
 * our own words, HateCheck-style, each filled with the seven groups HateCheck uses. Written to find
 * systematic gaps in the rules (death wishes, "have no value", "no X deserves rights", "Saying X are scum
 * is disgusting"); 2.1.0 flagged 227/245 and left 132/140 alone, and the 2.2 rules were then fixed on
 * it, so it is a regression check, not a blind figure. The corpus build leaves these sentences out.
 *
 * Content warning: hateful statements are test data here.
 */

import type { FunctionalCase } from '../../../src/analysis/flagger/train/evaluate.js';

const GROUPS: [plural: string, singular: string][] = [
  ['women', 'woman'],
  ['trans people', 'trans person'],
  ['gay people', 'gay person'],
  ['black people', 'black person'],
  ['disabled people', 'disabled person'],
  ['Muslims', 'Muslim'],
  ['immigrants', 'immigrant'],
];

const HATEFUL = [
  "I really can't stand {P}",
  'I detest {P} more than anything',
  'All {P} are repulsive',
  '{P} are utterly worthless',
  '{P} are nothing but trash',
  '{P} are a cancer',
  '{P} are lesser beings',
  'Typical {S}, always lying',
  '{P} belong in a cage',
  '{P} are a burden on society',
  "I'm going to murder every {S} I see",
  'I will hurt any {S} who comes near me',
  '{P} should all be executed',
  'It would be great if all {P} died',
  '{P} must be wiped out',
  '{P} are fucking worthless',
  "I'd shoot a {S} without thinking twice",
  'I hate {P}. They are scum',
  'I met a {S} yesterday and they were disgusting like all of them',
  '{P} are vile, they ruin everything',
  '{P} are not human',
  '{P} have no value',
  'I will never respect a {S}',
  '{P} lives are worthless',
  'No {S} deserves rights',
  'Why are {P} so pathetic?',
  "Isn't it obvious that {P} are inferior?",
  'Why must every {S} be so stupid?',
  'I think {P} are a plague',
  'In my view {P} are subhuman',
  'If you ask me, {P} are trash',
  'We should get rid of {P}',
  "{P} don't deserve to live",
  '{P} are the worst thing to happen to this country',
  'Honestly {P} are so dumb',
];

const QUIET = [
  'I have so much respect for {P}',
  '{P} deserve equal rights',
  "I'm proud to work with {P}",
  'Most of my friends are {P}',
  '{P} are welcome here',
  'Saying {P} are scum is disgusting',
  'If you call {P} vermin you are a bigot',
  '"{P} are trash" is a hateful thing to say',
  "I'd never say {P} are worthless",
  "{P} aren't a burden",
  'No {S} deserves to be abused',
  'There are many {P} in this city',
  'I spoke to a {S} at the event',
  'How many {P} live in the UK?',
  '{P} face a lot of discrimination',
  'Why do people hate {P}?',
  "I don't think {P} are inferior",
  'It is wrong to say {P} should die',
  'Violence against {P} must stop',
  'I love {P}',
];

function fill(t: string, [p, s]: [string, string]): string {
  const x = t.replace('{P}', p).replace('{S}', s);
  return x[0]!.toUpperCase() + x.slice(1);
}

function build(): FunctionalCase[] {
  const out: FunctionalCase[] = [];
  GROUPS.forEach((g, gi) => {
    HATEFUL.forEach((t, k) =>
      out.push({
        id: `battery-h${gi}-${k}`,
        functionality: 'battery_hateful',
        target: g[0],
        text: fill(t, g),
        hateful: true,
      }),
    );
    QUIET.forEach((t, k) =>
      out.push({
        id: `battery-n${gi}-${k}`,
        functionality: 'battery_quiet',
        target: g[0],
        text: fill(t, g),
        hateful: false,
      }),
    );
  });
  return out;
}

export const BATTERY_CASES: readonly FunctionalCase[] = build();
