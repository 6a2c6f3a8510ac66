/**
 * The images bench's phone, drawn in a process of its own (issue 17): drawing 2,000 images with
 * @napi-rs/canvas leaves gigabytes of native memory in the drawing process, which would hide what
 * `exhibit add`, thumbnails and OCR themselves use if they were measured in the same process.
 * `node images-phone.js DIR COUNT` writes DIR/phone/{msgstore.db, Media/WhatsApp Images/*} and
 * DIR/words.json (the words drawn in each image, by index), one image at a time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { buildMsgstoreCurrent } from '../test/support/fixtures/device/android.js';
import { buildModel, type MMessage, type Model } from '../test/support/fixtures/device/model.js';
import { MEME_LINES, renderTextImage } from '../test/support/fixtures/media/images.js';

interface DrawnFile {
  readonly name: string;
  readonly size: number;
  readonly sha256: Buffer;
}

/** The bench image's file name: index i, PNG for even i, JPEG for odd (as memeSet draws them). */
export const benchImageName = (i: number): string =>
  `IMG-20240101-WA${String(i).padStart(4, '0')}.${i % 2 ? 'jpg' : 'png'}`;

/** One group chat in which the first member posts every image, a minute apart. */
function phoneWith(images: readonly DrawnFile[]): Model {
  const base = buildModel(7);
  const chat = base.chats.find((c) => c.isGroup) ?? base.chats[0]!;
  const sender = chat.members[0]!;
  const messages: MMessage[] = images.map((img, i) => ({
    keyId: `BENCH${String(i).padStart(6, '0')}`,
    sender,
    kind: 'media',
    text: '',
    ms: chat.createdMs + (i + 1) * 60_000,
    media: {
      name: img.name,
      mime: img.name.endsWith('.png') ? 'image/png' : 'image/jpeg',
      size: img.size,
      // WhatsApp records base64 SHA-256; every other row leaves it out so paths are linked too.
      hash: i % 2 ? '' : img.sha256.toString('base64'),
    },
    replyTo: null,
    reactions: [],
    editedMs: null,
    deletedBy: null,
    system: null,
    location: null,
    poll: null,
  }));
  return { ...base, chats: [{ ...chat, messages }] };
}

/** Draws `count` meme-style images into `dir`'s phone, one at a time, and its msgstore.db. */
export function writeBenchPhone(dir: string, count: number): void {
  const media = path.join(dir, 'phone', 'Media', 'WhatsApp Images');
  mkdirSync(media, { recursive: true });
  const files: DrawnFile[] = [];
  const words: (readonly string[])[] = [];
  for (let i = 0; i < count; i++) {
    // The same images memeSet(count) draws, without holding them all.
    const img = renderTextImage({
      lines: MEME_LINES[i % MEME_LINES.length]!,
      style: 'meme',
      format: i % 2 ? 'jpeg' : 'png',
      seed: 1000 + i,
    });
    const name = benchImageName(i);
    writeFileSync(path.join(media, name), img.bytes);
    files.push({ name, size: img.bytes.length, sha256: createHash('sha256').update(img.bytes).digest() });
    words.push(img.words);
  }
  buildMsgstoreCurrent(phoneWith(files), path.join(dir, 'phone', 'msgstore.db'));
  writeFileSync(path.join(dir, 'words.json'), JSON.stringify(words));
}

const [, script, dir, count] = process.argv;
if (script && /images-phone\.[jt]s$/.test(script) && dir && count) writeBenchPhone(dir, Number(count));
