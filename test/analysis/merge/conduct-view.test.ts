import { describe, expect, it } from 'vitest';
import {
  mergedConductView,
  type ViewEvent,
  type ViewLink,
  type ViewMerge,
  type ViewMessage,
  type ViewParticipant,
} from '../../../src/analysis/merge/conduct-view.js';

// Conversation 1 is a database (key ids, its owner known); 2 an export of the same group from
// another phone (names from that phone's address book, "You" for its owner); 3 is not merged.
const DB = 1;
const TXT = 2;
const at = (minute: number, second = 0) => new Date(Date.UTC(2021, 2, 1, 9, minute, second)).toISOString();

function build() {
  const participants: ViewParticipant[] = [
    { key: 'd-owner', conversationId: DB, displayName: 'Owner D', isOwner: true, jid: '4471@s.whatsapp.net' },
    { key: 'd-ann', conversationId: DB, displayName: 'Ann', jid: '4472@s.whatsapp.net', phone: '+4472' },
    { key: 'd-bob', conversationId: DB, displayName: 'Bob B', jid: '4473@s.whatsapp.net' },
    { key: 'd-cy', conversationId: DB, displayName: 'Cy', jid: '4474@s.whatsapp.net' },
    { key: 't-owner', conversationId: TXT, displayName: 'Owner D' },
    { key: 't-ann', conversationId: TXT, displayName: 'Ann' },
    { key: 't-bob', conversationId: TXT, displayName: 'Sgt Bob' },
    { key: 't-cy', conversationId: TXT, displayName: 'Cyrus' },
    { key: 'x-zed', conversationId: 3, displayName: 'Zed' },
  ];
  const messages: ViewMessage[] = [];
  const events: ViewEvent[] = [];
  const copies: number[][] = [];
  let id = 1;
  const say = (minute: number, who: [string, string] | null, both = true, second = 17) => {
    const d: ViewMessage = {
      id: id++,
      conversationId: DB,
      sender: who === null ? null : who[0],
      participantKey: who === null ? null : `d-${who[0].toLowerCase().split(' ')[0]}`,
      utc: at(minute, second),
      kind: who === null ? 'system' : 'text',
      keyId: `K${id}`,
    };
    messages.push(d);
    if (!both) {
      copies.push([d.id]);
      return d.id;
    }
    const t: ViewMessage = {
      id: id++,
      conversationId: TXT,
      sender: who === null ? null : who[1],
      participantKey: who === null ? null : `t-${d.participantKey!.slice(2)}`,
      utc: at(minute),
      kind: d.kind,
    };
    messages.push(t);
    copies.push([d.id, t.id]);
    return d.id;
  };
  const ann: [string, string] = ['Ann', 'Ann'];
  const bob: [string, string] = ['Bob B', 'Sgt Bob'];
  const cy: [string, string] = ['Cy', 'Cyrus'];
  // Database: one row per member added; the export: one line for them all, its owner as "You".
  let ev = 1;
  for (const [name, minute] of [
    ['Ann', 1],
    ['Bob B', 1],
    ['Cy', 1],
  ] as const) {
    const m = say(minute, null, false, 5);
    events.push({
      id: ev++,
      conversationId: DB,
      type: 'added',
      actor: 'Owner D',
      targets: [name],
      utc: messages.find((x) => x.id === m)!.utc,
    });
  }
  events.push({
    id: ev++,
    conversationId: TXT,
    type: 'added',
    actor: 'You',
    targets: ['Ann', 'Sgt Bob', 'Cyrus'],
    utc: at(1),
  });
  const first = say(3, ann);
  say(4, bob);
  say(5, ann);
  say(6, cy);
  // Only the export holds Bob leaving: kept, renamed to the database's name.
  events.push({
    id: ev++,
    conversationId: TXT,
    type: 'left',
    actor: 'Sgt Bob',
    targets: ['Sgt Bob'],
    utc: at(8),
  });
  messages.push({
    id: 900,
    conversationId: 3,
    sender: 'Zed',
    participantKey: 'x-zed',
    utc: at(9),
    kind: 'text',
  });
  const merge: ViewMerge = {
    id: 7,
    conversationIds: [TXT, DB],
    messages: copies.map((sources) => ({ sources })),
  };
  return { participants, messages, events, merge, first };
}

const view = (
  b: ReturnType<typeof build>,
  extra: {
    coded?: { messageId: number; categories: string[]; offensive: boolean }[];
    links?: ViewLink[];
  } = {},
) =>
  mergedConductView(
    {
      messages: b.messages,
      events: b.events,
      participants: b.participants,
      coded: extra.coded ?? [],
      flagged: [],
      confirmedLinks: extra.links ?? [],
    },
    [b.merge],
  );

describe('the conduct view of merged conversations', () => {
  it('passes everything through where nothing is merged', () => {
    const b = build();
    const out = mergedConductView(
      {
        messages: b.messages,
        events: b.events,
        participants: b.participants,
        coded: [],
        flagged: [],
        confirmedLinks: [],
      },
      [],
    );
    expect(out.messages).toBe(b.messages);
    expect(out.participants).toBe(b.participants);
    expect(out.merged.merges).toEqual([]);
  });

  it('keeps the database copy of each matched message, lists every copy, and folds matched senders', () => {
    const b = build();
    const out = view(b);
    // The database is read first although the merge lists the export first: it has key ids.
    expect(out.merged.conversationOf).toEqual({ [TXT]: DB, [DB]: DB });
    const texts = out.messages.filter((m) => m.kind === 'text');
    expect(texts.map((m) => m.id)).toEqual(
      b.messages.filter((m) => m.kind === 'text' && (m.keyId || m.conversationId === 3)).map((m) => m.id),
    );
    expect(out.merged.copies[String(b.first)]).toEqual([b.first, b.first + 1]);
    expect(out.merged.participants).toEqual({ 't-ann': 'd-ann', 't-bob': 'd-bob', 't-cy': 'd-cy' });
    // The export's owner sent nothing: no evidence ties it to anyone, so it stays, renamed apart.
    expect(out.participants.map((p) => [p.key, p.conversationId, p.displayName])).toEqual([
      ['d-owner', DB, 'Owner D'],
      ['d-ann', DB, 'Ann'],
      ['d-bob', DB, 'Bob B'],
      ['d-cy', DB, 'Cy'],
      ['t-owner', DB, 'Owner D [conversation 2]'],
      ['x-zed', 3, 'Zed'],
    ]);
    expect(out.messages.find((m) => m.id === 900)).toBe(b.messages.find((m) => m.id === 900));
  });

  it('keeps each membership event once, member by member, and reads the export\'s "You" from the database', () => {
    const b = build();
    // The export's owner is added with the others: the database row left over names them.
    b.events.push({
      id: 50,
      conversationId: DB,
      type: 'added',
      actor: 'Ann',
      targets: ['Owner D'],
      utc: at(2, 30),
    });
    b.events.push({ id: 51, conversationId: TXT, type: 'added', actor: 'Ann', targets: ['You'], utc: at(2) });
    b.events.push({
      id: 52,
      conversationId: TXT,
      type: 'removed',
      actor: 'You',
      targets: ['Cyrus'],
      utc: at(10),
    });
    const out = view(b);
    expect(out.merged.events).toEqual({ '4': [1, 2, 3], '51': [50] });
    const fromExport = out.events.filter((e) => e.id >= 5 && e.id !== 50);
    expect(fromExport.map((e) => [e.type, e.actor, e.targets])).toEqual([
      ['left', 'Bob B', ['Bob B']],
      ['removed', 'Owner D', ['Cy']],
    ]);
    expect(out.events.every((e) => e.conversationId === DB)).toBe(true);
  });

  it('leaves "You" apart where two database rows could be it', () => {
    const b = build();
    b.events.push({
      id: 50,
      conversationId: DB,
      type: 'added',
      actor: 'Ann',
      targets: ['Owner D'],
      utc: at(2, 30),
    });
    b.events.push({
      id: 53,
      conversationId: DB,
      type: 'added',
      actor: 'Ann',
      targets: ['Cy'],
      utc: at(2, 40),
    });
    b.events.push({ id: 51, conversationId: TXT, type: 'added', actor: 'Ann', targets: ['You'], utc: at(2) });
    const out = view(b);
    expect(out.events.find((e) => e.id === 51)?.targets).toEqual(['You [conversation 2]']);
  });

  it('lines up a member who never spoke, shown under different names, by the rows left over', () => {
    const b = build();
    b.participants.push({ key: 'd-gus', conversationId: DB, displayName: 'Gustav' });
    b.events.push({
      id: 60,
      conversationId: DB,
      type: 'added',
      actor: 'Ann',
      targets: ['Gustav'],
      utc: at(11, 20),
    });
    b.events.push({
      id: 61,
      conversationId: TXT,
      type: 'added',
      actor: 'Ann',
      targets: ['Gus'],
      utc: at(11),
    });
    // Only the export saw him leave: its line is kept, under the database's name.
    b.events.push({ id: 62, conversationId: TXT, type: 'left', actor: 'Gus', targets: ['Gus'], utc: at(12) });
    const out = view(b);
    expect(out.merged.events['61']).toEqual([60]);
    expect(out.events.find((e) => e.id === 62)).toMatchObject({ actor: 'Gustav', targets: ['Gustav'] });
    expect(out.participants.some((p) => p.displayName === 'Gus')).toBe(false);
  });

  it("never folds against an investigator's decision, and moves a confirmation to the kept participant", () => {
    const b = build();
    const apart = view(b, {
      links: [
        { participantKey: 'd-bob', person: 'P1' },
        { participantKey: 't-bob', person: 'P2' },
        { participantKey: 't-ann', person: 'P3', name: 'Ann Example' },
      ],
    });
    expect(apart.merged.participants).toEqual({ 't-ann': 'd-ann', 't-cy': 'd-cy' });
    expect(apart.confirmedLinks).toEqual([
      { participantKey: 'd-bob', person: 'P1' },
      { participantKey: 't-bob', person: 'P2' },
      { participantKey: 'd-ann', person: 'P3', name: 'Ann Example' },
    ]);
    // Bob's matched messages go with the database's participant; the export's keeps its own events.
    expect(apart.messages.filter((m) => m.participantKey === 't-bob')).toEqual([]);
    expect(apart.events.find((e) => e.type === 'left')?.targets).toEqual(['Sgt Bob']);
  });

  it('counts a code on either copy: offensive where any copy was coded offensive', () => {
    const b = build();
    const out = view(b, {
      coded: [
        { messageId: b.first, categories: [], offensive: false },
        { messageId: b.first + 1, categories: ['race_ethnicity'], offensive: true },
      ],
    });
    expect(out.coded).toEqual([{ messageId: b.first, categories: ['race_ethnicity'], offensive: true }]);
  });
});

describe('where the evidence does not say who is who', () => {
  // A database (key ids: read first) and an export of one group, with nothing but what each test adds.
  const base = (messages: ViewMessage[], events: ViewEvent[], participants: ViewParticipant[]) =>
    mergedConductView({ messages, events, participants, coded: [], flagged: [], confirmedLinks: [] }, [
      { id: 1, conversationIds: [DB, TXT], messages: pairsOf(messages) },
    ]);
  /** Copies: each database message with the export message after it. */
  const pairsOf = (messages: ViewMessage[]) =>
    messages
      .filter((m) => m.conversationId === DB)
      .map((m, i) => ({ sources: [m.id, messages[2 * i + 1]!.id] }));
  const line = (id: number, conversationId: number, participantKey: string, minute: number): ViewMessage => ({
    id,
    conversationId,
    sender: participantKey,
    participantKey,
    utc: at(minute),
    kind: 'text',
    ...(conversationId === DB ? { keyId: `K${id}` } : {}),
  });

  it('folds no sender matched as often with one person as with another', () => {
    const out = base(
      [line(1, DB, 'd-a', 1), line(2, TXT, 't-x', 1), line(3, DB, 'd-b', 2), line(4, TXT, 't-x', 2)],
      [],
      [
        { key: 'd-a', conversationId: DB, displayName: 'A' },
        { key: 'd-b', conversationId: DB, displayName: 'B' },
        { key: 't-x', conversationId: TXT, displayName: 'X' },
      ],
    );
    expect(out.merged.participants).toEqual({});
    expect(out.participants.map((p) => p.displayName)).toEqual(['A', 'B', 'X']);
  });

  it('lines up no name where two names of one source point at the same member', () => {
    const added = (id: number, conversationId: number, target: string, minute: number): ViewEvent => ({
      id,
      conversationId,
      type: 'added',
      actor: conversationId === DB ? 'Owner' : 'You',
      targets: [target],
      utc: at(minute),
    });
    const out = base(
      [line(1, DB, 'd-own', 0), line(2, TXT, 't-own', 0)],
      [
        added(1, DB, 'Yvonne', 1),
        added(2, DB, 'Yvonne', 20),
        added(11, TXT, 'Yve', 1),
        added(12, TXT, 'Y', 20),
      ],
      [
        { key: 'd-own', conversationId: DB, displayName: 'Owner', isOwner: true },
        { key: 'd-y', conversationId: DB, displayName: 'Yvonne' },
        { key: 't-own', conversationId: TXT, displayName: 'Owner' },
      ],
    );
    expect(out.merged.events).toEqual({});
    expect(out.events.filter((e) => e.id > 10).map((e) => e.targets)).toEqual([['Yve'], ['Y']]);
  });
});
