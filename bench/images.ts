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
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';

import { EvidenceStore } from '../src/evidence/evidence-store.js';
import { addExhibit } from '../src/evidence/import-sequence.js';
import { ocrCase } from '../src/media/ocr/ocr-case.js';
import { ThumbnailCache } from '../src/media/thumbnail.js';
import { openStore, type Store } from '../src/store/open-store.js';
import { buildMsgstoreCurrent } from '../test/support/fixtures/device/android.js';
import { buildModel, type MMessage, type Model } from '../test/support/fixtures/device/model.js';
import { memeSet, wordAccuracy } from '../test/support/fixtures/media/images.js';
import type { BenchResult } from './types.js';

const MiB = 1024 * 1024;

/** One group chat in which the first member posts every image, a minute apart. */
function phoneWith(images: readonly { name: string; bytes: Buffer }[]): Model {
  const base = buildModel(7);
  const chat = base.chats.find((c) => c.isGroup) ?? base.chats[0]!;
  const sender = chat.members[0]!;
  const messages: MMessage[] = images.map((img, i) => ({
    keyId: `BENCH${String(i).padStart(6, '0')}`,
    sender,
    kind: 'media',
    text: '',
    ms: chat.createdMs + (i + 1) * 60_000,
    media: {
      name: img.name,
      mime: img.name.endsWith('.png') ? 'image/png' : 'image/jpeg',
      size: img.bytes.length,
      // WhatsApp records base64 SHA-256; every other row leaves it out so paths are linked too.
      hash: i % 2 ? '' : createHash('sha256').update(img.bytes).digest('base64'),
    },
    replyTo: null,
    reactions: [],
    editedMs: null,
    deletedBy: null,
    system: null,
    location: null,
    poll: null,
  }));
  return { ...base, chats: [{ ...chat, messages }] };
}

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
    const drawn = memeSet(count).map((img, i) => ({
      ...img,
      name: `IMG-20240101-WA${String(i).padStart(4, '0')}.${i % 2 ? 'jpg' : 'png'}`,
    }));
    const phone = path.join(dir, 'phone');
    mkdirSync(path.join(phone, 'Media', 'WhatsApp Images'), { recursive: true });
    for (const img of drawn) writeFileSync(path.join(phone, 'Media', 'WhatsApp Images', img.name), img.bytes);
    buildMsgstoreCurrent(phoneWith(drawn), path.join(phone, 'msgstore.db'));
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
        files.map((f) => [f.id, drawn[Number(/WA(\d+)/.exec(f.pathInArchive)![1])]!.words]),
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
          `${count} images (BENCH_IMAGES), half linked by the recorded SHA-256, half by path; peak RSS is of this process, OCR workers being its threads`,
        ],
      };
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
