import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRsmfEml } from '../../../src/ingest/rsmf/eml.js';
import { readRsmf } from '../../../src/ingest/rsmf/reader.js';
import { buildMsgstoreCurrent, buildWaDb } from '../../support/fixtures/device/android.js';
import { buildModel } from '../../support/fixtures/device/model.js';
import { tempDir } from '../../support/device.js';
import { makeWorkspace, type Workspace } from '../../support/cli.js';
import { rsmfBytes } from '../../support/rsmf.js';

/**
 * RSMF from other tools (issue 13 item 11): Relativity's own sample (a timestamp without an
 * offset) and any manifest the official RSMF 2.0.0 JSON schema accepts are read; our own export
 * stays strict and validates against that schema with no error. The schema and sample are
 * Relativity's (BSD licence, relativity/LICENSE).
 */

const here = path.dirname(new URL(import.meta.url).pathname);
const SCHEMA = JSON.parse(
  readFileSync(path.join(here, 'relativity', 'rsmf_schema_2_0_0.json'), 'utf8'),
) as object;
const SAMPLE = path.join(here, 'relativity', 'relativity-sample.rsmf');

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

function officialValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(SCHEMA);
}

const dir = tempDir('scrutineer-rsmf-foreign-');
let ws: Workspace;
beforeAll(async () => {
  ws = await makeWorkspace('sqlite');
  await ws.cli(['case', 'create', 'Foreign']);
}, 60_000);
afterAll(async () => ws.cleanup());

interface Line {
  exhibit: string;
  sender: string | null;
  text: string;
  utc: string;
  zone: string;
  localTime: string;
  kind: string;
  replyTo: { keyId: string | null } | null;
  reactions: { emoji: string }[];
}

async function lines(exhibit: string): Promise<Line[]> {
  const r = await ws.cli(['messages', 'Foreign', '--jsonl']);
  return r.out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line)
    .filter((l) => l.exhibit === exhibit);
}

function rsmfFile(name: string, manifest: unknown, files: Record<string, Uint8Array> = {}): string {
  const file = path.join(dir, name);
  writeFileSync(file, rsmfBytes(manifest, files, { subject: name, generator: 'Another tool 3.1' }));
  return file;
}

describe('RSMF written by other tools', () => {
  it("Relativity's sample: its schema validates it, and it imports, the zone-less time read as UTC with a notice", async () => {
    const { manifestJson } = readRsmfEml(readFileSync(SAMPLE), 'relativity-sample.rsmf');
    const validate = officialValidator();
    // The schema's own date-time format wants an offset; everything else in the sample is valid.
    validate(JSON.parse(manifestJson));
    expect((validate.errors ?? []).filter((e) => e.keyword !== 'format')).toEqual([]);

    const add = await ws.cli(['exhibit', 'add', 'Foreign', SAMPLE, '--ref', 'REL/1']);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toMatch(/1 event timestamp\(s\) carry no UTC offset .* read as UTC/);
    const [m] = await lines('REL/1');
    expect(m).toMatchObject({
      sender: 'Participant Name',
      text: 'This is body text.',
      utc: '2013-01-10T15:53:00.000Z',
      localTime: '2013-01-10T15:53:00',
      zone: 'UTC',
    });
    const show = await ws.cli(['exhibit', 'show', 'Foreign', 'REL/1']);
    expect(show.out).toMatch(/rows events: 1, imported 1/);
  });

  it('with --timezone, zone-less times are read in that zone', async () => {
    const bytes = readFileSync(SAMPLE);
    const copy = path.join(dir, 'sample-ny.rsmf');
    // Another file (a different hash): the header says so, the manifest is the same.
    writeFileSync(copy, Buffer.concat([Buffer.from('X-Copy: ny\r\n'), bytes]));
    const add = await ws.cli([
      'exhibit',
      'add',
      'Foreign',
      copy,
      '--ref',
      'REL/2',
      '--timezone',
      'America/New_York',
    ]);
    expect(add.code, add.err).toBe(0);
    expect(add.out).toMatch(/read as America\/New_York \(--timezone\)/);
    const [m] = await lines('REL/2');
    expect(m).toMatchObject({ utc: '2013-01-10T20:53:00.000Z', zone: 'America/New_York' });
  });

  it('queued, the import still knows --timezone was given (the job carries the same request)', async () => {
    const copy = path.join(dir, 'sample-queued.rsmf');
    writeFileSync(copy, Buffer.concat([Buffer.from('X-Copy: queued\r\n'), readFileSync(SAMPLE)]));
    const zone = ['--timezone', 'America/New_York'];
    const q = await ws.cli(['exhibit', 'add', 'Foreign', copy, '--ref', 'REL/3', ...zone, '--queue']);
    expect(q.code, q.err).toBe(0);
    const run = await ws.cli(['worker', '--once', '--json']);
    expect(run.code, run.err).toBe(0);
    const [m] = await lines('REL/3');
    expect(m).toMatchObject({ utc: '2013-01-10T20:53:00.000Z', zone: 'America/New_York' });
  });

  it('what the schema accepts is read: optional fields absent, extra properties, dangling references, no timestamp', async () => {
    const manifest = {
      version: '2.0.0',
      participants: [{ id: 'p1', display: 'Dan', custom: [{ name: 'Mobile', value: '555' }] }],
      conversations: [{ id: 'c1', platform: 'teams', participants: ['p1', 'p2'], x_vendor: { a: 1 } }],
      events: [
        {
          type: 'message',
          conversation: 'c1',
          participant: 'p1',
          timestamp: '2020-06-01T10:00:00',
          body: 'one',
        },
        {
          type: 'message',
          conversation: 'c1',
          participant: 'p9',
          timestamp: '2020-06-01T10:01:00.5Z',
          body: 'two',
          parent: 'gone',
          reactions: [{ value: '👍' }],
          attachments: [{ id: 'a.png' }],
          read_receipts: [{ participant: 'p1', action: 'read' }],
        },
        { type: 'join', participant: 'p1', timestamp: '2020-06-01T10:02:00+02:00' },
        { type: 'message', conversation: 'c1', body: 'no time' },
      ],
    };
    const validate = officialValidator();
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(false);
    // Only the zone-less date-time breaks the schema's format; the rest is valid RSMF 2.0.
    expect((validate.errors ?? []).every((e) => e.keyword === 'format')).toBe(true);
    const file = rsmfFile('loose.rsmf', manifest, { 'a.png': new Uint8Array([1, 2, 3]) });
    const add = await ws.cli(['exhibit', 'add', 'Foreign', file, '--ref', 'LOOSE/1']);
    expect(add.code, add.err).toBe(0);
    expect(add.err).toMatch(/events: 1 of 4 row\(s\) not imported: without a readable timestamp/);
    const got = await lines('LOOSE/1');
    expect(got.map((l) => [l.text, l.utc])).toEqual([
      ['', '2020-06-01T08:02:00.000Z'],
      ['one', '2020-06-01T10:00:00.000Z'],
      ['two', '2020-06-01T10:01:00.500Z'],
    ]);
    expect(got[2]).toMatchObject({ sender: 'p9', replyTo: { keyId: 'gone' }, reactions: [{ emoji: '👍' }] });
    const show = await ws.cli(['exhibit', 'show', 'Foreign', 'LOOSE/1']);
    expect(show.out).toMatch(/rows events: 4, imported 3, no_timestamp 1/);
    expect(show.out).toMatch(/name no conversation/);
  });

  it('a manifest the schema refuses is refused, naming the problem', () => {
    const bad = rsmfFile('bad.rsmf', {
      version: '2.0.0',
      participants: [],
      conversations: [],
      events: [{ type: 'sms' }],
    });
    expect(() => readRsmf(readFileSync(bad), 'bad.rsmf')).toThrow(
      /is not an RSMF 2\.0 manifest: events\.0\.type/,
    );
  });
});

describe('our own RSMF export', () => {
  it('validates against the official RSMF 2.0.0 JSON schema with 0 errors', async () => {
    const model = buildModel(31337);
    const db = path.join(dir, 'export', 'msgstore.db');
    (await import('node:fs')).mkdirSync(path.dirname(db), { recursive: true });
    buildMsgstoreCurrent(model, db);
    buildWaDb(model, `${db}.wa`);
    await ws.cli(['case', 'create', 'Export']);
    const add = await ws.cli([
      'exhibit',
      'add',
      'Export',
      db,
      '--ref',
      'EX/1',
      '--owner',
      model.owner.phone,
      '--contacts',
      `${db}.wa`,
    ]);
    expect(add.code, add.err).toBe(0);
    const out = path.join(dir, 'export.rsmf');
    const r = await ws.cli(['export', 'rsmf', 'Export', '-o', out]);
    expect(r.code, r.err).toBe(0);
    const { manifestJson } = readRsmfEml(readFileSync(out), 'export.rsmf');
    const manifest = JSON.parse(manifestJson) as { events: unknown[] };
    expect(manifest.events.length).toBeGreaterThan(20);
    const validate = officialValidator();
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
});
