/**
 * Run by offline.test.ts in a child process whose network is blocked (block-network.cjs): checks
 * the block works on the main thread and in a worker thread, then reads one generated image.
 * Prints one JSON line.
 */
import { Worker } from 'node:worker_threads';

import { OcrPool } from '../../../src/media/ocr/engine.js';
import { renderTextImage } from '../../support/fixtures/media/images.js';

async function probe(): Promise<{ main: string; worker: string }> {
  const main = await fetch('http://127.0.0.1:9/').then(
    () => 'reached',
    (e: Error) => e.message,
  );
  const worker = await new Promise<string>((resolve) => {
    const w = new Worker(
      `require('node:worker_threads').parentPort.postMessage((() => { try { require('node:net').connect(9, '127.0.0.1'); return 'reached'; } catch (e) { return e.message; } })())`,
      { eval: true },
    );
    w.once('message', (m: string) => {
      resolve(m);
      void w.terminate();
    });
  });
  return { main, worker };
}

const blocked = await probe();
const image = renderTextImage({ lines: ['Nothing leaves this machine'], style: 'clean', format: 'png' });
const pool = await OcrPool.start();
try {
  const r = await pool.recognize(image.bytes);
  process.stdout.write(`${JSON.stringify({ blocked, text: r.text, resources: pool.resources })}\n`);
} finally {
  await pool.close();
}
