/** Types of the review workspace API (docs/api.md, v1). Times are ISO 8601 UTC strings; ids are integers. */
// The message's structured parts are the server's own domain types (one definition, imported, never
// copied): src/domain/message.ts is plain data with no imports, so the bundle takes nothing else.
import type { Decision } from '@contract/coding';
import type { Role } from '@contract/roles';
import type { LocationRef, MessageKind, Poll, SystemEvent } from '../../../src/domain/message.js';

export type {
  LocationRef,
  MembershipEventType,
  MessageKind,
  Poll,
  SystemEvent,
} from '../../../src/domain/message.js';

export interface User {
  readonly id: number;
  readonly username: string;
  readonly role: Role;
}

export interface Session {
  readonly user: User;
  readonly csrfToken: string;
}

export interface CaseSummary {
  readonly id: number;
  readonly name: string;
  readonly messages: number;
  readonly exhibits: number;
  readonly reviewed: number;
  /** 0–1 */
  readonly coverage: number;
}

export interface ConversationSummary {
  readonly id: number;
  readonly name: string;
  readonly messages: number;
  readonly participants: number | readonly string[];
  /** First and last message (UTC), where the server gives them: the record's edges. */
  readonly first?: string | null;
  readonly last?: string | null;
}

export interface ExhibitSummary {
  readonly id: number;
  readonly ref: string;
  readonly originalName: string;
  readonly sha256: string;
}

export interface ActivityPoint {
  readonly sender: string | null;
  /** "2023-04" */
  readonly month: string;
  readonly messages: number;
}

export interface CaseDashboard {
  readonly case: { readonly id: number; readonly name: string };
  readonly messages: number;
  readonly reviewed: number;
  readonly coverage: number;
  readonly flagsByCategory: Readonly<Record<string, number>>;
  readonly activity: readonly ActivityPoint[];
  readonly conversations: readonly ConversationSummary[];
  readonly exhibits: readonly ExhibitSummary[];
  /** The IANA zone every time in the case is shown in (lib/time.ts). */
  readonly timeZone: string;
}

export interface FlagSpan {
  /** UTF-16 code-unit offsets into the original text. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly category: string;
  readonly reason: string;
}

export interface Flag {
  readonly score: number;
  readonly flagged: boolean;
  readonly categories: readonly { readonly name: string; readonly score: number }[];
  readonly spans: readonly FlagSpan[];
}

export interface Media {
  readonly fileName: string | null;
  readonly omitted: boolean;
  readonly caption: string | null;
  readonly stored: boolean | string | null;
}

export interface Reaction {
  readonly sender: string;
  readonly emoji: string;
  readonly utc?: string | null;
}

/** A quoted reply's link: the quoted message's key id and the quoted text as the reply carried it. */
export interface ReplyRef {
  readonly keyId: string | null;
  readonly text: string | null;
  readonly senderJid?: string | null;
}

export interface CodeInput {
  readonly decision: Decision;
  readonly categories: readonly string[];
  readonly standards: readonly string[];
  readonly potentialS127: boolean;
  readonly note: string;
}

export interface Code extends CodeInput {
  readonly messageId: number;
  readonly version: number;
  readonly by: string;
  readonly at: string;
}

export interface Message {
  readonly id: number;
  readonly seq: number;
  readonly conversationId: number;
  readonly sender: string | null;
  readonly kind: MessageKind;
  readonly text: string;
  /** The local date and time exactly as the source wrote them. */
  readonly localTime: string;
  readonly zone: string;
  readonly utc: string;
  readonly timeResolution: 'exact' | 'ambiguous' | 'nonexistent' | string;
  readonly edited: boolean;
  readonly media: Media | null;
  readonly exhibit: string | number | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
  readonly keyId: string | null;
  readonly replyTo: ReplyRef | number | null;
  readonly reactions: readonly Reaction[] | null;
  readonly deleted: boolean | string | null;
  /** Who deleted it: the sender (for everyone) or a group admin. */
  readonly deletedBy?: 'sender' | 'admin' | null;
  /** When it was last edited (UTC), where the source records it. */
  readonly editedAt?: string | null;
  /** Sent by the phone's owner (device sources): shown on the right, as the phone shows it. */
  readonly fromOwner?: boolean;
  readonly poll?: Poll | null;
  readonly location?: LocationRef | null;
  /** A system message's event (who added whom, a new subject, ...); device rows have no text. */
  readonly system?: SystemEvent | null;
  readonly flag: Flag | null;
  readonly code: Code | null;
  readonly reviewed: boolean;
  /** The code is withheld: the message awaits a blind second review you may give (QC page). */
  readonly blind?: boolean;
}

export interface MessageWindow {
  readonly total: number;
  readonly messages: readonly Message[];
}

export type ReviewStatus = 'unreviewed' | 'reviewed' | 'offensive' | 'unsure';

export interface SearchParams {
  readonly q?: string;
  readonly sender?: string;
  readonly from?: string;
  readonly to?: string;
  readonly kind?: string;
  readonly category?: string;
  readonly minScore?: string;
  readonly status?: string;
  readonly limit?: number;
  readonly after?: string | number | null;
}

export interface SearchResult {
  readonly hits: readonly Message[];
  readonly next: string | number | null;
}

export interface ConflictBody {
  readonly error: { readonly code: string; readonly message: string };
  readonly current: Code;
  readonly yours: Partial<CodeInput> & { readonly baseVersion?: number };
}

export interface HistoryEntry {
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detail: unknown;
}
