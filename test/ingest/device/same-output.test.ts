import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDeviceReader, type DeviceReadOptions } from '../../../src/ingest/device/api.js';
import { toMembershipEventRow, toMessageRow } from '../../../src/store/types.js';
import {
  buildMsgstoreCurrent,
  buildMsgstoreLegacy,
  buildMsgstoreTransition,
  buildWaDb,
} from '../../support/fixtures/device/android.js';
import { buildChatStorage } from '../../support/fixtures/device/ios.js';
import { buildModel } from '../../support/fixtures/device/model.js';
import { tempDir } from '../../support/device.js';

/**
 * The device readers' speed work (issue 20, session 6) must not change a single message: this
 * reads the device fixtures (random models of every Android and iOS schema, and a hand-made
 * msgstore.db with the odd rows: duplicate side rows, missing columns, unknown types, times at
 * zone changes, before 1970 and after 9999) and compares everything the import stores (the
 * messages, the rows toMessageRow makes of them, conversations, notices and row accounts) with
 * what the readers gave before that work, recorded in same-output.golden.ndjson by
 * `UPDATE_DEVICE_GOLDEN=1` on the session-5 code (7d7ff8d).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.join(here, 'same-output.golden.ndjson');
const dir = tempDir('scrutineer-device-same-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Read = Record<string, unknown>;

function read(file: string, options: Omit<DeviceReadOptions, 'fileName'>): Read {
  const reader = openDeviceReader(file, { ...options, fileName: path.basename(file) });
  try {
    const messages = [...reader.messages()];
    const ids = { caseId: 1, conversationId: 2, exhibitId: 3 };
    return {
      conversations: reader.conversations,
      // What is stored of each message: its conversation, its membership event and its row, the
      // row as a string because key order counts there (extras_json goes into the row digest).
      messages: messages.map((d) => [
        d.conversationKey,
        JSON.stringify(toMembershipEventRow(d.message, { ...ids, messageId: 4 })),
        JSON.stringify(toMessageRow(d.message, ids)),
      ]),
      notices: reader.notices,
      rowAccounts: reader.rowAccounts,
      ownerJid: reader.ownerJid,
    };
  } finally {
    reader.close();
  }
}

/** A current-schema msgstore.db with the rows the random models never make. */
function buildOddMsgstore(file: string): void {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(`CREATE TABLE jid (_id INTEGER PRIMARY KEY, user TEXT, server TEXT, raw_string TEXT);
    CREATE TABLE jid_map (lid_row_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
    CREATE TABLE chat (_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT, created_timestamp INTEGER);
    CREATE TABLE message (_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
      sender_jid_row_id INTEGER, status INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT, sort_id INTEGER);
    CREATE TABLE message_media (message_row_id INTEGER, file_path TEXT, file_size INTEGER, mime_type TEXT,
      media_name TEXT, file_hash BLOB, media_caption TEXT);
    CREATE TABLE message_quoted (message_row_id INTEGER PRIMARY KEY, from_me INTEGER, sender_jid_row_id INTEGER, key_id TEXT, text_data TEXT);
    CREATE TABLE message_location (message_row_id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, place_name TEXT,
      place_address TEXT, url TEXT, live_share_duration INTEGER);
    CREATE TABLE message_system (message_row_id INTEGER PRIMARY KEY, action_type INTEGER);
    CREATE TABLE message_system_value_change (message_row_id INTEGER PRIMARY KEY, old_data TEXT);
    CREATE TABLE message_system_chat_participant (message_row_id INTEGER, user_jid_row_id INTEGER);
    CREATE TABLE message_revoked (message_row_id INTEGER PRIMARY KEY, revoked_key_id TEXT, admin_jid_row_id INTEGER);
    CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, edited_timestamp INTEGER);
    CREATE TABLE message_poll (message_row_id INTEGER PRIMARY KEY);
    CREATE TABLE message_poll_option (message_row_id INTEGER, option_name TEXT, vote_total INTEGER);
    CREATE TABLE message_vcard (_id INTEGER PRIMARY KEY, message_row_id INTEGER, vcard TEXT);
    CREATE TABLE call_log (_id INTEGER PRIMARY KEY, video_call INTEGER, duration INTEGER, call_result INTEGER);
    CREATE TABLE message_call_log (message_row_id INTEGER PRIMARY KEY, call_log_row_id INTEGER);
    CREATE TABLE message_add_on (_id INTEGER PRIMARY KEY, from_me INTEGER, sender_jid_row_id INTEGER,
      parent_message_row_id INTEGER, timestamp INTEGER);
    CREATE TABLE message_add_on_reaction (message_add_on_row_id INTEGER PRIMARY KEY, reaction TEXT, sender_timestamp INTEGER);
    INSERT INTO jid VALUES (1, '447700900111', 's.whatsapp.net', '447700900111@s.whatsapp.net'),
      (2, '120363000000000001', 'g.us', '120363000000000001@g.us'),
      (3, '226215927973001', 'lid', '226215927973001@lid'),
      (4, '447700900222', 's.whatsapp.net', '447700900222@s.whatsapp.net'),
      (5, 'status', 'broadcast', 'status@broadcast'),
      (6, '447700900333', 's.whatsapp.net', NULL),
      (7, '447700900999', 's.whatsapp.net', '447700900999@s.whatsapp.net');
    INSERT INTO jid_map VALUES (3, 4);
    INSERT INTO chat VALUES (1, 1, NULL, 1600000000000), (2, 2, 'Odd rows', NULL), (3, 5, NULL, NULL);
    INSERT INTO message VALUES (1, -1, 0, '-1', NULL, NULL, 0, 0, NULL, 0),
      (2, 2, 0, 'A1', 3, 13, 1679792399999, 0, 'just before the clocks go forward', 20),
      (3, 2, 0, 'A2', 4, NULL, 1679792400000, 0, 'at the change; Café ÉCOLE 😂👍🏽', 10),
      (4, 2, 1, 'A3', NULL, 5, 1698541199000, 1, NULL, 30),
      (5, 2, 0, 'A4', 6, 13, 1698544800500, 1, 'caption in text_data', 40),
      (6, 2, 0, 'A5', 3, 13, -1, 7, NULL, 50),
      (7, 2, 0, 'A6', 4, 13, -86400001, 7, 'New subject', 60),
      (8, 2, 0, 'A7', 4, 13, 253402300800000, 15, NULL, 70),
      (9, 2, 0, 'A8', 4, 13, NULL, 64, NULL, 80),
      (10, 2, 0, 'A9', 4, 13, 0, 0, 'revoked row, type 0', 90),
      (11, 2, 1, 'A10', NULL, 13, 1700000000000, 16, NULL, 100),
      (12, 2, 0, 'A11', 4, 13, 1700000001000, 66, 'Where?', 110),
      (13, 2, 0, 'A12', 4, 13, 1700000002000, 99, 'unknown type', 120),
      (14, 2, 0, 'A13', 4, 13, 1700000003000, NULL, 'no type', 130),
      (15, 1, 0, 'B1', NULL, 13, 1700000004000, 0, 'a reply', 10),
      (16, 1, 1, 'B2', NULL, 13, 1700000005000, 0, 'edited', 20),
      (17, 1, 0, 'B3', NULL, 13, 1700000006000, 4, 'Kate', 30),
      (18, 1, 1, 'B4', NULL, 13, 1700000007000, 90, NULL, 40),
      (19, 1, 0, 'B5', NULL, 13, 1700000008000, 5, NULL, 50),
      (20, 3, 0, 'S1', 1, 13, 1700000009000, 0, 'a status update', 10),
      (21, 9, 0, 'X1', 1, 13, 1700000010000, 0, 'chat 9 does not exist', 10),
      (22, NULL, 0, 'X2', 1, 13, 1700000011000, 0, 'no chat', 10),
      (23, 2, 0, 'A14', 4, 13, 32503680000000, 0, 'year 3000', 140),
      (24, 2, 0, 'A15', 4, 13, 1711846799999, 0, 'paris change', 150),
      (25, 2, 0, 'A16', 4, 13, 1700000012000, 9, NULL, 160);
    INSERT INTO message_media VALUES (4, 'Media/WhatsApp Images/IMG-1.jpg', 1234, 'image/jpeg', 'IMG-1.jpg', x'00ff10', 'from the caption column'),
      (4, 'Media/second-row.jpg', 5, 'image/jpeg', 'second-row.jpg', NULL, NULL),
      (5, NULL, NULL, 'image/jpeg', NULL, NULL, NULL),
      (25, 'Media/WhatsApp Documents/report final.pdf', 99, 'application/pdf', NULL, 'aGFzaA==', NULL);
    INSERT INTO message_quoted VALUES (15, 1, NULL, 'B0', 'the quoted text'), (3, 0, 3, 'A1', NULL);
    INSERT INTO message_location VALUES (11, 51.5, -0.12, 'Yard', NULL, NULL, 600), (19, NULL, NULL, NULL, 'Nowhere St', 'https://example.org/x', 0);
    INSERT INTO message_system VALUES (6, 12), (7, 1);
    INSERT INTO message_system_value_change VALUES (7, 'Old subject');
    INSERT INTO message_system_chat_participant VALUES (6, 1), (6, 3);
    INSERT INTO message_revoked VALUES (9, 'A8', 3), (10, 'A9', NULL);
    INSERT INTO message_edit_info VALUES (16, 1700000099000), (15, 0);
    INSERT INTO message_poll VALUES (12);
    INSERT INTO message_poll_option VALUES (12, 'Here', 2), (12, 'There', NULL);
    INSERT INTO message_vcard VALUES (1, 17, 'BEGIN:VCARD\nFN:Kate Morris\nTEL:+447700900123\nEND:VCARD');
    INSERT INTO call_log VALUES (1, 1, 30, 5);
    INSERT INTO message_call_log VALUES (18, 1);
    INSERT INTO message_add_on VALUES (1, 0, 3, 2, 1679792500000), (2, 1, NULL, 2, NULL), (3, 0, 4, 3, 1679792600000);
    INSERT INTO message_add_on_reaction VALUES (1, '😂', NULL), (2, '👍', 1679792550000), (3, '', 1679792600000);`);
  db.close();
}

/** An old current-family schema: no sort_id, key_id, status or side tables but media. */
function buildSparseMsgstore(file: string): void {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(`CREATE TABLE jid (_id INTEGER PRIMARY KEY, user TEXT, server TEXT);
    CREATE TABLE chat (_id INTEGER PRIMARY KEY, jid_row_id INTEGER);
    CREATE TABLE message (_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, timestamp INTEGER,
      message_type INTEGER, text_data TEXT);
    CREATE TABLE message_media (message_row_id INTEGER PRIMARY KEY, file_path TEXT);
    INSERT INTO jid VALUES (1, '447700900111', 's.whatsapp.net');
    INSERT INTO chat VALUES (1, 1);
    INSERT INTO message VALUES (3, 1, 0, 1700000000000, 0, 'third id, first read'), (2, 1, 1, 1700000001000, 1, NULL),
      (1, 1, 0, '1700000002000', 0, 'timestamp as text');
    INSERT INTO message_media VALUES (2, 'Media/a.jpg');`);
  db.close();
}

const fixtures: Record<string, () => Read> = {};
const withModel = (seed: number) => {
  const model = buildModel(seed);
  const options = (contacts: string | null) => ({
    zone: 'Europe/London',
    contactsPath: contacts,
    ownerPhone: model.owner.phone,
    ownerName: model.ownerName,
  });
  return { model, options };
};
for (const seed of [1, 77, 4242, 90001]) {
  fixtures[`android current, model ${seed}`] = () => {
    const { model, options } = withModel(seed);
    const file = path.join(dir, `current-${seed}.db`);
    buildMsgstoreCurrent(model, file, { walTail: seed % 2 });
    buildWaDb(model, `${file}-wa.db`);
    return read(file, options(`${file}-wa.db`));
  };
}
for (const seed of [77, 4242]) {
  fixtures[`android legacy, model ${seed}`] = () => {
    const { model, options } = withModel(seed);
    const file = path.join(dir, `legacy-${seed}.db`);
    buildMsgstoreLegacy(model, file);
    return read(file, options(null));
  };
  fixtures[`ios, model ${seed}`] = () => {
    const { model, options } = withModel(seed);
    const file = path.join(dir, `ios-${seed}.sqlite`);
    buildChatStorage(model, file, { walTail: seed % 2 });
    return read(file, options(null));
  };
}
for (const both of [true, false]) {
  fixtures[`android in transition, both ${both}`] = () => {
    const { model, options } = withModel(31);
    const file = path.join(dir, `transition-${both}.db`);
    buildMsgstoreTransition(model, file, { both });
    return read(file, options(null));
  };
}
for (const zone of ['Europe/London', 'Europe/Paris', 'Asia/Kolkata', 'UTC']) {
  fixtures[`android odd rows, ${zone}`] = () => {
    const file = path.join(dir, `odd-${zone.replace('/', '-')}.db`);
    buildOddMsgstore(file);
    return read(file, { zone, ownerPhone: '447700900999' });
  };
}
fixtures['android sparse schema, no owner'] = () => {
  const file = path.join(dir, 'sparse.db');
  buildSparseMsgstore(file);
  return read(file, { zone: 'America/New_York' });
};

describe('device readers give the same messages as before the speed work', () => {
  const update = process.env.UPDATE_DEVICE_GOLDEN === '1';
  // One line per fixture: [name, what was read].
  const golden = new Map<string, Read>(
    existsSync(GOLDEN)
      ? readFileSync(GOLDEN, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as [string, Read])
      : [],
  );
  afterAll(() => {
    if (update) writeFileSync(GOLDEN, [...golden].map((e) => `${JSON.stringify(e)}\n`).join(''));
  });
  for (const [name, make] of Object.entries(fixtures)) {
    it(name, () => {
      // Through JSON, as the recorded copy was (undefined fields dropped, the same either way).
      const got = JSON.parse(JSON.stringify(make())) as Read;
      if (update) golden.set(name, got);
      else {
        const want = golden.get(name);
        expect(want, `${name} is not recorded in ${GOLDEN}`).toBeDefined();
        expect(got.messages).toEqual(want?.messages);
        expect(got).toEqual(want);
      }
      expect((got.messages as unknown[]).length).toBeGreaterThan(0);
    });
  }
});
