/**
 * Issue 21, items 6 and 10: damaged archives are refused with one line naming the entry, exit 1,
 * and nothing half-written (no exhibit, no stored file, no claim).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crc32 } from '../../src/ingest/zip/crc32.js';
import { makeWorkspace, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-zipdamage-'));
const CHAT = Array.from(
  { length: 400 },
  (_, i) => `13/03/2021, 09:${String(i % 60).padStart(2, '0')} - PC Dan Hughes: message number ${i}`,
).join('\n');

/** Offsets of an entry's local header and central directory record in a zip. */
function locate(zip: Buffer, name: string): { local: number; central: number } {
  for (let at = zip.length - 22; at >= 0; at--) {
    if (zip.readUInt32LE(at) !== 0x06054b50) continue;
    let central = zip.readUInt32LE(at + 16);
    for (let i = 0; i < zip.readUInt16LE(at + 10); i++) {
      const nameLen = zip.readUInt16LE(central + 28);
      const here = zip.subarray(central + 46, central + 46 + nameLen).toString('utf8');
      if (here === name) return { local: zip.readUInt32LE(central + 42), central };
      central += 46 + nameLen + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
    }
  }
  throw new Error(`no entry ${name}`);
}

function damaged(
  name: string,
  damage: (zip: Buffer, at: { local: number; central: number }) => void,
): string {
  const zip = Buffer.from(makeZip({ '_chat.txt': CHAT, 'IMG-0001.jpg': 'jpeg' }));
  damage(zip, locate(zip, '_chat.txt'));
  const p = path.join(scratch, name);
  writeFileSync(p, zip);
  return p;
}

describe('damaged zip archives', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace('sqlite');
    expect((await ws.cli(['case', 'create', 'Op Test'])).code).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  const refuses = async (file: string, message: RegExp) => {
    const r = await ws.cli([
      'exhibit',
      'add',
      'Op Test',
      file,
      '--ref',
      path.basename(file),
      '--date-order',
      'dmy',
    ]);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.code).toBe(1);
    expect((await ws.json<unknown[]>(['exhibit', 'list', 'Op Test'])).length).toBe(0);
    expect(existsSync(path.join(ws.dir, 'evidence', 'sha256'))).toBe(false);
  };

  it('an entry whose bytes fail their CRC-32', async () => {
    const wrong = (crc32(Buffer.from(CHAT)) ^ 0x1) >>> 0;
    const file = damaged('crc.zip', (zip, at) => {
      zip.writeUInt32LE(wrong, at.local + 14);
      zip.writeUInt32LE(wrong, at.central + 16);
    });
    await refuses(
      file,
      /^.*crc\.zip: zip entry "_chat\.txt" fails its CRC-32 check \(the archive records 0x[0-9a-f]{8}, its bytes give 0x[0-9a-f]{8}\)/,
    );
  });

  it('an entry whose declared size lies', async () => {
    const file = damaged('size.zip', (zip, at) => {
      const size = zip.readUInt32LE(at.central + 24) - 10;
      zip.writeUInt32LE(size, at.local + 22);
      zip.writeUInt32LE(size, at.central + 24);
    });
    await refuses(
      file,
      /size\.zip: zip entry "_chat\.txt" holds more bytes than the \d+ its header declares/,
    );
  });

  it('a corrupt deflate stream', async () => {
    const file = damaged('inflate.zip', (zip, at) => {
      const data = at.local + 30 + zip.readUInt16LE(at.local + 26) + zip.readUInt16LE(at.local + 28);
      zip[data] = 0x07; // final block of the reserved type 3: no inflater accepts it
    });
    await refuses(
      file,
      /inflate\.zip: zip entry "_chat\.txt" cannot be decompressed \(.*\): the archive is damaged/,
    );
  });
});
