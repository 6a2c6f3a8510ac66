/**
 * Worker thread entry for src/analysis/conduct-in-worker.ts: opens its own connection to the store
 * and answers conduct requests, several at once.
 */
import { parentPort, workerData } from 'node:worker_threads';

import { openStore } from '../store/open-store.js';
import { caseConductViews } from './conduct-case.js';
import type { ConductRequest, ConductResponse, ConductWorkerData } from './conduct-worker-protocol.js';

const port = parentPort;
if (!port) throw new Error('conduct-worker.js runs as a worker thread');
const data = workerData as ConductWorkerData;
const opened = openStore(data);
// A store that cannot open fails every request with its error (the caller starts a new worker).
opened.catch(() => undefined);

port.on('message', (m: ConductRequest) => {
  void (async (): Promise<ConductResponse> => {
    try {
      const views = await caseConductViews(await opened, m.caseId, new Set(m.withholdCodes));
      return { id: m.id, ok: true, views };
    } catch (error) {
      const e = error as Error;
      return { id: m.id, ok: false, name: e.name, message: e.message, stack: e.stack };
    }
  })().then((r) => port.postMessage(r));
});
