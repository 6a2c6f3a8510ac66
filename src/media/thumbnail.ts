/**
 * Thumbnails of stored images (issue 17, item 2), made on request from the evidence store's copy
 * after checking its SHA-256, and kept in memory only (a thumbnail is a view, not a record: nothing
 * derived is written beside the evidence). Skia (@napi-rs/canvas) decodes PNG, JPEG, GIF (first
 * frame), WebP (stickers) and BMP; the thumbnail is WebP, which keeps a sticker's transparency.
 * A video (MP4, MOV, 3GP) gets its first frame with a play mark and its duration, or a placeholder
 * saying what its container does where no frame decodes (video/first-frame.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { createCanvas, loadImage } from '@napi-rs/canvas';

import { imageType } from './ocr/image-type.js';
import { videoTile } from './video/first-frame.js';
import { isVideoContainer } from './video/mp4-info.js';

export const THUMBNAIL_SIZES = [96, 160, 320, 640] as const;
export type ThumbnailSize = (typeof THUMBNAIL_SIZES)[number];

export type ThumbnailOutcome =
  | { readonly kind: 'thumbnail'; readonly bytes: Buffer; readonly width: number; readonly height: number }
  /** The file is neither an image this can decode nor a video (by its bytes). */
  | { readonly kind: 'not-image' }
  /** The stored copy's bytes no longer match the recorded hash. */
  | { readonly kind: 'changed' };

/** Longest side at most `size`; never enlarged. */
export async function thumbnailOf(
  bytes: Buffer,
  size: number,
): Promise<{ bytes: Buffer; width: number; height: number }> {
  const img = await loadImage(bytes);
  const scale = Math.min(1, size / Math.max(img.width, img.height));
  const width = Math.max(1, Math.round(img.width * scale));
  const height = Math.max(1, Math.round(img.height * scale));
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.imageSmoothingQuality = 'high';
  g.drawImage(img, 0, 0, width, height);
  return { bytes: await canvas.encode('webp', 80), width, height };
}

/** Bytes of cached thumbnails kept at most; the least recently used go first. */
const CACHE_BYTES = 32 * 1024 * 1024;

export class ThumbnailCache {
  private readonly entries = new Map<string, { bytes: Buffer; width: number; height: number }>();
  private bytes = 0;

  constructor(private readonly limit = CACHE_BYTES) {}

  /** The thumbnail of the file at `path`, which must hash to `sha256`. */
  async get(path: string, sha256: string, size: ThumbnailSize): Promise<ThumbnailOutcome> {
    const key = `${sha256}/${size}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return { kind: 'thumbnail', ...hit };
    }
    const original = await readFile(path);
    if (createHash('sha256').update(original).digest('hex') !== sha256) return { kind: 'changed' };
    let picture: Buffer = original;
    if (!imageType(original)) {
      if (!isVideoContainer(original)) return { kind: 'not-image' };
      picture = (await videoTile(original)).png;
    }
    const made = await thumbnailOf(picture, size);
    this.entries.set(key, made);
    this.bytes += made.bytes.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.limit) break;
      this.entries.delete(k);
      this.bytes -= v.bytes.length;
    }
    return { kind: 'thumbnail', ...made };
  }
}
