/* eslint-disable @typescript-eslint/no-require-imports, no-undef -- CommonJS run by node as a child process: the FFmpeg core is a CommonJS module expecting a browser worker's `self` */
/**
 * Test fixture maker, run as a child process: encodes a PNG into an MP4 (H.264, `seconds` long,
 * 10 frames a second) with the same npm FFmpeg core the app decodes with. A process of its own
 * because the core expects a browser worker's `self`.
 * Usage: node make-video.cjs in.png out.mp4 seconds
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { pathToFileURL } = require('node:url');

const [input, output, seconds] = process.argv.slice(2);
globalThis.self = { location: { href: pathToFileURL(require.resolve('@ffmpeg/core')).href } };
require('@ffmpeg/core')({ wasmBinary: readFileSync(require.resolve('@ffmpeg/core/wasm')) }).then((core) => {
  core.FS.writeFile('/in.png', readFileSync(input));
  const args = ['-loop', '1', '-i', '/in.png', '-t', seconds, '-r', '10', '-c:v', 'libx264'];
  const rc = core.exec(...args, '-pix_fmt', 'yuv420p', '/out.mp4');
  if (rc !== 0) throw new Error(`ffmpeg exited ${rc}`);
  writeFileSync(output, core.FS.readFile('/out.mp4'));
});
