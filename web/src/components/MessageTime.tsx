import type { Message } from '../api/types';
import { utcTitle } from '../lib/format';

/** The local time as the source wrote it, its zone, and UTC on hover; unusual resolutions are shown. */
export function MessageTime({ message }: { message: Message }) {
  const unusual = message.timeResolution && message.timeResolution !== 'exact';
  return (
    <span className="time" title={utcTitle(message.utc)}>
      <time dateTime={message.utc}>{message.localTime}</time> <span className="zone">{message.zone}</span>
      {unusual && (
        <span
          className="badge warn"
          title="The local time was ambiguous or did not exist at a daylight-saving change; UTC chosen by file order"
        >
          {message.timeResolution} time
        </span>
      )}
    </span>
  );
}
