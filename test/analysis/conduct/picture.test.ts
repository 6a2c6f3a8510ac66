import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseConduct, summariseConduct, type PersonPicture } from '../../../src/analysis/conduct/index.js';
import { expectedPicture, generate, view } from './generate.js';

function check(seed: number): void {
  const { script: s, links, people } = generate(seed);
  const report = analyseConduct({
    messages: s.messages,
    events: s.events,
    participants: s.participants,
    offensive: s.offensive,
    confirmedLinks: links,
  });
  expect(report.implicitParticipants).toEqual([]);
  const byPerson = new Map<string, PersonPicture>();
  for (const p of report.people) byPerson.set(p.name, p);
  expect([...byPerson.keys()].sort()).toEqual([...people].sort());
  for (const name of people) {
    expect(view(byPerson.get(name)!), `${name} (seed ${seed})`).toEqual(expectedPicture(s, name));
  }
  // Each offensive message: who was there, who laughed, who pushed back, who stayed silent.
  const nameOf = new Map(report.people.map((p) => [p.person, p.name]));
  expect(report.offensiveMessages.map((o) => o.messageId)).toEqual(s.offensive.map((o) => o.messageId));
  for (const o of report.offensiveMessages) {
    const having = (
      pick: (i: typeof s.intent extends Map<string, infer I> ? I : never) => boolean,
    ): string[] =>
      [...s.intent.entries()]
        .filter(([, i]) => pick(i))
        .map(([n]) => n)
        .sort();
    const audience = having((i) => i.received.has(o.messageId));
    const view = {
      audience: o.audience.map((a) => nameOf.get(a.person)!).sort(),
      endorsedBy: o.endorsedBy.map((p) => nameOf.get(p)!).sort(),
      challengedBy: o.challengedBy.map((p) => nameOf.get(p)!).sort(),
      silent: o.silent.map((p) => nameOf.get(p)!).sort(),
    };
    expect(view, `message ${o.messageId} (seed ${seed})`).toEqual({
      audience,
      endorsedBy: having((i) => i.endorsed.has(o.messageId)),
      challengedBy: having((i) => i.challenged.has(o.messageId)),
      silent: audience.filter(
        (n) => !s.intent.get(n)!.endorsed.has(o.messageId) && !s.intent.get(n)!.challenged.has(o.messageId),
      ),
    });
  }
}

describe('conduct picture of a generated group', () => {
  for (const seed of [1, 2, 3, 4, 5, 42, 1234, 235106349]) {
    it(`matches the script's intent for every figure of every person (seed ${seed})`, () => check(seed));
  }

  it('matches the script for any seed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => check(seed)),
      { numRuns: 40 },
    );
  });

  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer(), (seed, shuffleSeed) => {
        const { script: s, links } = generate(seed);
        const input = {
          messages: s.messages,
          events: s.events,
          participants: s.participants,
          offensive: s.offensive,
          confirmedLinks: links,
        };
        const shuffled = {
          ...input,
          messages: shuffle(s.messages, shuffleSeed),
          events: shuffle(s.events, shuffleSeed + 1),
          offensive: shuffle(s.offensive, shuffleSeed + 2),
        };
        expect(summariseConduct(analyseConduct(shuffled))).toEqual(summariseConduct(analyseConduct(input)));
      }),
      { numRuns: 15 },
    );
  });

  it('summarises to the CLI shape', () => {
    const { script: s, links } = generate(7);
    const report = analyseConduct({
      messages: s.messages,
      events: s.events,
      participants: s.participants,
      offensive: s.offensive,
      confirmedLinks: links,
    });
    const json = JSON.parse(JSON.stringify(summariseConduct(report))) as {
      people: Record<string, unknown>[];
    };
    for (const p of json.people) {
      for (const k of [
        'person',
        'participants',
        'sent',
        'sentOffensive',
        'byCategory',
        'receivedOffensiveWhileMember',
        'endorsed',
        'challenged',
        'silent',
        'first',
        'last',
        'standards',
      ]) {
        expect(p, k).toHaveProperty(k);
      }
      for (const k of [
        'sent',
        'sentOffensive',
        'receivedOffensiveWhileMember',
        'endorsed',
        'challenged',
        'silent',
      ]) {
        expect(typeof p[k]).toBe('number');
      }
    }
  });

  it('has enough of everything to be a real test', () => {
    let endorsed = 0;
    let challenged = 0;
    let silent = 0;
    let seenReceived = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const { script: s } = generate(seed);
      for (const i of s.intent.values()) {
        endorsed += i.endorsed.size;
        challenged += i.challenged.size;
        for (const [id, span] of i.received) {
          if (!i.endorsed.has(id) && !i.challenged.has(id)) silent++;
          if (span.fromSeen && span.toSeen) seenReceived++;
        }
      }
    }
    expect(endorsed).toBeGreaterThan(50);
    expect(challenged).toBeGreaterThan(20);
    expect(silent).toBeGreaterThan(50);
    expect(seenReceived).toBeGreaterThan(5);
  });
});

function shuffle<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let a = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    a = (Math.imul(a ^ (a >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    const j = a % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
