import { describe, expect, it } from 'vitest';
import {
  analyseConduct,
  audienceOf,
  buildTimelines,
  type ConductMembershipEvent,
  type ConductMessage,
  type ConductParticipant,
  type MembershipTimeline,
} from '../../../src/analysis/conduct/index.js';

const C = 3;
const at = (h: number, m = 0): string => new Date(Date.UTC(2022, 4, 10, h, m)).toISOString();
let nextId = 100;

function ev(
  type: ConductMembershipEvent['type'],
  utc: string,
  actor: string | null,
  targets: string[],
  value: string | null = null,
): ConductMembershipEvent {
  const id = nextId++;
  return { id, conversationId: C, messageId: id + 10_000, type, actor, targets, utc, value };
}

function msg(sender: string, utc: string, text = 'hello'): ConductMessage {
  const id = nextId++;
  return { id, conversationId: C, sender, participantKey: null, utc, kind: 'text', text };
}

const P = (name: string, extra: Partial<ConductParticipant> = {}): ConductParticipant => ({
  key: `k:${name}`,
  conversationId: C,
  displayName: name,
  ...extra,
});

function intervalsOf(t: MembershipTimeline, name: string) {
  return t.intervals
    .filter((i) => i.participantKey === `k:${name}`)
    .map((i) => ({
      from: i.from.utc,
      fromBasis: i.from.basis,
      to: i.to.utc,
      toBasis: i.to.basis,
      certainty: i.certainty,
    }));
}

describe('membership timeline', () => {
  it('seen joins and leaves give seen intervals; no leave means assumed to the end', () => {
    const participants = [P('Owner', { isOwner: true }), P('Ann'), P('Bob')];
    const events = [
      ev('created', at(8), 'You', []),
      ev('added', at(8, 1), 'You', ['Ann', 'Bob']),
      ev('left', at(12), 'Ann', ['Ann']),
      ev('added', at(14), 'Bob', ['Ann']),
    ];
    const [t] = buildTimelines([], events, participants);
    expect(t!.conflicts).toEqual([]);
    expect(intervalsOf(t!, 'Owner')).toEqual([
      { from: at(8), fromBasis: 'created', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
    expect(intervalsOf(t!, 'Ann')).toEqual([
      { from: at(8, 1), fromBasis: 'added', to: at(12), toBasis: 'left', certainty: 'seen' },
      { from: at(14), fromBasis: 'added', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
  });

  it('assumes membership from the first message, from the participant list, and before the first event', () => {
    const participants = [P('Ann'), P('Bob'), P('Cat'), P('Dan')];
    const messages = [msg('Ann', at(9)), msg('Ann', at(10))];
    const events = [ev('removed', at(11), 'Ann', ['Bob'])];
    const [t] = buildTimelines(messages, events, participants);
    expect(intervalsOf(t!, 'Ann')).toEqual([
      { from: at(9), fromBasis: 'first_message', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
    expect(intervalsOf(t!, 'Bob')).toEqual([
      { from: null, fromBasis: 'before_first_event', to: at(11), toBasis: 'removed', certainty: 'assumed' },
    ]);
    expect(intervalsOf(t!, 'Cat')).toEqual([
      { from: null, fromBasis: 'participant_list', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
    expect(t!.conflicts).toEqual([]);
  });

  it('keeps a second leave as a conflict and marks the interval uncertain', () => {
    const participants = [P('Ann')];
    const add = ev('added', at(8), 'Bob', ['Ann']);
    const left1 = ev('left', at(9), 'Ann', ['Ann']);
    const left2 = ev('left', at(10), 'Ann', ['Ann']);
    const [t] = buildTimelines([], [add, left1, left2], participants);
    expect(t!.conflicts).toEqual([
      expect.objectContaining({
        participantKey: 'k:Ann',
        kind: 'left_while_not_member',
        eventId: left2.id,
        previousEventId: left1.id,
      }),
    ]);
    expect(intervalsOf(t!, 'Ann')).toEqual([
      { from: at(8), fromBasis: 'added', to: at(9), toBasis: 'left', certainty: 'uncertain' },
    ]);
    expect(t!.intervals.find((i) => i.participantKey === 'k:Ann')!.conflicts).toEqual([0]);
  });

  it('removed before ever being added, in a record holding the creation, is a conflict', () => {
    const participants = [P('Ann'), P('Bob')];
    const created = ev('created', at(7), 'Bob', []);
    const removed = ev('removed', at(8), 'Bob', ['Ann']);
    const added = ev('added', at(9), 'Bob', ['Ann']);
    const [t] = buildTimelines([], [added, removed, created], participants);
    expect(t!.conflicts).toEqual([
      expect.objectContaining({
        kind: 'left_never_joined',
        eventId: removed.id,
        previousEventId: created.id,
      }),
    ]);
    expect(intervalsOf(t!, 'Ann')).toEqual([
      { from: at(7), fromBasis: 'before_first_event', to: at(8), toBasis: 'removed', certainty: 'uncertain' },
      { from: at(9), fromBasis: 'added', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
  });

  it('added twice, and a message after leaving, are conflicts; nothing is repaired', () => {
    const participants = [P('Ann')];
    const a1 = ev('added', at(8), 'Bob', ['Ann']);
    const a2 = ev('added', at(9), 'Bob', ['Ann']);
    const l = ev('left', at(10), 'Ann', ['Ann']);
    const late = msg('Ann', at(11), 'still here?');
    const [t] = buildTimelines([late], [a1, a2, l], participants);
    expect(t!.conflicts.map((c) => [c.kind, c.eventId ?? c.messageId, c.previousEventId])).toEqual([
      ['joined_while_member', a2.id, a1.id],
      ['sent_while_not_member', late.id, l.id],
    ]);
    // One interval, from the first add to the leave, uncertain; no interval invented for the message.
    expect(intervalsOf(t!, 'Ann')).toEqual([
      { from: at(8), fromBasis: 'added', to: at(10), toBasis: 'left', certainty: 'uncertain' },
    ]);
  });

  it('"You" is the phone owner; unknown names become implicit participants', () => {
    const participants = [P('Owner', { isOwner: true })];
    const events = [ev('added', at(8), 'Stranger', ['You']), ev('removed', at(9), 'You', ['Stranger'])];
    const report = analyseConduct({ messages: [], events, participants, offensive: [] });
    const [t] = report.timelines;
    expect(intervalsOf(t!, 'Owner')).toEqual([
      { from: at(8), fromBasis: 'added', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
    expect(report.implicitParticipants.map((p) => p.key)).toEqual([`implicit:${C}:Stranger`]);
    expect(t!.intervals.find((i) => i.participantKey === `implicit:${C}:Stranger`)).toMatchObject({
      from: { utc: null, basis: 'before_first_event' },
      to: { utc: at(9), basis: 'removed' },
    });
    expect(report.people.map((p) => p.name).sort()).toEqual(['Owner', 'Stranger']);
  });

  it('a number change ends the old number and starts the new one, both seen', () => {
    const participants = [P('Ann'), P('+44 7700 900111')];
    const events = [
      ev('added', at(8), 'Bob', ['Ann']),
      ev('number_changed', at(10), 'Ann', ['Ann'], '+44 7700 900111'),
    ];
    const [t] = buildTimelines([], events, participants);
    expect(intervalsOf(t!, 'Ann')).toEqual([
      { from: at(8), fromBasis: 'added', to: at(10), toBasis: 'number_changed', certainty: 'seen' },
    ]);
    expect(intervalsOf(t!, '+44 7700 900111')).toEqual([
      { from: at(10), fromBasis: 'number_changed', to: null, toBasis: 'end_of_record', certainty: 'assumed' },
    ]);
  });

  it('the audience of a message is the members at that moment, with certainty', () => {
    const participants = [P('Ann'), P('Bob'), P('Cat'), P('Dan')];
    const events = [
      ev('added', at(8), 'Dan', ['Ann']),
      ev('added', at(8), 'Dan', ['Bob']),
      ev('left', at(12), 'Bob', ['Bob']),
      ev('left', at(13), 'Bob', ['Bob']),
      ev('added', at(12, 30), 'Dan', ['Cat']),
    ];
    const messages = [msg('Dan', at(9))];
    const timelines = buildTimelines(messages, events, participants);
    const audience = (utc: string) => audienceOf({ conversationId: C, utc }, timelines);
    expect(audience(at(7))).toEqual([]);
    expect(audience(at(10))).toEqual([
      { participantKey: 'k:Ann', certainty: 'assumed' },
      { participantKey: 'k:Bob', certainty: 'uncertain' },
      { participantKey: 'k:Dan', certainty: 'assumed' },
    ]);
    // A message in the very minute of a leave was still seen by the leaver.
    expect(audience(at(12)).map((a) => a.participantKey)).toEqual(['k:Ann', 'k:Bob', 'k:Dan']);
    expect(audience(at(12, 31)).map((a) => a.participantKey)).toEqual(['k:Ann', 'k:Cat', 'k:Dan']);
    expect(audienceOf({ conversationId: 999, utc: at(10) }, timelines)).toEqual([]);
  });

  it('is deterministic whatever the input order', () => {
    const participants = [P('Ann'), P('Bob')];
    const events = [
      ev('added', at(8), 'Bob', ['Ann']),
      ev('left', at(9), 'Ann', ['Ann']),
      ev('left', at(10), 'Bob', ['Bob']),
    ];
    const messages = [msg('Bob', at(7)), msg('Ann', at(8, 30))];
    const a = buildTimelines(messages, events, participants);
    const b = buildTimelines([...messages].reverse(), [...events].reverse(), [...participants].reverse());
    expect(b).toEqual(a);
  });

  it('a conflict makes what the member received uncertain, and still counts it', () => {
    const participants = [P('Ann'), P('Bob')];
    const events = [ev('added', at(8), 'Bob', ['Ann']), ev('added', at(9), 'Bob', ['Ann'])];
    const o = msg('Bob', at(10), 'offensive');
    const report = analyseConduct({
      messages: [o],
      events,
      participants,
      offensive: [{ messageId: o.id, categories: ['race_ethnicity'], basis: 'coded' }],
    });
    const ann = report.people.find((p) => p.name === 'Ann')!;
    expect(ann.receivedMessages).toEqual([{ messageId: o.id, certainty: 'uncertain' }]);
    expect(ann.silent).toBe(1);
    expect(report.offensiveMessages[0]).toMatchObject({
      audience: [{ person: 'participant:k:Ann', certainty: 'uncertain' }],
      silent: ['participant:k:Ann'],
    });
  });

  it('conflicting confirmed links stop the analysis with both people named', () => {
    expect(() =>
      analyseConduct({
        messages: [],
        events: [],
        participants: [P('Ann', { phone: '+447700900001' }), { ...P('Ann2'), phone: '07700 900001' }],
        offensive: [],
        confirmedLinks: [
          { participantKey: 'k:Ann', person: 'Ann Smith' },
          { participantKey: 'k:Ann2', person: 'Anne Smythe' },
        ],
      }),
    ).toThrow(/'Ann Smith'.*'Anne Smythe'/);
  });
});
