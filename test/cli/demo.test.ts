/**
 * `scrutineer demo` (what `npm start` runs): builds the demo workspace once, says so when it reuses
 * it, and `--fresh` builds it again, but never removes a workspace that holds a case of its own.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

describe('scrutineer demo', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'scrutineer-demo-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const cli = async (...argv: string[]) => {
    let out = '';
    let err = '';
    const io = {
      out: (s: string) => void (out += s),
      err: (s: string) => void (err += s),
      interactive: false,
    };
    const code = await run(argv, io, {
      ...process.env,
      SCRUTINEER_WORKSPACE: workspace,
      SCRUTINEER_USER: 'test',
    });
    return { code, out, err };
  };

  it('builds once, reuses the workspace after, and --fresh builds it again', async () => {
    const first = await cli('demo');
    expect(first.code).toBe(0);
    expect(first.out).toContain(`Demo workspace: ${workspace}`);
    const t = Date.now();
    const again = await cli('demo');
    expect(again.code).toBe(0);
    expect(again.out).toContain(`Reusing the demo workspace ${workspace}`);
    expect(Date.now() - t).toBeLessThan(15_000);
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
