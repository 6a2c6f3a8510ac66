/**
 * Our export parser on a whole file in its own process, for the intake bench: `parse` reads every
 * message (both passes, local time resolution, system lines), `rows` also maps each to its stored
 * row (`toMessageRow`: the search copy, extras JSON), which the import's parse worker does too.
 * Prints the message count.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { bufferSource } from '../src/ingest/whatsapp-text/lines.js';
import { readExport } from '../src/ingest/whatsapp-text/parse-export.js';
import { toMessageRow } from '../src/store/types.js';

const [file, mode = 'parse'] = process.argv.slice(2);
if (!file) throw new Error('usage: our-parse FILE [parse|rows]');
const options = { zone: 'Europe/London', dateOrder: 'auto', fileName: path.basename(file) } as const;
const reader = readExport(bufferSource(readFileSync(file), options.fileName), options);
const ids = { caseId: 1, conversationId: 1, exhibitId: 1 };
let count = 0;
let chars = 0;
for (let next = reader.next(); !next.done; next = reader.next()) {
  count++;
  if (mode === 'rows') chars += toMessageRow(next.value, ids).searchText.length;
}
process.stdout.write(`${count}\n`);
if (mode === 'rows' && chars < 0) throw new Error('unreachable: keeps the rows from being optimised away');
