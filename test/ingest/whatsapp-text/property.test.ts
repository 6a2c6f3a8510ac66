/**
 * Property: a random conversation rendered in any header style of formats.md §1 parses back to the
 * same senders, kinds, bodies, local times and line spans, and every input line is accounted for.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../src/domain/message.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';
import {
  EXPORT_STYLE_NAMES,
  EXPORT_STYLES,
  headerLine,
  type Conversation,
  type ExpectedMessage,
  type ExportStyleName,
  type LocalDateTime,
  type MediaType,
  type ModelMessage,
  type ModelSystem,
  type RenderOptions,
  renderExport,
} from '../../support/fixtures/export-styles.js';

const RUNS_PER_STYLE = Number(process.env.PROPERTY_RUNS ?? 50);

// ---------------------------------------------------------------------------------------------------
// Generators

const capWord = fc.stringMatching(/^[A-Z][a-z]{1,7}$/);
const knownFirst = fc.constantFrom(
  'Dan',
  'Kate',
  'Jim',
  'Priya',
  'Olu',
  'Zoë',
  'Siobhán',
  'Łukasz',
  'Mei',
  'Ahmed',
);
const firstName = fc.oneof(knownFirst, capWord);
const emoji = fc.constantFrom('🌸', '🚓', '👮‍♂️', '🍺', '😎', '🇬🇧', '👍🏽');

const senderName: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(firstName, fc.option(capWord)).map(([a, b]) => (b ? `${a} ${b}` : a)) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(firstName, emoji, fc.boolean())
      .map(([n, e, pre]) => (pre ? `${e} ${n}` : `${n} ${e}`)),
  },
  { weight: 1, arbitrary: fc.tuple(firstName, capWord).map(([a, b]) => `${a} - ${b}`) },
  { weight: 1, arbitrary: firstName.map((n) => `~ ${n}`) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 0, max: 999 }).map((n) => `+44 7700 900${String(n).padStart(3, '0')}`),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('PC', 'Sgt', 'DC', 'Insp.'), firstName).map(([r, n]) => `${r} ${n}`),
  },
);

/** Words that never make a body read as a media, deleted, poll, location or system text. */
const safeWord = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      'shift',
      'nights',
      'van',
      'custody',
      'kebab',
      'overtime',
      'court',
      'tomorrow',
      'mate',
      'briefing',
      'the',
      'at',
      'on',
      'café',
      'naïve',
      'straße',
      '😂',
      '👍',
      '🚔',
      '“quoted”',
      '(sic)',
      '21:30',
      '3/6/18',
      'a - b',
      '...',
      '!!',
      '£20',
      'x'.repeat(3),
    ),
  },
  { weight: 2, arbitrary: fc.stringMatching(/^[a-z]{1,8}$/) },
  { weight: 1, arbitrary: fc.stringMatching(/^[a-z0-9]{1,6}[?!.,]?$/) },
);
const sentence = fc.array(safeWord, { minLength: 1, maxLength: 8 }).map((w) => w.join(' '));
const label = fc.constantFrom('Note', 'Re', 'PS', 'Time', 'Venue', 'Update', 'FYI', 'Q');
const labelled = fc.tuple(label, sentence).map(([l, s]) => `${l}: ${s}`);
/** Lines that start with a letter (never a digit, '[' or U+200E), so they cannot be this style's header. */
const firstLine = fc.oneof(
  { weight: 4, arbitrary: sentence.map((s) => `ok ${s}`) },
  { weight: 1, arbitrary: labelled },
);

const localTime: fc.Arbitrary<LocalDateTime> = fc.record({
  year: fc.integer({ min: 2010, max: 2029 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  hour: fc.integer({ min: 0, max: 23 }),
  minute: fc.integer({ min: 0, max: 59 }),
  second: fc.integer({ min: 0, max: 59 }),
});

function otherFamilyStyles(style: ExportStyleName): ExportStyleName[] {
  const family = EXPORT_STYLES[style].family;
  return EXPORT_STYLE_NAMES.filter((n) => EXPORT_STYLES[n].family !== family);
}

const continuationLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: sentence.map((s) => `and ${s}`) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 2, arbitrary: labelled },
  { weight: 1, arbitrary: sentence.map((s) => `  - ${s}`) },
);

/** A header line of a style of another family, as someone might paste it into a message. */
function pastedHeader(style: ExportStyleName): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...otherFamilyStyles(style)), localTime, senderName, sentence)
    .map(([other, t, who, s]) => headerLine(other, t, who, s));
}

const body: fc.Arbitrary<string> = fc
  .tuple(firstLine, fc.array(continuationLine, { maxLength: 4 }))
  .map(([head, rest]) => [head, ...rest].join('\n'));

const mediaType = fc.constantFrom<MediaType>('image', 'video', 'audio', 'sticker', 'GIF', 'document');

function fileName(style: ExportStyleName): fc.Arbitrary<string> {
  const n = fc.integer({ min: 1, max: 9999 });
  const ymd = fc.tuple(
    fc.integer({ min: 2015, max: 2025 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  );
  const pad = (v: number, w = 2): string => String(v).padStart(w, '0');
  if (EXPORT_STYLES[style].platform === 'ios') {
    return fc
      .tuple(n, fc.constantFrom('PHOTO', 'VIDEO', 'AUDIO'), ymd)
      .map(([i, kind, [y, m, d]]) => `${pad(i, 8)}-${kind}-${y}-${pad(m)}-${pad(d)}-15-13-20.jpg`);
  }
  return fc
    .tuple(fc.constantFrom('IMG', 'VID', 'PTT', 'STK'), ymd, n)
    .map(([kind, [y, m, d], i]) => `${kind}-${y}${pad(m)}${pad(d)}-WA${pad(i, 4)}.jpg`);
}

const subject = fc.oneof(
  sentence,
  fc.tuple(sentence, sentence).map(([a, b]) => `${a}: ${b}`),
);

function systemEvent(names: fc.Arbitrary<string>): fc.Arbitrary<ModelSystem> {
  return fc.oneof(
    fc.constant<ModelSystem>({ type: 'encryption_notice' }),
    fc.record({ type: fc.constant('created' as const), actor: names, subject, curly: fc.boolean() }),
    fc.record({ type: fc.constant('added' as const), actor: names, target: names }),
    fc.record({ type: fc.constant('removed' as const), actor: names, target: names }),
    fc.record({ type: fc.constant('left' as const), actor: names }),
    fc.record({ type: fc.constant('joined_by_link' as const), actor: names }),
    fc.record({ type: fc.constant('subject_changed' as const), actor: names, from: subject, to: subject }),
    fc.record({ type: fc.constant('icon_changed' as const), actor: names }),
    fc.record({ type: fc.constant('number_changed' as const), actor: names }),
  );
}

function message(style: ExportStyleName, names: fc.Arbitrary<string>): fc.Arbitrary<ModelMessage> {
  const local = localTime;
  return fc.oneof(
    {
      weight: 10,
      arbitrary: fc.record({
        kind: fc.constant('text' as const),
        sender: names,
        text: body,
        edited: fc.boolean(),
        local,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('media' as const),
        sender: names,
        local,
        media: fc.record({ fileName: fc.option(fileName(style)), mediaType, caption: fc.option(sentence) }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('system' as const),
        sender: fc.constant(null),
        local,
        system: systemEvent(names),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('deleted' as const),
        sender: names,
        local,
        byOwner: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('poll' as const),
        sender: names,
        local,
        poll: fc.record({
          question: sentence.map((s) => `${s}?`),
          options: fc.array(
            fc.record({
              text: sentence,
              votes: fc.option(fc.integer({ min: 0, max: 20 }), { nil: null, freq: 100 }),
            }),
            { minLength: 1, maxLength: 4 },
          ),
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant('location' as const),
        sender: names,
        local,
        location: fc.oneof(
          fc.constant({ url: null, live: true }),
          fc
            .tuple(fc.integer({ min: -89_000, max: 89_000 }), fc.integer({ min: -179_000, max: 179_000 }))
            .map(([la, lo]) => ({
              url: `https://maps.google.com/?q=${la / 1000},${lo / 1000}`,
              live: false,
            })),
        ),
      }),
    },
  );
}

const AM_PM_NAME = /^[ap]\.?\s?m\.?(\s|$)/i;

/**
 * A conversation; where it has at least three messages, one text message may carry a pasted header
 * line of another style (kept rarer than the real headers, or the other style would be the file's).
 */
function conversation(style: ExportStyleName): fc.Arbitrary<Conversation> {
  return fc
    .uniqueArray(
      // In the 'spaces' style nothing separates the time from the author, so an author named "Am" or
      // "PM Office" reads as a 12-hour clock; golden.test.ts pins that case down on its own.
      style === 'spaces' ? senderName.filter((n) => !AM_PM_NAME.test(n)) : senderName,
      { minLength: 2, maxLength: 6 },
    )
    .chain((people) => {
      const names = fc.constantFrom(...people);
      return fc.record({
        groupName: fc
          .tuple(capWord, fc.option(emoji))
          .map(([w, e]) => (e ? `${w} Shift ${e}` : `${w} Shift`)),
        messages: fc.array(message(style, names), { minLength: 1, maxLength: 14 }),
      });
    })
    .chain((conv) =>
      fc.tuple(fc.constant(conv), fc.option(fc.tuple(fc.nat(), pastedHeader(style)))).map(([c, paste]) => {
        const texts = c.messages.flatMap((m, i) => (m.kind === 'text' ? [i] : []));
        if (!paste || c.messages.length < 3 || texts.length === 0) return c;
        const at = texts[paste[0] % texts.length] ?? 0;
        const messages = c.messages.map((m, i) =>
          i === at && m.kind === 'text' ? { ...m, text: `${m.text}\n${paste[1]}` } : m,
        );
        return { ...c, messages };
      }),
    );
}

const renderOptions: fc.Arbitrary<RenderOptions> = fc.record({
  lineEndings: fc.constantFrom('lf' as const, 'crlf' as const, 'mixed' as const),
  mixedSeed: fc.integer({ min: 1, max: 1_000_000 }),
  bom: fc.boolean(),
  preamble: fc.oneof(
    { weight: 3, arbitrary: fc.constant([]) },
    {
      weight: 1,
      arbitrary: fc.array(
        sentence.map((s) => `note ${s}`),
        { minLength: 1, maxLength: 2 },
      ),
    },
  ),
  finalNewline: fc.boolean(),
});

// ---------------------------------------------------------------------------------------------------
// Checks

function projectParsed(m: ParsedMessage): Record<string, unknown> {
  const source = m.source.type === 'text' ? m.source : null;
  return {
    seq: m.seq,
    sender: m.sender,
    displayedAuthor: m.displayedAuthor ?? null,
    kind: m.kind,
    text: m.text,
    edited: m.edited,
    localText: m.time.localText,
    utc: m.time.utc,
    zone: m.time.zone,
    resolution: m.time.resolution,
    media: m.media,
    poll: m.poll,
    location: m.location,
    system: m.system,
    lineStart: source?.lineStart,
    lineEnd: source?.lineEnd,
  };
}

function projectExpected(e: ExpectedMessage): Record<string, unknown> {
  return {
    seq: e.seq,
    sender: e.sender,
    displayedAuthor: e.displayedAuthor,
    kind: e.kind,
    text: e.text,
    edited: e.edited,
    localText: e.localText,
    utc: e.utcInZoneUtc,
    zone: 'UTC',
    resolution: 'exact',
    media: e.media,
    poll: e.poll,
    location: e.location,
    system: e.system,
    lineStart: e.lineStart,
    lineEnd: e.lineEnd,
  };
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

function checkRoundTrip(
  style: ExportStyleName,
  conv: Conversation,
  options: RenderOptions,
  auto = false,
): void {
  const rendered = renderExport(conv, style, options);
  const result = parseExport(rendered.bytes, {
    zone: 'UTC',
    dateOrder: auto ? 'auto' : rendered.style.dateOrder,
    fileName: 'property.txt',
  });
  expect(result.messages.map(projectParsed)).toEqual(rendered.expected.map(projectExpected));
  expect(result.report.dateOrder).toBe(rendered.style.dateOrder);
  expect(result.report.encoding).toBe('utf-8');
  expect(result.report.lines).toBe(rendered.lines);
  expect(result.report.messages).toBe(rendered.expected.length);
  expect(result.report.reportedLines.map((l) => ({ line: l.line, text: l.text }))).toEqual(
    rendered.reportedLines,
  );
  for (const l of result.report.reportedLines) expect(l.reason).toBe('before_first_header');

  // Every input line is in exactly one message span or reported.
  const spanLines = result.messages.reduce(
    (n, m) => n + (m.source.type === 'text' ? m.source.lineEnd - m.source.lineStart + 1 : Number.NaN),
    0,
  );
  expect(spanLines + result.report.reportedLines.length).toBe(result.report.lines);

  // Byte offsets point at the message's own lines (a BOM before line 1 may or may not be inside).
  result.messages.forEach((m, i) => {
    if (m.source.type !== 'text') throw new Error('expected a text source');
    const slice = decoder.decode(rendered.bytes.subarray(m.source.byteStart, m.source.byteEnd));
    expect(slice.replace(/^\uFEFF/, '')).toBe(rendered.expected[i]?.raw);
  });
}

describe.each(EXPORT_STYLE_NAMES)('round trip in style %s', (style) => {
  it('parses a rendered conversation back to the model (declared date order)', () => {
    fc.assert(
      fc.property(conversation(style), renderOptions, (conv, options) => {
        checkRoundTrip(style, conv, options);
      }),
      { numRuns: RUNS_PER_STYLE },
    );
  });

  it('infers the style’s date order when a day above 12 decides it', () => {
    const dayOver12 = fc.integer({ min: 13, max: 28 });
    const deciding = fc.tuple(conversation(style), dayOver12).map(([conv, day]): Conversation => {
      const [first, ...rest] = conv.messages;
      if (!first) return conv;
      return { ...conv, messages: [{ ...first, local: { ...first.local, day } }, ...rest] };
    });
    fc.assert(
      fc.property(deciding, renderOptions, (conv, options) => {
        checkRoundTrip(style, conv, options, true);
      }),
      { numRuns: Math.ceil(RUNS_PER_STYLE / 5) },
    );
  });
});
