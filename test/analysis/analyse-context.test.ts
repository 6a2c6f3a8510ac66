/**
 * The case analysis reads a reply after the messages it answers (engine 2.6): within half an hour in
 * the same conversation, never across a longer gap.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const CHAT = [
  '[21/03/2024, 10:00:00] Dave: two romanians brought in for the tesco job',
  "[21/03/2024, 10:01:00] Sam: they're all the same",
  '[21/03/2024, 14:00:00] Dave: new family moved in at no 9, muslims',
  '[21/03/2024, 16:30:00] Sam: they breed like rabbits',
  '[21/03/2024, 16:31:00] Jo: lol',
].join('\n');

describe.each(BACKENDS)('analyse: replies read in context on %s', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), 'scrutineer-context-')),
      'WhatsApp Chat - Team.txt',
    );
    writeFileSync(file, `${CHAT}\n`);
    await ws.cli(['case', 'create', 'Context']);
    const add = await ws.cli([
      'exhibit',
      'add',
      'Context',
      file,
      '--ref',
      'C/1',
      '--timezone',
      'Europe/London',
    ]);
    expect(add.code, add.err).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('flags the reply that attacks the group named just before, not one two and a half hours later', async () => {
    const run = await ws.json<{ run: { messages: number; flagged: number } }>(['analyse', 'Context']);
    expect(run.run.messages).toBe(5);
    const flags = (await ws.cli(['flags', 'Context', '--jsonl'])).out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message: { text: string }; categories: { name: string }[] });
    expect(flags.map((f) => f.message.text)).toEqual(["they're all the same"]);
    expect(flags[0]!.categories.map((c) => c.name)).toContain('race_ethnicity');
  });
});
