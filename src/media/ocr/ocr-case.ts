/**
 * `scrutineer ocr CASE`: read the text of every image of a case (issue 17) and keep it as derived
 * text of the media file, with the engine, its version, the language, the image pass and the
 * confidence. The message text is never touched.
 *
 * Each file's bytes are read from the evidence store and hashed first: a file whose bytes no longer
 * match its record is not read (and is counted, for `scrutineer verify` to explain). Files that are
 * not images (by their first bytes, not their names) are skipped, and so are a phone's own thumbnails
 * of an image that is read itself (device-thumbnails.ts). Results are stored in batches,
 * each in one transaction with its audit entry, so an interrupted run keeps what it did and the next
 * run reads only what is left.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { EvidenceStore } from '../../evidence/evidence-store.js';
import type { Store } from '../../store/open-store.js';
import type { NewMediaText } from '../../store/repositories/media-texts.js';
import type { ExhibitFileRecord } from '../../store/types.js';
import { head, planDeviceThumbnails } from './device-thumbnails.js';
import { engineVersion, OcrPool, type OcrResult } from './engine.js';
import { imageType } from './image-type.js';
import { decodeImage, textMask, type MaskKind } from './preprocess.js';

/** Below this mean confidence the masked passes are tried too, and the best kept. */
const RETRY_BELOW = 85;
const BATCH = 20;
/**
 * A mask keeping less than this share of the pixels holds no caption worth a pass: a meme caption
 * keeps 4-6%, a photo without lettering ~0.05%; kept low so a small caption on a large photo is
 * still read.
 */
const MIN_MASK_SHARE = 0.001;

export interface OcrCaseOptions {
  readonly language?: string;
  readonly workers?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface OcrCaseOutcome {
  readonly engine: string;
  readonly engineVersion: string;
  readonly language: string;
  /** Media files not yet read by this engine version when the run began. */
  readonly candidates: number;
  readonly read: number;
  readonly withText: number;
  /** Images that could not be decoded (recorded with the error). */
  readonly failed: number;
  readonly notImages: number;
  /** Stored copies whose bytes no longer match their hash: not read. */
  readonly changed: number;
  /** A phone's own thumbnails (`.thumb`) of an image that is read itself: not read again. */
  readonly deviceThumbnailsSkipped: number;
  /** Device thumbnails read because their item is absent or no image (their pass says so). */
  readonly deviceThumbnailsRead: number;
  readonly ms: number;
}

interface Pass {
  readonly pass: string;
  readonly result: OcrResult;
}

/** Σ confidence of the words read with some certainty: more words read well wins. */
const score = (r: OcrResult): number =>
  r.words.filter((w) => w.confidence >= 60).reduce((n, w) => n + w.confidence, 0);

/**
 * The best of: the image as it is, then (when that reads poorly) masks of light and of dark
 * lettering. Which pass won is recorded with the text.
 */
export async function readImage(pool: Pick<OcrPool, 'recognize'>, bytes: Buffer): Promise<Pass> {
  let best: Pass = { pass: 'original', result: await pool.recognize(bytes) };
  if (best.result.confidence >= RETRY_BELOW) return best;
  const decoded = await decodeImage(bytes);
  for (const kind of ['light', 'dark'] as MaskKind[]) {
    const mask = textMask(decoded, kind);
    // A photo with no such lettering is not read again for nothing.
    if (mask.share < MIN_MASK_SHARE) continue;
    const result = await pool.recognize(mask.png);
    if (score(result) > score(best.result)) best = { pass: `${kind}-text mask`, result };
    if (best.result.confidence >= RETRY_BELOW) break;
  }
  return best;
}

type Read = { kind: 'text'; row: NewMediaText } | { kind: 'not-image' | 'changed' };

async function readFileText(
  pool: OcrPool,
  evidence: EvidenceStore,
  caseId: number,
  file: ExhibitFileRecord,
  actor: string,
  /** Why this device thumbnail is read (the only picture of its item); null for any other file. */
  onlyPicture: string | null,
): Promise<Read> {
  const path = evidence.absolutePath(file.storedPath!);
  // The first bytes say whether it is an image: videos and voice notes are not read in full.
  if (!imageType(await head(path))) return { kind: 'not-image' };
  const bytes = await readFile(path);
  if (createHash('sha256').update(bytes).digest('hex') !== file.sha256) return { kind: 'changed' };
  const base = {
    caseId,
    exhibitFileId: file.id,
    sha256: file.sha256,
    engine: pool.resources.engine,
    engineVersion: engineVersion(pool.resources),
    language: pool.resources.language,
    createdBy: actor,
  };
  const t0 = performance.now();
  try {
    const { pass, result } = await readImage(pool, bytes);
    const ms = performance.now() - t0;
    return {
      kind: 'text',
      row: {
        ...base,
        pass: onlyPicture === null ? pass : `${pass}; ${onlyPicture}`,
        confidence: result.confidence,
        text: result.text,
        words: result.words,
        error: null,
        ms,
      },
    };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const ms = performance.now() - t0;
    return { kind: 'text', row: { ...base, pass: 'none', confidence: 0, text: '', words: [], error, ms } };
  }
}

export async function ocrCase(
  store: Store,
  workspace: string,
  caseId: number,
  actor: string,
  options: OcrCaseOptions = {},
): Promise<OcrCaseOutcome> {
  const t0 = performance.now();
  const evidence = new EvidenceStore(workspace);
  const pool = await OcrPool.start({ language: options.language, workers: options.workers });
  const version = engineVersion(pool.resources);
  const counts = { read: 0, withText: 0, failed: 0, notImages: 0, changed: 0, deviceThumbnailsRead: 0 };
  try {
    const unread = (
      await store.mediaTexts.unread(caseId, {
        engine: pool.resources.engine,
        engineVersion: version,
        language: pool.resources.language,
      })
    ).filter((f) => f.storedPath !== null);
    const thumbnails = await planDeviceThumbnails(store, evidence, caseId, unread);
    // Skipped ones stay unread: a later run skips them again, unless their item has gone.
    const files = unread.filter((f) => !thumbnails.skip.has(f.id));
    options.onProgress?.(0, files.length);
    const width = Math.max(1, options.workers ?? 1);
    for (let at = 0; at < files.length; at += BATCH) {
      const batch = files.slice(at, at + BATCH);
      const reads: Read[] = [];
      // As many files in flight as there are workers; the pool queues the rest.
      for (let i = 0; i < batch.length; i += width)
        reads.push(
          ...(await Promise.all(
            batch
              .slice(i, i + width)
              .map((f) => readFileText(pool, evidence, caseId, f, actor, thumbnails.only.get(f.id) ?? null)),
          )),
        );
      const rows = reads.flatMap((r) => (r.kind === 'text' ? [r.row] : []));
      counts.notImages += reads.filter((r) => r.kind === 'not-image').length;
      counts.changed += reads.filter((r) => r.kind === 'changed').length;
      counts.read += rows.length;
      counts.withText += rows.filter((r) => r.text !== '').length;
      counts.failed += rows.filter((r) => r.error !== null).length;
      // Only those actually read: a `.thumb` that is no image is counted with the rest of those.
      counts.deviceThumbnailsRead += rows.filter((r) => thumbnails.only.has(r.exhibitFileId)).length;
      if (rows.length) await storeBatch(store, caseId, actor, rows);
      options.onProgress?.(at + batch.length, files.length);
    }
    return {
      engine: pool.resources.engine,
      engineVersion: version,
      language: pool.resources.language,
      candidates: unread.length,
      ...counts,
      deviceThumbnailsSkipped: thumbnails.skip.size,
      ms: Math.round(performance.now() - t0),
    };
  } finally {
    await pool.close();
  }
}

async function storeBatch(store: Store, caseId: number, actor: string, rows: NewMediaText[]): Promise<void> {
  await store.transaction(async (repos) => {
    const stored = [];
    for (const row of rows) stored.push(await repos.mediaTexts.insert(row));
    const first = stored[0]!;
    await repos.audit.append({
      actor,
      action: 'media.ocr',
      caseId,
      subject: `media texts ${first.id}-${stored.at(-1)!.id}`,
      detail: {
        engine: first.engine,
        engineVersion: first.engineVersion,
        language: first.language,
        texts: stored.map((t) => ({
          id: t.id,
          exhibitFileId: t.exhibitFileId,
          sha256: t.sha256,
          pass: t.pass,
          confidence: t.confidence,
          chars: t.text.length,
          error: t.error,
        })),
      },
    });
  });
}
