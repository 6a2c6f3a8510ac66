/**
 * The queue from the CLI on each backend: `exhibit add --queue` and `analyse --queue`, then
 * `worker --once`, give the case exactly the messages and flags a direct run gives; import jobs
 * that fail (bad files, or a failure half-way through the import's transaction) leave nothing of
 * the import behind; `jobs` and `jobs show` report it all.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';

import { BACKENDS, makeWorkspace, PG_URL, type Workspace } from '../support/cli.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-jobs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const p = path.join(scratch, name);
  writeFileSync(p, content);
  return p;
}

const CASE = 'Op Queue';
const CHAT = file(
  'WhatsApp Chat with Team 3.txt',
  [
    '06/03/2021, 00:46 - Sgt Kate Morris created group "Team 3 Response"',
    '06/03/2021, 00:47 - Sgt Kate Morris added PC Dan Hughes',
    '13/03/2021, 09:10 - PC Dan Hughes: morning all 😂',
    'second line of the same message',
    '13/03/2021, 09:11 - PC Ryan Clarke: Had a proper window licker in custody today',
    '13/03/2021, 09:12 - Sgt Kate Morris: mate that is out of order',
    '13/03/2021, 09:13 - PC Ryan Clarke: Bloody pikeys on the common again, bulldoze the lot',
    '13/03/2021, 09:14 - PC Dan Hughes: briefing at 10 in the yard',
    '14/03/2021, 10:00 - PC Dan Hughes left',
  ].join('\n'),
);
const ADD = ['--ref', 'AB/1', '--officer', 'DC Example', '--seized-from', 'iPhone of PC X'];

interface JobJson {
  id: number;
  kind: string;
  status: string;
  attempts: number;
  maxAttempts: number;
  caseId: number | null;
  error: string | null;
  result: Record<string, unknown> | null;
  payload: Record<string, unknown>;
  createdBy: string;
}
interface Summary {
  worker: string;
  jobs: { id: number; kind: string; status: string; attempt: number; error: string | null }[];
  done: number;
  failed: number;
  retried: number;
}
interface AuditPage {
  entries: { action: string; subject: string | null; detail: Record<string, unknown> | null }[];
}

function lines(out: string): Record<string, unknown>[] {
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

/** Everything a reader sees of the case, with the database ids (which may differ) left out. */
async function caseView(ws: Workspace): Promise<unknown> {
  const messages = lines((await ws.cli(['messages', CASE, '--jsonl'])).out).map(({ id: _id, ...m }) => m);
  const flags = lines((await ws.cli(['flags', CASE, '--jsonl', '--all'])).out).map(
    ({ messageId: _m, run: _r, message, ...f }) => {
      const { id: _id, ...rest } = message as Record<string, unknown>;
      return { ...f, message: rest };
    },
  );
  const stats = await ws.json(['stats', CASE]);
  const shown = await ws.json<{
    exhibit: Record<string, unknown>;
    continuity: { actor: string; action: string; detail: string }[];
    report: unknown;
  }>(['exhibit', 'show', CASE, 'AB/1']);
  const { id: _e, caseId: _c, addedAt: _a, ...exhibit } = shown.exhibit;
  const continuity = shown.continuity.map((c) => [c.actor, c.action, c.detail]);
  return { messages, flags, stats, exhibit, continuity, report: shown.report };
}

function storedFiles(ws: Workspace): string[] {
  const root = path.join(ws.dir, 'evidence', 'sha256');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name)
    .sort();
}

/** SQL straight at the workspace's database (to break it on purpose). */
async function rawSql(ws: Workspace, statements: { sqlite: string[]; postgres: string[] }): Promise<void> {
  if (ws.backend === 'sqlite') {
    const db = new BetterSqlite3(path.join(ws.dir, 'workspace.sqlite'));
    try {
      for (const s of statements.sqlite) db.exec(s);
    } finally {
      db.close();
    }
    return;
  }
  const schema = new URL(ws.databaseUrl!).searchParams.get('schema')!;
  const client = new pg.Client({ connectionString: PG_URL! });
  await client.connect();
  try {
    await client.query(`set search_path to "${schema}"`);
    for (const s of statements.postgres) await client.query(s);
  } finally {
    await client.end();
  }
}

const DIST_CLI = path.resolve('dist/src/cli/main.js');

interface Spawned {
  /** Resolves once the worker has said it is taking jobs. */
  readonly ready: Promise<void>;
  readonly done: Promise<{ code: number | null; out: string; err: string }>;
  stop(): void;
}

/** `scrutineer ARGS` as a separate process (the built CLI), for workers that really run side by side. */
function spawnCli(ws: Workspace, args: string[]): Spawned {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SCRUTINEER_WORKSPACE: ws.dir,
    SCRUTINEER_USER: 'test-investigator',
  };
  if (ws.databaseUrl) env.DATABASE_URL = ws.databaseUrl;
  else delete env.DATABASE_URL;
  const child = spawn(process.execPath, [DIST_CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    if (err.includes('jobs from')) markReady();
  });
  const done = new Promise<{ code: number | null; out: string; err: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      markReady();
      resolve({ code, out, err });
    });
  });
  return {
    ready,
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    },
  };
}

describe.each(BACKENDS)('the job queue from the CLI on %s', (backend) => {
  let direct: Workspace;
  let queued: Workspace;
  beforeAll(async () => {
    direct = await makeWorkspace(backend);
    queued = await makeWorkspace(backend);
  });
  afterAll(async () => {
    await direct.cleanup();
    await queued.cleanup();
  });

  it('queued import and analysis, run by `worker --once`, give the case what a direct run gives', async () => {
    expect((await direct.cli(['case', 'create', CASE])).code).toBe(0);
    expect((await direct.cli(['exhibit', 'add', CASE, CHAT, ...ADD])).code).toBe(0);
    expect((await direct.cli(['analyse', CASE])).code).toBe(0);

    expect((await queued.cli(['case', 'create', CASE])).code).toBe(0);
    const add = await queued.json<{ job: { id: number; kind: string; status: string } }>([
      'exhibit',
      'add',
      CASE,
      CHAT,
      ...ADD,
      '--queue',
    ]);
    expect(add.job).toEqual({ id: expect.any(Number), kind: 'exhibit.add', status: 'queued' });
    const analyse = await queued.json<{ job: { id: number; kind: string; status: string } }>([
      'analyse',
      CASE,
      '--queue',
    ]);
    expect(analyse.job).toEqual({ id: add.job.id + 1, kind: 'analyse', status: 'queued' });
    const human = await queued.cli(['analyse', CASE, '--queue']);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/^Queued job \d+ \(analyse\)/);
    // Nothing ran yet.
    expect(await queued.json<{ messages: number }>(['stats', CASE])).toMatchObject({ messages: 0 });
    const listed = await queued.json<{ jobs: JobJson[] }>(['jobs', CASE]);
    expect(listed.jobs.map((j) => [j.kind, j.status, j.attempts])).toEqual([
      ['exhibit.add', 'queued', 0],
      ['analyse', 'queued', 0],
      ['analyse', 'queued', 0],
    ]);
    expect(listed.jobs[0]?.payload).toMatchObject({ file: CHAT, ref: 'AB/1', officer: 'DC Example' });

    const worker = await queued.cli(['worker', '--once', '--poll-ms', '20', '--json']);
    expect(worker.code).toBe(0);
    const summary = JSON.parse(worker.out) as Summary;
    expect(summary.jobs.map((j) => [j.kind, j.status, j.attempt])).toEqual([
      ['exhibit.add', 'done', 1],
      ['analyse', 'done', 1],
      ['analyse', 'done', 1],
    ]);
    expect(summary).toMatchObject({ done: 3, failed: 0, retried: 0 });
    expect(worker.err).toContain(`job ${add.job.id} (exhibit.add`);
    expect(worker.err).toContain('done in');

    // The latest run's flags (the second queued analysis) equal the direct run's.
    expect(await caseView(queued)).toEqual(await caseView(direct));
    const view = (await caseView(queued)) as { messages: unknown[]; flags: { flagged: boolean }[] };
    expect(view.messages).toHaveLength(8);
    expect(view.flags).toHaveLength(8);
    expect(view.flags.filter((f) => f.flagged).length).toBeGreaterThan(0);

    const shown = await queued.json<{ job: JobJson }>(['jobs', 'show', String(add.job.id)]);
    expect(shown.job).toMatchObject({ status: 'done', attempts: 1, createdBy: 'test-investigator' });
    expect(shown.job.result).toMatchObject({ ref: 'AB/1', messages: 8 });
    const text = await queued.cli(['jobs', 'show', String(add.job.id)]);
    expect(text.out).toMatch(/status +done/);
    expect((await queued.json<{ jobs: JobJson[] }>(['jobs', '--status', 'queued'])).jobs).toEqual([]);

    const audit = await queued.json<AuditPage>(['audit', CASE, '--action', 'job']);
    expect(audit.entries.map((e) => [e.action, e.subject])).toEqual([
      ['job.queue', `job ${add.job.id}`],
      ['job.queue', `job ${analyse.job.id}`],
      ['job.queue', `job ${analyse.job.id + 1}`],
      ['job.done', `job ${add.job.id}`],
      ['job.done', `job ${analyse.job.id}`],
      ['job.done', `job ${analyse.job.id + 1}`],
    ]);
    expect((await queued.cli(['verify'])).code).toBe(0);
  });

  it('refuses to queue what cannot run, with a clear error and nothing queued', async () => {
    const before = (await queued.json<{ jobs: JobJson[] }>(['jobs'])).jobs.length;
    // Exit code 1 for what cannot run, 2 for an option given wrongly (a usage error).
    const refusals: [string[], RegExp, number?][] = [
      [['exhibit', 'add', 'Nope', CHAT, '--ref', 'X/1', '--queue'], /no case "Nope"/],
      [
        ['exhibit', 'add', CASE, path.join(scratch, 'missing.txt'), '--ref', 'X/1', '--queue'],
        /missing\.txt: cannot be read \(ENOENT\)/,
      ],
      [['exhibit', 'add', CASE, scratch, '--ref', 'X/1', '--queue'], /cannot be read/],
      [['exhibit', 'add', CASE, CHAT, '--ref', 'AB/1', '--queue'], /already has an exhibit AB\/1/],
      [
        ['exhibit', 'add', CASE, CHAT, '--ref', 'X/1', '--timezone', 'Mars/Olympus', '--queue'],
        /unknown time zone/,
      ],
      [['exhibit', 'add', CASE, CHAT, '--ref', 'X/1', '--date-order', 'dym', '--queue'], /--date-order/, 2],
      [
        ['exhibit', 'add', CASE, CHAT, '--ref', 'X/1', '--owner', '07700 900999', '--queue'],
        /international form/,
        2,
      ],
      [['analyse', 'Nope', '--queue'], /no case "Nope"/],
      [['jobs', 'Nope'], /no case "Nope"/],
      [['jobs', '--status', 'stuck'], /--status must be one of/, 2],
      [['jobs', 'show', '999'], /no job 999/],
      [['jobs', 'show', 'x'], /the job id must be a positive whole number/, 2],
      [['worker', '--poll-ms', '0'], /--poll-ms must be a positive/, 2],
      [['worker', '--kind', 'bake'], /unknown job kind bake/, 2],
    ];
    for (const [args, message, code = 1] of refusals) {
      const r = await queued.cli(args);
      expect(r.code, args.join(' ')).toBe(code);
      expect(r.err).toMatch(message);
      expect(r.err).not.toContain('internal error');
    }
    expect((await queued.json<{ jobs: JobJson[] }>(['jobs'])).jobs.length).toBe(before);
  });

  it('an import job for a bad file fails cleanly (no retry) and leaves no partial case data', async () => {
    const statsBefore = await queued.json(['stats', CASE]);
    const exhibitsBefore = await queued.json<unknown[]>(['exhibit', 'list', CASE]);
    const filesBefore = storedFiles(queued);
    const prose = file('prose.txt', 'Dear Sir,\nPlease find attached the statement.\nRegards');
    const undecidable = file('undecidable.txt', '01/02/2021, 10:00 - A: x\n01/02/2021, 10:01 - B: y');
    const j1 = await queued.json<{ job: { id: number } }>([
      'exhibit',
      'add',
      CASE,
      prose,
      '--ref',
      'B/1',
      '--queue',
    ]);
    const j2 = await queued.json<{ job: { id: number } }>([
      'exhibit',
      'add',
      CASE,
      undecidable,
      '--ref',
      'B/2',
      '--queue',
    ]);
    const worker = await queued.cli(['worker', '--once', '--json']);
    expect(worker.code).toBe(0);
    const summary = JSON.parse(worker.out) as Summary;
    expect(summary.jobs.map((j) => [j.id, j.status])).toEqual([
      [j1.job.id, 'failed'],
      [j2.job.id, 'failed'],
    ]);
    const f1 = (await queued.json<{ job: JobJson }>(['jobs', 'show', String(j1.job.id)])).job;
    const f2 = (await queued.json<{ job: JobJson }>(['jobs', 'show', String(j2.job.id)])).job;
    expect(f1).toMatchObject({ status: 'failed', attempts: 1 });
    expect(f1.error).toMatch(/prose\.txt: no WhatsApp message header in 3 line/);
    expect(f2).toMatchObject({ status: 'failed', attempts: 1 });
    expect(f2.error).toMatch(/undecidable\.txt.*--date-order/);
    expect(worker.err).toMatch(/failed: prose\.txt: no WhatsApp message header/);

    expect(await queued.json(['stats', CASE])).toEqual(statsBefore);
    expect(await queued.json<unknown[]>(['exhibit', 'list', CASE])).toEqual(exhibitsBefore);
    expect(storedFiles(queued)).toEqual(filesBefore);
    const failed = await queued.json<{ jobs: JobJson[] }>(['jobs', CASE, '--status', 'failed']);
    expect(failed.jobs.map((j) => j.id)).toEqual([j1.job.id, j2.job.id]);
    const text = await queued.cli(['jobs', CASE, '--status', 'failed']);
    expect(text.out).toContain('prose.txt: no WhatsApp message header');
    const audit = await queued.json<AuditPage>(['audit', CASE, '--action', 'job.failed']);
    expect(audit.entries.map((e) => [e.subject, e.detail?.retry])).toEqual([
      [`job ${j1.job.id}`, false],
      [`job ${j2.job.id}`, false],
    ]);

    // Queued again by hand (say the file was unreadable for a reason now mended): attempts start
    // afresh and the retry is audited; a job that has not failed cannot be retried.
    const again = await queued.json<{ job: { id: number; status: string } }>([
      'jobs',
      'retry',
      String(j2.job.id),
    ]);
    expect(again.job).toMatchObject({ id: j2.job.id, status: 'queued' });
    expect((await queued.json<{ job: JobJson }>(['jobs', 'show', String(j2.job.id)])).job).toMatchObject({
      status: 'queued',
      attempts: 0,
    });
    const twice = await queued.cli(['jobs', 'retry', String(j2.job.id)]);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/is queued, not failed/);
    const retried = await queued.json<AuditPage>(['audit', CASE, '--action', 'job.retry']);
    expect(retried.entries.map((e) => e.subject)).toEqual([`job ${j2.job.id}`]);
    const rerun = JSON.parse((await queued.cli(['worker', '--once', '--json'])).out) as Summary;
    expect(rerun.jobs.map((j) => [j.id, j.status])).toEqual([[j2.job.id, 'failed']]);
  });

  it('an import that fails half-way through its transaction is retried, then failed, and leaves nothing', async () => {
    const second = file(
      'WhatsApp Chat with Team 4.txt',
      '13/03/2021, 09:10 - A: first\n14/03/2021, 09:11 - B: second',
    );
    const statsBefore = await queued.json(['stats', CASE]);
    const conversationsBefore = await queued.cli(['conversations', CASE, '--json']);
    const filesBefore = storedFiles(queued);
    // The import report is written after the exhibit, conversation, participants and messages.
    await rawSql(queued, {
      sqlite: [
        "create trigger test_fail_report before insert on import_reports begin select raise(abort, 'disk full (test)'); end",
      ],
      postgres: [
        "create function test_fail_report() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$",
        'create trigger test_fail_report before insert on import_reports for each row execute function test_fail_report()',
      ],
    });
    const job = await queued.json<{ job: { id: number } }>([
      'exhibit',
      'add',
      CASE,
      second,
      '--ref',
      'C/1',
      '--queue',
    ]);
    const worker = await queued.cli(['worker', '--once', '--json']);
    const summary = JSON.parse(worker.out) as Summary;
    expect(summary.jobs.map((j) => [j.id, j.attempt, j.status])).toEqual([
      [job.job.id, 1, 'queued'],
      [job.job.id, 2, 'queued'],
      [job.job.id, 3, 'failed'],
    ]);
    const failed = (await queued.json<{ job: JobJson }>(['jobs', 'show', String(job.job.id)])).job;
    expect(failed).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3 });
    expect(failed.error).toContain('disk full (test)');
    expect(await queued.json(['stats', CASE])).toEqual(statsBefore);
    expect((await queued.cli(['conversations', CASE, '--json'])).out).toBe(conversationsBefore.out);
    expect(await queued.json<{ ref: string }[]>(['exhibit', 'list', CASE])).toHaveLength(1);
    expect(storedFiles(queued)).toEqual(filesBefore);

    // Mended, the same import runs cleanly: nothing of the failed attempts was in its way.
    await rawSql(queued, {
      sqlite: ['drop trigger test_fail_report'],
      postgres: ['drop trigger test_fail_report on import_reports', 'drop function test_fail_report()'],
    });
    await queued.json(['exhibit', 'add', CASE, second, '--ref', 'C/1', '--queue']);
    const again = JSON.parse((await queued.cli(['worker', '--once', '--json'])).out) as Summary;
    expect(again.jobs.map((j) => j.status)).toEqual(['done']);
    expect(await queued.json<{ ref: string }[]>(['exhibit', 'list', CASE])).toHaveLength(2);
    expect((await queued.cli(['verify'])).code).toBe(0);
  });

  it.skipIf(!existsSync(DIST_CLI))(
    'two worker processes side by side run every job exactly once, and stop on SIGTERM',
    async () => {
      const before = (await queued.json<{ jobs: JobJson[] }>(['jobs'])).jobs.length;
      const workers = [0, 1].map(() => spawnCli(queued, ['worker', '--poll-ms', '10', '--json']));
      // Whatever happens below, the worker processes end with the test.
      onTestFinished(() => workers.forEach((w) => w.stop()));
      await Promise.all(workers.map((w) => w.ready));
      const ids: number[] = [];
      for (let i = 0; i < 16; i++)
        ids.push((await queued.json<{ job: { id: number } }>(['analyse', CASE, '--queue'])).job.id);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const open = (await queued.json<{ jobs: JobJson[] }>(['jobs'])).jobs.filter(
          (j) => j.status === 'queued' || j.status === 'running',
        );
        if (open.length === 0 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const w of workers) w.stop();
      const results = await Promise.all(workers.map((w) => w.done));
      expect(
        results.map((r) => r.code),
        results.map((r) => r.err).join('\n'),
      ).toEqual([0, 0]);
      for (const r of results) expect(r.err).toContain('SIGTERM: stopping after the job in hand');
      const summaries = results.map((r) => JSON.parse(r.out) as Summary);
      // An attempt the database turned away (SQLite busy: the other process was writing) is queued
      // again without using up an attempt; every job is done exactly once, by one of the two.
      const perWorker = summaries.map((sum) => sum.jobs.filter((j) => j.status === 'done').map((j) => j.id));
      const ran = perWorker.flat();
      expect(new Set(ran).size).toBe(ran.length);
      expect([...ran].sort((x, y) => x - y)).toEqual(ids);
      for (const sum of summaries) {
        expect(sum.failed).toBe(0);
        for (const j of sum.jobs.filter((o) => o.status !== 'done'))
          expect(j.error).toMatch(/database is locked|busy/);
      }
      const jobs = (await queued.json<{ jobs: JobJson[] }>(['jobs'])).jobs.slice(before);
      expect(jobs.map((j) => [j.status, j.attempts])).toEqual(ids.map(() => ['done', 1]));
      const done = await queued.json<AuditPage>(['audit', CASE, '--action', 'job.done', '--limit', '1000']);
      expect(done.entries.filter((e) => ids.includes(e.detail?.jobId as number))).toHaveLength(ids.length);
      expect((await queued.cli(['verify'])).code).toBe(0);
      console.info(
        `${backend}: jobs done per worker process ${perWorker.map((p) => p.length).join(' + ')}; busy retries ${summaries.reduce((n, sum) => n + sum.retried, 0)}`,
      );
    },
  );
});
