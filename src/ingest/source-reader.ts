/**
 * What every source format's reader is to the one import sequence (src/evidence/import-sequence.ts):
 * a reader only reads and yields (conversations, their participants, messages with their membership
 * events, notices, a report); it knows no store, no exhibit and no evidence folder. The sequence
 * does the rest once for every format: it stores and hashes the files, records the exhibit and its
 * continuity, creates the conversations and participants, fills in ids, inserts, and writes the
 * import report and the audit entry. Readers are registered by format in ./readers.ts.
 */
import type { Readable } from 'node:stream';

import type { DateOrder, ImportReport } from '../domain/import-report.js';
import type { ParsedMessage, SenderIdentity } from '../domain/message.js';
import type { ZipLimits } from './zip/zip.js';

/** Every format a file can be read as, decided from its content (./detect-format.ts). */
export type SourceFormat =
  'whatsapp-text' | 'whatsapp-zip' | 'android-msgstore' | 'ios-chatstorage' | 'ufdr' | 'rsmf';

/** What a file inside the original is to the exhibit. */
export type ContainedRole = 'chat' | 'media' | 'other';

/** A file inside the original (an archive entry), kept and hashed as one of the exhibit's files. */
export interface ContainedFile {
  readonly path: string;
  readonly role: ContainedRole;
  open(): Promise<Readable>;
}

export interface Contents {
  readonly files: readonly ContainedFile[];
  close(): void;
}

/** Files beside the original that are part of what is read (e.g. msgstore.db-wal). */
export type Companion = 'wal' | 'journal';

export interface SourceParticipant {
  /** How messages name this participant (`SourceMessage.senderKey`): JID, party id, `name:` + name. */
  readonly key: string;
  readonly displayName: string;
  readonly identity: SenderIdentity;
  /** null where the source does not say. */
  readonly isAdmin: boolean | null;
  /** Listed as a member now (true), seen only in messages (false), or unknown (null). */
  readonly current: boolean | null;
}

export interface SourceConversation {
  /** The source's own key (chat JID, model id), or null where it has none (an export's one chat). */
  readonly sourceKey: string | null;
  readonly name: string;
  /** null where the source does not say. */
  readonly isGroup: boolean | null;
  readonly groupJid: string | null;
  readonly participants: readonly SourceParticipant[];
}

export interface SourceMessage {
  /** Index into `OpenSource.conversations`. */
  readonly conversation: number;
  readonly message: ParsedMessage;
  /**
   * The sender's participant key; null where the message has no participant. A key the
   * conversation's participants do not list makes a participant of the message's sender name.
   */
  readonly senderKey: string | null;
  /** Path of the contained file this message's attachment is, or null. */
  readonly mediaPath: string | null;
}

/** What reading ended with: the import report and the continuity log's "parsed" line. */
export interface SourceSummary {
  readonly report: ImportReport;
  readonly parsed: string;
}

export interface ReaderInput {
  /** The stored original (staged with its companions beside it). */
  readonly path: string;
  /** The original's file name: named in every error and notice. */
  readonly label: string;
  /** IANA zone declared on the exhibit. */
  readonly zone: string;
  /** `zone` was given by the investigator, not a default. */
  readonly zoneDeclared: boolean;
  readonly dateOrder: 'auto' | DateOrder;
  readonly zipLimits: ZipLimits;
  /** The contained files as stored (`contents`), each with the absolute path of its stored copy. */
  readonly contained: readonly {
    readonly path: string;
    readonly role: ContainedRole;
    readonly file: string;
  }[];
  /** A contacts database given beside the original (Android wa.db), staged under its own name. */
  readonly contactsPath: string | null;
  readonly ownerPhone: string | null;
  readonly ownerName: string | null;
  /**
   * A reader that must survey the whole source before its first message (an export's header
   * variants, date order, group names) may decide from the source's start instead, and confirm at
   * the end: where the end contradicts the start it throws an EvidenceError coded `replan`, and the
   * import is rolled back and read again with this false (whole source first).
   */
  readonly decideEarly: boolean;
}

/** The code of the EvidenceError a reader throws where the source's end contradicts its start. */
export const REPLAN = 'replan';

export interface OpenSource {
  /** Known before the first message; messages refer to them by index. */
  readonly conversations: readonly SourceConversation[];
  /** The date order the source is read in, where it has one (an export's). */
  readonly dateOrder: DateOrder | null;
  /** How the continuity log names what was received, e.g. "WhatsApp export archive". */
  readonly receivedAs: string;
  /** Every message, each conversation's in source order; returns the summary. */
  messages(): Generator<SourceMessage, SourceSummary, undefined>;
  /** Progress so far as [done, total] in the reader's own unit (bytes, rows). */
  progress(): readonly [number, number];
  /** Releases what the reader holds (a temporary copy, a file). Safe to call twice. */
  close(): void;
}

export interface SourceReader {
  /** Recorded on the exhibit as its parser and parser version. */
  readonly parser: string;
  readonly version: string;
  /** Old-generation heap of the reading thread in MiB (null: Node's default). */
  readonly workerHeapMiB: number | null;
  /** Files named `<original>-<companion>` that are read with it, where present. */
  readonly companions: readonly Companion[];
  /** Whether a contacts database (--contacts) may be given beside the original. */
  readonly takesContacts: boolean;
  /** An export's system lines call the phone's owner "You": the owner is linked to them. */
  readonly ownerIsYou: boolean;
  /** The files inside the original, listed before it is read; absent for a format that has none. */
  contents?(path: string, label: string, limits: ZipLimits): Promise<Contents>;
  /** Opens the source for reading; runs on the reading thread. */
  open(input: ReaderInput): OpenSource;
}
