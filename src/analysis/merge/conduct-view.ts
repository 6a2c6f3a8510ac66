/**
 * The conduct analysis over merged conversations. Pure: no SQL.
 *
 * A merge says which messages of several conversations (one group seen on several phones) are one
 * real message. The conduct picture must count each real message once, read membership from every
 * source, and treat the senders of matched copies as one person. This maps the conduct inputs of a
 * case onto that view; conversations in no active merge pass through unchanged.
 *
 * - Each canonical message keeps ONE copy in the analysis: the one with the richest provenance (a
 *   WhatsApp key id, i.e. a device database, before an export line; then the source listed first).
 *   `copies` lists every copy of it, so each figure still traces to each phone's record.
 * - Codes and flags on any copy count for the canonical message.
 * - The senders of matched copies are one participant (the richest source's, with the union of phone,
 *   JID and push name), when the matching is mutual (each is the other's most frequent partner) or
 *   the JIDs are equal, and no investigator's decision says they are two people.
 * - Membership events from every source are kept, renamed into the canonical conversation; the same
 *   event seen from two sources (same type, same members, within the merge's minute tolerance) is
 *   kept once, from the richer source.
 *
 * Why one file over 500 lines: the merged view mirrors src/analysis/conduct step by step over several phones; kept in one place so the two stay comparable.
 */

export interface ViewMessage {
  readonly id: number;
  readonly conversationId: number;
  readonly sender: string | null;
  readonly participantKey: string | null;
  readonly utc: string;
  readonly kind: string;
  readonly keyId?: string | null;
  readonly reactions?: readonly {
    readonly sender: string;
    readonly emoji: string;
    readonly utc?: string | null;
  }[];
}

export interface ViewEvent {
  readonly id: number;
  readonly conversationId: number;
  readonly type: string;
  readonly actor: string | null;
  readonly targets: readonly string[];
  readonly utc: string;
  readonly value?: string | null;
}

export interface ViewParticipant {
  readonly key: string;
  readonly conversationId: number;
  readonly displayName: string;
  readonly phone?: string | null;
  readonly jid?: string | null;
  readonly pushName?: string | null;
  readonly isOwner?: boolean;
}

export interface ViewCode {
  readonly messageId: number;
  readonly categories: readonly string[];
  readonly offensive: boolean;
}

export interface ViewFlag {
  readonly messageId: number;
  readonly categories: readonly string[];
  readonly score?: number;
}

export interface ViewLink {
  readonly participantKey: string;
  readonly person: string;
  readonly name?: string;
}

/** An active merge: its conversations and, per canonical message, the ids of its copies. */
export interface ViewMerge {
  readonly id: number;
  readonly conversationIds: readonly number[];
  readonly messages: readonly { readonly sources: readonly number[] }[];
}

export interface ConductViewInput<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
> {
  readonly messages: readonly M[];
  readonly events: readonly E[];
  readonly participants: readonly P[];
  readonly coded: readonly ViewCode[];
  readonly flagged: readonly ViewFlag[];
  readonly confirmedLinks: readonly L[];
}

export interface MergedConduct {
  /** Merge ids applied. */
  readonly merges: readonly number[];
  /** Source conversation → the conversation the analysis reads it as. */
  readonly conversationOf: Readonly<Record<string, number>>;
  /** A participant folded into another (same sender on another phone) → that participant. */
  readonly participants: Readonly<Record<string, string>>;
  /** Message kept for the analysis → every copy of it (itself included), ascending. Only merged ones. */
  readonly copies: Readonly<Record<string, readonly number[]>>;
  /** Events dropped as the same event seen from a richer source → the events kept (one per member). */
  readonly events: Readonly<Record<string, readonly number[]>>;
}

export interface ConductViewOutput<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
> extends ConductViewInput<M, E, P, L> {
  readonly merged: MergedConduct;
}

const OWNER = new Set(['You', 'you']);
const PER_MEMBER = new Set(['added', 'removed', 'left', 'joined_by_link']);
const unknownOwner = (source: number): string => `You [conversation ${source}]`;

export function mergedConductView<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
>(input: ConductViewInput<M, E, P, L>, merges: readonly ViewMerge[]): ConductViewOutput<M, E, P, L> {
  const merged: {
    merges: number[];
    conversationOf: Record<string, number>;
    participants: Record<string, string>;
    copies: Record<string, number[]>;
    events: Record<string, number[]>;
  } = { merges: [], conversationOf: {}, participants: {}, copies: {}, events: {} };
  if (merges.length === 0) return { ...input, merged };

  const byId = new Map<number, M>();
  for (const m of input.messages) byId.set(m.id, m);
  const linkOf = new Map<string, string>();
  for (const l of input.confirmedLinks) linkOf.set(l.participantKey, l.person);
  /** Copy id → the copy kept for the analysis. */
  const keptFor = new Map<number, number>();
  /** Participant key → the participant it is folded into. */
  const alias = new Map<string, string>();
  const conversationOf = new Map<number, number>();
  const renamedParticipants = new Map<string, P>();
  const droppedParticipants = new Set<string>();
  const eventOut = new Map<number, E | null>();
  const messageOut = new Map<number, M>();

  for (const merge of merges) {
    const convs = merge.conversationIds;
    const inMerge = new Set(convs);
    const msgs = input.messages.filter((m) => inMerge.has(m.conversationId));
    // An export's owner known only as "You" (no --owner-name) is lined up with the other phones'
    // events below, as the name "You"; its stored participant is not a sender of its own here.
    const parts = input.participants.filter(
      (p) => inMerge.has(p.conversationId) && !(p.isOwner && OWNER.has(p.displayName)),
    );
    // Sources with key ids (device databases) first: they hold the richest record.
    const withKeys = new Set(msgs.filter((m) => m.keyId).map((m) => m.conversationId));
    const ranked = [...convs].sort(
      (a, b) => Number(!withKeys.has(a)) - Number(!withKeys.has(b)) || convs.indexOf(a) - convs.indexOf(b),
    );
    const rank = new Map(ranked.map((c, i) => [c, i]));
    const canonical = ranked[0]!;
    merged.merges.push(merge.id);
    for (const c of convs) {
      conversationOf.set(c, canonical);
      merged.conversationOf[String(c)] = canonical;
    }

    // Names as each source shows them.
    const byName = new Map<number, Map<string, string>>();
    const ownerOf = new Map<number, string>();
    for (const p of parts) {
      let names = byName.get(p.conversationId);
      if (!names) byName.set(p.conversationId, (names = new Map()));
      names.set(p.displayName, p.key);
      if (p.isOwner) ownerOf.set(p.conversationId, p.key);
    }
    const partByKey = new Map(parts.map((p) => [p.key, p]));
    const senderKey = (m: M): string | null =>
      m.kind === 'system'
        ? null
        : (m.participantKey ??
          (m.sender === null ? null : (byName.get(m.conversationId)?.get(m.sender) ?? null)));

    // One copy per canonical message; votes for which senders are one person.
    const votes = new Map<string, Map<string, number>>();
    const vote = (a: string, b: string): void => {
      let v = votes.get(a);
      if (!v) votes.set(a, (v = new Map()));
      v.set(b, (v.get(b) ?? 0) + 1);
    };
    const sourceOfKey = new Map<string, number>();
    for (const p of parts) sourceOfKey.set(p.key, p.conversationId);
    for (const cm of merge.messages) {
      const copies = cm.sources.map((id) => byId.get(id)).filter((m): m is M => m !== undefined);
      if (copies.length < 2) continue;
      const kept = [...copies].sort(
        (a, b) =>
          Number(!a.keyId) - Number(!b.keyId) ||
          rank.get(a.conversationId)! - rank.get(b.conversationId)! ||
          a.id - b.id,
      )[0]!;
      for (const c of copies) keptFor.set(c.id, kept.id);
      merged.copies[String(kept.id)] = copies.map((c) => c.id).sort((a, b) => a - b);
      const keys = copies.map(senderKey);
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

    // Pairs: mutual best partners by matched messages, or the same JID.
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
      for (const c of convs) {
        if (c === sourceOfKey.get(a)) continue;
        const b = best(a, c);
        if (b !== null && a < b && best(b, sourceOfKey.get(a)!) === a) pairs.push([a, b]);
      }
    }
    const byJid = new Map<string, P>();
    for (const p of parts) {
      const jid = p.jid?.toLowerCase();
      if (!jid) continue;
      const other = byJid.get(jid);
      if (other && other.conversationId !== p.conversationId) pairs.push([other.key, p.key]);
      else byJid.set(jid, p);
    }
    // Union, one participant per source, never against an investigator's decision.
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
      const persons = new Set([...ga, ...gb].map((k) => linkOf.get(k)).filter((x) => x !== undefined));
      if (persons.size > 1) continue;
      const joined = [...ga, ...gb];
      for (const k of joined) group.set(k, joined);
    }
    const head = new Map<string, P>();
    for (const g of new Set(group.values())) {
      const members = g
        .map((k) => partByKey.get(k))
        .filter((p): p is P => p !== undefined)
        .sort((a, b) => rank.get(a.conversationId)! - rank.get(b.conversationId)!);
      const first = members[0];
      if (!first) continue;
      for (const p of members.slice(1)) {
        alias.set(p.key, first.key);
        merged.participants[p.key] = first.key;
        droppedParticipants.add(p.key);
      }
      head.set(first.key, {
        ...first,
        phone: members.find((p) => p.phone)?.phone ?? first.phone ?? null,
        jid: members.find((p) => p.jid)?.jid ?? first.jid ?? null,
        pushName: members.find((p) => p.pushName)?.pushName ?? first.pushName ?? null,
      } as P);
    }
    const folded = (k: string): string => alias.get(k) ?? k;

    // One name per participant in the canonical conversation ("You" only for its own owner).
    const nameOf = new Map<string, string>();
    const taken = new Set<string>();
    for (const p of [...parts].sort((a, b) => rank.get(a.conversationId)! - rank.get(b.conversationId)!)) {
      if (droppedParticipants.has(p.key)) continue;
      let name = p.displayName;
      if (taken.has(name)) name = `${name} [conversation ${p.conversationId}]`;
      taken.add(name);
      nameOf.set(p.key, name);
      renamedParticipants.set(p.key, {
        ...(head.get(p.key) ?? p),
        conversationId: canonical,
        displayName: name,
        isOwner: p.conversationId === canonical && (p.isOwner ?? false),
      } as P);
    }
    // "You" is each phone's owner. A source that does not say who that is (an export) has its "You"
    // read from the other sources' events below, as has a name it shows for nobody who sent anything
    // there (a member who never spoke); until then each stands apart.
    const lined = new Map<number, Map<string, string>>();
    /** Per source: names that resolved to none of its participants. */
    const unattached = new Map<number, Set<string>>();
    const loose = (source: number, name: string): string => {
      let set = unattached.get(source);
      if (!set) unattached.set(source, (set = new Set()));
      set.add(name);
      return lined.get(source)?.get(name) ?? name;
    };
    const rename = (source: number, name: string): string => {
      if (OWNER.has(name)) {
        const o = ownerOf.get(source);
        if (o !== undefined) return nameOf.get(folded(o)) ?? name;
        return source === canonical ? 'You' : loose(source, unknownOwner(source));
      }
      const k = byName.get(source)?.get(name);
      if (k === undefined) return source === canonical ? name : loose(source, name);
      return nameOf.get(folded(k)) ?? name;
    };
    /** Per source: the names its own participants have in the merged conversation. */
    const ownNames = new Map<number, Set<string>>();
    for (const p of parts) {
      let set = ownNames.get(p.conversationId);
      if (!set) ownNames.set(p.conversationId, (set = new Set()));
      set.add(nameOf.get(folded(p.key)) ?? p.displayName);
    }

    // Events from every source; the same event from a poorer source is kept once. Joins and leaves
    // are compared member by member: an export writes "A added B, C and D" on one line where a
    // database has a row per member. Other events are compared whole.
    const dedupe = () => {
      const out = new Map<number, E | null>();
      const absorbedBy = new Map<number, number[]>();
      /** Per source: an unattached name → the names of other sources' rows left over beside it. */
      const votes = new Map<number, Map<string, Set<string>>>();
      const evs = input.events
        .filter((e) => inMerge.has(e.conversationId))
        .map((e) => ({
          source: e.conversationId,
          e: {
            ...e,
            conversationId: canonical,
            actor: e.actor === null ? null : rename(e.conversationId, e.actor),
            targets: e.targets.map((t) => rename(e.conversationId, t)),
            ...(e.value ? { value: rename(e.conversationId, e.value) } : {}),
          } as E,
        }))
        .sort((a, b) => rank.get(a.source)! - rank.get(b.source)! || a.e.id - b.e.id);
      interface Kept {
        source: number;
        type: string;
        who: string;
        ms: number;
        id: number;
        absorbed: Set<number>;
      }
      // Kept events by type and minute. As the merge matches messages: the same minute or the minute
      // either side (exports keep minutes; clocks disagree by seconds).
      const kept = new Map<string, Kept[]>();
      const bucket = (type: string, ms: number): string => `${type}\u0000${Math.floor(ms / 60_000)}`;
      const keep = (k: Kept): void => {
        const b = bucket(k.type, k.ms);
        const list = kept.get(b);
        if (list) list.push(k);
        else kept.set(b, [k]);
      };
      const candidates = (source: number, type: string, ms: number): Kept[] =>
        [-60_000, 0, 60_000]
          .flatMap((d) => kept.get(bucket(type, ms + d)) ?? [])
          .filter((k) => k.source !== source && !k.absorbed.has(source))
          .sort((a, b) => a.ms - b.ms || a.id - b.id);
      for (const { source, e } of evs) {
        const ms = Date.parse(e.utc);
        if (PER_MEMBER.has(e.type)) {
          const members = e.targets.length > 0 ? e.targets : e.actor ? [e.actor] : [];
          const free = unattached.get(source) ?? new Set<string>();
          const own = ownNames.get(source) ?? new Set<string>();
          const remaining: string[] = [];
          const into: number[] = [];
          const left: string[] = [];
          for (const t of members) {
            const same = candidates(source, e.type, ms).find((k) => k.who === t);
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
          const placed = new Set(lined.get(source)?.values() ?? []);
          // (An export's "You" may be one of its own senders: the owner, whose name it never ties to "You".)
          const isOwner = left[0] === unknownOwner(source);
          const over = candidates(source, e.type, ms).filter(
            (k) => (isOwner || !own.has(k.who)) && !placed.has(k.who),
          );
          if (left.length === 1 && over.length === 1) {
            let v = votes.get(source);
            if (!v) votes.set(source, (v = new Map()));
            v.set(left[0]!, new Set([...(v.get(left[0]!) ?? []), over[0]!.who]));
          }
          remaining.push(...left);
          for (const t of remaining)
            keep({ source, type: e.type, who: t, ms, id: e.id, absorbed: new Set() });
          if (remaining.length === 0 && members.length > 0) {
            absorbedBy.set(
              e.id,
              [...new Set(into)].sort((a, b) => a - b),
            );
            out.set(e.id, null);
          } else if (e.targets.length > 0 && remaining.length < members.length) {
            out.set(e.id, { ...e, targets: e.targets.filter((t) => remaining.includes(t)) });
          } else {
            out.set(e.id, e);
          }
          continue;
        }
        const w = e.type === 'created' ? '' : [e.actor ?? '', e.value ?? '', ...e.targets].join('\u0000');
        const same = candidates(source, e.type, ms).find((k) => k.who === w);
        if (same) {
          same.absorbed.add(source);
          absorbedBy.set(e.id, [same.id]);
          out.set(e.id, null);
        } else {
          keep({ source, type: e.type, who: w, ms, id: e.id, absorbed: new Set() });
          out.set(e.id, e);
        }
      }
      return { out, absorbedBy, votes };
    };
    // A name is lined up where every event that placed it agrees, and no other name of its source
    // was placed on the same member. Each pass can free the next (a line naming two unplaced members).
    let events = dedupe();
    for (let pass = 0; pass < 4; pass++) {
      let added = 0;
      for (const [source, v] of events.votes) {
        const map = lined.get(source) ?? new Map<string, string>();
        const claimed = new Map<string, number>();
        for (const names of v.values())
          if (names.size === 1) {
            const y = [...names][0]!;
            claimed.set(y, (claimed.get(y) ?? 0) + 1);
          }
        for (const [x, names] of v) {
          const y = [...names][0]!;
          if (names.size !== 1 || claimed.get(y) !== 1 || map.has(x) || [...map.values()].includes(y))
            continue;
          map.set(x, y);
          added++;
        }
        lined.set(source, map);
      }
      if (added === 0) break;
      events = dedupe();
    }
    for (const [id, e] of events.out) eventOut.set(id, e);
    for (const [id, into] of events.absorbedBy) merged.events[String(id)] = into;

    for (const m of msgs) {
      if (keptFor.has(m.id) && keptFor.get(m.id) !== m.id) continue;
      const key = senderKey(m);
      messageOut.set(m.id, {
        ...m,
        conversationId: canonical,
        participantKey: key === null ? m.participantKey : folded(key),
        sender: key !== null ? (nameOf.get(folded(key)) ?? m.sender) : m.sender,
        ...(m.reactions
          ? { reactions: m.reactions.map((r) => ({ ...r, sender: rename(m.conversationId, r.sender) })) }
          : {}),
      } as M);
    }
  }

  const messages = input.messages.flatMap((m) => {
    if (!conversationOf.has(m.conversationId)) return [m];
    const out = messageOut.get(m.id);
    return out ? [out] : [];
  });
  const events = input.events.flatMap((e) => {
    if (!conversationOf.has(e.conversationId)) return [e];
    const out = eventOut.get(e.id);
    return out ? [out] : [];
  });
  const participants = input.participants.flatMap((p) => {
    if (!conversationOf.has(p.conversationId)) return [p];
    const out = renamedParticipants.get(p.key);
    return out ? [out] : [];
  });
  const canonicalId = (id: number): number => keptFor.get(id) ?? id;

  // A code on any copy counts for the message: offensive where any copy was coded offensive.
  const codes = new Map<number, ViewCode>();
  for (const c of input.coded) {
    const id = canonicalId(c.messageId);
    const prev = codes.get(id);
    if (!prev) codes.set(id, { ...c, messageId: id });
    else if (c.offensive)
      codes.set(id, {
        messageId: id,
        offensive: true,
        categories: union(prev.offensive ? prev.categories : [], c.categories),
      });
  }
  const flags = new Map<number, ViewFlag>();
  for (const f of input.flagged) {
    const id = canonicalId(f.messageId);
    const prev = flags.get(id);
    const score = Math.max(prev?.score ?? -Infinity, f.score ?? -Infinity);
    flags.set(id, {
      messageId: id,
      categories: union(prev?.categories ?? [], f.categories),
      ...(Number.isFinite(score) ? { score } : {}),
    });
  }
  const seenLink = new Set<string>();
  const confirmedLinks = input.confirmedLinks.flatMap((l) => {
    const key = alias.get(l.participantKey) ?? l.participantKey;
    const k = `${key}\u0000${l.person}`;
    if (seenLink.has(k)) return [];
    seenLink.add(k);
    return [{ ...l, participantKey: key }];
  });
  return {
    messages,
    events,
    participants,
    coded: [...codes.values()],
    flagged: [...flags.values()],
    confirmedLinks,
    merged,
  };
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
