/**
 * Regressions found by the outside-in acceptance pass (docs/acceptance-reports.md): a small export
 * with multi-line messages, system lines, an edit, emoji and non-Latin scripts, driven through the CLI
 * against a real store.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRsmf } from '../../src/ingest/rsmf/reader.js';
import type { RsmfManifest } from '../../src/ingest/rsmf/manifest.js';
import { BACKENDS, jsonLines, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';
import { tempDir } from '../support/device.js';
import { pdfText, POPPLER_SKIPPED } from '../support/demo-case.js';
import { rsmfBytes } from '../support/rsmf.js';

const CHAT = [
  '12/03/2023, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
  '12/03/2023, 09:01 - Alice Green created group "Night Shift"',
  '12/03/2023, 09:02 - Alice Green added Bob Stone',
  '12/03/2023, 09:02 - Alice Green added Карл Иванов',
  '12/03/2023, 09:03 - Alice Green: Morning all 👋🏽 ready for tonight?',
  '12/03/2023, 09:04 - Bob Stone: Line one',
  'line two of a multi-line message',
  '',
  'line four after a blank',
  '12/03/2023, 09:05 - Карл Иванов: Привет всем! Ελληνικά επίσης. مرحبا بالجميع',
  '12/03/2023, 09:08 - Bob Stone: Those pikeys on the common again, bulldoze the lot 😂 <This message was edited>',
  '12/03/2023, 09:09 - Карл Иванов: 😂😂 👨‍👩‍👧 🇬🇧',
  '27/03/2023, 10:00 - Карл Иванов left',
  '28/03/2023, 11:00 - Bob Stone: Another car full of Romanians, should ship the lot of them back',
  '28/03/2023, 11:01 - Alice Green: 🙄',
  '',
].join('\n');

interface Line {
  id: number;
  sender: string | null;
  kind: string;
  text: string;
  utc: string;
  localTime: string;
  edited: boolean;
  editedAt: string | null;
  deleted: string | null;
  raw: Record<string, string> | null;
}

const lines = (out: string) => jsonLines<Line>(out);

async function sheetRows(file: string, name: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name)!;
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

function rsmfFile(file: string, m: unknown, extra: Record<string, Uint8Array> = {}, version = '2.0.0'): void {
  const eml = rsmfBytes(m, extra).toString('latin1');
  writeFileSync(
    file,
    Buffer.from(eml.replace('X-RSMF-Version: 2.0.0', `X-RSMF-Version: ${version}`), 'latin1'),
  );
}

if (PG_SKIPPED) describe.skip(`acceptance regressions on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('acceptance regressions on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir('scrutineer-acc-');
  const run = async (args: string[]) => {
    const r = await ws.cli(args);
    if (r.code !== 0) throw new Error(`scrutineer ${args.join(' ')}: ${r.err}`);
    return r;
  };
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const chat = path.join(dir, 'WhatsApp Chat with Night Shift.txt');
    writeFileSync(chat, CHAT);
    await run(['case', 'create', 'Acc']);
    await run(['exhibit', 'add', 'Acc', chat, '--ref', 'AB/1', '--date-order', 'dmy']);
    await run(['analyse', 'Acc']);
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('MG6C bulk items: one line range, system lines not counted as senders, a single message named singly', async () => {
    const file = path.join(dir, 'unused.xlsx');
    await run(['report', 'unused', 'Acc', '-o', file]);
    const rows = await sheetRows(file, 'MG6C schedule');
    const items = rows.slice(rows.findIndex((x) => x[0] === 'Item No.') + 1);
    const bulk = items.filter((x) => x[4] === 'bulk').map((x) => [String(x[1]), String(x[2])]);
    // Messages 1–7: four system lines, then Alice, Bob (lines 6–9) and Карл.
    expect(bulk[0]![0]).toMatch(/^Messages 1–\d+ of exhibit AB\/1 \("Night Shift"\), 12\/03\/2023: /u);
    expect(bulk[0]![0]).toContain('7 message(s) from 3 sender(s) and 4 system line(s)');
    expect(bulk[0]![1]).toBe('AB/1 lines 1–10');
    for (const [, ref] of bulk) expect(ref).not.toMatch(/ to /u);
    // The last message (Alice's eye-roll) alone in a bulk item.
    const last = bulk[bulk.length - 1]!;
    expect(last[0]).toMatch(/^Message \d+ of exhibit AB\/1/u);
    expect(last[1]).toBe('AB/1 line 15');
  });

  it.skipIf(POPPLER_SKIPPED)('charge schedule: a count charged in time is not shown as expired', async () => {
    const msgs = lines((await run(['messages', 'Acc', '--jsonl'])).out);
    const romanians = msgs.find((m) => m.text.startsWith('Another car'))!;
    // The defendant is the sender as the export names him: a count is the defendant's own message.
    await run(['person', 'add', 'Acc', '--name', 'Bob Stone', '--role', 'subject']);
    await run(['record', 'case', 'Acc', '--evidence-sufficient', '2023-06-01']);
    await run(['record', 'refer', 'Acc', '--on', '2023-05-01', '--exhibit', 'AB/1']);
    await run(['record', 'charging', 'Acc', 'Bob Stone', '--on', '2023-06-15', '--decision', 'charge']);
    await run([
      'record',
      'charge',
      'Acc',
      'Bob Stone',
      '--messages',
      String(romanians.id),
      '--on',
      '2023-07-01',
    ]);
    await run(['record', 'verdict', 'Acc', '1', '--verdict', 'convicted', '--on', '2023-10-01']);
    const pdf = path.join(dir, 'charges.pdf');
    await run(['report', 'charges', 'Acc', '--today', '2026-01-01', '-o', pdf]);
    const text = pdfText(pdf).replace(/\s+/gu, ' ');
    expect(text).toContain(
      'limitation date 2023-11-30 (6 months beginning with the evidence-sufficient date)',
    );
    expect(text).toContain('charged within the limit');
    expect(text).not.toMatch(/expired \d+ days ago/u);
    expect(text).toContain('verdict: convicted (1 October 2023)');
  });

  it('options given wrongly are usage errors (exit 2) and write nothing: RSMF --context, --from after --to, --today, bundle --context', async () => {
    const out = path.join(dir, 'wrong.rsmf');
    for (const args of [
      ['export', 'rsmf', 'Acc', '--hits', '--context', 'abc', '-o', out],
      ['export', 'rsmf', 'Acc', '--hits', '--context', '-5', '-o', out],
      ['export', 'rsmf', 'Acc', '--hits', '--context', '2.5', '-o', out],
      ['export', 'rsmf', 'Acc', '--from', '2023-03-28', '--to', '2023-03-01', '-o', out],
      ['report', 'bundle', 'Acc', '--person', 'Bob Stone', '--context', '51', '-o', path.join(dir, 'w.pdf')],
      ['report', 'charges', 'Acc', '--today', '2023-W05', '-o', path.join(dir, 'w.pdf')],
    ]) {
      const r = await ws.cli(args);
      expect([args.join(' '), r.code]).toEqual([args.join(' '), 2]);
    }
    expect(existsSync(out)).toBe(false);
    expect(existsSync(path.join(dir, 'w.pdf'))).toBe(false);
  });

  it('RSMF: joins and leaves name who joined or left; our own export imports back with no invented edit time', async () => {
    const file = path.join(dir, 'acc.rsmf');
    await run(['export', 'rsmf', 'Acc', '-o', file]);
    const { manifest } = readRsmf(readFileSync(file), 'acc.rsmf');
    // The summary part records the flagger and term-list versions beside the software and input hashes.
    const b64 =
      /Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n\r\n/u.exec(
        readFileSync(file, 'latin1'),
      )![1]!;
    const summary = Buffer.from(b64, 'base64').toString('utf8');
    expect(summary).toMatch(
      /^Analysis run \(flagger and term-list versions\): run 1 .*engine scrutineer-flagger\//mu,
    );
    expect(summary).toMatch(/Exhibit AB\/1 SHA-256 [0-9a-f]{64}/u);
    const display = new Map(manifest.participants.map((p) => [p.id, p.display]));
    const joins = manifest.events.filter((e) => e.type === 'join' || e.type === 'leave');
    expect(joins.map((e) => [e.type, display.get(e.participant ?? '')])).toEqual([
      ['join', 'Alice Green'],
      ['join', 'Bob Stone'],
      ['join', 'Карл Иванов'],
      ['leave', 'Карл Иванов'],
    ]);

    await run(['case', 'create', 'Copy']);
    await run(['exhibit', 'add', 'Copy', file, '--ref', 'XY/1']);
    const pick = (m: Line) => [m.sender, m.kind, m.text, m.utc, m.localTime, m.edited, m.editedAt, m.deleted];
    const a = lines((await run(['messages', 'Acc', '--jsonl'])).out);
    const b = lines((await run(['messages', 'Copy', '--jsonl'])).out);
    expect(b.map(pick)).toEqual(a.map(pick));
    expect(b.find((m) => m.edited)!.editedAt).toBeNull();
    // Membership (from the system events) is the same; join rows carry no sender.
    type Mem = {
      timelines: {
        intervals: {
          participant: string;
          from: { utc: string | null; basis: string };
          to: { utc: string | null; basis: string };
          certainty: string;
        }[];
      }[];
    };
    const flat = (m: Mem) =>
      m.timelines.flatMap((t) =>
        t.intervals.map((x) => [x.participant, x.from.utc, x.from.basis, x.to.utc, x.to.basis, x.certainty]),
      );
    const memA = flat(await ws.json<Mem>(['membership', 'Acc']));
    expect(memA).toHaveLength(3);
    expect(flat(await ws.json<Mem>(['membership', 'Copy']))).toEqual(memA);
  });

  it("RSMF import: keeps another tool's edit history; refuses a zip entry escaping its folder and a non-2.x header, writing nothing", async () => {
    const m: RsmfManifest = {
      version: '2.0.0',
      participants: [
        { id: 'a', display: 'Δημήτρης' },
        { id: 'b', display: 'Sam' },
      ],
      conversations: [{ id: 'd', type: 'direct', participants: ['a', 'b'], custodian: 'a' }],
      events: [
        {
          id: 'e1',
          type: 'message',
          participant: 'a',
          conversation: 'd',
          timestamp: '2023-04-01T10:01:00+01:00',
          body: 'nice one',
          edits: [
            { participant: 'a', timestamp: '2023-04-01T10:05:00+01:00', previous: 'nice', new: 'nice one' },
          ],
        },
        {
          id: 'e2',
          type: 'history',
          conversation: 'd',
          timestamp: '2023-04-01T11:00:00+01:00',
          body: 'cleared',
        },
      ],
    };
    await run(['case', 'create', 'Other']);
    const good = path.join(dir, 'other.rsmf');
    rsmfFile(good, m);
    await run(['exhibit', 'add', 'Other', good, '--ref', 'OT/1']);
    const got = lines((await run(['messages', 'Other', '--jsonl'])).out);
    expect(got[0]!.editedAt).toBe('2023-04-01T09:05:00.000Z');
    expect(JSON.parse(got[0]!.raw!['rsmf.edits']!)).toEqual(m.events[0]!.edits);
    expect(got[1]!.raw).toEqual({ 'rsmf.type': 'history' });

    const before = (await ws.json<{ messages: number }>(['stats', 'Other'])).messages;
    const escape = path.join(dir, 'escape.rsmf');
    rsmfFile(escape, { ...m, events: [m.events[0]] }, { '../evil.txt': strToU8('x') });
    const r1 = await ws.cli(['exhibit', 'add', 'Other', escape, '--ref', 'OT/2']);
    expect(r1.code).toBe(1);
    expect(r1.err).toMatch(/escape\.rsmf: rsmf\.zip entry "\.\.\/evil\.txt" would escape its folder/u);
    const v3 = path.join(dir, 'v3.rsmf');
    rsmfFile(v3, { ...m, events: [m.events[0]] }, {}, '3.0.0');
    const r2 = await ws.cli(['exhibit', 'add', 'Other', v3, '--ref', 'OT/3']);
    expect(r2.code).toBe(1);
    expect(r2.err).toMatch(/X-RSMF-Version is "3\.0\.0": only RSMF 2\.x files are read/u);
    // rsmf.zip is unzipped in memory: an attachment that expands past the limit is refused first.
    const bomb = path.join(dir, 'bomb.rsmf');
    rsmfFile(bomb, { ...m, events: [m.events[0]] }, { 'zeros.bin': new Uint8Array(4 * 1024 * 1024) });
    const r3 = await ws.cli(['exhibit', 'add', 'Other', bomb, '--ref', 'OT/4'], {
      SCRUTINEER_MAX_ZIP_BYTES: String(1024 * 1024),
    });
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/bomb\.rsmf: rsmf\.zip would expand to more than 1048576 bytes/u);
    expect((await ws.json<{ messages: number }>(['stats', 'Other'])).messages).toBe(before);
    const exhibits = await ws.json<unknown[]>(['exhibit', 'list', 'Other']);
    expect(exhibits).toHaveLength(1);
  });
  it('RSMF --conversation by a name two conversations share is refused, naming their ids', async () => {
    await run(['case', 'create', 'Twice']);
    const a = path.join(dir, 'a', 'WhatsApp Chat with Night Shift.txt');
    const b = path.join(dir, 'b', 'WhatsApp Chat with Night Shift.txt');
    mkdirSync(path.dirname(a));
    mkdirSync(path.dirname(b));
    writeFileSync(a, CHAT);
    writeFileSync(b, `${CHAT}29/03/2023, 12:00 - Bob Stone: seen on the second phone only\n`);
    await run(['exhibit', 'add', 'Twice', a, '--ref', 'AB/1', '--date-order', 'dmy']);
    await run(['exhibit', 'add', 'Twice', b, '--ref', 'AB/2', '--date-order', 'dmy']);
    const out = path.join(dir, 'twice.rsmf');
    const r = await ws.cli(['export', 'rsmf', 'Twice', '--conversation', 'Night Shift', '-o', out]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /2 conversations are named "Night Shift" \(ids \d+, \d+\): give --conversation by id/u,
    );
    expect(existsSync(out)).toBe(false);
  });
});
