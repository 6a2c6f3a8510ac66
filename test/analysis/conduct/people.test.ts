import { describe, expect, it } from 'vitest';
import {
  IdentityConflictError,
  normaliseName,
  normalisePhone,
  proposeLinks,
  resolvePeople,
  type ConductParticipant,
} from '../../../src/analysis/conduct/index.js';

const P = (
  key: string,
  conversationId: number,
  displayName: string,
  extra: Partial<ConductParticipant> = {},
) => ({
  key,
  conversationId,
  displayName,
  ...extra,
});

describe('resolvePeople', () => {
  const participants: ConductParticipant[] = [
    P('1', 1, 'Dave Smith', { phone: '+44 7700 900123' }),
    P('2', 1, 'Jo'),
    P('3', 2, 'PC Dave Smith', { phone: '07700 900123' }),
    P('4', 2, 'Jo B'),
  ];

  it('without confirmed links, each participant is its own provisional person', () => {
    const { people, personOf } = resolvePeople(participants);
    expect(people).toEqual([
      { id: 'participant:1', name: 'Dave Smith', provisional: true, participants: ['1'] },
      { id: 'participant:2', name: 'Jo', provisional: true, participants: ['2'] },
      { id: 'participant:3', name: 'PC Dave Smith', provisional: true, participants: ['3'] },
      { id: 'participant:4', name: 'Jo B', provisional: true, participants: ['4'] },
    ]);
    expect(personOf.get('3')).toBe('participant:3');
  });

  it('confirmed links join participants into one person', () => {
    const { people } = resolvePeople(participants, [
      { participantKey: '1', person: 'P-SMITH', name: 'PC 1234 Dave Smith' },
      { participantKey: '3', person: 'P-SMITH' },
    ]);
    expect(people[0]).toEqual({
      id: 'P-SMITH',
      name: 'PC 1234 Dave Smith',
      provisional: false,
      participants: ['1', '3'],
    });
    expect(people).toHaveLength(3);
  });

  it('one participant confirmed as two people is an error naming both', () => {
    const call = () =>
      resolvePeople(participants, [
        { participantKey: '2', person: 'Joanne Brown' },
        { participantKey: '2', person: 'Joe Bloggs' },
      ]);
    expect(call).toThrow(IdentityConflictError);
    expect(call).toThrow(/'Joanne Brown' and 'Joe Bloggs'/);
    try {
      call();
    } catch (e) {
      expect((e as IdentityConflictError).people).toEqual(['Joanne Brown', 'Joe Bloggs']);
      expect((e as IdentityConflictError).details.code).toBe('identity_conflict');
    }
  });

  it('one phone number confirmed as two people is an error naming both', () => {
    const call = () =>
      resolvePeople(participants, [
        { participantKey: '1', person: 'Dave Smith' },
        { participantKey: '3', person: 'David Smythe' },
      ]);
    expect(call).toThrow(IdentityConflictError);
    expect(call).toThrow(/phone number 447700900123 .*'Dave Smith'.*'David Smythe'/);
  });

  it('one JID confirmed as two people is an error', () => {
    const ps = [P('a', 1, 'X', { jid: '55512345@lid' }), P('b', 2, 'Y', { jid: '55512345@lid' })];
    expect(() =>
      resolvePeople(ps, [
        { participantKey: 'a', person: 'One' },
        { participantKey: 'b', person: 'Two' },
      ]),
    ).toThrow(/JID 55512345@lid/);
  });
});

describe('normalising names and numbers', () => {
  it.each([
    ['PC Dave Smith', 'dave smith'],
    ['~ Dave Smith', 'dave smith'],
    ['Dave Smith - Response', 'dave smith'],
    ['🚔 DAVE SMITH 🚔', 'dave smith'],
    ['Sgt. Jones', 'jones'],
    ['Det Sgt Jones', 'jones'],
    ['DC O’Brien', 'obrien'],
    ['~ PC Dave Smith 👮🏻‍♂️ - Response Team B', 'dave smith'],
    ['Di Smith', 'di smith'],
    ['DI Smith', 'smith'],
    ['Mary-Jane Fox', 'maryjane fox'],
    ['🚔', ''],
  ])('%s → %s', (name, expected) => {
    expect(normaliseName(name)).toBe(expected);
  });

  it.each([
    ['+44 7700 900123', '447700900123'],
    ['0044 7700 900123', '447700900123'],
    ['07700 900123', '447700900123'],
    ['+1 (555) 010-9999', '15550109999'],
    ['12', null],
    [null, null],
  ])('%s → %s', (phone, expected) => {
    expect(normalisePhone(phone)).toBe(expected);
  });
});

describe('proposeLinks', () => {
  it('proposes links from phones, JIDs, names, push names and number changes, with evidence', () => {
    const ps: ConductParticipant[] = [
      P('a', 1, 'PC Dave Smith 🚔', { phone: '+44 7700 900123' }),
      P('b', 2, '~ Dave Smith - Response', { jid: '447700900123@s.whatsapp.net' }),
      P('c', 1, 'Jonesy', { pushName: 'Sgt Jones' }),
      P('d', 2, 'Sgt Jones'),
      P('e', 1, 'Amy'),
      P('f', 2, 'amy'),
      P('g', 1, 'Tom Hill'),
      P('h', 1, '+44 7700 900555'),
      P('i', 3, 'Tom Hill'),
    ];
    const proposals = proposeLinks(ps, [
      {
        id: 9,
        conversationId: 1,
        messageId: 90,
        type: 'number_changed',
        actor: 'Tom Hill',
        targets: ['Tom Hill'],
        utc: '2022-01-01T00:00:00.000Z',
        value: '+44 7700 900555',
      },
    ]);
    const find = (a: string, b: string) => proposals.find((p) => p.a === a && p.b === b);
    expect(find('a', 'b')).toMatchObject({ confidence: 0.98 });
    expect(
      find('a', 'b')!
        .evidence.map((e) => e.kind)
        .sort(),
    ).toEqual(['name', 'phone']);
    expect(find('a', 'b')!.evidence.find((e) => e.kind === 'phone')!.detail).toMatch(/447700900123/);
    expect(find('c', 'd')).toMatchObject({ confidence: 0.4, evidence: [{ kind: 'push_name' }] });
    expect(find('e', 'f')).toMatchObject({ confidence: 0.3, evidence: [{ kind: 'name' }] });
    expect(find('e', 'f')!.evidence[0]!.detail).toMatch(/one word/);
    expect(find('g', 'h')).toMatchObject({ confidence: 0.8, evidence: [{ kind: 'number_changed' }] });
    expect(find('g', 'i')).toMatchObject({ confidence: 0.6, evidence: [{ kind: 'display_name' }] });
    // Nothing else: different people are not linked.
    expect(proposals.map((p) => `${p.a}-${p.b}`).sort()).toEqual(['a-b', 'c-d', 'e-f', 'g-h', 'g-i']);
    // Strongest first.
    expect(proposals.map((p) => p.confidence)).toEqual(
      [...proposals.map((p) => p.confidence)].sort((x, y) => y - x),
    );
    expect(proposeLinks([...ps].reverse()).length).toBe(proposeLinks(ps).length);
  });

  it('links nothing by itself: proposals are not applied', () => {
    const ps = [P('a', 1, 'Dave', { phone: '07700900123' }), P('b', 2, 'Dave', { phone: '07700900123' })];
    expect(proposeLinks(ps)).toHaveLength(1);
    expect(resolvePeople(ps).people).toHaveLength(2);
  });
});
