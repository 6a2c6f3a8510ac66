import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { UserError } from '../domain/errors.js';
import type { ExportParseOptions } from '../ingest/whatsapp-text/api.js';
import type { FromParseWorker, WorkerBatch } from './parse-worker-protocol.js';
import type { DateOrder, ExportImportReport } from '../domain/import-report.js';

/** Batches parsed ahead of the store; enough to keep both threads busy, small enough for flat memory. */
const IN_FLIGHT = 2;
/** Old-generation heap of the parse worker: a batch is a few MiB; a 64 KiB-line worst case fits many times over. */
const WORKER_HEAP_MIB = 128;

/** The compiled worker: beside this file when built, or in dist/ when running from sources (tests). */
function workerUrl(): URL {
  const here = new URL('./parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here;
  const built = new URL('../../dist/src/evidence/parse-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built;
  throw new Error('the parse worker is not built: run `npm run build`');
}

export interface WorkerParse {
  readonly dateOrder: DateOrder;
  readonly conversationName: string | null;
  /** Batches in file order; returns the import report when the file is done. */
  batches(): AsyncGenerator<WorkerBatch, ExportImportReport, undefined>;
  stop(): Promise<void>;
}

function toError(m: Extract<FromParseWorker, { type: 'error' }>): Error {
  if (m.name === 'EvidenceError') {
    const err = new UserError(m.message, m.details);
    err.name = 'EvidenceError';
    return err;
  }
  if (m.name === 'UserError') return new UserError(m.message, m.details);
  const err = new Error(`parse worker failed: ${m.message}`);
  err.stack = m.stack;
  return err;
}

/**
 * Start parsing `path` on a worker thread. Resolves once the first pass has decided the header
 * variant and date order (or rejects with the evidence error that stops the import).
 */
export async function parseInWorker(path: string, options: ExportParseOptions): Promise<WorkerParse> {
  const credits = new SharedArrayBuffer(4);
  const counter = new Int32Array(credits);
  // A bounded heap makes the worker collect as it goes instead of growing: it holds one batch at a time.
  const worker = new Worker(workerUrl(), {
    workerData: { path, options, credits },
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MIB },
  });
  const queue: FromParseWorker[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: FromParseWorker) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`parse worker exited with code ${code}`);
    wake?.();
  });
  const next = async (): Promise<FromParseWorker> => {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'error') throw toError(m);
        return m;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  const stop = async () => {
    await worker.terminate();
  };
  let first: FromParseWorker;
  try {
    first = await next();
  } catch (err) {
    await stop();
    throw err;
  }
  if (first.type !== 'plan') throw new Error(`parse worker sent ${first.type} before its plan`);
  return {
    dateOrder: first.dateOrder,
    conversationName: first.conversationName,
    async *batches() {
      Atomics.store(counter, 0, IN_FLIGHT);
      Atomics.notify(counter, 0);
      for (;;) {
        const m = await next();
        if (m.type === 'done') return m.report;
        if (m.type !== 'batch') throw new Error(`parse worker sent ${m.type} twice`);
        yield m.batch;
        Atomics.add(counter, 0, 1);
        Atomics.notify(counter, 0);
      }
    },
    stop,
  };
}
