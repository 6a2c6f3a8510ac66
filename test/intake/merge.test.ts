import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../helpers/cli.js';
import { buildMsgstoreCurrent } from '../device/fixtures/android.js';
import { buildChatStorage } from '../device/fixtures/ios.js';
import { buildModel, expected, type Model } from '../device/fixtures/model.js';
import { tempDir } from '../device/helpers.js';

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
