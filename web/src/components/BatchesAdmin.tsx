import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  assignBatch,
  batchesKey,
  caseMembers,
  closeBatch,
  createBatch,
  listBatches,
  queueKey,
  type Batch,
} from '../api/batches';
import { getCase } from '../api/cases';
import type { BatchSpecT } from '@contract/batch-spec';
import { FLAG_CATEGORIES } from '@contract/coding';
import type { BatchKind } from '@contract/review-words';
import { categoryLabel, count } from '../lib/format';
import { href } from '../lib/router';
import { CoverageBar } from './CoverageBar';
import { QueryState } from './QueryState';

const KIND_LABEL: Record<BatchKind, string> = {
  conversation: 'Messages of a conversation',
  date_range: 'Date range',
  priority: 'Priority: flagged at or above a score',
};

/** "2021-03-01" → the instant that day starts (UTC); an end date is taken inclusively (the next day). */
function dayStart(date: string, plusDays = 0): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d.toISOString();
}

function describeSpec(b: Batch, conversations: ReadonlyMap<number, string>): string {
  const s = b.spec;
  const conv = (id: unknown) => conversations.get(Number(id)) ?? `conversation ${String(id)}`;
  if (b.kind === 'conversation') {
    const range =
      s.fromSeq !== undefined || s.toSeq !== undefined
        ? `, messages ${s.fromSeq === undefined ? 1 : Number(s.fromSeq) + 1}–${s.toSeq === undefined ? 'end' : Number(s.toSeq) + 1}`
        : '';
    return `${conv(s.conversationId)}${range}`;
  }
  if (b.kind === 'date_range') {
    const day = (x: unknown) => String(x).slice(0, 10);
    return `${day(s.from)} to before ${day(s.to)}${s.conversationId === undefined ? '' : ` in ${conv(s.conversationId)}`}`;
  }
  return `flag score ≥ ${String(s.minScore)}${s.category === undefined ? '' : `, ${categoryLabel(String(s.category))}`}`;
}

/** The lead's part of the queue page: split the case into batches, give them out, close them. */
export function BatchesAdmin({ caseId }: { caseId: number }) {
  const qc = useQueryClient();
  const batchesQ = useQuery({
    queryKey: batchesKey(caseId),
    queryFn: () => listBatches(caseId),
    staleTime: 0,
  });
  const membersQ = useQuery({ queryKey: ['members', caseId], queryFn: () => caseMembers(caseId) });
  const caseQ = useQuery({ queryKey: ['case', caseId], queryFn: () => getCase(caseId) });
  const reviewers = (membersQ.data ?? []).filter((m) => m.role !== 'readonly');
  const conversations = caseQ.data?.conversations ?? [];
  const convNames = new Map(conversations.map((c) => [c.id, c.name]));

  const [name, setName] = useState('');
  const [kind, setKind] = useState<BatchKind>('conversation');
  const [conversationId, setConversationId] = useState('');
  const [fromNo, setFromNo] = useState('');
  const [toNo, setToNo] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [minScore, setMinScore] = useState('0.5');
  const [category, setCategory] = useState('');
  const [assignee, setAssignee] = useState('');
  const [message, setMessage] = useState<string | null>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: batchesKey(caseId) });
    void qc.invalidateQueries({ queryKey: queueKey });
  };
  const fail = (err: unknown) => setMessage(`Not done: ${err instanceof Error ? err.message : String(err)}`);

  const create = useMutation({
    mutationFn: (input: { name: string; spec: BatchSpecT; assignee: string | null }) =>
      createBatch(caseId, input),
    onSuccess: (b) => {
      setMessage(`Batch "${b.name}" made: ${b.messages} messages${b.assignee ? ` for ${b.assignee}` : ''}.`);
      setName('');
      refresh();
    },
    onError: fail,
  });
  const assign = useMutation({
    mutationFn: (v: { id: number; assignee: string | null }) => assignBatch(v.id, v.assignee),
    onSuccess: (b) => {
      setMessage(`"${b.name}" is now ${b.assignee ? `${b.assignee}'s` : 'nobody’s'}.`);
      refresh();
    },
    onError: fail,
  });
  const close = useMutation({
    mutationFn: (id: number) => closeBatch(id),
    onSuccess: (b) => {
      setMessage(`"${b.name}" closed.`);
      refresh();
    },
    onError: fail,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const conv = conversationId ? Number(conversationId) : undefined;
    let spec: BatchSpecT;
    if (kind === 'conversation') {
      if (conv === undefined) return setMessage('Choose a conversation.');
      spec = {
        kind,
        conversationId: conv,
        ...(fromNo ? { fromSeq: Math.max(0, Number(fromNo) - 1) } : {}),
        ...(toNo ? { toSeq: Math.max(0, Number(toNo) - 1) } : {}),
      };
    } else if (kind === 'date_range') {
      if (!fromDate || !toDate) return setMessage('Give both dates.');
      spec = {
        kind,
        from: dayStart(fromDate),
        to: dayStart(toDate, 1),
        ...(conv === undefined ? {} : { conversationId: conv }),
      };
    } else {
      spec = { kind, minScore: Number(minScore), ...(category ? { category } : {}) };
    }
    create.mutate({ name: name.trim(), spec, assignee: assignee || null });
  }

  return (
    <section className="panel" aria-labelledby="batches-title">
      <h2 id="batches-title">Batches</h2>
      <form className="batch-form" aria-label="New batch" onSubmit={submit}>
        <label>
          Name
          <input value={name} required maxLength={200} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Split by
          <select aria-label="Split by" value={kind} onChange={(e) => setKind(e.target.value as BatchKind)}>
            {(Object.keys(KIND_LABEL) as BatchKind[]).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'priority' && (
          <label>
            Conversation
            <select
              aria-label="Conversation"
              value={conversationId}
              onChange={(e) => setConversationId(e.target.value)}
            >
              <option value="">{kind === 'conversation' ? 'choose…' : 'any'}</option>
              {conversations.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name} ({count(c.messages)})
                </option>
              ))}
            </select>
          </label>
        )}
        {kind === 'conversation' && (
          <>
            <label>
              From message
              <input type="number" min={1} value={fromNo} onChange={(e) => setFromNo(e.target.value)} />
            </label>
            <label>
              To message
              <input type="number" min={1} value={toNo} onChange={(e) => setToNo(e.target.value)} />
            </label>
          </>
        )}
        {kind === 'date_range' && (
          <>
            <label>
              From date
              <input type="date" value={fromDate} onChange={(e) => setFromDate(e.target.value)} />
            </label>
            <label>
              To date (inclusive)
              <input type="date" value={toDate} onChange={(e) => setToDate(e.target.value)} />
            </label>
          </>
        )}
        {kind === 'priority' && (
          <>
            <label>
              Minimum score
              <input
                type="number"
                min={0}
                max={1}
                step={0.05}
                value={minScore}
                onChange={(e) => setMinScore(e.target.value)}
              />
            </label>
            <label>
              Category
              <select aria-label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
                <option value="">any</option>
                {FLAG_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {categoryLabel(c)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label>
          Assign to
          <select aria-label="Assign to" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
            <option value="">nobody yet</option>
            {reviewers.map((m) => (
              <option key={m.username} value={m.username}>
                {m.username} ({m.role})
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending}>
          Make batch
        </button>
      </form>
      <p className="muted small" role="status" aria-live="polite">
        {message}
      </p>
      <QueryState query={batchesQ} />
      {batchesQ.data && batchesQ.data.length > 0 && (
        <table className="table" aria-label="All batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Messages chosen</th>
              <th scope="col">Assignee</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Left
              </th>
              <th scope="col">Progress</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {batchesQ.data.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={href({ page: 'batch', caseId, batchId: b.id })}>{b.name}</a>
                </td>
                <td className="small">{describeSpec(b, convNames)}</td>
                <td>
                  <select
                    aria-label={`Assignee of ${b.name}`}
                    value={b.assignee ?? ''}
                    disabled={b.status === 'closed' || assign.isPending}
                    onChange={(e) => assign.mutate({ id: b.id, assignee: e.target.value || null })}
                  >
                    <option value="">nobody</option>
                    {b.assignee && !reviewers.some((m) => m.username === b.assignee) && (
                      <option value={b.assignee}>{b.assignee}</option>
                    )}
                    {reviewers.map((m) => (
                      <option key={m.username} value={m.username}>
                        {m.username}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={`status-${b.status}`}>{b.status}</td>
                <td className="num">{count(b.left)}</td>
                <td>
                  <CoverageBar coverage={b.coverage} label={`Progress of ${b.name}`} />
                </td>
                <td>
                  {b.status !== 'closed' && (
                    <button
                      type="button"
                      disabled={close.isPending}
                      onClick={() => {
                        if (window.confirm(`Close "${b.name}"? It leaves every queue.`)) close.mutate(b.id);
                      }}
                    >
                      Close
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
