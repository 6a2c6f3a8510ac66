/**
 * The message as every source format yields it. Plain data: no SQL, no HTTP, no parsing.
 *
 * A message is never repaired: `text` is the body exactly as the source held it (every character,
 * including direction marks and the source's own line terminators). Anything derived (the search
 * copy, flags, codes) sits beside it.
 */

export const MESSAGE_KINDS = ['text', 'media', 'system', 'deleted', 'poll', 'location'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export function isMessageKind(value: string): value is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(value);
}

/** How a wall-clock time was turned into UTC. Anything but `exact` is shown to the reviewer. */
export type TimeResolution =
  | 'exact'
  /** The local time occurs twice (clocks went back); the earlier or later instant was chosen by file order. */
  | 'ambiguous'
  /** The local time never existed (clocks went forward); it was moved forward by the gap. */
  | 'nonexistent';

export interface MessageTime {
  /** The date and time exactly as the source wrote them (for exports: the header's date and time text). */
  readonly localText: string;
  /** IANA zone the local time was read in (declared on the exhibit, never the host's zone). */
  readonly zone: string;
  /** ISO 8601 UTC instant with milliseconds, e.g. 2021-04-28T09:15:00.000Z. */
  readonly utc: string;
  readonly resolution: TimeResolution;
}

/** Where a message came from: the exhibit and the exact span inside the original file. */
export type SourceLocation =
  | {
      readonly type: 'text';
      /** 1-based, inclusive. */
      readonly lineStart: number;
      readonly lineEnd: number;
      /** Byte offsets into the chat text file; end is exclusive and excludes the last line terminator. */
      readonly byteStart: number;
      readonly byteEnd: number;
    }
  | { readonly type: 'table'; readonly table: string; readonly rowId: number }
  | { readonly type: 'xml'; readonly modelId: string };

export interface MediaRef {
  /** The attachment's file name as the source named it, or null where the export omitted the media. */
  readonly fileName: string | null;
  readonly omitted: boolean;
  readonly caption: string | null;
}

export interface PollOption {
  readonly text: string;
  readonly votes: number | null;
}

export interface Poll {
  readonly question: string;
  readonly options: readonly PollOption[];
}

export interface LocationRef {
  readonly url: string | null;
  readonly live: boolean;
}

export const MEMBERSHIP_EVENT_TYPES = [
  'created',
  'added',
  'removed',
  'left',
  'joined_by_link',
  'admin',
  'subject_changed',
  'icon_changed',
  'description_changed',
  'number_changed',
  'encryption_notice',
  'settings_changed',
  /** Notices that change no membership but are evidence of what members saw (export system lines). */
  'security_code_changed',
  'disappearing_messages',
  'community',
  'other',
] as const;
export type MembershipEventType = (typeof MEMBERSHIP_EVENT_TYPES)[number];

/** A system line read as what happened to the group. Names are as displayed; "You" is the phone's owner. */
export interface SystemEvent {
  readonly type: MembershipEventType;
  readonly actor: string | null;
  readonly targets: readonly string[];
  /** New subject, old subject or new number, where the event carries one. */
  readonly value: string | null;
  readonly previousValue: string | null;
}

/** Who sent a message, as a device database knows it (exports know only the displayed name). */
export interface SenderIdentity {
  /** WhatsApp JID, e.g. 447700900123@s.whatsapp.net, or an @lid identity where no phone JID is known. */
  readonly jid: string | null;
  /** E.164 digits where the JID or contacts give them, e.g. +447700900123. */
  readonly phone: string | null;
  /** The name the sender chose (push name). */
  readonly pushName: string | null;
  /** The name the phone's owner saved for them (address book, wa.db display_name). */
  readonly contactName: string | null;
  /** The phone's owner (from_me / ZISFROMME). */
  readonly isOwner: boolean;
}

export interface Reaction {
  /** Displayed name of who reacted. */
  readonly sender: string;
  readonly senderJid: string | null;
  readonly emoji: string;
  /** ISO UTC, where the source records it. */
  readonly utc: string | null;
}

/** A quoted reply's link to the message it quotes. */
export interface ReplyRef {
  /** WhatsApp key id (stanza id) of the quoted message, where known. */
  readonly keyId: string | null;
  /** The quoted text as the reply carried it. */
  readonly text: string | null;
  readonly senderJid: string | null;
}

/**
 * What a device row that is not plain text recorded, for display (issue 13 item 10): a plain-text
 * line saying what happened (a system row's body is empty in the database) and the structured
 * fields behind it. Derived from the row and its side tables; never replaces the verbatim `text`.
 */
export interface MessageDetail {
  /** One line, e.g. `Kate added Dan`, `Location: 51.50101, -0.12418 (New Scotland Yard)`, `Voice call, 125 s`. */
  readonly summary: string;
  /** The system event (also stored as a membership event) where the row is one. */
  readonly event?: SystemEvent;
  readonly location?: {
    readonly lat: number | null;
    readonly lng: number | null;
    readonly name: string | null;
    readonly address: string | null;
    readonly live: boolean;
  };
  /** A poll with its options and votes (as in `poll`). */
  readonly poll?: Poll;
  /** Contact cards (vCards): each card's name and phone numbers as the card gives them. */
  readonly contacts?: readonly { readonly name: string | null; readonly phones: readonly string[] }[];
  readonly call?: {
    readonly video: boolean;
    /** Seconds, where the call log records a duration. */
    readonly durationS: number | null;
    /** The source's own result code, kept raw (tools disagree on its meaning). */
    readonly result: number | null;
  };
}

/** One message as a parser yields it, before it is stored. */
export interface ParsedMessage {
  /** Position in the source, 0-based, in the source's own order (not time order). */
  readonly seq: number;
  /** Sender exactly as displayed; null for system lines (shown as "(system)"). */
  readonly sender: string | null;
  /**
   * The name a system line was written under, where the source wrote one: newer iOS exports put
   * the group's (or, one to one, the contact's) name before system text. Not a sender.
   */
  readonly displayedAuthor?: string | null;
  readonly kind: MessageKind;
  /** Verbatim body. */
  readonly text: string;
  readonly time: MessageTime;
  readonly edited: boolean;
  readonly media: MediaRef | null;
  readonly poll: Poll | null;
  readonly location: LocationRef | null;
  readonly system: SystemEvent | null;
  readonly source: SourceLocation;
  /*
   * What device databases add (absent, or null, for export text, which does not carry them).
   */
  /** WhatsApp message key id (key_id / ZSTANZAID / UFDR Identifier). */
  readonly keyId?: string | null;
  readonly senderIdentity?: SenderIdentity | null;
  readonly replyTo?: ReplyRef | null;
  readonly reactions?: readonly Reaction[];
  /** 'sender' (deleted for everyone), 'admin' (revoked by a group admin) or null. */
  readonly deletedBy?: 'sender' | 'admin' | null;
  /** When the message was last edited (ISO UTC), where the source records it. */
  readonly editedAt?: string | null;
  /** The source's own type codes, kept beside our mapping, e.g. {"message_type": 7, "action_type": 12}. */
  readonly raw?: Readonly<Record<string, string | number | null>> | null;
  /** Plain text and structured fields of a system row, call, location, poll or contact card. */
  readonly detail?: MessageDetail | null;
}
