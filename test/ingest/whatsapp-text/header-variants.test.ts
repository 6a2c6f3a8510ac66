/**
 * Golden tests for the header variants of issue 13.4 and the line endings of issue 21.7, each line
 * written by hand from whatsapp-strings.md "Format facts" and formats.md §1; expected values worked
 * out by hand.
 */
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../src/domain/errors.js';
import type { ParsedMessage } from '../../../src/domain/message.js';
import type { ExportParseOptions, ExportParseResult } from '../../../src/ingest/whatsapp-text/api.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';

function parse(text: string, options: Partial<ExportParseOptions> = {}): ExportParseResult {
  return parseExport(new TextEncoder().encode(text), {
    zone: 'UTC',
    dateOrder: 'auto',
    fileName: 'variants.txt',
    ...options,
  });
}

function only(text: string): ParsedMessage {
  const r = parse(text);
  expect(r.messages).toHaveLength(1);
  return r.messages[0]!;
}

describe('time-first iOS headers (Vietnamese phones)', () => {
  it('[14:56:01, 3/18/22] reads as 18 March 2022 14:56:01', () => {
    const m = only('[14:56:01, 3/18/22] Nguyễn Anh: xin chào');
    expect(m.sender).toBe('Nguyễn Anh');
    expect(m.text).toBe('xin chào');
    expect(m.time.localText).toBe('14:56:01, 3/18/22');
    expect(m.time.utc).toBe('2022-03-18T14:56:01.000Z');
  });

  it('decides the order from a day over 12 and names the style in the report', () => {
    const r = parse('[09:00:00, 18/3/22] An: a\n[09:01:00, 19/3/22] Bình: b');
    expect(r.report.dateOrder).toBe('dmy');
    expect(r.report.headerStyle).toMatch(/\[time, date\]/);
    expect(r.messages[1]!.time.utc).toBe('2022-03-19T09:01:00.000Z');
  });
});

describe('Eastern Arabic-Indic and Persian digits, RTL marks, Arabic AM/PM', () => {
  it('[١٨‏/٣‏/٢٠٢٢، ٢:٥٦:٠٠ م] is 18 March 2022 14:56 (م = PM), local text kept as written', () => {
    const header = '[١٨\u200F/٣\u200F/٢٠٢٢، ٢:٥٦:٠٠ م]';
    const m = only(`${header} أحمد: مرحبا`);
    expect(m.sender).toBe('أحمد');
    expect(m.text).toBe('مرحبا');
    expect(m.time.localText).toBe('١٨\u200F/٣\u200F/٢٠٢٢، ٢:٥٦:٠٠ م');
    expect(m.time.utc).toBe('2022-03-18T14:56:00.000Z');
  });

  it('ص is AM, and 12 ص is midnight', () => {
    const r = parse(
      [
        '\u200F[١٨\u200F/٣\u200F/٢٠٢٢، ١٢:٠٥:٠٠ ص] أحمد: أ',
        '\u200F[١٨\u200F/٣\u200F/٢٠٢٢، ٩:٠٥:٠٠ ص] أحمد: ب',
        '\u200F[١٨\u200F/٣\u200F/٢٠٢٢، ١٢:٠٥:٠٠ م] أحمد: ت',
      ].join('\n'),
    );
    expect(r.messages.map((m) => m.time.utc)).toEqual([
      '2022-03-18T00:05:00.000Z',
      '2022-03-18T09:05:00.000Z',
      '2022-03-18T12:05:00.000Z',
    ]);
  });

  it('Persian digits (U+06F0–U+06F9)', () => {
    const m = only('[۱۸/۳/۲۰۲۲, ۱۴:۵۶:۰۱] سارا: سلام');
    expect(m.sender).toBe('سارا');
    expect(m.time.localText).toBe('۱۸/۳/۲۰۲۲, ۱۴:۵۶:۰۱');
    expect(m.time.utc).toBe('2022-03-18T14:56:01.000Z');
  });

  it('Devanagari digits on an Android header', () => {
    const m = only('१८/३/२२, १४:५६ - राम: नमस्ते');
    expect(m.sender).toBe('राम');
    expect(m.time.utc).toBe('2022-03-18T14:56:00.000Z');
  });

  it('an Arabic-digit body line that looks like no header stays in the message', () => {
    const r = parse(
      '[١٨\u200F/٣\u200F/٢٠٢٢، ٢:٥٦:٠٠ م] أحمد: أ\n١٢٣ شارع\n[١٨\u200F/٣\u200F/٢٠٢٢، ٢:٥٧:٠٠ م] سارا: ب',
    );
    expect(r.messages).toHaveLength(2);
    expect(r.messages[0]!.text).toBe('أ\n١٢٣ شارع');
  });
});

describe('Buddhist-era years (iPhones on the Buddhist calendar)', () => {
  it('[3/18/2565 BE, 14:56:01] is 18 March 2022', () => {
    const m = only('[3/18/2565 BE, 14:56:01] Somchai: สวัสดี');
    expect(m.sender).toBe('Somchai');
    expect(m.time.localText).toBe('3/18/2565 BE, 14:56:01');
    expect(m.time.utc).toBe('2022-03-18T14:56:01.000Z');
  });

  it('29 February 2563 BE is 2020, a leap year', () => {
    const m = only('[2/29/2563 BE, 08:00:00] Somchai: a');
    expect(m.time.utc).toBe('2020-02-29T08:00:00.000Z');
  });
});

describe('day/month order per header variant', () => {
  it('a file whose format changes part-way (the region changed) reads each variant in its own order', () => {
    const r = parse(
      [
        '6/30/23, 16:14 - Dan: before the change',
        '6/30/23, 16:14 - Kate: still US',
        '30/6/2023, 16:15 - Dan: after the change',
        '1/7/2023, 09:00 - Kate: next day',
      ].join('\n'),
    );
    expect(r.messages.map((m) => m.time.utc)).toEqual([
      '2023-06-30T16:14:00.000Z',
      '2023-06-30T16:14:00.000Z',
      '2023-06-30T16:15:00.000Z',
      '2023-07-01T09:00:00.000Z',
    ]);
    expect(r.report.dateOrderBasis).toMatch(/mdy .*line 1.*dmy .*line 3/);
    expect(r.report.headerStyle.split('; ')).toHaveLength(2);
  });

  it('a single header after the change, at the end of the file, is a message too', () => {
    const r = parse('6/30/23, 16:14 - Dan: a\n6/30/23, 16:14 - Kate: b\n30/6/2023, 16:15 - Dan: c');
    expect(r.messages).toHaveLength(3);
    expect(r.messages[2]!.time.utc).toBe('2023-06-30T16:15:00.000Z');
  });

  it('every date reading the same either way (all 1/1/21) is not ambiguous and is not refused', () => {
    const r = parse('1/1/21, 10:00 - Dan: happy new year\n1/1/21, 10:05 - Kate: and you');
    expect(r.messages).toHaveLength(2);
    expect(r.messages[1]!.time.utc).toBe('2021-01-01T10:05:00.000Z');
    expect(r.report.dateOrderBasis).toMatch(/reads the same/);
  });

  it('still refuses a file where two different dates could each be either order', () => {
    expect(() => parse('1/2/21, 10:00 - Dan: a\n1/2/21, 10:05 - Kate: b')).toThrow(EvidenceError);
  });
});

describe('two-digit years', () => {
  it('are 20yy whatever the span of the chat (99 is 2099, never 1999)', () => {
    const r = parse('31/12/99, 23:59 - Dan: a\n13/01/00, 00:01 - Kate: b');
    expect(r.messages.map((m) => m.time.utc)).toEqual([
      '2099-12-31T23:59:00.000Z',
      '2000-01-13T00:01:00.000Z',
    ]);
  });
});

describe('CR-only line endings (old Mac exports, issue 21.7)', () => {
  it('reads each message on its own, attributed to its own sender, with exact spans', () => {
    const text =
      '13/06/2018, 21:25 - Dan: one\r13/06/2018, 21:26 - Kate: two\rsecond line\r13/06/2018, 21:27 - Jim: three\r';
    const r = parse(text);
    expect(r.messages.map((m) => [m.sender, m.text])).toEqual([
      ['Dan', 'one'],
      ['Kate', 'two\rsecond line'],
      ['Jim', 'three'],
    ]);
    expect(r.report.lines).toBe(4);
    const kate = r.messages[1]!;
    expect(kate.source).toEqual({ type: 'text', lineStart: 2, lineEnd: 3, byteStart: 29, byteEnd: 70 });
    expect(r.report.notices.map((n) => n.code)).toEqual(['date_order_inferred']);
  });

  it('with small days gives no misleading date-order error', () => {
    const r = parse('1/2/18, 09:00 - Dan: a\r1/2/18, 09:01 - Kate: b\r3/2/18, 09:02 - Jim: c', {
      dateOrder: 'dmy',
    });
    expect(r.messages.map((m) => m.sender)).toEqual(['Dan', 'Kate', 'Jim']);
  });

  it('keeps CRLF a single terminator and a lone CR inside an LF file a line break', () => {
    const r = parse('13/06/2018, 21:25 - Dan: a\r\nb\rc\n13/06/2018, 21:26 - Kate: d');
    expect(r.messages[0]!.text).toBe('a\r\nb\rc');
    expect(r.report.lines).toBe(4);
  });

  it('reads UTF-16LE with CR-only endings', () => {
    const text = '\uFEFF13/06/2018, 21:25 - Dan: one\r13/06/2018, 21:26 - Kate: two';
    const bytes = Buffer.from(text, 'utf16le');
    const r = parseExport(bytes, { zone: 'UTC', dateOrder: 'auto', fileName: 'mac16.txt' });
    expect(r.messages.map((m) => m.sender)).toEqual(['Dan', 'Kate']);
  });
});
