import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { classifyStream, registerClassify } from '../../src/cli/commands/classify.js';

async function run(
  input: string,
  opts: Parameters<typeof classifyStream>[2],
): Promise<Record<string, unknown>[]> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await classifyStream(Readable.from([input]), out, opts);
  out.end();
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('scrutineer classify', () => {
  it('writes one result per JSONL line, in order, with the documented fields', async () => {
    const input = [
      JSON.stringify({ id: 'm1', text: 'immigrants are vermin' }),
      JSON.stringify({ text: 'see you at 6' }),
      'not json at all, women are scum',
      '',
      '{"broken json',
    ].join('\n');
    const rows = await run(input, { jsonl: true });
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.id)).toEqual(['m1', 2, 3, 4, 5]);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'score', 'flagged', 'categories', 'spans', 'version']);
    expect(rows[0]!.flagged).toBe(true);
    expect(rows[1]!.flagged).toBe(false);
    expect(rows[2]!.flagged).toBe(true);
    const span = (rows[0]!.spans as { start: number; end: number; text: string }[])[0]!;
    expect('immigrants are vermin'.slice(span.start, span.end)).toBe(span.text);
  });

  it('reads a message after the messages before it when a JSONL line gives them', async () => {
    const reply = "they're all the same";
    const rows = await run(
      [
        JSON.stringify({ id: 'alone', text: reply }),
        JSON.stringify({
          id: 'ctx',
          text: reply,
          before: ['on my way', 'two romanians brought in for the tesco job'],
        }),
        JSON.stringify({ id: 'odd', text: reply, before: [42, null] }),
      ].join('\n'),
      { jsonl: true },
    );
    expect(rows.map((r) => r.flagged)).toEqual([false, true, false]);
    const cats = rows[1]!.categories as { name: string }[];
    expect(cats[0]!.name).toBe('race_ethnicity');
  });

  it('accepts plain text lines without --jsonl (id = line number) and CRLF', async () => {
    const rows = await run('hello\r\n{"text":"x"}\r\n', {});
    expect(rows.map((r) => r.id)).toEqual([1, 2]);
  });

  it('loads a case term list and records its version', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'flagger-'));
    const file = path.join(dir, 'terms.json');
    writeFileSync(
      file,
      JSON.stringify({
        version: 'case-7/v1',
        terms: [{ term: 'bluebell', category: 'victims_of_crime', severity: 3 }],
      }),
    );
    const rows = await run('bluebell again lol', { caseTerms: file });
    expect(rows[0]!.flagged).toBe(true);
    expect((rows[0]!.version as { caseTerms: string }).caseTerms).toBe('case-7/v1');
  });

  it('registers the classify command on a commander program', () => {
    const program = new Command();
    registerClassify(program);
    const cmd = program.commands.find((c) => c.name() === 'classify')!;
    expect(cmd).toBeDefined();
    expect(cmd.options.map((o) => o.long)).toContain('--jsonl');
  });
});
