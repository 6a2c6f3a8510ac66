/**
 * Reports from the review workspace (docs/api.md, "Reports"): the same reports as `scrutineer report`
 * and `scrutineer export rsmf` (src/reports/generate.ts), each made on a worker thread with its own
 * store connection so the server keeps answering while a PDF is laid out. A lead starts one, polls
 * its status and downloads it. Every made report is in the audit trail as the CLI's are (actor: the
 * user), and so is every download (`report.download`: evidence access).
 *
 * Reports are disclosure documents: every route needs the "lead" permission on the report's case.
 * Made reports are kept in memory only, for KEEP_MS after they finish (and within MAX_KEPT_BYTES);
 * a restart forgets them (their audit entries stay).
 */
import { createHash, randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod/v4';

import { UserError } from '../domain/errors.js';
import type { ReportFormat, ReportKind, ReportStatus } from '../contract/report-words.js';
import {
  CONTENT_TYPES,
  appendixFileName,
  recordReport,
  reportFileName,
  reportSummary,
  type MadeReport,
  type ReportRequest,
} from '../reports/generate.js';
import { makeReportInWorker, type ReportInWorker } from '../reports/report-in-worker.js';
import type { Store } from '../store/open-store.js';
import type { UserRecord } from '../store/repositories/users.js';
import { ApiError, type CaseOf, type RouteDoc, type defineRoute } from './api.js';
import * as R from '../contract/report-schemas.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';

type Route = <PS extends z.ZodType, QS extends z.ZodType, BS extends z.ZodType>(
  spec: Parameters<typeof defineRoute<PS, QS, BS>>[3],
) => void;

export const REPORT_LIMITS = {
  /** Reports running at once on one case, and on the server. */
  runningPerCase: 2,
  runningInAll: 4,
  /** A report still running after this long is stopped (failed). */
  timeoutMs: 15 * 60_000,
  /** How long a finished report (made or failed) is kept. */
  keepMs: 30 * 60_000,
  /** The made reports kept in memory, in all; the oldest finished go first. */
  maxKeptBytes: 1024 * 1024 * 1024,
};

interface StoredFile {
  readonly part: string | null;
  readonly name: string;
  readonly bytes: Buffer;
  readonly sha256: string;
  readonly contentType: string;
}

interface ReportEntry {
  readonly id: string;
  readonly caseId: number;
  readonly kind: ReportKind;
  readonly format: ReportFormat;
  readonly options: Record<string, unknown>;
  readonly by: string;
  readonly startedAt: number;
  finishedAt: number | null;
  status: ReportStatus;
  progress: { done: number; total: number } | null;
  summary: string | null;
  files: StoredFile[];
  error: { code: string; message: string } | null;
  worker: ReportInWorker | null;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const iso = (ms: number): string => new Date(ms).toISOString();

function toRequest(body: R.ReportBodyT): ReportRequest {
  switch (body.kind) {
    case 'bundle':
      return { kind: 'bundle', person: body.person, context: body.context };
    case 'charges':
      return { kind: 'charges', format: body.format, ...(body.today ? { today: body.today } : {}) };
    case 'unused':
      return { kind: 'unused', format: body.format };
    case 'rsmf':
      return {
        kind: 'rsmf',
        ...(body.conversationId !== undefined ? { conversation: String(body.conversationId) } : {}),
        ...(body.from !== undefined ? { from: body.from } : {}),
        ...(body.to !== undefined ? { to: body.to } : {}),
        hits: body.hits,
        context: body.context,
      };
  }
}

/** The reports of this server: started, running and finished (until dropped). */
export class ReportRegistry {
  private readonly entries = new Map<string, ReportEntry>();
  private readonly sweeper: NodeJS.Timeout;
  private closed = false;

  constructor(
    private readonly store: Store,
    private readonly workspace: string,
    private readonly limits = REPORT_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  start(caseId: number, user: UserRecord, body: R.ReportBodyT): ReportEntry {
    if (this.closed) throw new ApiError(503, 'closing', 'The server is shutting down.');
    this.sweep();
    const running = [...this.entries.values()].filter((e) => e.status === 'running');
    if (running.filter((e) => e.caseId === caseId).length >= this.limits.runningPerCase) {
      throw new ApiError(
        429,
        'too_many_reports',
        `${this.limits.runningPerCase} reports are being made for this case already; try again when one is done.`,
      );
    }
    if (running.length >= this.limits.runningInAll) {
      throw new ApiError(
        429,
        'too_many_reports',
        `${this.limits.runningInAll} reports are being made on this server already; try again when one is done.`,
      );
    }
    const entry: ReportEntry = {
      id: randomUUID(),
      caseId,
      kind: body.kind,
      format: body.format,
      options: { ...body },
      by: user.username,
      startedAt: this.now(),
      finishedAt: null,
      status: 'running',
      progress: null,
      summary: null,
      files: [],
      error: null,
      worker: null,
    };
    this.entries.set(entry.id, entry);
    const worker = makeReportInWorker(
      { store: this.store.reopen, workspace: this.workspace, caseId, request: toRequest(body) },
      (done, total) => {
        entry.progress = { done, total };
      },
    );
    entry.worker = worker;
    const timeout = setTimeout(() => {
      void worker.stop(`stopped after ${Math.round(this.limits.timeoutMs / 60_000)} minutes`);
    }, this.limits.timeoutMs);
    timeout.unref();
    worker.result
      .then(({ made, caseName }) => this.finish(entry, made, caseName))
      .catch((error: unknown) => {
        const e = error as Error;
        entry.error = {
          code: e instanceof UserError ? 'report_refused' : 'report_failed',
          message: e.message,
        };
        entry.status = 'failed';
      })
      .finally(() => {
        clearTimeout(timeout);
        entry.worker = null;
        entry.finishedAt ??= this.now();
        this.sweep();
      });
    return entry;
  }

  /** Keeps the made report's files and writes its audit entry; not served before that is written. */
  private async finish(entry: ReportEntry, made: MadeReport, caseName: string): Promise<void> {
    if (this.closed) throw new Error('the server shut down before the report was recorded');
    const name = reportFileName(caseName, made);
    const main: StoredFile = {
      part: null,
      name,
      bytes: made.bytes,
      sha256: sha256(made.bytes),
      contentType: CONTENT_TYPES[made.format],
    };
    const parts: StoredFile[] = made.appendices.map(([suffix, bytes]) => ({
      part: suffix,
      name: appendixFileName(name, suffix),
      bytes,
      sha256: sha256(bytes),
      contentType: CONTENT_TYPES[made.format],
    }));
    await recordReport(this.store, {
      actor: entry.by,
      caseId: entry.caseId,
      made,
      written: {
        file: name,
        sha256: main.sha256,
        appendices: parts.map((p) => ({ file: p.name, sha256: p.sha256 })),
      },
      extra: { reportId: entry.id, options: entry.options },
    });
    entry.files = [main, ...parts];
    entry.summary = reportSummary(made);
    entry.finishedAt = this.now();
    entry.status = 'done';
  }

  get(id: string): ReportEntry | undefined {
    this.sweep();
    return this.entries.get(id);
  }

  list(caseId: number): ReportEntry[] {
    this.sweep();
    return [...this.entries.values()].filter((e) => e.caseId === caseId).reverse();
  }

  /** Drops finished reports older than keepMs, then the oldest while over maxKeptBytes. */
  sweep(): void {
    const now = this.now();
    for (const [id, e] of this.entries) {
      if (e.finishedAt !== null && e.status !== 'running' && now - e.finishedAt > this.limits.keepMs)
        this.entries.delete(id);
    }
    const size = (e: ReportEntry) => e.files.reduce((n, f) => n + f.bytes.length, 0);
    let total = [...this.entries.values()].reduce((n, e) => n + size(e), 0);
    for (const [id, e] of this.entries) {
      if (total <= this.limits.maxKeptBytes) break;
      if (e.status === 'running') continue;
      total -= size(e);
      this.entries.delete(id);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.sweeper);
    const running = [...this.entries.values()].flatMap((e) => (e.worker ? [e.worker] : []));
    await Promise.all(running.map((w) => w.stop('the server shut down')));
    this.entries.clear();
  }

  present(e: ReportEntry): R.ReportT {
    const file = (f: StoredFile) => ({
      part: f.part,
      name: f.name,
      bytes: f.bytes.length,
      sha256: f.sha256,
      contentType: f.contentType,
    });
    const [main, ...parts] = e.files;
    return {
      id: e.id,
      caseId: e.caseId,
      kind: e.kind,
      format: e.format,
      options: e.options,
      status: e.status,
      by: e.by,
      startedAt: iso(e.startedAt),
      finishedAt: e.finishedAt === null ? null : iso(e.finishedAt),
      elapsedMs: Math.max(0, (e.finishedAt ?? this.now()) - e.startedAt),
      progress: e.progress,
      summary: e.summary,
      file: main ? file(main) : null,
      parts: parts.map(file),
      error: e.error,
      expiresAt: e.finishedAt === null ? null : iso(e.finishedAt + this.limits.keepMs),
    };
  }
}

export function registerReportRoutes(
  app: FastifyInstance,
  route: Route,
  store: Store,
  workspace: string,
  _docs: RouteDoc[],
): void {
  const reports = new ReportRegistry(store, workspace);
  app.addHook('onClose', () => reports.close());
  const caseFromParam: CaseOf<{ caseId: number }> = async (_store, p) => p.caseId;
  const caseOfReport: CaseOf<{ reportId: string }> = async (_store, p) =>
    reports.get(p.reportId)?.caseId ?? null;

  route({
    method: 'POST',
    url: '/api/cases/:caseId/reports',
    summary:
      'Start a report (lead): evidence bundle (PDF), charge schedule (PDF/XLSX), unused-material schedule (XLSX/CSV) or RSMF export; made on a worker thread',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: R.ReportBody,
    responses: { 202: R.ReportResponse, 400: ErrorBody, 429: ErrorBody },
    handler: async ({ caseId, body, session, reply }) => {
      if (body.kind === 'rsmf' && body.conversationId !== undefined) {
        const c = await store.conversations.get(body.conversationId);
        if (!c || c.caseId !== caseId)
          throw new ApiError(400, 'invalid_request', 'conversationId: no such conversation in this case');
      }
      const entry = reports.start(caseId, session!.user, body);
      reply.code(202);
      return { report: reports.present(entry) };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/reports',
    summary: "The case's reports on this server (running, and finished in the last 30 minutes), newest first",
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: R.ReportsResponse },
    handler: async ({ caseId }) => ({ reports: reports.list(caseId).map((e) => reports.present(e)) }),
  });

  route({
    method: 'GET',
    url: '/api/reports/:reportId',
    summary: "A report's status: running (elapsed time, progress), done (file name, size, SHA-256) or failed",
    access: { kind: 'case', permission: 'lead', caseOf: caseOfReport },
    params: R.ReportParams,
    responses: { 200: R.ReportResponse, 404: ErrorBody },
    handler: async ({ params }) => ({ report: reports.present(reports.get(params.reportId)!) }),
  });

  route({
    method: 'GET',
    url: '/api/reports/:reportId/file',
    summary: 'Download a made report (or an appendix with ?part=); audited as report.download',
    access: { kind: 'case', permission: 'lead', caseOf: caseOfReport },
    params: R.ReportParams,
    query: R.ReportFileQuery,
    responses: { 200: z.unknown().describe('the file'), 404: ErrorBody, 409: ErrorBody },
    handler: async ({ params, query, caseId, session, reply }) => {
      const entry = reports.get(params.reportId)!;
      if (entry.status !== 'done')
        throw new ApiError(409, 'not_ready', `This report is ${entry.status}: there is no file to download.`);
      const f = entry.files.find((x) => x.part === (query.part ?? null));
      if (!f) throw new ApiError(404, 'not_found', `This report has no part "${query.part}".`);
      // Evidence access. A report.* action: downloads do not move a report's "inputs as at" time.
      await store.audit.append({
        actor: session!.user.username,
        action: 'report.download',
        caseId,
        subject: `report:${entry.id}`,
        detail: {
          reportId: entry.id,
          kind: entry.kind,
          file: f.name,
          part: f.part,
          sha256: f.sha256,
          bytes: f.bytes.length,
        },
      });
      return reply
        .header('content-type', f.contentType)
        .header('content-disposition', `attachment; filename="${f.name}"`)
        .header('content-length', f.bytes.length)
        .header('x-content-sha256', f.sha256)
        .header('cache-control', 'no-store')
        .send(f.bytes);
    },
  });
}
