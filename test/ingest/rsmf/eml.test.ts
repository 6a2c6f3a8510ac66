import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

import { buildRsmfEml, readRsmfEml, type RsmfHeaders } from '../../../src/ingest/rsmf/eml.js';

const headers: RsmfHeaders = {
  subject: 'crc',
  generator: 'test',
  begin: null,
  end: null,
  eventCount: 0,
  date: new Date(Date.UTC(2024, 0, 1)),
  messageId: 'crc-test',
  summary: 'crc',
};

/** rsmf.zip with its entries stored (not deflated), so a byte of an entry can be changed in place. */
function storedZip(manifest: string): Uint8Array {
  return zipSync({ 'rsmf_manifest.json': [Buffer.from(manifest, 'utf8'), { level: 0 }] });
}

describe('rsmf.zip entries are checked against their CRC-32', () => {
  const manifest = '{"version":"2.0.0","participants":[],"conversations":[],"events":[]}';

  it('reads an undamaged file', () => {
    const read = readRsmfEml(buildRsmfEml(headers, storedZip(manifest)), 'ok.rsmf');
    expect(read.manifestJson).toBe(manifest);
  });

  it('refuses an entry whose bytes changed after it was zipped, naming file and entry', () => {
    const zip = storedZip(manifest);
    const at = Buffer.from(zip).indexOf('2.0.0');
    zip[at] = '3'.charCodeAt(0);
    expect(() => readRsmfEml(buildRsmfEml(headers, zip), 'bad.rsmf')).toThrow(
      /^bad\.rsmf: rsmf\.zip entry "rsmf_manifest\.json" fails its CRC-32 check/u,
    );
  });
});
