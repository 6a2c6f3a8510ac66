/**
 * A notice the export wrote under a member's name in wording no phrase table knows (here a German
 * iOS "deleted" notice): kept as a system line, and the name it stood under is never hidden: the
 * text listing says "(system) written under …", `--json` carries `displayedAuthor`, and the import
 * names the line.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/device.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../../support/cli.js';

const EXPORT = [
  '[27.10.24, 01:00:00] Anna: Guten Morgen',
  '\u200E[27.10.24, 03:00:00] Anna: \u200ENachricht gelöscht',
].join('\n');

describe.each(BACKENDS)('messages: system lines written under a name, on %s', (backend) => {
  let ws: Workspace;
  let added = '';
  const dir = tempDir();
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Unter']);
    const file = path.join(dir, 'WhatsApp Chat - Schicht.txt');
    writeFileSync(file, `${EXPORT}\n`);
    const r = await ws.cli(['exhibit', 'add', 'Unter', file, '--ref', 'U/1', '--timezone', 'Europe/Berlin']);
    expect(r.code).toBe(0);
    added = r.out;
  });
  afterAll(async () => ws.cleanup());

  it('names the line in the import and the name in the listing and the JSON', async () => {
    expect(added).toContain('line 2: a system line whose wording is not in the phrase tables');
    const text = (await ws.cli(['messages', 'Unter'])).out;
    expect(text).toContain('(system) written under "Anna": \u200ENachricht gelöscht');
    expect(text).toContain('Anna: Guten Morgen');
    const json = JSON.parse((await ws.cli(['--json', 'messages', 'Unter'])).out) as {
      sender: string | null;
      displayedAuthor: string | null;
    }[];
    expect(json.map((m) => [m.sender, m.displayedAuthor])).toEqual([
      ['Anna', null],
      [null, 'Anna'],
    ]);
  });

  it('names it the same way in a batch listing', async () => {
    const convs = (
      JSON.parse((await ws.cli(['--json', 'conversations', 'Unter'])).out) as {
        conversations: { id: number }[];
      }
    ).conversations;
    const made = await ws.cli([
      '--json',
      'batch',
      'create',
      'Unter',
      '--name',
      'Both lines',
      '--conversation',
      String(convs[0]!.id),
      '--from-seq',
      '0',
      '--to-seq',
      '1',
    ]);
    expect(made.code).toBe(0);
    const batchId = String((JSON.parse(made.out) as { id: number }).id);
    const text = (await ws.cli(['batch', 'messages', batchId])).out;
    expect(text).toContain('(system) written under "Anna"');
    const json = JSON.parse((await ws.cli(['--json', 'batch', 'messages', batchId])).out) as {
      messages: { sender: string | null; displayedAuthor: string | null }[];
    };
    expect(json.messages.map((m) => m.displayedAuthor)).toEqual([null, 'Anna']);
  });
});
