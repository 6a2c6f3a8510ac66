/**
 * Issue 15, reports: the MG6C schedule marks used material (messages charged as counts or cited by
 * allegations) as used, not as unused material that "may meet the disclosure test"; the charge
 * schedule shows each defendant's court appearances and sentence, and a count charged in time is
 * not flagged as out of time; record dates are printed in words ("February 2022"), as the summary
 * writes them. Checked at the data level (XLSX and CSV cells) and in the PDF's text.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { outOfTime } from '../../src/reports/charges.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { tempDir } from '../support/device.js';
import { pdfText } from '../support/pdf.js';

const CHAT = [
  '01/03/2021, 09:00 - Ann created group "Shift C"',
  '01/03/2021, 09:05 - Ann: those zorblax again',
  '02/03/2021, 22:00 - Bob: zorblax everywhere',
  '03/03/2021, 22:00 - Ann: morning',
].join('\n');

describe('outOfTime', () => {
  const row = {
    limitationDate: '2024-05-13',
    chargedOn: null as string | null,
    daysLeft: 3 as number | null,
  };
  it('only a count charged late, or not charged after its last day, is out of time', () => {
    const r = (x: Partial<typeof row>) => outOfTime({ ...row, ...x } as Parameters<typeof outOfTime>[0]);
    expect(r({ chargedOn: '2024-05-13' })).toBe(false);
    expect(r({ chargedOn: '2024-05-14' })).toBe(true);
    expect(r({ daysLeft: 0 })).toBe(false);
    expect(r({ daysLeft: -1 })).toBe(true);
  });
});

describe.each(BACKENDS)('schedules from the case record on %s', { timeout: 180_000 }, (backend) => {
  let ws: Workspace;
  let dir: string;
  let ids: number[];
  const run = async (...args: string[]) => {
    const r = await ws.cli(args);
    if (r.code !== 0) throw new Error(`${args.join(' ')}: ${r.err}`);
    return r;
  };

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    dir = tempDir('scrutineer-record-schedules-');
    const file = path.join(dir, 'chat.txt');
    writeFileSync(file, CHAT);
    await run('case', 'create', 'S');
    await run('exhibit', 'add', 'S', file, '--ref', 'R/1', '--date-order', 'dmy');
    ids = (await run('messages', 'S', '--jsonl')).out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: number }).id);
    for (const name of ['Ann', 'Bob'])
      await run('person', 'add', 'S', '--name', name, '--role', 'subject', '--status', 'serving');
    await run('record', 'case', 'S', '--referral-date', '2021-06-01', '--start-date', '2021-06-10');
    await run('record', 'assess', 'S', 'Bob', '--severity', 'gross_misconduct', '--on', '2021-06-12');
    await run(
      'record',
      'notice',
      'S',
      'Bob',
      '--kind',
      'reg17',
      '--on',
      '2021-06-15',
      '--conduct',
      'c',
      '--standard',
      'Discreditable Conduct',
    );
    await run(
      'record',
      'allegation',
      'S',
      'Bob',
      '--standard',
      'Discreditable Conduct',
      '--description',
      'd',
      '--messages',
      String(ids[2]),
    );
    await run('record', 'refer', 'S', '--on', '2021-09-01', '--exhibit', 'R/1');
    await run('record', 'charging', 'S', 'Ann', '--on', '2021-12-01', '--decision', 'charge');
    await run('record', 'charge', 'S', 'Ann', '--messages', String(ids[1]), '--on', '2022-01-05');
    await run(
      'record',
      'appearance',
      'S',
      'Ann',
      '--on',
      '2022-02',
      '--court',
      "Westminster Magistrates' Court",
      '--purpose',
      'first appearance',
    );
    await run(
      'record',
      'appearance',
      'S',
      'Ann',
      '--on',
      '2022-02-20',
      '--court',
      'Southwark',
      '--purpose',
      'trial',
    );
    await run('record', 'verdict', 'S', '1', '--verdict', 'convicted', '--on', '2022-03-01');
    await run('record', 'sentence', 'S', 'Ann', '--on', '2022-04-01', '--sentence', "12 weeks' imprisonment");
  });
  afterAll(async () => ws.cleanup());

  it('charge schedule (XLSX): court appearances and sentence per defendant; charged in time', async () => {
    const file = path.join(dir, 'charges.xlsx');
    await run('report', 'charges', 'S', '-o', file, '--today', '2026-01-01');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows: unknown[][] = [];
    wb.getWorksheet('Charge schedule')!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    const header = rows[2]!;
    const count = rows[3]!;
    const col = (name: string) => count[header.indexOf(name)];
    // Record dates in words, as the summary writes them; a month-only date first among its days.
    expect(col('Court appearances')).toBe(
      "February 2022 Westminster Magistrates' Court (first appearance); 20 February 2022 Southwark (trial)",
    );
    expect(col('Sentence')).toBe("1 April 2022: 12 weeks' imprisonment");
    expect(col('Verdict')).toBe('convicted (1 March 2022)');
    expect(col('Limited by')).toBe('3 years beginning with the day of sending');
    expect(col('Limitation date')).toBe('2024-02-29'); // 3 years beginning with 1 March 2021
    expect(col('Charged on')).toBe('2022-01-05');
  });

  it('charge schedule (PDF): record dates in words, never a bare "2022-02"', async () => {
    const file = path.join(dir, 'charges.pdf');
    await run('report', 'charges', 'S', '-o', file, '--today', '2026-01-01');
    const text = pdfText(file).replace(/\s+/gu, ' ');
    expect(text).toContain(
      "Court: February 2022 Westminster Magistrates' Court (first appearance); 20 February 2022",
    );
    expect(text).toContain("Sentence: 1 April 2022: 12 weeks' imprisonment");
    expect(text).toContain('verdict: convicted (1 March 2022)');
    expect(text).not.toMatch(/\b2022-02\b(?!-)/u);
  });

  it('MG6C schedule (CSV): the charged and the cited messages are marked used, not unused', async () => {
    const out = path.join(dir, 'csv');
    mkdirSync(out, { recursive: true });
    await run('report', 'unused', 'S', '-o', path.join(out, 'unused.csv'));
    const text = readFileSync(path.join(out, 'unused.csv'), 'utf8');
    const used = text.split('\r\n').filter((l) => l.includes(',used,'));
    expect(used).toHaveLength(2);
    expect(used[0]).toContain('USED MATERIAL, not unused');
    expect(used[0]).toContain('count 1 against Ann, charged 5 January 2022');
    expect(used[1]).toContain('cited by allegation');
    expect(used.join('\n')).not.toContain('may meet the disclosure test');
  });
});
