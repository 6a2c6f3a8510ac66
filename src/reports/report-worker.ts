/**
 * Worker thread entry for src/reports/report-in-worker.ts: makes one report with its own connection
 * to the store, posting progress as it goes, then the made report (or the error), and ends.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { UserError } from '../domain/errors.js';
import { openStore } from '../store/open-store.js';
import { makeReport } from './generate.js';
import type { ReportWorkerData, ReportWorkerMessage } from './report-in-worker.js';

const port = parentPort;
if (!port) throw new Error('report-worker.js runs as a worker thread');
const data = workerData as ReportWorkerData;

/** Progress at most every 100 ms (a builder reports it per message). */
const PROGRESS_EVERY_MS = 100;

async function main(): Promise<ReportWorkerMessage> {
  const store = await openStore(data.store);
  try {
    const theCase = await store.cases.get(data.caseId);
    if (!theCase) throw new UserError(`no case ${data.caseId}`);
    let last = 0;
    const made = await makeReport(store, theCase, data.request, {
      workspace: data.workspace,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS && done < total) return;
        last = now;
        port!.postMessage({ type: 'progress', done, total } satisfies ReportWorkerMessage);
      },
    });
    return { type: 'done', made, caseName: theCase.name };
  } finally {
    await store.close();
  }
}

main()
  .catch((error: unknown): ReportWorkerMessage => {
    const e = error as Error;
    return { type: 'failed', name: e.name, message: e.message, stack: e.stack };
  })
  .then((m) => port.postMessage(m));
