import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';

const dist = path.resolve('dist/src/cli/main.js');
const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await run(
    args,
    { out: (s) => void (out += s), err: () => undefined, interactive: false },
    { SCRUTINEER_WORKSPACE: dir },
  );
  return { code, out };
}

function bigExport(messages: number): string {
  const lines: string[] = [];
  for (let i = 0; i < messages; i++) {
    const day = 1 + (Math.floor(i / 1440) % 28);
    const month = 1 + (Math.floor(i / 40320) % 12);
    const minute = i % 1440;
    const hh = String(Math.floor(minute / 60)).padStart(2, '0');
    const mm = String(minute % 60).padStart(2, '0');
    lines.push(
      `${String(day).padStart(2, '0')}/${String(month).padStart(2, '0')}/2022, ${hh}:${mm} - PC ${i % 9}: message number ${i} about the 13th shift`,
    );
  }
  return lines.join('\n');
}

describe.skipIf(!existsSync(dist))('an import killed half-way', () => {
  it('leaves no exhibit, conversation or message behind, and the same file imports cleanly afterwards', async () => {
    const file = path.join(dir, 'big.txt');
    writeFileSync(file, bigExport(150_000));
    expect((await cli(['case', 'create', 'Kill'])).code).toBe(0);
    const child = spawn(process.execPath, [dist, 'exhibit', 'add', 'Kill', file, '--ref', 'K/1'], {
      // A small page cache makes the open transaction spill into the WAL, so its growth shows the
      // import is under way (with the default cache nothing reaches the file before the commit).
      env: { ...process.env, SCRUTINEER_WORKSPACE: dir, SCRUTINEER_SQLITE_CACHE_KIB: '1024' },
      stdio: 'ignore',
    });
    // Kill once the transaction has started writing (the WAL grows), long before it can commit.
    const wal = path.join(dir, 'workspace.sqlite-wal');
    const started = Date.now();
    while (Date.now() - started < 60_000) {
      if (existsSync(wal) && statSync(wal).size > 1024 * 1024) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGKILL');
    expect(await exited).toBeNull();

    const stats = JSON.parse((await cli(['stats', 'Kill', '--json'])).out) as {
      messages: number;
      conversations: unknown[];
    };
    expect(stats.messages).toBe(0);
    expect(stats.conversations).toEqual([]);
    expect(JSON.parse((await cli(['exhibit', 'list', 'Kill', '--json'])).out)).toEqual([]);

    const again = await cli(['exhibit', 'add', 'Kill', file, '--ref', 'K/1', '--json']);
    expect(again.code).toBe(0);
    expect((JSON.parse(again.out) as { messages: number }).messages).toBe(150_000);
    expect((await cli(['verify'])).code).toBe(0);
  });
});
