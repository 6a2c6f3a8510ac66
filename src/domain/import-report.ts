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
  | 'encoding'
  // Device databases:
  | 'owner_unknown'
  | 'wal_included'
  | 'journal_present'
  | 'unmapped_code'
  | 'skipped_rows'
  | 'not_read'
  | 'contacts';

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

/** What reading a device database or forensic report found. */
export interface DeviceImportReport {
  readonly kind: 'device';
  readonly format: 'android-msgstore' | 'ios-chatstorage' | 'ufdr' | 'rsmf';
  readonly readerVersion: string;
  readonly conversations: number;
  readonly messages: number;
  readonly ownerJid: string | null;
  readonly notices: readonly ImportNotice[];
}

export type ImportReport = ExportImportReport | DeviceImportReport;
