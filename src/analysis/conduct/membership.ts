/**
 * Membership over time, per conversation: who was a member from when to when, and how sure we are.
 *
 * - `seen`: the bound is a membership event (created, added, joined_by_link, removed, left,
 *   number_changed).
 * - `assumed`: no event says so: from the participant's first message, from the participant list
 *   (a member for the whole record), from before the first event in the chat (their first event is
 *   a leave), or still a member at the end (no leave seen).
 * - `uncertain`: an event contradicts the state the earlier events established (left twice, removed
 *   while not a member, added while a member, a message sent while not a member, removed before
 *   ever being added in a record that holds the group's creation). The events are KEPT and listed as
 *   conflicts; nothing is repaired.
 *
 * An interval's certainty is its weakest bound, or `uncertain` where a conflict touches it. Intervals
 * are closed: a message at the very minute of a join or a leave counts as seen by that member (at one
 * instant, joins come before messages, and messages before leaves).
 */
import type { z } from 'zod/v4';

import type * as C from '../../contract/conduct-schemas.js';
import type { Certainty, ConflictKind, EndBasis, StartBasis } from '../../contract/conduct-schemas.js';
import type { ReadonlyDeep } from '../../contract/readonly-deep.js';
import { ParticipantDirectory } from './directory.js';
import { prepareMessages, type PreparedMessages } from './prepared.js';
import { toMs, type ConductMembershipEvent, type ConductMessage, type ConductParticipant } from './types.js';

// The word lists are the contract's (the API publishes them).
export type { Certainty, ConflictKind, EndBasis, StartBasis };

// The shapes are the contract's too, read-only: the API and `scrutineer membership --json` send them.
export type MembershipInterval = ReadonlyDeep<z.infer<typeof C.MembershipInterval>>;
export type MembershipConflict = ReadonlyDeep<z.infer<typeof C.MembershipConflict>>;
export type MembershipTimeline = ReadonlyDeep<z.infer<typeof C.MembershipTimeline>>;
type StartBound = MembershipInterval['from'];
type EndBound = MembershipInterval['to'];

export interface AudienceMember {
  readonly participantKey: string;
  readonly certainty: Certainty;
}

const JOINS = new Set(['created', 'added', 'joined_by_link']);
const LEAVES = new Set(['removed', 'left']);

interface Step {
  readonly ms: number;
  /** 0 join, 1 message, 2 leave: order at one instant. */
  readonly rank: 0 | 1 | 2;
  readonly seq: number;
  readonly key: string;
  readonly utc: string;
  readonly basis: StartBasis | EndBasis | 'message';
  readonly eventId?: number;
  readonly messageId?: number;
  readonly what: string;
}

interface Open {
  from: StartBound;
  conflicts: number[];
  lastEventId?: number;
}

interface State {
  open: Open | null;
  /** The last closed interval (index into intervals), while not a member after a seen leave. */
  closed: number | null;
  lastLeaveEventId?: number;
  hasSign: boolean;
}

/**
 * The timeline of every conversation found in the input. Names in events resolve through the
 * directory ("You" is the owner). Deterministic; linear in messages plus events (after sorting).
 */
export function buildTimelines(
  messages: readonly ConductMessage[],
  events: readonly ConductMembershipEvent[],
  participants: readonly ConductParticipant[],
  options: { readonly directory?: ParticipantDirectory; readonly prepared?: PreparedMessages } = {},
): MembershipTimeline[] {
  const directory =
    options.prepared?.directory ?? options.directory ?? new ParticipantDirectory(participants);
  const prepared = options.prepared ?? prepareMessages(messages, directory);
  const steps = eventSteps(events, directory);
  for (const c of prepared.byConversation.keys()) {
    if (!steps.has(c)) steps.set(c, []);
  }
  for (const p of directory.all()) {
    if (!steps.has(p.conversationId)) steps.set(p.conversationId, []);
  }
  const out: MembershipTimeline[] = [];
  for (const conversationId of [...steps.keys()].sort((a, b) => a - b)) {
    const timeline = new TimelineBuilder(conversationId, prepared);
    for (const item of mergedSteps(steps.get(conversationId)!, conversationId, prepared)) timeline.step(item);
    out.push(timeline.finish(directory));
  }
  return out;
}

/** The steps of each conversation's membership events, in input order (`seq` numbers them). */
function eventSteps(
  events: readonly ConductMembershipEvent[],
  directory: ParticipantDirectory,
): Map<number, Step[]> {
  const steps = new Map<number, Step[]>();
  let seq = 0;
  for (const e of events) {
    for (const s of stepsOfEvent(e, directory)) {
      const step: Step = { ...s, seq: seq++ };
      const list = steps.get(e.conversationId);
      if (list) list.push(step);
      else steps.set(e.conversationId, [step]);
    }
  }
  return steps;
}

type EventStep = Omit<Step, 'seq'>;

/** One event as steps: a join or a leave per member it names; a number change is both. */
function stepsOfEvent(e: ConductMembershipEvent, directory: ParticipantDirectory): EventStep[] {
  const base = { ms: toMs(e.utc), utc: e.utc, eventId: e.id };
  const key = (name: string): string => directory.resolve(e.conversationId, name);
  const named = (): string[] => (e.targets.length > 0 ? [...e.targets] : e.actor ? [e.actor] : []);
  if (e.type === 'created') {
    if (!e.actor) return [];
    return [{ ...base, rank: 0, key: key(e.actor), basis: 'created', what: 'created the group' }];
  }
  if (JOINS.has(e.type)) {
    const what = e.type === 'added' ? 'added' : 'joined by link';
    return named().map((n) => ({ ...base, rank: 0, key: key(n), basis: e.type as StartBasis, what }));
  }
  if (LEAVES.has(e.type)) {
    const what = e.type === 'left' ? 'left' : 'removed';
    return named().map((n) => ({ ...base, rank: 2, key: key(n), basis: e.type as EndBasis, what }));
  }
  if (e.type !== 'number_changed' || !e.value) return [];
  const oldName = e.targets[0] ?? e.actor;
  if (!oldName) return [];
  const oldKey = key(oldName);
  const newKey = key(e.value);
  if (oldKey === newKey) return [];
  return [
    { ...base, rank: 2, key: oldKey, basis: 'number_changed', what: `changed number to ${e.value}` },
    { ...base, rank: 0, key: newKey, basis: 'number_changed', what: `new number of ${oldName}` },
  ];
}

/**
 * A conversation's events and messages merged in time order (at one instant: joins, messages,
 * leaves); a message is its index in `prepared`. Sorts `eventSteps` in place.
 */
function* mergedSteps(
  eventSteps: Step[],
  conversationId: number,
  prepared: PreparedMessages,
): Generator<Step | number> {
  eventSteps.sort((a, b) => a.ms - b.ms || a.rank - b.rank || a.eventId! - b.eventId! || a.seq - b.seq);
  const sent = prepared.byConversation.get(conversationId) ?? [];
  let e = 0;
  let k = 0;
  while (e < eventSteps.length || k < sent.length) {
    const ev = eventSteps[e];
    if (k >= sent.length) {
      e++;
      yield ev!;
      continue;
    }
    const mi = sent[k]!;
    const mms = prepared.ms[mi]!;
    if (ev !== undefined && (ev.ms < mms || (ev.ms === mms && ev.rank === 0))) {
      e++;
      yield ev;
    } else {
      k++;
      yield mi;
    }
  }
}

interface OpenInterval {
  participantKey: string;
  from: StartBound;
  to: EndBound;
  conflicts: number[];
}

/** One conversation's timeline, built step by step in time order. */
class TimelineBuilder {
  private readonly intervals: OpenInterval[] = [];
  private readonly conflicts: MembershipConflict[] = [];
  private readonly states = new Map<string, State>();
  /** Participants in the order of their first step. */
  private readonly order: string[] = [];
  private readonly seenKey = new Set<string>();
  private created: Step | null = null;

  constructor(
    private readonly conversationId: number,
    private readonly prepared: PreparedMessages,
  ) {}

  step(item: Step | number): void {
    // A message by a member needs nothing; only messages by others become steps.
    if (typeof item === 'number' && this.states.get(this.prepared.keys[item]!)?.open) return;
    const s = typeof item === 'number' ? this.messageStep(item) : item;
    if (s.basis === 'created' && this.created === null) this.created = s;
    if (!this.seenKey.has(s.key)) {
      this.seenKey.add(s.key);
      this.order.push(s.key);
    }
    let st = this.states.get(s.key);
    if (!st) this.states.set(s.key, (st = { open: null, closed: null, hasSign: false }));
    if (s.rank === 0) this.join(s, st);
    else if (s.rank === 1) this.message(s, st);
    else this.leave(s, st);
    st.hasSign = true;
  }

  private messageStep(i: number): Step {
    const m = this.prepared.messages[i]!;
    return {
      ms: this.prepared.ms[i]!,
      rank: 1,
      seq: 0,
      key: this.prepared.keys[i]!,
      utc: m.utc,
      basis: 'message',
      messageId: m.id,
      what: 'sent a message',
    };
  }

  private conflict(c: Omit<MembershipConflict, 'conversationId'>): number {
    this.conflicts.push({ conversationId: this.conversationId, ...c });
    return this.conflicts.length - 1;
  }

  private join(s: Step, st: State): void {
    if (st.open) {
      const ci = this.conflict({
        participantKey: s.key,
        kind: 'joined_while_member',
        utc: s.utc,
        eventId: s.eventId!,
        ...(st.open.lastEventId === undefined ? {} : { previousEventId: st.open.lastEventId }),
        detail: `${s.what} while already a member (since ${st.open.from.utc ?? 'the start of the record'}, ${st.open.from.basis})`,
      });
      st.open.conflicts.push(ci);
      st.open.lastEventId = s.eventId!;
    } else {
      st.open = {
        from: { utc: s.utc, basis: s.basis as StartBasis, certainty: 'seen', eventId: s.eventId! },
        conflicts: [],
        lastEventId: s.eventId!,
      };
      st.closed = null;
    }
  }

  private message(s: Step, st: State): void {
    if (st.open) return; // a member: nothing to record
    if (st.closed !== null) {
      const closed = this.intervals[st.closed]!;
      const ci = this.conflict({
        participantKey: s.key,
        kind: 'sent_while_not_member',
        utc: s.utc,
        messageId: s.messageId!,
        ...(st.lastLeaveEventId === undefined ? {} : { previousEventId: st.lastLeaveEventId }),
        detail: `sent a message after ${closed.to.basis === 'left' ? 'leaving' : 'leaving the group'} (${closed.to.utc}) with no join seen since`,
      });
      closed.conflicts.push(ci);
    } else if (!st.hasSign) {
      st.open = {
        from: { utc: s.utc, basis: 'first_message', certainty: 'assumed', messageId: s.messageId! },
        conflicts: [],
      };
    }
  }

  private leave(s: Step, st: State): void {
    const to = { utc: s.utc, basis: s.basis as EndBasis, certainty: 'seen' as const, eventId: s.eventId! };
    if (st.open) {
      this.intervals.push({ participantKey: s.key, from: st.open.from, to, conflicts: st.open.conflicts });
      st.open = null;
      st.closed = this.intervals.length - 1;
    } else if (st.closed !== null || st.hasSign) {
      const ci = this.conflict({
        participantKey: s.key,
        kind: 'left_while_not_member',
        utc: s.utc,
        eventId: s.eventId!,
        ...(st.lastLeaveEventId === undefined ? {} : { previousEventId: st.lastLeaveEventId }),
        detail: `${s.what} while not a member (${st.closed !== null ? `already gone at ${this.intervals[st.closed]!.to.utc}` : 'never a member before'})`,
      });
      if (st.closed !== null) this.intervals[st.closed]!.conflicts.push(ci);
    } else {
      this.leaveFirst(s, st, to);
    }
    st.lastLeaveEventId = s.eventId!;
  }

  /**
   * First sign is a leave: a member from before the first event in the chat. Where the record holds
   * the group's creation, nobody was seen adding them: a conflict.
   */
  private leaveFirst(s: Step, st: State, to: EndBound): void {
    const created = this.created;
    const cs: number[] = [];
    if (created !== null) {
      cs.push(
        this.conflict({
          participantKey: s.key,
          kind: 'left_never_joined',
          utc: s.utc,
          eventId: s.eventId!,
          previousEventId: created.eventId!,
          detail: `${s.what} but never seen joining since the group was created (${created.utc}); members added at creation are not always shown`,
        }),
      );
    }
    this.intervals.push({
      participantKey: s.key,
      from: { utc: created?.utc ?? null, basis: 'before_first_event', certainty: 'assumed' },
      to,
      conflicts: cs,
    });
    st.closed = this.intervals.length - 1;
  }

  /** Closes what is still open at the end of the record and adds the silent participants. */
  finish(directory: ParticipantDirectory): MembershipTimeline {
    const { conversationId, intervals } = this;
    for (const key of this.order) {
      const st = this.states.get(key)!;
      if (st.open) {
        intervals.push({
          participantKey: key,
          from: st.open.from,
          to: { utc: null, basis: 'end_of_record', certainty: 'assumed' },
          conflicts: st.open.conflicts,
        });
      }
    }
    // Participants with no sign at all: members for the whole record, from the participant list.
    for (const p of directory.all()) {
      if (p.conversationId !== conversationId || this.seenKey.has(p.key)) continue;
      intervals.push({
        participantKey: p.key,
        from: { utc: null, basis: 'participant_list', certainty: 'assumed' },
        to: { utc: null, basis: 'end_of_record', certainty: 'assumed' },
        conflicts: [],
      });
    }
    return {
      conversationId,
      intervals: intervals
        .map((iv) => ({
          conversationId,
          participantKey: iv.participantKey,
          from: iv.from,
          to: iv.to,
          conflicts: iv.conflicts,
          certainty: (iv.conflicts.length > 0
            ? 'uncertain'
            : iv.from.certainty === 'seen' && iv.to.certainty === 'seen'
              ? 'seen'
              : 'assumed') as Certainty,
        }))
        .sort(
          (a, b) =>
            boundMs(a.from.utc, -Infinity) - boundMs(b.from.utc, -Infinity) ||
            (a.participantKey < b.participantKey ? -1 : a.participantKey > b.participantKey ? 1 : 0),
        ),
      conflicts: this.conflicts,
    };
  }
}

function boundMs(utc: string | null, ifNull: number): number {
  return utc === null ? ifNull : toMs(utc);
}

/** Fast audience look-ups over one timeline. */
export class AudienceIndex {
  private readonly spans: { key: string; from: number; to: number; certainty: Certainty }[];

  constructor(readonly timeline: MembershipTimeline) {
    this.spans = timeline.intervals.map((iv) => ({
      key: iv.participantKey,
      from: boundMs(iv.from.utc, -Infinity),
      to: boundMs(iv.to.utc, Infinity),
      certainty: iv.certainty,
    }));
  }

  /** Members at an instant (closed intervals), each with the weakest certainty that applies. */
  at(utc: string): AudienceMember[] {
    const t = toMs(utc);
    const found = new Map<string, Certainty>();
    for (const s of this.spans) {
      if (s.from <= t && t <= s.to) {
        const prev = found.get(s.key);
        found.set(s.key, prev === undefined ? s.certainty : weaker(prev, s.certainty));
      }
    }
    return [...found.entries()]
      .map(([participantKey, certainty]) => ({ participantKey, certainty }))
      .sort((a, b) =>
        a.participantKey < b.participantKey ? -1 : a.participantKey > b.participantKey ? 1 : 0,
      );
  }
}

const RANK: Record<Certainty, number> = { seen: 0, assumed: 1, uncertain: 2 };
export function weaker(a: Certainty, b: Certainty): Certainty {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The audience of a message: members of its conversation at that moment, with certainty. */
export function audienceOf(
  message: Pick<ConductMessage, 'conversationId' | 'utc'>,
  timelines: readonly MembershipTimeline[],
): AudienceMember[] {
  const t = timelines.find((x) => x.conversationId === message.conversationId);
  return t ? new AudienceIndex(t).at(message.utc) : [];
}
