/**
 * RSMF as another tool would write it, for the reader, intake, report and fuzz tests: one small
 * valid manifest, and the .rsmf file (an e-mail carrying the zipped manifest) around any manifest,
 * broken ones included, so each test states only what it changes.
 */
import { strToU8, zipSync } from 'fflate';

import { buildRsmfEml, type RsmfHeaders } from '../../src/ingest/rsmf/eml.js';
import type { RsmfManifest } from '../../src/ingest/rsmf/manifest.js';

/**
 * Dan and Kate in one channel: Kate joins, Dan posts, Kate replies (with Dan's reaction and her own
 * edit, an hour ahead of UTC), Dan's message deleted, Kate leaves.
 */
export function rsmfManifest(): RsmfManifest {
  return {
    version: '2.0.0',
    participants: [
      { id: 'a', display: 'Dan' },
      { id: 'b', display: 'Kate' },
    ],
    conversations: [{ id: 'c1', type: 'channel', display: 'Team', participants: ['a', 'b'], custodian: 'a' }],
    events: [
      {
        id: 'e1',
        type: 'join',
        participant: 'b',
        conversation: 'c1',
        timestamp: '2021-03-01T09:00:00+00:00',
      },
      {
        id: 'e2',
        type: 'message',
        participant: 'a',
        conversation: 'c1',
        timestamp: '2021-03-01T09:01:00Z',
        body: 'morning 😂',
      },
      {
        id: 'e3',
        parent: 'e2',
        type: 'message',
        participant: 'b',
        conversation: 'c1',
        timestamp: '2021-04-01T10:02:00.000+01:00',
        body: 'not funny',
        reactions: [{ value: '👍', count: 1, participants: ['a'] }],
        edits: [
          { participant: 'b', timestamp: '2021-04-01T10:05:00+01:00', previous: 'not', new: 'not funny' },
        ],
      },
      {
        id: 'e4',
        type: 'message',
        participant: 'a',
        conversation: 'c1',
        timestamp: '2021-04-01T10:06:00+01:00',
        deleted: true,
        body: '',
      },
      {
        id: 'e5',
        type: 'leave',
        participant: 'b',
        conversation: 'c1',
        timestamp: '2021-04-02T10:06:00+01:00',
      },
    ],
  };
}

/** The .rsmf bytes for `manifest`, with `files` beside it in the zip and another tool's headers. */
export function rsmfBytes(
  manifest: unknown,
  files: Record<string, Uint8Array> = {},
  headers: Partial<RsmfHeaders> = {},
): Buffer {
  const zip = zipSync({ 'rsmf_manifest.json': strToU8(JSON.stringify(manifest)), ...files });
  const head: RsmfHeaders = {
    subject: 'other tool',
    generator: 'Other 1.0',
    begin: null,
    end: null,
    eventCount: 1,
    date: new Date('2021-05-01T00:00:00Z'),
    messageId: 'x1',
    summary: 'x',
    ...headers,
  };
  return buildRsmfEml(head, zip);
}
