import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import { batchMessagesKey, batchMessagesPage } from '../api/batches';
import type { Message } from '../api/types';
import { useCursor, usePendingMove, type Heading } from '../hooks/useCursor';

/** Pages `f` loads at most, looking for the next flagged message, before it asks to be pressed again. */
const FLAG_SEARCH_PAGES = 20;

/** A batch's messages, page by page, and `loadMore`: the next page, once at a time. */
export function useBatchMessages(batchId: number) {
  const messagesQ = useInfiniteQuery({
    queryKey: batchMessagesKey(batchId),
    queryFn: ({ pageParam }) => batchMessagesPage(batchId, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
  });
  const { fetchNextPage } = messagesQ;
  const messages = useMemo(() => messagesQ.data?.pages.flatMap((p) => p.hits) ?? [], [messagesQ.data]);

  /** Resolves to every message loaded once the next page is in, and whether more remain. */
  const loadMore = useCallback(async () => {
    const r = await fetchNextPage({ cancelRefetch: false });
    if (r.isError) throw r.error;
    return { all: r.data?.pages.flatMap((p) => p.hits) ?? [], more: r.hasNextPage };
  }, [fetchNextPage]);
  return { messagesQ, messages, loadMore };
}

/**
 * The selected message of a batch and the moves j and f make, which may have to load further
 * pages first; `report` is told when a move cannot be made.
 */
export function useBatchCursor(
  messages: readonly Message[],
  hasNextPage: boolean,
  loadMore: () => Promise<{ all: readonly Message[]; more: boolean }>,
  report: (status: string) => void,
) {
  // `current`: the selection as of the last move, which moves go from (see useCursor).
  const { at: index, latest: current, moveTo } = useCursor(0);
  // Where j presses made while the next page loads are heading, so that none is lost.
  const pendingMove = useRef<number | null>(null);
  // An f still loading pages to find the next flagged message (see usePendingMove).
  const flagMove = usePendingMove();
  const { cancel: cancelFlagMove } = flagMove;
  const select = useCallback(
    (i: number) => {
      pendingMove.current = null;
      cancelFlagMove();
      moveTo(i);
    },
    [moveTo, cancelFlagMove],
  );

  /** Moves to the message after `from` (or after the selection, if a move got there first), loading
   * the next page first when that is the last loaded. */
  async function next(fromIndex: number) {
    const from = Math.max(fromIndex, current.current);
    const waiting = pendingMove.current;
    if (waiting === null && from + 1 < messages.length) return select(from + 1);
    if (waiting === null && !hasNextPage) return;
    const want = (waiting ?? from) + 1;
    cancelFlagMove();
    pendingMove.current = want;
    try {
      const { all } = await loadMore();
      // A later press, or another move, has taken over.
      if (pendingMove.current !== want) return;
      select(Math.min(want, all.length - 1));
    } catch (err) {
      if (pendingMove.current === want) pendingMove.current = null;
      report(`Could not load more: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  /** To the next flagged message after `from`: at once if it is loaded, else once the pages that
   * hold it are in (marked as under way meanwhile, so that keys pressed then act where it lands). */
  async function nextFlagged(fromIndex: number) {
    const from = Math.max(fromIndex, current.current);
    const after = (all: readonly Message[]) => all.findIndex((m, j) => j > from && m.flag?.flagged);
    const loaded = after(messages);
    if (loaded >= 0) return select(loaded);
    if (!hasNextPage) return report('No further flagged messages in this batch.');
    pendingMove.current = null;
    let nothing = 'No further flagged messages in this batch.';
    let to: number | null | undefined;
    try {
      to = await flagMove.run(async () => {
        for (let pages = 1; ; pages++) {
          const { all, more } = await loadMore();
          const i = after(all);
          if (i >= 0) return i;
          if (!more) return null;
          if (pages === FLAG_SEARCH_PAGES) {
            nothing = `No flagged message in the next ${all.length - from - 1}; press f to look further.`;
            return null;
          }
        }
      }, select);
    } catch (err) {
      return report(`Could not load more: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (to === null) report(nothing);
  }

  /** One back from the selection as of the last move (not the rendered one: see `current`). */
  const prev = useCallback(() => select(Math.max(0, current.current - 1)), [select]);

  /** Where the cursor is heading: a move waiting for the next page, or an f still looking for the
   * next flagged message, or else the last move's. */
  const { pending: flagPending } = flagMove;
  const heading = useCallback(
    (): Heading => pendingMove.current ?? flagPending.current ?? current.current,
    [flagPending],
  );

  return { index, heading, select, next, prev, nextFlagged };
}
