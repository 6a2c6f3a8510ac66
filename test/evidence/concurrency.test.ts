/**
 * Issue 21, item 1 and "Also": several processes import overlapping content (the same chat in
 * several archives, media shared between them) into one workspace at once, with failures injected
 * (a damaged entry after shared ones were stored, a chat that cannot be read after its media were
 * stored, a process killed with SIGKILL mid-import). Afterwards every exhibit's files are there and
 * verify is clean; the next import sweeps what the killed one left. Runs the built CLI (dist/).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const DIST_CLI = path.resolve('dist/src/cli/main.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-concurrent-'));
const chat = (who: string, n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `13/03/2021, ${String(10 + (i % 12))}:${String(i % 60).padStart(2, '0')} - ${who}: line ${i} 😂`,
  ).join('\n');
const [C1, C2, C3] = [chat('PC Dan Hughes', 300), chat('Sgt Kate Morris', 200), chat('PC Amy Cole', 100)];
const M = Array.from({ length: 4 }, () => randomBytes(64 * 1024));
const BIG = randomBytes(16 * 1024 * 1024);
const jpg = (i: number) => `IMG-2021031${i}-WA000${i}.jpg`;

function write(name: string, bytes: Uint8Array | string): string {
  const p = path.join(scratch, name);
  writeFileSync(p, bytes);
  return p;
}

/** A zip whose last entry fails its CRC: the entries before it are stored first. */
function withBadCrc(zip: Uint8Array): Uint8Array {
  const b = Buffer.from(zip);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let central = b.readUInt32LE(end + 16);
  const count = b.readUInt16LE(end + 10);
  for (let i = 0; i < count - 1; i++)
    central +=
      46 + b.readUInt16LE(central + 28) + b.readUInt16LE(central + 30) + b.readUInt16LE(central + 32);
  const local = b.readUInt32LE(central + 42);
  b.writeUInt32LE((b.readUInt32LE(central + 16) ^ 1) >>> 0, central + 16);
  b.writeUInt32LE((b.readUInt32LE(local + 14) ^ 1) >>> 0, local + 14);
  return b;
}

const GOOD = {
  'Z/1': write('z1.zip', makeZip({ '_chat.txt': C1, [jpg(1)]: M[0]!, [jpg(2)]: M[1]! })),
  'Z/2': write('z2.zip', makeZip({ '_chat.txt': C2, [jpg(2)]: M[1]!, [jpg(3)]: M[2]! })),
  'Z/3': write('z3.zip', makeZip({ '_chat.txt': C1, [jpg(3)]: M[2]!, [jpg(4)]: M[3]! })),
  'T/1': write('WhatsApp Chat with Team 3.txt', C2),
};
const FAILING = {
  'B/1': write(
    'b1.zip',
    withBadCrc(makeZip({ '_chat.txt': C3, [jpg(1)]: M[0]!, [jpg(4)]: M[3]!, 'z.jpg': 'x' })),
  ),
  'B/2': write(
    'b2.zip',
    makeZip({
      '_chat.txt': '01/02/2021, 10:00 - A: x\n01/02/2021, 10:01 - B: y',
      [jpg(2)]: M[1]!,
      [jpg(3)]: M[2]!,
    }),
  ),
};
const KILLED = { 'K/1': write('k1.zip', makeZip({ '_chat.txt': C1, [jpg(1)]: M[0]!, 'VID-big.mp4': BIG })) };

interface Running {
  readonly pid: number;
  readonly done: Promise<{ code: number | null; err: string }>;
  kill(): void;
}

/** Kills `run` with SIGKILL as soon as it is copying a file into the store (its temp file exists). */
async function killWhileCopying(ws: Workspace, run: Running): Promise<boolean> {
  const tmp = path.join(ws.dir, 'evidence', 'tmp');
  for (let waited = 0; waited < 30_000; waited += 10) {
    if (existsSync(tmp) && readdirSync(tmp).some((n) => n.startsWith(`${run.pid}-`))) {
      run.kill();
      return true;
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}

function cli(ws: Workspace, args: string[]): Running {
  const env: NodeJS.ProcessEnv = { ...process.env, SCRUTINEER_WORKSPACE: ws.dir, SCRUTINEER_USER: 'tester' };
  delete env.DATABASE_URL;
  if (ws.databaseUrl) env.DATABASE_URL = ws.databaseUrl;
  const child = spawn(process.execPath, [DIST_CLI, ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  return {
    pid: child.pid!,
    done: new Promise((resolve) => child.on('close', (code) => resolve({ code, err }))),
    kill: () => child.kill('SIGKILL'),
  };
}

if (PG_SKIPPED) describe.skip(`concurrent imports on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('concurrent imports of overlapping content on %s', (backend) => {
  let ws: Workspace;
  afterEach(async () => ws.cleanup());

  it('lose no evidence, whatever fails, and leave verify clean', { timeout: 120_000 }, async () => {
    ws = await makeWorkspace(backend);
    expect((await ws.cli(['case', 'create', 'Op Race'])).code).toBe(0);
    const add = (ref: string, file: string) => cli(ws, ['exhibit', 'add', 'Op Race', file, '--ref', ref]);
    const killed = Object.entries(KILLED).map(([ref, f]) => add(ref, f));
    const runs = [...Object.entries(GOOD), ...Object.entries(FAILING)].map(([ref, f]) => ({
      ref,
      run: add(ref, f),
    }));
    const kills = Promise.all(killed.map((k) => killWhileCopying(ws, k)));
    const results = await Promise.all(runs.map(async ({ ref, run }) => ({ ref, ...(await run.done) })));
    expect(await kills).toEqual(killed.map(() => true));
    await Promise.all(killed.map((k) => k.done));
    for (const r of results) {
      // Bad input and a busy database are one-line errors (exit 1); never an internal error (70).
      expect(r.code, `${r.ref}: ${r.err}`).toBe(r.ref in FAILING ? 1 : 0);
      expect(r.err.trim().split('\n').length, r.err).toBeLessThanOrEqual(1);
    }
    const v = await ws.json<{ ok: boolean; files: { ok: boolean; file: string }[] }>(['verify']);
    expect(v.files.filter((f) => !f.ok)).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.files).toHaveLength(3 * 3 + 3 + 1); // three zips of three entries, one text
    // The next import sweeps what the killed one may have left (its claims are stale now).
    const next = await ws.cli([
      'exhibit',
      'add',
      'Op Race',
      write('WhatsApp Chat with Other.txt', C3),
      '--ref',
      'T/2',
    ]);
    expect(next.err).toBe('');
    const clean = await ws.json<{ ok: boolean; orphans: unknown[]; runningImports: number }>(['verify']);
    expect(clean).toMatchObject({ ok: true, orphans: [], runningImports: 0 });
  });
});
