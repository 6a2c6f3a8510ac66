/**
 * Group names holding ": " (issue 13.6), with emoji and RTL text: an iOS export writes system lines
 * under the group's name, so "Response B: Nights: ‎Ana added Bo" must not become a message from
 * "Response B". Lines hand-written from formats.md §1 and whatsapp-strings.md.
 */
import { describe, expect, it } from 'vitest';
import type { ExportParseResult } from '../../../src/ingest/whatsapp-text/api.js';
import { chatNameFromFileName } from '../../../src/ingest/whatsapp-text/chat-name.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';

function parse(lines: readonly string[], conversationName: string | null = null): ExportParseResult {
  return parseExport(new TextEncoder().encode(lines.join('\n')), {
    zone: 'UTC',
    dateOrder: 'dmy',
    fileName: '_chat.txt',
    conversationName,
  });
}

const people = (r: ExportParseResult): string[] => [
  ...new Set(r.messages.flatMap((m) => (m.sender === null ? [] : [m.sender]))),
];

describe('iOS group named "Response B: Nights"', () => {
  const G = 'Response B: Nights';
  const lines = [
    `[01/03/2024, 08:00:00] ${G}: \u200EMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
    `[01/03/2024, 08:00:01] ${G}: \u200ESgt Ana Lima created group “${G}”`,
    `[01/03/2024, 08:00:02] ${G}: \u200ESgt Ana Lima added PC Bo Chen`,
    `[01/03/2024, 08:00:03] ${G}: \u200ESgt Ana Lima added PC Cy Dee`,
    '[01/03/2024, 09:00:00] PC Bo Chen: on my way',
    `[02/03/2024, 10:00:00] ${G}: \u200EPC Cy Dee left`,
    '[02/03/2024, 11:00:00] Sgt Ana Lima: briefing at 6',
  ];

  it('keeps created, added and left as system lines with membership events, never messages from "Response B"', () => {
    const r = parse(lines);
    expect(people(r)).toEqual(['PC Bo Chen', 'Sgt Ana Lima']);
    const sys = r.messages.filter((m) => m.kind === 'system');
    expect(sys).toHaveLength(5);
    for (const m of sys) expect(m.displayedAuthor).toBe(G);
    expect(sys.map((m) => [m.system?.type, m.system?.actor, m.system?.targets])).toEqual([
      ['encryption_notice', null, []],
      ['created', 'Sgt Ana Lima', []],
      ['added', 'Sgt Ana Lima', ['PC Bo Chen']],
      ['added', 'Sgt Ana Lima', ['PC Cy Dee']],
      ['left', 'PC Cy Dee', ['PC Cy Dee']],
    ]);
    expect(sys[1]?.system?.value).toBe(G);
    expect(r.conversationName).toBe(G);
  });

  it('uses the chat name from the zip name where no created line says it', () => {
    const r = parse(
      lines.filter((l) => !l.includes('created group')),
      G,
    );
    expect(people(r)).toEqual(['PC Bo Chen', 'Sgt Ana Lima']);
    expect(r.messages.filter((m) => m.kind === 'system')).toHaveLength(4);
  });

  it('takes a zip name whose ":" the file system made "_"', () => {
    const r = parse(
      lines
        .filter((l) => !l.includes('created group'))
        .map((l) => l.replace('PC Cy Dee left', 'PC Cy Dee pinned a message')),
      'Response B_ Nights',
    );
    expect(people(r)).toEqual(['PC Bo Chen', 'Sgt Ana Lima']);
  });

  it('reads the structure alone (": " then U+200E and a known system text) where nothing names the group', () => {
    const r = parse(lines.filter((l) => !l.includes('created group')));
    expect(people(r)).toEqual(['PC Bo Chen', 'Sgt Ana Lima']);
    const left = r.messages.find((m) => m.system?.type === 'left');
    expect(left?.displayedAuthor).toBe(G);
    expect(left?.text).toBe('\u200EPC Cy Dee left');
  });

  it('keeps a person whose message holds ": " a person', () => {
    const r = parse([...lines, '[02/03/2024, 12:00:00] PC Bo Chen: Note: \u200Eimage omitted']);
    const last = r.messages.at(-1);
    expect(last?.sender).toBe('PC Bo Chen');
    expect(last?.text).toBe('Note: \u200Eimage omitted');
  });
});

describe('emoji and right-to-left group names', () => {
  it('🚓 Nights: Team 🌙', () => {
    const G = '🚓 Nights: Team 🌙';
    const r = parse([
      `[01/03/2024, 08:00:01] ${G}: \u200EAna created group "${G}"`,
      `[01/03/2024, 08:00:02] ${G}: \u200EAna added Bo`,
      '[01/03/2024, 08:00:03] Bo: hi',
    ]);
    expect(people(r)).toEqual(['Bo']);
    expect(r.messages[1]?.system?.targets).toEqual(['Bo']);
  });

  it('an Arabic group name holding ": "', () => {
    const G = 'مناوبة: الليل';
    const r = parse([
      `[01/03/2024, 08:00:01] ${G}: \u200Fعلي أنشأ مجموعة "${G}"`,
      `[01/03/2024, 08:00:02] ${G}: \u200Fعلي أضاف سارة`,
      '[01/03/2024, 08:00:03] سارة: مرحبا',
    ]);
    expect(people(r)).toEqual(['سارة']);
    expect(r.messages[1]?.system?.type).toBe('added');
    expect(r.messages[1]?.system?.targets).toEqual(['سارة']);
  });
});

describe('chat names from file names', () => {
  it.each([
    ['WhatsApp Chat - Response B_ Nights.zip', 'Response B_ Nights'],
    ['WhatsApp Chat with Team 3.txt', 'Team 3'],
    ['WhatsApp_Chat_with_Team_3.txt', 'Team 3'],
    ['WhatsApp Chat mit Nachtschicht.txt', 'Nachtschicht'],
    ['Chat de WhatsApp con Turno B.txt', 'Turno B'],
    ['Vardiya ile WhatsApp Sohbeti.txt', 'Vardiya'],
    ['夜勤とのWhatsAppチャット.txt', '夜勤'],
    ['notes.txt', null],
  ])('%s', (file, name) => {
    expect(chatNameFromFileName(file)).toBe(name);
  });
});
