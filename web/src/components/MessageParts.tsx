/** Polls and locations as the phone shows them, from the structured fields the device readers keep. */
import type { LocationRef, Poll } from '../api/types';

export function PollCard({ poll }: { poll: Poll }) {
  const total = poll.options.reduce((n, o) => n + (o.votes ?? 0), 0);
  return (
    <figure className="poll" aria-label={`Poll: ${poll.question}`}>
      <figcaption>
        <span aria-hidden="true">📊</span> <strong>{poll.question}</strong>
      </figcaption>
      <ul>
        {poll.options.map((o, i) => (
          <li key={i}>
            <span className="poll-option">{o.text}</span>{' '}
            <span className="poll-votes">
              {o.votes === null ? 'votes not recorded' : `${o.votes} vote${o.votes === 1 ? '' : 's'}`}
            </span>
            {o.votes !== null && total > 0 && (
              <span
                className="poll-bar"
                style={{ width: `${(o.votes / total) * 100}%` }}
                aria-hidden="true"
              />
            )}
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Coordinates from a maps URL ("…?q=51.5,-0.12" or "…@51.5,-0.12"), where it has them. */
function coordinates(url: string | null): string | null {
  const m = url?.match(/(-?\d{1,3}\.\d+)\s*,\s*(-?\d{1,3}\.\d+)/u);
  return m ? `${m[1]}, ${m[2]}` : null;
}

export function LocationCard({ location }: { location: LocationRef }) {
  const at = coordinates(location.url);
  return (
    <div className="location" role="group" aria-label={location.live ? 'Live location' : 'Location'}>
      <span aria-hidden="true">📍</span> <strong>{location.live ? 'Live location' : 'Location'}</strong>
      {at && <span> {at}</span>}
      {location.url && (
        <>
          {' '}
          {/* Shown, not linked: opening a map would send the evidence to a third party. */}
          <code className="location-url">{location.url}</code>
        </>
      )}
      {!location.url && <span className="muted"> (no coordinates in the source)</span>}
    </div>
  );
}
