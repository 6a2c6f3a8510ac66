/**
 * Review workspace under load: 50 simulated reviewers, each logged in with its own session, reading
 * thread windows and coding messages concurrently against `scrutineer serve` running in its own
 * process on 127.0.0.1, for a bounded time: first at a (fast) human pace, then flat out. Reviewers share a small set of "hot" messages so that edit conflicts really
 * happen; on a 409 a reviewer re-applies its decision on the version it was shown.
 *
 * Reported per store: request counts, p50/p99 latency of reads and writes, errors (anything but
 * 200/409), and lost decisions: accepted writes (200) that are missing from the final state or the
 * audit trail, or two accepted writes claiming the same version of a message. The audit chain is
 * verified at the end.
 *
 * Run alone after `npm run build`: `node dist/bench/review-load.js` (BENCH_REVIEWERS, BENCH_REVIEW_SECONDS; PostgreSQL too
 * when SCRUTINEER_TEST_DATABASE_URL is set).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { hashPassword } from '../src/review/passwords.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { toMessageRow } from '../src/store/types.js';
import type { BenchResult } from './types.js';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/cli/main.js');
const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 50);
const SECONDS = Number(process.env.BENCH_REVIEW_SECONDS ?? 10);
const MESSAGES = 5000;
/** Messages every reviewer codes from: small enough that reviewers collide. */
const HOT = 100;
const PASSWORD = 'load-test-password-not-for-use';

interface Accepted {
  readonly messageId: number;
  readonly version: number;
  readonly note: string;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function seedStore(store: Store): Promise<{ caseId: number; conversationId: number; ids: number[] }> {
  const c = await store.cases.create({ name: 'Op Load', createdBy: 'bench' });
  const e = await store.exhibits.create({
    caseId: c.id,
    ref: 'LD/1',
    originalName: 'chat.txt',
    size: 1,
    sha256: 'f'.repeat(64),
    storedPath: 'x',
    format: 'whatsapp-text',
    addedBy: 'bench',
  });
  const conv = await store.conversations.create({ caseId: c.id, name: 'Load', exhibitId: e.id });
  const ids = await store.transaction((repos) =>
    repos.messages.insertMany(
      Array.from({ length: MESSAGES }, (_, i) =>
        toMessageRow(
          {
            seq: i,
            sender: `Officer ${i % 12}`,
            kind: 'text',
            text: `message ${i} about the shift`,
            time: {
              localText: '01/04/2023, 10:00',
              zone: 'Europe/London',
              utc: new Date(Date.UTC(2023, 3, 1) + i * 60_000).toISOString(),
              resolution: 'exact',
            },
            edited: false,
            media: null,
            poll: null,
            location: null,
            system: null,
            source: { type: 'text', lineStart: i + 1, lineEnd: i + 1, byteStart: 0, byteEnd: 0 },
          },
          { caseId: c.id, conversationId: conv.id, exhibitId: e.id },
        ),
      ),
    ),
  );
  const run = await store.flags.startRun({ caseId: c.id, actor: 'bench', version: {}, termListId: null });
  await store.flags.insertMany(
    ids.map((messageId, i) => ({
      runId: run.id,
      caseId: c.id,
      messageId,
      score: i % 10 === 0 ? 0.9 : 0.1,
      flagged: i % 10 === 0,
      categories: i % 10 === 0 ? [{ name: 'race', score: 0.9 }] : [],
      spans: [],
    })),
  );
  await store.flags.finishRun(run.id, { messages: ids.length, flagged: Math.ceil(ids.length / 10) });
  // One hash for every simulated reviewer: hashing 50 times would only time argon2.
  const passwordHash = await hashPassword(PASSWORD);
  for (let r = 0; r < REVIEWERS; r++) {
    const u = await store.users.create({
      username: `reviewer${r}`,
      passwordHash,
      role: 'reviewer',
      createdBy: 'bench',
    });
    await store.caseMembers.add({ caseId: c.id, userId: u.id, addedBy: 'bench' });
  }
  return { caseId: c.id, conversationId: conv.id, ids };
}

/** `scrutineer serve` in its own process, as a user runs it; resolves with its address. */
async function startServe(env: NodeJS.ProcessEnv): Promise<{ url: string; stop: () => Promise<void> }> {
  // BENCH_SERVE_NODE_ARGS, e.g. "--cpu-prof", to look inside the server.
  const nodeArgs = process.env.BENCH_SERVE_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--port', '0', '--json'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        resolve((JSON.parse(out) as { url: string }).url);
      } catch {
        // not the whole JSON document yet
      }
    });
    child.once('exit', (code) => reject(new Error(`scrutineer serve exited with ${code}`)));
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

interface Phase {
  readonly name: string;
  /** Pause between a reviewer's actions, ms: [min, max). */
  readonly think: readonly [number, number];
}

/** Paced: a decision a second per reviewer is already faster than people code; flat out: no pause. */
const PHASES: readonly Phase[] = [
  { name: 'paced (0.5–1.5 s between actions)', think: [500, 1500] },
  { name: 'flat out (no pause)', think: [0, 0] },
];

async function runAgainst(
  label: string,
  store: Store,
  serveEnv: NodeJS.ProcessEnv,
): Promise<Record<string, string | number>[]> {
  const { conversationId, ids } = await seedStore(store);
  const server = await startServe(serveEnv);
  const base = server.url;
  const accepted: Accepted[] = [];
  const rows: Record<string, string | number>[] = [];
  let counter = 0;
  try {
    const sessions = await Promise.all(
      Array.from({ length: REVIEWERS }, async (_, r) => {
        const res = await fetch(`${base}/api/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: `reviewer${r}`, password: PASSWORD }),
        });
        if (res.status !== 200) throw new Error(`login reviewer${r}: ${res.status}`);
        const { csrfToken } = (await res.json()) as { csrfToken: string };
        return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken };
      }),
    );
    for (const phase of PHASES) {
      const reads: number[] = [];
      const writes: number[] = [];
      let conflicts = 0;
      let errors = 0;
      let acceptedHere = 0;
      const deadline = Date.now() + SECONDS * 1000;
      await Promise.all(
        sessions.map(async (s, r) => {
          let rnd = (r + 1) * 2654435761;
          const next = () => ((rnd = (rnd * 1103515245 + 12345) >>> 0), rnd);
          const pause = async () => {
            const [lo, hi] = phase.think;
            if (hi > 0) await sleep(lo + (next() % (hi - lo)));
          };
          await pause();
          while (Date.now() < deadline) {
            const seq = next() % HOT;
            const t0 = performance.now();
            const win = await fetch(
              `${base}/api/conversations/${conversationId}/messages?from=${seq}&limit=50`,
              { headers: { cookie: s.cookie } },
            );
            const page = (await win.json()) as {
              messages: { id: number; code: { version: number } | null }[];
            };
            reads.push(performance.now() - t0);
            if (win.status !== 200) {
              errors++;
              continue;
            }
            const m = page.messages[0]!;
            let baseVersion = m.code?.version ?? 0;
            for (let attempt = 0; attempt < 3; attempt++) {
              const note = `r${r}-${counter++}`;
              const t1 = performance.now();
              const res = await fetch(`${base}/api/messages/${m.id}/code`, {
                method: 'PUT',
                headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
                body: JSON.stringify({
                  decision: next() % 2 ? 'not_offensive' : 'unsure',
                  categories: [],
                  standards: [],
                  potentialS127: false,
                  note,
                  baseVersion,
                }),
              });
              const body = (await res.json()) as {
                code?: { version: number };
                current?: { version: number } | null;
              };
              writes.push(performance.now() - t1);
              if (res.status === 200) {
                accepted.push({ messageId: m.id, version: body.code!.version, note });
                acceptedHere++;
                break;
              }
              if (res.status === 409) {
                conflicts++;
                baseVersion = body.current?.version ?? 0;
                continue;
              }
              errors++;
              break;
            }
            await pause();
          }
        }),
      );
      reads.sort((a, b) => a - b);
      writes.sort((a, b) => a - b);
      rows.push({
        store: label,
        load: phase.name,
        'requests/s': Math.round((reads.length + writes.length) / SECONDS),
        'window reads': reads.length,
        'read p50 ms': percentile(reads, 50).toFixed(1),
        'read p99 ms': percentile(reads, 99).toFixed(1),
        'code writes': writes.length,
        accepted: acceptedHere,
        '409s': conflicts,
        'write p50 ms': percentile(writes, 50).toFixed(1),
        'write p99 ms': percentile(writes, 99).toFixed(1),
        errors,
      });
    }
  } finally {
    await server.stop();
  }

  // Lost decisions: every accepted write must be in the audit trail with its version and note, no
  // two accepted writes may share a version, and the stored code must be the last accepted one.
  let lost = 0;
  const byMessage = new Map<number, Accepted[]>();
  for (const a of accepted)
    (byMessage.get(a.messageId) ?? byMessage.set(a.messageId, []).get(a.messageId)!).push(a);
  for (const [messageId, list] of byMessage) {
    const versions = new Set(list.map((a) => a.version));
    lost += list.length - versions.size;
    const history = await store.reviews.history(messageId);
    const audited = new Set(
      history
        .filter((h) => h.action === 'code.set')
        .map((h) => {
          const d = JSON.parse(h.detailJson) as { version: number; note: string };
          return `${d.version}:${d.note}`;
        }),
    );
    for (const a of list) if (!audited.has(`${a.version}:${a.note}`)) lost++;
    const last = list.reduce((x, y) => (y.version > x.version ? y : x));
    const stored = await store.codes.get(messageId);
    if (!stored || stored.version !== last.version || stored.note !== last.note) lost++;
  }
  const verify = await store.audit.verify();
  const audit = verify.ok ? `ok (${verify.entries})` : `BROKEN at ${verify.firstBad?.id}`;
  return rows.map((r) => ({ ...r, 'lost decisions': lost, 'audit chain': audit, messages: ids.length }));
}

export async function benchReviewLoad(): Promise<BenchResult> {
  const rows: Record<string, string | number>[] = [];
  const notes: string[] = [
    `${REVIEWERS} reviewers, each its own session, for ${SECONDS} s: read a 50-message window at a random one of ${HOT} hot messages, then code its first message on the version shown (on 409, again on the current version, up to 3 tries).`,
    '`scrutineer serve` runs in its own process; the 50 clients share the other core of the machine, so latencies include client time.',
    'Each phase runs for the same time on the same server; lost decisions and the audit chain are checked over both phases together.',
  ];
  const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-load-'));
  try {
    const sqlite = await openStore({ workspace: dir });
    try {
      rows.push(...(await runAgainst('SQLite', sqlite, { SCRUTINEER_WORKSPACE: dir })));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.SCRUTINEER_TEST_DATABASE_URL;
  if (url) {
    const schema = `scrutineer_load_${process.pid}`;
    const u = new URL(url);
    u.searchParams.set('schema', schema);
    const store = await openStore({ workspace: dir, databaseUrl: u.toString() });
    try {
      rows.push(
        ...(await runAgainst('PostgreSQL', store, { SCRUTINEER_WORKSPACE: dir, DATABASE_URL: u.toString() })),
      );
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`drop schema if exists "${schema}" cascade`);
      await client.end();
    }
  } else {
    notes.push('PostgreSQL not measured: set SCRUTINEER_TEST_DATABASE_URL.');
  }
  return { name: 'Review workspace under load', rows, notes };
}

function isMain(): boolean {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  const r = await benchReviewLoad();
  process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
}
