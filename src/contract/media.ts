/**
 * What server and web app share about a message's attachment (issue 17, item 2): the kinds a tile
 * shows, and the stored file's details (GET /api/messages/:id/media/info). A stored file's kind is
 * told by the server from its first bytes (src/media/kind.ts); the name decides only for a file
 * that is not there to read (an attachment not in the export).
 */
import { z } from 'zod/v4';

export const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'other'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const MEDIA_KIND_LABELS: Readonly<Record<MediaKind, string>> = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  document: 'Document',
  other: 'File',
};

const BY_EXTENSION: Readonly<Record<MediaKind, readonly string[]>> = {
  image: ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp', 'heic', 'heif'],
  video: ['mp4', 'mov', '3gp', 'm4v', 'avi', 'mkv', 'webm'],
  audio: ['opus', 'ogg', 'oga', 'mp3', 'm4a', 'aac', 'amr', 'wav', 'flac'],
  document: [
    'pdf',
    'doc',
    'docx',
    'xls',
    'xlsx',
    'ppt',
    'pptx',
    'odt',
    'ods',
    'odp',
    'rtf',
    'txt',
    'csv',
    'vcf',
    'zip',
  ],
  other: [],
};

/** The kind a file name suggests; `other` where it suggests none. */
export function mediaKindFromName(name: string | null): MediaKind {
  const ext = /\.([a-z0-9]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  if (!ext) return 'other';
  for (const kind of MEDIA_KINDS) if (BY_EXTENSION[kind].includes(ext)) return kind;
  return 'other';
}

export const MediaInfo = z.object({
  /** The file's name (last segment of its path in the exhibit). */
  fileName: z.string(),
  /** Its path inside the export zip, the media folder or the UFDR. */
  pathInArchive: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  kind: z.enum(MEDIA_KINDS),
});
export type MediaInfo = z.infer<typeof MediaInfo>;
