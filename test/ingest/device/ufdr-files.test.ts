/**
 * A UFDR attachment is tied to its file by the report itself (issue 17): `<jumptargets>` name a
 * file of `<taggedFiles>`, whose `Local Path` is its exact path inside the UFDR. The reader hands
 * that path (and the SHA-256 the report records) to the media linker; an attachment the report ties
 * to no file carries only its name.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { openDeviceReader } from '../../../src/ingest/device/api.js';
import { attachmentFile, ufdrPath } from '../../../src/ingest/device/ufdr-files.js';
import { readAll, tempDir } from '../../support/device.js';
import { sha256Hex, ufdrWithFiles } from '../../media/support/ufdr-files.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sent = new TextEncoder().encode('the picture sent');
const received = new TextEncoder().encode('the picture received');

describe('UFDR attachments tied to tagged files', () => {
  it('reads the Local Path and SHA256 of the file each attachment or message jumps to', () => {
    const file = path.join(dir, 'tagged.ufdr');
    ufdrWithFiles(
      file,
      [
        { key: 'A', filename: 'IMG-1.jpg', targets: ['f-1'] },
        { key: 'B', filename: 'IMG-1.jpg', targets: ['f-2'] },
        { key: 'C', filename: 'IMG-1.jpg', messageTargets: ['f-2'] },
        { key: 'D', filename: 'IMG-1.jpg' },
        { key: 'E', filename: 'IMG-1.jpg', targets: ['f-unknown'] },
      ],
      [
        { id: 'f-1', localPath: 'files\\Image\\Sent\\IMG-1.jpg', bytes: sent },
        { id: 'f-2', localPath: 'files\\Image\\IMG-1.jpg', bytes: received },
      ],
    );
    const reader = openDeviceReader(file, { fileName: 'tagged.ufdr', zone: 'UTC' });
    const raw = new Map(readAll(reader).map((d) => [d.message.keyId, d.message.raw]));
    expect(raw.get('A')).toMatchObject({
      ufdr_path: 'files/Image/Sent/IMG-1.jpg',
      ufdr_sha256: sha256Hex(sent),
      ufdr_link: 'tagged file f-1',
    });
    expect(raw.get('B')).toMatchObject({
      ufdr_path: 'files/Image/IMG-1.jpg',
      ufdr_sha256: sha256Hex(received),
    });
    expect(raw.get('C')).toMatchObject({ ufdr_path: 'files/Image/IMG-1.jpg', ufdr_link: 'tagged file f-2' });
    for (const key of ['D', 'E']) expect(raw.get(key)).not.toHaveProperty('ufdr_path');
  });

  it('picks among a message’s files by name only where they are that message’s files, never by guess', () => {
    const files = new Map([
      ['a', { localPath: 'files/Image/x.jpg', sha256: null }],
      ['b', { localPath: 'files/Audio/y.opus', sha256: null }],
      ['c', { localPath: 'files/Image/Sent/x.jpg', sha256: null }],
    ]);
    const one = { filename: 'y.opus', targets: [], pathField: null };
    expect(attachmentFile(files, one, { targets: ['a', 'b'], attachments: 2 })?.path).toBe(
      'files/Audio/y.opus',
    );
    // Two of the message's files carry the name: neither is taken.
    const x = { filename: 'x.jpg', targets: [], pathField: null };
    expect(attachmentFile(files, x, { targets: ['a', 'c'], attachments: 1 })).toBeNull();
    // A second attachment whose name none of the files carries gets none of them.
    const z = { filename: 'z.jpg', targets: [], pathField: null };
    expect(attachmentFile(files, z, { targets: ['a', 'b'], attachments: 2 })).toBeNull();
    // A path on the attachment itself is read where no jump target gives one.
    expect(
      attachmentFile(files, { ...z, pathField: '.\\files\\Image\\z.jpg' }, { targets: [], attachments: 1 }),
    ).toEqual({ path: 'files/Image/z.jpg', sha256: null, via: "the attachment's path field" });
    expect(ufdrPath('  ')).toBeNull();
    expect(ufdrPath('/files/a.jpg')).toBe('files/a.jpg');
  });
});
