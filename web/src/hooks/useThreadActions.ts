/**
 * What the thread page does on a key or a button: code the selected message, mark the visible run
 * reviewed, go to the next flag or a date; and the highlighted terms (the reviewer's own and the
 * case's term list).
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type RefObject } from 'react';
import type { Decision } from '@contract/coding';
import { nextFlag, seqAt } from '../api/messages';
import { getCaseTerms, searchTermsKey } from '../api/search-terms';
import type { Message } from '../api/types';
import type { ThreadListHandle } from '../components/ThreadList';
import { decisionLabel } from '../lib/format';
import { loadHighlight, saveHighlight, termsFromQuery } from '../lib/search-terms';
import { zonedToUtc } from '../lib/time';
import type { useCoding } from './useCoding';
import { useActAtCursor, type usePendingMove } from './useCursor';
import { useThreadKeys, type ThreadKey } from './useThreadKeys';
import type { Select } from './useThreadPosition';

/** Persistent highlighting: the reviewer's own search terms and, always, the case's term list. */
export function useHighlightTerms(caseId: number) {
  const [highlight, setHighlightState] = useState(() => loadHighlight(caseId));
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
  const setHighlight = (q: string) => {
    setHighlightState(q);
    saveHighlight(caseId, q);
  };
  return { highlight, setHighlight, terms };
}

export function useThreadActions({
  conversationId,
  total,
  selected,
  selectedSeq,
  selectedRef,
  readOnly,
  zone,
  coding,
  list,
  select,
  setStatus,
  toggleSource,
  serverMove,
}: {
  conversationId: number;
  total: number | null;
  selected: Message | undefined;
  selectedSeq: number;
  /** The selection as of the last move, ahead of the render: what j, k and f move from (see useCursor). */
  selectedRef: RefObject<number>;
  readOnly: boolean;
  zone: string;
  coding: ReturnType<typeof useCoding>;
  list: RefObject<ThreadListHandle | null>;
  select: Select;
  setStatus: (s: string) => void;
  toggleSource: (seq: number) => void;
  /** f and a date jump wait on the server for where they go: marked under way meanwhile, so that a
   * coding key pressed before the answer codes the message they land on (see usePendingMove). The
   * page's one pending move: `select` cancels it (any other move is the reviewer's later choice). */
  serverMove: ReturnType<typeof usePendingMove>;
}) {
  async function saveSelected(decision?: Decision, advance = false) {
    if (!selected) return;
    const d = await coding.decide(decision);
    if (!d) return;
    setStatus(`Message ${selected.seq + 1}: ${decisionLabel(d)} saved`);
    // n moves on from the message it coded, unless the reviewer has chosen another while it saved
    // (a click, j/k, f): the latest choice wins, and moving on from here would leave it.
    const stayed = selectedRef.current === selected.seq && serverMove.pending.current === null;
    if (advance && stayed && total !== null && selected.seq + 1 < total) select(selected.seq + 1, 'auto');
  }

  async function markVisible() {
    if (readOnly) return;
    const v = list.current?.fullyVisible();
    if (!v) return;
    const marked = await coding.markRun(conversationId, v.first, v.last);
    if (marked === null) return;
    setStatus(`Messages ${v.first + 1}–${v.last + 1} marked reviewed, nothing of note (${marked} marked)`);
  }

  const center = (seq: number) => select(seq, 'center');

  async function goNextFlag() {
    const from = selectedRef.current;
    const seq = await serverMove.run(() => nextFlag(conversationId, from), center);
    if (seq === null) setStatus('No further flagged messages in this conversation.');
  }

  async function jumpToDate(isoDate: string) {
    // Midnight in the case's zone, the zone every time on the page is shown in.
    const at = zonedToUtc(isoDate, '00:00', zone);
    const seq = await serverMove.run(() => seqAt(conversationId, at), center);
    if (seq === null) setStatus(`No messages on or after ${isoDate} (${zone}).`);
  }

  // Keys that act on the selected message act on the one the cursor has moved to (see useActAtCursor).
  const atSelected = useActAtCursor<ThreadKey>(
    selectedSeq,
    () => serverMove.pending.current ?? selectedRef.current,
    selected !== undefined,
    (k) => {
      switch (k) {
        case 'offensive':
          return void saveSelected('offensive');
        case 'unsure':
          return void saveSelected('unsure');
        case 'not_offensive':
          return void saveSelected('not_offensive', true);
        case 'source':
          return toggleSource(selectedSeq);
      }
    },
  );

  const onKey = (k: ThreadKey) => {
    if (total === null || total === 0) return;
    switch (k) {
      // A move by key overtakes one still waiting on the server (`select` cancels it).
      case 'next':
        return select(Math.min(total - 1, selectedRef.current + 1), 'auto');
      case 'prev':
        return select(Math.max(0, selectedRef.current - 1), 'auto');
      case 'offensive':
      case 'unsure':
      case 'not_offensive':
      case 'source':
        return atSelected(k);
      case 'reviewed':
        return void markVisible();
      case 'flag':
        return void goNextFlag();
    }
  };
  useThreadKeys(onKey, !coding.conflict);
  return { saveSelected, markVisible, goNextFlag, jumpToDate };
}
