/**
 * `scrutineer demo` (what `npm start` runs): builds the demo workspace once, says so when it reuses
 * it, and `--fresh` builds it again, but never removes a workspace that holds a case of its own.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeWorkspace, type Workspace } from '../support/cli.js';

describe('scrutineer demo', () => {
  let ws: Workspace;
  let workspace: string;
  beforeAll(async () => {
    ws = await makeWorkspace('sqlite');
    workspace = ws.dir;
  });
  afterAll(() => ws.cleanup());
  const cli = (...argv: string[]) => ws.cli(argv);

  it('builds once, reuses the workspace after, and --fresh builds it again', async () => {
    const first = await cli('demo');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Demo workspace: ${workspace}`);
    const again = await cli('demo');
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Reusing the demo workspace ${workspace}`);
    const fresh = await cli('demo', '--fresh');
    expect(fresh.code).toBe(0);
    expect(fresh.out).toContain(`Demo workspace: ${workspace}`);
    expect(fresh.out).not.toContain('Reusing');
    const cases = await cli('case', 'list', '--json');
    expect(cases.out).toContain('Operation Lantern (demo)');
  }, 240_000);

  it('--fresh leaves a workspace with a case of its own as it is', async () => {
    expect((await cli('case', 'create', 'Op Kestrel')).code).toBe(0);
    const r = await cli('demo', '--fresh');
    expect(r.code).toBe(1);
    expect(r.err).toContain('"Op Kestrel"');
    expect(existsSync(workspace)).toBe(true);
    expect((await cli('case', 'list', '--json')).out).toContain('Op Kestrel');
  }, 120_000);
});
