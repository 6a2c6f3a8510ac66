import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type Ref,
} from 'react';
import type { Message } from '../api/types';
import { inPage, needsRebase, pageCount, pageStartFor } from '../lib/paging';
import type { HighlightTerm } from '../lib/search-terms';
import { dayHeading, dayOf, useCaseZone } from '../lib/time';
import { MessagePlaceholder, MessageRow } from './MessageRow';

export interface ThreadListHandle {
  /** Scrolls so that `seq` is in view (moving the page if it is outside it). */
  scrollToSeq(seq: number, align?: 'auto' | 'center' | 'start'): void;
  /** Seqs of the rows wholly in view, or null when none is. */
  fullyVisible(): { first: number; last: number } | null;
}

export interface ThreadListProps {
  readonly ref?: Ref<ThreadListHandle>;
  readonly total: number;
  readonly initialSeq: number;
  readonly get: (seq: number) => Message | undefined;
  readonly selectedSeq: number | null;
  readonly sourceShown: (seq: number) => boolean;
  readonly terms: readonly HighlightTerm[];
  readonly onSelect: (seq: number) => void;
  readonly onToggleSource: (seq: number) => void;
  readonly onOpenQuote: (keyId: string) => void;
  readonly quotedSender?: (keyId: string) => string | null | undefined;
  readonly onRange: (first: number, last: number) => void;
}

const ESTIMATE = 72;

/** The virtualised thread: only rows in view (plus overscan) exist in the DOM. */
export function ThreadList(p: ThreadListProps) {
  const zone = useCaseZone('UTC');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pageStart, setPageStart] = useState(() => pageStartFor(p.initialSeq, p.total));
  const pending = useRef<
    | { kind: 'anchor'; seq: number; delta: number }
    | { kind: 'index'; seq: number; align: 'auto' | 'center' | 'start' }
    | null
  >(p.initialSeq > 0 ? { kind: 'index', seq: p.initialSeq, align: 'center' } : null);
  const count = pageCount(p.total, pageStart);
  // A programmatic jump takes a few frames to settle (rows get measured); the page must not move meanwhile.
  const settleUntil = useRef(0);
  const settleTarget = useRef<number | null>(p.initialSeq > 0 ? p.initialSeq : null);
  const [, recheck] = useReducer((n: number) => n + 1, 0);

  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATE,
    getItemKey: (i) => pageStart + i,
    overscan: 8,
    // Open at the asked-for message from the first frame, not at the top and then scrolled.
    initialOffset: () => Math.max(0, (p.initialSeq - pageStart) * ESTIMATE - 160),
  });
  const items = virtualizer.getVirtualItems();

  // After the page moved (or on first open), put the anchor row back where it was, or scroll to the target.
  useLayoutEffect(() => {
    const job = pending.current;
    if (!job) return;
    pending.current = null;
    settleUntil.current = performance.now() + 800;
    settleTarget.current = job.seq;
    const index = job.seq - pageStart;
    if (index < 0 || index >= count) return;
    if (job.kind === 'index') {
      virtualizer.scrollToIndex(index, { align: job.align });
    } else {
      const at = virtualizer.getOffsetForIndex(index, 'start');
      if (at) virtualizer.scrollToOffset(at[0] - job.delta);
    }
  }, [pageStart, count, virtualizer]);

  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const { onRange } = p;
  useEffect(() => {
    if (count === 0) return;
    const first = pageStart + firstIndex;
    const last = pageStart + lastIndex;
    // While a jump settles, rows passed on the way are not worth fetching.
    const target = settleTarget.current;
    const settling = performance.now() < settleUntil.current;
    if (settling && target !== null && (target < first || target > last)) {
      // Look again once the jump has settled, even if nothing scrolls meanwhile.
      const t = setTimeout(recheck, settleUntil.current - performance.now() + 20);
      return () => clearTimeout(t);
    }
    // Landed (the target is in view) or timed out: from here on, movement is the reader's.
    if (!settling || target !== null) {
      settleTarget.current = null;
      settleUntil.current = 0;
    }
    onRange(first, last);
    if (
      !pending.current &&
      performance.now() > settleUntil.current &&
      needsRebase(first, last, pageStart, p.total)
    ) {
      const offset = virtualizer.scrollOffset ?? 0;
      const anchor = items.find((it) => it.end > offset) ?? items[0];
      if (!anchor) return;
      const seq = pageStart + anchor.index;
      pending.current = { kind: 'anchor', seq, delta: anchor.start - offset };
      setPageStart(pageStartFor(seq, p.total));
    }
  });

  useImperativeHandle(
    p.ref,
    () => ({
      scrollToSeq(seq, align = 'auto') {
        settleTarget.current = seq;
        if (inPage(seq, pageStart, p.total)) {
          settleUntil.current = performance.now() + 800;
          virtualizer.scrollToIndex(seq - pageStart, { align });
          return;
        }
        const next = pageStartFor(seq, p.total);
        pending.current = { kind: 'index', seq, align: align === 'auto' ? 'center' : align };
        if (next === pageStart) {
          pending.current = null;
          settleUntil.current = performance.now() + 800;
          virtualizer.scrollToIndex(seq - pageStart, { align });
        } else setPageStart(next);
      },
      fullyVisible() {
        const el = scrollRef.current;
        if (!el) return null;
        const top = el.scrollTop;
        const bottom = top + el.clientHeight;
        const shown = virtualizer
          .getVirtualItems()
          .filter((it) => it.start >= top - 1 && it.end <= bottom + 1);
        const a = shown[0];
        const b = shown[shown.length - 1];
        return a && b ? { first: pageStart + a.index, last: pageStart + b.index } : null;
      },
    }),
    [pageStart, p.total, virtualizer],
  );

  return (
    <div
      ref={scrollRef}
      className="thread-scroll"
      role="feed"
      aria-label="Messages"
      aria-busy={items.some((it) => !p.get(pageStart + it.index))}
      data-page-start={pageStart}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}>
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
                ref={virtualizer.measureElement}
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
    </div>
  );
}
