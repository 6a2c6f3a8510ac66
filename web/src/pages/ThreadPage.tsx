import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { getCase } from '../api/cases';
import { CodingSide } from '../components/CodingSide';
import { ConflictDialog } from '../components/ConflictDialog';
import { HitNavigator } from '../components/HitNavigator';
import { ThreadList, type ThreadListHandle } from '../components/ThreadList';
import { ThreadToolbar } from '../components/ThreadToolbar';
import { useSession } from '../hooks/session';
import { useCoding } from '../hooks/useCoding';
import { useCursor, usePendingMove } from '../hooks/useCursor';
import { useHighlightTerms, useThreadActions } from '../hooks/useThreadActions';
import { useQuotes, useThreadAddress, useThrottledRange } from '../hooks/useThreadPosition';
import { useThreadWindows } from '../hooks/useThreadWindows';
import { href } from '../lib/router';
import { useCaseZone } from '../lib/time';
import { caseQueryKey } from './CaseDashboardPage';
import { ThreadLoadState, useSourceToggles } from './thread-page-parts';

/**
 * The windows of messages around what the list shows (throttled as it scrolls); the last known
 * total is passed on so a refetch does not make the list forget its length.
 */
function useVisibleWindows(conversationId: number, start: number) {
  const [range, onRange] = useThrottledRange(start);
  const knownTotal = useRef(0);
  const windows = useThreadWindows(conversationId, range.first, range.last, knownTotal.current);
  if (windows.total !== null) knownTotal.current = windows.total;
  return { windows, onRange };
}

/** The case (a link back to it) and the conversation's name; the case query is shared with the dashboard. */
function ThreadTitle({ caseId, conversationId }: { caseId: number; conversationId: number }) {
  const caseQ = useQuery({ queryKey: caseQueryKey(caseId), queryFn: () => getCase(caseId) });
  const conversation = caseQ.data?.conversations.find((c) => c.id === conversationId);
  return (
    <h1 id="thread-title" className="thread-title">
      <a href={href({ page: 'case', caseId })}>{caseQ.data?.case.name ?? 'Case'}</a> ›{' '}
      {conversation?.name ?? `Conversation ${conversationId}`}
    </h1>
  );
}

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
  const { session } = useSession();
  const readOnly = session?.user.role === 'readonly';

  const [start] = useState(() => urlSeq ?? 0);
  const zone = useCaseZone('UTC');
  const { windows, onRange } = useVisibleWindows(conversationId, start);
  const total = windows.total;

  const list = useRef<ThreadListHandle>(null);
  // The selection shown, and the selection as of the last move, which moves go from (see useCursor).
  const { at: selectedSeq, latest: selectedRef, moveTo: setSelectedSeq } = useCursor(start);
  const selected = windows.get(selectedSeq);

  const { allSources, setAllSources, toggleSource, sourceShown } = useSourceToggles();
  const { highlight, setHighlight, terms } = useHighlightTerms(caseId);
  const [status, setStatus] = useState<string | null>(null);
  const coding = useCoding(
    caseId,
    { kind: 'thread', conversationId },
    { selected, readOnly, report: setStatus },
  );

  // The page's moves that wait on the server (f, a date jump, an opened quote; see usePendingMove):
  // any other selection (a click, j/k, the position slider, the address) cancels the one under way,
  // so that its answer does not move the cursor away from the message the reviewer has just chosen.
  const serverMove = usePendingMove();
  const select = useThreadAddress({
    caseId,
    conversationId,
    urlSeq,
    list,
    selectedRef,
    setSelectedSeq,
    overtake: serverMove.cancel,
  });
  const { onOpenQuote, quotedSender } = useQuotes(
    conversationId,
    selectedRef,
    select,
    setStatus,
    serverMove.run,
  );
  const act = useThreadActions({
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
  });

  return (
    <section className="thread-page" aria-labelledby="thread-title">
      <div className="thread-main">
        <ThreadTitle caseId={caseId} conversationId={conversationId} />
        <HitNavigator caseId={caseId} conversationId={conversationId} seq={selectedSeq} />
        <ThreadToolbar
          total={total ?? 0}
          position={selectedSeq}
          zone={zone}
          highlight={highlight}
          allSources={allSources}
          message={status}
          onJumpToDate={(d) => void act.jumpToDate(d)}
          onNextFlag={() => void act.goNextFlag()}
          onPosition={(seq) => select(seq, 'center')}
          onHighlight={setHighlight}
          onAllSources={setAllSources}
          onMarkReviewed={() => void act.markVisible()}
        />
        <ThreadLoadState total={total} error={windows.error} />
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
        onSave={(d) => void act.saveSelected(d)}
      />
      {coding.conflictDialog && <ConflictDialog {...coding.conflictDialog} />}
    </section>
  );
}
