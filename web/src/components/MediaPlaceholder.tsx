import type { Media } from '../api/types';

export function MediaPlaceholder({ media }: { media: Media }) {
  const name = media.fileName ?? 'attachment';
  return (
    <div className="media" role="group" aria-label={`Attachment ${name}`}>
      <span aria-hidden="true" className="media-icon">
        📎
      </span>
      <span className="media-name">{name}</span>
      {media.omitted && <span className="badge">not in export</span>}
      {media.stored && !media.omitted && <span className="badge">stored</span>}
    </div>
  );
}
