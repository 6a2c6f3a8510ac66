import type { Command } from 'commander';

import { UsageError, UserError } from '../../domain/errors.js';
import {
  DEFAULT_POLL_MS,
  DEFAULT_STALE_AFTER_SECONDS,
  JOB_KINDS,
  retryJob,
  runWorker,
} from '../../jobs/index.js';
import { JOB_STATUSES } from '../../contract/workspace-words.js';
import { isJobStatus, type JobRecord } from '../../store/repositories/jobs.js';
import type { Store } from '../../store/open-store.js';
import { actor, globalOptions, withStore, type CliContext, type GlobalOptions } from '../context.js';
import { printJson, printTable } from '../output.js';
import { requireCase } from './shared.js';

/** What `exhibit add --queue` and `analyse --queue` print: the job id (JSON `{ job: { id, kind, status } }`). */
export function printQueued(ctx: CliContext, opts: GlobalOptions, job: JobRecord): void {
  if (opts.json) {
    printJson(ctx.io, { job: { id: job.id, kind: job.kind, status: job.status } });
    return;
  }
  ctx.io.out(
    `Queued job ${job.id} (${job.kind}). \`scrutineer worker\` runs it; \`scrutineer jobs show ${job.id}\` follows it.\n`,
  );
}

function positiveNumber(value: string, option: string, integer: boolean): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n)))
    throw new UsageError(
      `${option} must be a positive ${integer ? 'whole number' : 'number'} (got "${value}")`,
    );
  return n;
}

const firstLine = (text: string | null): string => (text ?? '').split('\n')[0] ?? '';

async function caseNames(store: Store): Promise<Map<number, string>> {
  return new Map((await store.cases.list()).map((c) => [c.id, c.name]));
}

export function registerJobs(program: Command, ctx: CliContext): void {
  const jobs = program
    .command('jobs')
    .description('the job queue: queued, running, done and failed jobs (of one case, when given)')
    .argument('[case]', 'only the jobs of this case')
    .option('--status <status>', JOB_STATUSES.join(' | '))
    .option('--limit <n>', 'at most this many (oldest first)', '1000')
    .action(async (caseName: string | undefined, o: { status?: string; limit: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (o.status !== undefined && !isJobStatus(o.status))
        throw new UsageError(`--status must be one of ${JOB_STATUSES.join(', ')} (got "${o.status}")`);
      const limit = positiveNumber(o.limit, '--limit', true);
      await withStore(opts, async (store) => {
        const theCase = caseName === undefined ? null : await requireCase(store, caseName);
        const list = await store.jobs.list({
          ...(theCase ? { caseId: theCase.id } : {}),
          ...(o.status !== undefined && isJobStatus(o.status) ? { status: o.status } : {}),
          limit,
        });
        if (opts.json) {
          printJson(ctx.io, { jobs: list });
          return;
        }
        const names = await caseNames(store);
        printTable(
          ctx.io,
          list.map((j) => ({
            id: j.id,
            kind: j.kind,
            case: j.caseId === null ? '' : (names.get(j.caseId) ?? j.caseId),
            status: j.status,
            attempts: `${j.attempts}/${j.maxAttempts}`,
            queued: j.createdAt,
            by: j.createdBy,
            finished: j.finishedAt,
            error: firstLine(j.error).slice(0, 80),
          })),
        );
      });
    });
  registerJobsShow(jobs, ctx);
  registerJobsRetry(jobs, ctx);
  registerJobsWorker(program, ctx);
}

function registerJobsShow(jobs: Command, ctx: CliContext): void {
  jobs
    .command('show <id>')
    .description('one job: payload, attempts, worker, heartbeat, result or error')
    .action(async (id: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      const jobId = positiveNumber(id, 'the job id', true);
      await withStore(opts, async (store) => {
        const job = await store.jobs.get(jobId);
        if (!job)
          throw new UserError(`no job ${id} in this workspace (see \`scrutineer jobs\`)`, { code: 'no_job' });
        if (opts.json) {
          printJson(ctx.io, { job });
          return;
        }
        const theCase = job.caseId === null ? null : await store.cases.get(job.caseId);
        const rows: [string, unknown][] = [
          ['kind', job.kind],
          ['case', theCase ? `${theCase.name} (${theCase.id})` : job.caseId],
          ['status', job.status],
          ['attempts', `${job.attempts} of ${job.maxAttempts}`],
          ['queued', `${job.createdAt} by ${job.createdBy}`],
          ['started', job.startedAt],
          ['heartbeat', job.heartbeatAt],
          ['finished', job.finishedAt],
          ['worker', job.worker],
        ];
        ctx.io.out(`Job ${job.id}\n`);
        for (const [k, v] of rows)
          if (v !== null && v !== undefined) ctx.io.out(`  ${k.padEnd(10)}${String(v)}\n`);
        ctx.io.out(`  payload   ${JSON.stringify(job.payload)}\n`);
        if (job.result !== null) ctx.io.out(`  result    ${JSON.stringify(job.result)}\n`);
        if (job.error !== null) ctx.io.out(`  error     ${job.error.split('\n').join('\n            ')}\n`);
      });
    });
}

function registerJobsRetry(jobs: Command, ctx: CliContext): void {
  jobs
    .command('retry <id>')
    .description('queue a failed job again (its attempts start afresh); audited as job.retry')
    .action(async (id: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      const jobId = positiveNumber(id, 'the job id', true);
      await withStore(opts, async (store) => {
        const job = await retryJob(store, jobId, actor(ctx));
        if (opts.json) printJson(ctx.io, { job: { id: job.id, kind: job.kind, status: job.status } });
        else ctx.io.out(`Job ${job.id} (${job.kind}) queued again.\n`);
      });
    });
}

function registerJobsWorker(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description(
      'run queued jobs (imports, analyses) one at a time until stopped; --once stops when none is queued',
    )
    .option('--once', 'stop when the queue is empty')
    .option('--poll-ms <ms>', 'how often an idle worker looks for work', String(DEFAULT_POLL_MS))
    .option('--kind <kind...>', `only these job kinds (${JOB_KINDS.join(', ')})`)
    .option(
      '--stale-after <seconds>',
      'take back a running job whose worker sent no heartbeat for this long',
      String(DEFAULT_STALE_AFTER_SECONDS),
    )
    .action(
      async (o: { once?: boolean; pollMs: string; kind?: string[]; staleAfter: string }, c: Command) => {
        const opts = globalOptions(c, ctx);
        const pollMs = positiveNumber(o.pollMs, '--poll-ms', true);
        const staleAfterSeconds = positiveNumber(o.staleAfter, '--stale-after', false);
        const unknown = (o.kind ?? []).filter((k) => !JOB_KINDS.includes(k));
        if (unknown.length)
          throw new UsageError(
            `--kind: unknown job kind ${unknown.join(', ')} (known: ${JOB_KINDS.join(', ')})`,
          );
        const controller = new AbortController();
        const stop = (signal: NodeJS.Signals) => {
          ctx.io.err(`worker: ${signal}: stopping after the job in hand\n`);
          controller.abort();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
        try {
          await withStore(opts, async (store) => {
            const summary = await runWorker({
              store,
              workspace: opts.workspace,
              once: Boolean(o.once),
              pollMs,
              staleAfterSeconds,
              ...(o.kind ? { kinds: o.kind } : {}),
              signal: controller.signal,
              log: (line) => ctx.io.err(`${line}\n`),
            });
            if (opts.json) printJson(ctx.io, summary);
            else
              ctx.io.out(
                `Ran ${summary.jobs.length} job attempt(s): ${summary.done} done, ${summary.failed} failed, ${summary.retried} queued again${summary.reclaimed.length ? `; ${summary.reclaimed.length} job(s) of stopped workers taken back` : ''}.\n`,
              );
          });
        } finally {
          process.removeListener('SIGINT', stop);
          process.removeListener('SIGTERM', stop);
        }
      },
    );
}
