import type { DateOrder } from '../domain/import-report.js';
import type { CellValue } from '../store/message-cells.js';
import type { NewMembershipEvent } from '../store/types.js';
import type { ExportParseOptions } from '../ingest/whatsapp-text/api.js';

export interface ParseWorkerInput {
  readonly path: string;
  readonly options: ExportParseOptions;
}

/** What the first pass decided, before any message is stored. */
export interface ParseHello {
  readonly dateOrder: DateOrder;
  readonly conversationName: string | null;
}

/** A membership event of a batch, with the index of its message in the batch. */
export type BatchEvent = Omit<NewMembershipEvent, 'caseId' | 'conversationId' | 'messageId'> & {
  readonly index: number;
};

/**
 * Parsed messages as store rows (see message-cells.ts). The worker cannot know the case,
 * conversation, exhibit, participant or media-file ids, which the storing thread creates: it leaves
 * those cells 0/null for the storing thread to fill in.
 */
export interface WorkerBatch {
  readonly count: number;
  readonly cells: CellValue[];
  readonly events: readonly BatchEvent[];
  /** Byte offset just past the batch's last message, for progress. */
  readonly byteEnd: number | null;
}
