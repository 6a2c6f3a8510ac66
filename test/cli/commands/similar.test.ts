/** `scrutineer similar CASE MESSAGE_ID`: "more like this" from the CLI on each backend (issue 14.3). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BACKENDS, makeWorkspace, type Workspace } from '../../support/cli.js';

const CASE = 'Op Similar';
const CHAT = [
  '13/03/2021, 09:10 - PC Dan Hughes: morning all, van 4 is back on the road',
  '13/03/2021, 09:11 - PC Ryan Clarke: Saw Bluebell at the station again, state of her',
  '13/03/2021, 09:12 - Sgt Kate Morris: briefing at 10 in the yard',
  '13/03/2021, 09:13 - PC Ryan Clarke: Bluebell is back in the cells, state of it',
  '13/03/2021, 09:14 - PC Dan Hughes: ok sarge',
  '13/03/2021, 09:15 - PC Ryan Clarke: on my way',
].join('\n');

interface Out {
  case: { name: string };
  messageId: number;
  version: string;
  similar: { messageId: number; score: number }[];
}

describe.each(BACKENDS)('CLI: similar on %s', (backend) => {
  let ws: Workspace;
  let ids: number[];

  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'scrutineer-similar-')), 'chat.txt');
    writeFileSync(file, CHAT);
    expect((await ws.cli(['case', 'create', CASE])).code).toBe(0);
    const added = await ws.cli(['exhibit', 'add', CASE, file, '--ref', 'SM/1']);
    expect(added.code, added.err).toBe(0);
    expect((await ws.cli(['analyse', CASE])).code).toBe(0);
    ids = (await ws.cli(['messages', CASE, '--jsonl'])).out
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: number }).id);
  });
  afterAll(async () => ws.cleanup());

  it('lists the messages most like one message, the other "Bluebell … state of" first', async () => {
    const out = await ws.json<Out>(['similar', CASE, String(ids[1]), '--limit', '3', '--json']);
    expect(out).toMatchObject({ case: { name: CASE }, messageId: ids[1] });
    expect(out.version).toMatch(/^case-rerank\//);
    expect(out.similar.length).toBeGreaterThan(0);
    expect(out.similar.length).toBeLessThanOrEqual(3);
    expect(out.similar[0]!.messageId).toBe(ids[3]);
    const text = await ws.cli(['similar', CASE, String(ids[1])]);
    expect(text.code).toBe(0);
    expect(text.out).toContain(`most like message ${ids[1]}`);
  });

  it('refuses a message outside the case and a bad id in one line, with a non-zero exit', async () => {
    const missing = await ws.cli(['similar', CASE, '999999']);
    expect(missing.code).not.toBe(0);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
    expect(missing.err).toContain('message 999999 is not in this case');
    const bad = await ws.cli(['similar', CASE, 'abc']);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toContain('MESSAGE_ID must be a whole number');
  });
});
