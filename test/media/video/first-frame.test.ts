/**
 * Video tiles (issue 17, item 2): the first frame of an MP4 decoded by the npm FFmpeg core (no
 * system ffmpeg), and where none decodes a placeholder with what the container says; duration and
 * size read from the `mvhd` / `tkhd` boxes without decoding.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ThumbnailCache } from '../../../src/media/thumbnail.js';
import { firstFrame, videoTile } from '../../../src/media/video/first-frame.js';
import { clockText, isVideoContainer, videoInfo } from '../../../src/media/video/mp4-info.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-video-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An ISO box: size, type, content. */
function box(type: string, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + body.length);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, body]);
}

/** A container with a header and no pictures: 95 s at time scale 1000, one 1280×720 track. */
function headerOnly(): Buffer {
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(95_000, 16);
  const tkhd = Buffer.alloc(84);
  tkhd.writeUInt32BE(1280 * 65536, 76);
  tkhd.writeUInt32BE(720 * 65536, 80);
  return Buffer.concat([
    box('ftyp', Buffer.from('isom\0\0\0\0isom', 'latin1')),
    box('moov', box('mvhd', mvhd), box('trak', box('tkhd', tkhd))),
  ]);
}

/** Red left half, blue right half: the decoded frame must keep the two sides apart. */
async function twoColourVideo(): Promise<Buffer> {
  const canvas = createCanvas(320, 240);
  const g = canvas.getContext('2d');
  g.fillStyle = '#e00000';
  g.fillRect(0, 0, 160, 240);
  g.fillStyle = '#0000e0';
  g.fillRect(160, 0, 160, 240);
  const png = path.join(dir, 'in.png');
  const mp4 = path.join(dir, 'two.mp4');
  writeFileSync(png, await canvas.encode('png'));
  await promisify(execFile)(process.execPath, [path.join(here, '../support/make-video.cjs'), png, mp4, '2'], {
    timeout: 120_000,
  });
  return readFileSync(mp4);
}

describe('the container header', () => {
  it('gives duration and picture size without decoding, and null for what is not a video', () => {
    expect(isVideoContainer(headerOnly())).toBe(true);
    expect(videoInfo(headerOnly())).toEqual({ durationSeconds: 95, width: 1280, height: 720 });
    expect(videoInfo(Buffer.from('%PDF-1.4 not a video'))).toBeNull();
    // Truncated anywhere, it gives what is left, and never throws.
    const whole = headerOnly();
    for (let n = 0; n < whole.length; n += 7) expect(() => videoInfo(whole.subarray(0, n))).not.toThrow();
    expect(clockText(95)).toBe('1:35');
    expect(clockText(3723)).toBe('1:02:03');
  });
});

describe('video tiles', () => {
  let video: Buffer;
  beforeAll(async () => {
    video = await twoColourVideo();
  }, 120_000);

  it('decodes the first frame of an H.264 MP4, with the sides where they were drawn', async () => {
    expect(videoInfo(video)).toMatchObject({ width: 320, height: 240 });
    expect(videoInfo(video)!.durationSeconds).toBeCloseTo(2, 1);
    const got = await firstFrame(video);
    if (!('png' in got)) throw new Error(got.error);
    const img = await loadImage(got.png);
    expect([img.width, img.height]).toEqual([320, 240]);
    const g = createCanvas(320, 240).getContext('2d');
    g.drawImage(img, 0, 0);
    const [r1, , b1] = g.getImageData(40, 120, 1, 1).data;
    const [r2, , b2] = g.getImageData(280, 120, 1, 1).data;
    expect(r1! > 180 && b1! < 60, `left ${r1},${b1}`).toBe(true);
    expect(b2! > 180 && r2! < 60, `right ${r2},${b2}`).toBe(true);
  }, 60_000);

  it('draws a placeholder where no frame decodes, and thumbnails both through the cache', async () => {
    const placeholder = await videoTile(headerOnly());
    expect(placeholder.frame).toBe(false);
    // A video over the decoding limit is not decoded, though it would decode.
    expect((await videoTile(video, video.length - 1)).frame).toBe(false);
    expect((await videoTile(video)).frame).toBe(true);
    expect(placeholder.info).toEqual({ durationSeconds: 95, width: 1280, height: 720 });
    expect((await loadImage(placeholder.png)).width).toBe(640);

    const cache = new ThumbnailCache();
    const file = path.join(dir, 'two.mp4');
    const sha = (await import('node:crypto')).createHash('sha256').update(video).digest('hex');
    const thumb = await cache.get(file, sha, 160);
    expect(thumb).toMatchObject({ kind: 'thumbnail', width: 160, height: 120 });
    const other = path.join(dir, 'notes.pdf');
    writeFileSync(other, '%PDF-1.4 not a video');
    const pdfSha = (await import('node:crypto'))
      .createHash('sha256')
      .update('%PDF-1.4 not a video')
      .digest('hex');
    expect(await cache.get(other, pdfSha, 160)).toEqual({ kind: 'not-image' });
  }, 60_000);
});
