import type { Virtualizer } from '@tanstack/react-virtual';
import { useImperativeHandle, type Ref, type RefObject } from 'react';
import { inPage, pageStartFor } from '../lib/paging';
import type { ThreadListHandle } from './ThreadList';

/** A move of the page the thread list waits to make good once the page has changed. */
export type PendingJump =
  | { kind: 'anchor'; seq: number; delta: number }
  | { kind: 'index'; seq: number; align: 'auto' | 'center' | 'start' }
  | null;

/** What the thread list's handle works on: its page, its virtualiser and its jump book-keeping. */
export interface ThreadListState {
  readonly pageStart: number;
  readonly total: number;
  readonly virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>;
  readonly scrollRef: RefObject<HTMLDivElement | null>;
  readonly pending: RefObject<PendingJump>;
  readonly settleUntil: RefObject<number>;
  readonly settleTarget: RefObject<number | null>;
  readonly setPageStart: (start: number) => void;
}

/** Gives the thread list's parent `scrollToSeq` and `fullyVisible` through `ref`. */
export function useThreadListHandle(ref: Ref<ThreadListHandle> | undefined, s: ThreadListState) {
  const { pageStart, total, virtualizer, scrollRef, pending, settleUntil, settleTarget, setPageStart } = s;
  useImperativeHandle(
    ref,
    () => ({
      scrollToSeq(seq, align = 'auto') {
        settleTarget.current = seq;
        if (inPage(seq, pageStart, total)) {
          settleUntil.current = performance.now() + 800;
          virtualizer.scrollToIndex(seq - pageStart, { align });
          return;
        }
        const next = pageStartFor(seq, total);
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
    [pageStart, total, virtualizer],
  );
}
