import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SystemEvent } from '../../../src/domain/message.js';
import { openDeviceReader } from '../../../src/ingest/device/api.js';
import { describeEvent, readVcard } from '../../../src/ingest/device/detail.js';
import { toMessageRow } from '../../../src/store/types.js';
import {
  buildMsgstoreCurrent,
  buildMsgstoreLegacy,
  buildWaDb,
} from '../../support/fixtures/device/android.js';
import { buildChatStorage } from '../../support/fixtures/device/ios.js';
import { buildModel, shown, systemText, type Model } from '../../support/fixtures/device/model.js';
import { buildUfdr, ufdrXml } from '../../support/fixtures/device/ufdr.js';
import { readAll, tempDir } from '../../support/device.js';

/**
 * Device system rows and structured messages (issue 13 item 10): plain text of what happened in
 * `detail.summary` (the database leaves a system row's body empty) and the structured fields,
 * without touching the verbatim text.
 */

const dir = tempDir('scrutineer-device-detail-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (e: Partial<SystemEvent> & Pick<SystemEvent, 'type'>): SystemEvent => ({
  actor: null,
  targets: [],
  value: null,
  previousValue: null,
  ...e,
});

describe('plain text of system events and contact cards', () => {
  it.each([
    [event({ type: 'created', actor: 'Dan', value: 'Team 3' }), 'Dan created group "Team 3"'],
    [event({ type: 'added', actor: 'Dan', targets: ['Kate', 'Sam', 'Jo'] }), 'Dan added Kate, Sam and Jo'],
    [event({ type: 'added', targets: ['Kate'] }), 'Kate was added'],
    [event({ type: 'removed', actor: 'Dan', targets: ['Kate'] }), 'Dan removed Kate'],
    [event({ type: 'left', actor: 'Kate', targets: ['Kate'] }), 'Kate left'],
    [event({ type: 'joined_by_link', targets: ['Mo'] }), "Mo joined using this group's invite link"],
    [
      event({ type: 'subject_changed', actor: 'Jo', value: 'Nights', previousValue: 'Days' }),
      'Jo changed the subject from "Days" to "Nights"',
    ],
    [event({ type: 'icon_changed', actor: 'Jo' }), "Jo changed this group's icon"],
    [event({ type: 'description_changed', actor: 'Jo' }), 'Jo changed the group description'],
    [event({ type: 'other', actor: 'Jo' }), 'System message (Jo): action_type 99'],
  ])('%o', (e, line) => {
    expect(describeEvent(e, { action_type: 99 })).toBe(line);
  });

  it('reads a vCard: FN, else N, every TEL, folded lines unfolded', () => {
    const card =
      'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Morris;Kate;;;\r\nFN:Sgt Kate\r\n  Morris\r\nTEL;type=CELL:+44 7700 900123\r\nitem1.TEL:07700 900124\r\nEND:VCARD';
    expect(readVcard(card)).toEqual({ name: 'Sgt Kate Morris', phones: ['+44 7700 900123', '07700 900124'] });
    expect(readVcard('BEGIN:VCARD\nN:Morris;Kate\nEND:VCARD')).toEqual({ name: 'Kate Morris', phones: [] });
    expect(readVcard(null, 'Kate')).toEqual({ name: 'Kate', phones: [] });
  });
});

function reader(file: string, model: Model, contacts: string | null) {
  return openDeviceReader(file, {
    fileName: path.basename(file),
    zone: 'Europe/London',
    contactsPath: contacts,
    ownerPhone: model.owner.phone,
    ownerName: model.ownerName,
  });
}

describe('every reader gives system rows, locations and polls their plain text', () => {
  const model = buildModel(4242);
  const all = model.chats.flatMap((c) => c.messages);
  const byKey = new Map(all.map((m) => [m.keyId, m]));

  for (const format of ['android', 'legacy', 'ios', 'ufdr'] as const) {
    it(format, () => {
      const base = path.join(dir, `detail-${format}`);
      let file = `${base}.db`;
      let contacts: string | null = `${base}-wa.db`;
      if (format === 'android') buildMsgstoreCurrent(model, file);
      else if (format === 'legacy') buildMsgstoreLegacy(model, file);
      else if (format === 'ios') {
        file = `${base}.sqlite`;
        contacts = null;
        buildChatStorage(model, file);
      } else {
        file = `${base}.ufdr`;
        contacts = null;
        buildUfdr(model, file, { labels: 'new' });
      }
      if (contacts) buildWaDb(model, contacts);
      let systems = 0;
      for (const { message: m } of readAll(reader(file, model, contacts))) {
        const want = byKey.get(m.keyId ?? '');
        if (!want) continue;
        if (m.kind === 'system') {
          systems++;
          expect(m.detail?.summary, m.keyId ?? '').toBeTruthy();
          expect(m.detail?.event).toEqual(m.system);
          // iOS and legacy rows do not say who added or removed whom (formats.md §2, §3).
          const named =
            format === 'android' || format === 'ufdr' || /created|left/.test(want.system?.type ?? '');
          if (named && format !== 'ios') expect(m.detail?.summary).toBe(systemText(model, want));
        }
        if (m.kind === 'location') {
          expect(m.detail?.location).toMatchObject({ lat: want.location?.lat, lng: want.location?.lng });
          expect(m.detail?.summary).toBe(`Location: ${want.location?.lat}, ${want.location?.lng}`);
        }
        if (m.kind === 'poll') {
          expect(m.detail?.poll?.options.map((o) => o.text)).toEqual(want.poll?.options.map((o) => o.text));
          expect(m.detail?.summary).toMatch(/^Poll: .*\(\d+ votes?\)/);
        }
        if (m.kind === 'text') expect(m.detail ?? null).toBeNull();
        // The detail is kept with the message in the store (extras_json).
        if (m.detail)
          expect(
            JSON.parse(toMessageRow(m, { caseId: 1, conversationId: 1, exhibitId: 1 }).extrasJson ?? '{}')
              .detail,
          ).toEqual(m.detail);
      }
      expect(systems).toBeGreaterThan(0);
    });
  }
});

describe('Android contact cards, calls and places', () => {
  it('message_vcard, message_call_log + call_log and a named place give their plain text', () => {
    const file = path.join(dir, 'structured.db');
    const db = new Database(file);
    db.exec(`CREATE TABLE jid(_id INTEGER PRIMARY KEY, raw_string TEXT);
      CREATE TABLE chat(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, subject TEXT);
      CREATE TABLE message(_id INTEGER PRIMARY KEY, chat_row_id INTEGER, from_me INTEGER, key_id TEXT,
        sender_jid_row_id INTEGER, timestamp INTEGER, message_type INTEGER, text_data TEXT);
      CREATE TABLE message_vcard(_id INTEGER PRIMARY KEY, message_row_id INTEGER, vcard TEXT);
      CREATE TABLE message_location(message_row_id INTEGER PRIMARY KEY, latitude REAL, longitude REAL, place_name TEXT, place_address TEXT);
      CREATE TABLE call_log(_id INTEGER PRIMARY KEY, jid_row_id INTEGER, from_me INTEGER, video_call INTEGER, duration INTEGER, call_result INTEGER);
      CREATE TABLE message_call_log(message_row_id INTEGER PRIMARY KEY, call_log_row_id INTEGER);
      INSERT INTO jid VALUES (1, '447700900111@s.whatsapp.net');
      INSERT INTO chat VALUES (1, 1, NULL);
      INSERT INTO message VALUES (1, -1, 0, '-1', NULL, 0, 0, NULL),
        (2, 1, 0, 'V1', NULL, 1710000000000, 4, 'Kate'),
        (3, 1, 1, 'C1', NULL, 1710000001000, 90, NULL),
        (4, 1, 0, 'C2', NULL, 1710000002000, 90, NULL),
        (5, 1, 0, 'L1', NULL, 1710000003000, 5, NULL);
      INSERT INTO message_vcard VALUES (1, 2, 'BEGIN:VCARD\nFN:Kate Morris\nTEL:+447700900123\nEND:VCARD');
      INSERT INTO call_log VALUES (1, 1, 1, 0, 125, 5), (2, 1, 0, 1, 0, 2);
      INSERT INTO message_call_log VALUES (3, 1), (4, 2);
      INSERT INTO message_location VALUES (5, 51.49871, -0.1337, 'New Scotland Yard', 'Victoria Embankment');`);
    db.close();
    const r = openDeviceReader(file, { fileName: 'structured.db', zone: 'UTC', ownerPhone: '447700900999' });
    const got = new Map(readAll(r).map((d) => [d.message.keyId, d.message]));
    expect(got.get('V1')?.detail).toEqual({
      summary: 'Contact card: Kate Morris (+447700900123)',
      contacts: [{ name: 'Kate Morris', phones: ['+447700900123'] }],
    });
    expect(got.get('C1')?.detail).toEqual({
      summary: 'Voice call, 125 s',
      call: { video: false, durationS: 125, result: 5 },
    });
    expect(got.get('C2')?.detail?.summary).toBe('Video call, no duration (not answered or missed)');
    expect(got.get('C2')?.text).toBe('');
    expect(got.get('L1')?.detail?.summary).toBe(
      'Location: 51.49871, -0.1337 (New Scotland Yard, Victoria Embankment)',
    );
  });
});

describe('a UFDR system line names its actor as the participant', () => {
  it('"Dan added Kate" from the party "Dan Hughes" is sent by "Dan Hughes", not a second person "Dan"', () => {
    let seed = 1;
    let model = buildModel(seed);
    while (!shown(model, model.people[0]!).includes(' ')) model = buildModel(++seed);
    const creator = model.people[0]!;
    const full = shown(model, creator);
    const first = full.split(' ')[0]!;
    const added = model.chats[0]!.messages.find((m) => m.system?.type === 'added')!;
    const line = systemText(model, added);
    const xml = ufdrXml(model, { labels: 'new' }).replace(`${full} added`, `${first} added`);
    expect(xml).toContain(line.replace(full, first));
    const file = path.join(dir, 'actor.ufdr');
    buildUfdr(model, file, { labels: 'new', xml });
    const r = openDeviceReader(file, { fileName: 'actor.ufdr', zone: 'UTC' });
    const m = readAll(r).find((d) => d.message.keyId === added.keyId)!.message;
    expect(m.text).toBe(line.replace(full, first));
    expect(m.sender).toBe(full);
    expect(m.system?.actor).toBe(full);
  });
});
