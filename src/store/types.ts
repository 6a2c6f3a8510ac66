/**
 * The store's records: camelCase mirrors of the tables, shaped after src/domain so the importer can
 * map a ParsedMessage to a row with `toMessageRow`. Times are ISO 8601 UTC strings with milliseconds.
 */
import type { ImportReport } from '../domain/import-report.js';
import type {
  MembershipEventType,
  MessageKind,
  ParsedMessage,
  MessageDetail,
  Poll,
  Reaction,
  ReplyRef,
  SenderIdentity,
  SystemEvent,
  TimeResolution,
} from '../domain/message.js';
import { toSearchText } from './search-text.js';

export type { ImportReport };

export interface CaseRecord {
  readonly id: number;
  readonly name: string;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface CaseSummary extends CaseRecord {
  readonly exhibits: number;
  readonly messages: number;
}

export type ExhibitFormat =
  'whatsapp-text' | 'whatsapp-zip' | 'android-msgstore' | 'ios-chatstorage' | 'ufdr' | 'rsmf';

export interface NewExhibit {
  readonly caseId: number;
  /** Producing officer's initials and number, e.g. "AB/1". Unique within the case. */
  readonly ref: string;
  readonly originalName: string;
  readonly size: number;
  /** Lowercase hex SHA-256 of the original as received. Unique within the case. */
  readonly sha256: string;
  /** Path of the stored copy, relative to the workspace folder. */
  readonly storedPath: string;
  readonly format: ExhibitFormat;
  readonly description?: string | null;
  readonly seizedFrom?: string | null;
  readonly officer?: string | null;
  readonly timezone?: string | null;
  readonly dateOrder?: string | null;
  readonly parser?: string | null;
  readonly parserVersion?: string | null;
  /** Defaults to now. */
  readonly addedAt?: string;
  readonly addedBy: string;
}

export interface ExhibitRecord {
  readonly id: number;
  readonly caseId: number;
  readonly ref: string;
  readonly originalName: string;
  readonly size: number;
  readonly sha256: string;
  readonly storedPath: string;
  readonly format: ExhibitFormat;
  readonly description: string | null;
  readonly seizedFrom: string | null;
  readonly officer: string | null;
  readonly timezone: string | null;
  readonly dateOrder: string | null;
  readonly parser: string | null;
  readonly parserVersion: string | null;
  readonly addedAt: string;
  readonly addedBy: string;
}

export type ExhibitFileRole = 'chat' | 'media' | 'other' | 'wal' | 'contacts';

export interface NewExhibitFile {
  readonly exhibitId: number;
  readonly pathInArchive: string;
  readonly size: number;
  readonly sha256: string;
  readonly storedPath: string | null;
  readonly role: ExhibitFileRole;
}

export interface ExhibitFileRecord extends NewExhibitFile {
  readonly id: number;
}

export interface NewContinuityEntry {
  readonly exhibitId: number;
  /** Defaults to now. */
  readonly at?: string;
  readonly actor: string;
  readonly action: string;
  readonly detail?: string | null;
}

export interface ContinuityRecord {
  readonly id: number;
  readonly exhibitId: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly detail: string | null;
}

export interface NewConversation {
  readonly caseId: number;
  readonly name: string;
  readonly exhibitId?: number | null;
  /** The chat's own key in its source (chat JID, UFDR chat id); null for exports. */
  readonly sourceKey?: string | null;
  readonly isGroup?: boolean | null;
  readonly groupJid?: string | null;
  /** Defaults to now. */
  readonly createdAt?: string;
}

export interface ConversationRecord {
  readonly id: number;
  readonly caseId: number;
  readonly name: string;
  readonly exhibitId: number | null;
  readonly createdAt: string;
  readonly sourceKey: string | null;
  readonly isGroup: boolean | null;
  readonly groupJid: string | null;
}

export interface ConversationSummary extends ConversationRecord {
  readonly messages: number;
  readonly participants: number;
}

/** A message row as inserted. Mirrors ParsedMessage, flattened; see `toMessageRow`. */
export interface NewMessage {
  readonly caseId: number;
  readonly conversationId: number;
  readonly exhibitId: number;
  readonly seq: number;
  readonly sender: string | null;
  readonly participantId: number | null;
  readonly kind: MessageKind;
  /** Verbatim body. */
  readonly text: string;
  /** Derived search copy (`toSearchText`). */
  readonly searchText: string;
  readonly localText: string;
  readonly zone: string;
  readonly utc: string;
  readonly timeResolution: TimeResolution;
  readonly edited: boolean;
  readonly mediaFileName: string | null;
  /** Null when the message has no media at all. */
  readonly mediaOmitted: boolean | null;
  readonly mediaCaption: string | null;
  readonly mediaFileId: number | null;
  /** JSON of the domain Poll, or null. */
  readonly pollJson: string | null;
  readonly locationUrl: string | null;
  /** Null when the message has no location. */
  readonly locationLive: boolean | null;
  readonly lineStart: number | null;
  readonly lineEnd: number | null;
  readonly byteStart: number | null;
  readonly byteEnd: number | null;
  readonly sourceTable: string | null;
  readonly sourceRowId: number | null;
  readonly sourceModelId: string | null;
  /** WhatsApp key id where the source has one (device databases). */
  readonly keyId: string | null;
  readonly senderJid: string | null;
  /** JSON of `MessageExtras`: the device detail that exports lack, or null. */
  readonly extrasJson: string | null;
}

/** Device detail kept beside a message (see ParsedMessage's optional fields). */
export interface MessageExtras {
  readonly senderIdentity?: SenderIdentity | null;
  readonly replyTo?: ReplyRef | null;
  readonly reactions?: readonly Reaction[];
  readonly deletedBy?: 'sender' | 'admin' | null;
  readonly editedAt?: string | null;
  readonly raw?: Readonly<Record<string, string | number | null>> | null;
  /** The name an export wrote a system line under (see ParsedMessage.displayedAuthor). */
  readonly displayedAuthor?: string | null;
  readonly detail?: MessageDetail | null;
}

export function messageExtras(parsed: ParsedMessage): MessageExtras | null {
  const extras: MessageExtras = {
    ...(parsed.senderIdentity ? { senderIdentity: parsed.senderIdentity } : {}),
    ...(parsed.replyTo ? { replyTo: parsed.replyTo } : {}),
    ...(parsed.reactions && parsed.reactions.length ? { reactions: parsed.reactions } : {}),
    ...(parsed.deletedBy ? { deletedBy: parsed.deletedBy } : {}),
    ...(parsed.editedAt ? { editedAt: parsed.editedAt } : {}),
    ...(parsed.raw ? { raw: parsed.raw } : {}),
    ...(parsed.displayedAuthor ? { displayedAuthor: parsed.displayedAuthor } : {}),
    ...(parsed.detail ? { detail: parsed.detail } : {}),
  };
  return Object.keys(extras).length ? extras : null;
}

export interface MessageRecord extends NewMessage {
  readonly id: number;
}

export interface MessageIds {
  readonly caseId: number;
  readonly conversationId: number;
  readonly exhibitId: number;
  /** The sender's participant id (from `participants.upsertMany`), or null. */
  readonly participantId?: number | null;
  /** The exhibit file holding the attachment, where the export included it. */
  readonly mediaFileId?: number | null;
  /** `messageSearchText(parsed)` where the caller computed it already (e.g. in a parse worker). */
  readonly searchText?: string;
}

/** The text the full-text index sees: the body, plus caption and poll text where the body lacks them. */
export function messageSearchText(parsed: Pick<ParsedMessage, 'text' | 'media' | 'poll'>): string {
  const parts = [parsed.text];
  const add = (s: string | null | undefined): void => {
    if (s && !parsed.text.includes(s)) parts.push(s);
  };
  add(parsed.media?.caption);
  if (parsed.poll) {
    add(parsed.poll.question);
    for (const o of parsed.poll.options) add(o.text);
  }
  return toSearchText(parts.join('\n'));
}

export function toMessageRow(parsed: ParsedMessage, ids: MessageIds): NewMessage {
  const src = parsed.source;
  return {
    caseId: ids.caseId,
    conversationId: ids.conversationId,
    exhibitId: ids.exhibitId,
    seq: parsed.seq,
    sender: parsed.sender,
    participantId: ids.participantId ?? null,
    kind: parsed.kind,
    text: parsed.text,
    searchText: ids.searchText ?? messageSearchText(parsed),
    localText: parsed.time.localText,
    zone: parsed.time.zone,
    utc: parsed.time.utc,
    timeResolution: parsed.time.resolution,
    edited: parsed.edited,
    mediaFileName: parsed.media?.fileName ?? null,
    mediaOmitted: parsed.media ? parsed.media.omitted : null,
    mediaCaption: parsed.media?.caption ?? null,
    mediaFileId: ids.mediaFileId ?? null,
    pollJson: parsed.poll ? JSON.stringify(parsed.poll) : null,
    locationUrl: parsed.location?.url ?? null,
    locationLive: parsed.location ? parsed.location.live : null,
    lineStart: src.type === 'text' ? src.lineStart : null,
    lineEnd: src.type === 'text' ? src.lineEnd : null,
    byteStart: src.type === 'text' ? src.byteStart : null,
    byteEnd: src.type === 'text' ? src.byteEnd : null,
    sourceTable: src.type === 'table' ? src.table : null,
    sourceRowId: src.type === 'table' ? src.rowId : null,
    sourceModelId: src.type === 'xml' ? src.modelId : null,
    keyId: parsed.keyId ?? null,
    senderJid: parsed.senderIdentity?.jid ?? null,
    extrasJson: extrasJson(parsed),
  };
}

function extrasJson(parsed: ParsedMessage): string | null {
  const extras = messageExtras(parsed);
  return extras ? JSON.stringify(extras) : null;
}

/** Back to the domain shape (without the system event, which lives in membership_events). */
export function toParsedMessage(row: MessageRecord, system: SystemEvent | null = null): ParsedMessage {
  const source: ParsedMessage['source'] =
    row.sourceTable !== null && row.sourceRowId !== null
      ? { type: 'table', table: row.sourceTable, rowId: row.sourceRowId }
      : row.sourceModelId !== null
        ? { type: 'xml', modelId: row.sourceModelId }
        : {
            type: 'text',
            lineStart: row.lineStart ?? 0,
            lineEnd: row.lineEnd ?? 0,
            byteStart: row.byteStart ?? 0,
            byteEnd: row.byteEnd ?? 0,
          };
  const extras = row.extrasJson === null ? {} : (JSON.parse(row.extrasJson) as MessageExtras);
  return {
    ...extras,
    ...(row.keyId === null ? {} : { keyId: row.keyId }),
    seq: row.seq,
    sender: row.sender,
    kind: row.kind,
    text: row.text,
    time: { localText: row.localText, zone: row.zone, utc: row.utc, resolution: row.timeResolution },
    edited: row.edited,
    media:
      row.mediaOmitted === null
        ? null
        : { fileName: row.mediaFileName, omitted: row.mediaOmitted, caption: row.mediaCaption },
    poll: row.pollJson === null ? null : (JSON.parse(row.pollJson) as Poll),
    location: row.locationLive === null ? null : { url: row.locationUrl, live: row.locationLive },
    system,
    source,
  };
}

export interface NewMembershipEvent {
  readonly caseId: number;
  readonly conversationId: number;
  readonly messageId: number;
  readonly type: MembershipEventType;
  readonly actor: string | null;
  readonly targets: readonly string[];
  readonly value: string | null;
  readonly previousValue: string | null;
  readonly utc: string;
}

export interface MembershipEventRecord extends NewMembershipEvent {
  readonly id: number;
}

export function toMembershipEventRow(
  parsed: ParsedMessage,
  ids: { readonly caseId: number; readonly conversationId: number; readonly messageId: number },
): NewMembershipEvent | null {
  const s = parsed.system;
  if (!s) return null;
  return {
    caseId: ids.caseId,
    conversationId: ids.conversationId,
    messageId: ids.messageId,
    type: s.type,
    actor: s.actor,
    targets: s.targets,
    value: s.value,
    previousValue: s.previousValue,
    utc: parsed.time.utc,
  };
}

export interface MessageFilters {
  readonly sender?: string | null;
  /** Inclusive lower bound, ISO 8601 UTC. */
  readonly from?: string;
  /** Exclusive upper bound, ISO 8601 UTC. */
  readonly to?: string;
  readonly kind?: MessageKind;
  /** Search box text (see search-query.ts). */
  readonly search?: string;
  readonly conversationId?: number;
  readonly exhibitId?: number;
  /** Page size; default 500, at most 10,000. */
  readonly limit?: number;
  /** Keyset cursor: the id of the last message of the previous page. */
  readonly afterId?: number;
}

export interface MessagePage {
  readonly messages: MessageRecord[];
  /** Pass as `afterId` for the next page; null when this was the last page. */
  readonly nextAfterId: number | null;
}

export interface MessageStats {
  readonly messages: number;
  readonly byKind: Record<string, number>;
  readonly bySender: { readonly sender: string | null; readonly messages: number }[];
  readonly conversations: {
    readonly id: number;
    readonly name: string;
    readonly messages: number;
    readonly participants: number;
  }[];
  /** Earliest and latest UTC time, or null when the case has no messages. */
  readonly first: string | null;
  readonly last: string | null;
  /** How many of `messages` the full-text index holds: fewer while it is still building (issue 20). */
  readonly searchIndexed: number;
}

export interface NewAuditEntry {
  readonly actor: string;
  readonly action: string;
  readonly caseId?: number | null;
  readonly subject?: string | null;
  readonly detail?: unknown;
  /** Defaults to now. */
  readonly at?: string;
}

export interface AuditEntry {
  readonly id: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly caseId: number | null;
  readonly subject: string | null;
  /** Canonical JSON of the detail, exactly as hashed. */
  readonly detailJson: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly entries: number;
  /** The first entry that does not verify, and why. */
  readonly firstBad?: { readonly id: number; readonly reason: string };
  /**
   * The last entry that verified: record its hash outside the workspace and give it to
   * `verify --expect-head` later, to detect entries removed from the end. Null: empty chain.
   */
  readonly head?: { readonly id: number; readonly hash: string } | null;
}
