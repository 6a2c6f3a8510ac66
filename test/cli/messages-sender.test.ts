/**
 * Finding senders as people type them, and search folding Latin accents (issue 13.9), on every
 * backend: `messages --sender` and the repository behind the web filter match without Android's
 * invisible direction marks, case- and accent-insensitively, list candidates when nothing matches,
 * and never change the stored text; `--search cafe` finds `café` and leaves other scripts' marks.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/device.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const NUMBER = '\u202A+44 7700 900123\u202C';
const EXPORT = [
  `18/03/2022, 14:56 - ${NUMBER}: meet at the café`,
  '18/03/2022, 14:57 - Zoë Ní Bhriain: cafe or pub?',
  '18/03/2022, 14:58 - Łukasz: naïve question',
  '18/03/2022, 14:59 - Dan Smith: कैफ़े में मिलो',
  '18/03/2022, 15:00 - Danny Smith: ok',
].join('\n');

interface Line {
  sender: string | null;
  text: string;
}

describe.each(BACKENDS)('messages --sender and --search as people type them, on %s', (backend) => {
  let ws: Workspace;
  const dir = tempDir();
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Typed']);
    const file = path.join(dir, 'WhatsApp Chat with Night Shift.txt');
    writeFileSync(file, `${EXPORT}\n`);
    expect(
      (await ws.cli(['exhibit', 'add', 'Typed', file, '--ref', 'T/1', '--date-order', 'dmy'])).code,
    ).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  const lines = async (args: readonly string[]): Promise<Line[]> => {
    const r = await ws.cli(['messages', 'Typed', '--jsonl', ...args]);
    expect(r.err).toBe('');
    return r.out
      .trim()
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => JSON.parse(l) as Line);
  };

  it('matches a number without the direction marks Android wraps it in, stored text verbatim', async () => {
    const found = await lines(['--sender', '+44 7700 900123']);
    expect(found.map((m) => m.sender)).toEqual([NUMBER]);
    expect((await lines(['--sender', '+447700900123'])).map((m) => m.sender)).toEqual([NUMBER]);
  });

  it('matches case- and accent-insensitively', async () => {
    expect((await lines(['--sender', 'zoe ni bhriain'])).map((m) => m.sender)).toEqual(['Zoë Ní Bhriain']);
    expect((await lines(['--sender', 'LUKASZ'])).map((m) => m.sender)).toEqual(['Łukasz']);
    expect((await lines(['--sender', 'Dan Smith'])).map((m) => m.sender)).toEqual(['Dan Smith']);
  });

  it('lists the candidates when nothing matches', async () => {
    const r = await ws.cli(['messages', 'Typed', '--sender', 'smith']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('"Dan Smith"');
    expect(r.err).toContain('"Danny Smith"');
    const none = await ws.cli(['messages', 'Typed', '--sender', 'Nobody']);
    expect(none.code).toBe(1);
    expect(none.err).toContain('no sender is "Nobody"');
  });

  it('search folds Latin accents both ways, leaving other scripts alone', async () => {
    const cafe = (await lines(['--search', 'cafe'])).map((m) => m.text);
    expect(cafe).toEqual(['meet at the café', 'cafe or pub?']);
    expect((await lines(['--search', 'café'])).map((m) => m.text)).toEqual(cafe);
    expect((await lines(['--search', 'naive'])).map((m) => m.sender)).toEqual(['Łukasz']);
    // The nukta and vowel signs of Devanagari are part of the word: the word is found as written.
    expect((await lines(['--search', 'कैफ़े'])).map((m) => m.sender)).toEqual(['Dan Smith']);
    expect(await lines(['--search', 'कफ'])).toEqual([]);
  });
});
