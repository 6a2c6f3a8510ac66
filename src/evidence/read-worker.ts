/**
 * The reading side of every import, on its own thread (worker-channel.ts): the format's reader
 * (src/ingest/readers.ts) reads and maps rows here while the main thread stores.
 */
import { READERS } from '../ingest/readers.js';
import { MESSAGE_WIDTH, putMessageCells, type CellValue } from '../store/message-cells.js';
import { toMembershipEventRow, toMessageRow } from '../store/types.js';
import type { BatchEvent, ReadBatch, ReadDone, ReadHello, ReadWorkerInput } from './read-worker-protocol.js';
import { serveChannel } from './worker-channel-sender.js';

const BATCH = 5_000;

serveChannel<ReadWorkerInput, ReadHello, ReadBatch, ReadDone>(({ format, input }, send) => {
  const source = READERS[format].open(input);
  try {
    send.hello({
      conversations: source.conversations,
      dateOrder: source.dateOrder,
      receivedAs: source.receivedAs,
    });
    const unknown = { caseId: 0, conversationId: 0, exhibitId: 0, messageId: 0 };
    let cells = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
    let conversation: number[] = [];
    let senderKey: (string | null)[] = [];
    let mediaPath: (string | null)[] = [];
    let events: BatchEvent[] = [];
    let count = 0;
    const flush = () => {
      if (count < BATCH) cells.length = count * MESSAGE_WIDTH;
      send.batch({ count, cells, conversation, senderKey, mediaPath, events, progress: source.progress() });
      cells = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
      conversation = [];
      senderKey = [];
      mediaPath = [];
      events = [];
      count = 0;
    };
    const messages = source.messages();
    for (;;) {
      const next = messages.next();
      if (next.done) {
        if (count) flush();
        send.done(next.value);
        return;
      }
      const { message: m } = next.value;
      putMessageCells(toMessageRow(m, unknown), cells, count * MESSAGE_WIDTH);
      conversation.push(next.value.conversation);
      senderKey.push(next.value.senderKey);
      mediaPath.push(next.value.mediaPath);
      const event = toMembershipEventRow(m, unknown);
      if (event) {
        const { type, actor, targets, value, previousValue, utc } = event;
        events.push({ index: count, type, actor, targets, value, previousValue, utc });
      }
      if (++count >= BATCH) flush();
    }
  } finally {
    source.close();
  }
});
