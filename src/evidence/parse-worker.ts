/**
 * The parse side of an import, on its own thread so parsing and storing use both cores. The main
 * thread keeps the store (one connection, one transaction); this thread reads the export twice and
 * sends batches of parsed messages, never more than the main thread has granted (flow control over
 * a shared counter), so memory stays flat however far parsing runs ahead.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { UserError } from '../domain/errors.js';
import type { ExportParseOptions } from '../ingest/whatsapp-text/api.js';
import { fileSource } from '../ingest/whatsapp-text/lines.js';
import { planExport, readExport } from '../ingest/whatsapp-text/parse-export.js';
import { messageSearchText } from '../store/types.js';
import type { FromParseWorker, ParseWorkerInput, WorkerMessage } from './parse-worker-protocol.js';

const BATCH = 5_000;

function send(message: FromParseWorker): void {
  parentPort?.postMessage(message);
}

function main(input: ParseWorkerInput): void {
  const credits = new Int32Array(input.credits);
  const options: ExportParseOptions = input.options;
  const source = fileSource(input.path, input.options.fileName);
  const plan = planExport(source, options);
  send({ type: 'plan', dateOrder: plan.dateOrder, conversationName: plan.conversationName });
  const reader = readExport(source, options, plan);
  let batch: WorkerMessage[] = [];
  const flush = () => {
    // Block until the main thread has room for another batch.
    while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, 0);
    Atomics.sub(credits, 0, 1);
    send({ type: 'batch', messages: batch });
    batch = [];
  };
  for (;;) {
    const next = reader.next();
    if (next.done) {
      if (batch.length) flush();
      send({ type: 'done', report: next.value.report });
      return;
    }
    batch.push({ message: next.value, searchText: messageSearchText(next.value) });
    if (batch.length >= BATCH) flush();
  }
}

try {
  main(workerData as ParseWorkerInput);
} catch (err) {
  const e = err as UserError;
  send({
    type: 'error',
    name: e.name ?? 'Error',
    message: e.message ?? String(err),
    details: e.details ?? {},
    stack: e.stack ?? '',
  });
}
