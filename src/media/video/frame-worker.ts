/**
 * Worker thread: the first frame of one video as PNG, by FFmpeg compiled to WebAssembly
 * (`@ffmpeg/core`, single-threaded, shipped whole in its npm package: no system ffmpeg, nothing
 * fetched). The video exists only in the core's in-memory file system. A thread of its own because
 * the core is built for a browser worker (it reads `self.location`, given here and nowhere else),
 * and so that a video that hangs the decoder can be stopped by ending the thread.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

interface FfmpegCore {
  exec(...args: string[]): number;
  setLogger(logger: (m: { type: string; message: string }) => void): void;
  FS: { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array };
}

const require = createRequire(import.meta.url);
const { video } = workerData as { video: Uint8Array };
const wasm = readFileSync(require.resolve('@ffmpeg/core/wasm'));
(globalThis as { self?: unknown }).self = {
  location: { href: pathToFileURL(require.resolve('@ffmpeg/core')).href },
};
const create = require('@ffmpeg/core') as (m: { wasmBinary: Buffer }) => Promise<FfmpegCore>;
const core = await create({ wasmBinary: wasm });
const log: string[] = [];
core.setLogger((m) => {
  log.push(m.message);
  if (log.length > 40) log.shift();
});
core.FS.writeFile('/in', video);
// One frame, scaled down so that no dimension passes 1280 (the thumbnail is made from this).
const rc = core.exec(
  ...[
    '-i',
    '/in',
    '-frames:v',
    '1',
    '-vf',
    "scale='min(1280,iw)':-2",
    '-f',
    'image2',
    '-c:v',
    'png',
    '/out.png',
  ],
);
let png: Uint8Array | null = null;
try {
  png = rc === 0 ? core.FS.readFile('/out.png') : null;
} catch {
  png = null;
}
parentPort?.postMessage(
  png
    ? { png }
    : {
        error: log
          .filter((l) => !l.startsWith('Aborted'))
          .slice(-3)
          .join(' | '),
      },
);
