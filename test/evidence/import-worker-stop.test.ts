/**
 * An import that stops early (its transaction failed, or the user interrupted it) stops its reading
 * thread so that the thread cleans up after itself: a device reader works on a temporary copy of the
 * database, which must not outlive the import.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { buildBenchMsgstore } from '../../bench/device.js';
import type {
  ReadBatch,
  ReadDone,
  ReadHello,
  ReadWorkerInput,
} from '../../src/evidence/read-worker-protocol.js';
import { DEFAULT_ZIP_LIMITS } from '../../src/ingest/zip/zip.js';
import { openWorkerChannel } from '../../src/evidence/worker-channel.js';
import { builtWorkerUrl } from '../../src/worker-url.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-stop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (file: string) =>
  openWorkerChannel<ReadWorkerInput, ReadHello, ReadBatch, ReadDone>(
    builtWorkerUrl(new URL('../../src/evidence/x', import.meta.url).href, 'read-worker.js'),
    {
      format: 'android-msgstore',
      input: {
        path: file,
        label: 'msgstore.db',
        zone: 'Europe/London',
        zoneDeclared: false,
        dateOrder: 'auto',
        zipLimits: DEFAULT_ZIP_LIMITS,
        contained: [],
        contactsPath: null,
        ownerPhone: null,
        ownerName: null,
        decideEarly: false,
      },
    },
    null,
  );

describe('stopping an import’s reading thread', () => {
  // More rows than the reader may send ahead (two batches of 5,000), so it is mid-read when stopped.
  const file = path.join(dir, 'msgstore.db');
  buildBenchMsgstore(file, 30_000);

  it('lets a device reader stopped mid-read remove its temporary copy', async () => {
    // The worker takes its environment when it starts: its temporary copies go to a folder of ours.
    const privateTmp = path.join(dir, 'tmp');
    mkdirSync(privateTmp);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp;
    let read;
    try {
      read = await open(file);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(read.hello.conversations.length).toBeGreaterThan(0);
    expect(readdirSync(privateTmp).some((n) => n.startsWith('scrutineer-sqlite-'))).toBe(true);
    const batches = read.batches();
    const first = await batches.next();
    expect(first.done).toBe(false);
    await read.stop();
    expect(readdirSync(privateTmp)).toEqual([]);
  });

  it('reads every row when not stopped, and a stop after the end is harmless', async () => {
    const read = await open(file);
    let rows = 0;
    const batches = read.batches();
    for (;;) {
      const next = await batches.next();
      if (next.done) break;
      rows += next.value.count;
    }
    expect(rows).toBe(30_000);
    await read.stop();
  });
});
