/**
 * The review workspace API's shapes (docs/api.md, v1) under the names the web app uses. Each is the
 * contract's type (src/contract/schemas.ts: what the server validates and sends), never a copy, so a
 * change to the API is a compile error wherever the web app depends on it. Times are ISO 8601 UTC
 * strings; ids are integers.
 */
import type * as S from '@contract/schemas';

// The message's structured parts are the server's own domain types (src/domain/message.ts is plain
// data with no imports, so the bundle takes nothing else).
export type {
  LocationRef,
  MembershipEventType,
  MessageKind,
  Poll,
  SystemEvent,
} from '../../../src/domain/message.js';

export type User = S.UserT;
export type Session = S.SessionResponseT;
export type CaseSummary = S.CasesResponseT['cases'][number];
export type CaseDashboard = S.CaseResponseT;
export type ConversationSummary = CaseDashboard['conversations'][number];
export type ExhibitSummary = CaseDashboard['exhibits'][number];
export type ActivityPoint = CaseDashboard['activity'][number];

export type Flag = S.FlagT;
/** UTF-16 code-unit offsets into the original text. */
export type FlagSpan = Flag['spans'][number];
export type Code = S.CodeT;
/** What a reviewer codes; the write adds the version they saw (`baseVersion`). */
export type CodeInput = Omit<S.CodeBodyT, 'baseVersion'>;
export type Message = S.MessageT;
export type Media = NonNullable<Message['media']>;
export type Reaction = Message['reactions'][number];
/** A quoted reply's link: the quoted message's key id and the quoted text as the reply carried it. */
export type ReplyRef = NonNullable<Message['replyTo']>;
export type MessageWindow = S.MessagesResponseT;
export type SearchResult = S.SearchResponseT;
export type ConflictBody = S.ConflictResponseT;
export type HistoryEntry = S.HistoryResponseT['entries'][number];

/** The search page's filters as they stand in its URL (the server coerces them; SearchQuery). */
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
