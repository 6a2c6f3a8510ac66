/**
 * The job queue (migration 0011): long jobs (exhibit imports, analysis runs) that any number of
 * workers on any number of machines take one at a time from the same database.
 *
 * Claiming is one statement: on PostgreSQL `update … where id = (select id … for update skip
 * locked limit 1) returning *`, so concurrent workers pass over each other's rows instead of waiting
 * or taking the same one; on SQLite `update … where id = (select …) returning *`, atomic because the
 * statement holds the database's single write lock from its first read to its last write.
 */
import type { Selectable } from 'kysely';

import { JOB_STATUSES, type JobStatus } from '../../contract/workspace-words.js';
import type { JobsTable } from '../database.js';
import { toInt, type RepoContext } from './context.js';

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export interface JobRecord {
  readonly id: number;
  readonly kind: string;
  readonly caseId: number | null;
  readonly payload: unknown;
  readonly status: JobStatus;
  /** Claims so far (the running one included). */
  readonly attempts: number;
  readonly maxAttempts: number;
  readonly createdAt: string;
  readonly createdBy: string;
  /** When the latest attempt started. */
  readonly startedAt: string | null;
  readonly heartbeatAt: string | null;
  readonly finishedAt: string | null;
  /** The worker of the latest attempt: host:pid:random. */
  readonly worker: string | null;
  readonly result: unknown;
  /** The latest attempt's error (kept when a later attempt is queued). */
  readonly error: string | null;
}

export interface NewJob {
  readonly kind: string;
  readonly caseId?: number | null;
  readonly payload: unknown;
  readonly createdBy: string;
  /** Default 3. */
  readonly maxAttempts?: number;
}

export interface JobFilters {
  readonly caseId?: number;
  readonly status?: JobStatus;
  /** Oldest first from here (exclusive). */
  readonly afterId?: number;
  readonly limit?: number;
}

export const DEFAULT_MAX_ATTEMPTS = 3;

const toRecord = (r: Selectable<JobsTable>): JobRecord => ({
  id: toInt(r.id),
  kind: r.kind,
  caseId: r.case_id === null ? null : toInt(r.case_id),
  payload: JSON.parse(r.payload_json) as unknown,
  status: r.status as JobStatus,
  attempts: toInt(r.attempts),
  maxAttempts: toInt(r.max_attempts),
  createdAt: r.created_at,
  createdBy: r.created_by,
  startedAt: r.started_at,
  heartbeatAt: r.heartbeat_at,
  finishedAt: r.finished_at,
  worker: r.worker,
  result: r.result_json === null ? null : (JSON.parse(r.result_json) as unknown),
  error: r.error,
});

export class JobsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async enqueue(job: NewJob): Promise<JobRecord> {
    const maxAttempts = job.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
      throw new RangeError(`maxAttempts must be a whole number of at least 1 (got ${maxAttempts})`);
    const row = await this.ctx.db
      .insertInto('jobs')
      .values({
        kind: job.kind,
        case_id: job.caseId ?? null,
        payload_json: JSON.stringify(job.payload ?? null),
        status: 'queued',
        attempts: 0,
        max_attempts: maxAttempts,
        created_at: this.ctx.now(),
        created_by: job.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  /**
   * Take the oldest queued job (of one of `kinds`, when given) for `worker`: it becomes 'running'
   * with one more attempt. Null when nothing is queued. Never gives one job to two workers.
   */
  async claim(worker: string, kinds?: readonly string[]): Promise<JobRecord | null> {
    if (kinds && kinds.length === 0) return null;
    const now = this.ctx.now();
    const row = await this.ctx.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        attempts: eb('attempts', '+', 1),
        worker,
        started_at: now,
        heartbeat_at: now,
        finished_at: null,
      }))
      .where('id', '=', (eb) => {
        let next = eb.selectFrom('jobs').select('id').where('status', '=', 'queued');
        if (kinds) next = next.where('kind', 'in', kinds);
        next = next.orderBy('id').limit(1);
        return this.ctx.dialect === 'postgres' ? next.forUpdate().skipLocked() : next;
      })
      .where('status', '=', 'queued')
      .returningAll()
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** The worker is still at it. False when the job is no longer this worker's (e.g. reclaimed as stale). */
  async heartbeat(id: number, worker: string): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('jobs')
      .set({ heartbeat_at: this.ctx.now() })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** The job succeeded. Null when it is no longer this worker's to finish. */
  async complete(id: number, worker: string, result: unknown): Promise<JobRecord | null> {
    const row = await this.ctx.db
      .updateTable('jobs')
      .set({
        status: 'done',
        finished_at: this.ctx.now(),
        result_json: JSON.stringify(result ?? null),
        error: null,
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .returningAll()
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * The attempt failed: queued again while attempts < max_attempts (unless `retry` is false, for
   * errors another attempt cannot mend), else 'failed'. Null when it is no longer this worker's.
   */
  async fail(
    id: number,
    worker: string,
    error: string,
    options: { readonly retry?: boolean } = {},
  ): Promise<JobRecord | null> {
    const now = this.ctx.now();
    const row = await this.ctx.db
      .updateTable('jobs')
      .set((eb) => {
        if (options.retry === false) return { status: 'failed', finished_at: now, heartbeat_at: null, error };
        const last = eb('attempts', '>=', eb.ref('max_attempts'));
        return {
          status: eb.case().when(last).then('failed').else('queued').end(),
          finished_at: eb.case().when(last).then(now).else(null).end(),
          heartbeat_at: null,
          error,
        };
      })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .returningAll()
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * A failed job queued again by hand, with its attempts counted from nought (its last error is
   * kept until the next attempt). Null unless it had failed.
   */
  async retry(id: number): Promise<JobRecord | null> {
    const row = await this.ctx.db
      .updateTable('jobs')
      .set({ status: 'queued', attempts: 0, worker: null, heartbeat_at: null, finished_at: null })
      .where('id', '=', id)
      .where('status', '=', 'failed')
      .returningAll()
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * Put the job back on the queue without counting the attempt: the database turned it away
   * before any of its work could stay (SQLite busy: another process held the write lock). Null
   * when it is no longer this worker's.
   */
  async release(id: number, worker: string, error: string): Promise<JobRecord | null> {
    const row = await this.ctx.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'queued',
        attempts: eb('attempts', '-', 1),
        heartbeat_at: null,
        error,
      }))
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where('worker', '=', worker)
      .where('attempts', '>', 0)
      .returningAll()
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * Running jobs whose worker has not sent a heartbeat for `olderThanSeconds` (it died, or lost the
   * database): queued again while attempts remain, else 'failed'. Returns the jobs as they now are.
   * `sparing` names workers known to be alive whose jobs are left alone.
   */
  async requeueStale(olderThanSeconds: number, sparing: readonly string[] = []): Promise<JobRecord[]> {
    const now = this.ctx.now();
    const cutoff = new Date(Date.parse(now) - olderThanSeconds * 1000).toISOString();
    const rows = await this.ctx.db
      .updateTable('jobs')
      .set((eb) => {
        const last = eb('attempts', '>=', eb.ref('max_attempts'));
        return {
          status: eb.case().when(last).then('failed').else('queued').end(),
          finished_at: eb.case().when(last).then(now).else(null).end(),
          error: `no heartbeat from worker for over ${olderThanSeconds} s (found at ${now}): the worker stopped`,
          heartbeat_at: null,
        };
      })
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('heartbeat_at', '<', cutoff), eb('heartbeat_at', 'is', null)]))
      .$if(sparing.length > 0, (q) => q.where('worker', 'not in', sparing))
      .returningAll()
      .execute();
    return rows.map(toRecord).sort((a, b) => a.id - b.id);
  }

  /** The workers with a running job whose heartbeat is older than `olderThanSeconds`. */
  async staleWorkers(olderThanSeconds: number): Promise<string[]> {
    const cutoff = new Date(Date.parse(this.ctx.now()) - olderThanSeconds * 1000).toISOString();
    const rows = await this.ctx.db
      .selectFrom('jobs')
      .select('worker')
      .distinct()
      .where('status', '=', 'running')
      .where((eb) => eb.or([eb('heartbeat_at', '<', cutoff), eb('heartbeat_at', 'is', null)]))
      .execute();
    return rows.flatMap((r) => (r.worker === null ? [] : [r.worker]));
  }

  async get(id: number): Promise<JobRecord | null> {
    const row = await this.ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /** Oldest first. */
  async list(filters: JobFilters = {}): Promise<JobRecord[]> {
    let q = this.ctx.db.selectFrom('jobs').selectAll();
    if (filters.caseId !== undefined) q = q.where('case_id', '=', filters.caseId);
    if (filters.status !== undefined) q = q.where('status', '=', filters.status);
    if (filters.afterId !== undefined) q = q.where('id', '>', filters.afterId);
    const rows = await q
      .orderBy('id')
      .limit(filters.limit ?? 1_000)
      .execute();
    return rows.map(toRecord);
  }

  /** How many jobs are in each status (of one case, when given). */
  async counts(caseId?: number): Promise<Record<JobStatus, number>> {
    let q = this.ctx.db
      .selectFrom('jobs')
      .select((eb) => ['status', eb.fn.countAll().as('n')])
      .groupBy('status');
    if (caseId !== undefined) q = q.where('case_id', '=', caseId);
    const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of await q.execute()) if (isJobStatus(r.status)) out[r.status] = toInt(r.n);
    return out;
  }
}
