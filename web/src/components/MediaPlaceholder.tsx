import type { Media } from '../api/types';
import { AbsentTile, StoredTile } from './MediaTile';
import '../media.css';

/**
 * A message's attachment as a tile: stored (thumbnail for images and videos, a named tile with
 * kind, size and SHA-256 for audio, documents and the rest, the original on click) or named but
 * not in the exhibit.
 */
export function MediaPlaceholder({ media, messageId }: { media: Media; messageId: number }) {
  const name = media.fileName ?? 'attachment';
  return media.stored && !media.omitted ? (
    <StoredTile name={name} messageId={messageId} />
  ) : (
    <AbsentTile name={name} omitted={media.omitted} />
  );
}
