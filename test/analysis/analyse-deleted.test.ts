/**
 * A deleted message's text is WhatsApp's placeholder, in the phone's language, not the sender's words:
 * the analysis gives it a row (every message is analysed) but never flags it. A German iOS export's
 * "‎Diese Nachricht wurde gelöscht." was flagged as a slur ("Diese" through fuzzy spelling).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const CHAT = [
  '[31.12.23, 23:59:59] Anna: Frohes neues Jahr',
  '\u200E[01.01.24, 00:01:00] Anna: \u200EDiese Nachricht wurde gelöscht.',
  '[01.01.24, 00:02:00] Jörg: Travellers are vermin',
].join('\n');

describe.each(BACKENDS)('analyse: deleted placeholders on %s', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const file = path.join(
      mkdtempSync(path.join(tmpdir(), 'scrutineer-deleted-')),
      'WhatsApp Chat - Silvester.txt',
    );
    writeFileSync(file, `${CHAT}\n`);
    await ws.cli(['case', 'create', 'Silvester']);
    const add = await ws.cli([
      'exhibit',
      'add',
      'Silvester',
      file,
      '--ref',
      'D/1',
      '--timezone',
      'Europe/Berlin',
    ]);
    expect(add.code, add.err).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('analyses every message and flags the hate, never the placeholder', async () => {
    const run = await ws.json<{ run: { messages: number; flagged: number } }>(['analyse', 'Silvester']);
    expect(run.run.messages).toBe(3);
    const flags = (await ws.cli(['flags', 'Silvester', '--jsonl'])).out
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { message: { text: string } });
    expect(flags.map((f) => f.message.text)).toEqual(['Travellers are vermin']);
  });
});
