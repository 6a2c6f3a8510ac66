import Database from 'better-sqlite3';
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RowAccount } from '../../../src/domain/import-report.js';
import { openDeviceReader, type DeviceMessage } from '../../../src/ingest/device/api.js';
import { makeWorkspace } from '../../support/cli.js';
import {
  buildMsgstoreCurrent,
  buildMsgstoreLegacy,
  buildMsgstoreTransition,
  buildWaDb,
} from '../../support/fixtures/device/android.js';
import { buildChatStorage } from '../../support/fixtures/device/ios.js';
import { buildModel, expected, type Model, type Normal } from '../../support/fixtures/device/model.js';
import { buildUfdr, ufdrXml } from '../../support/fixtures/device/ufdr.js';
import { hashes, normal, readAll, tempDir } from '../../support/device.js';

/**
 * Row accounting (issue 13): every row of every message-bearing table is imported or counted
 * with its reason, per schema generation; a source with message rows and nothing read is refused.
 */

const dir = tempDir('scrutineer-device-rows-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ZONE = 'Europe/London';

/** A reader with the model's wa.db as contacts (SQLite sources), so names are the model's. */
function open(file: string, model: Model, contacts: string | null = null) {
  if (contacts === null && !file.endsWith('.ufdr') && !file.endsWith('.sqlite')) {
    contacts = `${file}-contacts.db`;
    buildWaDb(model, contacts);
  }
  return openDeviceReader(file, {
    fileName: path.basename(file),
    zone: ZONE,
    contactsPath: contacts,
    ownerPhone: model.owner.phone,
    ownerName: model.ownerName,
  });
}

function tableRows(file: string, table: string): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Each account adds up, and the imported rows are the messages read. */
function balanced(accounts: readonly RowAccount[], read: number): void {
  let imported = 0;
  for (const a of accounts) {
    const skipped = a.notImported.reduce((n, s) => n + s.rows, 0);
    expect(a.imported + skipped, a.table).toBe(a.rows);
    expect(
      a.notImported.some((s) => s.reason === 'not_reached'),
      a.table,
    ).toBe(false);
    imported += a.imported;
  }
  expect(imported).toBe(read);
}

function account(accounts: readonly RowAccount[], table: string): Record<string, number> {
  const a = accounts.find((x) => x.table === table);
  if (!a) return {};
  const out: Record<string, number> = { rows: a.rows, imported: a.imported };
  for (const s of a.notImported) out[s.reason] = s.rows;
  return out;
}

/** Messages grouped by conversation, each in its source order. */
function byConversation(list: readonly Normal[]): Map<string, Normal[]> {
  const out = new Map<string, Normal[]>();
  for (const m of list) out.set(m.conv, [...(out.get(m.conv) ?? []), m]);
  return out;
}

describe('row accounting per schema generation', () => {
  const seeds = [11, 4242, 90210];

  it('Android current: every row of message imported, the placeholder row counted', () => {
    for (const seed of seeds) {
      const model = buildModel(seed);
      const file = path.join(dir, `current-${seed}.db`);
      buildMsgstoreCurrent(model, file);
      const reader = open(file, model);
      const read = readAll(reader);
      expect(read.map((m) => normal(m, (k) => k))).toEqual(expected(model, 'android'));
      balanced(reader.rowAccounts, read.length);
      expect(account(reader.rowAccounts, 'message')).toEqual({
        rows: tableRows(file, 'message'),
        imported: read.length,
        placeholder: 1,
      });
    }
  });

  it('Android legacy: every row of messages imported, the placeholder row counted', () => {
    for (const seed of seeds) {
      const model = buildModel(seed);
      const file = path.join(dir, `legacy-${seed}.db`);
      buildMsgstoreLegacy(model, file);
      const reader = open(file, model);
      const read = readAll(reader);
      expect(read.map((m) => normal(m, (k) => k))).toEqual(expected(model, 'legacy'));
      balanced(reader.rowAccounts, read.length);
      expect(account(reader.rowAccounts, 'messages')).toEqual({
        rows: tableRows(file, 'messages'),
        imported: read.length,
        placeholder: 1,
      });
    }
  });

  it('Android in transition, legacy messages holding the chat and message only its placeholder: read from messages (was "0 messages")', () => {
    for (const seed of seeds) {
      const model = buildModel(seed);
      const file = path.join(dir, `transition-${seed}.db`);
      const wa = path.join(dir, `transition-${seed}-wa.db`);
      buildMsgstoreTransition(model, file, { both: false });
      buildWaDb(model, wa);
      const before = hashes(file);
      const reader = open(file, model, wa);
      expect(reader.conversations.map((c) => c.key)).toEqual(model.chats.map((c) => c.jid));
      const read = readAll(reader);
      expect(read.length).toBeGreaterThan(0);
      // Same fields and provenance (table#row) as a legacy database.
      expect(read.map((m) => normal(m, (k) => k))).toEqual(expected(model, 'legacy'));
      for (const m of read) expect(m.message.source).toMatchObject({ type: 'table', table: 'messages' });
      balanced(reader.rowAccounts, read.length);
      expect(account(reader.rowAccounts, 'message')).toEqual({ rows: 1, imported: 0, placeholder: 1 });
      expect(reader.notices.find((n) => n.code === 'schema_transition')?.message).toMatch(
        /read from messages$/,
      );
      expect(account(reader.rowAccounts, 'messages')).toEqual({
        rows: read.length + 1,
        imported: read.length,
        placeholder: 1,
      });
      expect(hashes(file)).toEqual(before);
    }
  });

  it('Android in transition with rows in both tables: both read, a message in both read once from message', () => {
    for (const seed of seeds) {
      const model = buildModel(seed);
      const file = path.join(dir, `both-${seed}.db`);
      const { legacy, current } = buildMsgstoreTransition(model, file, { both: true, overlap: 2 });
      const reader = open(file, model);
      const read: DeviceMessage[] = readAll(reader);
      const got = byConversation(read.map((m) => normal(m, (k) => k)));
      const want = byConversation([
        ...expected(model, 'legacy').filter((m) => m.keyId !== null && !current.has(m.keyId)),
        ...expected(model, 'android').filter((m) => m.keyId !== null && current.has(m.keyId)),
      ]);
      expect(got).toEqual(want);
      const tableOf = new Map(read.map((m) => [m.message.keyId, m.message.source]));
      for (const key of current) expect(tableOf.get(key)).toMatchObject({ table: 'message' });
      for (const [key, source] of tableOf)
        if (!current.has(key ?? '')) expect(source).toMatchObject({ table: 'messages' });
      balanced(reader.rowAccounts, read.length);
      const both = [...legacy].filter((k) => current.has(k)).length;
      expect(both).toBeGreaterThan(0);
      expect(account(reader.rowAccounts, 'messages').same_key_in_other_table).toBe(both);
      // seq runs from 0 in each conversation across the two tables.
      const seqs = new Map<string, number>();
      for (const { conversationKey, message } of read) {
        expect(message.seq).toBe(seqs.get(conversationKey) ?? 0);
        seqs.set(conversationKey, message.seq + 1);
      }
    }
  });

  it('Android with a legacy messages VIEW over message: every message read once, from message', () => {
    const model = buildModel(90210);
    const file = path.join(dir, 'view.db');
    buildMsgstoreCurrent(model, file);
    const db = new Database(file);
    db.exec(`CREATE VIEW messages AS SELECT m._id AS _id, j.raw_string AS key_remote_jid, m.from_me AS key_from_me,
      m.key_id AS key_id, m.status AS status, m.text_data AS data, m.timestamp AS timestamp
      FROM message m LEFT JOIN chat c ON c._id = m.chat_row_id LEFT JOIN jid j ON j._id = c.jid_row_id`);
    db.close();
    const reader = open(file, model);
    const read = readAll(reader);
    expect(read.map((m) => normal(m, (k) => k))).toEqual(expected(model, 'android'));
    balanced(reader.rowAccounts, read.length);
    expect(account(reader.rowAccounts, 'messages')).toEqual({
      rows: read.length + 1,
      imported: 0,
      placeholder: 1,
      same_key_in_other_table: read.length,
    });
  });

  it('iOS ZWAMESSAGE and UFDR InstantMessage models: every one imported or counted', () => {
    const model = buildModel(4242);
    const ios = path.join(dir, 'rows.sqlite');
    buildChatStorage(model, ios);
    // A status@broadcast session with one row: counted as a status update, not read as a chat.
    const db = new Database(ios);
    db.exec(`INSERT INTO ZWACHATSESSION (Z_PK, ZSESSIONTYPE, ZCONTACTJID, ZPARTNERNAME) VALUES (900, 0, 'status@broadcast', 'status');
      INSERT INTO ZWAMESSAGE (Z_PK, ZCHATSESSION, ZISFROMME, ZMESSAGEDATE, ZMESSAGETYPE, ZTEXT, ZSORT) VALUES (9000, 900, 0, 700000000, 0, 'my status', 1);`);
    db.close();
    const i = open(ios, model);
    const iosRead = readAll(i);
    balanced(i.rowAccounts, iosRead.length);
    expect(account(i.rowAccounts, 'ZWAMESSAGE')).toEqual({
      rows: tableRows(ios, 'ZWAMESSAGE'),
      imported: iosRead.length,
      status_broadcast: 1,
    });
    expect(i.conversations.map((c) => c.key)).toEqual(model.chats.map((c) => c.jid));
    const ufdr = path.join(dir, 'rows.ufdr');
    // One InstantMessage model outside any Chat (a top-level modelType): counted, not read.
    const stray = `<modelType type="InstantMessage"><model type="InstantMessage" id="stray-1"><field name="Body" type="String"><value type="String">loose</value></field></model></modelType>`;
    const xml = ufdrXml(model, { labels: 'new' }).replace(
      '<modelType type="Chat">',
      `${stray}\n<modelType type="Chat">`,
    );
    buildUfdr(model, ufdr, { labels: 'new', xml });
    const u = open(ufdr, model);
    const ufdrRead = readAll(u);
    balanced(u.rowAccounts, ufdrRead.length);
    // The fixture's report carries one Telegram chat with one message beside the WhatsApp chats.
    expect(account(u.rowAccounts, 'InstantMessage')).toEqual({
      rows: ufdrRead.length + 2,
      imported: ufdrRead.length,
      other_app: 1,
      outside_chat: 1,
    });
  });

  it('status updates and channel posts are counted as such, not read as chats with a person', () => {
    const model = buildModel(11);
    const file = path.join(dir, 'status.db');
    buildMsgstoreCurrent(model, file);
    const db = new Database(file);
    db.exec(`INSERT INTO jid (user, server, raw_string) VALUES ('status', 'broadcast', 'status@broadcast'),
        ('120363999999999999', 'newsletter', '120363999999999999@newsletter');
      INSERT INTO chat (jid_row_id, subject) SELECT _id, NULL FROM jid WHERE server IN ('broadcast', 'newsletter');
      INSERT INTO jid (user, server, raw_string) VALUES ('1700000000', 'broadcast', '1700000000@broadcast');
      INSERT INTO chat (jid_row_id, subject) SELECT _id, NULL FROM jid WHERE raw_string = '1700000000@broadcast';
      INSERT INTO message (chat_row_id, from_me, key_id, timestamp, message_type, text_data)
        SELECT c._id, 1, 'B1', 1710000000000, 0, 'to my list' FROM chat c JOIN jid j ON j._id = c.jid_row_id WHERE j.raw_string = '1700000000@broadcast';`);
    const chat = (server: string) =>
      (
        db
          .prepare('SELECT c._id AS id FROM chat c JOIN jid j ON j._id = c.jid_row_id WHERE j.server = ?')
          .get(server) as { id: number }
      ).id;
    const add = db.prepare(
      "INSERT INTO message (chat_row_id, from_me, key_id, timestamp, message_type, text_data) VALUES (?, 0, ?, 1710000000000, 0, 'post')",
    );
    add.run(chat('broadcast'), 'S1');
    add.run(chat('broadcast'), 'S2');
    add.run(chat('newsletter'), 'N1');
    db.close();
    const reader = open(file, model);
    const read = readAll(reader);
    // A broadcast list is a conversation of the owner's, with no pseudo-person for its JID.
    const list = reader.conversations.find((c) => c.key === '1700000000@broadcast');
    expect(list).toMatchObject({ name: 'Broadcast list 1700000000', isGroup: false });
    expect(list?.participants.map((p) => p.identity.isOwner)).toEqual([true]);
    expect(reader.conversations.map((c) => c.key)).toEqual([...model.chats.map((c) => c.jid), list?.key]);
    expect(read.filter((m) => m.conversationKey === list?.key).map((m) => m.message.text)).toEqual([
      'to my list',
    ]);
    expect(read.filter((m) => m.conversationKey !== list?.key).map((m) => normal(m, (k) => k))).toEqual(
      expected(model, 'android'),
    );
    balanced(reader.rowAccounts, read.length);
    expect(account(reader.rowAccounts, 'message')).toMatchObject({ status_broadcast: 2, newsletter: 1 });
    expect(
      reader.notices.some((n) => n.code === 'rows_not_imported' && /2 of .*status/.test(n.message)),
    ).toBe(true);
  });

  it('message rows of which none can be read are refused, not reported as 0 messages', () => {
    const file = path.join(dir, 'orphans.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
        timestamp INTEGER, message_type INTEGER, text_data TEXT);
      INSERT INTO jid VALUES (1, '447700900111@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, -1, 0, '-1', 0, 0, NULL), (2, 7, 0, 'K2', 1710000000000, 0, 'lost'),
        (3, 7, 1, 'K3', 1710000000001, 0, 'lost too');`);
    db.close();
    const reader = openDeviceReader(file, {
      fileName: 'orphans.db',
      zone: 'UTC',
      ownerPhone: '447700900999',
    });
    expect(() => readAll(reader)).toThrow(/2 no_chat.*nothing was imported/);
    // An empty database (its placeholder row alone) is not an error: it holds no message.
    const empty = path.join(dir, 'empty.db');
    const e = new Database(empty);
    e.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
        timestamp INTEGER, message_type INTEGER, text_data TEXT);
      INSERT INTO message VALUES (1, -1, 0, '-1', 0, 0, NULL);`);
    e.close();
    const r = openDeviceReader(empty, { fileName: 'empty.db', zone: 'UTC', ownerPhone: '447700900999' });
    expect(readAll(r)).toEqual([]);
    expect(account(r.rowAccounts, 'message')).toEqual({ rows: 1, imported: 0, placeholder: 1 });
  });
});

describe('databases SQLite can read are read', () => {
  const model = buildModel(4242);
  const clean = path.join(dir, 'clean.db');
  buildMsgstoreCurrent(model, clean);
  const want = expected(model, 'android');

  it('trailing bytes after the last whole page (a decrypted backup): read, with a notice naming the byte count', () => {
    const file = path.join(dir, 'trailing.db');
    copyFileSync(clean, file);
    appendFileSync(file, Buffer.alloc(16, 0xa5));
    const before = hashes(file);
    const reader = open(file, model);
    expect(readAll(reader).map((m) => normal(m, (k) => k))).toEqual(want);
    expect(reader.notices.find((n) => n.code === 'trailing_bytes')?.message).toMatch(/^16 byte\(s\) after/);
    expect(hashes(file)).toEqual(before);
  });

  it('trailing bytes where the header page count is not valid: the whole pages are read', () => {
    const file = path.join(dir, 'trailing-nocount.db');
    const bytes = readFileSync(clean);
    bytes.writeUInt32BE(bytes.readUInt32BE(92) + 1, 92); // "version-valid-for" no longer matches
    writeFileSync(file, Buffer.concat([bytes, Buffer.alloc(100, 1)]));
    const reader = open(file, model);
    expect(readAll(reader).map((m) => normal(m, (k) => k))).toEqual(want);
    expect(reader.notices.find((n) => n.code === 'trailing_bytes')?.message).toMatch(/^100 byte\(s\)/);
  });

  it('a WAL-mode database without its -wal or -shm is read', () => {
    const file = path.join(dir, 'walmode.db');
    copyFileSync(clean, file);
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.close();
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    expect(readAll(open(file, model)).map((m) => normal(m, (k) => k))).toEqual(want);
  });

  it('trailing bytes over damaged pages: refused, naming what SQLite found wrong', () => {
    const file = path.join(dir, 'trailing-damaged.db');
    const bytes = readFileSync(clean);
    bytes.writeUInt32BE(bytes.readUInt32BE(92) + 1, 92);
    const pageSize = bytes.readUInt16BE(16);
    // Scribble over the b-tree header of the third page (a table or index page).
    bytes.fill(0xff, pageSize * 2, pageSize * 2 + 12);
    writeFileSync(file, Buffer.concat([bytes, Buffer.alloc(100, 1)]));
    expect(() => readAll(open(file, model))).toThrow(/damaged|corrupt/);
  });
});

describe('exhibit add and exhibit show say what was not imported', () => {
  it('stderr and exhibit show name the rows counted, by table and reason', async () => {
    const model = buildModel(11);
    const file = path.join(dir, 'cli-transition', 'msgstore.db');
    rmSync(path.dirname(file), { recursive: true, force: true });
    (await import('node:fs')).mkdirSync(path.dirname(file), { recursive: true });
    buildMsgstoreTransition(model, file, { both: false });
    const db = new Database(file);
    db.prepare(
      "INSERT INTO messages (key_remote_jid, key_from_me, key_id, status, data, timestamp, media_wa_type) VALUES ('status@broadcast', 0, 'ST1', 13, 'my status', 1710000000000, '0')",
    ).run();
    db.close();
    const ws = await makeWorkspace('sqlite');
    try {
      expect((await ws.cli(['case', 'create', 'Rows'])).code).toBe(0);
      const add = await ws.cli([
        'exhibit',
        'add',
        'Rows',
        file,
        '--ref',
        'R/1',
        '--timezone',
        ZONE,
        '--owner',
        model.owner.phone,
      ]);
      expect(add.code, add.err).toBe(0);
      // Placeholder rows hold no message: in the report, not on stderr.
      expect(add.err).not.toMatch(/placeholder/);
      expect(add.err).toMatch(/R\/1: messages: 1 of \d+ row\(s\) not imported: status update/);
      const show = await ws.cli(['exhibit', 'show', 'Rows', 'R/1']);
      expect(show.out).toMatch(/rows messages: \d+, imported \d+, placeholder 1, status_broadcast 1/);
      expect(show.out).toMatch(/rows message: 1, imported 0, placeholder 1/);
      // The continuity log's parsed entry carries the accounts too.
      expect(show.out).toMatch(
        /rows: messages \d+ row\(s\): \d+ imported, 1 placeholder, 1 status_broadcast; message 1 row\(s\): 0 imported, 1 placeholder/,
      );
      const stats = await ws.json<{ messages: number }>(['stats', 'Rows']);
      expect(stats.messages).toBe(expected(model, 'legacy').length);
    } finally {
      await ws.cleanup();
    }
  });
});
