/** The import report's media notices (issue 17): every loose file listed, long lists summed up. */
import { describe, expect, it } from 'vitest';

import { limitMissing, mediaNamedByNoMessage, MEDIA_NOTICE_LIMIT } from '../../src/media/accounting.js';
import { withImageTextFlags } from '../../src/media/flag-image-text.js';
import { imageType } from '../../src/media/ocr/image-type.js';
import { renderTextImage } from '../support/fixtures/media/images.js';

describe('media accounted for', () => {
  it('lists each media file no message links to, and only media', () => {
    const files = [
      { id: 1, pathInArchive: '_chat.txt', role: 'chat' },
      { id: 2, pathInArchive: 'IMG-1.jpg', role: 'media' },
      { id: 3, pathInArchive: 'IMG-2.jpg', role: 'media' },
      { id: 4, pathInArchive: '__MACOSX/._IMG-2.jpg', role: 'other' },
    ];
    expect(mediaNamedByNoMessage(files, new Set([2]))).toEqual([
      {
        code: 'media_unreferenced',
        message: 'IMG-2.jpg is present but named by no message (hashed and stored as exhibit file 3)',
        line: null,
      },
    ]);
    expect(mediaNamedByNoMessage(files, new Set([2, 3]))).toEqual([]);
  });

  it('past the limit, lists the first ones and counts the rest, for both kinds', () => {
    const files = Array.from({ length: MEDIA_NOTICE_LIMIT + 5 }, (_, i) => ({
      id: i + 1,
      pathInArchive: `f${i}.jpg`,
      role: 'media',
    }));
    const loose = mediaNamedByNoMessage(files, new Set());
    expect(loose).toHaveLength(MEDIA_NOTICE_LIMIT + 1);
    expect(loose.at(-1)!.message).toMatch(
      /^5 more media files are present but named by no message \(205 in all;/,
    );
    const missing = files.map((f) => ({
      code: 'media_missing' as const,
      message: f.pathInArchive,
      line: f.id,
    }));
    const limited = limitMissing(missing);
    expect(limited).toHaveLength(MEDIA_NOTICE_LIMIT + 1);
    expect(limited.at(-1)!.message).toBe(
      '5 more messages name an attachment that is not in the archive (205 in all)',
    );
    expect(limitMissing(missing.slice(0, 3))).toEqual(missing.slice(0, 3));
  });
});

describe('image kinds by their bytes', () => {
  it('knows PNG and JPEG whatever the name, and refuses other bytes', () => {
    expect(imageType(renderTextImage({ lines: ['x'], style: 'clean', format: 'png' }).bytes)).toBe('png');
    expect(imageType(renderTextImage({ lines: ['x'], style: 'clean', format: 'jpeg' }).bytes)).toBe('jpeg');
    expect(imageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('webp');
    expect(imageType(new TextEncoder().encode('GIF89a'))).toBe('gif');
    expect(imageType(new TextEncoder().encode('%PDF-1.4'))).toBeNull();
    expect(imageType(new Uint8Array())).toBeNull();
  });
});

describe('image-text flags for conduct', () => {
  it('adds messages flagged only through their image, and joins categories where both are', () => {
    const own = [{ messageId: 1, score: 0.7, categories: [{ name: 'race_ethnicity', score: 0.7 }] }];
    const image = [
      { messageId: 1, score: 0.9, categories: [{ name: 'religion', score: 0.9 }] },
      { messageId: 2, score: 0.8, categories: [{ name: 'race_ethnicity', score: 0.8 }] },
    ];
    expect(withImageTextFlags(own, image)).toEqual([
      {
        messageId: 1,
        score: 0.9,
        categories: [
          { name: 'race_ethnicity', score: 0.7 },
          { name: 'religion', score: 0.9 },
        ],
      },
      image[1],
    ]);
  });
});
