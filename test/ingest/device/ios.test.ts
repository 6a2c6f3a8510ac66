import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDeviceReader } from '../../../src/ingest/device/api.js';
import { toMessageRow } from '../../../src/store/types.js';
import { IOS_SCHEMA } from '../../support/fixtures/device/ios.js';
import { tempDir } from '../../support/device.js';

/**
 * The iOS reader's row mapping on the rows the random models never make (issue 20): media read
 * by ZWAMEDIAITEM.ZMESSAGE with two items for one message, a ZMEDIAITEM or ZPARENTMESSAGE that
 * points at no row, a member key stored as text or pointing at no member, a vCard, a location
 * without coordinates, unknown and NULL types, no ZMESSAGEDATE, no ZSORT. Compared with what the
 * reader gave before its query was split into message columns and side rows by key, recorded in
 * ios.golden.ndjson by `UPDATE_IOS_GOLDEN=1` on the code before that change (fdb0a91).
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.join(here, 'ios.golden.ndjson');
const dir = tempDir('scrutineer-ios-odd-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SESSIONS = `
  INSERT INTO ZWACHATSESSION (Z_PK, ZSESSIONTYPE, ZCONTACTJID, ZPARTNERNAME) VALUES
    (1, 1, '120363000000000001@g.us', 'Night shift'), (2, 0, '447700900222@s.whatsapp.net', 'Kate Morris'),
    (3, 0, 'status@broadcast', NULL);
  INSERT INTO ZWAGROUPMEMBER (Z_PK, ZCHATSESSION, ZISACTIVE, ZISADMIN, ZCONTACTNAME, ZMEMBERJID) VALUES
    (1, 1, 1, 1, 'Dan Hughes', '447700900111@s.whatsapp.net'), (2, 1, 0, 0, NULL, '447700900333@s.whatsapp.net'),
    (3, 1, 1, 0, 'Owner Self', '447700900001@s.whatsapp.net');
  INSERT INTO ZWAPROFILEPUSHNAME (ZJID, ZPUSHNAME) VALUES ('447700900333@s.whatsapp.net', 'Big Jim'),
    ('447700900222@s.whatsapp.net', 'K');`;

/** The full schema: media by ZWAMESSAGE.ZMEDIAITEM. */
function buildByItem(file: string): void {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(IOS_SCHEMA);
  db.exec(`${SESSIONS}
  INSERT INTO ZWAMESSAGE (Z_PK, ZCHATSESSION, ZGROUPMEMBER, ZISFROMME, ZMESSAGEDATE, ZFROMJID, ZTEXT, ZMESSAGETYPE,
      ZGROUPEVENTTYPE, ZSTANZAID, ZPUSHNAME, ZSORT, ZFLAGS, ZMESSAGESTATUS, ZPARENTMESSAGE, ZMEDIAITEM) VALUES
    (1, 1, 1, 0, 701000000.5, '120363000000000001@g.us', 'hello all', 0, 0, 'A1', 'Danny', 1, 0, 8, NULL, NULL),
    (2, 1, '2', 0, 701000001, NULL, NULL, 1, 0, 'A2', 'Big Jim', 2, NULL, NULL, 1, 1),
    (3, 1, 9, 0, 701000002, NULL, 'dangling member', 0, 0, 'A3', 'Who', 3, 0, 0, 99, 77),
    (4, 1, NULL, 1, 701000003, NULL, NULL, 5, 0, 'A4', NULL, 4, 8, 0, 2, 2),
    (5, 1, 1, 0, 701000004, NULL, 'Kate', 4, 0, 'A5', 'Danny', 5, 0, 0, NULL, 3),
    (6, 1, 2, 0, 701000005, NULL, 'Night shift', 6, 12, 'A6', 'Big Jim', 6, 0, 0, NULL, NULL),
    (7, 1, 2, 0, 701000006, NULL, NULL, 6, 3, 'A7', NULL, 7, 0, 0, NULL, NULL),
    (8, 1, 2, 1, 701000007, NULL, NULL, 6, 2, 'A8', NULL, 8, 0, 0, NULL, NULL),
    (9, 1, 1, 0, 701000008, NULL, NULL, 6, 55, 'A9', NULL, 9, 0, 0, NULL, NULL),
    (10, 1, 1, 0, NULL, NULL, 'no date', 0, 0, 'A10', 'Danny', 10, 0, 0, 6, NULL),
    (11, 1, 1, 0, 701000010, NULL, 'type 99', 99, 0, 'A11', 'Danny', 11, 0, 0, NULL, NULL),
    (12, 1, 1, 0, 701000011, NULL, 'no type', NULL, 0, 'A12', 'Danny', 12, 0, 0, NULL, NULL),
    (13, 2, NULL, 0, 701000012, '447700900222@s.whatsapp.net', 'hi', 0, 0, 'B1', 'Katie', 1, 0, 0, NULL, NULL),
    (14, 2, NULL, 1, 701000013, NULL, NULL, 2, 0, 'B2', NULL, 2, 8, 0, 13, 4),
    (15, 2, NULL, 0, 701000014, '447700900222@s.whatsapp.net', NULL, 14, 0, 'B3', NULL, 3, 0, 0, NULL, NULL),
    (16, 2, NULL, 0, 701000015, NULL, NULL, 10, 0, 'B4', NULL, 4, 0, 0, 14, NULL),
    (17, 2, NULL, 0, 701000016, NULL, NULL, 5, 0, 'B5', NULL, 5, 0, 0, NULL, 5),
    (18, 3, NULL, 0, 701000017, NULL, 'a status', 0, 0, 'S1', NULL, 1, 0, 0, NULL, NULL),
    (19, 8, NULL, 0, 701000018, NULL, 'no such chat', 0, 0, 'X1', NULL, 1, 0, 0, NULL, NULL),
    (20, 1, 3, 0, 701000019, NULL, 'from the owner''s member row', 0, 0, 'A13', 'Me', 13, 0, 0, 5, NULL);
  INSERT INTO ZWAMEDIAITEM (Z_PK, ZMESSAGE, ZFILESIZE, ZMEDIALOCALPATH, ZTITLE, ZLATITUDE, ZLONGITUDE, ZVCARDNAME, ZVCARDSTRING) VALUES
    (1, 2, 1234, 'Media/120363000000000001@g.us/a/b/IMG-1.jpg', 'the caption', NULL, NULL, NULL, NULL),
    (2, 4, NULL, NULL, NULL, 51.5, -0.12, NULL, NULL),
    (3, 5, NULL, NULL, NULL, NULL, NULL, 'Kate M', 'BEGIN:VCARD\nFN:Kate Morris\nEND:VCARD'),
    (4, 14, '99', NULL, NULL, NULL, NULL, NULL, NULL),
    (5, 17, NULL, NULL, NULL, NULL, 2.5, NULL, NULL);
  INSERT INTO ZWAGROUPMEMBERSCHANGE (ZCHANGETYPE) VALUES (1);`);
  db.close();
}

/** An older schema: no ZMEDIAITEM, ZSORT or ZGROUPMEMBER on ZWAMESSAGE; media by ZWAMEDIAITEM.ZMESSAGE. */
function buildByMessage(file: string): void {
  rmSync(file, { force: true });
  const db = new Database(file);
  db.exec(`CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZSESSIONTYPE INTEGER, ZCONTACTJID VARCHAR, ZPARTNERNAME VARCHAR);
    CREATE TABLE ZWAGROUPMEMBER (Z_PK INTEGER PRIMARY KEY, ZISACTIVE INTEGER, ZISADMIN INTEGER, ZCHATSESSION INTEGER, ZCONTACTNAME VARCHAR, ZMEMBERJID VARCHAR);
    CREATE TABLE ZWAPROFILEPUSHNAME (Z_PK INTEGER PRIMARY KEY, ZJID VARCHAR, ZPUSHNAME VARCHAR);
    CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP,
      ZTEXT VARCHAR, ZMESSAGETYPE INTEGER, ZSTANZAID VARCHAR, ZPARENTMESSAGE INTEGER);
    CREATE TABLE ZWAMEDIAITEM (Z_PK INTEGER PRIMARY KEY, ZMESSAGE INTEGER, ZMEDIALOCALPATH VARCHAR, ZLATITUDE FLOAT);
    ${SESSIONS}
    INSERT INTO ZWAMESSAGE VALUES (3, 2, 0, 701000000, 'first by id order? no: by Z_PK', 0, 'C3', NULL),
      (1, 2, 1, 701000001, NULL, 1, 'C1', 3), (2, 2, 0, 701000002, NULL, 5, 'C2', 1),
      (4, 1, 0, 701000003, 'group, no member column', 0, 'C4', 2), (5, 2, 0, 701000004, NULL, 8, 'C5', NULL);
    INSERT INTO ZWAMEDIAITEM VALUES (1, 1, 'Media/first.jpg', NULL), (2, 1, 'Media/second.jpg', NULL),
      (3, 2, NULL, 51.25), (4, 5, NULL, NULL), (5, 5, 'Media/later.pdf', NULL);`);
  db.close();
}

function read(build: (file: string) => void, name: string, owner: boolean): string[] {
  const file = path.join(dir, name, 'ChatStorage.sqlite');
  rmSync(path.dirname(file), { recursive: true, force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  build(file);
  const reader = openDeviceReader(file, {
    fileName: 'ChatStorage.sqlite',
    zone: 'Europe/London',
    ownerPhone: owner ? '+447700900001' : null,
    ownerName: owner ? 'Sgt Owner' : null,
  });
  try {
    const ids = { caseId: 1, conversationId: 2, exhibitId: 3 };
    const lines = [...reader.messages()].map((d) =>
      JSON.stringify([d.conversationKey, d.message, toMessageRow(d.message, ids)]),
    );
    lines.push(JSON.stringify([reader.conversations, reader.notices, reader.rowAccounts, reader.ownerJid]));
    return lines;
  } finally {
    reader.close();
  }
}

const fixtures: Record<string, () => string[]> = {
  'media by ZMEDIAITEM, owner given': () => read(buildByItem, 'by-item', true),
  'media by ZMEDIAITEM, owner unknown': () => read(buildByItem, 'by-item-anon', false),
  'media by ZWAMEDIAITEM.ZMESSAGE, older columns': () => read(buildByMessage, 'by-message', true),
};

describe('the iOS reader on odd ChatStorage rows', () => {
  const got = Object.fromEntries(Object.entries(fixtures).map(([name, run]) => [name, run()]));

  if (process.env.UPDATE_IOS_GOLDEN === '1') {
    writeFileSync(
      GOLDEN,
      Object.entries(got)
        .map(([name, lines]) => JSON.stringify({ name, lines }))
        .join('\n') + '\n',
    );
  }
  const golden = new Map<string, string[]>(
    existsSync(GOLDEN)
      ? readFileSync(GOLDEN, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => {
            const { name, lines } = JSON.parse(l) as { name: string; lines: string[] };
            return [name, lines];
          })
      : [],
  );

  for (const name of Object.keys(fixtures)) {
    it(name, () => {
      const want = golden.get(name);
      expect(want, `no golden for ${name}`).toBeDefined();
      expect(got[name]).toEqual(want);
    });
  }

  it('the fixtures reach the rows they were made for', () => {
    const rows = (name: string) =>
      (got[name] ?? [])
        .slice(0, -1)
        .map(
          (l) => JSON.parse(l) as [string, { kind: string; replyTo: unknown; media: unknown; text: string }],
        );
    const byItem = rows('media by ZMEDIAITEM, owner given');
    expect(byItem.filter(([, m]) => m.replyTo !== null).length).toBeGreaterThanOrEqual(4);
    expect(byItem.map(([, m]) => m.kind)).toEqual(
      expect.arrayContaining(['media', 'location', 'system', 'deleted']),
    );
    const byMessage = rows('media by ZWAMEDIAITEM.ZMESSAGE, older columns');
    // Two media items for one message: the message is read once.
    expect(byMessage.length).toBe(5);
  });
});
