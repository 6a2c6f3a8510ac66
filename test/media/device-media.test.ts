/**
 * Device media accounted for (issue 17, item 1): the Android `Media/` tree and the iOS
 * `Message/Media` folder beside the database, and the files inside a UFDR, are hashed and stored;
 * each message is linked to the file its row names; the absent and the unnamed are reported; a
 * linked image gets a thumbnail and its text read like an export's.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EvidenceStore } from '../../src/evidence/evidence-store.js';
import { MediaLinker, sha256Of } from '../../src/media/device-media.js';
import { ThumbnailCache } from '../../src/media/thumbnail.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { buildMsgstoreCurrent } from '../support/fixtures/device/android.js';
import { buildChatStorage } from '../support/fixtures/device/ios.js';
import { buildModel, type MChat, type MMessage } from '../support/fixtures/device/model.js';
import { buildUfdr } from '../support/fixtures/device/ufdr.js';
import { tempDir } from '../support/device.js';
import { renderTextImage } from '../support/fixtures/media/images.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const model = buildModel(11);
const named = model.chats.flatMap((chat) =>
  chat.messages.filter((m) => m.kind === 'media' && m.media).map((m) => ({ chat, m })),
);
const picture = renderTextImage({ lines: ['device image text'], style: 'clean', format: 'jpeg' }).bytes;
/** The first image is a real picture with words; the rest are distinct bytes; the last is left out. */
const firstImage = named.find(({ m }) => m.media!.name.startsWith('IMG'))!;
const absent = named.at(-1)!;
const bytesOf = (m: MMessage) =>
  m === firstImage.m ? picture : new TextEncoder().encode(`bytes of ${m.media!.name} ${m.keyId}`);

function layOut(root: string, pathOf: (chat: MChat, m: MMessage) => string): void {
  for (const { chat, m } of named) {
    if (m === absent.m) continue;
    const file = path.join(root, pathOf(chat, m));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytesOf(m));
  }
}

describe('linking a message to a stored file', () => {
  const files = [
    { id: 1, pathInArchive: 'Media/WhatsApp Images/IMG-1.jpg', sha256: 'a'.repeat(64), role: 'media' },
    { id: 2, pathInArchive: 'Media/WhatsApp Images/Sent/IMG-1.jpg', sha256: 'b'.repeat(64), role: 'media' },
    { id: 3, pathInArchive: 'Media/WhatsApp Video/VID-1.mp4', sha256: 'c'.repeat(64), role: 'media' },
    { id: 4, pathInArchive: 'msgstore.db-wal', sha256: 'd'.repeat(64), role: 'wal' },
  ];
  const linker = new MediaLinker(files, true);

  it('takes the longest path tail that one file shares, whatever the device prefix', () => {
    expect(linker.find('/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-1.jpg', null).id).toBe(1);
    expect(linker.find('Media/WhatsApp Images/Sent/IMG-1.jpg', null).id).toBe(2);
    expect(linker.find('media/whatsapp video/vid-1.MP4', null).id).toBe(3);
    expect(linker.find('Media/Other/VID-1.mp4', null).id).toBe(3);
  });

  it('never guesses between two files of one name, and prefers the recorded hash', () => {
    const twice = linker.find('Other/IMG-1.jpg', null);
    expect(twice.id).toBeNull();
    expect(twice.why).toMatch(/more than one stored file is named img-1\.jpg/);
    expect(linker.find('Other/IMG-1.jpg', 'b'.repeat(64)).id).toBe(2);
  });

  it('refuses a path whose file has other bytes than the database records', () => {
    const other = linker.find('Media/WhatsApp Video/VID-1.mp4', 'e'.repeat(64));
    expect(other.id).toBeNull();
    expect(other.why).toMatch(/exhibit file 3\) has other bytes/);
    expect(linker.find('msgstore.db-wal', null).id).toBeNull();
  });

  it("reads Android's base64 SHA-256 as hex, and nothing else", () => {
    expect(sha256Of(Buffer.alloc(32, 0xab).toString('base64'))).toBe('ab'.repeat(32));
    expect(sha256Of('c2hpZnQgdmFu')).toBeNull();
    expect(sha256Of(null)).toBeNull();
  });
});

describe.each(BACKENDS)('device media through exhibit add on %s', (backend) => {
  let ws: Workspace;
  let store: Store;
  const dir = tempDir();
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
  });
  afterAll(async () => {
    await store?.close();
    await ws.cleanup();
  });

  /** Adds the exhibit and returns each media message's linked file and the report's media notices. */
  async function add(file: string, ref: string, extra: string[] = []) {
    // A case each: two builds of one model can be the same bytes, which a case refuses twice.
    await ws.cli(['case', 'create', ref]);
    const r = await ws.cli([
      'exhibit',
      'add',
      ref,
      file,
      '--ref',
      ref,
      '--owner',
      model.owner.phone,
      ...extra,
    ]);
    expect(r.code, r.err).toBe(0);
    return stored(ref);
  }

  /** Each media message's linked file, the report's media notices and the files of exhibit `ref`. */
  async function stored(ref: string) {
    store ??= await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    const caseId = (await store.cases.findByName(ref))!.id;
    const exhibit = (await store.exhibits.findByRef(caseId, ref))!;
    const linked = new Map<string, number | null>();
    for await (const m of store.messages.iterate(caseId))
      if (m.exhibitId === exhibit.id && m.mediaFileName !== null) linked.set(m.keyId!, m.mediaFileId);
    const report = (await store.importReports.get(exhibit.id))!;
    const notices = report.notices
      .filter((n) => n.code.startsWith('media_'))
      .map((n) => `${n.code} ${n.message}`);
    return { caseId, linked, notices, files: await store.exhibits.listFiles(exhibit.id) };
  }

  function expectLinked(linked: Map<string, number | null>): void {
    for (const { m } of named) {
      if (m === absent.m) expect(linked.get(m.keyId), m.media!.name).toBeNull();
      else expect(linked.get(m.keyId), m.media!.name).toEqual(expect.any(Number));
    }
  }

  it('Android: links Media/ beside msgstore.db, reports the absent and the unnamed, thumbnails and reads the image', async () => {
    const root = path.join(dir, 'android');
    mkdirSync(root);
    buildMsgstoreCurrent(model, path.join(root, 'msgstore.db'));
    layOut(root, (_c, m) => `Media/WhatsApp Images/${m.media!.name}`);
    writeFileSync(path.join(root, 'Media/WhatsApp Images/IMG-stray.jpg'), 'a file no message names');
    const { caseId, linked, notices, files } = await add(path.join(root, 'msgstore.db'), 'AND/1');
    expectLinked(linked);
    expect(files.filter((f) => f.role === 'media')).toHaveLength(named.length);
    expect(notices).toEqual([
      expect.stringMatching(
        new RegExp(
          `^media_missing attachment Media/WhatsApp Images/${absent.m.media!.name} \\(message \\d+\\) is named but not in the media given$`,
        ),
      ),
      expect.stringMatching(
        /^media_unreferenced Media\/WhatsApp Images\/IMG-stray\.jpg is present but named by no message/,
      ),
    ]);

    const file = files.find((f) => f.id === linked.get(firstImage.m.keyId))!;
    const evidence = new EvidenceStore(ws.dir);
    const thumb = await new ThumbnailCache().get(evidence.absolutePath(file.storedPath!), file.sha256, 96);
    expect(thumb.kind).toBe('thumbnail');

    const ocr = await ws.cli(['ocr', 'AND/1', '--workers', '1']);
    expect(ocr.code, ocr.err).toBe(0);
    const read = (await store.mediaTexts.list(caseId)).find((t) => t.exhibitFileId === file.id);
    expect(read?.text.toLowerCase()).toContain('device image text');
  });

  it('iOS: links Message/Media beside ChatStorage.sqlite by ZMEDIALOCALPATH', async () => {
    const root = path.join(dir, 'ios');
    mkdirSync(root);
    buildChatStorage(model, path.join(root, 'ChatStorage.sqlite'));
    layOut(path.join(root, 'Message'), (c, m) => `Media/${c.jid}/a/b/${m.media!.name}`);
    const { linked, notices } = await add(path.join(root, 'ChatStorage.sqlite'), 'IOS/1');
    expectLinked(linked);
    expect(notices).toEqual([
      expect.stringMatching(
        new RegExp(
          `^media_missing attachment Media/${absent.chat.jid}/a/b/${absent.m.media!.name} \\(ZWAMESSAGE \\d+\\) is named`,
        ),
      ),
    ]);
  });

  it('UFDR: links the attachments to the files inside the report', async () => {
    const entries: Record<string, Uint8Array> = {};
    for (const { m } of named) if (m !== absent.m) entries[`files/Image/${m.media!.name}`] = bytesOf(m);
    const file = path.join(dir, 'phone.ufdr');
    buildUfdr(model, file, { labels: 'new', extraEntries: entries });
    const { linked, notices } = await add(file, 'UFDR/1');
    expectLinked(linked);
    expect(notices).toEqual([
      expect.stringMatching(new RegExp(`^media_missing attachment ${absent.m.media!.name} \\(model im-`)),
      expect.stringMatching(
        /^media_unreferenced files\/Image\/IMG-0001\.jpg is present but named by no message/,
      ),
    ]);
  });

  it('a database with no media beside it says so once, and --media takes a folder given elsewhere', async () => {
    const root = path.join(dir, 'bare');
    mkdirSync(root);
    buildMsgstoreCurrent(model, path.join(root, 'msgstore.db'));
    const bare = await add(path.join(root, 'msgstore.db'), 'AND/2');
    expect(bare.notices).toEqual([
      `media_missing ${named.length} messages name a media file, and no media were given: put the Media folder beside the database or give --media`,
    ]);
    const elsewhere = path.join(dir, 'card');
    layOut(elsewhere, (_c, m) => `WhatsApp/Media/WhatsApp Images/${m.media!.name}`);
    const copy = path.join(dir, 'copy');
    mkdirSync(copy);
    buildMsgstoreCurrent(model, path.join(copy, 'msgstore.db'));
    const given = await add(path.join(copy, 'msgstore.db'), 'AND/3', [
      '--media',
      path.join(elsewhere, 'WhatsApp', 'Media'),
    ]);
    expectLinked(given.linked);
  });

  it('a queued import carries --media to the worker, and a --media that is not there is not queued', async () => {
    const elsewhere = path.join(dir, 'queued-card');
    layOut(elsewhere, (_c, m) => `Media/WhatsApp Images/${m.media!.name}`);
    const copy = path.join(dir, 'queued');
    mkdirSync(copy);
    buildMsgstoreCurrent(model, path.join(copy, 'msgstore.db'));
    await ws.cli(['case', 'create', 'AND/Q']);
    const queue = (media: string) =>
      ws.cli([
        'exhibit',
        'add',
        'AND/Q',
        path.join(copy, 'msgstore.db'),
        '--ref',
        'AND/Q',
        '--owner',
        model.owner.phone,
        '--media',
        media,
        '--queue',
      ]);
    const missing = await queue(path.join(dir, 'nowhere'));
    expect(missing.code).not.toBe(0);
    expect(missing.err.trim()).toMatch(
      /^.*nowhere: cannot be read: the --media folder or zip does not exist$/,
    );
    const queued = await queue(path.join(elsewhere, 'Media'));
    expect(queued.code, queued.err).toBe(0);
    const worker = await ws.cli(['worker', '--once', '--poll-ms', '20', '--json']);
    expect(worker.code, worker.err).toBe(0);
    const { linked, files } = await stored('AND/Q');
    expectLinked(linked);
    expect(files.filter((f) => f.role === 'media')).toHaveLength(named.length - 1);
  });

  it('refuses a --media that is not there, one on an export, and a link inside the folder, storing nothing', async () => {
    const root = path.join(dir, 'refused');
    mkdirSync(path.join(root, 'Media'), { recursive: true });
    buildMsgstoreCurrent(model, path.join(root, 'msgstore.db'));
    await ws.cli(['case', 'create', 'Refused']);
    const missing = await ws.cli([
      'exhibit',
      'add',
      'Refused',
      path.join(root, 'msgstore.db'),
      '--ref',
      'R/1',
      '--media',
      path.join(root, 'nowhere'),
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.err.trim()).toMatch(/nowhere.*cannot be read: the --media folder or zip does not exist/);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    const chat = path.join(root, 'WhatsApp Chat with Van.txt');
    writeFileSync(chat, '03/03/2022, 07:00 - PC Amy Cole: hello');
    const onExport = await ws.cli(['exhibit', 'add', 'Refused', chat, '--ref', 'R/2', '--media', root]);
    expect(onExport.err).toMatch(/--media applies only to an Android or iOS database/);
    writeFileSync(path.join(root, 'Media', 'a.jpg'), 'bytes');
    symlinkSync('/etc/hostname', path.join(root, 'Media', 'b.jpg'));
    const linked = await ws.cli([
      'exhibit',
      'add',
      'Refused',
      path.join(root, 'msgstore.db'),
      '--ref',
      'R/3',
    ]);
    expect(linked.err).toMatch(/Media\/b\.jpg.*is a link or device file in the media folder/);
    const shown = await ws.json<unknown[]>(['exhibit', 'list', 'Refused']);
    expect(shown).toEqual([]);
  });
});
