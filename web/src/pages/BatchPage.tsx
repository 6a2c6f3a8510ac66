import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { batchesKey, listBatches } from '../api/batches';
import type { Decision } from '@contract/coding';
import type { Message } from '../api/types';
import { CodingSide } from '../components/CodingSide';
import { ConflictDialog } from '../components/ConflictDialog';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';
import { useCoding } from '../hooks/useCoding';
import { useActAtCursor } from '../hooks/useCursor';
import { useThreadKeys, type ThreadKey } from '../hooks/useThreadKeys';
import { decisionLabel } from '../lib/format';
import { href } from '../lib/router';
import '../queue.css';
import { BatchHead, OpenInThread } from './BatchHead';
import { BatchList } from './BatchList';
import { useBatchCursor, useBatchMessages } from './useBatchCursor';

/**
 * One batch's messages (they may come from several conversations) in the order the server gives
 * them: a priority batch highest flag score first, the others in time order. Pages load as the
 * reviewer reaches them and only the rows in view are drawn, so a batch of any size can be worked
 * through. Coded by keyboard as in the thread view: j/k move, o/n/u decide (n moves on), r marks
 * "reviewed, nothing of note", f goes to the next flagged message, s shows the source. The size and
 * what is left are the server's figures for the whole batch; "Finish batch" is offered once nothing is.
 */
export function BatchPage({ caseId, batchId }: { caseId: number; batchId: number }) {
  const { session } = useSession();
  const user = session?.user;
  const readOnly = user?.role === 'readonly';
  const batchesQ = useQuery({ queryKey: batchesKey(caseId), queryFn: () => listBatches(caseId) });
  const batch = batchesQ.data?.find((b) => b.id === batchId);
  const { messagesQ, messages, loadMore } = useBatchMessages(batchId);
  // The whole batch's figures (the loaded pages are only part of a large one).
  const total = batch?.messages ?? messages.length;
  const left = batch?.left ?? messages.filter((m) => !m.reviewed).length;

  const [status, setStatus] = useState<string | null>(null);
  const { index, heading, select, next, prev, nextFlagged } = useBatchCursor(
    messages,
    messagesQ.hasNextPage,
    loadMore,
    setStatus,
  );
  const selected: Message | undefined = messages[index];
  const [sources, setSources] = useState<ReadonlySet<number>>(new Set());
  const coding = useCoding(caseId, { kind: 'batch', batchId }, { selected, readOnly, report: setStatus });

  async function saveSelected(decision?: Decision, advance = false) {
    const at = index;
    const d = await coding.decide(decision);
    if (!d) return;
    setStatus(`${at + 1} of ${total}: ${decisionLabel(d)} saved`);
    if (advance) await moveOn(at);
  }

  async function markSelected() {
    if (!selected) return;
    const at = index;
    if ((await coding.markRun(selected.conversationId, selected.seq, selected.seq)) === null) return;
    setStatus(`${at + 1} of ${total}: reviewed, nothing of note`);
    await moveOn(at);
  }

  /** n and r move on from the message they saved, unless the reviewer has chosen another while it
   * saved (a click, j/k, f): the latest choice wins, and moving on from `at` would leave it. */
  async function moveOn(at: number) {
    if (heading() === at) await next(at);
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

  // Keys that act on the selected message act on the one the cursor has moved to (see useActAtCursor).
  const atSelected = useActAtCursor<ThreadKey>(index, heading, selected !== undefined, (k) => {
    switch (k) {
      case 'offensive':
        return void saveSelected('offensive');
      case 'unsure':
        return void saveSelected('unsure');
      case 'not_offensive':
        return void saveSelected('not_offensive', true);
      case 'reviewed':
        return void markSelected();
      case 'source':
        return selected && toggleSource(selected.id);
    }
  });

  const onKey = (k: ThreadKey) => {
    if (messages.length === 0) return;
    switch (k) {
      case 'next':
        return void next(index);
      case 'prev':
        return prev();
      case 'flag':
        return void nextFlagged(index);
      case 'offensive':
      case 'unsure':
      case 'not_offensive':
      case 'reviewed':
      case 'source':
        return atSelected(k);
    }
  };
  useThreadKeys(onKey, !coding.conflict);

  return (
    <section aria-labelledby="batch-title">
      <h1 id="batch-title" className="thread-title">
        <a href={href({ page: 'queue', caseId })}>Queue</a> › {batch?.name ?? `Batch ${batchId}`}
      </h1>
      <QueryState query={messagesQ} />
      <QueryState query={batchesQ} />
      {messagesQ.data && batchesQ.data && (
        <BatchHead {...{ caseId, batchId, batch, total, left, status }} report={setStatus} />
      )}
      <div className="batch-page">
        <BatchList
          {...{ caseId, messagesQ, messages, index, select, sources, toggleSource }}
          ready={batchesQ.data !== undefined}
        />
        <CodingSide
          message={selected}
          title={`${index + 1} of ${total}`}
          coding={coding}
          readOnly={readOnly}
          onSave={(d) => void saveSelected(d)}
        >
          {selected && <OpenInThread caseId={caseId} message={selected} />}
        </CodingSide>
      </div>
      {coding.conflictDialog && <ConflictDialog {...coding.conflictDialog} />}
    </section>
  );
}
