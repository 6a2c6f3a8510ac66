/**
 * Putting jobs on the queue and recording how they end. Every step the record needs is audited in
 * the same transaction as the queue row it describes: `job.queue`, `job.done`, `job.failed` (a
 * failed attempt that will be tried again is `job.failed` with `retry: true`).
 */
import { hostname } from 'node:os';

import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { Repos } from '../store/repositories/index.js';
import type { JobRecord } from '../store/repositories/jobs.js';
import type { ExhibitRequest } from '../evidence/import-request.js';
import { ANALYSE, EXHIBIT_ADD, exhibitAddPayloadFor } from './kinds.js';

export interface EnqueueRequest {
  readonly kind: string;
  readonly caseId: number | null;
  readonly payload: unknown;
  /** The operator queueing it; the job runs in their name. */
  readonly actor: string;
  readonly maxAttempts?: number;
}

const subject = (job: JobRecord): string => `job ${job.id}`;

export async function enqueueJob(store: Store, req: EnqueueRequest): Promise<JobRecord> {
  return store.transaction(async (repos) => {
    const job = await repos.jobs.enqueue({
      kind: req.kind,
      caseId: req.caseId,
      payload: req.payload,
      createdBy: req.actor,
      ...(req.maxAttempts === undefined ? {} : { maxAttempts: req.maxAttempts }),
    });
    await repos.audit.append({
      actor: req.actor,
      action: 'job.queue',
      caseId: job.caseId,
      subject: subject(job),
      detail: { jobId: job.id, kind: job.kind, maxAttempts: job.maxAttempts, payload: job.payload },
    });
    return job;
  });
}

/** Queue a failed job again (its attempts start afresh), audited as `job.retry`. */
export async function retryJob(store: Store, id: number, actor: string): Promise<JobRecord> {
  return store.transaction(async (repos) => {
    const before = await repos.jobs.get(id);
    if (!before)
      throw new UserError(`no job ${id} in this workspace (see \`scrutineer jobs\`)`, { code: 'no_job' });
    const job = await repos.jobs.retry(id);
    if (!job)
      throw new UserError(
        `job ${id} is ${before.status}, not failed: only a failed job can be queued again`,
        {
          code: 'not_failed',
        },
      );
    await repos.audit.append({
      actor,
      action: 'job.retry',
      caseId: job.caseId,
      subject: subject(job),
      detail: { jobId: job.id, kind: job.kind, lastError: before.error },
    });
    return job;
  });
}

/** Queue an exhibit import, after checking what can be checked now (case, file, zone, reference). */
export async function queueExhibitAdd(
  store: Store,
  req: ExhibitRequest,
  actor: string,
  maxAttempts?: number,
): Promise<JobRecord> {
  const payload = await exhibitAddPayloadFor(store, req);
  return enqueueJob(store, {
    kind: EXHIBIT_ADD,
    caseId: payload.caseId,
    payload,
    actor,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

/** Queue an analysis run of a case (by name or id). */
export async function queueAnalysis(
  store: Store,
  caseNameOrId: string | number,
  actor: string,
  maxAttempts?: number,
): Promise<JobRecord> {
  const theCase = await store.cases.findByNameOrId(caseNameOrId);
  if (!theCase)
    throw new UserError(`no case "${caseNameOrId}" in this workspace (see \`scrutineer case list\`)`, {
      code: 'no_case',
    });
  return enqueueJob(store, {
    kind: ANALYSE,
    caseId: theCase.id,
    payload: { caseId: theCase.id },
    actor,
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}

/** Records success (and audits it). Null when the job is no longer this worker's. */
export async function completeJob(
  store: Store,
  job: JobRecord,
  worker: string,
  result: unknown,
): Promise<JobRecord | null> {
  return store.transaction(async (repos) => {
    const done = await repos.jobs.complete(job.id, worker, result);
    if (!done) return null;
    await repos.audit.append({
      actor: job.createdBy,
      action: 'job.done',
      caseId: done.caseId,
      subject: subject(done),
      detail: { jobId: done.id, kind: done.kind, worker, attempt: done.attempts, result: done.result },
    });
    return done;
  });
}

/**
 * Records a failed attempt (and audits it): queued again while attempts remain and `retry` allows,
 * else 'failed'. Null when the job is no longer this worker's.
 */
export async function failJob(
  store: Store,
  job: JobRecord,
  worker: string,
  error: string,
  retry: boolean,
): Promise<JobRecord | null> {
  return store.transaction(async (repos) => {
    const after = await repos.jobs.fail(job.id, worker, error, { retry });
    if (!after) return null;
    await auditFailure(repos, after, worker);
    return after;
  });
}

/**
 * The database was busy (SQLite: another process held the write lock past the point where this
 * job's transaction needed it): back on the queue without using up an attempt; audited as
 * `job.failed` with `retry: true, busy: true`.
 */
export async function releaseBusyJob(
  store: Store,
  job: JobRecord,
  worker: string,
  error: string,
): Promise<JobRecord | null> {
  return store.transaction(async (repos) => {
    const after = await repos.jobs.release(job.id, worker, error);
    if (!after) return null;
    await auditFailure(repos, after, worker, false, true);
    return after;
  });
}

/**
 * Running jobs whose worker stopped sending heartbeats `staleAfterSeconds` ago: queued again (or
 * failed, on their last attempt), each audited as `job.failed`. A worker on this machine whose
 * process is still alive is spared: on SQLite its heartbeats wait while its own job's transaction
 * holds the database's one write lock, so silence there does not mean it died.
 */
export async function requeueStaleJobs(store: Store, staleAfterSeconds: number): Promise<JobRecord[]> {
  const sparing = (await store.jobs.staleWorkers(staleAfterSeconds)).filter(isAliveHere);
  return store.transaction(async (repos) => {
    const jobs = await repos.jobs.requeueStale(staleAfterSeconds, sparing);
    for (const job of jobs) await auditFailure(repos, job, job.worker, true);
    return jobs;
  });
}

async function auditFailure(
  repos: Repos,
  job: JobRecord,
  worker: string | null,
  stale = false,
  busy = false,
): Promise<void> {
  await repos.audit.append({
    actor: job.createdBy,
    action: 'job.failed',
    caseId: job.caseId,
    subject: subject(job),
    detail: {
      jobId: job.id,
      kind: job.kind,
      worker,
      attempt: busy ? job.attempts + 1 : job.attempts,
      maxAttempts: job.maxAttempts,
      retry: job.status === 'queued',
      stale,
      ...(busy ? { busy } : {}),
      error: job.error,
    },
  });
}

/** A worker id names this process's host and a running process (host:pid:random). */
export function isAliveHere(worker: string): boolean {
  const m = /^(.*):(\d+):[^:]*$/u.exec(worker);
  if (!m || m[1] !== hostname()) return false;
  const pid = Number(m[2]);
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
