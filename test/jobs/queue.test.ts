/**
 * The job queue on each backend: claiming (atomic, oldest first, one job to one worker even when
 * two connections claim at once), retries up to max_attempts, stale jobs of a stopped worker, and
 * the audit entries of each step.
 */
import { hostname } from 'node:os';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { UserError } from '../../src/domain/errors.js';
import { enqueueJob, requeueStaleJobs, runWorker, type JobHandler } from '../../src/jobs/index.js';
import type { Store } from '../../src/store/open-store.js';
import { backends, type Backend, type OpenedStore } from '../support/backends.js';

interface Audited {
  action: string;
  subject: string | null;
  detail: Record<string, unknown>;
}

async function auditOf(store: Store, action: string): Promise<Audited[]> {
  const entries = await store.audit.list({ limit: 10_000 });
  return entries
    .filter((e) => e.action === action)
    .map((e) => ({
      action: e.action,
      subject: e.subject,
      detail: JSON.parse(e.detailJson) as Record<string, unknown>,
    }));
}

describe.each(backends().map((b) => [b.name, b] as const))('job queue on %s', (_name, backend: Backend) => {
  let opened: OpenedStore;
  let store: Store;
  let caseId: number;

  beforeAll(async () => {
    if (backend.skipReason) return;
    opened = await backend.open();
    store = opened.store;
    caseId = (await store.cases.create({ name: 'Op Queue', createdBy: 'dc' })).id;
  });
  afterAll(async () => backend.cleanup());

  it.skipIf(backend.skipReason !== null)('enqueues (audited), claims oldest first, completes', async () => {
    const a = await enqueueJob(store, { kind: 'test.a', caseId, payload: { n: 1 }, actor: 'dc' });
    const b = await enqueueJob(store, { kind: 'test.b', caseId: null, payload: { n: 2 }, actor: 'dc' });
    expect(a).toMatchObject({ status: 'queued', attempts: 0, maxAttempts: 3, caseId, payload: { n: 1 } });
    expect(b.id).toBeGreaterThan(a.id);
    const queued = (await auditOf(store, 'job.queue')).filter((e) =>
      [a.id, b.id].includes(e.detail.jobId as number),
    );
    expect(queued.map((e) => e.subject)).toEqual([`job ${a.id}`, `job ${b.id}`]);

    expect(await store.jobs.claim('w1', ['nothing.here'])).toBeNull();
    const first = await store.jobs.claim('w1', ['test.b']);
    expect(first).toMatchObject({ id: b.id, status: 'running', attempts: 1, worker: 'w1' });
    expect(first?.startedAt).toBe(first?.heartbeatAt);
    const second = await store.jobs.claim('w2');
    expect(second?.id).toBe(a.id);
    expect(await store.jobs.claim('w3', ['test.a', 'test.b'])).toBeNull();

    expect(await store.jobs.heartbeat(a.id, 'w2')).toBe(true);
    expect(await store.jobs.heartbeat(a.id, 'w1')).toBe(false);
    expect(await store.jobs.complete(a.id, 'w1', { no: true })).toBeNull();
    const done = await store.jobs.complete(a.id, 'w2', { ok: 1 });
    expect(done).toMatchObject({ status: 'done', result: { ok: 1 }, error: null });
    expect(done?.finishedAt).not.toBeNull();
    expect(await store.jobs.complete(a.id, 'w2', { again: true })).toBeNull();

    expect((await store.jobs.list({ caseId })).map((j) => j.id)).toContain(a.id);
    expect((await store.jobs.list({ caseId })).map((j) => j.id)).not.toContain(b.id);
    expect((await store.jobs.list({ status: 'running' })).map((j) => j.id)).toEqual([b.id]);
    expect((await store.jobs.get(b.id))?.worker).toBe('w1');
    expect(await store.jobs.get(999_999)).toBeNull();
    await store.jobs.complete(b.id, 'w1', null);
  });

  it.skipIf(backend.skipReason !== null)(
    'two connections claiming at once never get the same job',
    async () => {
      const other = await opened.reopen();
      const total = 240;
      const ids = new Set<number>();
      for (let i = 0; i < total; i++)
        ids.add((await store.jobs.enqueue({ kind: 'test.race', payload: { i }, createdBy: 'dc' })).id);
      const claimed: { id: number; by: string }[] = [];
      // Four claimers per connection, all at once, until the queue is empty.
      const claimer = async (s: Store, name: string) => {
        for (;;) {
          const job = await s.jobs.claim(name, ['test.race']);
          if (!job) return;
          claimed.push({ id: job.id, by: name });
        }
      };
      await Promise.all(
        [store, other].flatMap((s, n) => [0, 1, 2, 3].map((k) => claimer(s, `store${n}-claimer${k}`))),
      );
      const claimedIds = claimed.map((c) => c.id);
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      expect(claimedIds.length).toBe(total);
      expect(new Set(claimedIds)).toEqual(ids);
      // Both connections did some of the work.
      expect(new Set(claimed.map((c) => c.by.slice(0, 6))).size).toBe(2);
      const rows = await store.jobs.list({ status: 'running', limit: 10_000 });
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const c of claimed) expect(byId.get(c.id)).toMatchObject({ attempts: 1, worker: c.by });
      for (const c of claimed) await store.jobs.complete(c.id, c.by, null);
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'a job that throws is retried up to max_attempts, then failed with its error',
    async () => {
      let calls = 0;
      const handlers: Record<string, JobHandler> = {
        'test.throws': async ({ job }) => {
          calls++;
          throw new Error(`disk on fire (attempt ${job.attempts})`);
        },
      };
      const job = await enqueueJob(store, {
        kind: 'test.throws',
        caseId,
        payload: {},
        actor: 'dc',
        maxAttempts: 3,
      });
      const summary = await runWorker({ store, workspace: '/unused', once: true, handlers, pollMs: 10 });
      expect(calls).toBe(3);
      expect(summary.jobs.map((j) => [j.id, j.attempt, j.status])).toEqual([
        [job.id, 1, 'queued'],
        [job.id, 2, 'queued'],
        [job.id, 3, 'failed'],
      ]);
      expect(summary).toMatchObject({ failed: 1, retried: 2, done: 0 });
      const after = await store.jobs.get(job.id);
      expect(after).toMatchObject({ status: 'failed', attempts: 3, maxAttempts: 3, worker: summary.worker });
      expect(after?.error).toContain('disk on fire (attempt 3)');
      expect(after?.finishedAt).not.toBeNull();
      const failed = (await auditOf(store, 'job.failed')).filter((e) => e.detail.jobId === job.id);
      expect(failed.map((e) => [e.detail.attempt, e.detail.retry])).toEqual([
        [1, true],
        [2, true],
        [3, false],
      ]);
      expect(failed[2]?.detail.error).toContain('disk on fire (attempt 3)');
      expect(await store.audit.verify()).toMatchObject({ ok: true });
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'a UserError (bad input) fails at once, without retries',
    async () => {
      let calls = 0;
      const handlers: Record<string, JobHandler> = {
        'test.bad': async () => {
          calls++;
          throw new UserError('evidence.txt: no WhatsApp message header');
        },
        'test.ok': async ({ job }) => ({ echoed: job.payload }),
      };
      const bad = await enqueueJob(store, { kind: 'test.bad', caseId, payload: {}, actor: 'dc' });
      const good = await enqueueJob(store, { kind: 'test.ok', caseId, payload: { x: 1 }, actor: 'dc' });
      const summary = await runWorker({ store, workspace: '/unused', once: true, handlers, pollMs: 10 });
      expect(calls).toBe(1);
      expect(await store.jobs.get(bad.id)).toMatchObject({
        status: 'failed',
        attempts: 1,
        error: 'evidence.txt: no WhatsApp message header',
      });
      expect(await store.jobs.get(good.id)).toMatchObject({ status: 'done', result: { echoed: { x: 1 } } });
      expect(summary).toMatchObject({ done: 1, failed: 1, retried: 0 });
      const done = (await auditOf(store, 'job.done')).find((e) => e.detail.jobId === good.id);
      expect(done?.detail).toMatchObject({ kind: 'test.ok', attempt: 1, result: { echoed: { x: 1 } } });
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'a busy database (SQLite write lock) sends the job back without using up an attempt',
    async () => {
      let calls = 0;
      const handlers: Record<string, JobHandler> = {
        'test.busy': async () => {
          calls++;
          if (calls <= 3) throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
          return { calls };
        },
      };
      const job = await enqueueJob(store, {
        kind: 'test.busy',
        caseId,
        payload: {},
        actor: 'dc',
        maxAttempts: 1,
      });
      const summary = await runWorker({ store, workspace: '/unused', once: true, handlers, pollMs: 10 });
      expect(summary.jobs.map((j) => j.status)).toEqual(['queued', 'queued', 'queued', 'done']);
      expect(await store.jobs.get(job.id)).toMatchObject({
        status: 'done',
        attempts: 1,
        result: { calls: 4 },
      });
      const failed = (await auditOf(store, 'job.failed')).filter((e) => e.detail.jobId === job.id);
      expect(failed.map((e) => [e.detail.busy, e.detail.retry, e.detail.attempt])).toEqual([
        [true, true, 1],
        [true, true, 1],
        [true, true, 1],
      ]);
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'a running job whose heartbeat is older than the limit is reclaimed; a live one is not',
    async () => {
      const stale = await store.jobs.enqueue({
        kind: 'test.stale',
        payload: {},
        createdBy: 'dc',
        maxAttempts: 2,
      });
      const last = await store.jobs.enqueue({
        kind: 'test.stale',
        payload: {},
        createdBy: 'dc',
        maxAttempts: 1,
      });
      const fresh = await store.jobs.enqueue({ kind: 'test.stale', payload: {}, createdBy: 'dc' });
      const here = await store.jobs.enqueue({ kind: 'test.stale', payload: {}, createdBy: 'dc' });
      const dead = 'gone-host:4242:dead';
      expect((await store.jobs.claim(dead, ['test.stale']))?.id).toBe(stale.id);
      expect((await store.jobs.claim(dead, ['test.stale']))?.id).toBe(last.id);
      expect((await store.jobs.claim('busy-host:1:alive', ['test.stale']))?.id).toBe(fresh.id);
      // A worker of this very process: alive, so spared even when silent (SQLite long transactions).
      const mine = `${hostname()}:${process.pid}:abcd`;
      expect((await store.jobs.claim(mine, ['test.stale']))?.id).toBe(here.id);
      await opened.raw(
        `update jobs set heartbeat_at = '2000-01-01T00:00:00.000Z' where id in (${stale.id}, ${last.id}, ${here.id})`,
      );

      const reclaimed = await requeueStaleJobs(store, 60);
      expect(reclaimed.map((j) => [j.id, j.status])).toEqual([
        [stale.id, 'queued'],
        [last.id, 'failed'],
      ]);
      expect(reclaimed[0]?.error).toMatch(/no heartbeat from worker for over 60 s/);
      expect(await store.jobs.get(fresh.id)).toMatchObject({
        status: 'running',
        worker: 'busy-host:1:alive',
      });
      expect(await store.jobs.get(here.id)).toMatchObject({ status: 'running', worker: mine });
      // Running again finds nothing more to reclaim.
      expect(await requeueStaleJobs(store, 60)).toEqual([]);

      // The stopped worker can no longer finish it; the next claim is its second attempt.
      expect(await store.jobs.heartbeat(stale.id, dead)).toBe(false);
      expect(await store.jobs.complete(stale.id, dead, { late: true })).toBeNull();
      expect(await store.jobs.fail(stale.id, dead, 'late')).toBeNull();
      const again = await store.jobs.claim('w-next', ['test.stale']);
      expect(again).toMatchObject({ id: stale.id, attempts: 2, worker: 'w-next', status: 'running' });
      expect(await store.jobs.complete(stale.id, 'w-next', { ok: true })).toMatchObject({ status: 'done' });

      const failed = (await auditOf(store, 'job.failed')).filter((e) =>
        [stale.id, last.id].includes(e.detail.jobId as number),
      );
      expect(failed.map((e) => [e.detail.jobId, e.detail.stale, e.detail.retry, e.detail.worker])).toEqual([
        [stale.id, true, true, dead],
        [last.id, true, false, dead],
      ]);
      await store.jobs.complete(fresh.id, 'busy-host:1:alive', null);
      await store.jobs.complete(here.id, mine, null);
    },
  );

  it.skipIf(backend.skipReason !== null)(
    'the worker reclaims stale jobs before it claims, and heartbeats while a job runs',
    async () => {
      const job = await store.jobs.enqueue({ kind: 'test.slow', payload: {}, createdBy: 'dc' });
      await store.jobs.claim('gone-host:1:x', ['test.slow']);
      await opened.raw(`update jobs set heartbeat_at = '2000-01-01T00:00:00.000Z' where id = ${job.id}`);
      const beats: (string | null)[] = [];
      const handlers: Record<string, JobHandler> = {
        'test.slow': async ({ store: s, job: j }) => {
          await new Promise((r) => setTimeout(r, 250));
          beats.push((await s.jobs.get(j.id))?.heartbeatAt ?? null);
          return { slept: true };
        },
      };
      const lines: string[] = [];
      const summary = await runWorker({
        store,
        workspace: '/unused',
        once: true,
        handlers,
        heartbeatMs: 20,
        staleAfterSeconds: 60,
        log: (l) => lines.push(l),
      });
      expect(summary.reclaimed).toEqual([job.id]);
      expect(summary.jobs.map((j) => [j.id, j.status, j.attempt])).toEqual([[job.id, 'done', 2]]);
      const after = await store.jobs.get(job.id);
      expect(beats[0]! > after!.startedAt!).toBe(true);
      expect(lines.some((l) => l.includes(`job ${job.id}`) && l.includes('stopped'))).toBe(true);
    },
  );

  it.skipIf(backend.skipReason !== null)('an aborted worker stops; unknown kinds are refused', async () => {
    const controller = new AbortController();
    const running = runWorker({
      store,
      workspace: '/unused',
      pollMs: 5_000,
      signal: controller.signal,
      handlers: {},
    });
    controller.abort();
    expect((await running).jobs).toEqual([]);
    await expect(runWorker({ store, workspace: '/unused', once: true, kinds: ['nope'] })).rejects.toThrow(
      /unknown job kind/,
    );
  });
});
