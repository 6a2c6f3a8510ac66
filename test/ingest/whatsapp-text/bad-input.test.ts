/**
 * The export parser on input that is not a WhatsApp export (or is one in an unusual encoding): it
 * refuses with an EvidenceError naming the file, never crashes with anything else, and reads what
 * it can read correctly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../src/domain/errors.js';
import type { ExportParseOptions, ExportParseResult } from '../../../src/ingest/whatsapp-text/api.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';

const FILE = 'WhatsApp Chat with Team 3.txt';
const OPTIONS: ExportParseOptions = { zone: 'Europe/London', dateOrder: 'auto', fileName: FILE };

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

function utf16(s: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const out = new Uint8Array((s.length + (bom ? 1 : 0)) * 2);
  let at = 0;
  const put = (unit: number): void => {
    const hi = unit >> 8;
    const lo = unit & 0xff;
    out[at++] = endian === 'le' ? lo : hi;
    out[at++] = endian === 'le' ? hi : lo;
  };
  if (bom) put(0xfeff);
  for (let i = 0; i < s.length; i++) put(s.charCodeAt(i));
  return out;
}

function refusal(bytes: Uint8Array, options: Partial<ExportParseOptions> = {}): EvidenceError {
  let caught: unknown;
  try {
    parseExport(bytes, { ...OPTIONS, ...options });
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EvidenceError);
  const err = caught as EvidenceError;
  expect(err.message).toContain(FILE);
  expect(err.details.file).toBe(FILE);
  return err;
}

function expectAccounted(result: ExportParseResult): void {
  let inSpans = 0;
  for (const m of result.messages) {
    if (m.source.type !== 'text') throw new Error('expected a text source');
    inSpans += m.source.lineEnd - m.source.lineStart + 1;
  }
  expect(inSpans + result.report.reportedLines.length).toBe(result.report.lines);
}

/** Either a refusal naming the file or a result that accounts for every line; nothing else. */
function refusesOrAccounts(bytes: Uint8Array): ExportParseResult | null {
  let result: ExportParseResult;
  try {
    result = parseExport(bytes, OPTIONS);
  } catch (e) {
    expect(e).toBeInstanceOf(EvidenceError);
    expect((e as Error).message).toContain(FILE);
    return null;
  }
  expectAccounted(result);
  return result;
}

const CHAT = [
  '13/06/2018, 21:25 - Dan Hughes: anyone on lates?',
  '13/06/2018, 21:26 - Sgt Kate Morris: me 🙋‍♀️',
  'and Jim',
].join('\r\n');

describe('refuses what is not an export', () => {
  it('empty bytes', () => {
    refusal(new Uint8Array(0));
  });

  it('only a byte order mark', () => {
    refusal(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('only blank lines and spaces', () => {
    refusal(utf8('\n\r\n   \n\t\n'));
  });

  it('ordinary prose with no header', () => {
    const prose = [
      'Statement of PC 1234 Hughes.',
      'On 13/06/2018 at about 21:25 I attended the address: nobody answered.',
      'I left a card. Time: 21:40 - nothing further.',
    ].join('\n');
    refusal(utf8(prose));
  });

  it('a PNG image', () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
      0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x08, 0x06, 0x00, 0x00, 0x00, 0x5c, 0x72, 0xa8, 0x66,
    ]);
    refusal(png);
  });

  it('a zip archive given as text', () => {
    const zip = new Uint8Array([
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0x00,
      0x00,
      0x00,
      0x08,
      0x00,
      ...utf8('_chat.txt'),
    ]);
    refusal(zip);
  });

  it('an export with NUL bytes in it (binary)', () => {
    const bytes = new Uint8Array([...utf8(CHAT), 0x00, 0x00, 0x01, 0x02, 0x00, 0xff, 0xfe, 0x00]);
    refusal(bytes);
  });

  it('random binary bytes with NULs', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), fc.nat(), (random, at) => {
        const bytes = new Uint8Array(random);
        bytes[at % bytes.length] = 0;
        refusesOrAccounts(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('random bytes never crash the parser', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 0, maxLength: 4096 }), (bytes) => {
        refusesOrAccounts(bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('a date that does not exist is not a header', () => {
    refusal(utf8('31/02/2018, 10:00 - Dan: hello\n30/02/2018, 10:01 - Kate: hi'));
  });

  it('a long line of header-like fragments finishes promptly (no runaway matching)', () => {
    const start = Date.now();
    refusesOrAccounts(utf8('12/12/12, 12:12 '.repeat(20_000)));
    refusesOrAccounts(utf8(`[${'1'.repeat(200_000)}`));
    refusesOrAccounts(utf8(`13/06/2018, 21:25 - ${'a: '.repeat(50_000)}`));
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});

describe('reads an export in another encoding', () => {
  it('UTF-16LE with a BOM', () => {
    const result = parseExport(utf16(CHAT, 'le'), OPTIONS);
    expect(result.report.encoding).toBe('utf-16le');
    expect(result.messages.map((m) => [m.sender, m.text])).toEqual([
      ['Dan Hughes', 'anyone on lates?'],
      ['Sgt Kate Morris', 'me 🙋‍♀️\r\nand Jim'],
    ]);
    expect(result.messages[0]?.time.utc).toBe('2018-06-13T20:25:00.000Z');
    expect(result.report.lines).toBe(3);
    expectAccounted(result);
  });

  it('UTF-16BE with a BOM', () => {
    const result = parseExport(utf16(CHAT, 'be'), OPTIONS);
    expect(result.report.encoding).toBe('utf-16be');
    expect(result.messages.map((m) => m.sender)).toEqual(['Dan Hughes', 'Sgt Kate Morris']);
    expect(result.messages[1]?.text).toBe('me 🙋‍♀️\r\nand Jim');
  });

  it('UTF-16LE without a BOM is read correctly or refused, never misread', () => {
    const result = refusesOrAccounts(utf16(CHAT, 'le', false));
    if (result) {
      expect(result.report.encoding).toBe('utf-16le');
      expect(result.messages.map((m) => m.sender)).toEqual(['Dan Hughes', 'Sgt Kate Morris']);
    }
  });

  it('UTF-8 with a stray invalid byte is read correctly or refused', () => {
    const bytes = new Uint8Array([
      ...utf8('13/06/2018, 21:25 - Dan: bad '),
      0xff,
      ...utf8(' byte\n13/06/2018, 21:26 - Kate: ok'),
    ]);
    const result = refusesOrAccounts(bytes);
    if (result) {
      expect(result.messages.map((m) => m.sender)).toEqual(['Dan', 'Kate']);
      expect(result.messages[1]?.text).toBe('ok');
    }
  });
});
