/**
 * Two processes on one SQLite workspace (the review server and the CLI, or two queue workers): a
 * transaction that reads and then writes must not fail because the other process wrote in between.
 * Ours begin IMMEDIATE, so the other process waits for the lock (busy_timeout) and both succeed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';

import { openStore, SQLITE_FILE_NAME } from '../../src/store/open-store.js';

const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-immediate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Another process: waits for the write lock (up to 10 s) and adds a case. */
function otherProcessAddsCase(name: string): Promise<{ code: number | null; err: string }> {
  const betterSqlite = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `
    const Database = require(${JSON.stringify(betterSqlite)});
    const db = new Database(${JSON.stringify(path.join(dir, SQLITE_FILE_NAME))});
    db.pragma('busy_timeout = 10000');
    db.prepare("insert into cases (name, created_at, created_by) values (?, '2026-01-01T00:00:00Z', 'other')").run(${JSON.stringify(name)});
    process.stdout.write('done');
  `;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => resolve({ code, err }));
  });
}

describe('SQLite transactions with another process writing', () => {
  it('a read-then-write transaction commits while another process waits its turn', async () => {
    const store = await openStore({ workspace: dir });
    try {
      let other: Promise<{ code: number | null; err: string }> | null = null;
      await store.transaction(async (repos) => {
        const before = await repos.cases.list();
        expect(before).toEqual([]);
        // The other process tries to write now, while this transaction is open.
        other = otherProcessAddsCase('Op Other');
        await sleep(400);
        await repos.cases.create({ name: 'Op Ours', createdBy: 'test' });
      });
      const result = await other!;
      expect(result.err).toBe('');
      expect(result.code).toBe(0);
      expect((await store.cases.list()).map((c) => c.name).sort()).toEqual(['Op Other', 'Op Ours']);
    } finally {
      await store.close();
    }
  });
});
