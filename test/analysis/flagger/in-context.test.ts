/**
 * Reading a reply after the message it answers (engine 2.6, src/analysis/flagger/in-context.ts): the
 * group is named in one message and attacked in the next. Each reply here is quiet read alone, so
 * every flagged case fails without the context reading.
 */
import { describe, expect, it } from 'vitest';
import { createFlagger } from '../../../src/analysis/flagger/index.js';

const f = createFlagger();

const ATTACKS: [before: string, reply: string, category: string][] = [
  ['two romanians brought in for the tesco job', "they're all the same", 'race_ethnicity'],
  ['new family moved in at no 9, muslims', 'they breed like rabbits', 'religion'],
  [
    'pride parade route meeting at 3, gay officers network want 2 reps',
    'perverts the lot',
    'sexual_orientation',
  ],
  ['two romanians brought in for the tesco job', 'send them home', 'race_ethnicity'],
  ['new family moved in at no 9, muslims', 'wouldnt trust them as far as i could throw them', 'religion'],
  ['3 women arrested for the shoplifting at boots', 'thieving cows', 'sex_women'],
];

const QUIET: [before: string, reply: string][] = [
  // An endorsement or a laugh is conduct (who laughed along), not an offensive message of its own.
  ['Somalis are all thieves', 'lol'],
  ['Somalis are all thieves', 'they really are'],
  ['Somalis are all thieves', 'mate you cannot say that'],
  // The group as victims: the insult is for whoever did it.
  ['muslim lad stabbed outside the chippy', 'animals'],
  ['the gay couple at 14 have had their windows smashed again', 'bunch of animals'],
  ['muslim lad stabbed outside the chippy', 'animals whoever did it'],
  // One person, not the group: "animal" is the DP.
  ['DP shouting about muslims in the back of the van', 'animal'],
  ['Somali community meeting tonight re knife crime', 'they want more patrols'],
  ['sgt said the polish lads on the building site are grafters', 'they really are, never late'],
  ['IP says her neighbour keeps calling her a p*ki', 'vile'],
];

describe('a reply read after the message it answers', () => {
  it.each(ATTACKS)(
    '"%s" then "%s" flags the reply with the group named before',
    (before, reply, category) => {
      expect(f.classify(reply).flagged).toBe(false);
      const r = f.classifyInContext(reply, [before]);
      expect(r.flagged).toBe(true);
      expect(r.categories[0]?.name).toBe(category);
      for (const s of r.spans) {
        expect(s.start).toBeGreaterThanOrEqual(0);
        expect(s.end).toBeLessThanOrEqual(reply.length);
        expect(reply.slice(s.start, s.end)).toBe(s.text);
      }
      expect(r.spans.some((s) => s.reason.includes('named in the message before'))).toBe(true);
    },
  );

  it.each(QUIET)('"%s" then "%s" leaves the reply quiet', (before, reply) => {
    expect(f.classifyInContext(reply, [before]).flagged).toBe(false);
  });

  it('reads the nearest message first and the one before it too', () => {
    const r = f.classifyInContext('bunch of parasites', [
      'two romanians brought in for the tesco job',
      'on my way',
    ]);
    expect(r.flagged).toBe(true);
    expect(r.categories[0]?.name).toBe('race_ethnicity');
  });

  it('gives the group to a reply the model flags alone with a guessed one', () => {
    const alone = f.classify('scum the lot of them');
    const r = f.classifyInContext('scum the lot of them', ['new family moved in at no 9, muslims']);
    expect(r.flagged).toBe(true);
    expect(r.categories.map((c) => c.name)).toContain('religion');
    expect(r.score).toBeGreaterThanOrEqual(alone.score);
  });

  it('is classify itself with nothing before, and for a message that points back at no one', () => {
    const text = 'anyone free to attend a job at the mosque?';
    expect(f.classifyInContext(text, [])).toEqual(f.classify(text));
    expect(f.classifyInContext('on my way', ['Somalis are all thieves'])).toEqual(f.classify('on my way'));
  });
});
