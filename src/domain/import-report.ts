/**
 * What an import tells the investigator about lines it could not read as messages, and about
 * choices it made. Every input line is either in a message's span or listed here.
 */

export type ReportedLineReason =
  /** Text before the first message header (never silently dropped). */
  'before_first_header';

export interface ReportedLine {
  readonly line: number;
  readonly byteStart: number;
  readonly byteEnd: number;
  readonly reason: ReportedLineReason;
  readonly text: string;
}

export type ImportNoticeCode =
  | 'date_order_inferred'
  | 'date_order_declared'
  | 'time_ambiguous'
  | 'time_nonexistent'
  | 'header_like_continuation'
  | 'out_of_order'
  | 'media_missing'
  /** A media file in the evidence that no message names (issue 17). */
  | 'media_unreferenced'
  /** How device media were linked where it is not by hash or full path (UFDR path vs file name only). */
  | 'media_linked'
  /** A phone's own thumbnail file (`.thumb`) beside the media item it belongs to (issue 17). */
  | 'media_device_thumbnail'
  | 'encoding'
  /** A line shaped as a system line whose wording no phrase table knows: kept as a system line. */
  | 'unknown_system_text'
  // Device databases:
  | 'owner_unknown'
  | 'wal_included'
  | 'journal_present'
  | 'unmapped_code'
  | 'skipped_rows'
  | 'not_read'
  | 'contacts'
  /** Bytes after a SQLite database's last page, left out of what was read. */
  | 'trailing_bytes'
  /** Rows of a message-bearing table that were not imported, counted by reason. */
  | 'rows_not_imported'
  /** Android: both table families exist; says which was read. */
  | 'schema_transition';

export interface ImportNotice {
  readonly code: ImportNoticeCode;
  readonly message: string;
  readonly line: number | null;
}

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

/** What reading an export text found. */
export interface ExportImportReport {
  readonly kind: 'export';
  readonly lines: number;
  readonly messages: number;
  readonly reportedLines: readonly ReportedLine[];
  readonly notices: readonly ImportNotice[];
  readonly dateOrder: DateOrder;
  /** Why that date order: which evidence in the file decided it, or that the user declared it. */
  readonly dateOrderBasis: string;
  readonly headerStyle: string;
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
}

/** Why a row of a message-bearing table (or a model, or an event) was not imported as a message. */
export type RowSkipReason =
  /** Android's placeholder row (chat "-1", or a row of no chat in a table that holds nothing else). */
  | 'placeholder'
  /** status@broadcast: status updates the phone saw, not a chat. */
  | 'status_broadcast'
  /** @newsletter: posts of a WhatsApp channel the phone follows, not a chat. */
  | 'newsletter'
  /** The row names a chat the database does not list. */
  | 'no_chat'
  /** Schema in transition: the same message (chat, key id, direction) is also in the other table, and was read from there. */
  | 'same_key_in_other_table'
  /** A UFDR message without a readable TimeStamp. */
  | 'no_timestamp'
  /** A UFDR chat of another app than WhatsApp. */
  | 'other_app'
  /** A UFDR InstantMessage model outside any Chat model (this version reads messages inside chats). */
  | 'outside_chat'
  /** Rows the table holds that the reader's query never met (should not happen; said if it does). */
  | 'not_reached';

/** Every row of one message-bearing table: imported, or counted with its reason. */
export interface RowAccount {
  /** `message`, `messages`, `ZWAMESSAGE`, `InstantMessage` (UFDR models) or `events` (RSMF). */
  readonly table: string;
  readonly rows: number;
  readonly imported: number;
  readonly notImported: readonly {
    readonly reason: RowSkipReason;
    readonly rows: number;
    /** The first few row ids (or model / event ids) of those rows. */
    readonly examples: readonly (number | string)[];
  }[];
}

/** What reading a device database or forensic report found. */
export interface DeviceImportReport {
  readonly kind: 'device';
  readonly format: 'android-msgstore' | 'ios-chatstorage' | 'ufdr' | 'rsmf';
  readonly readerVersion: string;
  readonly conversations: number;
  readonly messages: number;
  readonly ownerJid: string | null;
  readonly notices: readonly ImportNotice[];
  /** Every row of every message-bearing table, imported or counted with its reason (readers from issue 13 on). */
  readonly rowAccounts?: readonly RowAccount[];
}

export type ImportReport = ExportImportReport | DeviceImportReport;
