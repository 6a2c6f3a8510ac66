/**
 * One merge's sources as the conduct view reads them: which conversation is read first (the richest
 * record), which participants take part, and how each source names them.
 */
import type {
  ConductViewInput,
  ViewEvent,
  ViewLink,
  ViewMerge,
  ViewMessage,
  ViewParticipant,
} from './view-types.js';

export const OWNER = new Set(['You', 'you']);

export class MergeSources<M extends ViewMessage, P extends ViewParticipant> {
  readonly convs: readonly number[];
  readonly inMerge: ReadonlySet<number>;
  readonly msgs: readonly M[];
  /** Participants of the merged conversations but an export's owner known only as "You". */
  readonly parts: readonly P[];
  /** Conversation → its place in reading order (0: the canonical conversation). */
  readonly rank: ReadonlyMap<number, number>;
  readonly canonical: number;
  /** Per source: display name → participant key. */
  readonly byName = new Map<number, Map<string, string>>();
  /** Per source: its owner's participant key, where it names one. */
  readonly ownerOf = new Map<number, string>();
  readonly partByKey: ReadonlyMap<string, P>;

  constructor(
    input: ConductViewInput<M, ViewEvent, P, ViewLink>,
    readonly merge: ViewMerge,
  ) {
    const convs = merge.conversationIds;
    this.convs = convs;
    const inMerge = new Set(convs);
    this.inMerge = inMerge;
    this.msgs = input.messages.filter((m) => inMerge.has(m.conversationId));
    // An export's owner known only as "You" (no --owner-name) is lined up with the other phones'
    // events, as the name "You"; its stored participant is not a sender of its own here.
    this.parts = input.participants.filter(
      (p) => inMerge.has(p.conversationId) && !(p.isOwner && OWNER.has(p.displayName)),
    );
    // Sources with key ids (device databases) first: they hold the richest record.
    const withKeys = new Set(this.msgs.filter((m) => m.keyId).map((m) => m.conversationId));
    const ranked = [...convs].sort(
      (a, b) => Number(!withKeys.has(a)) - Number(!withKeys.has(b)) || convs.indexOf(a) - convs.indexOf(b),
    );
    this.rank = new Map(ranked.map((c, i) => [c, i]));
    this.canonical = ranked[0]!;
    // Names as each source shows them.
    for (const p of this.parts) {
      let names = this.byName.get(p.conversationId);
      if (!names) this.byName.set(p.conversationId, (names = new Map()));
      names.set(p.displayName, p.key);
      if (p.isOwner) this.ownerOf.set(p.conversationId, p.key);
    }
    this.partByKey = new Map(this.parts.map((p) => [p.key, p]));
  }

  /** A conversation's place in reading order. */
  rankOf(conversationId: number): number {
    return this.rank.get(conversationId)!;
  }

  /** The participant who sent a message, by key or else by the name its source shows (none for system lines). */
  senderKey(m: M): string | null {
    return m.kind === 'system'
      ? null
      : (m.participantKey ??
          (m.sender === null ? null : (this.byName.get(m.conversationId)?.get(m.sender) ?? null)));
  }
}
