import fc from 'fast-check';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectDeviceFormat, openDeviceReader, type DeviceReader } from '../../../src/ingest/device/api.js';
import {
  buildMsgstoreCurrent,
  buildMsgstoreLegacy,
  buildWaDb,
} from '../../support/fixtures/device/android.js';
import { buildChatStorage } from '../../support/fixtures/device/ios.js';
import { buildModel, expected, shown, type Format, type Model } from '../../support/fixtures/device/model.js';
import { buildUfdr } from '../../support/fixtures/device/ufdr.js';
import { hashes, normal, readAll, tempDir } from '../../support/device.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ZONE = 'Europe/London';

interface Built {
  readonly file: string;
  readonly contacts: string | null;
  readonly convKey: (reader: DeviceReader) => (key: string) => string;
}

const byJid = () => (key: string) => key;

function build(model: Model, format: Format, seed: number, variant = 0): Built {
  const base = path.join(dir, `${format}-${seed}-${variant}`);
  switch (format) {
    case 'android': {
      buildMsgstoreCurrent(model, `${base}.db`, { walTail: variant === 1 ? 3 : 0 });
      buildWaDb(model, `${base}-wa.db`);
      return { file: `${base}.db`, contacts: `${base}-wa.db`, convKey: byJid };
    }
    case 'legacy':
      buildMsgstoreLegacy(model, `${base}.db`);
      buildWaDb(model, `${base}-wa.db`);
      return { file: `${base}.db`, contacts: `${base}-wa.db`, convKey: byJid };
    case 'ios':
      buildChatStorage(model, `${base}.sqlite`, { walTail: variant === 1 ? 3 : 0 });
      return { file: `${base}.sqlite`, contacts: null, convKey: byJid };
    case 'ufdr':
      buildUfdr(model, `${base}.ufdr`, { labels: variant === 1 ? 'new' : 'old' });
      return {
        file: `${base}.ufdr`,
        contacts: null,
        convKey: () => (key) => model.chats[Number(key.replace('chat-', ''))]?.jid ?? key,
      };
  }
}

function check(seed: number, format: Format, variant = 0): void {
  const model = buildModel(seed);
  const built = build(model, format, seed, variant);
  const before = hashes(built.file);
  const reader = openDeviceReader(built.file, {
    fileName: path.basename(built.file),
    zone: ZONE,
    contactsPath: built.contacts,
    ownerPhone: model.owner.phone,
    ownerName: model.ownerName,
  });
  const convKey = built.convKey(reader);
  const conversations = reader.conversations;
  const messages = readAll(reader);
  const got = messages.map((m) => normal(m, convKey));
  expect(got).toEqual(expected(model, format));

  // seq counts from 0 in each conversation; times are exact and rendered in the declared zone.
  const seqs = new Map<string, number>();
  for (const { conversationKey, message } of messages) {
    const next = seqs.get(conversationKey) ?? 0;
    expect(message.seq).toBe(next);
    seqs.set(conversationKey, next + 1);
    expect(message.time.zone).toBe(ZONE);
    expect(message.time.resolution).toBe('exact');
    expect(message.time.localText).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    if (format === 'ufdr') expect(message.source.type).toBe('xml');
    else expect(message.source).toMatchObject({ type: 'table' });
    expect(message.senderIdentity === null || typeof message.senderIdentity === 'object').toBe(true);
    if (message.sender === model.ownerName) expect(message.senderIdentity?.isOwner).toBe(true);
  }

  // Conversations and their members.
  expect(conversations.map((c) => convKey(c.key))).toEqual(model.chats.map((c) => c.jid));
  for (const [i, chat] of model.chats.entries()) {
    const conv = conversations[i];
    expect(conv?.isGroup).toBe(chat.isGroup);
    if (chat.isGroup) {
      expect(conv?.groupJid).toBe(chat.jid);
      expect(conv?.name).toBe(chat.subject);
    }
    const names = new Set(conv?.participants.map((p) => p.displayName));
    for (const p of chat.members) expect(names).toContain(shown(model, p));
  }
  expect(reader.ownerJid).toBe(model.owner.jid);
  expect(hashes(built.file)).toEqual(before);
}

describe('device readers return what the phone held', () => {
  const formats: Format[] = ['android', 'legacy', 'ios', 'ufdr'];
  for (const format of formats) {
    it(`${format}: random models read back exactly`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
          check(seed, format);
        }),
        { numRuns: 6, seed: 20240607 },
      );
    });
  }

  it('android and iOS: rows still in the -wal are read, from a copy', () => {
    for (const format of ['android', 'ios'] as const) {
      const model = buildModel(77);
      const built = build(model, format, 77, 1);
      expect(existsSync(`${built.file}-wal`)).toBe(true);
      check(77, format, 1);
    }
  });

  it('UFDR: labels in the newer <multiField name="Labels"> are read too', () => {
    check(5, 'ufdr', 1);
  });

  it('android: @lid senders map to phone JIDs; sources name the table row; raw codes kept', () => {
    const model = buildModel(11);
    const built = build(model, 'android', 11);
    const reader = openDeviceReader(built.file, {
      fileName: 'msgstore.db',
      zone: ZONE,
      contactsPath: built.contacts,
      ownerPhone: model.owner.phone,
      ownerName: model.ownerName,
    });
    const messages = readAll(reader);
    const lidPerson = model.people[1];
    const fromLid = messages.find(
      (m) => m.message.senderIdentity?.jid === lidPerson?.jid && m.message.kind !== 'system',
    );
    if (fromLid) expect(fromLid.message.raw?.sender_lid).toBe(lidPerson?.lid);
    for (const { message } of messages) {
      expect(message.source).toMatchObject({ type: 'table', table: 'message' });
      expect(message.raw?.message_type).toBeTypeOf('number');
      if (message.kind === 'system') expect(message.raw?.action_type).toBeTypeOf('number');
    }
    const media = messages.find((m) => m.message.kind === 'media');
    expect(media?.message.raw?.mime_type).toMatch(/\//);
    expect(media?.message.raw?.file_hash).toBeTruthy();
    expect(reader.notices.some((n) => n.code === 'contacts')).toBe(true);
  });

  it('the owner is "Phone owner" when nothing names them, with a notice', () => {
    const model = buildModel(3);
    const built = build(model, 'android', 3);
    const reader = openDeviceReader(built.file, { fileName: 'msgstore.db', zone: ZONE });
    const messages = readAll(reader);
    const own = messages.filter((m) => m.message.senderIdentity?.isOwner && m.message.kind !== 'system');
    expect(own.length).toBeGreaterThan(0);
    for (const m of own) expect(m.message.sender).toBe('Phone owner');
    expect(reader.notices.some((n) => n.code === 'owner_unknown')).toBe(true);
    expect(reader.ownerJid).toBeNull();
  });

  it('local time is the instant in the declared zone', () => {
    const model = buildModel(9);
    const built = build(model, 'ios', 9);
    const reader = openDeviceReader(built.file, { fileName: 'ChatStorage.sqlite', zone: 'America/New_York' });
    const first = readAll(reader)[0]?.message;
    const ms = Date.parse(first?.time.utc ?? '');
    const ny = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'America/New_York',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    }).format(new Date(ms));
    expect(first?.time.localText).toBe(ny);
  });

  it('detects each format from content', () => {
    const model = buildModel(21);
    expect(detectDeviceFormat(build(model, 'android', 21).file)).toBe('android-msgstore');
    expect(detectDeviceFormat(build(model, 'legacy', 21).file)).toBe('android-msgstore');
    expect(detectDeviceFormat(path.join(dir, 'android-21-0-wa.db'))).toBe('android-wa');
    expect(detectDeviceFormat(build(model, 'ios', 21).file)).toBe('ios-chatstorage');
    expect(detectDeviceFormat(build(model, 'ufdr', 21).file)).toBe('ufdr');
  });

  it('leaves no temporary copies behind', () => {
    const leftovers = readdirSync(tmpdir()).filter((n) => n.startsWith('scrutineer-sqlite-'));
    // Other suites may run concurrently; ours closed every reader, so none of ours is left.
    for (const n of leftovers) expect(existsSync(path.join(tmpdir(), n, 'evidence.db'))).toBe(false);
  });
});
