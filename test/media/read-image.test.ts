/**
 * The image passes of OCR (issue 17): a plain image is read once; a meme over a busy background is
 * read again through the lettering mask, which wins; a photo with no lettering is not read again.
 */
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { OcrPool } from '../../src/media/ocr/engine.js';
import { readImage } from '../../src/media/ocr/ocr-case.js';
import { renderTextImage, wordAccuracy } from '../support/fixtures/media/images.js';

describe('OCR passes', () => {
  let pool: OcrPool;
  let passes = 0;
  const counting = { recognize: (b: Buffer) => (passes++, pool.recognize(b)) };
  beforeAll(async () => {
    pool = await OcrPool.start();
  });
  afterAll(async () => pool?.close());

  it('reads a plain image once', async () => {
    passes = 0;
    const img = renderTextImage({ lines: ['Custody record checked at six'], style: 'clean', format: 'png' });
    const r = await readImage(counting, img.bytes);
    expect([r.pass, passes]).toEqual(['original', 1]);
    expect(wordAccuracy(img.words, r.result.text)).toBe(1);
  });

  it('reads a meme again through the light-lettering mask, which wins', async () => {
    passes = 0;
    const img = renderTextImage({ lines: ['send them all back'], style: 'meme', format: 'jpeg', seed: 11 });
    const r = await readImage(counting, img.bytes);
    expect(r.pass).toBe('light-text mask');
    expect(passes).toBeGreaterThanOrEqual(2);
    expect(wordAccuracy(img.words, r.result.text)).toBe(1);
  });

  it('does not read a picture with no lettering again', async () => {
    passes = 0;
    const canvas = createCanvas(320, 240);
    const g = canvas.getContext('2d');
    ['#c0392b', '#2980b9', '#27ae60', '#8e44ad'].forEach((c, i) => {
      g.fillStyle = c;
      g.fillRect((i % 2) * 160, Math.floor(i / 2) * 120, 160, 120);
    });
    const r = await readImage(counting, canvas.toBuffer('image/png'));
    expect([r.pass, passes, r.result.text]).toEqual(['original', 1, '']);
  });
});
