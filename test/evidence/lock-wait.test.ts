/**
 * Issue 21, item 10: an import that cannot get SQLite's write lock (another import holds it past
 * the busy timeout) ends with one line that says what to do, exit 1, nothing half-written.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/store/open-store.js';
import { makeWorkspace, type Workspace } from '../support/cli.js';

describe('an import waiting for the write lock', () => {
  let ws: Workspace;
  const saved = process.env.SCRUTINEER_SQLITE_BUSY_MS;
  beforeAll(async () => {
    ws = await makeWorkspace('sqlite');
    expect((await ws.cli(['case', 'create', 'Op Test'])).code).toBe(0);
    process.env.SCRUTINEER_SQLITE_BUSY_MS = '300';
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.SCRUTINEER_SQLITE_BUSY_MS;
    else process.env.SCRUTINEER_SQLITE_BUSY_MS = saved;
    await ws.cleanup();
  });

  it('says another import is writing, exit 1, and leaves nothing behind', async () => {
    const chat = path.join(mkdtempSync(path.join(tmpdir(), 'scrutineer-lock-')), 'WhatsApp Chat with A.txt');
    writeFileSync(chat, '13/03/2021, 09:10 - A: hello\n14/03/2021, 09:10 - B: hi\n');
    // Another process's import, in the middle of its transaction.
    const other = new BetterSqlite3(path.join(ws.dir, SQLITE_FILE_NAME));
    other.exec('begin immediate');
    let r;
    try {
      r = await ws.cli(['exhibit', 'add', 'Op Test', chat, '--ref', 'AB/1']);
    } finally {
      other.exec('rollback');
      other.close();
    }
    expect(r.err).toBe('scrutineer: another import is writing to this workspace; try again or use --queue\n');
    expect(r.code).toBe(1);
    expect(await ws.json<unknown[]>(['exhibit', 'list', 'Op Test'])).toEqual([]);
    expect((await ws.json<{ ok: boolean; orphans: unknown[] }>(['verify'])).ok).toBe(true);
    // Once the lock is free the same import goes through.
    expect((await ws.cli(['exhibit', 'add', 'Op Test', chat, '--ref', 'AB/1'])).code).toBe(0);
  });
});
