import type { DateOrder, ExportImportReport } from '../domain/import-report.js';
import type { CellValue } from '../store/message-cells.js';
import type { NewMembershipEvent } from '../store/types.js';
import type { ExportParseOptions } from '../ingest/whatsapp-text/api.js';

export interface ParseWorkerInput {
  readonly path: string;
  readonly options: ExportParseOptions;
  /** Int32Array[1]: batches the main thread will accept now. */
  readonly credits: SharedArrayBuffer;
}

/**
 * Parsed messages as store rows (see message-cells.ts). The worker cannot know the case,
 * conversation, exhibit, participant or media-file ids, which the storing thread creates: it leaves
 * those cells 0/null for the storing thread to fill in.
 */
export interface WorkerBatch {
  readonly count: number;
  readonly cells: CellValue[];
  /** Membership events, each with the index of its message in the batch. */
  readonly events: readonly (Omit<NewMembershipEvent, 'caseId' | 'conversationId' | 'messageId'> & {
    readonly index: number;
  })[];
  /** Byte offset just past the batch's last message, for progress. */
  readonly byteEnd: number | null;
}

export type FromParseWorker =
  | { readonly type: 'plan'; readonly dateOrder: DateOrder; readonly conversationName: string | null }
  | { readonly type: 'batch'; readonly batch: WorkerBatch }
  | { readonly type: 'done'; readonly report: ExportImportReport }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly details: { file?: string; line?: number; code?: string };
      readonly stack: string;
    };
