/**
 * Reports that read the flagger's results refuse to run on an analysis that did not read every
 * message: an exhibit added after the last run would otherwise be listed as "not flagged".
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const chat = (day: number, lines: string[]) =>
  `${lines.map((l, i) => `${String(day).padStart(2, '0')}/03/2021, 10:${String(i).padStart(2, '0')} - ${l}`).join('\n')}\n`;

describe.each(BACKENDS)('reports on an out-of-date analysis on %s', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
  });
  afterAll(async () => ws?.cleanup());

  it('refuses the unused-material schedule until the case is analysed again, then makes it', async () => {
    const first = path.join(ws.dir, 'WhatsApp Chat with Shift A.txt');
    const second = path.join(ws.dir, 'WhatsApp Chat with Shift B.txt');
    writeFileSync(first, chat(13, ['PC Amy: morning all', 'PC Ben: morning', 'PC Amy: briefing at 10']));
    writeFileSync(second, chat(14, ['PC Cal: anyone seen the keys', 'PC Ben: in the van']));
    expect((await ws.cli(['case', 'create', 'Op Stale'])).code).toBe(0);
    expect((await ws.cli(['exhibit', 'add', 'Op Stale', first, '--ref', 'S/1'])).code).toBe(0);
    expect((await ws.cli(['analyse', 'Op Stale'])).code).toBe(0);
    expect((await ws.cli(['exhibit', 'add', 'Op Stale', second, '--ref', 'S/2'])).code).toBe(0);

    const out = path.join(ws.dir, 'unused.csv');
    const refused = await ws.cli(['report', 'unused', 'Op Stale', '-o', out]);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /read 3 of its 5 messages: 2 were added since and never read by the flagger/u,
    );
    expect(refused.err).toContain('scrutineer analyse "Op Stale"');

    expect((await ws.cli(['analyse', 'Op Stale'])).code).toBe(0);
    const made = await ws.cli(['report', 'unused', 'Op Stale', '-o', out]);
    expect(made.code, made.err).toBe(0);
  });
});
