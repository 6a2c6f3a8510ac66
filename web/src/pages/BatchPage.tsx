import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  batchesKey,
  batchMessages,
  batchMessagesKey,
  finishBatch,
  listBatches,
  queueKey,
} from '../api/batches';
import { ApiError } from '../api/client';
import { markReviewed, saveCode } from '../api/coding';
import type { Code, CodeInput, Decision, Message } from '../api/types';
import { AuditTrail } from '../components/AuditTrail';
import { CodingPanel, draftFrom, type Draft } from '../components/CodingPanel';
import { ConflictDialog } from '../components/ConflictDialog';
import { CoverageBar } from '../components/CoverageBar';
import { FlagDetails } from '../components/FlagDetails';
import { MessageRow } from '../components/MessageRow';
import { QueryState } from '../components/QueryState';
import { SourceLine } from '../components/SourceLine';
import { useSession } from '../hooks/session';
import { useThreadKeys, type ThreadKey } from '../hooks/useThreadKeys';
import { decisionLabel } from '../lib/format';
import { href } from '../lib/router';
import '../queue.css';

const NO_TERMS: never[] = [];

interface Conflict {
  readonly message: Message;
  readonly current: Code;
  readonly yours: CodeInput;
}

/**
 * One batch's messages in time order (they may come from several conversations), coded by keyboard
 * as in the thread view: j/k move, o/n/u decide (n moves on), r marks "reviewed, nothing of note",
 * f goes to the next flagged message, s shows the source. "Finish batch" is offered once nothing is left.
 */
export function BatchPage({ caseId, batchId }: { caseId: number; batchId: number }) {
  const qc = useQueryClient();
  const { session } = useSession();
  const user = session?.user;
  const readOnly = user?.role === 'readonly';
  const batchesQ = useQuery({ queryKey: batchesKey(caseId), queryFn: () => listBatches(caseId) });
  const batch = batchesQ.data?.find((b) => b.id === batchId);
  const messagesQ = useQuery({ queryKey: batchMessagesKey(batchId), queryFn: () => batchMessages(batchId) });
  const priority = batch?.kind === 'priority';
  // A priority batch is worked highest flag score first; the others in time order, as the API gives them.
  const messages = useMemo(() => {
    const all = messagesQ.data?.messages ?? [];
    return priority ? [...all].sort((a, b) => (b.flag?.score ?? 0) - (a.flag?.score ?? 0)) : all;
  }, [messagesQ.data, priority]);

  const [index, setIndex] = useState(0);
  const selected: Message | undefined = messages[index];
  const [draft, setDraft] = useState<Draft>(() => draftFrom(null));
  const draftKey = `${selected?.id}:${selected?.code?.version ?? 0}`;
  useEffect(() => {
    setDraft(draftFrom(selected?.code ?? null));
    // The draft follows the selected message and its saved version only (draftKey).
  }, [draftKey]);
  const [status, setStatus] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [sources, setSources] = useState<ReadonlySet<number>>(new Set());

  const rows = useRef(new Map<number, HTMLDivElement>());
  const select = useCallback((i: number) => {
    setIndex(i);
    rows.current.get(i)?.scrollIntoView({ block: 'nearest' });
  }, []);

  const left = messages.filter((m) => !m.reviewed).length;

  /** Put a changed message into the batch's list, and let every figure that counts it refresh. */
  const applyMessage = useCallback(
    (changed: Message) => {
      qc.setQueryData<Awaited<ReturnType<typeof batchMessages>>>(batchMessagesKey(batchId), (old) =>
        old ? { ...old, messages: old.messages.map((m) => (m.id === changed.id ? changed : m)) } : old,
      );
      void qc.invalidateQueries({ queryKey: ['case', caseId] });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: batchesKey(caseId) });
      void qc.invalidateQueries({ queryKey: queueKey });
      void qc.invalidateQueries({ queryKey: ['reviewers', caseId] });
      void qc.invalidateQueries({ queryKey: ['window', changed.conversationId] });
      // A reviewer's code overrides the flagger in the conduct picture.
      void qc.invalidateQueries({ queryKey: ['conduct', caseId] });
    },
    [qc, caseId, batchId],
  );

  async function save(message: Message, input: CodeInput, baseVersion: number): Promise<boolean> {
    setSaving(true);
    try {
      const r = await saveCode(message.id, input, baseVersion);
      if (r.ok) {
        applyMessage({ ...message, code: r.code, reviewed: true });
        setConflict(null);
        return true;
      }
      setConflict({ message, current: r.conflict.current, yours: input });
      return false;
    } finally {
      setSaving(false);
    }
  }

  async function saveSelected(decision?: Decision, advance = false) {
    if (!selected || readOnly) return;
    const d = decision ?? draft.decision;
    if (!d) {
      setStatus('Choose a decision first (o, n or u).');
      return;
    }
    const input = { ...draft, decision: d };
    setDraft(input);
    try {
      if (await save(selected, input, selected.code?.version ?? 0)) {
        setStatus(`${index + 1} of ${messages.length}: ${decisionLabel(d)} saved`);
        if (advance && index + 1 < messages.length) select(index + 1);
      }
    } catch (err) {
      setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async function markSelected() {
    if (!selected || readOnly) return;
    try {
      await markReviewed(selected.conversationId, selected.seq, selected.seq);
      applyMessage({ ...selected, reviewed: true });
      setStatus(`${index + 1} of ${messages.length}: reviewed, nothing of note`);
      if (index + 1 < messages.length) select(index + 1);
    } catch (err) {
      setStatus(`Not marked: ${err instanceof Error ? err.message : String(err)}`);
    }
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

  const onKey = (k: ThreadKey) => {
    if (messages.length === 0) return;
    switch (k) {
      case 'next':
        return select(Math.min(messages.length - 1, index + 1));
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
      case 'flag': {
        const next = messages.findIndex((m, i) => i > index && m.flag?.flagged);
        if (next < 0) setStatus('No further flagged messages in this batch.');
        else select(next);
        return;
      }
      case 'source':
        return setSources((s) => {
          const n = new Set(s);
          if (selected && !n.delete(selected.id)) n.add(selected.id);
          return n;
        });
    }
  };
  useThreadKeys(onKey, !conflict);

  const mayFinish =
    batch !== undefined &&
    batch.status === 'open' &&
    !readOnly &&
    (batch.assignee === user?.username || user?.role === 'lead' || user?.role === 'admin');

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
            {messages.length} messages{priority ? ', highest flag score first' : ''},{' '}
            <strong data-testid="batch-left">{left}</strong> left
            {batch && batch.status !== 'open' && (
              <span className={`status-${batch.status}`}> · {batch.status}</span>
            )}
          </span>
          <CoverageBar
            coverage={messages.length === 0 ? 0 : (messages.length - left) / messages.length}
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
      {messagesQ.data?.more && (
        <p className="muted small">Only the first {messages.length} messages are shown; split this batch.</p>
      )}
      <div className="batch-page">
        <div className="batch-list" aria-label="Batch messages">
          {batchesQ.data &&
            messages.map((m, i) => (
              <div
                key={m.id}
                data-index={i}
                ref={(el) => {
                  if (el) rows.current.set(i, el);
                  else rows.current.delete(i);
                }}
              >
                <MessageRow
                  message={m}
                  selected={i === index}
                  showSource={sources.has(m.id)}
                  terms={NO_TERMS}
                  onSelect={() => select(i)}
                  onToggleSource={() =>
                    setSources((s) => {
                      const n = new Set(s);
                      if (!n.delete(m.id)) n.add(m.id);
                      return n;
                    })
                  }
                  onOpenQuote={() =>
                    window.location.assign(
                      href({ page: 'thread', caseId, conversationId: m.conversationId, seq: m.seq }),
                    )
                  }
                />
              </div>
            ))}
          {messagesQ.data && messages.length === 0 && <p className="muted">This batch has no messages.</p>}
        </div>
        <aside className="side" aria-label="Selected message">
          {selected ? (
            <>
              <h2>
                {index + 1} of {messages.length}
                {selected.sender ? ` from ${selected.sender}` : ''}
              </h2>
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
              <SourceLine message={selected} />
              <h3>Flag</h3>
              <FlagDetails message={selected} />
              <h3>Code</h3>
              <CodingPanel
                message={selected}
                draft={draft}
                readOnly={readOnly}
                saving={saving}
                status={null}
                onChange={setDraft}
                onSave={(d) => void saveSelected(d)}
              />
              <AuditTrail messageId={selected.id} version={selected.code?.version ?? 0} />
            </>
          ) : (
            <p className="muted">Select a message.</p>
          )}
        </aside>
      </div>
      {conflict && (
        <ConflictDialog
          current={conflict.current}
          yours={conflict.yours}
          onKeepCurrent={() => {
            applyMessage({ ...conflict.message, code: conflict.current, reviewed: true });
            setConflict(null);
            setStatus('Kept the saved version.');
          }}
          onUseMine={() => {
            void save(conflict.message, conflict.yours, conflict.current.version).then(
              (ok) => ok && setStatus('Your version saved.'),
            );
          }}
        />
      )}
    </section>
  );
}
