import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  batchesKey,
  batchMessagesKey,
  batchMessagesPage,
  finishBatch,
  listBatches,
  queueKey,
} from '../api/batches';
import { ApiError } from '../api/client';
import type { Decision } from '@contract/coding';
import type { Message } from '../api/types';
import { CodingSide } from '../components/CodingSide';
import { ConflictDialog } from '../components/ConflictDialog';
import { CoverageBar } from '../components/CoverageBar';
import { MessageRow } from '../components/MessageRow';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';
import { useCoding } from '../hooks/useCoding';
import { useThreadKeys, type ThreadKey } from '../hooks/useThreadKeys';
import { decisionLabel } from '../lib/format';
import { href } from '../lib/router';
import '../queue.css';
import { roleAllows } from '@contract/roles';

const NO_TERMS: never[] = [];
/** The next page is asked for once the selection or the view comes this close to the loaded end. */
const PREFETCH = 30;
/** Pages `f` loads at most, looking for the next flagged message, before it asks to be pressed again. */
const FLAG_SEARCH_PAGES = 20;

/**
 * One batch's messages (they may come from several conversations) in the order the server gives
 * them: a priority batch highest flag score first, the others in time order. Pages load as the
 * reviewer reaches them and only the rows in view are drawn, so a batch of any size can be worked
 * through. Coded by keyboard as in the thread view: j/k move, o/n/u decide (n moves on), r marks
 * "reviewed, nothing of note", f goes to the next flagged message, s shows the source. The size and
 * what is left are the server's figures for the whole batch; "Finish batch" is offered once nothing is.
 */
export function BatchPage({ caseId, batchId }: { caseId: number; batchId: number }) {
  const qc = useQueryClient();
  const { session } = useSession();
  const user = session?.user;
  const readOnly = user?.role === 'readonly';
  const batchesQ = useQuery({ queryKey: batchesKey(caseId), queryFn: () => listBatches(caseId) });
  const batch = batchesQ.data?.find((b) => b.id === batchId);
  const messagesQ = useInfiniteQuery({
    queryKey: batchMessagesKey(batchId),
    queryFn: ({ pageParam }) => batchMessagesPage(batchId, pageParam),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.next,
  });
  const { fetchNextPage, hasNextPage, isFetchingNextPage } = messagesQ;
  const messages = useMemo(() => messagesQ.data?.pages.flatMap((p) => p.hits) ?? [], [messagesQ.data]);
  const priority = batch?.kind === 'priority';
  // The whole batch's figures (the loaded pages are only part of a large one).
  const total = batch?.messages ?? messages.length;
  const left = batch?.left ?? messages.filter((m) => !m.reviewed).length;

  const [index, setIndex] = useState(0);
  const selected: Message | undefined = messages[index];
  const [status, setStatus] = useState<string | null>(null);
  const [sources, setSources] = useState<ReadonlySet<number>>(new Set());
  const coding = useCoding(caseId, { kind: 'batch', batchId }, { selected, readOnly, report: setStatus });

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

  // Where j presses made while the next page loads are heading, so that none is lost.
  const pendingMove = useRef<number | null>(null);
  const select = useCallback((i: number) => {
    pendingMove.current = null;
    setIndex(i);
  }, []);
  useEffect(() => {
    if (index < rowCount) virtualizer.scrollToIndex(index, { align: 'auto' });
    // Follows the selection only: scrolling by hand moves the view, not the selection.
  }, [index]);

  /** The next page, once at a time; resolves to every message loaded then, and whether more remain. */
  const loadMore = useCallback(async () => {
    const r = await fetchNextPage({ cancelRefetch: false });
    if (r.isError) throw r.error;
    return { all: r.data?.pages.flatMap((p) => p.hits) ?? [], more: r.hasNextPage };
  }, [fetchNextPage]);

  // Ask for the next page before the reviewer reaches the end of what is loaded.
  const nearEnd = Math.max(index, lastInView) >= messages.length - PREFETCH;
  useEffect(() => {
    if (nearEnd && hasNextPage && !isFetchingNextPage && !messagesQ.isError)
      void fetchNextPage({ cancelRefetch: false });
  }, [nearEnd, hasNextPage, isFetchingNextPage, messagesQ.isError, fetchNextPage, messages.length]);

  /** Moves to the message after `from`, loading the next page first when `from` is the last loaded. */
  async function next(from: number) {
    const waiting = pendingMove.current;
    if (waiting === null && from + 1 < messages.length) return select(from + 1);
    if (waiting === null && !hasNextPage) return;
    const want = (waiting ?? from) + 1;
    pendingMove.current = want;
    try {
      const { all } = await loadMore();
      // A later press, or another move, has taken over.
      if (pendingMove.current !== want) return;
      select(Math.min(want, all.length - 1));
    } catch (err) {
      if (pendingMove.current === want) pendingMove.current = null;
      setStatus(`Could not load more: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function nextFlagged(from: number) {
    let all: readonly Message[] = messages;
    let more = hasNextPage;
    for (let pages = 0; ; pages++) {
      const i = all.findIndex((m, j) => j > from && m.flag?.flagged);
      if (i >= 0) return select(i);
      if (!more) return setStatus('No further flagged messages in this batch.');
      if (pages === FLAG_SEARCH_PAGES) {
        return setStatus(`No flagged message in the next ${all.length - from - 1}; press f to look further.`);
      }
      try {
        ({ all, more } = await loadMore());
      } catch (err) {
        return setStatus(`Could not load more: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  async function saveSelected(decision?: Decision, advance = false) {
    const at = index;
    const d = await coding.decide(decision);
    if (!d) return;
    setStatus(`${at + 1} of ${total}: ${decisionLabel(d)} saved`);
    if (advance) await next(at);
  }

  async function markSelected() {
    if (!selected) return;
    const at = index;
    if ((await coding.markRun(selected.conversationId, selected.seq, selected.seq)) === null) return;
    setStatus(`${at + 1} of ${total}: reviewed, nothing of note`);
    await next(at);
  }

  async function finish() {
    try {
      await finishBatch(batchId);
      setStatus('Batch finished.');
      void qc.invalidateQueries({ queryKey: batchesKey(caseId) });
      void qc.invalidateQueries({ queryKey: queueKey });
    } catch (err) {
      setStatus(err instanceof ApiError ? err.message : String(err));
    }
  }

  const toggleSource = useCallback(
    (id: number) =>
      setSources((s) => {
        const n = new Set(s);
        if (!n.delete(id)) n.add(id);
        return n;
      }),
    [],
  );

  const onKey = (k: ThreadKey) => {
    if (messages.length === 0) return;
    switch (k) {
      case 'next':
        return void next(index);
      case 'prev':
        return select(Math.max(0, index - 1));
      case 'offensive':
        return void saveSelected('offensive');
      case 'unsure':
        return void saveSelected('unsure');
      case 'not_offensive':
        return void saveSelected('not_offensive', true);
      case 'reviewed':
        return void markSelected();
      case 'flag':
        return void nextFlagged(index);
      case 'source':
        return selected && toggleSource(selected.id);
    }
  };
  useThreadKeys(onKey, !coding.conflict);

  const mayFinish =
    batch !== undefined &&
    batch.status === 'open' &&
    !readOnly &&
    (batch.assignee === user?.username || roleAllows(user?.role, 'lead'));

  return (
    <section aria-labelledby="batch-title">
      <h1 id="batch-title" className="thread-title">
        <a href={href({ page: 'queue', caseId })}>Queue</a> › {batch?.name ?? `Batch ${batchId}`}
      </h1>
      <QueryState query={messagesQ} />
      <QueryState query={batchesQ} />
      {messagesQ.data && batchesQ.data && (
        <div className="batch-head">
          <span>
            {total} messages{priority ? ', highest flag score first' : ''},{' '}
            <strong data-testid="batch-left">{left}</strong> left
            {batch && batch.status !== 'open' && (
              <span className={`status-${batch.status}`}> · {batch.status}</span>
            )}
          </span>
          <CoverageBar
            coverage={batch?.coverage ?? (total === 0 ? 0 : (total - left) / total)}
            label="Batch progress"
          />
          {mayFinish && (
            <button type="button" disabled={left > 0} onClick={() => void finish()}>
              Finish batch
            </button>
          )}
          <span className="muted small" role="status" aria-live="polite">
            {status}
          </span>
        </div>
      )}
      <div className="batch-page">
        <div className="batch-list" aria-label="Batch messages" ref={listRef}>
          {batchesQ.data && messages.length > 0 && (
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
        <CodingSide
          message={selected}
          title={`${index + 1} of ${total}`}
          coding={coding}
          readOnly={readOnly}
          onSave={(d) => void saveSelected(d)}
        >
          {selected && (
            <p className="small">
              <a
                href={href({
                  page: 'thread',
                  caseId,
                  conversationId: selected.conversationId,
                  seq: selected.seq,
                })}
              >
                Open in the thread (message {selected.seq + 1})
              </a>
            </p>
          )}
        </CodingSide>
      </div>
      {coding.conflictDialog && <ConflictDialog {...coding.conflictDialog} />}
    </section>
  );
}
