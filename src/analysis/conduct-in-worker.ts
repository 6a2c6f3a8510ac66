/**
 * The conduct analysis on a worker thread. It reads every message of a case (about 10 s for a
 * million), which on the review server's event loop would stall every other reviewer's request
 * for that long; on its own thread it takes the other core and the server keeps answering.
 *
 * One worker per store, started on first use and kept (unreferenced, so it never holds a process
 * open); requests run concurrently inside it. A worker that dies fails its pending requests and is
 * replaced on the next one.
 */
import { Worker } from 'node:worker_threads';

import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { ConductViews } from './conduct-case.js';
import type { ConductRequest, ConductResponse, ConductWorkerData } from './conduct-worker-protocol.js';
import { builtWorkerUrl } from '../worker-url.js';

interface Pending {
  readonly resolve: (v: ConductViews) => void;
  readonly reject: (e: Error) => void;
}

function toError(r: Extract<ConductResponse, { ok: false }>): Error {
  const err = r.name === 'UserError' ? new UserError(r.message) : new Error(r.message);
  if (r.stack) err.stack = r.stack;
  return err;
}

export class ConductWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly target: Store['reopen']) {}

  run(caseId: number, withholdCodes: ReadonlySet<number>): Promise<ConductViews> {
    if (this.closed) return Promise.reject(new Error('the conduct worker is closed'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise<ConductViews>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request: ConductRequest = { id, caseId, withholdCodes: [...withholdCodes] };
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const w = this.worker;
    this.worker = null;
    this.failAll(new Error('the conduct worker was closed'));
    if (w) await w.terminate();
  }

  private start(): Worker {
    const data: ConductWorkerData = this.target;
    const worker = new Worker(builtWorkerUrl(import.meta.url, 'conduct-worker.js'), { workerData: data });
    worker.unref();
    worker.on('message', (r: ConductResponse) => {
      const p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (r.ok) p.resolve(r.views);
      else p.reject(toError(r));
    });
    const gone = (err: Error) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(err);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`the conduct worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(err);
  }
}
