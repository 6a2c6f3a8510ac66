import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { getWindow, WINDOW_SIZE } from '../api/messages';
import type { Message, MessageWindow } from '../api/types';
import { windowsFor } from '../lib/paging';

export function windowKey(conversationId: number, w: number) {
  return ['window', conversationId, w] as const;
}

function fromWindow(data: MessageWindow | undefined, seq: number): Message | undefined {
  if (!data) return undefined;
  const base = data.messages[0]?.seq ?? 0;
  const m = data.messages[seq - base];
  return m && m.seq === seq ? m : data.messages.find((x) => x.seq === seq);
}

export function cachedMessage(qc: QueryClient, conversationId: number, seq: number): Message | undefined {
  const w = Math.floor(seq / WINDOW_SIZE);
  return fromWindow(qc.getQueryData<MessageWindow>(windowKey(conversationId, w)), seq);
}

/** Changes loaded messages in place (after coding or marking reviewed); windows not loaded are left. */
export function updateCachedMessages(
  qc: QueryClient,
  conversationId: number,
  fromSeq: number,
  toSeq: number,
  fn: (m: Message) => Message,
): void {
  for (let w = Math.floor(fromSeq / WINDOW_SIZE); w <= Math.floor(toSeq / WINDOW_SIZE); w++) {
    qc.setQueryData<MessageWindow>(windowKey(conversationId, w), (old) =>
      old
        ? {
            ...old,
            messages: old.messages.map((m) => (m.seq >= fromSeq && m.seq <= toSeq ? fn(m) : m)),
          }
        : old,
    );
  }
}

/**
 * The windows of WINDOW_SIZE messages covering the visible seqs, fetched by seq and cached by
 * TanStack Query. Windows out of view stay cached a while (gcTime) but are not fetched.
 */
export function useThreadWindows(conversationId: number, first: number, last: number, knownTotal: number) {
  const qc = useQueryClient();
  const windows = windowsFor(first, last, Math.max(knownTotal, last + 1), WINDOW_SIZE);
  const results = useQueries({
    queries: windows.map((w) => ({
      queryKey: windowKey(conversationId, w),
      queryFn: () => getWindow(conversationId, w * WINDOW_SIZE, WINDOW_SIZE),
      staleTime: 60_000,
      gcTime: 10 * 60_000,
    })),
  });
  const total = useRef<number | null>(null);
  for (const r of results) if (r.data) total.current = r.data.total;
  const error = results.find((r) => r.error)?.error ?? null;
  const get = useCallback((seq: number) => cachedMessage(qc, conversationId, seq), [qc, conversationId]);
  // Bumps when any window's data changes, so rows re-render.
  const version = results.map((r) => r.dataUpdatedAt).join(',');
  return { total: total.current, get, error, version, loading: results.some((r) => r.isFetching) };
}
