/**
 * The parse side of an export import, on its own thread (worker-channel.ts): reads the export twice
 * (the plan, then the messages) and sends batches of parsed messages as store rows.
 */
import type { ExportImportReport } from '../domain/import-report.js';
import { fileSource } from '../ingest/whatsapp-text/lines.js';
import { planExport, readExport } from '../ingest/whatsapp-text/parse-export.js';
import { MESSAGE_WIDTH, putMessageCells, type CellValue } from '../store/message-cells.js';
import { messageSearchText, toMembershipEventRow, toMessageRow } from '../store/types.js';
import type { ParseHello, ParseWorkerInput, WorkerBatch } from './parse-worker-protocol.js';
import { serveChannel } from './worker-channel-sender.js';

const BATCH = 5_000;

serveChannel<ParseWorkerInput, ParseHello, WorkerBatch, ExportImportReport>((input, send) => {
  const { options } = input;
  const source = fileSource(input.path, options.fileName);
  const plan = planExport(source, options);
  send.hello({ dateOrder: plan.dateOrder, conversationName: plan.conversationName });
  const reader = readExport(source, options, plan);
  const unknown = { caseId: 0, conversationId: 0, exhibitId: 0, messageId: 0 };
  let cells: CellValue[] = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
  let events: WorkerBatch['events'][number][] = [];
  let count = 0;
  let byteEnd: number | null = null;
  const flush = () => {
    if (count < BATCH) cells.length = count * MESSAGE_WIDTH;
    send.batch({ count, cells, events, byteEnd });
    cells = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
    events = [];
    count = 0;
  };
  for (;;) {
    const next = reader.next();
    if (next.done) {
      if (count) flush();
      send.done(next.value.report);
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
});
