import type { VirtualItem } from '@tanstack/react-virtual';
import { dayHeading, dayOf } from '../lib/time';
import { MessagePlaceholder, MessageRow } from './MessageRow';
import type { ThreadListProps } from './ThreadList';

/**
 * The thread rows in view, each measured by the virtualiser: a message (or its placeholder while
 * it loads), after a day separator where a new day starts.
 */
export function ThreadRows(props: {
  p: ThreadListProps;
  items: readonly VirtualItem[];
  pageStart: number;
  totalSize: number;
  zone: string;
  measureElement: (el: HTMLDivElement | null) => void;
}) {
  const { p, items, pageStart, zone } = props;
  return (
    <div style={{ height: props.totalSize, position: 'relative', width: '100%' }}>
      <div
        className="thread-rows"
        style={{
          position: 'absolute',
          top: 0,
          left: 0,
          width: '100%',
          transform: `translateY(${items[0]?.start ?? 0}px)`,
        }}
      >
        {items.map((it) => {
          const seq = pageStart + it.index;
          const m = p.get(seq);
          const prev = seq > 0 ? p.get(seq - 1) : undefined;
          // A new day (in the case's zone) starts with a separator, as on the phone.
          const newDay = m && (seq === 0 || (prev && dayOf(prev.utc, zone) !== dayOf(m.utc, zone)));
          return (
            <div
              key={it.key}
              data-index={it.index}
              data-seq={seq}
              ref={props.measureElement}
              className="row"
              role="article"
              aria-posinset={seq + 1}
              aria-setsize={p.total}
            >
              {newDay && (
                <div className="day-separator" role="separator" aria-label={dayHeading(m.utc, zone)}>
                  <span>{dayHeading(m.utc, zone)}</span>
                </div>
              )}
              {m ? (
                <MessageRow
                  message={m}
                  selected={p.selectedSeq === seq}
                  showSource={p.sourceShown(seq)}
                  terms={p.terms}
                  onSelect={p.onSelect}
                  onToggleSource={p.onToggleSource}
                  onOpenQuote={p.onOpenQuote}
                  quotedSender={p.quotedSender}
                />
              ) : (
                <MessagePlaceholder seq={seq} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
