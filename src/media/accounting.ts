/**
 * Media accounted for (issue 17, item 1): after an import has linked messages to the files they
 * name, every media file that no message names is listed in the import report, as every message
 * naming an absent file already is (`media_missing`). Nothing is dropped silently either way.
 */
import type { ImportNotice } from '../domain/import-report.js';

/** Notices listed in full up to this many; past it one notice gives the rest as a count. */
export const MEDIA_NOTICE_LIMIT = 200;

export interface StoredMediaFile {
  readonly id: number;
  readonly pathInArchive: string;
  readonly role: string;
}

/**
 * One `media_unreferenced` notice per media file that no message links to. A phone's own
 * thumbnails (`.thumb`) are not among them: `deviceThumbnails` lists those with their item.
 */
export function mediaNamedByNoMessage(
  files: readonly StoredMediaFile[],
  linked: ReadonlySet<number>,
  thumbnails: ReadonlySet<number> = new Set(),
): ImportNotice[] {
  const loose = files.filter((f) => f.role === 'media' && !linked.has(f.id) && !thumbnails.has(f.id));
  const out: ImportNotice[] = loose.slice(0, MEDIA_NOTICE_LIMIT).map((f) => ({
    code: 'media_unreferenced',
    message: `${f.pathInArchive} is present but named by no message (hashed and stored as exhibit file ${f.id})`,
    line: null,
  }));
  if (loose.length > MEDIA_NOTICE_LIMIT)
    out.push({
      code: 'media_unreferenced',
      message: `${loose.length - MEDIA_NOTICE_LIMIT} more media files are present but named by no message (${loose.length} in all; \`scrutineer exhibit show\` lists every stored file)`,
      line: null,
    });
  return out;
}

/** The first MEDIA_NOTICE_LIMIT "named but absent" notices, and the count of the rest. */
export function limitMissing(missing: readonly ImportNotice[]): ImportNotice[] {
  if (missing.length <= MEDIA_NOTICE_LIMIT) return [...missing];
  return [
    ...missing.slice(0, MEDIA_NOTICE_LIMIT),
    {
      code: 'media_missing',
      message: `${missing.length - MEDIA_NOTICE_LIMIT} more messages name an attachment that is not in the archive (${missing.length} in all)`,
      line: null,
    },
  ];
}

/** A phone's own thumbnail file (iOS WhatsApp): `<uuid>.thumb`, `<name>.jpg.thumb`. */
export const THUMB = /\.thumb$/i;

function split(path: string): { dir: string; name: string } {
  const at = path.lastIndexOf('/');
  return { dir: path.slice(0, at + 1).toLowerCase(), name: path.slice(at + 1).toLowerCase() };
}

/** An unlinked `.thumb` and the media files of its folder it may be the thumbnail of. */
export interface DeviceThumbnail<F extends StoredMediaFile = StoredMediaFile> {
  readonly thumb: F;
  /** One: its item. None: its item is absent. Several: files of its name beside it, not paired. */
  readonly items: readonly F[];
}

/**
 * WhatsApp on iOS keeps its own thumbnail beside each media file in `Message/Media`
 * (`<jid>/a/b/<uuid>.thumb` beside `<uuid>.jpg`; also `<name>.jpg.thumb`). Such a file is the
 * thumbnail of the one media file in its folder with its name (less `.thumb`, or with any
 * extension). A `.thumb` that a message names is that message's media, not a device thumbnail.
 * Shared by the import report (`deviceThumbnails`) and OCR, which does not read a thumbnail
 * again when its item is there.
 */
export function pairDeviceThumbnails<F extends StoredMediaFile>(
  files: readonly F[],
  linked: ReadonlySet<number>,
): DeviceThumbnail<F>[] {
  const media = files.filter((f) => f.role === 'media');
  const thumbs = media.filter((f) => THUMB.test(f.pathInArchive) && !linked.has(f.id));
  if (thumbs.length === 0) return [];
  const byDir = new Map<string, F[]>();
  for (const f of media) {
    if (THUMB.test(f.pathInArchive)) continue;
    const { dir } = split(f.pathInArchive);
    const list = byDir.get(dir);
    if (list) list.push(f);
    else byDir.set(dir, [f]);
  }
  return thumbs.map((thumb) => {
    const { dir, name } = split(thumb.pathInArchive);
    const full = name.replace(THUMB, '');
    const siblings = byDir.get(dir) ?? [];
    let items = siblings.filter((f) => split(f.pathInArchive).name === full);
    if (items.length === 0)
      items = siblings.filter((f) => split(f.pathInArchive).name.replace(/\.[^.]*$/, '') === full);
    return { thumb, items };
  });
}

/**
 * Each unlinked `.thumb` (see `pairDeviceThumbnails`) is listed with the item it belongs to, or
 * with why it is paired with none (its item absent, or two files of that name), under
 * `media_device_thumbnail`; their ids are returned to keep them out of `media_unreferenced`.
 */
export function deviceThumbnails(
  files: readonly StoredMediaFile[],
  linked: ReadonlySet<number>,
): { ids: Set<number>; notices: ImportNotice[] } {
  const pairs = pairDeviceThumbnails(files, linked);
  if (pairs.length === 0) return { ids: new Set(), notices: [] };
  const lines = pairs.map(({ thumb: t, items }) => {
    const head = `${t.pathInArchive} (exhibit file ${t.id}) is WhatsApp's own thumbnail`;
    if (items.length === 1) {
      const item = items[0]!;
      return `${head} of ${item.pathInArchive} (exhibit file ${item.id})${linked.has(item.id) ? '' : ', which no message names'}`;
    }
    if (items.length === 0) return `${head}; the media file it belongs to is not among the media given`;
    return `${head} of one of ${items.length} files of its name beside it (${items.map((i) => `exhibit file ${i.id}`).join(', ')}): not paired`;
  });
  const notices: ImportNotice[] = [
    {
      code: 'media_device_thumbnail',
      message: `${pairs.length} device thumbnail(s) (.thumb) beside the media they belong to: stored, and not counted as media named by no message`,
      line: null,
    },
    ...lines.slice(0, MEDIA_NOTICE_LIMIT).map((message) => ({
      code: 'media_device_thumbnail' as const,
      message,
      line: null,
    })),
  ];
  if (lines.length > MEDIA_NOTICE_LIMIT)
    notices.push({
      code: 'media_device_thumbnail',
      message: `${lines.length - MEDIA_NOTICE_LIMIT} more device thumbnails (${lines.length} in all; \`scrutineer exhibit show\` lists every stored file)`,
      line: null,
    });
  return { ids: new Set(pairs.map((p) => p.thumb.id)), notices };
}
