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
 * Each merge is applied by conduct-view-merge.ts; its events are compared in conduct-view-events.ts.
 */
import { OneMerge } from './conduct-view-merge.js';

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

export function mergedConductView<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
>(input: ConductViewInput<M, E, P, L>, merges: readonly ViewMerge[]): ConductViewOutput<M, E, P, L> {
  const state = new MergeState(input);
  if (merges.length === 0) return { ...input, merged: state.merged };
  for (const merge of merges) new OneMerge(state, merge).apply();
  return state.output();
}

/** What every merge of the case adds to: kept copies, folded participants, what comes out. */
export class MergeState<
  M extends ViewMessage,
  E extends ViewEvent,
  P extends ViewParticipant,
  L extends ViewLink,
> {
  readonly merged: {
    merges: number[];
    conversationOf: Record<string, number>;
    participants: Record<string, string>;
    copies: Record<string, number[]>;
    events: Record<string, number[]>;
  } = { merges: [], conversationOf: {}, participants: {}, copies: {}, events: {} };
  readonly byId = new Map<number, M>();
  readonly linkOf = new Map<string, string>();
  /** Copy id → the copy kept for the analysis. */
  readonly keptFor = new Map<number, number>();
  /** Participant key → the participant it is folded into. */
  readonly alias = new Map<string, string>();
  readonly conversationOf = new Map<number, number>();
  readonly renamedParticipants = new Map<string, P>();
  readonly droppedParticipants = new Set<string>();
  readonly eventOut = new Map<number, E | null>();
  readonly messageOut = new Map<number, M>();

  constructor(readonly input: ConductViewInput<M, E, P, L>) {
    for (const m of input.messages) this.byId.set(m.id, m);
    for (const l of input.confirmedLinks) this.linkOf.set(l.participantKey, l.person);
  }

  /** The case's inputs with every merge applied; conversations in no merge pass through. */
  output(): ConductViewOutput<M, E, P, L> {
    const { input, conversationOf } = this;
    const messages = input.messages.flatMap((m) => {
      if (!conversationOf.has(m.conversationId)) return [m];
      const out = this.messageOut.get(m.id);
      return out ? [out] : [];
    });
    const events = input.events.flatMap((e) => {
      if (!conversationOf.has(e.conversationId)) return [e];
      const out = this.eventOut.get(e.id);
      return out ? [out] : [];
    });
    const participants = input.participants.flatMap((p) => {
      if (!conversationOf.has(p.conversationId)) return [p];
      const out = this.renamedParticipants.get(p.key);
      return out ? [out] : [];
    });
    const canonicalId = (id: number): number => this.keptFor.get(id) ?? id;
    return {
      messages,
      events,
      participants,
      coded: mergeCodes(input.coded, canonicalId),
      flagged: mergeFlags(input.flagged, canonicalId),
      confirmedLinks: foldLinks(input.confirmedLinks, this.alias),
      merged: this.merged,
    };
  }
}

/** A code on any copy counts for the message: offensive where any copy was coded offensive. */
function mergeCodes(coded: readonly ViewCode[], canonicalId: (id: number) => number): ViewCode[] {
  const codes = new Map<number, ViewCode>();
  for (const c of coded) {
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
  return [...codes.values()];
}

/** Flags on every copy count for the message: the union of categories, the highest score. */
function mergeFlags(flagged: readonly ViewFlag[], canonicalId: (id: number) => number): ViewFlag[] {
  const flags = new Map<number, ViewFlag>();
  for (const f of flagged) {
    const id = canonicalId(f.messageId);
    const prev = flags.get(id);
    const score = Math.max(prev?.score ?? -Infinity, f.score ?? -Infinity);
    flags.set(id, {
      messageId: id,
      categories: union(prev?.categories ?? [], f.categories),
      ...(Number.isFinite(score) ? { score } : {}),
    });
  }
  return [...flags.values()];
}

/** Confirmed links on the participants they were folded into, each once. */
function foldLinks<L extends ViewLink>(links: readonly L[], alias: ReadonlyMap<string, string>): L[] {
  const seenLink = new Set<string>();
  return links.flatMap((l) => {
    const key = alias.get(l.participantKey) ?? l.participantKey;
    const k = `${key}\u0000${l.person}`;
    if (seenLink.has(k)) return [];
    seenLink.add(k);
    return [{ ...l, participantKey: key }];
  });
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}
