/**
 * The membership events of one merge (src/analysis/merge/conduct-view.ts): events from every source,
 * renamed into the canonical conversation; the same event from a poorer source is kept once. Joins
 * and leaves are compared member by member: an export writes "A added B, C and D" on one line where
 * a database has a row per member. Other events are compared whole. Pure: no SQL.
 */
import type { ViewEvent } from './conduct-view.js';

const PER_MEMBER = new Set(['added', 'removed', 'left', 'joined_by_link']);
export const unknownOwner = (source: number): string => `You [conversation ${source}]`;

/** What the event comparison reads of one merge. */
export interface EventSources {
  readonly canonical: number;
  readonly inMerge: ReadonlySet<number>;
  /** Source conversation → its rank (0: the richest). */
  readonly rank: ReadonlyMap<number, number>;
  /** A name as a source shows it → the name in the merged conversation (notes unattached names). */
  rename(source: number, name: string): string;
  /** Per source: names that resolved to none of its participants. */
  readonly unattached: ReadonlyMap<number, ReadonlySet<string>>;
  /** Per source: the names its own participants have in the merged conversation. */
  readonly ownNames: ReadonlyMap<number, ReadonlySet<string>>;
  /** Per source: unattached names lined up with another source's name. */
  readonly lined: ReadonlyMap<number, ReadonlyMap<string, string>>;
}

export interface DedupedEvents<E> {
  /** Event id → the event kept (renamed, maybe fewer members), or null where it was dropped. */
  readonly out: Map<number, E | null>;
  /** Dropped event id → the events kept in its place (one per member). */
  readonly absorbedBy: Map<number, number[]>;
  /** Per source: an unattached name → the names of other sources' rows left over beside it. */
  readonly votes: Map<number, Map<string, Set<string>>>;
}

interface Kept {
  source: number;
  type: string;
  who: string;
  ms: number;
  id: number;
  absorbed: Set<number>;
}

/**
 * Kept events by type and minute. As the merge matches messages: the same minute or the minute
 * either side (exports keep minutes; clocks disagree by seconds).
 */
class KeptEvents {
  private readonly kept = new Map<string, Kept[]>();

  private static bucket(type: string, ms: number): string {
    return `${type}\u0000${Math.floor(ms / 60_000)}`;
  }

  keep(k: Kept): void {
    const b = KeptEvents.bucket(k.type, k.ms);
    const list = this.kept.get(b);
    if (list) list.push(k);
    else this.kept.set(b, [k]);
  }

  candidates(source: number, type: string, ms: number): Kept[] {
    return [-60_000, 0, 60_000]
      .flatMap((d) => this.kept.get(KeptEvents.bucket(type, ms + d)) ?? [])
      .filter((k) => k.source !== source && !k.absorbed.has(source))
      .sort((a, b) => a.ms - b.ms || a.id - b.id);
  }
}

/** One pass over the merge's events with the names lined up so far. */
export function dedupeEvents<E extends ViewEvent>(events: readonly E[], src: EventSources): DedupedEvents<E> {
  const result: DedupedEvents<E> = { out: new Map(), absorbedBy: new Map(), votes: new Map() };
  const evs = events
    .filter((e) => src.inMerge.has(e.conversationId))
    .map((e) => ({
      source: e.conversationId,
      e: {
        ...e,
        conversationId: src.canonical,
        actor: e.actor === null ? null : src.rename(e.conversationId, e.actor),
        targets: e.targets.map((t) => src.rename(e.conversationId, t)),
        ...(e.value ? { value: src.rename(e.conversationId, e.value) } : {}),
      } as E,
    }))
    .sort((a, b) => src.rank.get(a.source)! - src.rank.get(b.source)! || a.e.id - b.e.id);
  const kept = new KeptEvents();
  for (const { source, e } of evs) {
    const ms = Date.parse(e.utc);
    if (PER_MEMBER.has(e.type)) {
      perMember(source, e, ms, kept, src, result);
      continue;
    }
    const w = e.type === 'created' ? '' : [e.actor ?? '', e.value ?? '', ...e.targets].join('\u0000');
    const same = kept.candidates(source, e.type, ms).find((k) => k.who === w);
    if (same) {
      same.absorbed.add(source);
      result.absorbedBy.set(e.id, [same.id]);
      result.out.set(e.id, null);
    } else {
      kept.keep({ source, type: e.type, who: w, ms, id: e.id, absorbed: new Set() });
      result.out.set(e.id, e);
    }
  }
  return result;
}

/** A join or a leave, member by member: each member already kept from another source is absorbed. */
function perMember<E extends ViewEvent>(
  source: number,
  e: E,
  ms: number,
  kept: KeptEvents,
  src: EventSources,
  result: DedupedEvents<E>,
): void {
  const members = e.targets.length > 0 ? e.targets : e.actor ? [e.actor] : [];
  const free = src.unattached.get(source) ?? new Set<string>();
  const own = src.ownNames.get(source) ?? new Set<string>();
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
  // One name this source cannot place and one row of another source left over at that minute,
  // for someone this source shows under no name of its own: the same member.
  const placed = new Set(src.lined.get(source)?.values() ?? []);
  // (An export's "You" may be one of its own senders: the owner, whose name it never ties to "You".)
  const isOwner = left[0] === unknownOwner(source);
  const over = kept
    .candidates(source, e.type, ms)
    .filter((k) => (isOwner || !own.has(k.who)) && !placed.has(k.who));
  if (left.length === 1 && over.length === 1) {
    let v = result.votes.get(source);
    if (!v) result.votes.set(source, (v = new Map()));
    v.set(left[0]!, new Set([...(v.get(left[0]!) ?? []), over[0]!.who]));
  }
  remaining.push(...left);
  for (const t of remaining) kept.keep({ source, type: e.type, who: t, ms, id: e.id, absorbed: new Set() });
  if (remaining.length === 0 && members.length > 0) {
    result.absorbedBy.set(
      e.id,
      [...new Set(into)].sort((a, b) => a - b),
    );
    result.out.set(e.id, null);
  } else if (e.targets.length > 0 && remaining.length < members.length) {
    result.out.set(e.id, { ...e, targets: e.targets.filter((t) => remaining.includes(t)) });
  } else {
    result.out.set(e.id, e);
  }
}

/**
 * Lines names up from one pass's votes: a name is lined up where every event that placed it agrees,
 * and no other name of its source was placed on the same member. Returns how many were added.
 */
export function lineUp(
  votes: DedupedEvents<unknown>['votes'],
  lined: Map<number, Map<string, string>>,
): number {
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
