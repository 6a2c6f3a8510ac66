import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeCell } from '../../src/reports/cell-safety.js';
import { openStore } from '../../src/store/open-store.js';
import { BACKENDS, PG_SKIPPED } from '../support/cli.js';
import { demoCase, pdfText, POPPLER_SKIPPED, renderPages, type DemoCase } from '../support/demo-case.js';

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${file}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/u, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

if (PG_SKIPPED) describe.skip(`schedules on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('unused-material and charge schedules on %s', (backend) => {
  let d: DemoCase;
  let total: number;
  let flagged: Set<number>;
  beforeAll(async () => {
    d = await demoCase(backend);
    expect(
      (await d.ws.cli(['terms', 'add', 'Lantern', 'tenerife', '--category', 'other_derogatory'])).code,
    ).toBe(0);
    total = (await d.ws.json<{ messages: number }>(['stats', 'Lantern'])).messages;
    const flags = await d.ws.json<{ flags: { messageId: number }[] }>(['flags', 'Lantern']);
    flagged = new Set(flags.flags.map((f) => f.messageId));
  }, 120_000);
  afterAll(async () => d.ws.cleanup());

  it('MG6C schedule (XLSX): numbered items; flagged messages listed individually; the rest in bulk, covering every message; appendices', async () => {
    const file = path.join(d.dir, 'unused.xlsx');
    const r = await d.ws.cli(['report', 'unused', 'Lantern', '-o', file, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { items: number; sha256: string };
    const rows = await sheetRows(file, 'MG6C schedule');
    const header = rows.findIndex((x) => x[0] === 'Item No.');
    const items = rows.slice(header + 1);
    expect(items).toHaveLength(out.items);
    items.forEach((x, i) => expect(x[0]).toBe(i + 1));
    const covered = items.reduce((s, x) => s + Number(x[6]), 0);
    expect(covered).toBe(total);
    const individual = items.filter((x) => x[4] === 'individual');
    const bulk = items.filter((x) => x[4] === 'bulk');
    expect(bulk.length).toBeGreaterThan(0);
    expect(String(bulk[0]![1])).toMatch(
      /^Messages 1–\d+ of exhibit AB\/1 \("Team 3 Lates"\), \d\d\/\d\d\/\d{4}/u,
    );
    for (const id of flagged) expect(individual.some((x) => String(x[1]).includes(`#${id},`))).toBe(true);
    const terms = await sheetRows(file, 'Appendix A search terms');
    const t = terms.find((x) => x[0] === 'tenerife');
    expect(t).toBeDefined();
    expect(Number(t![3])).toBeGreaterThan(0);
    const coverage = await sheetRows(file, 'Appendix B review coverage');
    expect(coverage[1]![0]).toBe('AB/1');
    expect(Number(coverage[1]![2])).toBe(total);
    expect(Number(coverage[1]![3])).toBe(flagged.size);
    const prov = await sheetRows(file, 'Provenance');
    expect(prov.some((x) => String(x[0]) === 'Software')).toBe(true);

    // Same inputs, same content.
    const again = path.join(d.dir, 'unused2.xlsx');
    expect((await d.ws.cli(['report', 'unused', 'Lantern', '-o', again])).code).toBe(0);
    expect(await sheetRows(again, 'MG6C schedule')).toEqual(rows);
  });

  it('MG6C schedule (CSV) with the appendices beside it', async () => {
    const file = path.join(d.dir, 'unused.csv');
    const r = await d.ws.cli(['report', 'unused', 'Lantern', '-o', file]);
    expect(r.code).toBe(0);
    const rows = parseCsv(readFileSync(file, 'utf8'));
    expect(rows[0]![0]).toBe('Item No.');
    expect(rows.slice(1).reduce((s, x) => s + Number(x[6]), 0)).toBe(total);
    const terms = parseCsv(readFileSync(path.join(d.dir, 'unused.search-terms.csv'), 'utf8'));
    expect(terms.some((x) => x[0] === 'tenerife')).toBe(true);
    expect(readFileSync(path.join(d.dir, 'unused.coverage.csv'), 'utf8')).toContain('AB/1');
    const b = path.join(d.dir, 'unused-b.csv');
    expect((await d.ws.cli(['report', 'unused', 'Lantern', '-o', b])).code).toBe(0);
    expect(readFileSync(b)).toEqual(readFileSync(file));
  });

  it('charge schedule from candidate counts (no counts in the case record): XLSX and PDF, titled "candidate counts"', async () => {
    const counts = await d.ws.json<{
      counts: { name: string; counts: { messageId: number; limitationDate: string }[] }[];
    }>(['counts', 'Lantern', '--today', '2024-01-01']);
    const expected = counts.counts.flatMap((p) => p.counts.map((k) => ({ ...k, name: p.name })));
    const xlsx = path.join(d.dir, 'charges.xlsx');
    const r = await d.ws.cli(['report', 'charges', 'Lantern', '--today', '2024-01-01', '-o', xlsx, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ source: 'candidate counts', counts: expected.length });
    const rows = await sheetRows(xlsx, 'Charge schedule');
    expect(String(rows[0]![0])).toContain('candidate counts');
    const data = rows.slice(3);
    expect(data).toHaveLength(expected.length);
    for (const k of expected) {
      const row = data.find((x) => String(x[4]) === String(k.messageId));
      expect(row, `count for message ${k.messageId}`).toBeDefined();
      // Names such as "+44 7700 900461" get the formula-injection prefix (cell-safety.ts).
      expect(row![0]).toBe(safeCell(k.name));
      expect(row![10]).toBe(k.limitationDate);
      expect(String(row![8])).toMatch(/^AB\/1 line \d+/u);
    }
    if (POPPLER_SKIPPED) return;
    const pdf = path.join(d.dir, 'charges.pdf');
    expect((await d.ws.cli(['report', 'charges', 'Lantern', '--today', '2024-01-01', '-o', pdf])).code).toBe(
      0,
    );
    const text = pdfText(pdf);
    expect(text).toContain('Charge schedule (candidate counts): Lantern');
    expect(text).toContain(expected[0]!.limitationDate);
    renderPages(pdf, `charges-${backend}`, 1, 1);
  });

  it('charge schedule from the counts in the case record, with verdicts', async () => {
    const store = await openStore({ workspace: d.ws.dir, databaseUrl: d.ws.databaseUrl });
    const record = store.record;
    const person = await d.ws.json<{ id: number }>([
      'person',
      'add',
      'Lantern',
      '--name',
      'Lee Barker',
      '--role',
      'subject',
    ]);
    const conduct = await d.ws.json<{
      offensiveMessages: { messageId: number; sender: string }[];
      people: { person: string; name: string }[];
    }>(['conduct', 'Lantern']);
    const lee = conduct.people.find((p) => p.name === 'Lee Barker')!.person;
    const ids = conduct.offensiveMessages.filter((o) => o.sender === lee).map((o) => o.messageId);
    await record.add('record_counts', 1, 'test', {
      personId: person.id,
      publishable: false,
      number: 1,
      offence: 's127(1)(a) Communications Act 2003',
      description: 'grossly offensive message',
      messageIds: [ids[0]],
      chargedOn: '2023-09-01',
      verdict: 'convicted',
      verdictOn: '2024-02-01',
    });
    await store.close();
    const xlsx = path.join(d.dir, 'record-charges.xlsx');
    const r = await d.ws.cli(['report', 'charges', 'Lantern', '-o', xlsx, '--json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toMatchObject({ source: 'case record', counts: 1 });
    const rows = await sheetRows(xlsx, 'Charge schedule');
    expect(String(rows[0]![0])).toBe('Charge schedule: Lantern');
    expect(rows[3]![0]).toBe('Lee Barker');
    expect(String(rows[3]![14])).toContain('convicted');
  });
});
