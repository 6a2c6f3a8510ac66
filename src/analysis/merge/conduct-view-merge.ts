/**
 * One active merge applied to the merged conduct view (src/analysis/merge/conduct-view.ts): its
 * copies matched, its senders folded into one participant each, one name per participant, its
 * events compared (conduct-view-events.ts) and its messages kept once. Pure: no SQL.
 */
import type {
  MergeState,
  ViewEvent,
  ViewLink,
  ViewMerge,
  ViewMessage,
  ViewParticipant,
} from './conduct-view.js';
import { dedupeEvents, lineUp, unknownOwner, type EventSources } from './conduct-view-events.js';

const OWNER = new Set(['You', 'you']);

/** One merge applied to the state: its copies, its senders folded, names, events and messages. */
export class OneMerge<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
> implements EventSources {
  private readonly convs: readonly number[];
  readonly inMerge: Set<number>;
  private readonly msgs: M[];
  private readonly parts: P[];
  readonly rank: Map<number, number>;
  readonly canonical: number;
  /** Names as each source shows them. */
  private readonly byName = new Map<number, Map<string, string>>();
  private readonly ownerOf = new Map<number, string>();
  private readonly partByKey: Map<string, P>;
  private readonly sourceOfKey = new Map<string, number>();
  /** Votes for which senders are one person: key → a key of another source → matched messages. */
  private readonly votes = new Map<string, Map<string, number>>();
  /** One name per participant in the canonical conversation. */
  private readonly nameOf = new Map<string, string>();
  readonly lined = new Map<number, Map<string, string>>();
  readonly unattached = new Map<number, Set<string>>();
  readonly ownNames = new Map<number, Set<string>>();

  constructor(
    private readonly s: MergeState<M, E, P, L>,
    private readonly merge: ViewMerge,
  ) {
    const convs = merge.conversationIds;
    const inMerge = new Set(convs);
    this.convs = convs;
    this.inMerge = inMerge;
    this.msgs = s.input.messages.filter((m) => inMerge.has(m.conversationId));
    // An export's owner known only as "You" (no --owner-name) is lined up with the other phones'
    // events below, as the name "You"; its stored participant is not a sender of its own here.
    this.parts = s.input.participants.filter(
      (p) => inMerge.has(p.conversationId) && !(p.isOwner && OWNER.has(p.displayName)),
    );
    // Sources with key ids (device databases) first: they hold the richest record.
    const withKeys = new Set(this.msgs.filter((m) => m.keyId).map((m) => m.conversationId));
    const ranked = [...convs].sort(
      (a, b) => Number(!withKeys.has(a)) - Number(!withKeys.has(b)) || convs.indexOf(a) - convs.indexOf(b),
    );
    this.rank = new Map(ranked.map((c, i) => [c, i]));
    this.canonical = ranked[0]!;
    this.partByKey = new Map(this.parts.map((p) => [p.key, p]));
  }

  apply(): void {
    const { s, canonical } = this;
    s.merged.merges.push(this.merge.id);
    for (const c of this.convs) {
      s.conversationOf.set(c, canonical);
      s.merged.conversationOf[String(c)] = canonical;
    }
    for (const p of this.parts) {
      let names = this.byName.get(p.conversationId);
      if (!names) this.byName.set(p.conversationId, (names = new Map()));
      names.set(p.displayName, p.key);
      if (p.isOwner) this.ownerOf.set(p.conversationId, p.key);
    }
    this.matchCopies();
    const head = this.fold(this.groups(this.pairs()));
    this.nameParticipants(head);
    for (const p of this.parts) {
      let set = this.ownNames.get(p.conversationId);
      if (!set) this.ownNames.set(p.conversationId, (set = new Set()));
      set.add(this.nameOf.get(this.folded(p.key)) ?? p.displayName);
    }
    this.dedupe();
    this.keepMessages();
  }

  private senderKey(m: M): string | null {
    if (m.kind === 'system') return null;
    return (
      m.participantKey ??
      (m.sender === null ? null : (this.byName.get(m.conversationId)?.get(m.sender) ?? null))
    );
  }

  private folded(k: string): string {
    return this.s.alias.get(k) ?? k;
  }

  /** One copy per canonical message; votes for which senders are one person. */
  private matchCopies(): void {
    const { s, votes, sourceOfKey, rank } = this;
    const vote = (a: string, b: string): void => {
      let v = votes.get(a);
      if (!v) votes.set(a, (v = new Map()));
      v.set(b, (v.get(b) ?? 0) + 1);
    };
    for (const p of this.parts) sourceOfKey.set(p.key, p.conversationId);
    for (const cm of this.merge.messages) {
      const copies = cm.sources.map((id) => s.byId.get(id)).filter((m): m is M => m !== undefined);
      if (copies.length < 2) continue;
      const kept = [...copies].sort(
        (a, b) =>
          Number(!a.keyId) - Number(!b.keyId) ||
          rank.get(a.conversationId)! - rank.get(b.conversationId)! ||
          a.id - b.id,
      )[0]!;
      for (const c of copies) s.keptFor.set(c.id, kept.id);
      s.merged.copies[String(kept.id)] = copies.map((c) => c.id).sort((a, b) => a - b);
      const keys = copies.map((m) => this.senderKey(m));
      for (let i = 0; i < copies.length; i++) {
        for (let j = 0; j < copies.length; j++) {
          const a = keys[i];
          const b = keys[j];
          if (i === j || !a || !b || copies[i]!.conversationId === copies[j]!.conversationId) continue;
          if (!sourceOfKey.has(a)) sourceOfKey.set(a, copies[i]!.conversationId);
          vote(a, b);
        }
      }
    }
  }

  /** Pairs: mutual best partners by matched messages, or the same JID. */
  private pairs(): [string, string][] {
    const { votes, sourceOfKey } = this;
    const best = (a: string, source: number): string | null => {
      let top: string | null = null;
      let n = 0;
      let tie = false;
      for (const [b, k] of votes.get(a) ?? []) {
        if (sourceOfKey.get(b) !== source) continue;
        if (k > n) [top, n, tie] = [b, k, false];
        else if (k === n) tie = true;
      }
      return tie ? null : top;
    };
    const pairs: [string, string][] = [];
    for (const [a] of votes) {
      for (const c of this.convs) {
        if (c === sourceOfKey.get(a)) continue;
        const b = best(a, c);
        if (b !== null && a < b && best(b, sourceOfKey.get(a)!) === a) pairs.push([a, b]);
      }
    }
    const byJid = new Map<string, P>();
    for (const p of this.parts) {
      const jid = p.jid?.toLowerCase();
      if (!jid) continue;
      const other = byJid.get(jid);
      if (other && other.conversationId !== p.conversationId) pairs.push([other.key, p.key]);
      else byJid.set(jid, p);
    }
    return pairs;
  }

  /** Union of the pairs, one participant per source, never against an investigator's decision. */
  private groups(pairs: readonly [string, string][]): Map<string, string[]> {
    const { sourceOfKey, s } = this;
    const group = new Map<string, string[]>();
    const groupOf = (k: string): string[] => {
      let g = group.get(k);
      if (!g) group.set(k, (g = [k]));
      return g;
    };
    for (const [a, b] of pairs) {
      const ga = groupOf(a);
      const gb = groupOf(b);
      if (ga === gb) continue;
      const sources = new Set(ga.map((k) => sourceOfKey.get(k)));
      if (gb.some((k) => sources.has(sourceOfKey.get(k)))) continue;
      const persons = new Set([...ga, ...gb].map((k) => s.linkOf.get(k)).filter((x) => x !== undefined));
      if (persons.size > 1) continue;
      const joined = [...ga, ...gb];
      for (const k of joined) group.set(k, joined);
    }
    return group;
  }

  /**
   * Each group folded into its richest source's participant, with the union of phone, JID and push
   * name; returns those participants (the heads) by key.
   */
  private fold(group: Map<string, string[]>): Map<string, P> {
    const { s, rank } = this;
    const head = new Map<string, P>();
    for (const g of new Set(group.values())) {
      const members = g
        .map((k) => this.partByKey.get(k))
        .filter((p): p is P => p !== undefined)
        .sort((a, b) => rank.get(a.conversationId)! - rank.get(b.conversationId)!);
      const first = members[0];
      if (!first) continue;
      for (const p of members.slice(1)) {
        s.alias.set(p.key, first.key);
        s.merged.participants[p.key] = first.key;
        s.droppedParticipants.add(p.key);
      }
      head.set(first.key, {
        ...first,
        phone: members.find((p) => p.phone)?.phone ?? first.phone ?? null,
        jid: members.find((p) => p.jid)?.jid ?? first.jid ?? null,
        pushName: members.find((p) => p.pushName)?.pushName ?? first.pushName ?? null,
      } as P);
    }
    return head;
  }

  /** One name per participant in the canonical conversation ("You" only for its own owner). */
  private nameParticipants(head: ReadonlyMap<string, P>): void {
    const { s, rank, canonical } = this;
    const taken = new Set<string>();
    for (const p of [...this.parts].sort(
      (a, b) => rank.get(a.conversationId)! - rank.get(b.conversationId)!,
    )) {
      if (s.droppedParticipants.has(p.key)) continue;
      let name = p.displayName;
      if (taken.has(name)) name = `${name} [conversation ${p.conversationId}]`;
      taken.add(name);
      this.nameOf.set(p.key, name);
      s.renamedParticipants.set(p.key, {
        ...(head.get(p.key) ?? p),
        conversationId: canonical,
        displayName: name,
        isOwner: p.conversationId === canonical && (p.isOwner ?? false),
      } as P);
    }
  }

  /** A name that resolved to none of its source's participants: noted, and lined up where known. */
  private loose(source: number, name: string): string {
    let set = this.unattached.get(source);
    if (!set) this.unattached.set(source, (set = new Set()));
    set.add(name);
    return this.lined.get(source)?.get(name) ?? name;
  }

  /**
   * "You" is each phone's owner. A source that does not say who that is (an export) has its "You"
   * read from the other sources' events, as has a name it shows for nobody who sent anything there
   * (a member who never spoke); until then each stands apart.
   */
  rename(source: number, name: string): string {
    if (OWNER.has(name)) {
      const o = this.ownerOf.get(source);
      if (o !== undefined) return this.nameOf.get(this.folded(o)) ?? name;
      return source === this.canonical ? 'You' : this.loose(source, unknownOwner(source));
    }
    const k = this.byName.get(source)?.get(name);
    if (k === undefined) return source === this.canonical ? name : this.loose(source, name);
    return this.nameOf.get(this.folded(k)) ?? name;
  }

  /** The events, compared again while each pass lines up more names (a line naming two unplaced members). */
  private dedupe(): void {
    const { s } = this;
    let events = dedupeEvents(s.input.events, this);
    for (let pass = 0; pass < 4; pass++) {
      if (lineUp(events.votes, this.lined) === 0) break;
      events = dedupeEvents(s.input.events, this);
    }
    for (const [id, e] of events.out) s.eventOut.set(id, e);
    for (const [id, into] of events.absorbedBy) s.merged.events[String(id)] = into;
  }

  /** The kept copy of each message, in the canonical conversation under its folded sender. */
  private keepMessages(): void {
    const { s } = this;
    for (const m of this.msgs) {
      if (s.keptFor.has(m.id) && s.keptFor.get(m.id) !== m.id) continue;
      const key = this.senderKey(m);
      s.messageOut.set(m.id, {
        ...m,
        conversationId: this.canonical,
        participantKey: key === null ? m.participantKey : this.folded(key),
        sender: key !== null ? (this.nameOf.get(this.folded(key)) ?? m.sender) : m.sender,
        ...(m.reactions
          ? { reactions: m.reactions.map((r) => ({ ...r, sender: this.rename(m.conversationId, r.sender) })) }
          : {}),
      } as M);
    }
  }
}
