import type { ImportNoticeCode, RowAccount } from '../../domain/import-report.js';
import type { ParsedMessage, SenderIdentity } from '../../domain/message.js';

/** What the device readers return: one shape for Android, iOS and UFDR. */

export type DeviceFormat = 'android-msgstore' | 'ios-chatstorage' | 'ufdr';

export interface DeviceParticipant {
  /** JID (or UFDR party identifier) of the participant. */
  readonly key: string;
  readonly displayName: string;
  readonly identity: SenderIdentity;
  /** null where the source does not say. */
  readonly isAdmin: boolean | null;
  /** Listed as a member now (true), seen only in messages (false), or unknown (null). */
  readonly current: boolean | null;
}

export interface DeviceConversation {
  /** Chat JID (Android, iOS) or the UFDR Chat model id. */
  readonly key: string;
  readonly name: string | null;
  readonly isGroup: boolean;
  readonly groupJid: string | null;
  readonly createdUtc: string | null;
  readonly participants: DeviceParticipant[];
}

export interface DeviceReadOptions {
  /** The exhibit's name, used in every error and notice. */
  readonly fileName: string;
  /** IANA zone declared on the exhibit: `time.localText` is rendered in it. */
  readonly zone: string;
  /** Android wa.db beside msgstore.db (contacts: address-book and push names). */
  readonly contactsPath?: string | null;
  readonly ownerPhone?: string | null;
  readonly ownerName?: string | null;
}

/**
 * Notice codes the device readers add. `ImportNoticeCode` in src/domain does not list them yet;
 * the lead widens that union when wiring (the shape is otherwise ImportNotice's).
 */
export type DeviceNoticeCode =
  | 'owner_unknown'
  | 'wal_included'
  | 'journal_present'
  | 'unmapped_code'
  | 'skipped_rows'
  | 'not_read'
  | 'contacts'
  | 'trailing_bytes'
  | 'rows_not_imported'
  | 'schema_transition';

export interface DeviceNotice {
  readonly code: ImportNoticeCode | DeviceNoticeCode;
  readonly message: string;
  readonly line: number | null;
}

export interface DeviceMessage {
  readonly conversationKey: string;
  readonly message: ParsedMessage;
}

export interface DeviceReader {
  readonly format: DeviceFormat;
  readonly conversations: DeviceConversation[];
  /** The phone owner's JID where the source or the caller tells it. */
  readonly ownerJid: string | null;
  /** Grows while messages() runs (e.g. unmapped codes are counted as they are met). */
  readonly notices: DeviceNotice[];
  /**
   * Every row of every message-bearing table, imported or counted with its reason; complete once
   * messages() has run to its end.
   */
  readonly rowAccounts: RowAccount[];
  /** Every message, conversation by conversation, each in its source order (seq from 0). */
  messages(): Generator<DeviceMessage>;
  /** Closes the database and removes the temporary copy. Safe to call twice. */
  close(): void;
}
