/**
 * A report made on a worker thread (src/reports/report-worker.ts), so the review server keeps
 * answering while a PDF is laid out or a schedule is written. Each report has its own worker and its
 * own store connection (`store.reopen`); the worker ends when the report is made.
 */
import { Worker } from 'node:worker_threads';

import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { MadeReport, ReportRequest } from './generate.js';
import { builtWorkerUrl } from '../worker-url.js';

export interface ReportWorkerData {
  readonly store: Store['reopen'];
  /** The workspace folder of the server (RSMF reads the stored attachments from it). */
  readonly workspace: string;
  readonly caseId: number;
  readonly request: ReportRequest;
}

export type ReportWorkerMessage =
  | { readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly type: 'done'; readonly made: MadeReport; readonly caseName: string }
  | {
      readonly type: 'failed';
      readonly name: string;
      readonly message: string;
      readonly stack: string | undefined;
    };

export interface ReportInWorker {
  /** The made report (bytes as a Buffer again), or the builder's error (a UserError stays one). */
  readonly result: Promise<{ made: MadeReport; caseName: string }>;
  /** Stops the worker; `result` then rejects. */
  stop(reason: string): Promise<void>;
}

const asBuffer = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

export function makeReportInWorker(
  data: ReportWorkerData,
  onProgress: (done: number, total: number) => void,
): ReportInWorker {
  const worker = new Worker(builtWorkerUrl(import.meta.url, 'report-worker.js'), { workerData: data });
  // The server never waits on a report to exit.
  worker.unref();
  let stopped: string | null = null;
  const result = new Promise<{ made: MadeReport; caseName: string }>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
    };
    worker.on('message', (m: ReportWorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'done') {
        // Structured clone turns Buffers into plain Uint8Arrays.
        const made = {
          ...m.made,
          bytes: asBuffer(m.made.bytes),
          appendices: m.made.appendices.map(([s, b]) => [s, asBuffer(b)] as const),
        } as MadeReport;
        settle(() => resolve({ made, caseName: m.caseName }));
      } else {
        const err = m.name === 'UserError' ? new UserError(m.message) : new Error(m.message);
        if (m.stack) err.stack = m.stack;
        settle(() => reject(err));
      }
    });
    worker.on('error', (e) => settle(() => reject(e)));
    worker.on('exit', (code) =>
      settle(() => reject(new Error(stopped ?? `the report worker exited (code ${code})`))),
    );
  });
  return {
    result,
    async stop(reason) {
      stopped = reason;
      await worker.terminate();
    },
  };
}
