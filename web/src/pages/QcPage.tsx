import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import {
  listQc,
  resolveQc,
  sampleQc,
  secondDecision,
  setQcShare,
  getQcAgreement,
  type QcItem,
} from '../api/qc';
import { DECISIONS, type Decision } from '@contract/coding';
import { senderLabel } from '@contract/sender-label';
import { MessageTime } from '../components/MessageTime';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';
import { decisionLabel } from '../lib/format';
import { href } from '../lib/router';
import { useSenderStyle } from '../lib/sender-colour';
import { roleAllows } from '@contract/roles';

const KEYS: Record<string, Decision> = { o: 'offensive', n: 'not_offensive', u: 'unsure' };

/**
 * Second review (QC). A reviewer codes, blind, the messages awaiting a second decision that are not
 * their own (the first decision is not sent to them); a lead resolves the disagreements, each shown
 * with both decisions and who made them, and sets the QC share.
 */
export function QcPage({ caseId }: { caseId: number }) {
  const { session } = useSession();
  const role = session?.user.role;
  const canCode = roleAllows(role, 'code');
  const isLead = roleAllows(role, 'lead');
  return (
    <section aria-labelledby="qc-title" className="qc-page">
      <h1 id="qc-title">Second review (QC)</h1>
      <p className="muted">
        Every offensive decision and a share of the others are coded again, blind, by someone else.
        Disagreements go to the case lead.
      </p>
      {canCode && <SecondReviewQueue caseId={caseId} seesCodes={isLead} />}
      {isLead && <ResolutionQueue caseId={caseId} />}
      {isLead && <QcSettings caseId={caseId} />}
    </section>
  );
}

function invalidateQc(qc: ReturnType<typeof useQueryClient>, caseId: number) {
  void qc.invalidateQueries({ queryKey: ['qc', caseId] });
  void qc.invalidateQueries({ queryKey: ['case', caseId] });
}

function SecondReviewQueue({ caseId, seesCodes }: { caseId: number; seesCodes: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['qc', caseId, 'secondable'],
    queryFn: () => listQc(caseId, { secondable: true }),
    staleTime: 0,
  });
  const items = q.data ?? [];
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState<string | null>(null);
  const m = useMutation({
    mutationFn: ({ item, decision }: { item: QcItem; decision: Decision }) =>
      secondDecision(item.id, decision),
    onSuccess: (item) => {
      setStatus(
        `Message ${item.seq + 1}: ${decisionLabel(item.secondDecision ?? '')} recorded; ` +
          (item.status === 'agreed'
            ? `agrees with ${item.firstBy}.`
            : `differs from ${item.firstBy} (${decisionLabel(item.firstDecision ?? '')}): sent to the lead.`),
      );
      invalidateQc(qc, caseId);
    },
    onError: (err) => setStatus(`Not saved: ${err instanceof Error ? err.message : String(err)}`),
  });
  const current = items[Math.min(selected, items.length - 1)];

  // The thread's keys: o / n / u decide the selected item, j / k move.
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const t = e.target as HTMLElement | null;
      if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA' || t.isContentEditable)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'j') setSelected((s) => Math.min(s + 1, Math.max(items.length - 1, 0)));
      else if (e.key === 'k') setSelected((s) => Math.max(s - 1, 0));
      else if (KEYS[e.key] && current && !m.isPending) m.mutate({ item: current, decision: KEYS[e.key]! });
      else return;
      e.preventDefault();
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [items.length, current, m]);

  return (
    <section className="panel" aria-labelledby="qc-second-title">
      <h2 id="qc-second-title">Awaiting your second review</h2>
      <p className="muted small">
        The first decision is hidden until you give yours. Keys: o offensive, n not offensive, u unsure; j / k
        next / previous.
      </p>
      {seesCodes && (
        <p className="muted small">
          As a lead you can see first decisions in the thread, so a second review by you is not blind; a
          reviewer's is.
        </p>
      )}
      <QueryState query={q} />
      <p aria-live="polite" className="muted" data-testid="qc-status">
        {status}
      </p>
      {q.data && items.length === 0 && <p>Nothing is waiting for your second review.</p>}
      <ol className="qc-list">
        {items.map((item, i) => (
          <li
            key={item.id}
            className={`qc-item${item === current ? ' selected' : ''}`}
            aria-current={item === current ? 'true' : undefined}
            aria-label={`Second review of message ${item.seq + 1}`}
            data-qc-id={item.id}
            onClick={() => setSelected(i)}
          >
            <QcMessage caseId={caseId} item={item} />
            <div className="qc-actions" role="group" aria-label="Your decision">
              {DECISIONS.map((d) => (
                <button
                  key={d}
                  type="button"
                  disabled={m.isPending}
                  onClick={() => m.mutate({ item, decision: d })}
                >
                  {decisionLabel(d)}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

function QcMessage({ caseId, item }: { caseId: number; item: QcItem }) {
  const msg = item.message;
  const style = useSenderStyle(msg.sender);
  return (
    <div className="qc-message">
      <span className="sender" style={{ color: style.colour }}>
        {senderLabel(msg.sender, msg.displayedAuthor)}
      </span>{' '}
      <MessageTime message={msg} withDate />{' '}
      <a
        href={href({ page: 'thread', caseId, conversationId: item.conversationId, seq: item.seq })}
        aria-label={`Message ${item.seq + 1} in context`}
      >
        in context
      </a>
      <div className="text">{msg.text}</div>
    </div>
  );
}

function ResolutionQueue({ caseId }: { caseId: number }) {
  const q = useQuery({
    queryKey: ['qc', caseId, 'disagreed'],
    queryFn: () => listQc(caseId, { status: 'disagreed' }),
    staleTime: 0,
  });
  const items = q.data ?? [];
  return (
    <section className="panel" aria-labelledby="qc-resolve-title">
      <h2 id="qc-resolve-title">Disagreements to resolve</h2>
      <QueryState query={q} />
      {q.data && items.length === 0 && <p>No disagreements are waiting.</p>}
      <ol className="qc-list">
        {items.map((item) => (
          <ResolveItem key={item.id} caseId={caseId} item={item} />
        ))}
      </ol>
    </section>
  );
}

function ResolveItem({ caseId, item }: { caseId: number; item: QcItem }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const m = useMutation({
    mutationFn: () => resolveQc(item.id, note),
    onSuccess: () => invalidateQc(qc, caseId),
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    if (note.trim()) m.mutate();
  }
  return (
    <li className="qc-item" aria-label={`Disagreement on message ${item.seq + 1}`} data-qc-id={item.id}>
      <QcMessage caseId={caseId} item={item} />
      <dl className="qc-decisions">
        <dt>First</dt>
        <dd data-testid="qc-first">
          {decisionLabel(item.firstDecision ?? '')} by {item.firstBy}
        </dd>
        <dt>Second</dt>
        <dd data-testid="qc-second">
          {decisionLabel(item.secondDecision ?? '')} by {item.secondBy}
        </dd>
      </dl>
      <form onSubmit={submit}>
        <label>
          Resolution note
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={2} required />
        </label>
        <button type="submit" disabled={m.isPending || !note.trim()}>
          Resolve
        </button>
        {m.error && (
          <span role="alert" className="error">
            {' '}
            Not resolved: {m.error.message}
          </span>
        )}
      </form>
      <p className="muted small">
        To change the code itself, open the message in context and recode it; the resolution note is kept with
        the QC item and in the audit trail.
      </p>
    </li>
  );
}

function QcSettings({ caseId }: { caseId: number }) {
  const qc = useQueryClient();
  const a = useQuery({ queryKey: ['qc', caseId, 'agreement'], queryFn: () => getQcAgreement(caseId) });
  const [percent, setPercent] = useState<string | null>(null);
  const [size, setSize] = useState('20');
  const [status, setStatus] = useState<string | null>(null);
  const share = useMutation({
    mutationFn: (p: number) => setQcShare(caseId, p / 100),
    onSuccess: (s) => {
      setStatus(`QC share set to ${Math.round(s * 1000) / 10}%.`);
      setPercent(null);
      invalidateQc(qc, caseId);
    },
    onError: (err) => setStatus(`Not saved: ${err.message}`),
  });
  const sample = useMutation({
    mutationFn: (n: number) => sampleQc(caseId, n),
    onSuccess: (added) => {
      setStatus(`${added} coded message${added === 1 ? '' : 's'} added to the queue.`);
      invalidateQc(qc, caseId);
    },
    onError: (err) => setStatus(`Not sampled: ${err.message}`),
  });
  const shown = percent ?? (a.data ? String(Math.round(a.data.share * 1000) / 10) : '');
  return (
    <section className="panel" aria-labelledby="qc-settings-title">
      <h2 id="qc-settings-title">QC rules</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const p = Number(shown);
          if (Number.isFinite(p) && p >= 0 && p <= 100) share.mutate(p);
        }}
      >
        <label>
          Share of other (not offensive) decisions sent to second review, %
          <input
            type="number"
            min={0}
            max={100}
            step={0.1}
            value={shown}
            onChange={(e) => setPercent(e.target.value)}
          />
        </label>{' '}
        <button type="submit" disabled={share.isPending}>
          Save share
        </button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(size);
          if (Number.isInteger(n) && n >= 1 && n <= 1000) sample.mutate(n);
        }}
      >
        <label>
          Draw a random sample of coded messages
          <input type="number" min={1} max={1000} value={size} onChange={(e) => setSize(e.target.value)} />
        </label>{' '}
        <button type="submit" disabled={sample.isPending}>
          Add sample
        </button>
      </form>
      <p aria-live="polite" className="muted">
        {status}
      </p>
    </section>
  );
}
