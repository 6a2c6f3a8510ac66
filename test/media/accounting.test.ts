/** The import report's media notices (issue 17): every loose file listed, long lists summed up. */
import { describe, expect, it } from 'vitest';

import {
  deviceThumbnails,
  limitMissing,
  mediaNamedByNoMessage,
  MEDIA_NOTICE_LIMIT,
} from '../../src/media/accounting.js';
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

  it("pairs a phone's .thumb with the one file of its name beside it, and never guesses between two", () => {
    const files = [
      { id: 1, pathInArchive: 'Media/g@g.us/4/2/aa11.jpg', role: 'media' },
      { id: 2, pathInArchive: 'Media/g@g.us/4/2/aa11.thumb', role: 'media' },
      { id: 3, pathInArchive: 'Media/g@g.us/4/2/bb22.jpg', role: 'media' },
      { id: 4, pathInArchive: 'Media/g@g.us/4/2/bb22.mp4', role: 'media' },
      { id: 5, pathInArchive: 'Media/g@g.us/4/2/BB22.thumb', role: 'media' },
      { id: 6, pathInArchive: 'Media/g@g.us/4/2/cc33.mp4.thumb', role: 'media' },
      { id: 7, pathInArchive: 'Media/g@g.us/9/9/cc33.mp4', role: 'media' },
      { id: 8, pathInArchive: 'Media/g@g.us/4/2/dd44.thumb', role: 'media' },
    ];
    const { ids, notices } = deviceThumbnails(files, new Set([1, 3, 8]));
    // A .thumb a message links to is that message's file, not listed here.
    expect([...ids]).toEqual([2, 5, 6]);
    expect(notices.map((n) => n.message)).toEqual([
      '3 device thumbnail(s) (.thumb) beside the media they belong to: stored, and not counted as media named by no message',
      "Media/g@g.us/4/2/aa11.thumb (exhibit file 2) is WhatsApp's own thumbnail of Media/g@g.us/4/2/aa11.jpg (exhibit file 1)",
      "Media/g@g.us/4/2/BB22.thumb (exhibit file 5) is WhatsApp's own thumbnail of one of 2 files of its name beside it (exhibit file 3, exhibit file 4): not paired",
      // The file of its name is in another folder: not beside it, so not its item.
      "Media/g@g.us/4/2/cc33.mp4.thumb (exhibit file 6) is WhatsApp's own thumbnail; the media file it belongs to is not among the media given",
    ]);
    expect(mediaNamedByNoMessage(files, new Set([1, 3, 8]), ids).map((n) => n.message)).toEqual([
      'Media/g@g.us/4/2/bb22.mp4 is present but named by no message (hashed and stored as exhibit file 4)',
      'Media/g@g.us/9/9/cc33.mp4 is present but named by no message (hashed and stored as exhibit file 7)',
    ]);
    expect(deviceThumbnails(files.slice(0, 1), new Set())).toEqual({ ids: new Set(), notices: [] });
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
