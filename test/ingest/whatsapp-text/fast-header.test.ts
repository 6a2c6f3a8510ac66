/**
 * The fast header readers (fast-header.ts) give exactly what the general matcher gives, or nothing:
 * line by line on every header style of formats.md §1 and on thousands of damaged headers, and
 * message by message on whole exports parsed with and without them.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemoChat } from '../../../src/demo/generate-chat.js';
import type { ExportParseOptions } from '../../../src/ingest/whatsapp-text/api.js';
import { fastHeader } from '../../../src/ingest/whatsapp-text/fast-header.js';
import { matchHeader } from '../../../src/ingest/whatsapp-text/header.js';
import { bufferSource } from '../../../src/ingest/whatsapp-text/lines.js';
import { parseExport, planFromStart, readExport } from '../../../src/ingest/whatsapp-text/parse-export.js';
import {
  EXPORT_STYLE_NAMES,
  headerLine,
  type ExportStyleName,
  type LocalDateTime,
} from '../../support/fixtures/export-styles.js';
import { mulberry32 } from '../../support/random.js';

/** Bodies people write, with emoji, accents, RTL text, colons and header-like starts. */
const OWN_BODIES = [
  'on my way',
  'PM me the rota: nights again?',
  'AM I the only one in at 6?',
  'Café at 10 😂👍',
  'مرحبا ١٢:٣٠',
  '12/03/2020, 10:30 - not a header',
  '<Media omitted>',
  'IMG-20200312-WA0001.jpg (file attached)',
  'This message was deleted',
  'location: https://maps.google.com/?q=51.5,-0.1',
  'POLL:\nWho is in?\nOPTION: me (2 votes)',
  '',
];

/** Bodies from the shared data sets (../shared/data) where this checkout has them. */
function sharedBodies(): string[] {
  const file = path.resolve(__dirname, '../../../../shared/data/hatemojibuild/test.csv');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .slice(1, 400)
    .map((row) => row.split(',')[1] ?? '')
    .filter((t) => t.length > 0);
}

const BODIES = [...OWN_BODIES, ...sharedBodies()];
const SENDERS = ['PC Dan Hughes', 'Sgt Kate Morris', '+44 7700 900461', '~ Zoë', 'PM Office', 'Am Lee'];

/** Times with days over 12 and under, every hour of the clock (so 12-hour stamps show am and pm). */
function times(n: number, seed: number): LocalDateTime[] {
  const rand = mulberry32(seed);
  let t = Date.UTC(2021, 0, 1, 0, 0, 0);
  return Array.from({ length: n }, () => {
    t += Math.floor(rand() * 30 * 3_600_000);
    const d = new Date(t);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
    };
  });
}

/** An export of `n` messages in one style, with a multi-line body and a pasted header of another. */
function exportIn(style: ExportStyleName, n: number, seed: number): string {
  const rand = mulberry32(seed);
  const other = EXPORT_STYLE_NAMES[(EXPORT_STYLE_NAMES.indexOf(style) + 7) % EXPORT_STYLE_NAMES.length]!;
  const lines = times(n, seed).map((t, i) => {
    const body = BODIES[Math.floor(rand() * BODIES.length)]!;
    const sender = SENDERS[i % SENDERS.length]!;
    const extra = i % 17 === 5 ? `\nsecond line\n${headerLine(other, t, 'Someone', 'pasted')}` : '';
    return headerLine(style, t, sender, body) + extra;
  });
  return `${lines.join('\n')}\n`;
}

const SIGNATURES = [
  ...new Set(
    EXPORT_STYLE_NAMES.flatMap((style) =>
      exportIn(style, 20, 3)
        .split('\n')
        .map((l) => matchHeader(l)?.signature)
        .filter((s): s is string => s !== undefined),
    ),
  ),
];
const READERS = SIGNATURES.flatMap((sig) => {
  const read = fastHeader(sig);
  return read ? [{ sig, read }] : [];
});

/** Each line against every fast reader: what they read that the general matcher reads otherwise. */
function disagreements(lines: readonly string[]): { wrong: string[]; read: Map<string, number> } {
  const wrong: string[] = [];
  const read = new Map<string, number>();
  for (const line of lines) {
    const general = matchHeader(line);
    for (const { sig, read: fast } of READERS) {
      const h = fast(line);
      if (h === null) continue;
      read.set(sig, (read.get(sig) ?? 0) + 1);
      try {
        expect(h).toStrictEqual(general);
      } catch {
        wrong.push(`${JSON.stringify(line)} read by the fast reader of ${sig}`);
      }
    }
  }
  return { wrong, read };
}

const EDITS = [
  '',
  ' ',
  '\u00A0',
  '\u202F',
  '\u200E',
  '.',
  ':',
  '/',
  '-',
  '\u2013',
  ',',
  ']',
  '[',
  '0',
  '7',
  '١',
  'A',
  'p',
  'M',
  'm',
  'x',
  'B',
  'E',
  '\u0635',
];

/** Every one-character replacement, insertion and deletion in the first 40 characters. */
function damaged(line: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.min(line.length, 40); i++) {
    for (const e of EDITS) {
      out.push(line.slice(0, i) + e + line.slice(i + 1));
      if (e) out.push(line.slice(0, i) + e + line.slice(i));
    }
  }
  return out;
}

describe('fast header readers', () => {
  it('read the plain header styles', () => {
    const forms = new Set(READERS.map((r) => r.sig.split('|')[0]));
    expect([...forms].sort()).toEqual(['bracket', 'dash']);
    expect(READERS.length).toBeGreaterThanOrEqual(10);
  });

  it('agree with the general matcher on every line of every style, header or not', () => {
    const lines = EXPORT_STYLE_NAMES.flatMap((style) => exportIn(style, 60, 11).split('\n'));
    const { wrong, read } = disagreements(lines);
    expect(wrong).toEqual([]);
    // Each reader reads its own style's headers (60 each, and more where styles share a variant).
    for (const { sig } of READERS) expect(read.get(sig) ?? 0).toBeGreaterThanOrEqual(60);
  });

  it('agree with the general matcher on damaged headers (or leave them to it)', () => {
    const lines = EXPORT_STYLE_NAMES.flatMap((style) =>
      exportIn(style, 2, 5)
        .split('\n')
        .filter((l) => matchHeader(l) !== null)
        .flatMap(damaged),
    );
    expect(lines.length).toBeGreaterThan(50_000);
    const { wrong, read } = disagreements(lines);
    expect(wrong.slice(0, 20)).toEqual([]);
    expect([...read.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(10_000);
  });
});

const OPTIONS = { zone: 'Europe/London', dateOrder: 'auto', fileName: 'chat.txt' } as const;

function parseBoth(text: string, options: Partial<ExportParseOptions> = {}) {
  const bytes = new TextEncoder().encode(text);
  const general = parseExport(bytes, { ...OPTIONS, ...options, fastHeaders: false });
  const fast = parseExport(bytes, { ...OPTIONS, ...options });
  return { general, fast };
}

describe('an export parsed with and without the fast readers', () => {
  it.each(EXPORT_STYLE_NAMES)('gives the same messages and report in style %s', (style) => {
    const { general, fast } = parseBoth(exportIn(style, 300, 23));
    expect(general.messages.length).toBeGreaterThan(250);
    expect(fast).toStrictEqual(general);
  });

  it('gives the same messages for the demo chat', () => {
    const { general, fast } = parseBoth(generateDemoChat(), { conversationName: 'Team 3 Response' });
    expect(general.messages.length).toBeGreaterThan(1000);
    expect(fast).toStrictEqual(general);
  });

  /** Messages and result of an export read with a plan decided from its first 100 lines. */
  function readEarly(text: string, fastHeaders: boolean) {
    const source = bufferSource(new TextEncoder().encode(text), 'chat.txt');
    const options = { ...OPTIONS, fastHeaders };
    const early = planFromStart(source, options, 100);
    const messages = [];
    try {
      const reader = readExport(source, options, early.plan, early.confirm);
      for (let next = reader.next(); ; next = reader.next()) {
        if (next.done) return { messages, result: next.value };
        messages.push(next.value);
      }
    } catch (err) {
      return { messages, error: String(err) };
    }
  }

  it('gives the same messages where the plan is decided from the start and confirmed by the rest', () => {
    // iOS lines amid an Android export are text pasted into its messages.
    const text = exportIn('android-24h-4y', 400, 31) + exportIn('ios-12h-us', 50, 37);
    const general = readEarly(text, false);
    expect(general.messages).toHaveLength(400);
    expect(general.result?.report.lines).toBeGreaterThan(450);
    expect(readEarly(text, true)).toStrictEqual(general);
  });

  it('refuses alike where the rest of the file contradicts the start', () => {
    // The region changes after line 100: a second dash variant the start did not see.
    const text = exportIn('android-24h-4y', 400, 41) + exportIn('android-24h-2y', 50, 43);
    const general = readEarly(text, false);
    expect(general.error).toMatch(/changes what its start decided/);
    expect(readEarly(text, true)).toStrictEqual(general);
  });
});
