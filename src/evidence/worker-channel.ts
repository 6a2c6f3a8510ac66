/**
 * Imports read their source on a worker thread and store on the main thread, so reading and storing
 * use both cores. This is the channel between the two: the worker sends one `hello` (what the main
 * thread needs before the first row, e.g. the date order or the conversations), then batches, then
 * `done`; or an `error` at any point. The worker never sends more batches than the main thread has
 * granted (a shared counter), so memory stays flat however far reading runs ahead.
 *
 * Main side here; the worker side is worker-channel-sender.ts.
 */
import { Worker } from 'node:worker_threads';

import { UserError } from '../domain/errors.js';

/** Batches read ahead of the store; enough to keep both threads busy, small enough for flat memory. */
const IN_FLIGHT = 2;

export type ChannelMessage<H, B, D> =
  | { readonly type: 'hello'; readonly hello: H }
  | { readonly type: 'batch'; readonly batch: B }
  | { readonly type: 'done'; readonly done: D }
  | {
      readonly type: 'error';
      readonly name: string;
      readonly message: string;
      readonly details: { file?: string; line?: number; code?: string };
      readonly stack: string;
    };

/** What every worker on a channel receives, beside its own input. */
export interface ChannelWorkerData<I> {
  readonly input: I;
  /** Int32Array[2]: [CREDITS] batches the main thread will accept now; [STOP] 1 once it wants no more. */
  readonly control: SharedArrayBuffer;
}

export const CREDITS = 0;
export const STOP = 1;

/** How long a stopped worker has to finish its clean-up (e.g. removing a temporary copy) before it is killed. */
const STOP_GRACE_MS = 10_000;

export interface WorkerChannel<H, B, D> {
  readonly hello: H;
  /** Batches in order; returns the worker's `done` value. */
  batches(): AsyncGenerator<B, D, undefined>;
  stop(): Promise<void>;
}

function toError(m: Extract<ChannelMessage<unknown, unknown, unknown>, { type: 'error' }>): Error {
  if (m.name === 'EvidenceError' || m.name === 'UserError') {
    const err = new UserError(m.message, m.details);
    err.name = m.name;
    return err;
  }
  const err = new Error(`import worker failed: ${m.message}`);
  err.stack = m.stack;
  return err;
}

/**
 * Starts `workerUrl` with `input` and waits for its hello (or the error that stops the import, as
 * the evidence or user error the worker threw).
 */
export async function openWorkerChannel<I, H, B, D>(
  workerUrl: URL,
  input: I,
  /** Old-generation heap limit of the worker (null: Node's default). */
  heapMiB: number | null,
): Promise<WorkerChannel<H, B, D>> {
  const control = new SharedArrayBuffer(8);
  const counter = new Int32Array(control);
  const workerData: ChannelWorkerData<I> = { input, control };
  const worker = new Worker(workerUrl, {
    workerData,
    ...(heapMiB === null ? {} : { resourceLimits: { maxOldGenerationSizeMb: heapMiB } }),
  });
  const queue: ChannelMessage<H, B, D>[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  worker.on('message', (m: ChannelMessage<H, B, D>) => {
    queue.push(m);
    wake?.();
  });
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  let exited = false;
  const exit = new Promise<void>((resolve) =>
    worker.on('exit', (code) => {
      exited = true;
      if (code !== 0 && !failure) failure = new Error(`import worker exited with code ${code}`);
      wake?.();
      resolve();
    }),
  );
  const next = async (): Promise<Exclude<ChannelMessage<H, B, D>, { type: 'error' }>> => {
    for (;;) {
      const m = queue.shift();
      if (m) {
        if (m.type === 'error') throw toError(m);
        return m;
      }
      if (failure) throw failure;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  };
  // A worker asked to stop leaves at its next batch and runs its own clean-up on the way out
  // (terminating it at once would skip that: a device reader's temporary copy would stay behind).
  const stop = async () => {
    if (exited) return;
    Atomics.store(counter, STOP, 1);
    Atomics.add(counter, CREDITS, 1);
    Atomics.notify(counter, CREDITS);
    const grace = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    await exit;
    clearTimeout(grace);
  };
  let first: Awaited<ReturnType<typeof next>>;
  try {
    first = await next();
  } catch (err) {
    await stop();
    throw err;
  }
  if (first.type !== 'hello') {
    await stop();
    throw new Error(`import worker sent ${first.type} before its hello`);
  }
  return {
    hello: first.hello,
    async *batches() {
      Atomics.store(counter, CREDITS, IN_FLIGHT);
      Atomics.notify(counter, CREDITS);
      for (;;) {
        const m = await next();
        if (m.type === 'done') return m.done;
        if (m.type !== 'batch') throw new Error(`import worker sent ${m.type} twice`);
        yield m.batch;
        Atomics.add(counter, CREDITS, 1);
        Atomics.notify(counter, CREDITS);
      }
    },
    stop,
  };
}
