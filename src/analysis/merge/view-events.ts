/**
 * Membership events from every source of a merge; the same event seen from a poorer source (same
 * type, same members, within the merge's minute tolerance) is kept once, from the richer source.
 * Joins and leaves are compared member by member: an export writes "A added B, C and D" on one line
 * where a database has a row per member. Other events are compared whole.
 */
import { unknownOwner, type MergeNames } from './view-names.js';
import type { MergeSources } from './view-sources.js';
import type { CaseFold, ViewEvent, ViewMessage, ViewParticipant } from './view-types.js';

const PER_MEMBER = new Set(['added', 'removed', 'left', 'joined_by_link']);

/** The events of one merge, each kept once, into the case's view. */
export function mergeEvents<M extends ViewMessage, E extends ViewEvent, P extends ViewParticipant>(
  events: readonly E[],
  src: MergeSources<M, P>,
  names: MergeNames<M, P>,
  fold: CaseFold<M, E, P>,
): void {
  // Each pass can line up names that free the next (a line naming two unplaced members).
  let compared = compareEvents(events, src, names);
  for (let pass = 0; pass < 4; pass++) {
    if (lineUp(compared.votes, names.lined) === 0) break;
    compared = compareEvents(events, src, names);
  }
  for (const [id, e] of compared.out) fold.eventOut.set(id, e);
  for (const [id, into] of compared.absorbedBy) fold.merged.events[String(id)] = into;
}

/** Per source: a name it cannot place → the names of other sources' rows left over beside it. */
type PlacementVotes = Map<number, Map<string, Set<string>>>;

/**
 * A name is lined up where every event that placed it agrees, and no other name of its source was
 * placed on the same member. Returns how many names were lined up.
 */
function lineUp(votes: PlacementVotes, lined: Map<number, Map<string, string>>): number {
  let added = 0;
  for (const [source, v] of votes) {
    const map = lined.get(source) ?? new Map<string, string>();
    const claimed = new Map<string, number>();
    for (const names of v.values())
      if (names.size === 1) {
        const y = [...names][0]!;
        claimed.set(y, (claimed.get(y) ?? 0) + 1);
      }
    for (const [x, names] of v) {
      const y = [...names][0]!;
      if (names.size !== 1 || claimed.get(y) !== 1 || map.has(x) || [...map.values()].includes(y)) continue;
      map.set(x, y);
      added++;
    }
    lined.set(source, map);
  }
  return added;
}

/** An event kept: the one member (or, compared whole, everything it says) it was compared on. */
interface Kept {
  source: number;
  type: string;
  who: string;
  ms: number;
  id: number;
  /** Sources that have had an event dropped as this one. */
  absorbed: Set<number>;
}

/**
 * Kept events by type and minute. As the merge matches messages: the same minute or the minute
 * either side (exports keep minutes; clocks disagree by seconds).
 */
class KeptEvents {
  private readonly kept = new Map<string, Kept[]>();

  private bucket(type: string, ms: number): string {
    return `${type}\u0000${Math.floor(ms / 60_000)}`;
  }

  keep(k: Kept): void {
    const b = this.bucket(k.type, k.ms);
    const list = this.kept.get(b);
    if (list) list.push(k);
    else this.kept.set(b, [k]);
  }

  /** Kept events of other sources that this source has not yet had one dropped as, earliest first. */
  candidates(source: number, type: string, ms: number): Kept[] {
    return [-60_000, 0, 60_000]
      .flatMap((d) => this.kept.get(this.bucket(type, ms + d)) ?? [])
      .filter((k) => k.source !== source && !k.absorbed.has(source))
      .sort((a, b) => a.ms - b.ms || a.id - b.id);
  }
}

/** One comparison of a merge's events, under the names lined up so far. */
interface Compared<E> {
  /** Event id → the event as kept, or null where it was seen from a richer source. */
  readonly out: Map<number, E | null>;
  /** Event dropped → the events kept in its place. */
  readonly absorbedBy: Map<number, number[]>;
  readonly votes: PlacementVotes;
}

function compareEvents<M extends ViewMessage, E extends ViewEvent, P extends ViewParticipant>(
  events: readonly E[],
  src: MergeSources<M, P>,
  names: MergeNames<M, P>,
): Compared<E> {
  const done: Compared<E> = { out: new Map(), absorbedBy: new Map(), votes: new Map() };
  const kept = new KeptEvents();
  for (const { source, e } of renamedEvents(events, src, names)) {
    if (PER_MEMBER.has(e.type)) comparePerMember(source, e, kept, names, done);
    else compareWhole(source, e, kept, done);
  }
  return done;
}

/** A merge's events, renamed into the canonical conversation, the richest source's first. */
function renamedEvents<M extends ViewMessage, E extends ViewEvent, P extends ViewParticipant>(
  events: readonly E[],
  src: MergeSources<M, P>,
  names: MergeNames<M, P>,
): { source: number; e: E }[] {
  return events
    .filter((e) => src.inMerge.has(e.conversationId))
    .map((e) => ({
      source: e.conversationId,
      e: {
        ...e,
        conversationId: src.canonical,
        actor: e.actor === null ? null : names.rename(e.conversationId, e.actor),
        targets: e.targets.map((t) => names.rename(e.conversationId, t)),
        ...(e.value ? { value: names.rename(e.conversationId, e.value) } : {}),
      } as E,
    }))
    .sort((a, b) => src.rankOf(a.source) - src.rankOf(b.source) || a.e.id - b.e.id);
}

/** An event compared whole: dropped where another source's event of that minute says the same. */
function compareWhole<E extends ViewEvent>(source: number, e: E, kept: KeptEvents, done: Compared<E>): void {
  const ms = Date.parse(e.utc);
  const w = e.type === 'created' ? '' : [e.actor ?? '', e.value ?? '', ...e.targets].join('\u0000');
  const same = kept.candidates(source, e.type, ms).find((k) => k.who === w);
  if (same) {
    same.absorbed.add(source);
    done.absorbedBy.set(e.id, [same.id]);
    done.out.set(e.id, null);
  } else {
    kept.keep({ source, type: e.type, who: w, ms, id: e.id, absorbed: new Set() });
    done.out.set(e.id, e);
  }
}

/**
 * A join or leave compared member by member: members another source already has at that minute
 * are dropped from it (the whole event where none is left). A name this source cannot place beside
 * one row of another source left over is a vote that they are the same member.
 */
function comparePerMember<M extends ViewMessage, E extends ViewEvent, P extends ViewParticipant>(
  source: number,
  e: E,
  kept: KeptEvents,
  names: MergeNames<M, P>,
  done: Compared<E>,
): void {
  const ms = Date.parse(e.utc);
  const members = e.targets.length > 0 ? e.targets : e.actor ? [e.actor] : [];
  const free = names.unattached.get(source) ?? new Set<string>();
  const remaining: string[] = [];
  const into: number[] = [];
  const left: string[] = [];
  for (const t of members) {
    const same = kept.candidates(source, e.type, ms).find((k) => k.who === t);
    if (same) {
      same.absorbed.add(source);
      into.push(same.id);
    } else if (free.has(t)) {
      left.push(t);
    } else {
      remaining.push(t);
    }
  }
  if (left.length === 1)
    voteForPlace(source, left[0]!, kept.candidates(source, e.type, ms), names, done.votes);
  remaining.push(...left);
  for (const t of remaining) kept.keep({ source, type: e.type, who: t, ms, id: e.id, absorbed: new Set() });
  if (remaining.length === 0 && members.length > 0) {
    done.absorbedBy.set(
      e.id,
      [...new Set(into)].sort((a, b) => a - b),
    );
    done.out.set(e.id, null);
  } else if (e.targets.length > 0 && remaining.length < members.length) {
    done.out.set(e.id, { ...e, targets: e.targets.filter((t) => remaining.includes(t)) });
  } else {
    done.out.set(e.id, e);
  }
}

/**
 * One name this source cannot place and one row of another source left over at that minute, for
 * someone this source shows under no name of its own: the same member.
 */
function voteForPlace<M extends ViewMessage, P extends ViewParticipant>(
  source: number,
  name: string,
  candidates: readonly Kept[],
  names: MergeNames<M, P>,
  votes: PlacementVotes,
): void {
  const own = names.ownNames.get(source) ?? new Set<string>();
  const placed = new Set(names.lined.get(source)?.values() ?? []);
  // (An export's "You" may be one of its own senders: the owner, whose name it never ties to "You".)
  const isOwner = name === unknownOwner(source);
  const over = candidates.filter((k) => (isOwner || !own.has(k.who)) && !placed.has(k.who));
  if (over.length !== 1) return;
  let v = votes.get(source);
  if (!v) votes.set(source, (v = new Map()));
  v.set(name, new Set([...(v.get(name) ?? []), over[0]!.who]));
}
