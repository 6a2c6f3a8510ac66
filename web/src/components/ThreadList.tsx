import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useReducer, useRef, useState, type Ref } from 'react';
import type { Message } from '../api/types';
import { needsRebase, pageCount, pageStartFor } from '../lib/paging';
import type { HighlightTerm } from '../lib/search-terms';
import { useCaseZone } from '../lib/time';
import { ThreadRows } from './ThreadRows';
import { useThreadListHandle, type PendingJump, type ThreadListState } from './useThreadListHandle';

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

type JumpState = Pick<
  ThreadListState,
  'pending' | 'settleUntil' | 'settleTarget' | 'pageStart' | 'virtualizer'
>;

/** After the page moved (or on first open), put the anchor row back where it was, or scroll to the target. */
function useFinishPendingJump(s: JumpState, count: number) {
  const { pending, settleUntil, settleTarget, pageStart, virtualizer } = s;
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
}

/** The virtualised thread: only rows in view (plus overscan) exist in the DOM. */
export function ThreadList(p: ThreadListProps) {
  const zone = useCaseZone('UTC');
  const scrollRef = useRef<HTMLDivElement>(null);
  const [pageStart, setPageStart] = useState(() => pageStartFor(p.initialSeq, p.total));
  const pending = useRef<PendingJump>(
    p.initialSeq > 0 ? { kind: 'index', seq: p.initialSeq, align: 'center' } : null,
  );
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

  useFinishPendingJump({ pending, settleUntil, settleTarget, pageStart, virtualizer }, count);

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

  useThreadListHandle(p.ref, {
    pageStart,
    total: p.total,
    virtualizer,
    scrollRef,
    pending,
    settleUntil,
    settleTarget,
    setPageStart,
  });

  return (
    <div
      ref={scrollRef}
      className="thread-scroll"
      role="feed"
      aria-label="Messages"
      aria-busy={items.some((it) => !p.get(pageStart + it.index))}
      data-page-start={pageStart}
    >
      <ThreadRows
        {...{ p, items, pageStart, zone }}
        totalSize={virtualizer.getTotalSize()}
        measureElement={virtualizer.measureElement}
      />
    </div>
  );
}
