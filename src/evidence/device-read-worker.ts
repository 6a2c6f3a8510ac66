/**
 * The reading side of a device import (msgstore.db, ChatStorage.sqlite, UFDR) on its own thread
 * (worker-channel.ts): the reader's queries and row mapping run here while the main thread stores.
 */
import { openDeviceReader } from '../ingest/device/api.js';
import { MESSAGE_WIDTH, putMessageCells, type CellValue } from '../store/message-cells.js';
import { toMembershipEventRow, toMessageRow } from '../store/types.js';
import type { DeviceBatch, DeviceDone, DeviceHello, DeviceWorkerInput } from './device-worker-protocol.js';
import type { BatchEvent } from './parse-worker-protocol.js';
import { serveChannel } from './worker-channel-sender.js';

const BATCH = 5_000;

serveChannel<DeviceWorkerInput, DeviceHello, DeviceBatch, DeviceDone>((input, send) => {
  const reader = openDeviceReader(input.path, input.options);
  try {
    send.hello({ conversations: reader.conversations, ownerJid: reader.ownerJid });
    const index = new Map(reader.conversations.map((c, i) => [c.key, i]));
    const unknown = { caseId: 0, conversationId: 0, exhibitId: 0, messageId: 0 };
    let cells = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
    let conversation: number[] = [];
    let senderKey: (string | null)[] = [];
    let events: BatchEvent[] = [];
    let count = 0;
    const flush = () => {
      if (count < BATCH) cells.length = count * MESSAGE_WIDTH;
      send.batch({ count, cells, conversation, senderKey, events });
      cells = new Array<CellValue>(BATCH * MESSAGE_WIDTH);
      conversation = [];
      senderKey = [];
      events = [];
      count = 0;
    };
    for (const { conversationKey, message: m } of reader.messages()) {
      const c = index.get(conversationKey);
      if (c === undefined) throw new Error(`message in unknown conversation ${conversationKey}`);
      putMessageCells(toMessageRow(m, unknown), cells, count * MESSAGE_WIDTH);
      conversation.push(c);
      senderKey.push(m.senderIdentity?.jid ?? (m.sender !== null ? `name:${m.sender}` : null));
      const event = toMembershipEventRow(m, unknown);
      if (event) {
        const { type, actor, targets, value, previousValue, utc } = event;
        events.push({ index: count, type, actor, targets, value, previousValue, utc });
      }
      if (++count >= BATCH) flush();
    }
    if (count) flush();
    send.done({ notices: reader.notices, rowAccounts: reader.rowAccounts });
  } finally {
    reader.close();
  }
});
