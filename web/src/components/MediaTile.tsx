import { useQuery } from '@tanstack/react-query';
import { MEDIA_KIND_LABELS, mediaKindFromName, type MediaKind } from '@contract/media';
import { mediaInfo } from '../api/messages';
import { ImageText } from './ImageText';

const ICON: Readonly<Record<MediaKind, string>> = {
  image: '🖼',
  video: '🎞',
  audio: '🔊',
  document: '📄',
  other: '📎',
};

/** "860 bytes", "1.5 KiB (1,506 bytes)": exact, to compare with the exhibit listing, and readable. */
export function sizeText(n: number): string {
  const exact = `${n.toLocaleString('en-GB')} bytes`;
  if (n < 1024) return exact;
  const unit = n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return `${unit} (${exact})`;
}

/**
 * An attachment the exhibit does not hold: its name and kind (from the name, there being no bytes
 * to read) and "not in export", saying whether the export left media out or the file is missing.
 */
export function AbsentTile({ name, omitted }: { name: string; omitted: boolean }) {
  const kind = mediaKindFromName(name);
  return (
    <div
      className="media media-tile media-absent"
      role="group"
      aria-label={`Attachment ${name}`}
      data-kind={kind}
    >
      <span aria-hidden="true" className="media-icon">
        {ICON[kind]}
      </span>
      <span className="media-kind">{MEDIA_KIND_LABELS[kind]}</span>
      <span className="media-name">{name}</span>
      <span
        className="badge"
        title={
          omitted
            ? 'The export was made without media'
            : 'The message names this file; the exhibit does not hold it'
        }
      >
        not in export
      </span>
    </div>
  );
}

/**
 * A stored attachment: its kind (told by the server from its first bytes), name, size and SHA-256.
 * An image or a video shows its thumbnail (a video's first frame), made by the server from the
 * hashed original; a click opens an image in a new tab and downloads anything else. Every fetch of
 * the original or a thumbnail is audited by the server, which serves case members only.
 */
export function StoredTile({ name, messageId }: { name: string; messageId: number }) {
  const info = useQuery({ queryKey: ['media-info', messageId], queryFn: () => mediaInfo(messageId) });
  const kind: MediaKind = info.data?.kind ?? mediaKindFromName(name);
  const url = `/api/messages/${messageId}/media`;
  const pictured = info.data && (kind === 'image' || kind === 'video');
  const opens = kind === 'image';
  return (
    <div className="media media-tile" role="group" aria-label={`Attachment ${name}`} data-kind={kind}>
      {pictured ? (
        <a
          href={url}
          {...(opens ? { target: '_blank', rel: 'noopener noreferrer' } : { download: name })}
          title={opens ? 'Open the stored original' : 'Download the stored original'}
        >
          <img
            className="media-thumb"
            src={`${url}/thumbnail?size=320`}
            alt={`Stored ${kind} ${name}`}
            loading="lazy"
          />
        </a>
      ) : (
        <span aria-hidden="true" className="media-icon">
          {ICON[kind]}
        </span>
      )}
      <span className="media-details">
        <span className="media-kind">{MEDIA_KIND_LABELS[kind]}</span>{' '}
        {opens ? (
          <span className="media-name">{name}</span>
        ) : (
          <a className="media-name" href={url} download={name} title="Download the stored original">
            {name}
          </a>
        )}
        {info.data && (
          <>
            <span className="media-size">{sizeText(info.data.size)}</span>
            <code className="media-hash" title={`SHA-256 ${info.data.sha256}`}>
              SHA-256 {info.data.sha256.slice(0, 16)}…
            </code>
          </>
        )}
        {info.isError && <span className="muted">details unavailable</span>}
        <span className="badge">stored</span>
      </span>
      {kind === 'image' && <ImageText messageId={messageId} />}
    </div>
  );
}
