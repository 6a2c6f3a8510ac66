import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../../support/cli.js';
import { buildMsgstoreCurrent } from '../../support/fixtures/device/android.js';
import { buildChatStorage } from '../../support/fixtures/device/ios.js';
import { buildModel, expected, type Model } from '../../support/fixtures/device/model.js';
import { tempDir } from '../../support/device.js';
import { matchText, mergeConversations, type MergeInputMessage } from '../../../src/analysis/merge/match.js';
import { parseExport } from '../../../src/ingest/whatsapp-text/parse-export.js';

interface Conversations {
  conversations: {
    id: number;
    name: string;
    groupJid: string | null;
    sources: { exhibit: string }[];
    mergedInto: number | null;
  }[];
  suggestions: { conversations: number[]; reason: string }[];
}
interface Merge {
  id: number;
  report: {
    canonical: number;
    matched: number;
    onlyIn: Record<string, number>;
    conflicts: { kind: string; messageIds: number[] }[];
  };
}

/** The same model with the group's last `drop` messages gone, as if deleted from that phone. */
function withoutLast(model: Model, drop: number): Model {
  return {
    ...model,
    chats: model.chats.map((c) => (c.isGroup ? { ...c, messages: c.messages.slice(0, -drop) } : c)),
  };
}

describe.each(BACKENDS)('one group seen on several phones, merged, on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir();
  const model = buildModel(5);
  const group = model.chats.find((c) => c.isGroup)!;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Two phones']);
    const a = path.join(dir, 'msgstore.db');
    buildMsgstoreCurrent(model, a);
    const b = path.join(dir, 'ChatStorage.sqlite');
    buildChatStorage(withoutLast(model, 3), b);
    expect((await ws.cli(['exhibit', 'add', 'Two phones', a, '--ref', 'A/1'])).code).toBe(0);
    expect((await ws.cli(['exhibit', 'add', 'Two phones', b, '--ref', 'B/1'])).code).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('suggests the merge from the group JID, matches by key id and reports what only one phone holds', async () => {
    const list = await ws.json<Conversations>(['conversations', 'Two phones']);
    const groups = list.conversations.filter((c) => c.groupJid === group.jid);
    expect(groups.map((g) => g.sources[0]?.exhibit).sort()).toEqual(['A/1', 'B/1']);
    const suggestion = list.suggestions.find((s) => s.reason.includes(group.jid));
    expect(suggestion?.conversations.sort()).toEqual(groups.map((g) => g.id).sort());

    const [a, b] = [
      groups.find((g) => g.sources[0]?.exhibit === 'A/1')!,
      groups.find((g) => g.sources[0]?.exhibit === 'B/1')!,
    ];
    const merge = await ws.json<Merge>([
      'merge',
      'Two phones',
      String(a.id),
      String(b.id),
      '--name',
      'Group (both phones)',
    ]);
    const keysA = new Set(
      expected(model, 'android')
        .filter((m) => m.conv === group.jid)
        .map((m) => m.keyId),
    );
    const keysB = new Set(
      expected(withoutLast(model, 3), 'ios')
        .filter((m) => m.conv === group.jid)
        .map((m) => m.keyId),
    );
    const both = [...keysA].filter((k) => keysB.has(k)).length;
    expect(merge.report.matched).toBe(both);
    expect(merge.report.onlyIn[String(a.id)]).toBe([...keysA].filter((k) => !keysB.has(k)).length);
    expect(merge.report.onlyIn[String(b.id)]).toBe([...keysB].filter((k) => !keysA.has(k)).length);
    expect(merge.report.onlyIn[String(a.id)]).toBeGreaterThanOrEqual(3);

    const canonical = (await ws.cli(['merged', 'Two phones', String(merge.id)])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { sources: { exhibit: string }[]; utc: string });
    expect(canonical).toHaveLength(merge.report.canonical);
    expect(canonical.filter((m) => m.sources.length === 2)).toHaveLength(both);
    for (let i = 1; i < canonical.length; i++) expect(canonical[i - 1]!.utc <= canonical[i]!.utc).toBe(true);

    const again = await ws.cli(['merge', 'Two phones', String(a.id), String(b.id)]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already in merge');
    expect((await ws.cli(['unmerge', 'Two phones', String(merge.id)])).code).toBe(0);
    const after = await ws.json<Conversations>(['conversations', 'Two phones']);
    expect(after.conversations.every((c) => c.mergedInto === null)).toBe(true);
    expect((await ws.cli(['verify'])).code).toBe(0);
  });

  it('matches an export (minutes, no key ids) against a database by sender, minute and text', async () => {
    const texts = expected(model, 'android').filter(
      (m) => m.conv === group.jid && m.kind === 'text' && m.sender,
    );
    const lines = texts.map((m) => {
      const local = DateTime.fromISO(m.utc, { zone: 'utc' }).setZone('Europe/London');
      return `${local.toFormat('dd/MM/yyyy, HH:mm')} - ${m.sender}: ${m.text}`;
    });
    const file = path.join(dir, 'WhatsApp Chat with the group.txt');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const r = await ws.cli(['exhibit', 'add', 'Two phones', file, '--ref', 'C/1', '--date-order', 'dmy']);
    expect(r.err).toBe('');
    const list = await ws.json<Conversations>(['conversations', 'Two phones']);
    const exportConv = list.conversations.find((c) => c.sources[0]?.exhibit === 'C/1')!;
    const dbConv = list.conversations.find(
      (c) => c.groupJid === group.jid && c.sources[0]?.exhibit === 'A/1',
    )!;
    const merge = await ws.json<Merge>(['merge', 'Two phones', String(dbConv.id), String(exportConv.id)]);
    expect(merge.report.matched).toBe(texts.length);
    expect(merge.report.onlyIn[String(exportConv.id)]).toBe(0);
  });
});

/** One group exported from two phones: an Android phone in English, an iPhone in German. */
const ANDROID_EXPORT = [
  '18/03/2022, 14:56 - Ana: on my way',
  '18/03/2022, 14:57 - Ana: <Media omitted>',
  '18/03/2022, 14:57 - Bo: <Media omitted>',
  '18/03/2022, 14:58 - Bo: This message was deleted',
  '18/03/2022, 14:59 - Ana: IMG-20220318-WA0001.jpg (file attached)',
  'look at this',
  '18/03/2022, 15:00 - Bo: see you',
].join('\n');
const IPHONE_EXPORT = [
  '[18.03.22, 14:56:10] Ana: on my way',
  '[18.03.22, 14:57:02] Ana: \u200EBild weggelassen',
  '[18.03.22, 14:57:40] Bo: \u200E<Anhang: 00000005-PHOTO-2022-03-18-14-57-40.jpg>',
  '[18.03.22, 14:58:30] Bo: \u200EDiese Nachricht wurde gelöscht.',
  '[18.03.22, 14:59:00] Ana: \u200E<Anhang: 00000006-PHOTO-2022-03-18-14-59-00.jpg>',
  'look at this',
  '[18.03.22, 15:00:05] Bo: see you',
].join('\n');

function exportMessages(text: string, conversationId: number, firstId: number): MergeInputMessage[] {
  const { messages } = parseExport(new TextEncoder().encode(text), {
    zone: 'Europe/London',
    dateOrder: 'dmy',
    fileName: 'chat.txt',
  });
  return messages.map((m, i) => ({
    id: firstId + i,
    conversationId,
    keyId: null,
    sender: m.sender,
    senderJid: null,
    kind: m.kind,
    text: m.text,
    utc: m.time.utc,
  }));
}

describe('merging exports matches placeholders across formats and languages (issue 13.8)', () => {
  it('counts each media and deleted placeholder once, by sender and minute', () => {
    const a = exportMessages(ANDROID_EXPORT, 1, 100);
    const b = exportMessages(IPHONE_EXPORT, 2, 200);
    const merged = mergeConversations([a, b]);
    expect(merged.report.canonical).toBe(6);
    expect(merged.report.matched).toBe(6);
    expect(merged.report.conflicts).toEqual([]);
    expect(matchText({ kind: 'text', text: '\u200EThis message was deleted.' })).toBe(
      matchText({ kind: 'deleted', text: 'This message was deleted' }),
    );
  });

  it('never matches one person’s placeholder with another’s in the same minute', () => {
    const a = exportMessages('18/03/2022, 14:57 - Ana: <Media omitted>', 1, 100);
    const b = exportMessages('[18.03.22, 14:57:02] Bo: \u200Eimage omitted', 2, 200);
    const merged = mergeConversations([a, b]);
    expect(merged.report.canonical).toBe(2);
    expect(merged.report.matched).toBe(0);
  });
});

describe.each(BACKENDS)('two exports of one group merged on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir();
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Exports']);
    const a = path.join(dir, 'WhatsApp Chat with Night Shift.txt');
    const b = path.join(dir, '_chat.txt');
    writeFileSync(a, `${ANDROID_EXPORT}\n`);
    writeFileSync(b, `${IPHONE_EXPORT}\n`);
    expect((await ws.cli(['exhibit', 'add', 'Exports', a, '--ref', 'E/1', '--date-order', 'dmy'])).code).toBe(
      0,
    );
    expect((await ws.cli(['exhibit', 'add', 'Exports', b, '--ref', 'E/2', '--date-order', 'dmy'])).code).toBe(
      0,
    );
  });
  afterAll(async () => ws.cleanup());

  it('gives one canonical message per message, whatever each phone wrote for media and deletions', async () => {
    const list = await ws.json<Conversations>(['conversations', 'Exports']);
    const ids = list.conversations.map((c) => String(c.id));
    const merge = await ws.json<Merge>(['merge', 'Exports', ...ids]);
    expect(merge.report.canonical).toBe(6);
    expect(merge.report.matched).toBe(6);
    const canonical = (await ws.cli(['merged', 'Exports', String(merge.id)])).out.trim().split('\n');
    expect(canonical).toHaveLength(6);
  });
});
