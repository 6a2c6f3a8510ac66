import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { BatchMessagesPage } from '../api/batches';
import type { Message } from '../api/types';
import { MessageRow } from '../components/MessageRow';
import { href } from '../lib/router';

const NO_TERMS: never[] = [];
/** The next page is asked for once the selection or the view comes this close to the loaded end. */
const PREFETCH = 30;

/**
 * A batch's loaded messages as a virtual list: only the rows in view are drawn, the view follows
 * the selection, and the next page is asked for before the reviewer reaches the loaded end.
 */
export function BatchList(props: {
  caseId: number;
  messagesQ: UseInfiniteQueryResult<InfiniteData<BatchMessagesPage>>;
  messages: readonly Message[];
  /** Whether the batch itself has loaded: rows are drawn only then. */
  ready: boolean;
  index: number;
  select: (i: number) => void;
  sources: ReadonlySet<number>;
  toggleSource: (id: number) => void;
}) {
  const { caseId, messagesQ, messages, index, select, sources, toggleSource } = props;
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = messagesQ;
  const listRef = useRef<HTMLDivElement>(null);
  const rowCount = messages.length + (hasNextPage ? 1 : 0);
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: rowCount,
    getScrollElement: () => listRef.current,
    estimateSize: () => 72,
    getItemKey: (i) => messages[i]?.id ?? 'more',
    overscan: 10,
    gap: 4,
    // The list's own 4px padding: a row brought into view at the bottom is not cut off.
    scrollPaddingEnd: 8,
  });
  const items = virtualizer.getVirtualItems();
  const lastInView = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (index < rowCount) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Follows the selection only: scrolling by hand moves the view, not the selection.
  }, [index]);

  // Ask for the next page before the reviewer reaches the end of what is loaded.
  const nearEnd = Math.max(index, lastInView) >= messages.length - PREFETCH;
  useEffect(() => {
    if (nearEnd && hasNextPage && !isFetchingNextPage && !messagesQ.isError)
      void fetchNextPage({ cancelRefetch: false });
  }, [nearEnd, hasNextPage, isFetchingNextPage, messagesQ.isError, fetchNextPage, messages.length]);

  return (
    <div className="batch-list" aria-label="Batch messages" ref={listRef}>
      {props.ready && messages.length > 0 && (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative', flex: 'none' }}>
          <div
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              display: 'flex',
              flexDirection: 'column',
              gap: 4,
              transform: `translateY(${items[0]?.start ?? 0}px)`,
            }}
          >
            {items.map((it) => {
              const m = messages[it.index];
              return (
                <div key={it.key} data-index={it.index} ref={virtualizer.measureElement}>
                  {m ? (
                    <MessageRow
                      message={m}
                      selected={it.index === index}
                      showSource={sources.has(m.id)}
                      terms={NO_TERMS}
                      onSelect={() => select(it.index)}
                      onToggleSource={() => toggleSource(m.id)}
                      onOpenQuote={() =>
                        window.location.assign(
                          href({ page: 'thread', caseId, conversationId: m.conversationId, seq: m.seq }),
                        )
                      }
                    />
                  ) : (
                    <p className="muted small" aria-live="polite">
                      {messagesQ.isFetchNextPageError
                        ? `Could not load more: ${messagesQ.error?.message ?? ''}`
                        : 'Loading more messages…'}
                    </p>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
      {messagesQ.data && messages.length === 0 && <p className="muted">This batch has no messages.</p>}
    </div>
  );
}
