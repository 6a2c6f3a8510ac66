import type { Media } from '../api/types';

const IMAGE = /\.(jpe?g|png|gif|webp)$/i;

/**
 * An attachment: its name and whether the export carried it; a stored image shows as a thumbnail
 * of the hashed original (each view is audited by the server), anything else stored opens as a
 * download.
 */
export function MediaPlaceholder({ media, messageId }: { media: Media; messageId: number }) {
  const name = media.fileName ?? 'attachment';
  const stored = media.stored && !media.omitted;
  const url = `/api/messages/${messageId}/media`;
  return (
    <div className="media" role="group" aria-label={`Attachment ${name}`}>
      {stored && IMAGE.test(name) ? (
        <a href={url} target="_blank" rel="noopener noreferrer" title="Open the stored original">
          <img className="media-thumb" src={url} alt={`Stored attachment ${name}`} loading="lazy" />
        </a>
      ) : (
        <span aria-hidden="true" className="media-icon">
          📎
        </span>
      )}
      {stored && !IMAGE.test(name) ? (
        <a className="media-name" href={url} download={name}>
          {name}
        </a>
      ) : (
        <span className="media-name">{name}</span>
      )}
      {media.omitted && <span className="badge">not in export</span>}
      {stored && <span className="badge">stored</span>}
    </div>
  );
}
