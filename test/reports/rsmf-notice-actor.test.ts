/**
 * An RSMF event for a group notice with a named actor ("Ann changed the subject", "Ann made Bob an
 * admin") carries that actor as its participant, so a reviewer filtering the RSMF by participant finds
 * the notice under who did it; a notice with no actor (the encryption disclaimer) has none.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRsmf } from '../../src/ingest/rsmf/reader.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';
import { tempDir } from '../support/device.js';

const CHAT = [
  '[01/03/2021, 08:00:00] Night shift: \u200EMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  '[01/03/2021, 08:00:01] Night shift: \u200EAnn created group “Night shift”',
  '[01/03/2021, 08:00:02] Night shift: \u200EAnn added Bob',
  '[01/03/2021, 09:00:00] Bob: morning',
  '[01/03/2021, 09:01:00] Night shift: \u200EAnn changed the subject from “Night shift” to “Nights”',
  '[01/03/2021, 09:02:00] Ann: better',
].join('\n');

describe.each(BACKENDS)('RSMF: a notice is its actor’s event, on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir('scrutineer-rsmf-actor-');
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Nights']);
    const file = path.join(dir, 'WhatsApp Chat with Night shift.txt');
    writeFileSync(file, `${CHAT}\n`);
    const r = await ws.cli([
      'exhibit',
      'add',
      'Nights',
      file,
      '--ref',
      'N/1',
      '--timezone',
      'Europe/London',
      '--date-order',
      'dmy',
    ]);
    if (r.code !== 0) throw new Error(r.err);
  }, 120_000);
  afterAll(async () => ws.cleanup());

  it('the subject change is Ann’s, the disclaimer nobody’s, the group never a participant', async () => {
    const file = path.join(dir, 'nights.rsmf');
    const r = await ws.cli(['export', 'rsmf', 'Nights', '-o', file, '--json']);
    expect(r.err).toBe('');
    const { manifest } = readRsmf(readFileSync(file), 'nights.rsmf');
    const pid = (name: string) => manifest.participants.find((p) => p.display === name)?.id;
    const byText = (part: string) => manifest.events.find((e) => (e.body ?? '').includes(part))!;
    expect(pid('Ann')).toBeDefined();
    expect(byText('changed the subject').participant).toBe(pid('Ann'));
    expect(byText('added Bob').participant).toBe(pid('Bob'));
    expect(byText('end-to-end encrypted').participant).toBeUndefined();
    expect(pid('Night shift')).toBeUndefined();
  });
});
