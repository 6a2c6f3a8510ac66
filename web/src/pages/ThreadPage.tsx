import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getCase } from '../api/cases';
import { getWindow, nextFlag, seqAt, WINDOW_SIZE } from '../api/messages';
import { getCaseTerms, searchTermsKey } from '../api/search-terms';
import type { Decision } from '@contract/coding';
import type { Message, MessageWindow } from '../api/types';
import { CodingSide } from '../components/CodingSide';
import { ConflictDialog } from '../components/ConflictDialog';
import { HitNavigator } from '../components/HitNavigator';
import { ThreadList, type ThreadListHandle } from '../components/ThreadList';
import { ThreadToolbar } from '../components/ThreadToolbar';
import { useSession } from '../hooks/session';
import { useCoding } from '../hooks/useCoding';
import { useThreadKeys, type ThreadKey } from '../hooks/useThreadKeys';
import { useThreadWindows, windowKey } from '../hooks/useThreadWindows';
import { decisionLabel } from '../lib/format';
import { href, setAddress } from '../lib/router';
import { loadHighlight, saveHighlight, termsFromQuery } from '../lib/search-terms';
import { useCaseZone, zonedToUtc } from '../lib/time';
import { caseQueryKey } from './CaseDashboardPage';

interface Range {
  readonly first: number;
  readonly last: number;
}
const sameRange = (a: Range, b: Range) => a.first === b.first && a.last === b.last;

export function ThreadPage({
  caseId,
  conversationId,
  seq: urlSeq,
}: {
  caseId: number;
  conversationId: number;
  /** The position the address names: it drives the page (a changed ?seq=, Back and Forward move it). */
  seq: number | null;
}) {
  const qc = useQueryClient();
  const { session } = useSession();
  const readOnly = session?.user.role === 'readonly';
  const caseQ = useQuery({ queryKey: caseQueryKey(caseId), queryFn: () => getCase(caseId) });
  const conversation = caseQ.data?.conversations.find((c) => c.id === conversationId);

  const [start] = useState(() => urlSeq ?? 0);
  const zone = useCaseZone('UTC');
  // The rows in view change every scroll frame; the page re-renders (and fetches) at most every 100 ms.
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
  const knownTotal = useRef(0);
  const windows = useThreadWindows(conversationId, range.first, range.last, knownTotal.current);
  if (windows.total !== null) knownTotal.current = windows.total;
  const total = windows.total;

  const list = useRef<ThreadListHandle>(null);
  const [selectedSeq, setSelectedSeq] = useState(start);
  const selectedRef = useRef(start);
  selectedRef.current = selectedSeq;
  const selected = windows.get(selectedSeq);

  const [sources, setSources] = useState<ReadonlySet<number>>(new Set());
  const [allSources, setAllSources] = useState(false);
  const [highlight, setHighlightState] = useState(() => loadHighlight(caseId));
  // Persistent highlighting: the reviewer's own search terms and, always, the case's term list.
  const caseTerms = useQuery({
    queryKey: [...searchTermsKey(caseId), 'terms'],
    queryFn: () => getCaseTerms(caseId),
    staleTime: 60_000,
  });
  const terms = useMemo(
    () => [
      ...termsFromQuery(highlight),
      ...(caseTerms.data ?? []).map((t) => ({ text: t.term, prefix: false })),
    ],
    [highlight, caseTerms.data],
  );
  const [status, setStatus] = useState<string | null>(null);
  const coding = useCoding(
    caseId,
    { kind: 'thread', conversationId },
    { selected, readOnly, report: setStatus },
  );

  const setHighlight = (q: string) => {
    setHighlightState(q);
    saveHighlight(caseId, q);
  };

  // The address follows the selection (so a reload or a shared link opens there). Moving by j/k
  // replaces the entry, at most every 400 ms (browsers throttle rapid history updates, and j can be
  // held down); a jump (date, flag, quote, position) adds one, so Back returns to where it came from.
  const urlTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The seq this page last wrote to the address: its echo must not move the selection back.
  const written = useRef<number | null>(urlSeq);
  useEffect(() => () => clearTimeout(urlTimer.current ?? undefined), []);
  const select = useCallback(
    (seq: number, scroll: 'auto' | 'center' | null = null, fromUrl = false) => {
      setSelectedSeq(seq);
      selectedRef.current = seq;
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
    [qc, caseId, conversationId],
  );

  // The address drives the page: a ?seq= typed or linked, or Back/Forward, moves the open thread.
  useEffect(() => {
    if (urlSeq === written.current) return;
    written.current = urlSeq;
    // No ?seq= (Back to where the thread was first opened from its link) is the first message.
    const target = urlSeq ?? 0;
    if (target !== selectedRef.current) select(target, 'center', true);
  }, [urlSeq, select]);

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

  const toggleSource = useCallback((seq: number) => {
    setSources((s) => {
      const n = new Set(s);
      if (n.has(seq)) n.delete(seq);
      else n.add(seq);
      return n;
    });
  }, []);
  const sourceShown = useCallback((seq: number) => allSources || sources.has(seq), [allSources, sources]);

  const openQuote = useCallback(
    async (keyId: string) => {
      const find = (): Message | undefined => {
        for (const [, data] of qc.getQueriesData<MessageWindow>({ queryKey: ['window', conversationId] })) {
          const m = data?.messages.find((x) => x.keyId === keyId);
          if (m) return m;
        }
        return undefined;
      };
      let m = find();
      // A quoted message is usually close above the reply: look back a few windows.
      for (
        let w = Math.floor(selectedRef.current / WINDOW_SIZE) - 1, n = 0;
        !m && w >= 0 && n < 10;
        w--, n++
      ) {
        await qc.fetchQuery({
          queryKey: windowKey(conversationId, w),
          queryFn: () => getWindow(conversationId, w * WINDOW_SIZE, WINDOW_SIZE),
        });
        m = find();
      }
      if (m) select(m.seq, 'center');
      else setStatus('The quoted message was not found near this reply.');
    },
    [qc, conversationId, select],
  );

  const onOpenQuote = useCallback((keyId: string) => void openQuote(keyId), [openQuote]);
  // Who wrote a quoted message, where a loaded window has it (the quote names its sender).
  const quotedSender = useCallback(
    (keyId: string) => {
      for (const [, data] of qc.getQueriesData<MessageWindow>({ queryKey: ['window', conversationId] })) {
        const m = data?.messages.find((x) => x.keyId === keyId);
        if (m) return m.sender;
      }
      return undefined;
    },
    [qc, conversationId],
  );

  async function saveSelected(decision?: Decision, advance = false) {
    if (!selected) return;
    const d = await coding.decide(decision);
    if (!d) return;
    setStatus(`Message ${selected.seq + 1}: ${decisionLabel(d)} saved`);
    if (advance && total !== null && selected.seq + 1 < total) select(selected.seq + 1, 'auto');
  }

  async function markVisible() {
    if (readOnly) return;
    const v = list.current?.fullyVisible();
    if (!v) return;
    const marked = await coding.markRun(conversationId, v.first, v.last);
    if (marked === null) return;
    setStatus(`Messages ${v.first + 1}–${v.last + 1} marked reviewed, nothing of note (${marked} marked)`);
  }

  async function goNextFlag() {
    const seq = await nextFlag(conversationId, selectedSeq);
    if (seq === null) setStatus('No further flagged messages in this conversation.');
    else select(seq, 'center');
  }

  async function jumpToDate(isoDate: string) {
    // Midnight in the case's zone, the zone every time on the page is shown in.
    const seq = await seqAt(conversationId, zonedToUtc(isoDate, '00:00', zone));
    if (seq === null) setStatus(`No messages on or after ${isoDate} (${zone}).`);
    else select(seq, 'center');
  }

  const onKey = (k: ThreadKey) => {
    if (total === null || total === 0) return;
    switch (k) {
      case 'next':
        return select(Math.min(total - 1, selectedSeq + 1), 'auto');
      case 'prev':
        return select(Math.max(0, selectedSeq - 1), 'auto');
      case 'offensive':
        return void saveSelected('offensive');
      case 'unsure':
        return void saveSelected('unsure');
      case 'not_offensive':
        return void saveSelected('not_offensive', true);
      case 'reviewed':
        return void markVisible();
      case 'flag':
        return void goNextFlag();
      case 'source':
        return toggleSource(selectedSeq);
    }
  };
  useThreadKeys(onKey, !coding.conflict);

  return (
    <section className="thread-page" aria-labelledby="thread-title">
      <div className="thread-main">
        <h1 id="thread-title" className="thread-title">
          <a href={href({ page: 'case', caseId })}>{caseQ.data?.case.name ?? 'Case'}</a> ›{' '}
          {conversation?.name ?? `Conversation ${conversationId}`}
        </h1>
        <HitNavigator caseId={caseId} conversationId={conversationId} seq={selectedSeq} />
        <ThreadToolbar
          total={total ?? 0}
          position={selectedSeq}
          zone={zone}
          highlight={highlight}
          allSources={allSources}
          message={status}
          onJumpToDate={(d) => void jumpToDate(d)}
          onNextFlag={() => void goNextFlag()}
          onPosition={(seq) => select(seq, 'center')}
          onHighlight={setHighlight}
          onAllSources={setAllSources}
          onMarkReviewed={() => void markVisible()}
        />
        {windows.error && (
          <p role="alert" className="error">
            Could not load messages: {windows.error.message}
          </p>
        )}
        {total === null && !windows.error && <p className="muted">Loading messages…</p>}
        {total === 0 && <p className="muted">This conversation has no messages.</p>}
        {total !== null && total > 0 && (
          <ThreadList
            ref={list}
            total={total}
            initialSeq={start}
            get={windows.get}
            selectedSeq={selectedSeq}
            sourceShown={sourceShown}
            terms={terms}
            onSelect={select}
            onToggleSource={toggleSource}
            onOpenQuote={onOpenQuote}
            quotedSender={quotedSender}
            onRange={onRange}
          />
        )}
      </div>
      <CodingSide
        message={selected}
        title={`Message ${selectedSeq + 1}`}
        coding={coding}
        readOnly={readOnly}
        onSave={(d) => void saveSelected(d)}
      />
      {coding.conflictDialog && <ConflictDialog {...coding.conflictDialog} />}
    </section>
  );
}
