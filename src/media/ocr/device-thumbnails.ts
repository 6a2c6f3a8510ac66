/**
 * Device thumbnails and OCR (issue 17). WhatsApp on iOS keeps its own `.thumb` beside each media
 * file (paired by `pairDeviceThumbnails` in accounting.ts, as the import report lists them). Where
 * its item is an image OCR reads, the thumbnail is a tiny copy of it: its text would be a second,
 * worse reading of the same picture, counted again by search and flags. So it is not read. It is
 * read only where it is the only picture there is (its item absent, not stored, or no image), and
 * the reading says so in its pass.
 */
import { open } from 'node:fs/promises';

import type { EvidenceStore } from '../../evidence/evidence-store.js';
import type { Store } from '../../store/open-store.js';
import type { ExhibitFileRecord } from '../../store/types.js';
import { pairDeviceThumbnails, THUMB } from '../accounting.js';
import { imageType } from './image-type.js';

export interface ThumbnailPlan {
  /** Unread thumbnails whose item is an image OCR reads: not read. */
  readonly skip: ReadonlySet<number>;
  /** Unread thumbnails read as the only picture of their item, with why (added to the pass). */
  readonly only: ReadonlyMap<number, string>;
}

const NONE: ThumbnailPlan = { skip: new Set(), only: new Map() };

/** The first bytes of a stored file: enough to tell an image, without reading a video whole. */
export async function head(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(32), 0, 32, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function isStoredImage(evidence: EvidenceStore, file: ExhibitFileRecord): Promise<boolean> {
  if (file.storedPath === null) return false;
  try {
    return imageType(await head(evidence.absolutePath(file.storedPath))) !== null;
  } catch {
    // An item whose stored copy cannot be opened is no picture OCR can read: its thumbnail is.
    return false;
  }
}

/** Why a thumbnail is the only picture of its item, or null when its item is an image to read. */
async function onlyPicture(
  evidence: EvidenceStore,
  items: readonly ExhibitFileRecord[],
): Promise<string | null> {
  if (items.length === 0) return 'its media file is not among the media given';
  for (const item of items) if (await isStoredImage(evidence, item)) return null;
  if (items.length > 1) return `none of the ${items.length} files of its name beside it is an image`;
  const item = items[0]!;
  return item.storedPath === null
    ? `its media file (exhibit file ${item.id}) has no stored copy`
    : `its media file (exhibit file ${item.id}) is not an image`;
}

/** Which of `unread` are device thumbnails to skip, and which to read as their item's only picture. */
export async function planDeviceThumbnails(
  store: Store,
  evidence: EvidenceStore,
  caseId: number,
  unread: readonly ExhibitFileRecord[],
): Promise<ThumbnailPlan> {
  const thumbs = unread.filter((f) => THUMB.test(f.pathInArchive));
  if (thumbs.length === 0) return NONE;
  const wanted = new Set(thumbs.map((f) => f.id));
  const linked = await store.mediaTexts.namedFileIds(caseId);
  const skip = new Set<number>();
  const only = new Map<number, string>();
  // Paired within their own exhibit: two phones can hold the same folder names.
  for (const exhibitId of new Set(thumbs.map((f) => f.exhibitId))) {
    const files = await store.exhibits.listFiles(exhibitId);
    for (const { thumb, items } of pairDeviceThumbnails(files, linked)) {
      if (!wanted.has(thumb.id)) continue;
      const why = await onlyPicture(evidence, items);
      if (why === null) skip.add(thumb.id);
      else only.set(thumb.id, `device thumbnail (.thumb): ${why}`);
    }
  }
  return { skip, only };
}
