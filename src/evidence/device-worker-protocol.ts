import type { DeviceConversation, DeviceNotice, DeviceReadOptions } from '../ingest/device/api.js';
import type { RowAccount } from '../domain/import-report.js';
import type { CellValue } from '../store/message-cells.js';
import type { BatchEvent } from './parse-worker-protocol.js';

export interface DeviceWorkerInput {
  /** The staged copy of the stored original (with its -wal and wa.db beside it). */
  readonly path: string;
  readonly options: DeviceReadOptions;
}

/** What the reader knows before the first message: the conversations and their participants. */
export interface DeviceHello {
  readonly conversations: DeviceConversation[];
  readonly ownerJid: string | null;
}

/**
 * Messages as store rows (message-cells.ts) with the ids the storing thread owns left 0/null, and
 * per message what it needs to fill them: the conversation (index into hello.conversations) and
 * the sender's participant key (JID, else `name:` + display name; null for none).
 */
export interface DeviceBatch {
  readonly count: number;
  readonly cells: CellValue[];
  readonly conversation: number[];
  readonly senderKey: (string | null)[];
  readonly events: readonly BatchEvent[];
}

export interface DeviceDone {
  readonly notices: DeviceNotice[];
  /** Every row of every message-bearing table, imported or counted with its reason. */
  readonly rowAccounts: RowAccount[];
}
