/**
 * Text read from images in the reports (issue 17, item 4): the evidence bundle prints a relevant
 * message's stored image with its OCR text (engine, language, confidence) and the file's SHA-256,
 * and lists the image-text flag as coming from the image; the RSMF export carries the OCR text of
 * the attachment in a custom field and stays valid against the official RSMF 2.0.0 schema.
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { EvidenceStore } from '../../src/evidence/evidence-store.js';
import { readRsmfEml } from '../../src/ingest/rsmf/eml.js';
import { openStore } from '../../src/store/open-store.js';
import { renderTextImage } from '../support/fixtures/media/images.js';
import { makeWorkspace, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';
import { pdfText } from '../support/pdf.js';

const offensive = renderTextImage({
  lines: ['Muslims are parasites, send them all back'],
  style: 'clean',
  format: 'png',
});
const harmless = renderTextImage({ lines: ['Rota for the week'], style: 'clean', format: 'jpeg' });
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

const CHAT = [
  '01/02/2022, 22:00 - PC Amy Cole: evening all',
  '01/02/2022, 22:01 - PC Amy Cole: IMG-20220201-WA0001.png (file attached)',
  '01/02/2022, 22:02 - PC Dan Hughes: IMG-20220201-WA0002.jpg (file attached)',
  '01/02/2022, 22:03 - PC Dan Hughes: see you tomorrow',
].join('\n');

// ajv-formats is CommonJS: its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;
const SCHEMA = JSON.parse(
  readFileSync(
    path.join(import.meta.dirname, '..', 'ingest', 'rsmf', 'relativity', 'rsmf_schema_2_0_0.json'),
    'utf8',
  ),
) as object;

interface RsmfEventJson {
  body: string;
  attachments?: { id: string }[];
  custom?: { name: string; value: string }[];
}

describe('text read from images in the bundle and the RSMF export', () => {
  let ws: Workspace;
  let dir: string;

  beforeAll(async () => {
    ws = await makeWorkspace('sqlite');
    dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-ocr-reports-'));
    const zip = path.join(dir, 'WhatsApp Chat with Late Turn.zip');
    writeFileSync(
      zip,
      makeZip({
        'WhatsApp Chat with Late Turn.txt': CHAT,
        'IMG-20220201-WA0001.png': offensive.bytes,
        'IMG-20220201-WA0002.jpg': harmless.bytes,
      }),
    );
    expect((await ws.cli(['case', 'create', 'Op Print'])).code).toBe(0);
    const added = await ws.cli(['exhibit', 'add', 'Op Print', zip, '--ref', 'P/1', '--date-order', 'dmy']);
    expect(added.code, added.err).toBe(0);
    const ocr = await ws.cli(['ocr', 'Op Print', '--workers', '1']);
    expect(ocr.code, ocr.err).toBe(0);
    const analysed = await ws.cli(['analyse', 'Op Print']);
    expect(analysed.code, analysed.err).toBe(0);
  }, 240_000);
  afterAll(async () => {
    await ws?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('prints the image with its OCR text, engine, confidence and hash, and the image-text flag', async () => {
    const file = path.join(dir, 'bundle.pdf');
    const r = await ws.cli(['report', 'bundle', 'Op Print', '--person', 'PC Amy Cole', '-o', file]);
    expect(r.code, r.err).toBe(0);
    const text = pdfText(file).replace(/\s+/gu, ' ');
    expect(text).toMatch(
      /Text read from the image \(OCR, derived; not the message's text\): tesseract\.js 7/,
    );
    expect(text).toMatch(/language eng, mean confidence \d+%/);
    expect(text).toMatch(/parasites, send them all back/);
    expect(text).toContain(`Image file SHA-256 ${sha(offensive.bytes)}`);
    expect(text).toMatch(
      /Flagged from the image's text, not the message's \(score \d\.\d\d; [^)]+\): "[^"]*parasites/i,
    );
    // The second image is in the extract's context: printed with its reading, never flagged.
    expect(text).toContain(`Image file SHA-256 ${sha(harmless.bytes)}`);
    expect(text.match(/Flagged from the image's text/gu)).toHaveLength(1);
    // The pictures themselves are embedded: one image XObject each (PNG as is, JPEG as DCT).
    const pdf = readFileSync(file).toString('latin1');
    expect(pdf.match(/\/Subtype \/Image/gu)?.length).toBeGreaterThanOrEqual(2);
    expect(pdf).toContain('/DCTDecode');
    // The manifest hashes the readings and counts the image flags (the table wraps the hash).
    expect(text).toMatch(/Text read from images [0-9a-f]+ 2 OCR readings .*; 1 image-text flags/);
  }, 120_000);

  it('carries the OCR text of the attachment in the RSMF export, valid against the RSMF 2.0 schema', async () => {
    const out = path.join(dir, 'hits.rsmf');
    const r = await ws.cli(['export', 'rsmf', 'Op Print', '--hits', '--context', '0', '-o', out]);
    expect(r.code, r.err).toBe(0);
    const manifest = JSON.parse(readRsmfEml(readFileSync(out), 'hits.rsmf').manifestJson) as {
      events: RsmfEventJson[];
    };
    // Only the message flagged through its image is a hit: the flag on the image text brought it in.
    expect(manifest.events.filter((e) => e.attachments?.length)).toHaveLength(1);
    const event = manifest.events.find((e) => e.attachments?.length)!;
    const field = event.custom?.find((c) => c.name === 'scrutineer.imageText');
    expect(field).toBeDefined();
    const reading = JSON.parse(field!.value) as Record<string, unknown>;
    expect(reading).toMatchObject({
      sha256: sha(offensive.bytes),
      engine: 'tesseract.js',
      language: 'eng',
      pass: expect.any(String),
      confidence: expect.any(Number),
    });
    expect(String(reading.text)).toMatch(/parasites, send them all\s+back/);
    expect(event.body).not.toMatch(/parasites/);
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(SCHEMA);
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  }, 120_000);

  // Last: it alters the stored copy of the offensive image.
  it('does not print a stored image whose bytes no longer match their hash, and says so', async () => {
    const store = await openStore({ workspace: ws.dir, databaseUrl: ws.databaseUrl });
    const theCase = (await store.cases.findByName('Op Print'))!;
    const ids: number[] = [];
    for await (const m of store.messages.iterate(theCase.id))
      if (m.mediaFileName?.endsWith('.png')) ids.push(m.id);
    const stored = (await store.exhibits.fileOfMessage(ids[0]!))!.storedPath!;
    await store.close();
    const abs = new EvidenceStore(ws.dir).absolutePath(stored);
    chmodSync(abs, 0o600);
    writeFileSync(abs, harmless.bytes);
    const file = path.join(dir, 'altered.pdf');
    const r = await ws.cli(['report', 'bundle', 'Op Print', '--person', 'PC Amy Cole', '-o', file]);
    expect(r.code, r.err).toBe(0);
    const text = pdfText(file).replace(/\s+/gu, ' ');
    expect(text).toContain('image not printed: the stored copy no longer matches its SHA-256');
    // The reading and its recorded hash are still printed: they describe what was read.
    expect(text).toContain(`Image file SHA-256 ${sha(offensive.bytes)}`);
    // Only the untouched JPEG is embedded now.
    expect(
      readFileSync(file)
        .toString('latin1')
        .match(/\/Subtype \/Image/gu),
    ).toHaveLength(1);
  }, 120_000);
});
