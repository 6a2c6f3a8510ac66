import type { Media } from '../api/types';
import { ImageText } from './ImageText';

const IMAGE = /\.(jpe?g|png|gif|webp)$/i;

/**
 * An attachment: its name and whether the export carried it; a stored image shows as a thumbnail
 * made by the server from the hashed original (full size on click; each view is audited by the server)
 * with the text read from it, anything else stored opens as a download.
 */
export function MediaPlaceholder({ media, messageId }: { media: Media; messageId: number }) {
  const name = media.fileName ?? 'attachment';
  const stored = media.stored && !media.omitted;
  const url = `/api/messages/${messageId}/media`;
  return (
    <div className="media" role="group" aria-label={`Attachment ${name}`}>
      {stored && IMAGE.test(name) ? (
        <a href={url} target="_blank" rel="noopener noreferrer" title="Open the stored original">
          <img
            className="media-thumb"
            src={`${url}/thumbnail?size=320`}
            alt={`Stored attachment ${name}`}
            loading="lazy"
          />
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
      {stored && IMAGE.test(name) && <ImageText messageId={messageId} />}
    </div>
  );
}
