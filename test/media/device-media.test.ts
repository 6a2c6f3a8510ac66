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
import { OWNER, ufdrWithFiles } from './support/ufdr-files.js';

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
    // The fixture's report has no taggedFiles: every link is by name, and says so.
    const byName = named.length - 1;
    expect(notices.slice(0, byName + 1)).toEqual([
      `media_linked attachments linked: ${byName} by file name only (listed below)`,
      ...named
        .filter(({ m }) => m !== absent.m)
        .map(({ m }) =>
          expect.stringMatching(
            new RegExp(
              `^media_linked attachment ${m.media!.name.replace(/\./g, '\\.')} \\(model im-${m.keyId}\\) linked by file name only, to files/Image/`,
            ),
          ),
        ),
    ]);
    expect(notices.slice(byName + 1)).toEqual([
      expect.stringMatching(new RegExp(`^media_missing attachment ${absent.m.media!.name} \\(model im-`)),
      expect.stringMatching(
        /^media_unreferenced files\/Image\/IMG-0001\.jpg is present but named by no message/,
      ),
    ]);
  });

  it('UFDR: links each attachment to the exact file its tagged file names, two files of one name apart', async () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const file = path.join(dir, 'tagged.ufdr');
    ufdrWithFiles(
      file,
      [
        { key: 'SENT', filename: 'IMG-1.jpg', targets: ['f-1'] },
        { key: 'RECEIVED', filename: 'IMG-1.jpg', targets: ['f-2'] },
        { key: 'VIDEO', filename: 'VID-1.mp4', messageTargets: ['f-5'] },
        { key: 'GONE', filename: 'IMG-2.jpg', targets: ['f-3'] },
        { key: 'CHANGED', filename: 'IMG-3.jpg', targets: ['f-4'] },
        { key: 'LOOSE', filename: 'IMG-9.jpg' },
        { key: 'TWICE', filename: 'IMG-1.jpg' },
      ],
      [
        { id: 'f-1', localPath: 'files\\Image\\Sent\\IMG-1.jpg', bytes: bytes('sent') },
        { id: 'f-2', localPath: 'files\\Image\\IMG-1.jpg', bytes: bytes('received') },
        { id: 'f-3', localPath: 'files\\Image\\Gone\\IMG-2.jpg', bytes: null },
        { id: 'f-4', localPath: 'files\\Image\\IMG-3.jpg', bytes: bytes('three'), sha256: 'e'.repeat(64) },
        { id: 'f-5', localPath: 'files\\Video\\VID-1.mp4', bytes: bytes('video') },
      ],
      // A file of the absent one's name elsewhere, and a file only a name points at.
      { 'files/Other/IMG-2.jpg': bytes('another two'), 'files/Loose/IMG-9.jpg': bytes('nine') },
    );
    await ws.cli(['case', 'create', 'UFDR/T']);
    const r = await ws.cli(['exhibit', 'add', 'UFDR/T', file, '--ref', 'UFDR/T', '--owner', OWNER]);
    expect(r.code, r.err).toBe(0);
    const { linked, notices, files } = await stored('UFDR/T');
    const pathOf = (key: string) => files.find((f) => f.id === linked.get(key))?.pathInArchive ?? null;
    expect(pathOf('SENT')).toBe('files/Image/Sent/IMG-1.jpg');
    expect(pathOf('RECEIVED')).toBe('files/Image/IMG-1.jpg');
    expect(pathOf('VIDEO')).toBe('files/Video/VID-1.mp4');
    expect(pathOf('LOOSE')).toBe('files/Loose/IMG-9.jpg');
    for (const key of ['GONE', 'CHANGED', 'TWICE']) expect(linked.get(key), key).toBeNull();
    const idOf = (p: string) => files.find((f) => f.pathInArchive === p)!.id;
    expect(notices).toEqual([
      "media_linked attachments linked: 3 by their exact path in the UFDR (the report's tagged files); 1 by file name only (listed below)",
      `media_linked attachment IMG-9.jpg (model im-LOOSE) linked by file name only, to files/Loose/IMG-9.jpg (exhibit file ${idOf('files/Loose/IMG-9.jpg')}): the source gives no path for it`,
      'media_missing attachment files/Image/Gone/IMG-2.jpg (model im-GONE) is named but not in the media given: the report ties it to files/Image/Gone/IMG-2.jpg (tagged file f-3), which is not in the UFDR',
      `media_missing attachment files/Image/IMG-3.jpg (model im-CHANGED) is named but not in the media given: the file at files/Image/IMG-3.jpg (exhibit file ${idOf('files/Image/IMG-3.jpg')}) has other bytes than the SHA-256 the report records (${'e'.repeat(64)})`,
      'media_missing attachment IMG-1.jpg (model im-TWICE) is named but not in the media given: more than one stored file is named img-1.jpg',
      expect.stringMatching(
        /^media_unreferenced files\/Other\/IMG-2\.jpg is present but named by no message/,
      ),
      expect.stringMatching(
        /^media_unreferenced files\/Image\/IMG-3\.jpg is present but named by no message/,
      ),
    ]);
  });

  it("iOS: WhatsApp's own .thumb files are listed as their item's device thumbnails, not as unnamed media", async () => {
    const root = path.join(dir, 'ios-thumbs');
    mkdirSync(root);
    buildChatStorage(model, path.join(root, 'ChatStorage.sqlite'));
    const folder = (c: MChat) => `Media/${c.jid}/a/b`;
    layOut(path.join(root, 'Message'), (c, m) => `${folder(c)}/${m.media!.name}`);
    const present = named.filter(({ m }) => m !== absent.m);
    const withThumb = present[0]!;
    const stem = withThumb.m.media!.name.replace(/\.[^.]+$/, '');
    const thumb = `${folder(withThumb.chat)}/${stem}.thumb`;
    writeFileSync(path.join(root, 'Message', thumb), 'thumbnail bytes');
    // The absent item's thumbnail is still there; and one stray file no message names.
    const orphan = `${folder(absent.chat)}/${absent.m.media!.name}.thumb`;
    writeFileSync(path.join(root, 'Message', orphan), 'thumbnail of a file that is gone');
    writeFileSync(path.join(root, `Message/${folder(withThumb.chat)}/stray.jpg`), 'named by no message');
    const { linked, notices, files } = await add(path.join(root, 'ChatStorage.sqlite'), 'IOS/T');
    expectLinked(linked);
    const idOf = (p: string) => files.find((f) => f.pathInArchive === p)!.id;
    const item = `${folder(withThumb.chat)}/${withThumb.m.media!.name}`;
    expect(notices.slice(1)).toEqual([
      expect.stringMatching(/^media_unreferenced Media\/.*\/stray\.jpg is present but named by no message/),
      'media_device_thumbnail 2 device thumbnail(s) (.thumb) beside the media they belong to: stored, and not counted as media named by no message',
      `media_device_thumbnail ${thumb} (exhibit file ${idOf(thumb)}) is WhatsApp's own thumbnail of ${item} (exhibit file ${idOf(item)})`,
      `media_device_thumbnail ${orphan} (exhibit file ${idOf(orphan)}) is WhatsApp's own thumbnail; the media file it belongs to is not among the media given`,
    ]);
    expect(notices[0]).toMatch(/^media_missing /);
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
