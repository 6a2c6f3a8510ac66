import type { DateOrder } from '../domain/import-report.js';
import type {
  ReaderInput,
  SourceConversation,
  SourceFormat,
  SourceSummary,
} from '../ingest/source-reader.js';
import type { CellValue } from '../store/message-cells.js';
import type { NewMembershipEvent } from '../store/types.js';

/** What the reading thread is given: the format (its reader is in src/ingest/readers.ts) and the reader's input. */
export interface ReadWorkerInput {
  readonly format: SourceFormat;
  readonly input: ReaderInput;
}

/** What the reader knows before the first message. */
export interface ReadHello {
  readonly conversations: readonly SourceConversation[];
  readonly dateOrder: DateOrder | null;
  readonly receivedAs: string;
}

/** A membership event of a batch, with the index of its message in the batch. */
export type BatchEvent = Omit<NewMembershipEvent, 'caseId' | 'conversationId' | 'messageId'> & {
  readonly index: number;
};

/**
 * Messages as store rows (message-cells.ts). The reading thread cannot know the case,
 * conversation, exhibit, participant or media-file ids, which the storing thread creates: it leaves
 * those cells 0/null and sends, per message, what the storing thread needs to fill them: the
 * conversation (index into the hello's), the sender's participant key and the attachment's path.
 */
export interface ReadBatch {
  readonly count: number;
  readonly cells: CellValue[];
  readonly conversation: number[];
  readonly senderKey: (string | null)[];
  readonly mediaPath: (string | null)[];
  readonly events: readonly BatchEvent[];
  /** [done, total] after this batch, in the reader's unit. */
  readonly progress: readonly [number, number];
}

export type ReadDone = SourceSummary;
