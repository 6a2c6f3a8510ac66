/**
 * Run by offline.test.ts in a child process whose network is blocked (block-network.cjs): checks
 * the block works on the main thread and in a worker thread, then reads one generated image per
 * language and the first frame of a video (SCRUTINEER_VIDEO).
 * Prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

import { loadImage } from '@napi-rs/canvas';

import { OCR_LANGUAGES, OcrPool } from '../../../src/media/ocr/engine.js';
import { firstFrame } from '../../../src/media/video/first-frame.js';
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
/** A line per installed language, read with that language's model. */
const LINES: Record<string, string> = {
  eng: 'Nothing leaves this machine',
  fra: 'Les données restent ici',
};
const texts: Record<string, string> = {};
for (const language of Object.keys(OCR_LANGUAGES)) {
  const image = renderTextImage({ lines: [LINES[language] ?? language], style: 'clean', format: 'png' });
  const pool = await OcrPool.start({ language });
  try {
    texts[language] = (await pool.recognize(image.bytes)).text;
  } finally {
    await pool.close();
  }
}
// A video's first frame, decoded by the WebAssembly FFmpeg on its own thread, under the same block.
const got = await firstFrame(readFileSync(process.env.SCRUTINEER_VIDEO!));
const frame = 'png' in got ? (await loadImage(got.png)).width : got.error;
process.stdout.write(`${JSON.stringify({ blocked, texts, frame })}\n`);
