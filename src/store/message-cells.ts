/**
 * A message row as a run of cells in the messages table's insert column order. Bulk imports move
 * rows between threads and into SQLite in this shape: one flat array per batch instead of an object
 * per message, so the storing thread neither allocates nor collects per-message objects. Pure (no
 * database code) so the parse worker can build rows without loading the store.
 */
import type { MessagesTable } from './database.js';
import type { NewMessage } from './types.js';
import { flag, flagOrNull } from './repositories/context.js';

export type InsertColumn = Exclude<keyof MessagesTable, 'id'>;
export type CellValue = string | number | null;

/** Insert column order, with the PostgreSQL array type used by the bulk insert. */
export const MESSAGE_COLUMNS: readonly (readonly [InsertColumn, string])[] = [
  ['case_id', 'integer'],
  ['conversation_id', 'integer'],
  ['exhibit_id', 'integer'],
  ['seq', 'integer'],
  ['sender', 'text'],
  ['participant_id', 'integer'],
  ['kind', 'text'],
  ['text', 'text'],
  ['search_text', 'text'],
  ['local_text', 'text'],
  ['zone', 'text'],
  ['utc', 'text'],
  ['time_resolution', 'text'],
  ['edited', 'integer'],
  ['media_file_name', 'text'],
  ['media_omitted', 'integer'],
  ['media_caption', 'text'],
  ['media_file_id', 'integer'],
  ['poll_json', 'text'],
  ['location_url', 'text'],
  ['location_live', 'integer'],
  ['line_start', 'integer'],
  ['line_end', 'integer'],
  ['byte_start', 'bigint'],
  ['byte_end', 'bigint'],
  ['source_table', 'text'],
  ['source_row_id', 'bigint'],
  ['source_model_id', 'text'],
  ['key_id', 'text'],
  ['sender_jid', 'text'],
  ['extras_json', 'text'],
];

/** Cells per message. */
export const MESSAGE_WIDTH = MESSAGE_COLUMNS.length;

/** Offset of each column within a message's cells. */
export const CELL = Object.fromEntries(MESSAGE_COLUMNS.map(([c], i) => [c, i])) as Readonly<
  Record<InsertColumn, number>
>;

/** Messages as consecutive runs of MESSAGE_WIDTH cells. */
export interface MessageCells {
  readonly count: number;
  readonly cells: CellValue[];
}

/** Writes one message's values, in column order, into `out` from `at` (no per-row allocation). */
export function putMessageCells(m: NewMessage, out: CellValue[], at: number): void {
  out[at] = m.caseId;
  out[at + 1] = m.conversationId;
  out[at + 2] = m.exhibitId;
  out[at + 3] = m.seq;
  out[at + 4] = m.sender;
  out[at + 5] = m.participantId;
  out[at + 6] = m.kind;
  out[at + 7] = m.text;
  out[at + 8] = m.searchText;
  out[at + 9] = m.localText;
  out[at + 10] = m.zone;
  out[at + 11] = m.utc;
  out[at + 12] = m.timeResolution;
  out[at + 13] = flag(m.edited);
  out[at + 14] = m.mediaFileName;
  out[at + 15] = flagOrNull(m.mediaOmitted);
  out[at + 16] = m.mediaCaption;
  out[at + 17] = m.mediaFileId;
  out[at + 18] = m.pollJson;
  out[at + 19] = m.locationUrl;
  out[at + 20] = flagOrNull(m.locationLive);
  out[at + 21] = m.lineStart;
  out[at + 22] = m.lineEnd;
  out[at + 23] = m.byteStart;
  out[at + 24] = m.byteEnd;
  out[at + 25] = m.sourceTable;
  out[at + 26] = m.sourceRowId;
  out[at + 27] = m.sourceModelId;
  out[at + 28] = m.keyId;
  out[at + 29] = m.senderJid;
  out[at + 30] = m.extrasJson;
}

/** Messages to cells. */
export function toMessageCells(messages: readonly NewMessage[]): MessageCells {
  const cells = new Array<CellValue>(messages.length * MESSAGE_WIDTH);
  for (let i = 0; i < messages.length; i++) putMessageCells(messages[i]!, cells, i * MESSAGE_WIDTH);
  return { count: messages.length, cells };
}

/**
 * Rows `start..end` as the columns any of them fills and those columns' values, row by row. Most
 * columns are NULL for a whole source (an export has no key ids, a device database no line
 * numbers): leaving them out of the INSERT saves binding a third of the values (issue 20).
 */
export function usedCells(cells: readonly CellValue[], start: number, end: number): [number[], CellValue[]] {
  const used: number[] = [];
  for (let j = 0; j < MESSAGE_WIDTH; j++) {
    for (let at = start * MESSAGE_WIDTH + j; at < end * MESSAGE_WIDTH; at += MESSAGE_WIDTH) {
      if (cells[at] !== null) {
        used.push(j);
        break;
      }
    }
  }
  const values = new Array<CellValue>((end - start) * used.length);
  let k = 0;
  for (let at = start * MESSAGE_WIDTH; at < end * MESSAGE_WIDTH; at += MESSAGE_WIDTH)
    for (const j of used) values[k++] = cells[at + j] ?? null;
  return [used, values];
}
