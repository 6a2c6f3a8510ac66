/**
 * Issue 21, item 5: `verify` sees the rows, not only the files and the chain. Each tampering is
 * done as someone with write access to the database would: plain SQL, triggers dropped.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../src/store/open-store.js';
import { BACKENDS, makeWorkspace, PG_SKIPPED, PG_URL, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-tamper-'));
const CHAT = [
  '06/03/2021, 00:46 - Sgt Kate Morris created group "Team 3 Response"',
  '06/03/2021, 00:47 - Sgt Kate Morris added PC Dan Hughes',
  '13/03/2021, 09:10 - PC Dan Hughes: morning all',
  '13/03/2021, 09:11 - Sgt Kate Morris: IMG-20210313-WA0001.jpg (file attached)',
  '14/03/2021, 10:00 - PC Dan Hughes left',
].join('\n');
const ZIP = path.join(scratch, 'WhatsApp Chat with Team 3 Response.zip');
writeFileSync(ZIP, makeZip({ '_chat.txt': CHAT, 'IMG-20210313-WA0001.jpg': 'jpeg bytes' }));

/** SQL straight at the workspace's database, bypassing Scrutineer (as a tamperer would). */
async function raw(ws: Workspace, statements: string[]): Promise<Record<string, unknown>[]> {
  if (ws.backend === 'sqlite') {
    const db = new BetterSqlite3(path.join(ws.dir, SQLITE_FILE_NAME));
    try {
      let rows: Record<string, unknown>[] = [];
      for (const s of statements) {
        const st = db.prepare(s);
        if (st.reader) rows = st.all() as Record<string, unknown>[];
        else st.run();
      }
      return rows;
    } finally {
      db.close();
    }
  }
  const schema = new URL(ws.databaseUrl!).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: PG_URL! });
  await client.connect();
  try {
    await client.query(`set search_path to "${schema}"`);
    let rows: Record<string, unknown>[] = [];
    for (const s of statements) rows = (await client.query(s)).rows as Record<string, unknown>[];
    return rows;
  } finally {
    await client.end();
  }
}

interface Verified {
  ok: boolean;
  rows: { exhibit: string; ok: boolean; problem: string | null; digested: boolean }[];
  audit: { ok: boolean; head: { id: number; hash: string } | null };
  expectedHead: { hash: string; found: boolean } | null;
}

if (PG_SKIPPED) describe.skip(`tamper evidence on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('verify detects tampering with rows on %s', (backend) => {
  let ws: Workspace;
  const verify = async (...args: string[]) => {
    const r = await ws.cli(['verify', '--json', ...args]);
    return { code: r.code, v: JSON.parse(r.out) as Verified };
  };
  beforeEach(async () => {
    ws = await makeWorkspace(backend);
    expect((await ws.cli(['case', 'create', 'Op Test'])).code).toBe(0);
    const add = await ws.cli(['exhibit', 'add', 'Op Test', ZIP, '--ref', 'AB/1', '--date-order', 'dmy']);
    expect(add.err).toBe('');
    const clean = await verify();
    expect(clean.code).toBe(0);
    expect(clean.v.rows).toEqual([{ caseId: 1, exhibit: 'AB/1', ok: true, problem: null, digested: true }]);
  });
  afterEach(async () => ws.cleanup());

  it('prints the audit head, which --expect-head accepts', async () => {
    const text = await ws.cli(['verify']);
    const head = /Audit head: entry (\d+), hash ([0-9a-f]{64})/.exec(text.out);
    expect(head).not.toBeNull();
    const { code, v } = await verify('--expect-head', head![2]!);
    expect(code).toBe(0);
    expect(v.audit.head).toEqual({ id: Number(head![1]), hash: head![2] });
    expect(v.expectedHead).toEqual({ hash: head![2], found: true });
    expect((await ws.cli(['verify', '--expect-head', 'abc'])).code).toBe(2);
  });

  it('a message text edited in the database', async () => {
    await raw(ws, [`update messages set text = 'good morning' where text = 'morning all'`]);
    const { code, v } = await verify();
    expect(code).toBe(1);
    expect(v.rows[0]?.problem).toMatch(
      /^rows differ from the import's digest: messages \(5 at intake, 5 now\)$/,
    );
  });

  it('a message deleted, a participant renamed, a membership event altered', async () => {
    await raw(ws, [
      `delete from messages where text = 'morning all'`,
      `update participants set display_name = 'PC Someone Else' where display_name = 'PC Dan Hughes'`,
      `update membership_events set actor = 'nobody' where type = 'added'`,
    ]);
    const { code, v } = await verify();
    expect(code).toBe(1);
    expect(v.rows[0]?.problem).toContain(
      'messages (5 at intake, 4 now), participants (2 at intake, 2 now), events',
    );
  });

  it('the last audit entry deleted is detected against the recorded head', async () => {
    expect((await ws.cli(['case', 'create', 'Op Other'])).code).toBe(0);
    const recorded = (await verify()).v.audit.head!;
    await raw(
      ws,
      backend === 'sqlite'
        ? ['drop trigger audit_log_no_delete', `delete from audit_log where id = ${recorded.id}`]
        : ['alter table audit_log disable trigger user', `delete from audit_log where id = ${recorded.id}`],
    );
    // The chain alone still verifies: a tail cut off leaves no trace in what remains …
    expect((await verify()).code).toBe(0);
    // … but not against the head recorded outside the workspace.
    const { code, v } = await verify('--expect-head', recorded.hash);
    expect(code).toBe(1);
    expect(v.expectedHead).toEqual({ hash: recorded.hash, found: false });
    const text = await ws.cli(['verify', '--expect-head', recorded.hash]);
    expect(text.out).toContain(`Expected head ${recorded.hash}: NOT in the chain`);
  });

  it('an original swapped together with exhibits.sha256 and stored_path', async () => {
    const forged = Buffer.from('a different zip altogether');
    const sha = createHash('sha256').update(forged).digest('hex');
    const rel = `evidence/sha256/${sha.slice(0, 2)}/${sha}`;
    mkdirSync(path.join(ws.dir, path.dirname(rel)), { recursive: true });
    writeFileSync(path.join(ws.dir, rel), forged);
    await raw(ws, [`update exhibits set sha256 = '${sha}', stored_path = '${rel}', size = ${forged.length}`]);
    const { code, v } = await verify();
    expect(code).toBe(1);
    expect(v.rows[0]?.problem).toMatch(
      /^exhibits\.sha256 is [0-9a-f]{64} but the audited intake recorded [0-9a-f]{64}$/,
    );
  });

  it('an exhibit row inserted without an import', async () => {
    const row = (await raw(ws, ['select * from exhibits']))[0]!;
    // Another hash: the stored one with its first digit changed (never to itself, or the insert
    // would break the one-exhibit-per-hash rule whenever the zip's hash began with that digit).
    const sha = String(row.sha256);
    const other = `${sha.startsWith('f') ? 'e' : 'f'}${sha.slice(1)}`;
    await raw(ws, [
      `insert into exhibits (case_id, ref, original_name, size, sha256, stored_path, format, added_at, added_by)
       values (${String(row.case_id)}, 'AB/9', 'x.zip', ${String(row.size)}, '${other}', '${String(row.stored_path)}', 'whatsapp-zip', '2021-01-01T00:00:00.000Z', 'x')`,
    ]);
    const { code, v } = await verify();
    expect(code).toBe(1);
    expect(v.rows.find((r) => r.exhibit === 'AB/9')?.problem).toBe(
      'no exhibit.add audit entry records this exhibit',
    );
  });
});
