import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRsmf } from '../../src/ingest/rsmf/reader.js';
import { manifestSchema, type RsmfManifest } from '../../src/ingest/rsmf/manifest.js';
import { readRsmfEml } from '../../src/ingest/rsmf/eml.js';
import { buildMsgstoreCurrent } from '../support/fixtures/device/android.js';
import { buildModel, expected } from '../support/fixtures/device/model.js';
import { BACKENDS, jsonLines, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';
import { tempDir } from '../support/device.js';
import { demoCase, type DemoCase } from '../support/demo-case.js';
import { rsmfBytes, rsmfManifest } from '../support/rsmf.js';

interface Line {
  id: number;
  conversation: string;
  sender: string | null;
  kind: string;
  text: string;
  utc: string;
  localTime: string;
  zone: string;
  edited: boolean;
  editedAt: string | null;
  deleted: string | null;
  keyId: string | null;
  replyTo: { keyId: string | null } | null;
  reactions: { sender: string; emoji: string }[];
  exhibit: string;
  media: { fileName: string | null } | null;
}

const lines = (out: string) => jsonLines<Line>(out);

describe('RSMF manifest rules (zod)', () => {
  it('accepts a valid manifest', () => {
    expect(manifestSchema.safeParse(rsmfManifest()).success).toBe(true);
  });
  const bad: [string, (m: RsmfManifest) => unknown, RegExp][] = [
    ['missing version', (m) => ({ ...m, version: undefined }), /version/u],
    ['unknown event type', (m) => ({ ...m, events: [{ ...m.events[1]!, type: 'sms' }] }), /type/u],
    [
      'timestamp without an offset',
      (m) => ({ ...m, events: [{ ...m.events[1]!, timestamp: '2021-03-01T09:01:00' }] }),
      /offset/u,
    ],
    [
      'timestamp that is not a date',
      (m) => ({ ...m, events: [{ ...m.events[1]!, timestamp: '2021-02-31T09:01:00Z' }] }),
      /date/u,
    ],
    [
      'participant that does not resolve',
      (m) => ({ ...m, events: [{ ...m.events[1]!, participant: 'zz' }] }),
      /participant "zz"/u,
    ],
    [
      'conversation member that does not resolve',
      (m) => ({ ...m, conversations: [{ ...m.conversations[0]!, participants: ['a', 'q'] }] }),
      /participant "q"/u,
    ],
    [
      'parent that does not resolve',
      (m) => ({ ...m, events: [{ ...m.events[2]!, parent: 'nope' }] }),
      /parent event "nope"/u,
    ],
    [
      'reaction by an unknown participant',
      (m) => ({
        ...m,
        events: [
          { ...m.events[2]!, parent: undefined, reactions: [{ value: '👍', count: 1, participants: ['x'] }] },
        ],
      }),
      /participant "x"/u,
    ],
    [
      'conversation that does not resolve',
      (m) => ({ ...m, events: [{ ...m.events[1]!, conversation: 'c9' }] }),
      /conversation "c9"/u,
    ],
    ['duplicate event ids', (m) => ({ ...m, events: [m.events[1]!, m.events[1]!] }), /used twice/u],
    [
      'bad conversation type',
      (m) => ({ ...m, conversations: [{ ...m.conversations[0]!, type: 'group' }] }),
      /type/u,
    ],
  ];
  it.each(bad)('refuses a manifest with a %s', (_name, change, message) => {
    const r = manifestSchema.safeParse(JSON.parse(JSON.stringify(change(rsmfManifest()))));
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('\n')).toMatch(message);
  });
});

if (PG_SKIPPED) describe.skip(`RSMF round trip on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('RSMF export and import on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir('scrutineer-rsmf-');
  const model = buildModel(7);
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Phones']);
    const db = path.join(dir, 'msgstore.db');
    buildMsgstoreCurrent(model, db, { walTail: 0 });
    const r = await ws.cli(['exhibit', 'add', 'Phones', db, '--ref', 'AB/1', '--owner', model.owner.phone]);
    if (r.code !== 0) throw new Error(r.err);
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('round trip: export a device exhibit, import the .rsmf as an exhibit, same messages, reactions, edits, deletions, replies', async () => {
    const file = path.join(dir, 'phones.rsmf');
    const r = await ws.cli(['export', 'rsmf', 'Phones', '-o', file, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { events: number; sha256: string };
    const eml = readFileSync(file);
    const head = eml.toString('utf8').split('\r\n\r\n')[0]!;
    expect(head).toMatch(/^X-RSMF-Version: 2\.0\.0$/mu);
    expect(head).toMatch(new RegExp(`^X-RSMF-EventCount: ${out.events}$`, 'mu'));
    expect(head).toMatch(/^X-RSMF-BeginDate: \d{4}-\d\d-\d\dT[\d:.]+[+-]\d\d:\d\d$/mu);
    expect(head).toMatch(/^X-RSMF-Generator: Scrutineer /mu);
    const { manifest } = readRsmf(eml, 'phones.rsmf');
    expect(manifest.events).toHaveLength(out.events);
    expect(manifestSchema.safeParse(manifest).success).toBe(true);
    const want = expected(model, 'android');
    expect(out.events).toBe(want.length);

    await ws.cli(['case', 'create', 'Copy']);
    const add = await ws.cli(['exhibit', 'add', 'Copy', file, '--ref', 'XY/1', '--json']);
    expect(add.err).toBe('');
    expect(JSON.parse(add.out)).toMatchObject({
      messages: want.length,
      report: { format: 'rsmf' },
      exhibit: { format: 'rsmf' },
    });
    const a = lines((await ws.cli(['messages', 'Phones', '--jsonl'])).out);
    const b = lines((await ws.cli(['messages', 'Copy', '--jsonl'])).out);
    expect(b).toHaveLength(a.length);
    const pick = (m: Line) => ({
      conversation: m.conversation,
      sender: m.sender,
      kind: m.kind,
      text: m.text,
      utc: m.utc,
      localTime: m.localTime,
      zone: m.zone,
      edited: m.edited,
      editedAt: m.editedAt,
      deleted: m.deleted,
      keyId: m.keyId,
      replyTo: m.replyTo?.keyId ?? null,
      reactions: m.reactions.map((x) => `${x.sender}:${x.emoji}`).sort(),
      media: m.media?.fileName ?? null,
    });
    const byKey = (ls: Line[]) => new Map(ls.map((m) => [m.keyId ?? `#${m.id}`, pick(m)]));
    expect(byKey(b)).toEqual(byKey(a));
    // The model has each of these; they survived.
    expect(b.some((m) => m.reactions.length > 0)).toBe(true);
    expect(b.some((m) => m.edited)).toBe(true);
    expect(b.some((m) => m.deleted !== null)).toBe(true);
    expect(b.some((m) => m.replyTo?.keyId)).toBe(true);
    // Membership events came back too.
    const memA = await ws.json<{ timelines: unknown[] }>(['membership', 'Phones']);
    const memB = await ws.json<{ timelines: unknown[] }>(['membership', 'Copy']);
    expect(memB.timelines.length).toBe(memA.timelines.length);
    expect((await ws.cli(['verify'])).code).toBe(0);
    // Importing the same file again into the same case is refused as a duplicate.
    const again = await ws.cli(['exhibit', 'add', 'Copy', file, '--ref', 'XY/2']);
    expect(again.code).toBe(1);
  });

  it('imports an RSMF file from another tool (standard fields only) and refuses a broken manifest', async () => {
    const m = rsmfManifest();
    const eml = rsmfBytes(
      m,
      {},
      { begin: m.events[0]!.timestamp, end: m.events[4]!.timestamp, eventCount: 5 },
    );
    const file = path.join(dir, 'other.rsmf');
    writeFileSync(file, eml);
    await ws.cli(['case', 'create', 'Other']);
    const r = await ws.cli(['exhibit', 'add', 'Other', file, '--ref', 'OT/1', '--json']);
    expect(r.err).toBe('');
    const got = lines((await ws.cli(['messages', 'Other', '--jsonl'])).out);
    expect(got.map((x) => [x.kind, x.sender, x.text])).toEqual([
      ['system', null, ''],
      ['text', 'Dan', 'morning 😂'],
      ['text', 'Kate', 'not funny'],
      ['deleted', 'Dan', ''],
      ['system', null, ''],
    ]);
    expect(got[2]!.utc).toBe('2021-04-01T09:02:00.000Z');
    expect(got[2]!.replyTo?.keyId).toBe('e2');
    expect(got[2]!.reactions).toEqual([expect.objectContaining({ sender: 'Dan', emoji: '👍' })]);
    expect(got[2]!.edited).toBe(true);
    expect(got[2]!.editedAt).toBe('2021-04-01T09:05:00.000Z');
    const mem = await ws.json<{ timelines: { intervals: { participant: string }[] }[] }>([
      'membership',
      'Other',
    ]);
    expect(mem.timelines[0]!.intervals.some((i) => i.participant === 'Kate')).toBe(true);

    // A manifest whose parent does not resolve: the RSMF 2.0 schema does not check references, so
    // it is read (issue 13), the reply keeping the parent's id, with a notice.
    const dangling = { ...m, events: [{ ...m.events[2]!, parent: 'missing' }] };
    const file2 = path.join(dir, 'dangling.rsmf');
    writeFileSync(file2, rsmfBytes(dangling));
    const read = await ws.cli(['exhibit', 'add', 'Other', file2, '--ref', 'OT/2']);
    expect(read.code, read.err).toBe(0);
    expect(read.out).toMatch(/parent event\(s\) not in the manifest/u);
    const replies = await ws.cli(['messages', 'Other', '--jsonl', '--search', '"not funny"']);
    const withParent = replies.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { exhibit: string; replyTo: { keyId: string } | null })
      .find((x) => x.exhibit === 'OT/2');
    expect(withParent?.replyTo?.keyId).toBe('missing');
    expect((await ws.json<{ messages: number }>(['stats', 'Other'])).messages).toBe(6);
  });
});

describe.each(BACKENDS)('RSMF selections on %s', (backend) => {
  let d: DemoCase;
  beforeAll(async () => {
    d = await demoCase(backend);
  }, 120_000);
  afterAll(async () => d.ws.cleanup());

  it('exports a date range, a conversation, and the flag hits with context; the same inputs give the same bytes', async () => {
    const all = path.join(d.dir, 'all.rsmf');
    const r1 = await d.ws.json<{ events: number }>([
      'export',
      'rsmf',
      'Lantern',
      '--conversation',
      '1',
      '-o',
      all,
    ]);
    const total = (await d.ws.json<{ messages: number }>(['stats', 'Lantern'])).messages;
    expect(r1.events).toBe(total);
    const again = path.join(d.dir, 'again.rsmf');
    await d.ws.json(['export', 'rsmf', 'Lantern', '--conversation', 'Team 3 Lates', '-o', again]);
    expect(readFileSync(again)).toEqual(readFileSync(all));

    const range = path.join(d.dir, 'range.rsmf');
    const r2 = await d.ws.json<{ events: number }>([
      'export',
      'rsmf',
      'Lantern',
      '--from',
      '2022-10-01',
      '--to',
      '2022-11-01',
      '-o',
      range,
    ]);
    const inRange = (
      await d.ws.cli(['messages', 'Lantern', '--from', '2022-10-01', '--to', '2022-11-01', '--jsonl'])
    ).out
      .trim()
      .split('\n').length;
    expect(r2.events).toBe(inRange);
    const { manifest } = readRsmf(readFileSync(range), 'range.rsmf');
    for (const e of manifest.events) {
      expect(Date.parse(e.timestamp)).toBeGreaterThanOrEqual(Date.parse('2022-10-01T00:00:00Z'));
      expect(Date.parse(e.timestamp)).toBeLessThan(Date.parse('2022-11-01T00:00:00Z'));
    }

    const hits = path.join(d.dir, 'hits.rsmf');
    const r3 = await d.ws.json<{ events: number }>([
      'export',
      'rsmf',
      'Lantern',
      '--hits',
      '--context',
      '2',
      '-o',
      hits,
    ]);
    const flagged = (await d.ws.json<{ flags: unknown[] }>(['flags', 'Lantern'])).flags.length;
    expect(r3.events).toBeGreaterThan(flagged);
    expect(r3.events).toBeLessThanOrEqual(flagged * 5);
    const container = readRsmfEml(readFileSync(hits), 'hits.rsmf');
    expect(container.headers.get('x-rsmf-eventcount')).toBe(String(r3.events));
  });
});
