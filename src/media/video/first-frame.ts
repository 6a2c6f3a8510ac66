/**
 * A video's picture for its tile (issue 17, item 2): the first frame decoded by FFmpeg as
 * WebAssembly on a worker thread (frame-worker.ts), or, where no frame decodes (a codec the build
 * lacks, a damaged file), a placeholder drawn with what the container says: duration, picture size
 * and file size. Either way the tile is marked as a video, with its duration where known.
 */
import { Worker } from 'node:worker_threads';

import { createCanvas, GlobalFonts, loadImage, type SKRSContext2D } from '@napi-rs/canvas';

import { builtWorkerUrl } from '../../worker-url.js';
import { PACKAGED_FONTS, packagedFontPath } from '../../reports/fonts.js';
import { clockText, videoInfo, type VideoInfo } from './mp4-info.js';

/** A first frame that takes longer than this is given up (the thread is ended). */
const FRAME_MS = 30_000;

/**
 * Larger videos are not decoded (they get the placeholder): the whole file is copied into the
 * decoder's WebAssembly memory, whose 32-bit address space must also hold the decoder.
 */
export const MAX_DECODE_BYTES = 256 * 1024 * 1024;

/** The first frame as PNG bytes, or the reason there is none. */
export async function firstFrame(
  video: Uint8Array,
  timeoutMs = FRAME_MS,
): Promise<{ png: Buffer } | { error: string }> {
  const worker = new Worker(builtWorkerUrl(import.meta.url, 'frame-worker.js'), {
    workerData: { video },
  });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve({ error: `no frame within ${timeoutMs / 1000} s` }), timeoutMs);
      worker.once('message', (m: { png?: Uint8Array; error?: string }) => {
        clearTimeout(timer);
        resolve(m.png ? { png: Buffer.from(m.png) } : { error: m.error || 'no frame decoded' });
      });
      worker.once('error', (e) => {
        clearTimeout(timer);
        resolve({ error: e.message });
      });
    });
  } finally {
    await worker.terminate();
  }
}

let fontFamily: string | null | undefined;

/** DejaVu Sans from the report fonts' package, so the caption needs no system font. */
function captionFont(): string | null {
  if (fontFamily !== undefined) return fontFamily;
  const regular = PACKAGED_FONTS[0];
  const file = regular ? packagedFontPath(regular) : null;
  fontFamily = file && GlobalFonts.registerFromPath(file, 'Scrutineer Caption') ? 'Scrutineer Caption' : null;
  return fontFamily;
}

function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KB` : `${bytes} bytes`;
}

function caption(info: VideoInfo | null, bytes: number): string {
  const parts = [
    info?.durationSeconds != null ? clockText(info.durationSeconds) : null,
    info?.width && info.height ? `${info.width}×${info.height}` : null,
    fileSize(bytes),
  ];
  return parts.filter((p) => p !== null).join(' · ');
}

function playMark(g: SKRSContext2D, cx: number, cy: number, r: number): void {
  g.fillStyle = 'rgba(0,0,0,0.55)';
  g.beginPath();
  g.arc(cx, cy, r, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#fff';
  g.beginPath();
  g.moveTo(cx - r * 0.35, cy - r * 0.5);
  g.lineTo(cx + r * 0.55, cy);
  g.lineTo(cx - r * 0.35, cy + r * 0.5);
  g.closePath();
  g.fill();
}

/**
 * The video's tile as PNG: its first frame where one decodes, else a dark placeholder, with a
 * play mark and a caption (duration · size · file size) either way.
 */
export async function videoTile(
  video: Uint8Array,
  maxDecodeBytes = MAX_DECODE_BYTES,
): Promise<{ png: Buffer; frame: boolean; info: VideoInfo | null }> {
  const info = videoInfo(video);
  const got =
    video.length > maxDecodeBytes
      ? { error: `over ${maxDecodeBytes} bytes: not decoded` }
      : await firstFrame(video);
  const frame = 'png' in got ? await loadImage(got.png) : null;
  const width = frame?.width ?? 640;
  const height = frame?.height ?? 360;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  if (frame) g.drawImage(frame, 0, 0);
  else {
    g.fillStyle = '#263238';
    g.fillRect(0, 0, width, height);
  }
  const unit = Math.min(width, height);
  playMark(g, width / 2, height / 2, unit * 0.16);
  const font = captionFont();
  if (font) {
    const size = Math.max(12, Math.round(unit * 0.07));
    g.font = `${size}px "${font}"`;
    const text = frame ? caption(info, video.length) : `video: ${caption(info, video.length)}`;
    g.fillStyle = 'rgba(0,0,0,0.6)';
    g.fillRect(0, height - size * 1.8, width, size * 1.8);
    g.fillStyle = '#fff';
    g.fillText(text, size * 0.6, height - size * 0.55);
  }
  return { png: await canvas.encode('png'), frame: frame !== null, info };
}
