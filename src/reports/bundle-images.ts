/**
 * Images in the evidence bundle (issue 17): a relevant message's stored image printed with the text
 * read from it (engine, language, confidence) and the file's SHA-256, and the flagger's results on
 * that text, marked as coming from the image so nobody mistakes them for the message's own words.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { createCanvas, loadImage } from '@napi-rs/canvas';

import { EvidenceStore } from '../evidence/evidence-store.js';
import { imageType } from '../media/ocr/image-type.js';
import type { Store } from '../store/open-store.js';
import type { MediaTextFlagRecord, MediaTextRecord } from '../store/repositories/media-texts.js';
import type { PdfReport } from './pdf.js';

/** Largest printed size of an image, in points: big enough to read a meme, small beside its text. */
const MAX_WIDTH = 260;
const MAX_HEIGHT = 220;

export interface BundleImage {
  readonly reading: MediaTextRecord;
  /** PNG or JPEG bytes pdfkit can embed, or why the image is not printed. */
  readonly picture: { readonly bytes: Buffer; readonly width: number; readonly height: number } | string;
}

export interface BundleImages {
  readonly images: ReadonlyMap<number, BundleImage>;
  readonly flags: ReadonlyMap<number, MediaTextFlagRecord[]>;
}

/** The picture to print: the stored bytes when they still match their hash; other types as PNG. */
async function pictureOf(
  path: string,
  sha256: string,
): Promise<{ bytes: Buffer; width: number; height: number } | string> {
  const bytes = await readFile(path);
  // A copy that no longer matches its record is not evidence to print; verify explains it.
  if (createHash('sha256').update(bytes).digest('hex') !== sha256)
    return 'image not printed: the stored copy no longer matches its SHA-256 (run `scrutineer verify`)';
  const type = imageType(bytes);
  if (!type) return 'image not printed: not an image this can decode';
  const img = await loadImage(bytes);
  if (type === 'png' || type === 'jpeg') return { bytes, width: img.width, height: img.height };
  // pdfkit embeds only PNG and JPEG: WebP stickers, GIFs (first frame) and BMPs are redrawn as PNG.
  const canvas = createCanvas(img.width, img.height);
  canvas.getContext('2d').drawImage(img, 0, 0);
  return { bytes: await canvas.encode('png'), width: img.width, height: img.height };
}

/** Readings and image-text flags of the bundle's messages; pictures only where a workspace is given. */
export async function loadBundleImages(
  store: Store,
  messageIds: readonly number[],
  runId: number | null,
  workspace: string | undefined,
): Promise<BundleImages> {
  const readings = await store.mediaTexts.latestOfMessages(messageIds);
  const evidence = workspace === undefined ? null : new EvidenceStore(workspace);
  const images = new Map<number, BundleImage>();
  for (const [messageId, reading] of readings) {
    if (reading.error !== null) continue;
    const file = await store.exhibits.fileOfMessage(messageId);
    const picture =
      evidence === null || !file?.storedPath
        ? 'image not printed: the stored copy was not available to this report'
        : await pictureOf(evidence.absolutePath(file.storedPath), reading.sha256).catch(
            (e: unknown) => `image not printed: ${e instanceof Error ? e.message : String(e)}`,
          );
    images.set(messageId, { reading, picture });
  }
  const flags = new Map<number, MediaTextFlagRecord[]>();
  const wanted = new Set(messageIds);
  for (const f of runId === null ? [] : await store.mediaTexts.flags(runId))
    if (wanted.has(f.messageId)) flags.set(f.messageId, [...(flags.get(f.messageId) ?? []), f]);
  return { images, flags };
}

/** "Flagged from the image's text (score …; categories): spans": one line per image flag. */
export function imageFlagNotes(flags: readonly MediaTextFlagRecord[] | undefined): string[] {
  return (flags ?? []).map(
    (f) =>
      `Flagged from the image's text, not the message's (score ${f.score.toFixed(2)}; ${f.categories.map((c) => c.name).join(', ')}): ${f.spans.map((s) => `"${s.text}" ${s.reason}`).join('; ')}`,
  );
}

/** Prints the image scaled to fit, then its text as read and the file's hash, indented under the message. */
export function printBundleImage(pdf: PdfReport, image: BundleImage, indent: number): void {
  const r = image.reading;
  if (typeof image.picture === 'string') {
    pdf.rich(image.picture, { size: 7.5, indent, color: '#7a1f16' });
  } else {
    const { bytes, width, height } = image.picture;
    const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
    const w = width * scale;
    const h = height * scale;
    pdf.ensure(h + 8);
    pdf.doc.image(bytes, pdf.left + indent, pdf.doc.y, { width: w, height: h });
    pdf.doc.y += h + 4;
  }
  pdf.rich(
    `Text read from the image (OCR, derived; not the message's text): ${r.engine} ${r.engineVersion}, language ${r.language}, mean confidence ${r.confidence.toFixed(0)}%, pass ${r.pass}, read ${r.createdAt} by ${r.createdBy}`,
    { size: 7, indent, color: '#555555' },
  );
  pdf.rich(r.text.trim() === '' ? '(no text found)' : r.text.trim(), { size: 8.5, indent: indent + 6 });
  pdf.rich(`Image file SHA-256 ${r.sha256}`, { size: 7, indent, color: '#555555' });
}
