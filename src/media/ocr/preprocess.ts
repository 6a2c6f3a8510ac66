/**
 * Image passes for text that Tesseract misses as drawn: meme captions are white capitals with a
 * black outline over a busy photo, which its binarisation breaks into noise. `textMask` keeps only
 * the pixels that look like such lettering (near-white, or near-black, with little colour) and
 * draws them black on white. The original stays as it is; a mask lives only in memory.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';

export type MaskKind = 'light' | 'dark';

export interface DecodedImage {
  readonly width: number;
  readonly height: number;
  /** RGBA, row by row. */
  readonly data: Uint8ClampedArray;
}

/** Decodes PNG, JPEG, WebP, GIF (first frame) or BMP with Skia. */
export async function decodeImage(bytes: Buffer): Promise<DecodedImage> {
  const img = await loadImage(bytes);
  const canvas = createCanvas(img.width, img.height);
  const g = canvas.getContext('2d');
  g.drawImage(img, 0, 0);
  const { data } = g.getImageData(0, 0, img.width, img.height);
  return { width: img.width, height: img.height, data };
}

export interface TextMask {
  /** The mask as PNG. */
  readonly png: Buffer;
  /** Share of the pixels kept (0 to 1): next to none means no such lettering to read. */
  readonly share: number;
}

/** Black where a pixel looks like light (or dark) uncoloured lettering, white elsewhere. */
export function textMask(image: DecodedImage, kind: MaskKind): TextMask {
  const canvas = createCanvas(image.width, image.height);
  const g = canvas.getContext('2d');
  const out = g.createImageData(image.width, image.height);
  const src = image.data;
  const dst = out.data;
  let kept = 0;
  for (let p = 0; p < src.length; p += 4) {
    const r = src[p]!;
    const gr = src[p + 1]!;
    const b = src[p + 2]!;
    const hi = Math.max(r, gr, b);
    const lo = Math.min(r, gr, b);
    const grey = hi - lo <= 48;
    const hit = grey && (kind === 'light' ? lo >= 185 : hi <= 70);
    if (hit) kept++;
    const v = hit ? 0 : 255;
    dst[p] = v;
    dst[p + 1] = v;
    dst[p + 2] = v;
    dst[p + 3] = 255;
  }
  g.putImageData(out, 0, 0);
  return { png: canvas.toBuffer('image/png'), share: kept / (image.width * image.height) };
}
