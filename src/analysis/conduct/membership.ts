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
import type { Certainty, ConflictKind, EndBasis, StartBasis } from '../../contract/conduct-schemas.js';
import { ParticipantDirectory } from './directory.js';
import { prepareMessages, type PreparedMessages } from './prepared.js';
import { toMs, type ConductMembershipEvent, type ConductMessage, type ConductParticipant } from './types.js';

// The word lists are the contract's (the API publishes them); the shapes below match its schemas.
export type { Certainty, ConflictKind, EndBasis, StartBasis };

export interface IntervalBound<B> {
  /** ISO UTC; null = the start (or end) of the record. */
  readonly utc: string | null;
  readonly basis: B;
  readonly certainty: 'seen' | 'assumed';
  /** The membership event that gives the bound. */
  readonly eventId?: number;
  /** The message that gives the bound (first_message). */
  readonly messageId?: number;
}

export interface MembershipInterval {
  readonly conversationId: number;
  readonly participantKey: string;
  readonly from: IntervalBound<StartBasis>;
  readonly to: IntervalBound<EndBasis>;
  readonly certainty: Certainty;
  /** Indexes into the timeline's `conflicts` that touch this interval. */
  readonly conflicts: readonly number[];
}

export interface MembershipConflict {
  readonly conversationId: number;
  readonly participantKey: string;
  readonly kind: ConflictKind;
  readonly utc: string;
  /** The contradicting event (or, for sent_while_not_member, the message). */
  readonly eventId?: number;
  readonly messageId?: number;
  /** The earlier event it contradicts, where there is one. */
  readonly previousEventId?: number;
  readonly detail: string;
}

export interface MembershipTimeline {
  readonly conversationId: number;
  readonly intervals: readonly MembershipInterval[];
  readonly conflicts: readonly MembershipConflict[];
}

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
  from: IntervalBound<StartBasis>;
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
  const steps = new Map<number, Step[]>();
  const push = (c: number, s: Step): void => {
    const list = steps.get(c);
    if (list) list.push(s);
    else steps.set(c, [s]);
  };
  let seq = 0;
  for (const e of events) {
    const ms = toMs(e.utc);
    const base = { ms, utc: e.utc, eventId: e.id };
    if (e.type === 'created') {
      if (e.actor)
        push(e.conversationId, {
          ...base,
          rank: 0,
          seq: seq++,
          key: directory.resolve(e.conversationId, e.actor),
          basis: 'created',
          what: 'created the group',
        });
    } else if (JOINS.has(e.type)) {
      const names = e.targets.length > 0 ? e.targets : e.actor ? [e.actor] : [];
      for (const n of names) {
        push(e.conversationId, {
          ...base,
          rank: 0,
          seq: seq++,
          key: directory.resolve(e.conversationId, n),
          basis: e.type as StartBasis,
          what: e.type === 'added' ? 'added' : 'joined by link',
        });
      }
    } else if (LEAVES.has(e.type)) {
      const names = e.targets.length > 0 ? e.targets : e.actor ? [e.actor] : [];
      for (const n of names) {
        push(e.conversationId, {
          ...base,
          rank: 2,
          seq: seq++,
          key: directory.resolve(e.conversationId, n),
          basis: e.type as EndBasis,
          what: e.type === 'left' ? 'left' : 'removed',
        });
      }
    } else if (e.type === 'number_changed' && e.value) {
      const oldName = e.targets[0] ?? e.actor;
      if (!oldName) continue;
      const oldKey = directory.resolve(e.conversationId, oldName);
      const newKey = directory.resolve(e.conversationId, e.value);
      if (oldKey === newKey) continue;
      push(e.conversationId, {
        ...base,
        rank: 2,
        seq: seq++,
        key: oldKey,
        basis: 'number_changed',
        what: `changed number to ${e.value}`,
      });
      push(e.conversationId, {
        ...base,
        rank: 0,
        seq: seq++,
        key: newKey,
        basis: 'number_changed',
        what: `new number of ${oldName}`,
      });
    }
  }
  for (const c of prepared.byConversation.keys()) {
    if (!steps.has(c)) steps.set(c, []);
  }
  for (const p of directory.all()) {
    if (!steps.has(p.conversationId)) steps.set(p.conversationId, []);
  }

  const out: MembershipTimeline[] = [];
  for (const conversationId of [...steps.keys()].sort((a, b) => a - b)) {
    const eventSteps = steps.get(conversationId)!;
    eventSteps.sort((a, b) => a.ms - b.ms || a.rank - b.rank || a.eventId! - b.eventId! || a.seq - b.seq);
    const sent = prepared.byConversation.get(conversationId) ?? [];
    const messageStep = (i: number): Step => {
      const m = prepared.messages[i]!;
      return {
        ms: prepared.ms[i]!,
        rank: 1,
        seq: 0,
        key: prepared.keys[i]!,
        utc: m.utc,
        basis: 'message',
        messageId: m.id,
        what: 'sent a message',
      };
    };
    // Events and messages merged in time order (at one instant: joins, messages, leaves).
    function* merged(): Generator<Step | number> {
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
    const intervals: {
      participantKey: string;
      from: IntervalBound<StartBasis>;
      to: IntervalBound<EndBasis>;
      conflicts: number[];
    }[] = [];
    const conflicts: MembershipConflict[] = [];
    const states = new Map<string, State>();
    const stateOf = (key: string): State => {
      let s = states.get(key);
      if (!s) states.set(key, (s = { open: null, closed: null, hasSign: false }));
      return s;
    };
    const order: string[] = [];
    const seenKey = new Set<string>();
    const note = (key: string): void => {
      if (!seenKey.has(key)) {
        seenKey.add(key);
        order.push(key);
      }
    };
    const conflict = (c: MembershipConflict): number => {
      conflicts.push(c);
      return conflicts.length - 1;
    };
    let created: Step | null = null;
    for (const item of merged()) {
      if (typeof item === 'number') {
        // A message by a member needs nothing; only messages by others become steps.
        const open = states.get(prepared.keys[item]!)?.open;
        if (open) continue;
      }
      const s = typeof item === 'number' ? messageStep(item) : item;
      if (s.basis === 'created' && created === null) created = s;
      note(s.key);
      const st = stateOf(s.key);
      if (s.rank === 0) {
        if (st.open) {
          const ci = conflict({
            conversationId,
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
        st.hasSign = true;
      } else if (s.rank === 1) {
        if (st.open) {
          // A member: nothing to record.
        } else if (st.closed !== null) {
          const ci = conflict({
            conversationId,
            participantKey: s.key,
            kind: 'sent_while_not_member',
            utc: s.utc,
            messageId: s.messageId!,
            ...(st.lastLeaveEventId === undefined ? {} : { previousEventId: st.lastLeaveEventId }),
            detail: `sent a message after ${intervals[st.closed]!.to.basis === 'left' ? 'leaving' : 'leaving the group'} (${intervals[st.closed]!.to.utc}) with no join seen since`,
          });
          intervals[st.closed]!.conflicts.push(ci);
        } else if (!st.hasSign) {
          st.open = {
            from: { utc: s.utc, basis: 'first_message', certainty: 'assumed', messageId: s.messageId! },
            conflicts: [],
          };
        }
        st.hasSign = true;
      } else {
        if (st.open) {
          intervals.push({
            participantKey: s.key,
            from: st.open.from,
            to: { utc: s.utc, basis: s.basis as EndBasis, certainty: 'seen', eventId: s.eventId! },
            conflicts: st.open.conflicts,
          });
          st.open = null;
          st.closed = intervals.length - 1;
          st.lastLeaveEventId = s.eventId!;
        } else if (st.closed !== null || st.hasSign) {
          const ci = conflict({
            conversationId,
            participantKey: s.key,
            kind: 'left_while_not_member',
            utc: s.utc,
            eventId: s.eventId!,
            ...(st.lastLeaveEventId === undefined ? {} : { previousEventId: st.lastLeaveEventId }),
            detail: `${s.what} while not a member (${st.closed !== null ? `already gone at ${intervals[st.closed]!.to.utc}` : 'never a member before'})`,
          });
          if (st.closed !== null) intervals[st.closed]!.conflicts.push(ci);
          st.lastLeaveEventId = s.eventId!;
        } else {
          // First sign is a leave: a member from before the first event in the chat. Where the
          // record holds the group's creation, nobody was seen adding them: a conflict.
          const cs: number[] = [];
          if (created !== null) {
            cs.push(
              conflict({
                conversationId,
                participantKey: s.key,
                kind: 'left_never_joined',
                utc: s.utc,
                eventId: s.eventId!,
                previousEventId: created.eventId!,
                detail: `${s.what} but never seen joining since the group was created (${created.utc}); members added at creation are not always shown`,
              }),
            );
          }
          intervals.push({
            participantKey: s.key,
            from: { utc: created?.utc ?? null, basis: 'before_first_event', certainty: 'assumed' },
            to: { utc: s.utc, basis: s.basis as EndBasis, certainty: 'seen', eventId: s.eventId! },
            conflicts: cs,
          });
          st.closed = intervals.length - 1;
          st.lastLeaveEventId = s.eventId!;
        }
        st.hasSign = true;
      }
    }
    for (const key of order) {
      const st = states.get(key)!;
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
      if (p.conversationId !== conversationId || seenKey.has(p.key)) continue;
      intervals.push({
        participantKey: p.key,
        from: { utc: null, basis: 'participant_list', certainty: 'assumed' },
        to: { utc: null, basis: 'end_of_record', certainty: 'assumed' },
        conflicts: [],
      });
    }
    out.push({
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
      conflicts,
    });
  }
  return out;
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
