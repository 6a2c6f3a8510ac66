import Database from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvidenceError } from '../../../src/domain/errors.js';
import { detectDeviceFormat, openDeviceReader } from '../../../src/ingest/device/api.js';
import { buildMsgstoreCurrent, buildWaDb } from '../../support/fixtures/device/android.js';
import { buildModel } from '../../support/fixtures/device/model.js';
import { buildUfdr, ufdrXml } from '../../support/fixtures/device/ufdr.js';
import { hashes, readAll, tempDir } from '../../support/device.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const model = buildModel(42);

/** Opening and reading `file` fails with an EvidenceError naming it; the file is unchanged. */
function refused(file: string, pattern: RegExp, options: { contactsPath?: string } = {}): EvidenceError {
  const name = path.basename(file);
  const before = hashes(file);
  let caught: unknown = null;
  try {
    const reader = openDeviceReader(file, { fileName: name, zone: 'Europe/London', ...options });
    readAll(reader);
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(EvidenceError);
  const e = caught as EvidenceError;
  expect(e.message.startsWith(name)).toBe(true);
  expect(e.message).toMatch(pattern);
  expect(hashes(file)).toEqual(before);
  return e;
}

describe('device readers refuse bad input, naming the file and leaving it unchanged', () => {
  it('an encrypted backup (crypt15-like header and random bytes) must be decrypted first', () => {
    // crypt15: protobuf-length byte, feature byte, protobuf header, then ciphertext.
    const header = Buffer.from([
      0x38,
      0x01,
      0x0a,
      0x30,
      0x0a,
      0x20,
      ...randomBytes(32),
      0x12,
      0x10,
      ...randomBytes(16),
    ]);
    const file = path.join(dir, 'msgstore.db.crypt15');
    writeFileSync(file, Buffer.concat([header, randomBytes(20_000)]));
    expect(detectDeviceFormat(file)).toBe('whatsapp-crypt');
    refused(file, /decrypt/);
    // The same bytes under a neutral name are still recognised by their content.
    const neutral = path.join(dir, 'exhibit-7.bin');
    copyFileSync(file, neutral);
    expect(detectDeviceFormat(neutral)).toBe('whatsapp-crypt');
    refused(neutral, /decrypt/);
  });

  it('random bytes are not taken for an encrypted backup without its header, nor ever when named .txt', () => {
    for (let i = 0; i < 200; i++) {
      const bytes = randomBytes(20_000);
      // Not the backup header's first field (0x0a after the length and feature bytes).
      if (bytes[1] === 0x01 ? bytes[2] === 0x0a : bytes[1] === 0x0a) bytes[bytes[1] === 0x01 ? 2 : 1] = 0x0b;
      const file = path.join(dir, `random-${i}.bin`);
      writeFileSync(file, bytes);
      expect(detectDeviceFormat(file), `random-${i}.bin`).not.toBe('whatsapp-crypt');
    }
    const header = Buffer.from([0x38, 0x01, 0x0a, 0x30, ...randomBytes(60)]);
    const named = path.join(dir, 'WhatsApp Chat with Shift B.txt');
    writeFileSync(named, Buffer.concat([header, randomBytes(20_000)]));
    expect(detectDeviceFormat(named)).not.toBe('whatsapp-crypt');
  });

  it('a truncated SQLite database', () => {
    const file = path.join(dir, 'truncated.db');
    buildMsgstoreCurrent(model, file);
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    const e = refused(file, /truncated|corrupt/);
    expect(e.details.file).toBe('truncated.db');
  });

  it('a truncated SQLite database cut on a page boundary', () => {
    const file = path.join(dir, 'cut.db');
    buildMsgstoreCurrent(model, file);
    truncateSync(file, 4096 * 3);
    refused(file, /truncated|corrupt/);
  });

  it('garbage that claims to be SQLite', () => {
    const file = path.join(dir, 'garbage.db');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), randomBytes(8000)]));
    refused(file, /corrupt|truncated|SQLite/);
  });

  it('a SQLite database of another app names the WhatsApp tables it lacks', () => {
    const file = path.join(dir, 'other-app.db');
    const db = new Database(file);
    db.exec(
      "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('hi');",
    );
    db.close();
    expect(detectDeviceFormat(file)).toBe('sqlite-other');
    refused(file, /another app.*ZWAMESSAGE/);
  });

  it('a WhatsApp database of unknown schema names the missing tables', () => {
    const file = path.join(dir, 'no-message.db');
    buildMsgstoreCurrent(model, file);
    const db = new Database(file);
    db.exec('DROP TABLE message');
    db.close();
    const e = refused(file, /missing table.*message/);
    expect(e.message).not.toMatch(/jid,/);
  });

  it('a required column missing is named', () => {
    const file = path.join(dir, 'no-column.db');
    buildMsgstoreCurrent(model, file);
    const db = new Database(file);
    db.exec('ALTER TABLE message DROP COLUMN from_me');
    db.close();
    refused(file, /message lacks column from_me/);
  });

  it('wa.db given as the message store, and a non-wa.db given as contacts', () => {
    const wa = path.join(dir, 'wa.db');
    buildWaDb(model, wa);
    refused(wa, /contacts database/);
    const store = path.join(dir, 'store.db');
    buildMsgstoreCurrent(model, store);
    const other = path.join(dir, 'not-contacts.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    const before = hashes(other);
    expect(() => openDeviceReader(store, { fileName: 'store.db', zone: 'UTC', contactsPath: other })).toThrow(
      /^not-contacts\.db: .*missing table wa_contacts/,
    );
    expect(hashes(other)).toEqual(before);
  });

  it('a UFDR with malformed XML, with the line', () => {
    const good = ufdrXml(model, { labels: 'old' });
    const lines = good.split('\n');
    lines.splice(8, 0, '<model type="Chat" id="x"><field name="Source"></model>');
    const file = path.join(dir, 'malformed.ufdr');
    buildUfdr(model, file, { labels: 'old', xml: lines.join('\n') });
    const e = refused(file, /not well-formed XML/);
    expect(e.details.line).toBe(9);
  });

  it('a UFDR whose report.xml declares entities (billion laughs) is refused without expanding', () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<project><decodedData><modelType type="Chat"><model type="Chat" id="c"><field name="Name"><value>&lol9;</value></field></model></modelType></decodedData></project>`;
    const file = path.join(dir, 'bomb.ufdr');
    buildUfdr(model, file, { labels: 'old', xml: bomb });
    refused(file, /DOCTYPE/);
  });

  it('a UFDR with an external entity (XXE) is refused', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><project>&x;</project>`;
    const file = path.join(dir, 'xxe.ufdr');
    buildUfdr(model, file, { labels: 'old', xml: xxe });
    refused(file, /DOCTYPE/);
  });

  it('a zip entry escaping its folder is refused', () => {
    const file = path.join(dir, 'escape.ufdr');
    buildUfdr(model, file, { labels: 'old', extraEntries: { '../../evil.txt': strToU8('x') } });
    refused(file, /escapes/);
    const abs = path.join(dir, 'absolute.ufdr');
    buildUfdr(model, abs, { labels: 'old', extraEntries: { 'files/../../etc/cron.d/x': strToU8('x') } });
    refused(abs, /escapes/);
  });

  it('a zip whose report.xml fails its CRC is refused', () => {
    const file = path.join(dir, 'crc.ufdr');
    const xml = ufdrXml(model, { labels: 'old' });
    const zip = Buffer.from(zipSync({ 'report.xml': [strToU8(xml), { level: 0 }] }));
    const at = zip.indexOf(Buffer.from('Team '));
    zip[at] = 'S'.charCodeAt(0);
    writeFileSync(file, zip);
    refused(file, /CRC/);
  });

  it('a zip without report.xml is not a UFDR', () => {
    const file = path.join(dir, 'plain.zip');
    writeFileSync(file, zipSync({ '_chat.txt': strToU8('[1/1/23, 10:00:00] A: hi\n') }));
    expect(detectDeviceFormat(file)).toBeNull();
    refused(file, /not a device database/);
  });

  it('an original beside its -wal is never modified, even though SQLite opens the copy', () => {
    const file = path.join(dir, 'walmsgstore.db');
    buildMsgstoreCurrent(model, file, { walTail: 2 });
    const before = hashes(file);
    expect(Object.keys(before)).toContain('-wal');
    const mtime = statSync(file).mtimeMs;
    const reader = openDeviceReader(file, { fileName: 'walmsgstore.db', zone: 'UTC' });
    expect(reader.notices.some((n) => n.code === 'wal_included')).toBe(true);
    const n = readAll(reader).length;
    expect(hashes(file)).toEqual(before);
    expect(statSync(file).mtimeMs).toBe(mtime);
    // Without its -wal the database holds fewer rows: the WAL really was read.
    const alone = path.join(dir, 'alone.db');
    copyFileSync(file, alone);
    const fewer = readAll(openDeviceReader(alone, { fileName: 'alone.db', zone: 'UTC' })).length;
    expect(fewer).toBeLessThan(n);
    expect(readFileSync(file).equals(readFileSync(alone))).toBe(true);
  });
});
