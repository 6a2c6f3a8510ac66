import type { ExportImportReport } from '../domain/import-report.js';
import type { ExportParseOptions } from '../ingest/whatsapp-text/api.js';
import type { ParseHello, ParseWorkerInput, WorkerBatch } from './parse-worker-protocol.js';
import { openWorkerChannel, type WorkerChannel } from './worker-channel.js';
import { builtWorkerUrl } from '../worker-url.js';

/**
 * Old-generation heap of the parse worker: a batch is a few MiB; a 64 KiB-line worst case fits many
 * times over. Bounded, the worker collects as it goes instead of growing: it holds one batch at a time.
 */
const PARSE_WORKER_HEAP_MIB = 128;

export type WorkerParse = WorkerChannel<ParseHello, WorkerBatch, ExportImportReport>;

/**
 * Start parsing `path` on a worker thread. Resolves once the first pass has decided the header
 * variant and date order (or rejects with the evidence error that stops the import).
 */
export function parseInWorker(path: string, options: ExportParseOptions): Promise<WorkerParse> {
  return openWorkerChannel<ParseWorkerInput, ParseHello, WorkerBatch, ExportImportReport>(
    builtWorkerUrl(import.meta.url, 'parse-worker.js'),
    { path, options },
    PARSE_WORKER_HEAP_MIB,
  );
}
