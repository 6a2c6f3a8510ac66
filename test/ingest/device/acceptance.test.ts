import Database from 'better-sqlite3';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../src/domain/errors.js';
import { detectFormat } from '../../../src/ingest/detect-format.js';
import { openDeviceReader } from '../../../src/ingest/device/api.js';
import { openSqliteCopy } from '../../../src/ingest/device/open-copy.js';
import { makeWorkspace } from '../../support/cli.js';
import { hashes, readAll, tempDir } from '../../support/device.js';

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

  it('a row with no timestamp is kept and named in a notice (Android NULL/0, iOS NULL ZMESSAGEDATE)', () => {
    const android = path.join(dir, 'undated', 'msgstore.db');
    mkdirSync(path.dirname(android), { recursive: true });
    let db = new Database(android);
    db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
        sender_jid_row_id INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
      INSERT INTO jid VALUES (1, '447700900111@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, 1, 0, 'K1', NULL, 1710000000000, 0, 'dated'),
        (2, 1, 0, 'K2', NULL, NULL, 0, 'no time'), (3, 1, 1, 'K3', NULL, 0, 0, 'zero time');`);
    db.close();
    const a = openDeviceReader(android, { fileName: 'msgstore.db', zone: 'UTC', ownerPhone: '447700900999' });
    expect(readAll(a).map((m) => m.message.text)).toEqual(['dated', 'no time', 'zero time']);
    expect(a.notices.find((n) => /no timestamp/.test(n.message))?.message).toMatch(
      /^2 message row.*row ids message#2, message#3\)$/,
    );

    const ios = path.join(dir, 'undated', 'ChatStorage.sqlite');
    db = new Database(ios);
    db.exec(`CREATE TABLE ZWACHATSESSION(Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAMESSAGE(Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER,
        ZMESSAGEDATE TIMESTAMP, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZSTANZAID VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, '447700900111@s.whatsapp.net', 'Alice', 0);
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 700000000, 'dated', 0, 'I1'), (2, 1, 0, NULL, 'no date', 0, 'I2');`);
    db.close();
    const i = openDeviceReader(ios, {
      fileName: 'ChatStorage.sqlite',
      zone: 'UTC',
      ownerPhone: '447700900999',
    });
    const read = readAll(i);
    expect(read.map((m) => m.message.time.utc)).toEqual([
      '2023-03-08T20:26:40.000Z',
      '1970-01-01T00:00:00.000Z',
    ]);
    expect(i.notices.find((n) => /ZMESSAGEDATE/.test(n.message))?.message).toMatch(
      /^1 ZWAMESSAGE row.*Z_PK 2\)$/,
    );
  });

  it('--owner in national form (leading 0) or not a number is a usage error, nothing stored', async () => {
    const ws = await makeWorkspace('sqlite');
    try {
      await ws.cli(['case', 'create', 'Owner']);
      const file = walOnlyMsgstore(path.join(dir, 'owner'));
      for (const owner of ['07700 900999', '0044 7700 900999', 'DC Smith']) {
        const r = await ws.cli([
          'exhibit',
          'add',
          'Owner',
          file,
          '--ref',
          'O/1',
          '--timezone',
          'UTC',
          '--owner',
          owner,
        ]);
        expect(r.code).toBe(2);
        expect(r.err).toMatch(/--owner .*country code/);
      }
      expect(existsSync(path.join(ws.dir, 'evidence'))).toBe(false);
      const ok = await ws.cli([
        'exhibit',
        'add',
        'Owner',
        file,
        '--ref',
        'O/1',
        '--timezone',
        'UTC',
        '--owner',
        '+44 7700 900999',
      ]);
      expect(ok.code).toBe(0);
      expect(ok.out).toMatch(/Owner\s+447700900999@s\.whatsapp\.net/);
    } finally {
      await ws.cleanup();
    }
  });

  it('--contacts that is missing, or is not a wa.db, is refused naming the file given, nothing stored', async () => {
    const ws = await makeWorkspace('sqlite');
    try {
      await ws.cli(['case', 'create', 'Contacts']);
      const file = walOnlyMsgstore(path.join(dir, 'contacts'));
      const notWa = path.join(dir, 'contacts', 'people.sqlite');
      const db = new Database(notWa);
      db.exec('CREATE TABLE people(id INTEGER PRIMARY KEY, name TEXT)');
      db.close();
      const add = (contacts: string) =>
        ws.cli([
          'exhibit',
          'add',
          'Contacts',
          file,
          '--ref',
          'C/1',
          '--timezone',
          'UTC',
          '--contacts',
          contacts,
        ]);
      const missing = await add(path.join(dir, 'contacts', 'no-such-wa.db'));
      expect(missing.code).toBe(1);
      expect(missing.err).toMatch(/no-such-wa\.db: cannot be read/);
      expect(missing.err).not.toMatch(/internal error/);
      const wrong = await add(notWa);
      expect(wrong.code).toBe(1);
      expect(wrong.err).toMatch(/people\.sqlite: is not a WhatsApp wa\.db: missing table wa_contacts/);
      const list = await ws.cli(['exhibit', 'list', 'Contacts']);
      expect(list.out).toMatch(/\(none\)/);
    } finally {
      await ws.cleanup();
    }
  });

  it('iOS: display order is ZSORT, and a row without ZSORT (here only in the -wal) comes after, by date', () => {
    const folder = path.join(dir, 'ios-sort');
    const work = path.join(folder, 'live');
    mkdirSync(work, { recursive: true });
    const live = path.join(work, 'ChatStorage.sqlite');
    const db = new Database(live);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec(`CREATE TABLE ZWACHATSESSION(Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAMESSAGE(Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER,
        ZMESSAGEDATE TIMESTAMP, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZSTANZAID VARCHAR, ZSORT INTEGER);
      INSERT INTO ZWACHATSESSION VALUES (1, '447700900111@s.whatsapp.net', 'Alice', 0);
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 700000200, 'sorted first, dated later', 0, 'I1', 1),
        (2, 1, 0, 700000100, 'sorted second', 0, 'I2', 2);`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec(`INSERT INTO ZWAMESSAGE VALUES (3, 1, 1, 700000400.25, 'no ZSORT, later', 0, 'I3', NULL),
      (4, 1, 0, 700000300, 'no ZSORT, earlier', 0, 'I4', NULL);`);
    const file = path.join(folder, 'ChatStorage.sqlite');
    for (const s of ['', '-wal']) copyFileSync(live + s, file + s);
    db.close();
    const reader = openDeviceReader(file, {
      fileName: 'ChatStorage.sqlite',
      zone: 'UTC',
      ownerPhone: '447700900999',
    });
    const read = readAll(reader);
    expect(read.map((m) => [m.message.seq, m.message.keyId])).toEqual([
      [0, 'I1'],
      [1, 'I2'],
      [2, 'I4'],
      [3, 'I3'],
    ]);
    expect(read[3]?.message.time.utc).toBe('2023-03-08T20:33:20.250Z');
    expect(reader.notices.some((n) => n.code === 'wal_included')).toBe(true);
  });

  it('legacy messages: edit_version 7 is a revoked message (deleted by the sender), not an edit', () => {
    const file = path.join(dir, 'legacy', 'msgstore.db');
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec(`CREATE TABLE messages(_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL,
        key_from_me INTEGER, key_id TEXT NOT NULL, status INTEGER, data TEXT, timestamp INTEGER,
        media_wa_type TEXT, media_size INTEGER, remote_resource TEXT, edit_version INTEGER);
      CREATE TABLE chat_list(_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT UNIQUE, subject TEXT, creation INTEGER);
      INSERT INTO chat_list(key_remote_jid, subject) VALUES ('15551234567-1445147498@g.us', 'Old group');
      INSERT INTO messages(key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type, media_size, remote_resource, edit_version)
      VALUES ('-1', 0, '-1', -1, NULL, 0, '0', 0, NULL, 0),
        ('15551234567-1445147498@g.us', 0, 'L1', 0, 'kept', 1500000000000, '0', 0, '447700900111@s.whatsapp.net', 0),
        ('15551234567-1445147498@g.us', 0, 'L2', 5, NULL, 1500000060000, '0', 0, '447700900111@s.whatsapp.net', 7),
        ('15551234567-1445147498@g.us', 1, 'L3', 5, NULL, 1500000120000, '0', 0, NULL, 7);`);
    db.close();
    const read = readAll(
      openDeviceReader(file, { fileName: 'msgstore.db', zone: 'UTC', ownerPhone: '447700900999' }),
    ).map((m) => m.message);
    expect(read.map((m) => [m.keyId, m.kind, m.deletedBy, m.edited, m.raw?.edit_version])).toEqual([
      ['L1', 'text', null, false, 0],
      ['L2', 'deleted', 'sender', false, 7],
      ['L3', 'deleted', 'sender', false, 7],
    ]);
    expect(read[2]?.senderIdentity?.isOwner).toBe(true);
  });

  it('iOS: rows in ZWAGROUPMEMBERSCHANGE are not silently passed over: a notice counts them', () => {
    const file = path.join(dir, 'ios-changes', 'ChatStorage.sqlite');
    mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.exec(`CREATE TABLE ZWACHATSESSION(Z_PK INTEGER PRIMARY KEY, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR, ZSESSIONTYPE INTEGER);
      CREATE TABLE ZWAMESSAGE(Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER,
        ZMESSAGEDATE TIMESTAMP, ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZSTANZAID VARCHAR);
      CREATE TABLE ZWAGROUPMEMBERSCHANGE(Z_PK INTEGER PRIMARY KEY, ZCHANGETYPE INTEGER, ZCHANGEDATE TIMESTAMP,
        ZGROUPJID VARCHAR, ZMEMBERJIDS VARCHAR);
      INSERT INTO ZWACHATSESSION VALUES (1, '120363044520422953@g.us', 'Group', 1);
      INSERT INTO ZWAMESSAGE VALUES (1, 1, 1, 700000000, 'hi', 0, 'I1');
      INSERT INTO ZWAGROUPMEMBERSCHANGE VALUES (1, 1, 700000100, '120363044520422953@g.us', '447700900222@s.whatsapp.net'),
        (2, 2, 700000200, '120363044520422953@g.us', '447700900222@s.whatsapp.net');`);
    db.close();
    const reader = openDeviceReader(file, {
      fileName: 'ChatStorage.sqlite',
      zone: 'UTC',
      ownerPhone: '447700900999',
    });
    expect(readAll(reader)).toHaveLength(1);
    expect(
      reader.notices.some(
        (n) => n.code === 'not_read' && /^2 row\(s\) in ZWAGROUPMEMBERSCHANGE/.test(n.message),
      ),
    ).toBe(true);
  });

  it('a hot -journal beside msgstore.db is stored and hashed, and rolled back on a writable copy', async () => {
    const folder = path.join(dir, 'journal');
    const work = path.join(folder, 'live');
    mkdirSync(work, { recursive: true });
    const live = path.join(work, 'msgstore.db');
    const db = new Database(live);
    db.pragma('journal_mode = DELETE');
    db.pragma('cache_size = 1');
    db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
        sender_jid_row_id INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
      INSERT INTO jid VALUES (1, '447700900111@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, 1, 0, 'C1', NULL, 1710000000000, 0, 'committed');`);
    db.exec('BEGIN');
    const add = db.prepare('INSERT INTO message VALUES (?, 1, 0, ?, NULL, 1710000060000, 0, ?)');
    for (let i = 2; i < 2000; i++) add.run(i, `U${i}`, `uncommitted ${'x'.repeat(200)}`);
    const file = path.join(folder, 'msgstore.db');
    for (const s of ['', '-journal']) copyFileSync(live + s, file + s);
    db.exec('ROLLBACK');
    db.close();
    expect(existsSync(`${file}-journal`)).toBe(true);

    // The temporary copy is writable even where the original (like the evidence store's) is not.
    chmodSync(file, 0o444);
    chmodSync(`${file}-journal`, 0o444);
    const copy = openSqliteCopy(file, 'msgstore.db');
    try {
      expect(statSync(path.join(copy.dir, 'evidence.db')).mode & 0o777).toBe(0o600);
      expect(copy.journalIncluded).toBe(true);
    } finally {
      copy.close();
    }

    const before = hashes(file);
    const ws = await makeWorkspace('sqlite');
    try {
      await ws.cli(['case', 'create', 'Journal']);
      const r = await ws.cli([
        'exhibit',
        'add',
        'Journal',
        file,
        '--ref',
        'J/1',
        '--timezone',
        'UTC',
        '--owner',
        '+447700900999',
      ]);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Read\s+1 messages/);
      expect(r.out).toMatch(/msgstore\.db-journal \(an unfinished transaction\)/);
      const shown = await ws.json<{ files: { role: string; path?: string; name?: string }[] }>([
        'exhibit',
        'show',
        'Journal',
        'J/1',
      ]);
      expect(JSON.stringify(shown.files)).toMatch(/msgstore\.db-journal/);
    } finally {
      await ws.cleanup();
    }
    expect(hashes(file)).toEqual(before);
  });
});
