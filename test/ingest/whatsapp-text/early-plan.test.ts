/**
 * Issue 20: an export's plan (header variants, date order, group names) is decided from the start
 * of the file so messages flow at once, and confirmed by the whole file at the end. Where the whole
 * file agrees, what is read is exactly what the two-pass read gives; where it does not, the read
 * ends in the `replan` error (the import rolls back and reads again, whole file first).
 */
import { describe, expect, it } from 'vitest';

import { EvidenceError } from '../../../src/domain/errors.js';
import type { ParsedMessage } from '../../../src/domain/message.js';
import { REPLAN } from '../../../src/ingest/source-reader.js';
import { bufferSource } from '../../../src/ingest/whatsapp-text/lines.js';
import {
  parseExport,
  planFromStart,
  readExport,
  type ExportReadResult,
} from '../../../src/ingest/whatsapp-text/parse-export.js';

const options = { zone: 'Europe/London', dateOrder: 'auto' as const, fileName: 'chat.txt' };

function android(n: number, extra: readonly string[] = []): Uint8Array {
  const lines = ['13/01/2024, 09:00 - Dan: first, and day 13 says the order'];
  for (let i = 1; i < n; i++)
    lines.push(
      `14/01/2024, ${String(10 + (i % 10)).padStart(2, '0')}:00 - ${i % 2 ? 'Ana' : 'Bo'}: message ${i}`,
    );
  return new TextEncoder().encode([...lines, ...extra].join('\n'));
}

function readEarly(
  bytes: Uint8Array,
  lines: number,
): { messages: ParsedMessage[]; result: ExportReadResult } {
  const source = bufferSource(bytes, options.fileName);
  const early = planFromStart(source, options, lines);
  expect(early.confirm).not.toBeNull();
  const read = readExport(source, options, early.plan, early.confirm);
  const messages: ParsedMessage[] = [];
  for (;;) {
    const next = read.next();
    if (next.done) return { messages, result: next.value };
    messages.push(next.value);
  }
}

describe('an export planned from its start', () => {
  it('reads exactly what the two-pass read gives when the whole file agrees', () => {
    const bytes = android(500, ['15/01/2024, 08:00 - Ana: a line\ncontinued on the next']);
    const whole = parseExport(bytes, options);
    const { messages, result } = readEarly(bytes, 20);
    expect(messages).toEqual(whole.messages);
    expect(result).toEqual({ report: whole.report, conversationName: whole.conversationName });
    expect(result.report.lines).toBe(502);
  });

  it('ends in the replan error, naming what changed, when a later line names the group', () => {
    const bytes = android(100, ['15/01/2024, 08:00 - Ana changed the subject from "Shift" to "Night shift"']);
    let error: unknown;
    try {
      readEarly(bytes, 20);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(EvidenceError);
    expect((error as EvidenceError).details.code).toBe(REPLAN);
    expect((error as Error).message).toMatch(
      /^chat\.txt: the whole file changes what its start decided \(group names\)/u,
    );
    // Read whole file first, the same file names its conversation by the later line.
    expect(parseExport(bytes, options).conversationName).toBe('Night shift');
  });

  it('surveys the whole file first where its start cannot decide the date order', () => {
    const bytes = new TextEncoder().encode(
      ['01/02/2024, 09:00 - Dan: a', '01/02/2024, 09:05 - Dan: b', '13/02/2024, 09:00 - Ana: c'].join('\n'),
    );
    const early = planFromStart(bufferSource(bytes, 'chat.txt'), options, 2);
    expect(early.confirm).toBeNull();
    expect(early.plan.dateOrder).toBe('dmy');
  });
});
