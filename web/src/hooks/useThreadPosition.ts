/**
 * The thread page's position: the rows in view (throttled), the selected message and the address
 * that follows it (and drives it: a changed ?seq=, Back and Forward move the thread), and quoted
 * replies found and opened. Kept apart from ThreadPage so that each part reads on its own.
 */
import { useQueryClient } from '@tanstack/react-query';
import { senderLabel } from '@contract/sender-label';
import { useCallback, useEffect, useRef, useState, type MutableRefObject, type RefObject } from 'react';
import { getWindow, WINDOW_SIZE } from '../api/messages';
import type { Message, MessageWindow } from '../api/types';
import type { ThreadListHandle } from '../components/ThreadList';
import { setAddress } from '../lib/router';
import type { usePendingMove } from './useCursor';
import { windowKey } from './useThreadWindows';

export interface Range {
  readonly first: number;
  readonly last: number;
}
const sameRange = (a: Range, b: Range) => a.first === b.first && a.last === b.last;

export type Select = (seq: number, scroll?: 'auto' | 'center' | null, fromUrl?: boolean) => void;

/** The rows in view: they change every scroll frame; the page re-renders (and fetches) at most every 100 ms. */
export function useThrottledRange(start: number): [Range, (first: number, last: number) => void] {
  const [range, setRange] = useState<Range>({ first: start, last: start + 30 });
  const rangeTimer = useRef<{
    last: number;
    timer: ReturnType<typeof setTimeout> | null;
    next: Range | null;
  }>({
    last: 0,
    timer: null,
    next: null,
  });
  const onRange = useCallback((first: number, last: number) => {
    const t = rangeTimer.current;
    t.next = { first, last };
    const flush = () => {
      t.timer = null;
      t.last = Date.now();
      const n = t.next;
      if (n) setRange((r) => (sameRange(r, n) ? r : n));
    };
    if (t.timer) return;
    const wait = t.last + 100 - Date.now();
    if (wait <= 0) flush();
    else t.timer = setTimeout(flush, wait);
  }, []);
  useEffect(() => () => clearTimeout(rangeTimer.current.timer ?? undefined), []);
  return [range, onRange];
}

/** Selecting a message moves the address with it; the address, changed from outside, moves the selection. */
export function useThreadAddress({
  caseId,
  conversationId,
  urlSeq,
  list,
  selectedRef,
  setSelectedSeq,
  overtake,
}: {
  caseId: number;
  conversationId: number;
  urlSeq: number | null;
  list: RefObject<ThreadListHandle | null>;
  selectedRef: MutableRefObject<number>;
  setSelectedSeq: (seq: number) => void;
  /** Cancels a move still waiting on the server (usePendingMove's `cancel`): every selection made
   * here is the reviewer's latest choice (a click, j/k, the position slider, the address), and the
   * server's answer must not move the cursor away from it. A move that lands selects through here
   * too, once it is no longer pending, so it cancels nothing. */
  overtake: () => void;
}): Select {
  const qc = useQueryClient();
  // The address follows the selection (so a reload or a shared link opens there). Moving by j/k
  // replaces the entry, at most every 400 ms (browsers throttle rapid history updates, and j can be
  // held down); a jump (date, flag, quote, position) adds one, so Back returns to where it came from.
  const urlTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The seq this page last wrote to the address: its echo must not move the selection back.
  const written = useRef<number | null>(urlSeq);
  useEffect(() => () => clearTimeout(urlTimer.current ?? undefined), []);
  const select = useCallback(
    (seq: number, scroll: 'auto' | 'center' | null = null, fromUrl = false) => {
      overtake();
      setSelectedSeq(seq);
      if (scroll === 'center') {
        // A jump: start fetching the target's windows now rather than once the list has moved.
        for (const w of new Set([
          Math.floor((seq - 20) / WINDOW_SIZE),
          Math.floor((seq + 20) / WINDOW_SIZE),
        ])) {
          if (w < 0) continue;
          void qc.prefetchQuery({
            queryKey: windowKey(conversationId, w),
            queryFn: () => getWindow(conversationId, w * WINDOW_SIZE, WINDOW_SIZE),
            staleTime: 60_000,
          });
        }
      }
      if (scroll) list.current?.scrollToSeq(seq, scroll);
      if (urlTimer.current) clearTimeout(urlTimer.current);
      urlTimer.current = null;
      if (fromUrl) {
        written.current = seq;
        return;
      }
      const route = { page: 'thread', caseId, conversationId, seq } as const;
      if (scroll === 'center') {
        written.current = seq;
        setAddress(route, 'push');
        return;
      }
      urlTimer.current = setTimeout(() => {
        urlTimer.current = null;
        written.current = seq;
        setAddress(route, 'replace');
      }, 400);
    },
    [qc, caseId, conversationId, overtake],
  );

  // The address drives the page: a ?seq= typed or linked, or Back/Forward, moves the open thread.
  useEffect(() => {
    if (urlSeq === written.current) return;
    written.current = urlSeq;
    // No ?seq= (Back to where the thread was first opened from its link) is the first message.
    const target = urlSeq ?? 0;
    if (target !== selectedRef.current) select(target, 'center', true);
  }, [urlSeq, select]);
  return select;
}

/**
 * Quoted replies: the quoted message found (looking back a few windows) and opened; its sender named.
 * The look-up may wait on the server, so it runs as a pending move (`run`, usePendingMove's): a click
 * or key move meanwhile overtakes it, and a coding key pressed meanwhile is held for the quote.
 */
export function useQuotes(
  conversationId: number,
  selectedRef: MutableRefObject<number>,
  select: Select,
  setStatus: (s: string) => void,
  run: ReturnType<typeof usePendingMove>['run'],
) {
  const qc = useQueryClient();
  const openQuote = useCallback(
    async (keyId: string) => {
      const find = (): Message | undefined => {
        for (const [, data] of qc.getQueriesData<MessageWindow>({ queryKey: ['window', conversationId] })) {
          const m = data?.messages.find((x) => x.keyId === keyId);
          if (m) return m;
        }
        return undefined;
      };
      const from = selectedRef.current;
      const seq = await run(
        async () => {
          let m = find();
          // A quoted message is usually close above the reply: look back a few windows.
          for (let w = Math.floor(from / WINDOW_SIZE) - 1, n = 0; !m && w >= 0 && n < 10; w--, n++) {
            await qc.fetchQuery({
              queryKey: windowKey(conversationId, w),
              queryFn: () => getWindow(conversationId, w * WINDOW_SIZE, WINDOW_SIZE),
            });
            m = find();
          }
          return m ? m.seq : null;
        },
        (to) => select(to, 'center'),
      );
      if (seq === null) setStatus('The quoted message was not found near this reply.');
    },
    [qc, conversationId, select, run],
  );

  const onOpenQuote = useCallback((keyId: string) => void openQuote(keyId), [openQuote]);
  // Who wrote a quoted message, where a loaded window has it (the quote names its sender).
  const quotedSender = useCallback(
    (keyId: string) => {
      for (const [, data] of qc.getQueriesData<MessageWindow>({ queryKey: ['window', conversationId] })) {
        const m = data?.messages.find((x) => x.keyId === keyId);
        if (m) return senderLabel(m.sender, m.displayedAuthor);
      }
      return undefined;
    },
    [qc, conversationId],
  );
  return { onOpenQuote, quotedSender };
}
