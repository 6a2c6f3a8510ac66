import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const CHAT = [
  '13/03/2021, 09:10 - PC Dan Hughes: morning all, van 4 is back on the road',
  '13/03/2021, 09:11 - PC Ryan Clarke: Had a proper window licker in custody today',
  '13/03/2021, 09:12 - Sgt Kate Morris: mate that is out of order',
  '13/03/2021, 09:13 - PC Ryan Clarke: Bloody pikeys on the common again, bulldoze the lot',
  '13/03/2021, 09:14 - PC Dan Hughes: Saw Bluebell at the station again, state of her',
].join('\n');

interface FlagLine {
  messageId: number;
  score: number;
  flagged: boolean;
  categories: { name: string; score: number }[];
  spans: { start: number; end: number; text: string; category: string; reason: string }[];
  version: Record<string, string>;
  message: { text: string; lineStart: number; exhibit: string };
}

const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as FlagLine);

describe.each(BACKENDS)('analyse, flags and case term lists on %s', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-analyse-'));
    const file = path.join(dir, 'chat.txt');
    writeFileSync(file, CHAT);
    await ws.cli(['case', 'create', 'Flags']);
    const add = await ws.cli(['exhibit', 'add', 'Flags', file, '--ref', 'F/1']);
    expect(add.code).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('refuses to list flags before a case is analysed', async () => {
    const r = await ws.cli(['flags', 'Flags']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('has not been analysed');
  });

  it('flags every message, highest score first, with spans into the original text and versions', async () => {
    const run = await ws.json<{
      run: { id: number; messages: number; flagged: number; version: Record<string, string> };
    }>(['analyse', 'Flags']);
    expect(run.run.messages).toBe(5);
    expect(run.run.flagged).toBeGreaterThanOrEqual(2);
    expect(run.run.version.engine).toMatch(/flagger/);
    const flags = lines((await ws.cli(['flags', 'Flags', '--jsonl'])).out);
    expect(flags.length).toBe(run.run.flagged);
    const texts = flags.map((f) => f.message.text);
    expect(texts).toContain('Had a proper window licker in custody today');
    expect(texts).not.toContain('morning all, van 4 is back on the road');
    for (let i = 1; i < flags.length; i++)
      expect(flags[i - 1]!.score).toBeGreaterThanOrEqual(flags[i]!.score);
    for (const f of flags) {
      expect(f.flagged).toBe(true);
      expect(f.message.exhibit).toBe('F/1');
      for (const s of f.spans) expect(f.message.text.slice(s.start, s.end)).toBe(s.text);
    }
    const all = lines((await ws.cli(['flags', 'Flags', '--jsonl', '--all'])).out);
    expect(all).toHaveLength(5);
  });

  it('a case term makes a new term-list version; re-analysis uses it and keeps the old run', async () => {
    const before = lines((await ws.cli(['flags', 'Flags', '--jsonl'])).out);
    expect(before.map((f) => f.message.text).some((t) => t.includes('Bluebell'))).toBe(false);
    const added = await ws.json<{ version: number }>([
      'terms',
      'add',
      'Flags',
      'Bluebell',
      '--category',
      'victims_of_crime',
      '--severity',
      'high',
      '--note',
      'nickname used for the complainant',
    ]);
    expect(added.version).toBe(1);
    const bad = await ws.cli(['terms', 'add', 'Flags', 'x', '--category', 'nonsense']);
    expect(bad.code).toBe(2); // a usage error
    const second = await ws.json<{ run: { id: number; version: Record<string, string> } }>([
      'analyse',
      'Flags',
    ]);
    expect(JSON.stringify(second.run.version)).toContain('terms-v1');
    const after = lines((await ws.cli(['flags', 'Flags', '--jsonl'])).out);
    const bluebell = after.find((f) => f.message.text.includes('Bluebell'));
    expect(bluebell?.categories.map((c) => c.name)).toContain('victims_of_crime');
    expect(bluebell?.spans.some((s) => s.text === 'Bluebell')).toBe(true);
    const old = lines((await ws.cli(['flags', 'Flags', '--jsonl', '--run', String(second.run.id - 1)])).out);
    expect(old.map((f) => f.messageId)).toEqual(before.map((f) => f.messageId));
    const verify = await ws.cli(['verify']);
    expect(verify.code).toBe(0);
  });

  it('reports hits, unique hits and reviewed hits per term, and saves the report in the case', async () => {
    await ws.cli(['terms', 'add', 'Flags', 'van', '--category', 'other_derogatory']);
    interface Report {
      termListVersion: number;
      rows: { term: string; hits: number; unique: number; reviewed: number }[];
      messagesHit: number;
      messagesInCase: number;
      saved: { id: number; sha256: string } | null;
    }
    const report = await ws.json<Report>(['terms', 'report', 'Flags']);
    // In CHAT, "Bluebell" is in one message and "van" in another.
    expect(report.rows.map((r) => [r.term, r.hits, r.unique, r.reviewed])).toEqual([
      ['Bluebell', 1, 1, 0],
      ['van', 1, 1, 0],
    ]);
    expect(report).toMatchObject({ messagesHit: 2, messagesInCase: CHAT.split('\n').length, saved: null });
    const saved = await ws.json<Report>(['terms', 'report', 'Flags', '--save', '--note', 'sweep 1']);
    expect(saved.saved?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await ws.cli(['verify'])).code).toBe(0);
    const text = await ws.cli(['terms', 'report', 'Flags']);
    expect(text.out).toContain('2 of 5 messages hit by a term');
  });

  it('takes a term off the list as a new version, and refuses a term the list lacks', async () => {
    const removed = await ws.json<{ version: number; terms: { term: string }[] }>([
      'terms',
      'remove',
      'Flags',
      'Bluebell',
    ]);
    expect(removed).toMatchObject({ version: 3, terms: [{ term: 'van' }] });
    const gone = await ws.cli(['terms', 'remove', 'Flags', 'Bluebell']);
    expect(gone.code).toBe(1);
    expect(gone.err).toMatch(/"Bluebell" is not on the case's term list/u);
  });
});
