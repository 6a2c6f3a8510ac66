import type { DateOrder, ExportImportReport } from '../domain/import-report.js';
import type { ParsedMessage } from '../domain/message.js';
import type { ExportParseOptions } from '../ingest/whatsapp-text/api.js';

export interface ParseWorkerInput {
  readonly path: string;
  readonly options: ExportParseOptions;
  /** Int32Array[1]: batches the main thread will accept now. */
  readonly credits: SharedArrayBuffer;
}

export interface WorkerMessage {
  readonly message: ParsedMessage;
  readonly searchText: string;
}

export type FromParseWorker =
  | { readonly type: 'plan'; readonly dateOrder: DateOrder; readonly conversationName: string | null }
  | { readonly type: 'batch'; readonly messages: WorkerMessage[] }
  | { readonly type: 'done'; readonly report: ExportImportReport }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly details: { file?: string; line?: number; code?: string };
      readonly stack: string;
    };
