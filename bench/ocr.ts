/**
 * OCR benchmark (issue 17): a case whose export holds BENCH_OCR_IMAGES generated meme-style images
 * (default 2,000; half PNG, half JPEG, text over a busy background), taken in with `exhibit add` and
 * read by `scrutineer ocr` on BENCH_OCR_WORKERS worker threads (default: one per core). Reports
 * images per second, wall time per image, and the process's peak RSS (the OCR workers are threads of
 * this process) and its growth per 100 images. Accuracy (% of drawn words read right) is measured on
 * BENCH_OCR_ACCURACY clean and as many busy images (default 24 each). Targets: ≥ 95% clean,
 * ≥ 85% busy. No image leaves the machine (test/media/offline.test.ts proves the engine's side).
 *
 * Run alone: `npx tsx -e "import('./bench/ocr.ts').then(async (m) => console.log(await m.benchOcr()))"`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

import { addExhibit } from '../src/evidence/import-sequence.js';
import { OcrPool } from '../src/media/ocr/engine.js';
import { ocrCase, readImage } from '../src/media/ocr/ocr-case.js';
import { openStore } from '../src/store/open-store.js';
import { MEME_LINES, memeSet, renderTextImage, wordAccuracy } from '../test/support/fixtures/media/images.js';
import { makeZip } from '../test/support/zip.js';
import type { BenchResult } from './types.js';

const MiB = 1024 * 1024;

async function accuracy(n: number, workers: number): Promise<{ clean: number; busy: number }> {
  const pool = await OcrPool.start({ workers });
  try {
    const score = async (style: 'clean' | 'meme'): Promise<number> => {
      const images = Array.from({ length: n }, (_, i) =>
        renderTextImage({
          lines: MEME_LINES[i % MEME_LINES.length]!,
          style,
          format: i % 2 ? 'jpeg' : 'png',
          seed: 5000 + i,
        }),
      );
      const read = await Promise.all(images.map((img) => readImage(pool, img.bytes)));
      return read.reduce((sum, r, i) => sum + wordAccuracy(images[i]!.words, r.result.text), 0) / n;
    };
    return { clean: await score('clean'), busy: await score('meme') };
  } finally {
    await pool.close();
  }
}

export async function benchOcr(): Promise<BenchResult> {
  const count = Number(process.env.BENCH_OCR_IMAGES ?? 2000);
  const workers = Number(process.env.BENCH_OCR_WORKERS ?? cpus().length);
  const accuracyImages = Number(process.env.BENCH_OCR_ACCURACY ?? 24);
  const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-bench-ocr-'));
  try {
    const acc = await accuracy(accuracyImages, workers);
    const entries: Record<string, string | Uint8Array> = {};
    const chat: string[] = [];
    memeSet(count).forEach((img, i) => {
      const name = `IMG-20220101-WA${String(i).padStart(4, '0')}.${i % 2 ? 'jpg' : 'png'}`;
      entries[name] = img.bytes;
      const minute = String(i % 60).padStart(2, '0');
      chat.push(
        `01/01/2022, ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${minute} - PC Bench: ${name} (file attached)`,
      );
    });
    entries['WhatsApp Chat with Bench.txt'] = chat.join('\n');
    const zip = path.join(dir, 'WhatsApp Chat with Bench.zip');
    writeFileSync(zip, makeZip(entries));
    const store = await openStore({ workspace: path.join(dir, 'ws') });
    try {
      const theCase = await store.cases.create({ name: 'Bench OCR', createdBy: 'bench' });
      await addExhibit(store, path.join(dir, 'ws'), {
        caseNameOrId: theCase.name,
        file: zip,
        ref: 'B/1',
        timezone: 'UTC',
        dateOrder: 'dmy',
        actor: 'bench',
      });
      global.gc?.();
      const before = process.memoryUsage().rss;
      let peak = before;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
      // Growth is measured from the end of the first batch (workers started, model loaded) to the
      // last, so it shows what each further image costs, not the start-up.
      let settled: { done: number; rss: number } | null = null;
      let last = { done: 0, rss: before };
      const t0 = performance.now();
      const outcome = await ocrCase(store, path.join(dir, 'ws'), theCase.id, 'bench', {
        workers,
        onProgress: (done) => {
          if (done === 0) return;
          const rss = process.memoryUsage().rss;
          settled ??= { done, rss };
          last = { done, rss };
        },
      });
      const wall = performance.now() - t0;
      clearInterval(sampler);
      const start = settled ?? last;
      const growthPer100 =
        last.done > start.done ? ((last.rss - start.rss) / MiB / (last.done - start.done)) * 100 : 0;
      return {
        name: 'OCR (generated meme-style images)',
        rows: [
          {
            images: outcome.read,
            workers,
            'images/s': (outcome.read / (wall / 1000)).toFixed(2),
            'ms/image (wall)': (wall / outcome.read).toFixed(0),
            'peak RSS MiB': (peak / MiB).toFixed(0),
            'RSS before MiB': (before / MiB).toFixed(0),
            'RSS growth MiB/100 images': growthPer100.toFixed(1),
            'words right, clean %': (acc.clean * 100).toFixed(1),
            'words right, busy %': (acc.busy * 100).toFixed(1),
          },
        ],
        notes: [
          `${outcome.withText} of ${outcome.read} images gave text; accuracy on ${accuracyImages} clean and ${accuracyImages} busy images (targets 95% and 85%)`,
          'tesseract.js 7 (WebAssembly, LSTM best_int English model); busy images are read again through a light/dark lettering mask when the first pass is unsure',
        ],
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
