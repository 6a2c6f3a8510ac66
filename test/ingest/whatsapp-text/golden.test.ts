/**
 * Hand-written golden tests for the WhatsApp "Export chat" text parser. Every example line comes from
 * docs/formats.md §1 (or is built from its descriptions); every expected value was worked out by hand
 * from that document, never by running the parser.
 */
import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../src/domain/errors.js';
import type { ParsedMessage } from '../../../src/domain/message.js';
import type { ExportParseOptions, ExportParseResult } from '../../../src/ingest/whatsapp-text/api.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';

const FILE = 'golden.txt';

function parse(text: string, options: Partial<ExportParseOptions> = {}): ExportParseResult {
  return parseExport(new TextEncoder().encode(text), {
    zone: 'UTC',
    dateOrder: 'auto',
    fileName: FILE,
    ...options,
  });
}

function at(result: ExportParseResult, i: number): ParsedMessage {
  const m = result.messages[i];
  if (!m) throw new Error(`no message ${i}; got ${result.messages.length}`);
  return m;
}

/** Parse a one-message file and return that message. */
function one(text: string, options: Partial<ExportParseOptions> = {}): ParsedMessage {
  const result = parse(text, options);
  expect(result.messages).toHaveLength(1);
  return at(result, 0);
}

function span(m: ParsedMessage): { lineStart: number; lineEnd: number; byteStart: number; byteEnd: number } {
  if (m.source.type !== 'text') throw new Error('expected a text source');
  const { lineStart, lineEnd, byteStart, byteEnd } = m.source;
  return { lineStart, lineEnd, byteStart, byteEnd };
}

/** Test titles with invisible characters (NBSP, U+202F, U+200E) spelled out. */
function visible(s: string): string {
  return s.replace(
    /[\u00A0\u200E\u202F\uFEFF]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
}

function expectAccounted(result: ExportParseResult): void {
  const inSpans = result.messages.reduce((n, m) => n + span(m).lineEnd - span(m).lineStart + 1, 0);
  expect(inSpans + result.report.reportedLines.length).toBe(result.report.lines);
}

function expectThrowsEvidence(fn: () => unknown, pattern?: RegExp): EvidenceError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EvidenceError);
  const err = caught as EvidenceError;
  expect(err.message).toContain(FILE);
  if (pattern) expect(err.message).toMatch(pattern);
  return err;
}

// ---------------------------------------------------------------------------------------------------

describe('header variants from formats.md §1', () => {
  interface HeaderCase {
    readonly line: string;
    readonly dateOrder: ExportParseOptions['dateOrder'];
    readonly reportOrder: 'dmy' | 'mdy' | 'ymd';
    readonly sender: string;
    readonly text: string;
    readonly localText: string;
    readonly utc: string;
  }
  const cases: HeaderCase[] = [
    {
      line: '06/03/2017, 00:45 - Sample User: text',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'Sample User',
      text: 'text',
      localText: '06/03/2017, 00:45',
      utc: '2017-03-06T00:45:00.000Z',
    },
    {
      line: '3/6/18, 1:55 p.m. - a: m',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '3/6/18, 1:55 p.m.',
      utc: '2018-06-03T13:55:00.000Z',
    },
    {
      line: '03-06-2018, 01.55 PM - a: m',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '03-06-2018, 01.55 PM',
      utc: '2018-06-03T13:55:00.000Z',
    },
    {
      line: '3/6/2018 1:55 p.\u00A0m. - a: m',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '3/6/2018 1:55 p.\u00A0m.',
      utc: '2018-06-03T13:55:00.000Z',
    },
    {
      line: '13.6.2018 klo 21.25.15 - a: m',
      dateOrder: 'auto',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '13.6.2018 klo 21.25.15',
      utc: '2018-06-13T21:25:15.000Z',
    },
    {
      line: '13.06.18 21.25.15: a: m',
      dateOrder: 'auto',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '13.06.18 21.25.15',
      utc: '2018-06-13T21:25:15.000Z',
    },
    {
      line: '13. 6. 2018. 21:25:15 a: m',
      dateOrder: 'auto',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '13. 6. 2018. 21:25:15',
      utc: '2018-06-13T21:25:15.000Z',
    },
    {
      line: '[06.13.18 21:25:15] a: m',
      dateOrder: 'auto',
      reportOrder: 'mdy',
      sender: 'a',
      text: 'm',
      localText: '06.13.18 21:25:15',
      utc: '2018-06-13T21:25:15.000Z',
    },
    {
      line: '[20.06.19, 15:58:47] Loris: …',
      dateOrder: 'auto',
      reportOrder: 'dmy',
      sender: 'Loris',
      text: '…',
      localText: '20.06.19, 15:58:47',
      utc: '2019-06-20T15:58:47.000Z',
    },
    {
      line: '[7/11/2017, 8:20:41 PM] x: …',
      dateOrder: 'mdy',
      reportOrder: 'mdy',
      sender: 'x',
      text: '…',
      localText: '7/11/2017, 8:20:41 PM',
      utc: '2017-07-11T20:20:41.000Z',
    },
    {
      // The same shape read day-first: 7 November.
      line: '[7/11/2017, 8:20:41\u202FPM] x: …',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'x',
      text: '…',
      localText: '7/11/2017, 8:20:41\u202FPM',
      utc: '2017-11-07T20:20:41.000Z',
    },
    {
      line: '\u200E[3/6/18 1:55:00 p. m.] a: m',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'a',
      text: 'm',
      localText: '3/6/18 1:55:00 p. m.',
      utc: '2018-06-03T13:55:00.000Z',
    },
    {
      line: '[31/12/2022 11:40:26] John Doe: …',
      dateOrder: 'auto',
      reportOrder: 'dmy',
      sender: 'John Doe',
      text: '…',
      localText: '31/12/2022 11:40:26',
      utc: '2022-12-31T11:40:26.000Z',
    },
    {
      line: '[2018/06/13, 21:25:15] a: m',
      dateOrder: 'auto',
      reportOrder: 'ymd',
      sender: 'a',
      text: 'm',
      localText: '2018/06/13, 21:25:15',
      utc: '2018-06-13T21:25:15.000Z',
    },
    {
      line: '09/12/2012 17:03:48: Sender Name: Message',
      dateOrder: 'dmy',
      reportOrder: 'dmy',
      sender: 'Sender Name',
      text: 'Message',
      localText: '09/12/2012 17:03:48',
      utc: '2012-12-09T17:03:48.000Z',
    },
  ];

  it.each(cases.map((c) => [visible(c.line), c] as const))('%s', (_title, c) => {
    const result = parse(c.line, { dateOrder: c.dateOrder });
    expect(result.messages).toHaveLength(1);
    const m = at(result, 0);
    expect(m.seq).toBe(0);
    expect(m.kind).toBe('text');
    expect(m.sender).toBe(c.sender);
    expect(m.text).toBe(c.text);
    expect(m.edited).toBe(false);
    expect(m.time.localText).toBe(c.localText);
    expect(m.time.utc).toBe(c.utc);
    expect(m.time.zone).toBe('UTC');
    expect(m.time.resolution).toBe('exact');
    expect(m.media).toBeNull();
    expect(m.system).toBeNull();
    expect(m.poll).toBeNull();
    expect(m.location).toBeNull();
    expect(span(m).lineStart).toBe(1);
    expect(span(m).lineEnd).toBe(1);
    expect(span(m).byteStart).toBe(0);
    expect(span(m).byteEnd).toBe(new TextEncoder().encode(c.line).length);
    expect(result.report.dateOrder).toBe(c.reportOrder);
    expect(result.report.lines).toBe(1);
    expect(result.report.messages).toBe(1);
    expect(result.report.reportedLines).toEqual([]);
    expect(result.report.encoding).toBe('utf-8');
  });

  it('1/4/23, 7:02\u202FPM - Person 2: <Media omitted> (US 12h, narrow no-break space)', () => {
    const m = one('1/4/23, 7:02\u202FPM - Person 2: <Media omitted>', { dateOrder: 'mdy' });
    expect(m.kind).toBe('media');
    expect(m.sender).toBe('Person 2');
    expect(m.text).toBe('<Media omitted>');
    expect(m.time.localText).toBe('1/4/23, 7:02\u202FPM');
    expect(m.time.utc).toBe('2023-01-04T19:02:00.000Z');
    expect(m.media).toEqual({ fileName: null, omitted: true, caption: null });
  });

  it('[14.08.2024, 21:00:10] My Group: Boris added you (iOS system line with the group as author)', () => {
    const m = one('[14.08.2024, 21:00:10] My Group: Boris added you');
    expect(m.kind).toBe('system');
    // iOS writes system lines under the group's name: no sender, the name kept apart.
    expect(m.sender).toBeNull();
    expect(m.displayedAuthor).toBe('My Group');
    expect(m.text).toBe('Boris added you');
    expect(m.time.localText).toBe('14.08.2024, 21:00:10');
    expect(m.time.utc).toBe('2024-08-14T21:00:10.000Z');
    expect(m.system?.type).toBe('added');
    expect(m.system?.actor).toBe('Boris');
    expect(m.system?.targets).toEqual(['You']);
  });

  it('[19/10/2025, 01:02:19] Lappers: \u200ERudi Anderson added you', () => {
    const m = one('[19/10/2025, 01:02:19] Lappers: \u200ERudi Anderson added you');
    expect(m.kind).toBe('system');
    // iOS writes system lines under the group's name: no sender, the name kept apart.
    expect(m.sender).toBeNull();
    expect(m.displayedAuthor).toBe('Lappers');
    expect(m.text).toBe('\u200ERudi Anderson added you');
    expect(m.time.localText).toBe('19/10/2025, 01:02:19');
    expect(m.time.utc).toBe('2025-10-19T01:02:19.000Z');
    expect(m.system?.type).toBe('added');
    expect(m.system?.actor).toBe('Rudi Anderson');
    expect(m.system?.targets).toEqual(['You']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('known traps', () => {
  it('keeps a UTF-8 BOM out of the first header and loses no line', () => {
    const result = parse('\uFEFF06/03/2017, 00:45 - Sample User: text\n06/03/2017, 00:46 - Kate: ok\n', {
      dateOrder: 'dmy',
    });
    expect(result.messages).toHaveLength(2);
    const m = at(result, 0);
    expect(m.sender).toBe('Sample User');
    expect(m.text).toBe('text');
    expect(m.time.localText).toBe('06/03/2017, 00:45');
    expect(m.time.utc).toBe('2017-03-06T00:45:00.000Z');
    expect(at(result, 1).sender).toBe('Kate');
    expect(result.report.reportedLines).toEqual([]);
    expect(result.report.lines).toBe(2);
    expectAccounted(result);
  });

  it('keeps a BOM followed by U+200E before an iOS bracket', () => {
    const m = one(
      '\uFEFF\u200E[13/06/2018, 21:25:15] Dan Hughes: <attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg>',
    );
    expect(m.kind).toBe('media');
    expect(m.sender).toBe('Dan Hughes');
    expect(m.time.localText).toBe('13/06/2018, 21:25:15');
    expect(m.media?.fileName).toBe('00000042-PHOTO-2020-06-07-15-13-20.jpg');
  });

  it('reports text before the first header (blank lines included) with its byte span', () => {
    const text = 'WhatsApp chat export\r\nExported by DC Smith\n\n13/06/2018, 21:25 - Dan: first\n';
    const result = parse(text);
    expect(result.report.lines).toBe(4);
    expect(result.report.reportedLines).toEqual([
      { line: 1, byteStart: 0, byteEnd: 20, reason: 'before_first_header', text: 'WhatsApp chat export' },
      { line: 2, byteStart: 22, byteEnd: 42, reason: 'before_first_header', text: 'Exported by DC Smith' },
      { line: 3, byteStart: 43, byteEnd: 43, reason: 'before_first_header', text: '' },
    ]);
    const m = one(text);
    expect(m.sender).toBe('Dan');
    expect(m.text).toBe('first');
    expect(span(m)).toEqual({ lineStart: 4, lineEnd: 4, byteStart: 44, byteEnd: 74 });
    expectAccounted(result);
  });

  it('gives byte spans that skip the BOM and count UTF-8 bytes and CRLF', () => {
    const result = parse('\uFEFF13/06/2018, 21:25 - Zoë: café\r\n13/06/2018, 21:26 - Dan: ok\n');
    // "13/06/2018, 21:25 - " 20 bytes + "Zoë" 4 + ": " 2 + "café" 5 = 31, after the 3-byte BOM.
    expect(span(at(result, 0))).toEqual({ lineStart: 1, lineEnd: 1, byteStart: 3, byteEnd: 34 });
    expect(span(at(result, 1))).toEqual({ lineStart: 2, lineEnd: 2, byteStart: 36, byteEnd: 63 });
  });

  describe('system text containing ": " is not read as an author', () => {
    it('Android, no author', () => {
      const line =
        '13/06/2018, 21:25 - Kate Morris changed the subject from "Nights: week 1" to "Team 3 Response"';
      const m = one(line);
      expect(m.kind).toBe('system');
      expect(m.sender).toBeNull();
      expect(m.text).toBe('Kate Morris changed the subject from "Nights: week 1" to "Team 3 Response"');
      expect(m.time.localText).toBe('13/06/2018, 21:25');
      expect(m.system).toEqual({
        type: 'subject_changed',
        actor: 'Kate Morris',
        targets: [],
        value: 'Team 3 Response',
        previousValue: 'Nights: week 1',
      });
    });

    it('iOS, no author', () => {
      const m = one(
        '[13/06/2018, 21:25:15] \u200EKate Morris changed the subject from "Nights: week 1" to "Team 3 Response"',
      );
      expect(m.kind).toBe('system');
      expect(m.sender).toBeNull();
      expect(m.text).toBe('\u200EKate Morris changed the subject from "Nights: week 1" to "Team 3 Response"');
      expect(m.system?.type).toBe('subject_changed');
      expect(m.system?.actor).toBe('Kate Morris');
      expect(m.system?.value).toBe('Team 3 Response');
      expect(m.system?.previousValue).toBe('Nights: week 1');
    });

    it('iOS with the group as author', () => {
      const m = one(
        '[13/06/2018, 21:25:15] Team 3 Response: \u200EKate Morris changed the subject from "Nights: week 1" to "Team 3 Response"',
      );
      expect(m.kind).toBe('system');
      // iOS writes system lines under the group's name: no sender, the name kept apart.
      expect(m.sender).toBeNull();
      expect(m.displayedAuthor).toBe('Team 3 Response');
      expect(m.system?.type).toBe('subject_changed');
      expect(m.system?.actor).toBe('Kate Morris');
      expect(m.system?.previousValue).toBe('Nights: week 1');
    });

    it('group created with ": " in its name', () => {
      const m = one('13/06/2018, 21:25 - Kate Morris created group "Shift: B"');
      expect(m.kind).toBe('system');
      expect(m.sender).toBeNull();
      expect(m.system?.type).toBe('created');
      expect(m.system?.actor).toBe('Kate Morris');
      expect(m.system?.value).toBe('Shift: B');
    });
  });

  it('keeps a pasted header line of a different style (iOS inside Android) in the body', () => {
    const result = parse(
      [
        '13/06/2018, 21:25 - Dan Hughes: look what Kate sent',
        '[13/06/2018, 21:20:11] Kate Morris: meet at the nick',
        '13/06/2018, 21:26 - Kate Morris: that was private',
      ].join('\n'),
    );
    expect(result.messages).toHaveLength(2);
    const m = at(result, 0);
    expect(m.sender).toBe('Dan Hughes');
    expect(m.text).toBe('look what Kate sent\n[13/06/2018, 21:20:11] Kate Morris: meet at the nick');
    expect(span(m).lineStart).toBe(1);
    expect(span(m).lineEnd).toBe(2);
    expect(at(result, 1).sender).toBe('Kate Morris');
    expect(span(at(result, 1)).lineStart).toBe(3);
    expect(result.report.notices.some((n) => n.code === 'header_like_continuation' && n.line === 2)).toBe(
      true,
    );
    expectAccounted(result);
  });

  it('keeps a pasted header line of a different style (Android inside iOS) in the body', () => {
    const result = parse(
      [
        '[13/06/2018, 21:25:15] Dan Hughes: she forwarded this',
        '13/06/2018, 21:20 - Kate Morris: meet at the nick',
        '[13/06/2018, 21:26:00] Kate Morris: ok',
      ].join('\r\n'),
    );
    expect(result.messages).toHaveLength(2);
    expect(at(result, 0).text).toBe(
      'she forwarded this\r\n13/06/2018, 21:20 - Kate Morris: meet at the nick',
    );
    expect(span(at(result, 0)).lineEnd).toBe(2);
    expect(at(result, 1).text).toBe('ok');
  });

  describe('an empty body after "Name:" is a text message, not a system line', () => {
    it('iOS, no space after the colon', () => {
      const m = one('[13/06/2018, 21:25:15] Dan Hughes:');
      expect(m.kind).toBe('text');
      expect(m.sender).toBe('Dan Hughes');
      expect(m.text).toBe('');
      expect(m.system).toBeNull();
    });

    it('Android, a space after the colon', () => {
      const m = one('13/06/2018, 21:25 - Dan Hughes: ');
      expect(m.kind).toBe('text');
      expect(m.sender).toBe('Dan Hughes');
      expect(m.text).toBe('');
    });

    it('iOS, the body starting on the next line', () => {
      const result = parse(
        '[13/06/2018, 21:25:15] Dan Hughes:\nsecond line\n[13/06/2018, 21:26:00] Kate: ok',
      );
      const m = at(result, 0);
      expect(m.kind).toBe('text');
      expect(m.sender).toBe('Dan Hughes');
      expect(m.text).toBe('\nsecond line');
      expect(span(m).lineEnd).toBe(2);
    });
  });

  it('reads curly quotes around a created group name', () => {
    const m = one('13/06/2018, 21:25 - Sgt Kate Morris created group \u201CTeam 3 Response\u201D');
    expect(m.kind).toBe('system');
    expect(m.sender).toBeNull();
    expect(m.text).toBe('Sgt Kate Morris created group \u201CTeam 3 Response\u201D');
    expect(m.system).toEqual({
      type: 'created',
      actor: 'Sgt Kate Morris',
      targets: [],
      value: 'Team 3 Response',
      previousValue: null,
    });
  });

  it('reads curly quotes in an iOS created line with the group as author', () => {
    const m = one(
      '[13/06/2018, 21:25:15] Team 3 Response: \u200ESgt Kate Morris created group \u201CTeam 3 Response\u201D',
    );
    expect(m.kind).toBe('system');
    // iOS writes system lines under the group's name: no sender, the name kept apart.
    expect(m.sender).toBeNull();
    expect(m.displayedAuthor).toBe('Team 3 Response');
    expect(m.system?.type).toBe('created');
    expect(m.system?.actor).toBe('Sgt Kate Morris');
    expect(m.system?.value).toBe('Team 3 Response');
  });

  it('reads a person (who also writes ordinary messages) typing "X left" as a text message', () => {
    const result = parse(
      [
        '[13/06/2018, 21:25:15] Kate Morris: anyone seen Dan?',
        '[13/06/2018, 21:26:00] Kate Morris: Dan left',
        '[13/06/2018, 21:27:00] ~ Big Jim: he went home',
      ].join('\n'),
    );
    expect(result.messages.map((m) => m.kind)).toEqual(['text', 'text', 'text']);
    expect(at(result, 1).sender).toBe('Kate Morris');
    expect(at(result, 1).system).toBeNull();
  });

  it('keeps "~ ", " - ", emoji and phone numbers in authors, and ": " in bodies', () => {
    const result = parse(
      [
        '13/06/2018, 21:25 - ~ Big Jim: Note: bring cuffs',
        '13/06/2018, 21:26 - Dan - Work: Re: rota - nights',
        '13/06/2018, 21:27 - +44 7700 900123: who is this?',
        '13/06/2018, 21:28 - Kate 🌸: 😂😂',
      ].join('\n'),
    );
    expect(result.messages.map((m) => [m.sender, m.text, m.kind])).toEqual([
      ['~ Big Jim', 'Note: bring cuffs', 'text'],
      ['Dan - Work', 'Re: rota - nights', 'text'],
      ['+44 7700 900123', 'who is this?', 'text'],
      ['Kate 🌸', '😂😂', 'text'],
    ]);
  });

  it('joins continuation lines with their own terminators (mixed CRLF/LF, blank lines)', () => {
    const result = parse(
      '13/06/2018, 21:25 - Dan: line one\r\nline two\n\n\nline five: not a name\r\n13/06/2018, 21:26 - Kate: ok\r\n',
    );
    expect(result.messages).toHaveLength(2);
    expect(at(result, 0).text).toBe('line one\r\nline two\n\n\nline five: not a name');
    expect(span(at(result, 0))).toMatchObject({ lineStart: 1, lineEnd: 5 });
    expect(span(at(result, 1))).toMatchObject({ lineStart: 6, lineEnd: 6 });
    expect(result.report.lines).toBe(6);
    expectAccounted(result);
  });

  it('reads an author named like AM/PM in the "spaces" style (no separator after the time)', () => {
    const result = parse('13. 6. 2018. 21:25:15 Dan: a\n14. 6. 2018. 10:00:00 PM Office: rota is out');
    expect(result.messages).toHaveLength(2);
    const m = at(result, 1);
    expect(m.sender).toBe('PM Office');
    expect(m.text).toBe('rota is out');
    expect(m.time.localText).toBe('14. 6. 2018. 10:00:00');
    expect(m.time.utc).toBe('2018-06-14T10:00:00.000Z');
  });

  it('keeps file order for messages out of time order', () => {
    const result = parse('13/06/2018, 21:25 - a: later\n12/06/2018, 21:25 - b: earlier');
    expect(result.messages.map((m) => [m.seq, m.text])).toEqual([
      [0, 'later'],
      [1, 'earlier'],
    ]);
    expect(at(result, 1).time.utc).toBe('2018-06-12T21:25:00.000Z');
    expect(result.report.notices.some((n) => n.code === 'out_of_order')).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('system lines', () => {
  const cases: {
    line: string;
    type: string;
    actor: string | null;
    targets: string[];
    value?: string | null;
  }[] = [
    {
      line: '13/06/2018, 21:25 - Kate Morris added you',
      type: 'added',
      actor: 'Kate Morris',
      targets: ['You'],
    },
    { line: '13/06/2018, 21:25 - You were added', type: 'added', actor: null, targets: ['You'] },
    {
      line: '13/06/2018, 21:25 - Kate Morris added Dan Hughes',
      type: 'added',
      actor: 'Kate Morris',
      targets: ['Dan Hughes'],
    },
    {
      line: '13/06/2018, 21:25 - You added Dan Hughes',
      type: 'added',
      actor: 'You',
      targets: ['Dan Hughes'],
    },
    {
      line: '13/06/2018, 21:25 - Kate Morris removed you',
      type: 'removed',
      actor: 'Kate Morris',
      targets: ['You'],
    },
    {
      line: '13/06/2018, 21:25 - Dan Hughes left',
      type: 'left',
      actor: 'Dan Hughes',
      targets: ['Dan Hughes'],
    },
    {
      line: '13/06/2018, 21:25 - Kate Morris removed +44 7700 900461',
      type: 'removed',
      actor: 'Kate Morris',
      targets: ['+44 7700 900461'],
    },
    {
      line: "13/06/2018, 21:25 - ~ Big Jim joined using this group's invite link",
      type: 'joined_by_link',
      actor: '~ Big Jim',
      targets: ['~ Big Jim'],
    },
    {
      line: '13/06/2018, 21:25 - Dan Hughes changed their phone number to a new number. Tap to message or add the new number.',
      type: 'number_changed',
      actor: 'Dan Hughes',
      targets: ['Dan Hughes'],
    },
    {
      line: "13/06/2018, 21:25 - Kate Morris changed this group's icon",
      type: 'icon_changed',
      actor: 'Kate Morris',
      targets: [],
    },
    { line: "13/06/2018, 21:25 - You're now an admin", type: 'admin', actor: null, targets: ['You'] },
    {
      line: '13/06/2018, 21:25 - Messages to this group are now secured with end-to-end encryption. Tap for more info.',
      type: 'encryption_notice',
      actor: null,
      targets: [],
      value: null,
    },
  ];

  it.each(cases.map((c) => [c.line.slice('13/06/2018, 21:25 - '.length), c] as const))('%s', (_title, c) => {
    const m = one(c.line);
    expect(m.kind).toBe('system');
    expect(m.sender).toBeNull();
    expect(m.text).toBe(c.line.slice('13/06/2018, 21:25 - '.length));
    expect(m.time.localText).toBe('13/06/2018, 21:25');
    expect(m.time.utc).toBe('2018-06-13T21:25:00.000Z');
    expect(m.system?.type).toBe(c.type);
    expect(m.system?.actor).toBe(c.actor);
    expect(m.system?.targets).toEqual(c.targets);
    if (c.value !== undefined) expect(m.system?.value).toBe(c.value);
  });

  it('iOS encryption notice with the group as author', () => {
    const body =
      '\u200EMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.';
    const m = one(`\u200E[13/06/2018, 21:25:15] Team 3 Response: ${body}`);
    expect(m.kind).toBe('system');
    // iOS writes system lines under the group's name: no sender, the name kept apart.
    expect(m.sender).toBeNull();
    expect(m.displayedAuthor).toBe('Team 3 Response');
    expect(m.text).toBe(body);
    expect(m.system?.type).toBe('encryption_notice');
    expect(m.system?.actor).toBeNull();
  });

  it('iOS lines the group authors are system lines even when their text is not a known one', () => {
    const result = parse(
      [
        '[12/10/2025, 01:00:00] Lappers: \u200EMessages and calls are end-to-end encrypted.',
        '[19/10/2025, 01:02:19] Lappers: \u200ERudi Anderson added you',
        '[19/10/2025, 01:03:00] Rudi Anderson: hello',
        '[19/10/2025, 01:04:00] Lappers: \u200ERudi Anderson pinned a message',
        '[19/10/2025, 01:05:00] Rudi Anderson: \u200Eimage omitted',
        '[19/10/2025, 01:06:00] Rudi Anderson: \u200EMissed voice call',
      ].join('\n'),
    );
    const kinds = result.messages.map((m) => [m.sender ?? m.displayedAuthor, m.kind, m.system?.type ?? null]);
    expect(result.messages.filter((m) => m.kind === 'system').map((m) => m.sender)).toEqual([
      null,
      null,
      null,
    ]);
    expect(kinds).toEqual([
      ['Lappers', 'system', 'encryption_notice'],
      ['Lappers', 'system', 'added'],
      ['Rudi Anderson', 'text', null],
      ['Lappers', 'system', 'other'],
      ['Rudi Anderson', 'media', null],
      // A person who also writes ordinary messages is never taken for the group.
      ['Rudi Anderson', 'text', null],
    ]);
    expect(at(result, 3).text).toBe('\u200ERudi Anderson pinned a message');
    expect(result.conversationName).toBe('Lappers');
  });

  it('a group named by a created line authors system lines without U+200E too', () => {
    const result = parse(
      [
        '[14.08.2024, 21:00:00] My Group: Boris created group "My Group"',
        '[14.08.2024, 21:00:10] My Group: Boris added you',
        '[14.08.2024, 21:00:20] My Group: Boris turned on disappearing messages.',
        '[14.08.2024, 21:01:00] Boris: hi',
      ].join('\n'),
    );
    expect(result.messages.map((m) => [m.sender, m.displayedAuthor ?? null, m.kind])).toEqual([
      [null, 'My Group', 'system'],
      [null, 'My Group', 'system'],
      [null, 'My Group', 'system'],
      ['Boris', null, 'text'],
    ]);
  });

  it('iOS "You were added" with no author', () => {
    const m = one('[13/06/2018, 21:25:15] \u200EYou were added');
    expect(m.kind).toBe('system');
    expect(m.sender).toBeNull();
    expect(m.text).toBe('\u200EYou were added');
    expect(m.system?.type).toBe('added');
    expect(m.system?.targets).toEqual(['You']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('media', () => {
  const android = '13/06/2018, 21:25 - Dan Hughes: ';
  const ios = '\u200E[13/06/2018, 21:25:15] Dan Hughes: ';

  it.each([
    ['Android omitted', `${android}<Media omitted>`, '<Media omitted>'],
    ['Android omitted (German)', `${android}<Medien weggelassen>`, '<Medien weggelassen>'],
    ['Android omitted (Spanish)', `${android}<Archivo omitido>`, '<Archivo omitido>'],
    ['iOS image omitted', `${ios}\u200Eimage omitted`, '\u200Eimage omitted'],
    ['iOS video omitted', `${ios}\u200Evideo omitted`, '\u200Evideo omitted'],
    ['iOS audio omitted', `${ios}\u200Eaudio omitted`, '\u200Eaudio omitted'],
    ['iOS sticker omitted', `${ios}\u200Esticker omitted`, '\u200Esticker omitted'],
    ['iOS GIF omitted', `${ios}\u200EGIF omitted`, '\u200EGIF omitted'],
    ['iOS document omitted', `${ios}\u200Edocument omitted`, '\u200Edocument omitted'],
    ['iOS image omitted without U+200E', `${ios}image omitted`, 'image omitted'],
  ])('%s', (_name, line, text) => {
    const m = one(line);
    expect(m.kind).toBe('media');
    expect(m.sender).toBe('Dan Hughes');
    expect(m.text).toBe(text);
    expect(m.media).toEqual({ fileName: null, omitted: true, caption: null });
  });

  it('Android attached with a caption on the next line', () => {
    const result = parse(
      `${android}IMG-20210428-WA0001.jpg (file attached)\nlook at this\n13/06/2018, 21:26 - Kate: 😂`,
    );
    const m = at(result, 0);
    expect(m.kind).toBe('media');
    expect(m.text).toBe('IMG-20210428-WA0001.jpg (file attached)\nlook at this');
    expect(m.media).toEqual({ fileName: 'IMG-20210428-WA0001.jpg', omitted: false, caption: 'look at this' });
    expect(span(m)).toMatchObject({ lineStart: 1, lineEnd: 2 });
  });

  it('Android attached without a caption', () => {
    const m = one(`${android}VID-20210428-WA0002.mp4 (file attached)`);
    expect(m.kind).toBe('media');
    expect(m.media).toEqual({ fileName: 'VID-20210428-WA0002.mp4', omitted: false, caption: null });
  });

  it('Android attached (German)', () => {
    const m = one(`${android}IMG-20210428-WA0001.jpg (Datei angehängt)`);
    expect(m.kind).toBe('media');
    expect(m.media?.fileName).toBe('IMG-20210428-WA0001.jpg');
    expect(m.media?.omitted).toBe(false);
  });

  it('old Android <\u200Eattached>', () => {
    const m = one(`${android}2015-08-04-PHOTO-00004762.jpg <\u200Eattached>`);
    expect(m.kind).toBe('media');
    expect(m.text).toBe('2015-08-04-PHOTO-00004762.jpg <\u200Eattached>');
    expect(m.media?.fileName).toBe('2015-08-04-PHOTO-00004762.jpg');
    expect(m.media?.omitted).toBe(false);
  });

  it('iOS <attached: …>', () => {
    const m = one(`${ios}\u200E<attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg>`);
    expect(m.kind).toBe('media');
    expect(m.text).toBe('\u200E<attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg>');
    expect(m.media?.fileName).toBe('00000042-PHOTO-2020-06-07-15-13-20.jpg');
    expect(m.media?.omitted).toBe(false);
    expect(m.time.localText).toBe('13/06/2018, 21:25:15');
  });

  it('iOS document with title and page count', () => {
    const m = one(`${ios}V--- SEGA RS.pdf • 14 pages <attached: 00000002-RS.pdf>`);
    expect(m.kind).toBe('media');
    expect(m.text).toBe('V--- SEGA RS.pdf • 14 pages <attached: 00000002-RS.pdf>');
    expect(m.media?.fileName).toBe('00000002-RS.pdf');
    expect(m.media?.omitted).toBe(false);
  });
});

describe('deleted, edited, polls, locations', () => {
  it.each([
    ['13/06/2018, 21:25 - Dan Hughes: This message was deleted', 'This message was deleted'],
    ['13/06/2018, 21:25 - Dan Hughes: This message was deleted.', 'This message was deleted.'],
    ['13/06/2018, 21:25 - Dan Hughes: You deleted this message', 'You deleted this message'],
    [
      '\u200E[13/06/2018, 21:25:15] Dan Hughes: \u200EThis message was deleted.',
      '\u200EThis message was deleted.',
    ],
    [
      '\u200E[13/06/2018, 21:25:15] Dan Hughes: \u200EYou deleted this message.',
      '\u200EYou deleted this message.',
    ],
  ])('deleted: %s', (line, text) => {
    const m = one(line);
    expect(m.kind).toBe('deleted');
    expect(m.sender).toBe('Dan Hughes');
    expect(m.text).toBe(text);
    expect(m.media).toBeNull();
    expect(m.system).toBeNull();
  });

  it('edited marker (Android) stays in the text', () => {
    const m = one('13/06/2018, 21:25 - Dan Hughes: on my way <This message was edited>');
    expect(m.kind).toBe('text');
    expect(m.edited).toBe(true);
    expect(m.text).toBe('on my way <This message was edited>');
  });

  it('edited marker (iOS, after U+200E) on a multi-line message', () => {
    const result = parse(
      '[13/06/2018, 21:25:15] Dan Hughes: line one\nline two \u200E<This message was edited>\n[13/06/2018, 21:26:00] Kate: ok',
    );
    const m = at(result, 0);
    expect(m.kind).toBe('text');
    expect(m.edited).toBe(true);
    expect(m.text).toBe('line one\nline two \u200E<This message was edited>');
    expect(at(result, 1).edited).toBe(false);
  });

  it('POLL: with OPTION lines', () => {
    const result = parse(
      [
        '13/06/2018, 21:25 - Sgt Kate Morris: POLL:',
        'Who wants overtime Saturday?',
        'OPTION: Me (2 votes)',
        'OPTION: Not me (1 vote)',
        'OPTION: Depends on the rate (0 votes)',
        '13/06/2018, 21:30 - Dan Hughes: me obviously',
      ].join('\n'),
    );
    expect(result.messages).toHaveLength(2);
    const m = at(result, 0);
    expect(m.kind).toBe('poll');
    expect(m.sender).toBe('Sgt Kate Morris');
    expect(m.text).toBe(
      'POLL:\nWho wants overtime Saturday?\nOPTION: Me (2 votes)\nOPTION: Not me (1 vote)\nOPTION: Depends on the rate (0 votes)',
    );
    expect(m.poll).toEqual({
      question: 'Who wants overtime Saturday?',
      options: [
        { text: 'Me', votes: 2 },
        { text: 'Not me', votes: 1 },
        { text: 'Depends on the rate', votes: 0 },
      ],
    });
    expect(span(m)).toMatchObject({ lineStart: 1, lineEnd: 5 });
    expect(at(result, 1).kind).toBe('text');
    expect(span(at(result, 1))).toMatchObject({ lineStart: 6, lineEnd: 6 });
  });

  it('location: URL', () => {
    const m = one('13/06/2018, 21:25 - Dan Hughes: location: https://maps.google.com/?q=51.481,-3.179');
    expect(m.kind).toBe('location');
    expect(m.text).toBe('location: https://maps.google.com/?q=51.481,-3.179');
    expect(m.location).toEqual({ url: 'https://maps.google.com/?q=51.481,-3.179', live: false });
  });

  it('live location shared', () => {
    const m = one('13/06/2018, 21:25 - Dan Hughes: live location shared');
    expect(m.kind).toBe('location');
    expect(m.text).toBe('live location shared');
    expect(m.location).toEqual({ url: null, live: true });
  });
});

// ---------------------------------------------------------------------------------------------------

describe('date order', () => {
  it('infers day-first when a first field is above 12', () => {
    const result = parse('03/06/2018, 09:00 - Dan: a\n13/06/2018, 09:00 - Dan: b');
    expect(result.report.dateOrder).toBe('dmy');
    expect(at(result, 0).time.utc).toBe('2018-06-03T09:00:00.000Z');
    expect(at(result, 1).time.utc).toBe('2018-06-13T09:00:00.000Z');
    expect(result.report.notices.some((n) => n.code === 'date_order_inferred')).toBe(true);
    expect(result.report.dateOrderBasis.length).toBeGreaterThan(0);
  });

  it('infers month-first when a second field is above 12', () => {
    const result = parse('06/03/2018, 09:00 - Dan: a\n06/13/2018, 09:00 - Dan: b');
    expect(result.report.dateOrder).toBe('mdy');
    expect(at(result, 0).time.utc).toBe('2018-06-03T09:00:00.000Z');
    expect(at(result, 1).time.utc).toBe('2018-06-13T09:00:00.000Z');
  });

  it('refuses to guess when every day is 12 or less', () => {
    const text = '03/06/2018, 09:00 - Dan: a\n04/06/2018, 09:00 - Dan: b';
    const err = expectThrowsEvidence(() => parse(text), /date order|--date-order/i);
    expect(err.message).toMatch(/--date-order/);
  });

  it('uses a declared order on a file that cannot decide', () => {
    const text = '03/06/2018, 09:00 - Dan: a\n04/06/2018, 09:00 - Dan: b';
    const dmy = parse(text, { dateOrder: 'dmy' });
    expect(dmy.report.dateOrder).toBe('dmy');
    expect(at(dmy, 0).time.utc).toBe('2018-06-03T09:00:00.000Z');
    const mdy = parse(text, { dateOrder: 'mdy' });
    expect(mdy.report.dateOrder).toBe('mdy');
    expect(at(mdy, 0).time.utc).toBe('2018-03-06T09:00:00.000Z');
    expect(at(mdy, 1).time.utc).toBe('2018-04-06T09:00:00.000Z');
  });

  it('refuses a declared order the file contradicts', () => {
    expectThrowsEvidence(() => parse('13/06/2018, 09:00 - Dan: a', { dateOrder: 'mdy' }), /date.order/i);
  });

  it('refuses a declared order the file contradicts on some headers, naming the line', () => {
    // Read as month/day, lines 2 and 3 would be impossible dates folded into the message above.
    const text = '03/06/2018, 09:00 - Dan: a\n13/06/2018, 09:00 - Kate: b\n14/06/2018, 09:00 - Dan: c';
    const mdy = expectThrowsEvidence(() => parse(text, { dateOrder: 'mdy' }), /--date-order mdy/);
    expect(mdy.details.line).toBe(2);
    expect(mdy.message).toMatch(/line 2/);
    const dmy = expectThrowsEvidence(
      () => parse('06/03/2018, 09:00 - Dan: a\n06/13/2018, 09:00 - Kate: b', { dateOrder: 'dmy' }),
      /--date-order dmy/,
    );
    expect(dmy.details.line).toBe(2);
    const ymd = expectThrowsEvidence(() => parse(text, { dateOrder: 'ymd' }), /--date-order ymd/);
    expect(ymd.details.line).toBe(1);
    expectThrowsEvidence(
      () => parse('[2018/06/03, 09:00:00] Dan: a\n[2018/06/04, 09:00:00] Kate: b', { dateOrder: 'dmy' }),
      /four-digit year/,
    );
  });

  it('takes a declared order where the file contradicts itself, flagging the impossible lines', () => {
    // A day over 12 on both sides: the file cannot decide, so the declared order stands.
    const text = '13/06/2018, 09:00 - Dan: a\n06/14/2018, 09:00 - Kate: b';
    expectThrowsEvidence(() => parse(text), /--date-order/);
    const result = parse(text, { dateOrder: 'dmy' });
    expect(result.messages).toHaveLength(1);
    expectAccounted(result);
    expect(result.report.notices.some((n) => n.code === 'header_like_continuation' && n.line === 2)).toBe(
      true,
    );
  });

  it('reads a file that changes from year-first to day-first headers, each variant in its own order', () => {
    const result = parse(
      [
        '[2018/06/03, 09:00:00] Dan: a',
        '[2018/06/04, 09:00:00] Kate: b',
        '[13/06/2018, 09:00:00] Kate: c',
        '[14/06/2018, 09:00:00] Dan: d',
      ].join('\n'),
    );
    expect(result.messages.map((m) => m.time.utc.slice(0, 10))).toEqual([
      '2018-06-03',
      '2018-06-04',
      '2018-06-13',
      '2018-06-14',
    ]);
    expect(result.report.dateOrderBasis).toMatch(/ymd .*from line 1.*dmy .*from line 3/);
  });

  it('keeps a lone header of another variant of the same form in the message above, with a notice', () => {
    const result = parse(
      '[2018/06/03, 09:00:00] Dan: a\n[2018/06/04, 09:00:00] Kate: b\n[13/06/2018, 09:00:00] Kate: c\n[2018/06/05, 09:00:00] Dan: d',
    );
    expect(result.messages).toHaveLength(3);
    expect(at(result, 1).text).toBe('b\n[13/06/2018, 09:00:00] Kate: c');
    expect(result.report.notices.map((n) => n.code)).toContain('header_like_continuation');
  });
});

describe('daylight saving (Europe/London)', () => {
  // 2021-03-28 01:00-02:00 never happened (GMT to BST); 2021-10-31 01:00-02:00 happened twice.
  const text = [
    '27/03/2021, 23:00 - Dan: before the change',
    '28/03/2021, 01:30 - Dan: in the gap',
    '28/03/2021, 03:00 - Dan: after the change',
    '31/10/2021, 01:30 - Kate: first time round',
    '31/10/2021, 01:55 - Kate: still summer time',
    '31/10/2021, 01:05 - Kate: the clock went back',
    '31/10/2021, 01:30 - Kate: second time round',
    '31/10/2021, 02:30 - Kate: after',
  ].join('\n');

  it('moves a nonexistent time forward and resolves repeated times by file order', () => {
    const result = parse(text, { zone: 'Europe/London' });
    const times = result.messages.map((m) => [m.time.localText, m.time.utc, m.time.resolution, m.time.zone]);
    expect(times).toEqual([
      ['27/03/2021, 23:00', '2021-03-27T23:00:00.000Z', 'exact', 'Europe/London'],
      // Moved forward by the one-hour gap: 02:30 BST.
      ['28/03/2021, 01:30', '2021-03-28T01:30:00.000Z', 'nonexistent', 'Europe/London'],
      ['28/03/2021, 03:00', '2021-03-28T02:00:00.000Z', 'exact', 'Europe/London'],
      // First pass through the repeated hour: BST (UTC+1).
      ['31/10/2021, 01:30', '2021-10-31T00:30:00.000Z', 'ambiguous', 'Europe/London'],
      ['31/10/2021, 01:55', '2021-10-31T00:55:00.000Z', 'ambiguous', 'Europe/London'],
      // The wall clock stepped back inside the repeated hour: second pass, GMT.
      ['31/10/2021, 01:05', '2021-10-31T01:05:00.000Z', 'ambiguous', 'Europe/London'],
      ['31/10/2021, 01:30', '2021-10-31T01:30:00.000Z', 'ambiguous', 'Europe/London'],
      ['31/10/2021, 02:30', '2021-10-31T02:30:00.000Z', 'exact', 'Europe/London'],
    ]);
    const notices = result.report.notices;
    expect(notices.some((n) => n.code === 'time_nonexistent' && n.line === 2)).toBe(true);
    expect(notices.some((n) => n.code === 'time_ambiguous' && n.line === 4)).toBe(true);
  });

  it('reads summer time as BST and never uses the host zone', () => {
    const m = one('01/07/2021, 12:00 - Dan: summer', { zone: 'Europe/London', dateOrder: 'dmy' });
    expect(m.time.utc).toBe('2021-07-01T11:00:00.000Z');
    expect(m.time.resolution).toBe('exact');
    const ny = one('01/07/2021, 12:00 - Dan: summer', { zone: 'America/New_York', dateOrder: 'dmy' });
    expect(ny.time.utc).toBe('2021-07-01T16:00:00.000Z');
  });
});
