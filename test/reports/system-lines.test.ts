/**
 * A system line the export wrote under a name (a group notice under the group's name, an unknown
 * notice under a member's) is named in every report as the CLI names it (senderLabel): '(system)
 * written under "Ann"', never a bare "(system)". Per format: the evidence bundle and the charge
 * schedule (PDF text), the charge and unused-material schedules (XLSX cells, CSV), and the RSMF
 * export, which keeps the name in `scrutineer.displayedAuthor`, gives the member's notice that
 * member as its participant, makes no participant of the group's name, and imports back with it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRsmfEml } from '../../src/ingest/rsmf/eml.js';
import type { RsmfManifest } from '../../src/ingest/rsmf/manifest.js';
import { buildChargeSchedule } from '../../src/reports/charges.js';
import { makeReport, type MadeReport, type ReportRequest } from '../../src/reports/generate.js';
import { jsonLines } from '../support/cli.js';
import { pdfText } from '../support/pdf.js';
import { fixedCase, GROUP, NOTICE_AUTHOR, type FixedCase } from './fixed-case.js';

const UNDER_ANN = `(system) written under "${NOTICE_AUTHOR}"`;
const UNDER_GROUP = `(system) written under "${GROUP}"`;

let c: FixedCase;
/** Message ids by line of the fixed chat (1-based). */
let id: (line: number) => number;
beforeAll(async () => {
  c = await fixedCase();
  id = (line) => c.ids[line - 1]!;
}, 180_000);
afterAll(async () => c?.cleanup());

const make = (request: ReportRequest): Promise<MadeReport> =>
  makeReport(c.store, c.theCase, request, { workspace: c.ws.dir });

function textOf(made: MadeReport, name: string): string {
  const file = path.join(c.dir, name);
  writeFileSync(file, made.bytes);
  return pdfText(file);
}

async function cells(made: MadeReport, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(made.bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
  return rows;
}

describe('system lines written under a name, in every report', { timeout: 120_000 }, () => {
  it('evidence bundle (PDF): each context line carries the name it was written under', async () => {
    const text = textOf(await make({ kind: 'bundle', person: 'Ann', context: 3 }), 'bundle.pdf');
    expect(text).toContain(`#${id(1)} · ${UNDER_GROUP} · F/1 line 1`);
    expect(text).toContain(`#${id(8)} · ${UNDER_ANN} · F/1 line 8`);
    expect(text).not.toMatch(/· \(system\) ·/u);
  });

  it('charge schedule (PDF and XLSX): a count citing the notice names it, the row keeps the name', async () => {
    const text = textOf(await make({ kind: 'charges', format: 'pdf' }), 'charges.pdf');
    expect(text).toContain(`#${id(8)} · ${UNDER_ANN} · F/1 line 8`);
    expect(text).toContain(`#${id(4)} · Ann · F/1 line 4`);
    const rows = await cells(await make({ kind: 'charges', format: 'xlsx' }), 'Charge schedule');
    const texts = rows.slice(3).map((r) => r[5]);
    // The notice alone in its count is still named as a system line; Ann's own message is her text.
    expect(texts).toEqual(['those zorblax again', `${UNDER_ANN}: \u200ENachricht gelöscht`]);
    const schedule = await buildChargeSchedule(c.store, c.theCase, { format: 'xlsx' });
    expect(schedule.rows.map((r) => r.messages.map((m) => [m.sender, m.displayedAuthor]))).toEqual([
      [['Ann', undefined]],
      [[null, NOTICE_AUTHOR]],
    ]);
  });

  it('unused-material schedule (XLSX and CSV): individual and used items name the line', async () => {
    const xlsx = await cells(await make({ kind: 'unused', format: 'xlsx' }), 'MG6C schedule');
    const itemOf = (line: number) => xlsx.find((r) => r[1]?.includes(`#${id(line)},`))?.[1];
    expect(itemOf(8)).toContain(`, from ${UNDER_ANN} at 02/03/2021, 22:01:00`);
    expect(itemOf(14)).toMatch(
      new RegExp(`^USED MATERIAL.*from \\(system\\) written under "${GROUP}" at`, 'u'),
    );
    const csv = (await make({ kind: 'unused', format: 'csv' })).bytes.toString('utf8');
    expect(csv).toContain(`from (system) written under ""${NOTICE_AUTHOR}"" at`);
    expect(csv).toContain(`from (system) written under ""${GROUP}"" at`);
    expect(csv).not.toContain('from (system) at');
  });

  it('RSMF: the name in the event; the member as participant, the group never one; imports back', async () => {
    const made = await make({ kind: 'rsmf', hits: false, context: 3 });
    const json = readRsmfEml(made.bytes, 'export.rsmf').files.get('rsmf_manifest.json')!;
    const manifest = JSON.parse(Buffer.from(json).toString('utf8')) as RsmfManifest;
    const event = (line: number) => manifest.events.find((e) => e.id === `E${id(line)}`)!;
    const author = (line: number) =>
      event(line).custom?.find((x) => x.name === 'scrutineer.displayedAuthor')?.value;
    const participant = (name: string) => manifest.participants.find((p) => p.display === name)?.id;
    expect(author(8)).toBe(NOTICE_AUTHOR);
    expect(event(8)).toMatchObject({ type: 'unknown', participant: participant(NOTICE_AUTHOR) });
    expect(author(14)).toBe(GROUP);
    // "Cy left": who left is the event's participant, as before; the group's name is no participant.
    expect(event(14)).toMatchObject({ type: 'leave', participant: participant('Cy') });
    expect(participant(GROUP)).toBeUndefined();
    expect(author(4)).toBeUndefined();

    const file = path.join(c.dir, 'export.rsmf');
    writeFileSync(file, made.bytes);
    for (const args of [
      ['case', 'create', 'Back'],
      ['exhibit', 'add', 'Back', file, '--ref', 'B/1'],
    ])
      expect((await c.ws.cli(args)).code).toBe(0);
    const back = jsonLines<{ sender: string | null; displayedAuthor: string | null; text: string }>(
      (await c.ws.cli(['messages', 'Back', '--jsonl'])).out,
    );
    expect(back.map((m) => [m.sender, m.displayedAuthor])).toEqual(
      jsonLines<{ sender: string | null; displayedAuthor: string | null }>(
        (await c.ws.cli(['messages', 'Fixed', '--jsonl'])).out,
      ).map((m) => [m.sender, m.displayedAuthor]),
    );
    expect(back[7]).toMatchObject({ sender: null, displayedAuthor: NOTICE_AUTHOR });
  });
});
