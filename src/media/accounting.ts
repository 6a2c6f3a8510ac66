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

/** One `media_unreferenced` notice per media file that no message links to. */
export function mediaNamedByNoMessage(
  files: readonly StoredMediaFile[],
  linked: ReadonlySet<number>,
): ImportNotice[] {
  const loose = files.filter((f) => f.role === 'media' && !linked.has(f.id));
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
