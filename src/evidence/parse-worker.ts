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
import { MESSAGE_WIDTH, putMessageCells, type CellValue } from '../store/message-cells.js';
import { messageSearchText, toMembershipEventRow, toMessageRow } from '../store/types.js';
import type { FromParseWorker, ParseWorkerInput, WorkerBatch } from './parse-worker-protocol.js';

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
  const unknown = { caseId: 0, conversationId: 0, exhibitId: 0, messageId: 0 };
  let cells: CellValue[] = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
  let events: WorkerBatch['events'][number][] = [];
  let count = 0;
  let byteEnd: number | null = null;
  const flush = () => {
    // Block until the main thread has room for another batch.
    while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, 0);
    Atomics.sub(credits, 0, 1);
    if (count < BATCH) cells.length = count * MESSAGE_WIDTH;
    send({ type: 'batch', batch: { count, cells, events, byteEnd } });
    cells = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
    events = [];
    count = 0;
  };
  for (;;) {
    const next = reader.next();
    if (next.done) {
      if (count) flush();
      send({ type: 'done', report: next.value.report });
      return;
    }
    const m = next.value;
    putMessageCells(
      toMessageRow(m, { ...unknown, searchText: messageSearchText(m) }),
      cells,
      count * MESSAGE_WIDTH,
    );
    const event = toMembershipEventRow(m, unknown);
    if (event) {
      const { type, actor, targets, value, previousValue, utc } = event;
      events.push({ index: count, type, actor, targets, value, previousValue, utc });
    }
    if (m.source.type === 'text') byteEnd = m.source.byteEnd;
    if (++count >= BATCH) flush();
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
