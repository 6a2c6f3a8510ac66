/**
 * Inputs of the conduct analysis: small shapes the store's records map onto directly (see
 * docs/conduct.md for the mapping). Plain data; times are ISO 8601 UTC strings, e.g.
 * 2021-04-28T09:15:00.000Z.
 */
import type { MembershipEventType } from '../../domain/message.js';

/** A reaction on a message. `sender` is the displayed name ("You" is the phone's owner). */
export interface ConductReaction {
  readonly sender: string;
  readonly emoji: string;
  readonly utc?: string | null;
}

/** A message (store: MessageRecord, plus key id, quoted-reply key id and reactions where the source has them). */
export interface ConductMessage {
  readonly id: number;
  readonly conversationId: number;
  /** Sender as displayed; null for system lines. */
  readonly sender: string | null;
  /** The sender's participant key (store: String(participantId)); null resolves by `sender` name. */
  readonly participantKey: string | null;
  readonly utc: string;
  /** 'text' | 'media' | 'system' | 'deleted' | 'poll' | 'location'. System messages are never responses. */
  readonly kind: string;
  readonly text: string;
  /** Key id of the message this one quotes (a quoted reply). */
  readonly replyToKeyId?: string | null;
  /** This message's WhatsApp key id. */
  readonly keyId?: string | null;
  readonly reactions?: readonly ConductReaction[];
}

/** A membership event (store: MembershipEventRecord). Names are as displayed; "You" is the phone's owner. */
export interface ConductMembershipEvent {
  readonly id: number;
  readonly conversationId: number;
  readonly messageId: number;
  readonly type: MembershipEventType;
  readonly actor: string | null;
  readonly targets: readonly string[];
  readonly utc: string;
  /** For number_changed: the new number, where the line gives it. */
  readonly value?: string | null;
}

/** A participant of one conversation (store: ParticipantRecord, key = String(id)). */
export interface ConductParticipant {
  /** Unique across the whole input (all conversations). */
  readonly key: string;
  readonly conversationId: number;
  readonly displayName: string;
  /** E.164 or any written form; compared by digits. */
  readonly phone?: string | null;
  readonly jid?: string | null;
  readonly pushName?: string | null;
  /** The phone's owner: the participant that "You" in system lines means. */
  readonly isOwner?: boolean;
}

export type OffensiveBasis = 'coded' | 'flagged';

/**
 * A message treated as offensive. `basis: 'coded'` where a reviewer coded it (the codes win wherever a
 * message has been coded), else `'flagged'` by the flagger. The caller picks one mark per message.
 */
export interface OffensiveMark {
  readonly messageId: number;
  readonly categories: readonly string[];
  readonly basis: OffensiveBasis;
  readonly score?: number;
}

/** Builds the marks: reviewer codes where a message has been coded, else flags. */
export function mergeOffensiveMarks(
  coded: readonly {
    readonly messageId: number;
    readonly categories: readonly string[];
    readonly offensive: boolean;
  }[],
  flagged: readonly {
    readonly messageId: number;
    readonly categories: readonly string[];
    readonly score?: number;
  }[],
): OffensiveMark[] {
  const out = new Map<number, OffensiveMark>();
  const codedIds = new Set<number>();
  for (const c of coded) {
    codedIds.add(c.messageId);
    if (c.offensive)
      out.set(c.messageId, { messageId: c.messageId, categories: c.categories, basis: 'coded' });
    else out.delete(c.messageId);
  }
  for (const f of flagged) {
    if (codedIds.has(f.messageId)) continue;
    out.set(f.messageId, {
      messageId: f.messageId,
      categories: f.categories,
      basis: 'flagged',
      ...(f.score === undefined ? {} : { score: f.score }),
    });
  }
  return [...out.values()].sort((a, b) => a.messageId - b.messageId);
}

/** Time as milliseconds; throws on a time that does not parse (bad input is never guessed at). */
export function toMs(utc: string): number {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) throw new Error(`conduct: not an ISO time: '${utc}'`);
  return ms;
}
