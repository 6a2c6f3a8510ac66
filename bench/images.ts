/**
 * Images benchmark (issue 17): a phone's case with BENCH_IMAGES meme-style images (default 2,000;
 * half PNG, half JPEG) in the Android `Media/` folder beside its msgstore.db, taken end to end:
 * `exhibit add` (every file hashed, stored and linked to its message: half by the SHA-256 the
 * database records, half by path), a 160 px thumbnail of each, and OCR of each on
 * BENCH_IMAGES_WORKERS worker threads (default: one per core). For each stage: images per second,
 * wall ms per image and the process's peak RSS; word accuracy of the case's own OCR (busy images:
 * target ≥ 85%; clean text is measured by the `ocr` bench). No image leaves the machine.
 *
 * Run alone: `BENCH_ONLY=images BENCH_IMAGES=200 npx tsx bench/run.ts`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { EvidenceStore } from '../src/evidence/evidence-store.js';
import { addExhibit } from '../src/evidence/import-sequence.js';
import { ocrCase } from '../src/media/ocr/ocr-case.js';
import { ThumbnailCache } from '../src/media/thumbnail.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { wordAccuracy } from '../test/support/fixtures/media/images.js';
import type { BenchResult } from './types.js';

const MiB = 1024 * 1024;

/** Peak RSS while `run` runs, sampled every 50 ms. */
async function peakDuring<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; peakMiB: number }> {
  global.gc?.();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    const value = await run();
    return { value, ms: performance.now() - t0, peakMiB: Math.max(peak, process.memoryUsage().rss) / MiB };
  } finally {
    clearInterval(sampler);
  }
}

function row(stage: string, n: number, m: { ms: number; peakMiB: number }, extra: string) {
  return {
    stage,
    images: n,
    'images/s': (n / (m.ms / 1000)).toFixed(2),
    'ms/image (wall)': (m.ms / n).toFixed(1),
    'peak RSS MiB': m.peakMiB.toFixed(0),
    result: extra,
  };
}

async function linkedFiles(store: Store, caseId: number) {
  const ids = new Set<number>();
  for await (const m of store.messages.iterate(caseId)) if (m.mediaFileId !== null) ids.add(m.mediaFileId);
  return ids;
}

export async function benchImages(): Promise<BenchResult> {
  const count = Number(process.env.BENCH_IMAGES ?? 2000);
  const workers = Number(process.env.BENCH_IMAGES_WORKERS ?? cpus().length);
  const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-bench-images-'));
  try {
    // Drawn in a child process: the canvas library's memory would otherwise count as the import's.
    const drawer = fileURLToPath(
      new URL(`./images-phone${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url),
    );
    execFileSync(process.execPath, [...process.execArgv, drawer, dir, String(count)], { stdio: 'inherit' });
    const drawnWords = JSON.parse(readFileSync(path.join(dir, 'words.json'), 'utf8')) as string[][];
    const phone = path.join(dir, 'phone');
    const ws = path.join(dir, 'ws');
    const store = await openStore({ workspace: ws });
    try {
      const theCase = await store.cases.create({ name: 'Bench images', createdBy: 'bench' });
      const intake = await peakDuring(() =>
        addExhibit(store, ws, {
          caseNameOrId: theCase.name,
          file: path.join(phone, 'msgstore.db'),
          ref: 'IMG/1',
          timezone: 'UTC',
          dateOrder: 'auto',
          actor: 'bench',
        }),
      );
      const linked = await linkedFiles(store, theCase.id);
      const files = (await store.exhibits.listFiles(intake.value.exhibit.id)).filter(
        (f) => f.role === 'media',
      );

      const evidence = new EvidenceStore(ws);
      const cache = new ThumbnailCache(Number.POSITIVE_INFINITY);
      const thumbs = await peakDuring(async () => {
        let made = 0;
        for (const f of files) {
          const t = await cache.get(evidence.absolutePath(f.storedPath!), f.sha256, 160);
          if (t.kind === 'thumbnail') made++;
        }
        return made;
      });

      const ocr = await peakDuring(() => ocrCase(store, ws, theCase.id, 'bench', { workers }));
      const wordsOf = new Map(
        files.map((f) => [f.id, drawnWords[Number(/WA(\d+)/.exec(f.pathInArchive)![1])]!]),
      );
      const texts = await store.mediaTexts.list(theCase.id);
      const accuracy =
        texts.reduce((sum, t) => sum + wordAccuracy(wordsOf.get(t.exhibitFileId) ?? [], t.text), 0) /
        Math.max(1, texts.length);
      return {
        name: 'Images of a phone (Android Media/ beside msgstore.db)',
        rows: [
          row(
            'exhibit add: hash, store, link',
            count,
            intake,
            `${files.length} stored, ${linked.size} linked`,
          ),
          row('thumbnails (160 px WebP)', count, thumbs, `${thumbs.value} made`),
          row(
            `OCR (${workers} workers)`,
            count,
            ocr,
            `${ocr.value.withText} with text; words right ${(accuracy * 100).toFixed(1)}% (busy; target 85%)`,
          ),
        ],
        notes: [
          `${count} images (BENCH_IMAGES), half linked by the recorded SHA-256, half by path; images drawn in a child process beforehand; peak RSS is of the bench process (OCR workers are its threads), which holds no image`,
        ],
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
