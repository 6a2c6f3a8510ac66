import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../../src/domain/errors.js';
import { detectFormat } from '../../src/evidence/detect-format.js';
import { openDeviceReader } from '../../src/ingest/device/api.js';
import { hashes, readAll, tempDir } from './helpers.js';

/**
 * Regressions from the outside-in acceptance pass on device intake (docs/acceptance-device.md).
 * Fixtures are built here, row by row, from docs/formats.md §2 and §3.
 */

const dir = tempDir('scrutineer-device-acc-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * A current-schema msgstore.db whose tables were all created after the last checkpoint: the main
 * file holds only the header page, the schema and rows sit in msgstore.db-wal beside it.
 */
function walOnlyMsgstore(folder: string): string {
  const work = path.join(folder, 'live');
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const live = path.join(work, 'msgstore.db');
  const db = new Database(live);
  db.pragma('journal_mode = WAL');
  db.pragma('wal_autocheckpoint = 0');
  db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, user TEXT, server TEXT, raw_string TEXT);
    CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
    CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
      sender_jid_row_id INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);`);
  db.exec(`INSERT INTO jid VALUES (1, '120363000000000001', 'g.us', '120363000000000001@g.us'),
    (2, '447700900555', 's.whatsapp.net', '447700900555@s.whatsapp.net');
    INSERT INTO chat VALUES (1, 1, 'Only in the WAL');
    INSERT INTO message VALUES (1, 1, 0, 'W1', 2, 1710000000000, 0, 'recent row');`);
  // Copy while the connection is open: closing would checkpoint the WAL into the main file.
  const out = path.join(folder, 'msgstore.db');
  for (const s of ['', '-wal']) copyFileSync(live + s, out + s);
  db.close();
  rmSync(work, { recursive: true, force: true });
  return out;
}

describe('device intake acceptance regressions', () => {
  it('a msgstore.db whose schema is only in its -wal is detected as Android and read', () => {
    const file = walOnlyMsgstore(path.join(dir, 'wal-only'));
    expect(existsSync(`${file}-wal`)).toBe(true);
    const before = hashes(file);
    expect(detectFormat(file, 'msgstore.db')).toBe('android-msgstore');
    const messages = readAll(openDeviceReader(file, { fileName: 'msgstore.db', zone: 'UTC' }));
    expect(messages.map((m) => m.message.text)).toEqual(['recent row']);
    expect(messages[0]?.message.senderIdentity?.jid).toBe('447700900555@s.whatsapp.net');
    expect(hashes(file)).toEqual(before);
  });

  it('a msgstore.db with a damaged schema page is refused as corrupt, not as another app', () => {
    const good = path.join(dir, 'good.db');
    const db = new Database(good);
    db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, timestamp INTEGER);`);
    db.close();
    const bytes = readFileSync(good);
    bytes[100] = 0x07; // page 1's b-tree page type: no valid type is 7
    const file = path.join(dir, 'damaged.db');
    writeFileSync(file, bytes);
    let caught: unknown = null;
    try {
      detectFormat(file, 'damaged.db');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(EvidenceError);
    expect((caught as Error).message).toMatch(/^damaged\.db: .*corrupt/);
    expect((caught as Error).message).not.toMatch(/another app/);
  });

  it('a pending group_participant_user row is not a current member', () => {
    const file = path.join(dir, 'pending', 'msgstore.db');
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, user TEXT, server TEXT, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
        sender_jid_row_id INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
      CREATE TABLE group_participant_user(_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER,
        user_jid_row_id INTEGER, rank INTEGER, pending INTEGER);
      INSERT INTO jid VALUES (1, '120363000000000002', 'g.us', '120363000000000002@g.us'),
        (2, '447700900111', 's.whatsapp.net', '447700900111@s.whatsapp.net'),
        (3, '447700900222', 's.whatsapp.net', '447700900222@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, 'Shift');
      INSERT INTO group_participant_user VALUES (1, 1, 2, 0, 0), (2, 1, 3, 0, 1);
      INSERT INTO message VALUES (1, 1, 0, 'K1', 2, 1710000000000, 0, 'hi');`);
    db.close();
    const reader = openDeviceReader(file, {
      fileName: 'msgstore.db',
      zone: 'UTC',
      ownerPhone: '447700900999',
    });
    const members = reader.conversations[0]?.participants ?? [];
    readAll(reader);
    const byJid = new Map(members.map((p) => [p.identity.jid, p.current]));
    expect(byJid.get('447700900111@s.whatsapp.net')).toBe(true);
    expect(byJid.has('447700900222@s.whatsapp.net')).toBe(false);
    expect(reader.notices.some((n) => /1 pending row/.test(n.message))).toBe(true);
  });
});
