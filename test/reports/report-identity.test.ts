/**
 * Every report of the fixed case (fixed-case.ts) against the copy committed in golden/: the
 * evidence bundle's and the charge schedule's PDF text (a PDF also carries its creation date), the
 * cell values of both workbooks, the CSV files' bytes, and the RSMF export (its headers, its
 * summary part and its manifest as text, and the SHA-256 of rsmf.zip). It guards the builders'
 * output while they are reorganised: a split function that drops or reorders a line fails here.
 *
 * Only what a release changes by itself is replaced before the comparison: the software version,
 * the exhibit's parser version, and the digests computed over the provenance (which hold both).
 * A deliberate change to a report updates the copies: `npx vitest run test/reports/report-identity.test.ts --update`,
 * and the diff of golden/ shows what changed.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRsmfEml } from '../../src/ingest/rsmf/eml.js';
import { makeReport, type MadeReport, type ReportRequest } from '../../src/reports/generate.js';
import { digest } from '../../src/reports/provenance.js';
import { VERSION } from '../../src/version.js';
import { pdfText } from '../support/pdf.js';
import { fixedCase, type FixedCase } from './fixed-case.js';

const GOLDEN = path.join(import.meta.dirname, 'golden');

let c: FixedCase;
let parserVersions: string[];
beforeAll(async () => {
  c = await fixedCase();
  parserVersions = (await c.store.exhibits.list(c.theCase.id)).flatMap((e) =>
    e.parserVersion ? [e.parserVersion] : [],
  );
}, 180_000);
afterAll(async () => c?.cleanup());

const make = (request: ReportRequest): Promise<MadeReport> =>
  makeReport(c.store, c.theCase, request, { workspace: c.ws.dir });

/** The report's text with the release's own versions, and digests over them, replaced by names. */
function normalise(text: string, made: MadeReport): string {
  let out = text.replaceAll(`Scrutineer ${VERSION}`, 'Scrutineer <version>');
  for (const v of parserVersions) out = out.replaceAll(v, '<parser-version>');
  return out.replaceAll(digest(made.provenance), '<inputs-digest>');
}

function pdfOf(made: MadeReport, name: string): string {
  const file = path.join(c.dir, name);
  writeFileSync(file, made.bytes);
  return normalise(pdfText(file), made);
}

/** Every sheet's rows of cell values, one JSON array a line. */
async function cellsOf(made: MadeReport): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(made.bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  wb.eachSheet((sheet) => {
    lines.push(`== ${sheet.name}`);
    sheet.eachRow({ includeEmpty: true }, (row, n) =>
      lines.push(`${n} ${JSON.stringify((row.values as unknown[]).slice(1))}`),
    );
  });
  return normalise(`${lines.join('\n')}\n`, made);
}

/** A CSV file exactly, with its byte order mark and line ends made visible. */
const csvOf = (bytes: Buffer, made: MadeReport): string =>
  normalise(bytes.toString('utf8'), made)
    .replace(/^\uFEFF/u, '<BOM>')
    .replaceAll('\r\n', '<CRLF>\n');

/** The RSMF file: its headers, the summary part decoded, the manifest, and rsmf.zip's hash. */
function rsmfOf(made: MadeReport): string {
  const text = made.bytes.toString('latin1');
  const messageId = /^Message-ID: <([0-9a-f]+)@/mu.exec(text)![1]!;
  const [headers, ...parts] = text.split(/\r?\n------=_RSMF_[0-9a-f]+(?:--)?\r?\n/u);
  const decoded = parts
    .filter((p) => p.trim() !== '')
    .map((p) => {
      const [head, body] = p.split(/\r?\n\r?\n/u, 2);
      const bytes = Buffer.from(body ?? '', 'base64');
      return head!.includes('application/zip')
        ? `${head}\n\nSHA-256 ${createHash('sha256').update(bytes).digest('hex')}`
        : `${head}\n\n${bytes.toString('utf8')}`;
    });
  const manifest = readRsmfEml(made.bytes, 'export.rsmf').files.get('rsmf_manifest.json')!;
  return normalise(
    [headers, ...decoded, Buffer.from(manifest).toString('utf8'), '']
      .join('\n--\n')
      .replaceAll(messageId, '<message-id>'),
    made,
  );
}

describe('reports of the fixed case match the committed copies', { timeout: 120_000 }, () => {
  it('evidence bundle (PDF text)', async () => {
    const made = await make({ kind: 'bundle', person: 'Ann', context: 3 });
    await expect(pdfOf(made, 'bundle.pdf')).toMatchFileSnapshot(path.join(GOLDEN, 'bundle.pdf.txt'));
  });

  it('charge schedule (PDF text, XLSX cells)', async () => {
    const pdf = await make({ kind: 'charges', format: 'pdf' });
    await expect(pdfOf(pdf, 'charges.pdf')).toMatchFileSnapshot(path.join(GOLDEN, 'charges.pdf.txt'));
    const xlsx = await make({ kind: 'charges', format: 'xlsx' });
    await expect(await cellsOf(xlsx)).toMatchFileSnapshot(path.join(GOLDEN, 'charges.xlsx.txt'));
  });

  it('unused-material schedule (XLSX cells, CSV bytes with its appendices)', async () => {
    const xlsx = await make({ kind: 'unused', format: 'xlsx' });
    await expect(await cellsOf(xlsx)).toMatchFileSnapshot(path.join(GOLDEN, 'unused.xlsx.txt'));
    const csv = await make({ kind: 'unused', format: 'csv' });
    expect(csv.appendices.map(([suffix]) => suffix)).toEqual(['search-terms', 'coverage', 'provenance']);
    const files = [['schedule', csv.bytes] as const, ...csv.appendices];
    await expect(
      files.map(([name, bytes]) => `=== ${name}\n${csvOf(bytes, csv)}`).join(''),
    ).toMatchFileSnapshot(path.join(GOLDEN, 'unused.csv.txt'));
  });

  it('RSMF export (headers, summary, manifest, rsmf.zip hash)', async () => {
    const made = await make({ kind: 'rsmf', hits: false, context: 3 });
    await expect(rsmfOf(made)).toMatchFileSnapshot(path.join(GOLDEN, 'export.rsmf.txt'));
    const hits = await make({ kind: 'rsmf', hits: true, context: 1 });
    await expect(rsmfOf(hits)).toMatchFileSnapshot(path.join(GOLDEN, 'hits.rsmf.txt'));
  });

  it('two builds of the same case give the same bytes (RSMF, CSV, XLSX)', async () => {
    for (const request of [
      { kind: 'rsmf', hits: false, context: 3 },
      { kind: 'unused', format: 'csv' },
      { kind: 'charges', format: 'xlsx' },
    ] as const)
      expect((await make(request)).bytes.equals((await make(request)).bytes)).toBe(true);
  });
});
