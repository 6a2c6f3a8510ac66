import type { Message } from '../api/types';
import { clockTime, dayOf, hasSeconds, useCaseZone, zoneName } from '../lib/time';

/**
 * The message's time in the case's zone, one format everywhere ("2023-03-25 22:02:25 BST"; only
 * "22:02:25 BST" in the thread, under its day separator), seconds where the source recorded them.
 * The source's own wording, its zone and UTC are on hover; unusual resolutions are shown.
 */
export function MessageTime({ message, withDate = false }: { message: Message; withDate?: boolean }) {
  const zone = useCaseZone(message.zone);
  const seconds = hasSeconds(message.localTime);
  const unusual = message.timeResolution && message.timeResolution !== 'exact';
  const title = `${zone}. As the source wrote it: ${message.localTime} (${message.zone}). UTC ${message.utc
    .replace('T', ' ')
    .replace(/\.\d+Z$/u, 'Z')}`;
  return (
    <span className="time" title={title} data-testid="message-time">
      <time dateTime={message.utc}>
        {withDate ? `${dayOf(message.utc, zone)} ` : ''}
        {clockTime(message.utc, zone, seconds)}
      </time>{' '}
      <span className="zone">{zoneName(message.utc, zone)}</span>
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
