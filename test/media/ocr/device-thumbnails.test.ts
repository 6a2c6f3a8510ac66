/**
 * OCR and a phone's own thumbnails (issue 17), through the real CLI on an iOS extraction: a
 * `.thumb` beside an image that is read itself is not read again (it would be a second, worse
 * reading of the same picture), and the run says how many and why; a `.thumb` whose item is absent,
 * or is no image, is the only picture there is: it is read, and its pass says so.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { OcrCaseOutcome } from '../../../src/media/ocr/ocr-case.js';
import type { MediaTextRecord } from '../../../src/store/repositories/media-texts.js';
import type { ExhibitFileRecord } from '../../../src/store/types.js';
import { buildChatStorage } from '../../support/fixtures/device/ios.js';
import { buildModel, type MChat, type MMessage } from '../../support/fixtures/device/model.js';
import { renderTextImage } from '../../support/fixtures/media/images.js';
import { tempDir } from '../../support/device.js';
import { BACKENDS, jsonLines, makeWorkspace, type Workspace } from '../../support/cli.js';

const model = buildModel(11);
const named = model.chats.flatMap((chat) =>
  chat.messages.filter((m) => m.kind === 'media' && m.media).map((m) => ({ chat, m })),
);
const image = named.find(({ m }) => m.media!.name.startsWith('IMG'))!;
/** A present item whose bytes are no image (a video or voice note as far as OCR can tell). */
const notImage = named.find((n) => n !== image && n !== named.at(-1))!;
const absent = named.at(-1)!;

const picture = (lines: string[], width?: number) =>
  renderTextImage({ lines, style: 'clean', format: 'jpeg', width }).bytes;
const folder = (c: MChat) => `Media/${c.jid}/a/b`;
const stem = (m: MMessage) => m.media!.name.replace(/\.[^.]+$/, '');
const itemPath = `${folder(image.chat)}/${image.m.media!.name}`;
const thumbOfImage = `${folder(image.chat)}/${stem(image.m)}.thumb`;
const thumbOfNotImage = `${folder(notImage.chat)}/${notImage.m.media!.name}.thumb`;
const thumbOfAbsent = `${folder(absent.chat)}/${stem(absent.m)}.thumb`;

/** An iOS file-system extraction: ChatStorage.sqlite and Message/Media with three kinds of .thumb. */
function layOut(root: string): string {
  mkdirSync(root, { recursive: true });
  buildChatStorage(model, path.join(root, 'ChatStorage.sqlite'));
  const write = (rel: string, bytes: Uint8Array) => {
    const file = path.join(root, 'Message', rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  };
  for (const { chat, m } of named) {
    if (m === absent.m) continue;
    write(
      `${folder(chat)}/${m.media!.name}`,
      m === image.m ? picture(['device image text']) : new TextEncoder().encode(`bytes of ${m.keyId}`),
    );
  }
  // WhatsApp's thumbnail is a small JPEG of the same picture.
  write(thumbOfImage, picture(['device image text'], 320));
  write(thumbOfNotImage, picture(['first frame caption'], 320));
  write(thumbOfAbsent, picture(['gone but for its thumbnail'], 320));
  return path.join(root, 'ChatStorage.sqlite');
}

describe.each(BACKENDS)('OCR of iOS device thumbnails on %s', (backend) => {
  let ws: Workspace;
  let files: ExhibitFileRecord[];
  const dir = tempDir();
  const idOf = (p: string) => files.find((f) => f.pathInArchive === p)!.id;

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    expect((await ws.cli(['case', 'create', 'Op Thumb'])).code).toBe(0);
    const database = layOut(path.join(dir, 'ios'));
    const added = await ws.cli([
      'exhibit',
      'add',
      'Op Thumb',
      database,
      '--ref',
      'IOS/T',
      '--owner',
      model.owner.phone,
    ]);
    expect(added.code, added.err).toBe(0);
    const shown = await ws.json<{ files: ExhibitFileRecord[] }>(['exhibit', 'show', 'Op Thumb', 'IOS/T']);
    files = shown.files;
  });
  afterAll(async () => {
    await ws?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the image, not its .thumb; reads a .thumb that is the only picture, and says why', async () => {
    const run = await ws.cli(['ocr', 'Op Thumb', '--workers', '1']);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain(
      ', 1 device thumbnail(s) (.thumb) not read: a second, smaller copy of an image that is read itself',
    );
    expect(run.out).toContain(', 2 device thumbnail(s) read as the only picture of their item');

    const texts = jsonLines<MediaTextRecord>((await ws.cli(['ocr', 'Op Thumb', '--list', '--json'])).out);
    const of = (p: string) => texts.filter((t) => t.exhibitFileId === idOf(p));
    const words = (t: MediaTextRecord | undefined) => t!.text.toLowerCase().replace(/\s+/g, ' ');
    expect(of(thumbOfImage)).toEqual([]);
    expect(of(itemPath)).toHaveLength(1);
    expect(words(of(itemPath)[0])).toContain('device image text');
    expect(of(itemPath)[0]!.pass).not.toMatch(/thumbnail/);

    const [orphan] = of(thumbOfAbsent);
    expect(words(orphan)).toContain('its thumbnail');
    expect(orphan!.pass).toMatch(
      /^(original|light-text mask|dark-text mask); device thumbnail \(\.thumb\): its media file is not among the media given$/,
    );
    const [frame] = of(thumbOfNotImage);
    expect(words(frame)).toContain('caption');
    expect(frame!.pass).toMatch(
      new RegExp(
        `; device thumbnail \\(\\.thumb\\): its media file \\(exhibit file ${idOf(`${folder(notImage.chat)}/${notImage.m.media!.name}`)}\\) is not an image$`,
      ),
    );
  });

  it('skips the same .thumb again on the next run, and counts it in --json', async () => {
    const again = await ws.json<OcrCaseOutcome>(['ocr', 'Op Thumb', '--workers', '1']);
    // What is left unread: the files that are no images (read for their first bytes only) and the thumbnail.
    expect(again).toMatchObject({ read: 0, changed: 0, deviceThumbnailsSkipped: 1, deviceThumbnailsRead: 0 });
    expect(again.candidates).toBe(again.notImages + 1);
    expect(again.notImages).toBe(named.length - 2);
  });
});
