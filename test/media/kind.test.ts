/** An attachment's kind for its tile: by its first bytes, the name deciding only where bytes say nothing. */
import { describe, expect, it } from 'vitest';

import { mediaKindFromName } from '../../src/contract/media.js';
import { mediaKindOf } from '../../src/media/kind.js';
import { renderTextImage } from '../support/fixtures/media/images.js';

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const box = (brand: string) => bytes([0, 0, 0, 24], 'ftyp', brand, [0, 0, 0, 0]);

describe('the kind of a stored attachment', () => {
  it('tells images, videos, audio and documents by their bytes, whatever they are called', () => {
    const png = renderTextImage({ lines: ['x'], style: 'clean', format: 'png' }).bytes;
    expect(mediaKindOf(png, 'voice.opus')).toBe('image');
    expect(mediaKindOf(box('isom'), 'VID-1.mp4')).toBe('video');
    expect(mediaKindOf(box('qt  '), 'clip.bin')).toBe('video');
    expect(mediaKindOf(box('M4A '), 'VID-1.mp4')).toBe('audio');
    expect(mediaKindOf(box('heic'), 'IMG_0001.HEIC')).toBe('image');
    expect(mediaKindOf(bytes('OggS', [0, 2]), 'PTT-20230301-WA0002.opus')).toBe('audio');
    expect(mediaKindOf(bytes('ID3', [4, 0]), 'a')).toBe('audio');
    expect(mediaKindOf(bytes([0xff, 0xf1, 0x50]), 'AUD-1.aac')).toBe('audio');
    expect(mediaKindOf(bytes('#!AMR\n'), 'x.amr')).toBe('audio');
    expect(mediaKindOf(bytes('RIFF', [0, 0, 0, 0], 'WAVE'), 'x')).toBe('audio');
    expect(mediaKindOf(bytes('RIFF', [0, 0, 0, 0], 'AVI '), 'x')).toBe('other');
    expect(mediaKindOf(bytes('%PDF-1.7'), 'rota.jpg')).toBe('document');
    expect(mediaKindOf(bytes('PK', [3, 4]), 'rota.docx')).toBe('document');
    expect(mediaKindOf(bytes([0xd0, 0xcf, 0x11, 0xe0]), 'old.doc')).toBe('document');
  });

  it('takes the name only for documents whose bytes have no signature, never for a promised picture', () => {
    expect(mediaKindOf(bytes('name,rank\n'), 'rota.csv')).toBe('document');
    expect(mediaKindOf(bytes('not a jpeg'), 'IMG-1.jpg')).toBe('other');
    expect(mediaKindOf(bytes('not audio'), 'PTT-1.opus')).toBe('other');
    expect(mediaKindOf(new Uint8Array(), 'empty')).toBe('other');
  });

  it('reads a name alone for an attachment that is not there', () => {
    expect(mediaKindFromName('PTT-20230301-WA0009.opus')).toBe('audio');
    expect(mediaKindFromName('IMG-1.JPEG')).toBe('image');
    expect(mediaKindFromName('STK-1.webp')).toBe('image');
    expect(mediaKindFromName('Rota.PDF')).toBe('document');
    expect(mediaKindFromName('VID-1.mp4')).toBe('video');
    expect(mediaKindFromName('archive.tar.xz')).toBe('other');
    expect(mediaKindFromName(null)).toBe('other');
  });
});
