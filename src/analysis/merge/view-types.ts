/**
 * The shapes of the conduct view over merged conversations (conduct-view.ts), and what its parts
 * share while they apply the merges of a case one after the other.
 */

import type { ConductParticipant } from '../conduct/types.js';

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

/** A participant of one conversation: the conduct analysis's own shape, which the merged view feeds. */
export type ViewParticipant = ConductParticipant;

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

/** MergedConduct while it is filled in. */
export interface MergedRecord {
  merges: number[];
  conversationOf: Record<string, number>;
  participants: Record<string, string>;
  copies: Record<string, number[]>;
  events: Record<string, number[]>;
}

/** What every merge of a case adds to, read when the case's view is put together. */
export interface CaseFold<M extends ViewMessage, E extends ViewEvent, P extends ViewParticipant> {
  readonly merged: MergedRecord;
  /** Message id → its message, over the whole case. */
  readonly byId: ReadonlyMap<number, M>;
  /** Participant key → the person an investigator confirmed it is. */
  readonly linkOf: ReadonlyMap<string, string>;
  /** Copy id → the copy kept for the analysis. */
  readonly keptFor: Map<number, number>;
  /** Participant key → the participant it is folded into. */
  readonly alias: Map<string, string>;
  /** Source conversation → the conversation the analysis reads it as. */
  readonly conversationOf: Map<number, number>;
  readonly renamedParticipants: Map<string, P>;
  readonly droppedParticipants: Set<string>;
  /** Event id → the event as kept (null: dropped as seen from a richer source). */
  readonly eventOut: Map<number, E | null>;
  readonly messageOut: Map<number, M>;
}
