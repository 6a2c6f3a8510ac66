/** The worker side of worker-channel.ts. */
import { parentPort, workerData } from 'node:worker_threads';

import type { UserError } from '../domain/errors.js';
import { CREDITS, STOP, type ChannelMessage, type ChannelWorkerData } from './worker-channel.js';

/** Thrown out of `batch` when the main thread wants no more: unwinds the work (running its `finally`s). */
class Stopped extends Error {}

export interface ChannelSender<H, B, D> {
  hello(hello: H): void;
  /** Blocks until the main thread has room for another batch. */
  batch(batch: B): void;
  done(done: D): void;
}

/**
 * Runs `work` with this worker's input and a sender; an exception becomes the channel's error
 * message (an evidence or user error keeps its name, file and line for the main thread to rethrow).
 */
export function serveChannel<I, H, B, D>(work: (input: I, send: ChannelSender<H, B, D>) => void): void {
  const data = workerData as ChannelWorkerData<I>;
  const control = new Int32Array(data.control);
  const post = (m: ChannelMessage<H, B, D>) => parentPort?.postMessage(m);
  try {
    work(data.input, {
      hello: (hello) => post({ type: 'hello', hello }),
      batch: (batch) => {
        while (Atomics.load(control, CREDITS) <= 0) Atomics.wait(control, CREDITS, 0);
        if (Atomics.load(control, STOP) === 1) throw new Stopped();
        Atomics.sub(control, CREDITS, 1);
        post({ type: 'batch', batch });
      },
      done: (done) => post({ type: 'done', done }),
    });
  } catch (err) {
    if (err instanceof Stopped) return;
    const e = err as UserError;
    post({
      type: 'error',
      name: e.name ?? 'Error',
      message: e.message ?? String(err),
      details: e.details ?? {},
      stack: e.stack ?? '',
    });
  }
}
