/**
 * Images in a chat export, end to end through the CLI (issue 17): the import accounts for every
 * media file, `scrutineer ocr` reads the images offline into derived text (the messages untouched),
 * the text is searchable and says so, the flagger flags it as its own input, the run is audited,
 * and `--queue` runs the same through the job queue.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { openStore, type Store } from '../../src/store/open-store.js';
import { renderTextImage, wordAccuracy } from '../support/fixtures/media/images.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const clean = renderTextImage({
  lines: ['Muslims are parasites, send them all back'],
  style: 'clean',
  format: 'png',
});
const meme = renderTextImage({
  lines: ['first day in custody', 'the rota is out of order again'],
  style: 'meme',
  format: 'jpeg',
  seed: 7,
});
const loose = renderTextImage({ lines: ['Left in the folder'], style: 'clean', format: 'png', width: 320 });

const CHAT = [
  '01/02/2022, 22:00 - PC Amy Cole: IMG-20220201-WA0001.png (file attached)',
  '01/02/2022, 22:01 - PC Dan Hughes: IMG-20220201-WA0002.jpg (file attached)',
  '01/02/2022, 22:02 - PC Amy Cole: PTT-20220201-WA0003.opus (file attached)',
  '01/02/2022, 22:03 - PC Dan Hughes: IMG-20220201-WA0004.jpg (file attached)',
  '01/02/2022, 22:04 - PC Amy Cole: the rota is fine by me',
].join('\n');

interface MessageJson {
  id: number;
  text: string;
  media: { fileName: string } | null;
  matchedImageText?: { text: string; engine: string };
}

describe.each(BACKENDS)('images in a chat export on %s', (backend) => {
  let ws: Workspace;
  let store: Store;
  let dir: string;

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-ocr-'));
    const zip = path.join(dir, 'WhatsApp Chat with Night Shift.zip');
    writeFileSync(
      zip,
      makeZip({
        'WhatsApp Chat with Night Shift.txt': CHAT,
        'IMG-20220201-WA0001.png': clean.bytes,
        'IMG-20220201-WA0002.jpg': meme.bytes,
        'PTT-20220201-WA0003.opus': new TextEncoder().encode('OggS not really audio'),
        'stray-photo.png': loose.bytes,
      }),
    );
    expect((await ws.cli(['case', 'create', 'Op Lens'])).code).toBe(0);
    const added = await ws.cli(['exhibit', 'add', 'Op Lens', zip, '--ref', 'L/1', '--date-order', 'dmy']);
    expect(added.code, added.err).toBe(0);
    store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
  });
  afterAll(async () => {
    await store?.close();
    await ws?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the file no message names and the named file that is absent', async () => {
    const exhibit = (await store.exhibits.findByRef((await store.cases.findByName('Op Lens'))!.id, 'L/1'))!;
    const report = (await store.importReports.get(exhibit.id))!;
    const media = report.notices.filter((n) => n.code.startsWith('media_')).map((n) => [n.code, n.message]);
    expect(media).toEqual([
      ['media_missing', 'attachment IMG-20220201-WA0004.jpg is named but not in the archive'],
      [
        'media_unreferenced',
        expect.stringMatching(
          /^stray-photo\.png is present but named by no message \(hashed and stored as exhibit file \d+\)$/,
        ),
      ],
    ]);
  });

  it('reads every image into derived text with engine, version, language and confidence', async () => {
    const run = await ws.json<{ read: number; withText: number; notImages: number; changed: number }>([
      'ocr',
      'Op Lens',
    ]);
    expect(run).toMatchObject({ read: 3, withText: 3, notImages: 1, changed: 0 });
    const texts = (await ws.cli(['ocr', 'Op Lens', '--list', '--json'])).out
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { exhibitFileId: number; text: string; sha256: string; [k: string]: unknown },
      );
    const caseId = (await store.cases.findByName('Op Lens'))!.id;
    const [exhibit] = await store.exhibits.list(caseId);
    const files = new Map((await store.exhibits.listFiles(exhibit!.id)).map((f) => [f.id, f]));
    const byName = new Map(texts.map((t) => [files.get(t.exhibitFileId)!.pathInArchive, t]));
    expect([...byName.keys()].sort()).toEqual([
      'IMG-20220201-WA0001.png',
      'IMG-20220201-WA0002.jpg',
      'stray-photo.png',
    ]);
    for (const [name, t] of byName) {
      expect(t).toMatchObject({
        engine: 'tesseract.js',
        language: 'eng',
        error: null,
        createdBy: 'test-investigator',
      });
      expect(t.engineVersion).toMatch(
        /^7\.0\.0 \(core 7\.0\.0; @tesseract\.js-data\/eng 1\.0\.0\/4\.0\.0_best_int\)$/,
      );
      expect(t.sha256).toBe(files.get(t.exhibitFileId)!.sha256);
      expect(t.confidence as number, name).toBeGreaterThan(60);
    }
    expect(wordAccuracy(clean.words, byName.get('IMG-20220201-WA0001.png')!.text)).toBeGreaterThanOrEqual(
      0.95,
    );
    expect(wordAccuracy(meme.words, byName.get('IMG-20220201-WA0002.jpg')!.text)).toBeGreaterThanOrEqual(
      0.85,
    );
    // The busy background needed the lettering mask; the plain image did not.
    expect(byName.get('IMG-20220201-WA0002.jpg')!.pass).toBe('light-text mask');
    expect(byName.get('IMG-20220201-WA0001.png')!.pass).toBe('original');
    // The messages keep their own text.
    const messages = await ws.json<MessageJson[]>(['messages', 'Op Lens']);
    expect(messages[0]!.text).toBe('IMG-20220201-WA0001.png (file attached)');
    // Reports and exports get each message's reading in one call.
    const readings = await store.mediaTexts.latestOfMessages(messages.map((m) => m.id));
    expect([...readings.keys()]).toEqual([messages[0]!.id, messages[1]!.id]);
    expect(readings.get(messages[0]!.id)!.text).toBe(byName.get('IMG-20220201-WA0001.png')!.text);
    // Audited, and a second run reads nothing again.
    const audit = (await store.audit.list({ caseId })).filter((a) => a.action === 'media.ocr');
    expect(audit.length).toBe(1);
    expect((JSON.parse(audit[0]!.detailJson) as { texts: unknown[] }).texts).toHaveLength(3);
    expect(await ws.json(['ocr', 'Op Lens'])).toMatchObject({ read: 0, candidates: 1, notImages: 1 });
  });

  it('finds a message by the text in its image, and says that is where', async () => {
    const hits = await ws.json<MessageJson[]>(['messages', 'Op Lens', '--search', 'parasites']);
    expect(hits.map((m) => m.media?.fileName)).toEqual(['IMG-20220201-WA0001.png']);
    expect(hits[0]!.matchedImageText).toMatchObject({ engine: 'tesseract.js' });
    expect(hits[0]!.matchedImageText!.text).toMatch(/parasites/i);
    // "rota": once in a message's own text (no image hit), once in a meme's.
    const rota = await ws.json<MessageJson[]>(['messages', 'Op Lens', '--search', 'rota']);
    expect(rota.map((m) => [m.text, Boolean(m.matchedImageText)])).toEqual([
      ['IMG-20220201-WA0002.jpg (file attached)', true],
      ['the rota is fine by me', false],
    ]);
  });

  it('flags the image text as its own input, and says so', async () => {
    expect((await ws.cli(['analyse', 'Op Lens'])).code).toBe(0);
    const rows = (await ws.cli(['flags', 'Op Lens', '--jsonl'])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source?: string; message: MessageJson; imageText?: { text: string } });
    const fromImage = rows.filter((r) => r.source === 'image_text');
    expect(fromImage.map((r) => r.message.media?.fileName)).toEqual(['IMG-20220201-WA0001.png']);
    expect(fromImage[0]!.imageText!.text).toMatch(/parasites/i);
    // The message's own text ("… (file attached)") is not what was flagged.
    expect(rows.filter((r) => r.source === undefined).map((r) => r.message.id)).not.toContain(
      fromImage[0]!.message.id,
    );
    expect((await ws.cli(['verify'])).code).toBe(0);
  });

  it('counts an offensive image as an offensive message sent, and images in coverage', async () => {
    const conduct = await ws.json<{
      people: { name: string; sentOffensive: number }[];
      offensiveMessages: { messageId: number }[];
    }>(['conduct', 'Op Lens']);
    const amy = conduct.people.find((p) => p.name.includes('Amy Cole'))!;
    const dan = conduct.people.find((p) => p.name.includes('Dan Hughes'))!;
    expect([amy.sentOffensive, dan.sentOffensive]).toEqual([1, 0]);
    const coverage = await ws.json<{ images: { messages: number; reviewed: number } }>([
      'coverage',
      'Op Lens',
    ]);
    // The two messages whose images were read (the stray image has no message), none reviewed yet.
    expect(coverage.images).toEqual({ messages: 2, reviewed: 0 });
  });

  it('runs through the job queue with --queue', async () => {
    const queued = await ws.json<{ job: { id: number; kind: string } }>(['ocr', 'Op Lens', '--queue']);
    expect(queued.job.kind).toBe('ocr');
    expect((await ws.cli(['worker', '--once'])).code).toBe(0);
    const { job } = await ws.json<{ job: { status: string; result: { read: number; candidates: number } } }>([
      'jobs',
      'show',
      String(queued.job.id),
    ]);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ read: 0, candidates: 1 });
  });
});
