import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, jsonLines, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';
import { buildMsgstoreCurrent, buildWaDb } from '../support/fixtures/device/android.js';
import { buildChatStorage } from '../support/fixtures/device/ios.js';
import { buildModel, expected } from '../support/fixtures/device/model.js';
import { buildUfdr } from '../support/fixtures/device/ufdr.js';
import { tempDir } from '../support/device.js';

interface Line {
  conversation: string;
  sender: string | null;
  kind: string;
  text: string;
  utc: string;
  keyId: string | null;
  senderJid: string | null;
  replyTo: { keyId: string | null } | null;
  reactions: { emoji: string }[];
  source: { table?: string; rowId?: number; modelId?: string } | null;
  sources: { exhibit: string; table?: string; rowId?: number; modelId?: string; lineStart?: number }[];
  exhibit: string;
}

const lines = (out: string) => jsonLines<Line>(out);

if (PG_SKIPPED) describe.skip(`device intake on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('device databases through exhibit add on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir();
  const model = buildModel(11);
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Phones']);
  });
  afterAll(async () => ws.cleanup());

  it('imports an Android msgstore.db with its -wal and wa.db, keeping every message with its row and identity', async () => {
    const db = path.join(dir, 'msgstore.db');
    const wa = path.join(dir, 'wa.db');
    buildMsgstoreCurrent(model, db, { walTail: 2 });
    buildWaDb(model, wa);
    expect(existsSync(`${db}-wal`)).toBe(true);
    const before = readFileSync(db);
    const r = await ws.cli([
      'exhibit',
      'add',
      'Phones',
      db,
      '--ref',
      'AB/1',
      '--contacts',
      wa,
      '--owner',
      model.owner.phone,
      '--json',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as {
      messages: number;
      report: { kind: string; format: string; conversations: number };
    };
    const want = expected(model, 'android');
    expect(out.report).toMatchObject({
      kind: 'device',
      format: 'android-msgstore',
      conversations: model.chats.length,
    });
    expect(out.messages).toBe(want.length);
    expect(readFileSync(db).equals(before)).toBe(true);

    const shown = await ws.json<{ files: { role: string }[] }>(['exhibit', 'show', 'Phones', 'AB/1']);
    expect(shown.files.map((f) => f.role).sort()).toEqual(['contacts', 'wal']);

    const got = lines((await ws.cli(['messages', 'Phones', '--jsonl'])).out).filter(
      (m) => m.exhibit === 'AB/1',
    );
    expect(got).toHaveLength(want.length);
    const byKey = new Map(got.map((m) => [m.keyId, m]));
    for (const w of want) {
      const m = byKey.get(w.keyId);
      expect(m, `message ${w.keyId}`).toBeDefined();
      expect(m?.text).toBe(w.text);
      expect(m?.kind).toBe(w.kind);
      expect(m?.utc).toBe(w.utc);
      expect(m?.replyTo?.keyId ?? null).toBe(w.replyKey);
      expect((m?.reactions ?? []).map((x) => x.emoji).sort()).toEqual(
        [...w.reactions].map((x) => x.split(':').pop()).sort(),
      );
      expect(m?.source?.table).toBe('message');
      expect(m?.sources).toEqual([{ exhibit: 'AB/1', table: 'message', rowId: m?.source?.rowId }]);
    }
    expect(got.some((m) => m.senderJid !== null)).toBe(true);
    // The plain listing names the table and row, not a line the database does not have.
    const plain = (await ws.cli(['messages', 'Phones'])).out;
    expect(plain).toMatch(/<AB\/1 message#\d+>/u);
    expect(plain).not.toContain('l.null');
    expect((await ws.cli(['verify'])).code).toBe(0);
  });

  it('imports an iOS ChatStorage.sqlite and a UFDR', async () => {
    const ios = path.join(dir, 'ChatStorage.sqlite');
    buildChatStorage(model, ios);
    const a = await ws.json<{ messages: number }>(['exhibit', 'add', 'Phones', ios, '--ref', 'AB/2']);
    expect(a.messages).toBe(expected(model, 'ios').length);
    const ufdr = path.join(dir, 'report.ufdr');
    buildUfdr(model, ufdr, { labels: 'new' });
    const b = await ws.json<{ messages: number; report: { format: string } }>([
      'exhibit',
      'add',
      'Phones',
      ufdr,
      '--ref',
      'AB/3',
    ]);
    expect(b.report.format).toBe('ufdr');
    expect(b.messages).toBe(expected(model, 'ufdr').length);
    const conversations = await ws.json<{ conversations: { name: string }[] }>(['stats', 'Phones']);
    expect(conversations.conversations.length).toBe(model.chats.length * 3);
  });

  it('refuses an encrypted backup and writes nothing', async () => {
    const crypt = path.join(dir, 'msgstore.db.crypt15');
    const bytes = Buffer.alloc(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) >>> 24;
    writeFileSync(crypt, bytes);
    const before = await ws.json<{ messages: number }>(['stats', 'Phones']);
    const r = await ws.cli(['exhibit', 'add', 'Phones', crypt, '--ref', 'AB/9']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/msgstore\.db\.crypt15.*decrypt/);
    expect((await ws.json<{ messages: number }>(['stats', 'Phones'])).messages).toBe(before.messages);
  });
});
