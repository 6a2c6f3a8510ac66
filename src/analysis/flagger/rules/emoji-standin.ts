/**
 * An ape emoji standing for Black people with no group word at all ("🐒🐒 all over the estate again",
 * "more 🐒 moving in next door"): the racist stand-in that HatemojiBuild documents. It counts only when
 * the message speaks of the emoji as people living among us (an estate, a street, next door, moving
 * in, benefits) and not of animals (a zoo, a safari park, "monkeys" written out). Rats, pigs and dogs
 * are left out: "🐀 all over the estate" is usually about rats, and 🐷 is the police.
 */

import { squeeze, TK_EMOJI, TK_WORD } from '../normalise.js';
import type { RuleContext } from './context.js';
import type { Unit } from './types.js';

const STAND_INS = new Set(['monkey', 'gorilla']);
/** Words that place the emoji among people. */
const PEOPLE_CUES = new Set(
  [
    'estate',
    'estates',
    'street',
    'streets',
    'road',
    'town',
    'area',
    'neighbourhood',
    'neighborhood',
    'next',
    'door',
    'moving',
    'moved',
    'move',
    'living',
    'breeding',
    'benefits',
    'school',
    'schools',
    'jobs',
    'country',
    'everywhere',
    'flats',
    'houses',
    'bus',
    'queue',
    'taking',
    'claiming',
    'postcode',
    'city',
    'nhs',
    'council',
    'bikes',
    'prices',
  ].map(squeeze),
);
/** Words that make it an animal after all. */
const ANIMAL_CUES = new Set(
  [
    'zoo',
    'zoos',
    'safari',
    'enclosure',
    'wildlife',
    'animal',
    'animals',
    'pet',
    'pets',
    'cage',
    'monkey',
    'monkeys',
    'gorilla',
    'gorillas',
    'ape',
    'apes',
    'chimp',
    'chimps',
    'sanctuary',
    'documentary',
    'attenborough',
    'toy',
    'teddy',
    'cuddly',
    'vet',
    'rspca',
    'tree',
    'trees',
    'banana',
    'bananas',
    'cute',
  ].map(squeeze),
);

const SEEN = new WeakMap<RuleContext, string | null>();

/** The word that places the emoji among people, or null when there is none or an animal word. */
function peopleCue(ctx: RuleContext): string | null {
  let people: string | null = null;
  for (let k = 0; k < ctx.n; k++) {
    const t = ctx.tokens[k]!;
    if (t.kind !== TK_WORD) continue;
    if (ANIMAL_CUES.has(t.key)) return null;
    // "all over the estate": "over" only after "all".
    if (people === null && (PEOPLE_CUES.has(t.key) || (t.key === 'over' && ctx.tokens[k - 1]?.key === 'all')))
      people = t.norm;
  }
  return people;
}

export function emojiStandIn(ctx: RuleContext, u: Unit): void {
  const e = ctx.tokens[u.i]!.emoji;
  if (e === undefined || !STAND_INS.has(e.name)) return;
  // One hit for "🐒🐒".
  const prev = u.i > 0 ? ctx.tokens[u.i - 1] : undefined;
  if (prev !== undefined && prev.kind === TK_EMOJI && prev.emoji?.name === e.name) return;
  // One look at the message's words, however many emoji it has.
  let people = SEEN.get(ctx);
  if (people === undefined) {
    people = peopleCue(ctx);
    SEEN.set(ctx, people);
  }
  if (people === null) return;
  const s = ctx.span(u);
  ctx.push({
    category: 'race_ethnicity',
    score: 0.72,
    start: s.start,
    end: s.end,
    term: s.term,
    reason: `emoji '${s.term}' (${e.name}) standing for people ('${people}'): a racist stand-in`,
    flaggable: true,
  });
  ctx.predicateUnits.add(u);
}
