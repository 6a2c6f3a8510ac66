/**
 * The worker: takes jobs from the queue one at a time, keeps a heartbeat while each runs, and
 * records its result or error. Run as many as the database can serve, on as many machines as share
 * the workspace folder (the evidence store) and the database.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { JobStatus } from '../contract/workspace-words.js';
import type { JobRecord } from '../store/repositories/jobs.js';
import { JOB_HANDLERS, type JobHandler } from './kinds.js';
import { completeJob, failJob, releaseBusyJob, requeueStaleJobs } from './queue.js';

export const DEFAULT_POLL_MS = 1_000;
export const DEFAULT_HEARTBEAT_MS = 10_000;
/** A running job without a heartbeat for this long is taken to have lost its worker. */
export const DEFAULT_STALE_AFTER_SECONDS = 600;

export interface WorkerOptions {
  readonly store: Store;
  /** The workspace folder: where the evidence store is. */
  readonly workspace: string;
  /** Stop when no job is queued (instead of waiting for more). */
  readonly once?: boolean;
  /** How often an idle worker looks for work. */
  readonly pollMs?: number;
  /** Only these kinds (default: every kind this worker has a handler for). */
  readonly kinds?: readonly string[];
  /** Handlers by kind (default JOB_HANDLERS). */
  readonly handlers?: Readonly<Record<string, JobHandler>>;
  readonly heartbeatMs?: number;
  readonly staleAfterSeconds?: number;
  /** Stops the worker after the job in hand (or at once when idle). */
  readonly signal?: AbortSignal;
  /** Progress and information, one line each, no newline. */
  readonly log?: (line: string) => void;
  /** Default host:pid:random. */
  readonly workerId?: string;
}

export interface WorkerJobOutcome {
  readonly id: number;
  readonly kind: string;
  readonly caseId: number | null;
  /** After this attempt: 'done', 'failed', or 'queued' for another attempt; null when it was reclaimed meanwhile. */
  readonly status: JobStatus | null;
  readonly attempt: number;
  readonly error: string | null;
  readonly result: unknown;
  readonly ms: number;
}

export interface WorkerSummary {
  readonly worker: string;
  readonly jobs: WorkerJobOutcome[];
  /** Jobs of stopped workers this worker put back on the queue (or failed, on their last attempt). */
  readonly reclaimed: number[];
  readonly done: number;
  readonly failed: number;
  readonly retried: number;
}

export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
}

function errorText(error: unknown): string {
  if (error instanceof UserError) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}

/** SQLite's write lock held past busy_timeout by another process: try again later, not an error. */
function isBusy(error: unknown): boolean {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code.startsWith('SQLITE_BUSY')) return true;
  }
  return false;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const handlers = opts.handlers ?? JOB_HANDLERS;
  const kinds = opts.kinds ?? Object.keys(handlers);
  const unknown = kinds.filter((k) => !(k in handlers));
  if (unknown.length)
    throw new UserError(
      `unknown job kind(s): ${unknown.join(', ')} (known: ${Object.keys(handlers).join(', ')})`,
    );
  const pollMs = opts.pollMs ?? DEFAULT_POLL_MS;
  const heartbeatMs = opts.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const staleAfter = opts.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
  const worker = opts.workerId ?? newWorkerId();
  const log = opts.log ?? (() => undefined);
  const jobs: WorkerJobOutcome[] = [];
  const reclaimed: number[] = [];

  log(`worker ${worker}: taking ${kinds.join(', ')} jobs from ${opts.store.location}`);
  while (!opts.signal?.aborted) {
    let job: JobRecord | null;
    try {
      for (const r of await requeueStaleJobs(opts.store, staleAfter)) {
        reclaimed.push(r.id);
        log(
          `job ${r.id} (${r.kind}): its worker ${r.worker ?? '?'} stopped; ${r.status === 'queued' ? 'queued again' : 'failed'}`,
        );
      }
      job = await opts.store.jobs.claim(worker, kinds);
    } catch (error) {
      if (!isBusy(error)) throw error;
      log('the database is busy (another process is writing); waiting');
      await sleep(pollMs, opts.signal);
      continue;
    }
    if (!job) {
      if (opts.once) break;
      await sleep(pollMs, opts.signal);
      continue;
    }
    jobs.push(await runOne(opts, handlers[job.kind]!, job, worker, heartbeatMs, log));
  }
  const count = (s: JobStatus) => jobs.filter((j) => j.status === s).length;
  log(`worker ${worker}: stopped after ${jobs.length} job(s)`);
  return { worker, jobs, reclaimed, done: count('done'), failed: count('failed'), retried: count('queued') };
}

async function runOne(
  opts: WorkerOptions,
  handler: JobHandler,
  job: JobRecord,
  worker: string,
  heartbeatMs: number,
  log: (line: string) => void,
): Promise<WorkerJobOutcome> {
  const { store } = opts;
  const label = `job ${job.id} (${job.kind}${job.caseId === null ? '' : `, case ${job.caseId}`})`;
  log(`${label}: attempt ${job.attempts} of ${job.maxAttempts}`);
  const started = Date.now();

  // Heartbeats run beside the job; one at a time (on SQLite they wait while the job's own
  // transaction holds the connection, and must not pile up).
  let beating: Promise<void> | null = null;
  let lost = false;
  const timer = setInterval(() => {
    if (beating) return;
    beating = store.jobs
      .heartbeat(job.id, worker)
      .then((ok) => {
        if (!ok && !lost) {
          lost = true;
          log(`${label}: no longer this worker's (reclaimed as stale); its outcome will not be recorded`);
        }
      })
      .catch(() => undefined)
      .finally(() => {
        beating = null;
      });
  }, heartbeatMs);

  let lastTenth = -1;
  const progress = (done: number, total: number) => {
    if (total <= 0) return;
    const tenth = Math.min(10, Math.floor((done / total) * 10));
    if (tenth === lastTenth) return;
    lastTenth = tenth;
    log(`${label}: ${tenth * 10}%`);
  };

  let result: unknown = null;
  let error: unknown = null;
  let ok = false;
  try {
    result = await handler({ store, workspace: opts.workspace, job, progress });
    ok = true;
  } catch (e) {
    error = e;
  } finally {
    clearInterval(timer);
    await beating;
  }
  const ms = Date.now() - started;
  if (ok) {
    const done = await completeJob(store, job, worker, result);
    log(done ? `${label}: done in ${ms} ms` : `${label}: finished, but was reclaimed meanwhile`);
    return outcome(job, done?.status ?? null, null, result, ms);
  }
  const message = errorText(error);
  const firstLine = message.split('\n')[0] ?? message;
  if (isBusy(error)) {
    // Contention, not a fault of the job: its transaction was rolled back; try again shortly.
    const released = await releaseBusyJob(store, job, worker, firstLine);
    log(`${label}: the database was busy (${firstLine}); queued again without using up an attempt`);
    await sleep(50 + Math.floor(Math.random() * 200), opts.signal);
    return outcome(job, released?.status ?? null, message, null, ms);
  }
  // Bad input (the file, the case, the options) fails the same way every time: no second attempt.
  const retry = !(error instanceof UserError);
  const after = await failJob(store, job, worker, message, retry);
  log(
    after === null
      ? `${label}: failed (${firstLine}), but was reclaimed meanwhile`
      : after.status === 'queued'
        ? `${label}: attempt ${job.attempts} failed (${firstLine}); queued again`
        : `${label}: failed: ${firstLine}`,
  );
  return outcome(job, after?.status ?? null, message, null, ms);
}

function outcome(
  job: JobRecord,
  status: JobStatus | null,
  error: string | null,
  result: unknown,
  ms: number,
): WorkerJobOutcome {
  return { id: job.id, kind: job.kind, caseId: job.caseId, status, attempt: job.attempts, error, result, ms };
}
