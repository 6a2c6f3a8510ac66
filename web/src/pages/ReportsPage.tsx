import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  getReport,
  listReports,
  reportFileUrl,
  reportKey,
  reportsKey,
  startReport,
  type Report,
  type ReportBody,
  type ReportFile,
} from '../api/reports';
import type { ReportKind } from '@contract/report-words';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';
import { count } from '../lib/format';
import { href } from '../lib/router';
import '../reports.css';
import { BundleOptions, ChargesOptions, RsmfOptions, UnusedOptions } from './ReportOptions';
import { roleAllows } from '@contract/roles';

const KINDS: readonly { kind: ReportKind; label: string; about: string }[] = [
  {
    kind: 'charges',
    label: 'Charge schedule',
    about: 'Counts per defendant with the message, time, exhibit, limitation date and verdict.',
  },
  {
    kind: 'unused',
    label: 'Unused-material schedule (MG6C)',
    about: 'Every message listed individually or in bulk, with the search-term report and review coverage.',
  },
  {
    kind: 'bundle',
    label: 'Evidence bundle',
    about:
      "One subject's conduct picture, charts and relevant messages with context, and the manifest (PDF).",
  },
  {
    kind: 'rsmf',
    label: 'RSMF export',
    about: 'RSMF 2.0 for other review tools: the whole case, a conversation, a date range or the flag hits.',
  },
];

const kindLabel = (k: ReportKind): string => KINDS.find((x) => x.kind === k)?.label ?? k;

export function formatBytes(n: number): string {
  if (n < 1024) return `${count(n)} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB (${count(n)} bytes)`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB (${count(n)} bytes)`;
}

export function formatElapsed(ms: number): string {
  const s = Math.floor(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * Reports for the prosecutor, the panel and the defence (docs/reports.md), made on the server: the
 * lead chooses a report and its options, the page polls it every second (elapsed time, progress) and
 * then offers the file with its size and SHA-256. Every report and every download is audited.
 */
export function ReportsPage({ caseId }: { caseId: number }) {
  const { session } = useSession();
  const role = session?.user.role;
  const isLead = roleAllows(role, 'lead');
  const [current, setCurrent] = useState<string | null>(null);
  return (
    <section aria-labelledby="reports-title" className="reports-page">
      <p>
        <a href={href({ page: 'case', caseId })}>← Case dashboard</a>
      </p>
      <h1 id="reports-title">Reports</h1>
      {!isLead ? (
        <p role="alert">
          Reports are disclosure documents: only the case lead (or an administrator) makes them.
        </p>
      ) : (
        <>
          <p className="muted">
            The same reports as <code>scrutineer report</code>: the same inputs give the same file. Each
            report and each download is written to the audit trail under your name.
          </p>
          <ReportForm caseId={caseId} onStarted={setCurrent} />
          {current && <ReportStatus reportId={current} />}
          <RecentReports caseId={caseId} current={current} />
        </>
      )}
    </section>
  );
}

/** The choice of report, each with a line on what it holds. */
function ReportKindChoice({ kind, onChange }: { kind: ReportKind; onChange: (kind: ReportKind) => void }) {
  return (
    <fieldset>
      <legend>Report</legend>
      {KINDS.map((k) => (
        <label key={k.kind} className="report-kind">
          <input
            type="radio"
            name="report-kind"
            value={k.kind}
            checked={kind === k.kind}
            onChange={() => onChange(k.kind)}
          />{' '}
          <strong>{k.label}</strong> <span className="muted small">{k.about}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ReportForm({ caseId, onStarted }: { caseId: number; onStarted: (id: string) => void }) {
  const qc = useQueryClient();
  const [kind, setKind] = useState<ReportKind>('charges');
  const [chargesFormat, setChargesFormat] = useState<'xlsx' | 'pdf'>('xlsx');
  const [today, setToday] = useState('');
  const [unusedFormat, setUnusedFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const [person, setPerson] = useState('');
  const [context, setContext] = useState(3);
  const [conversationId, setConversationId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [hits, setHits] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = useMutation({
    mutationFn: (body: ReportBody) => startReport(caseId, body),
    onSuccess: (r) => {
      setError(null);
      qc.setQueryData(reportKey(r.id), r);
      void qc.invalidateQueries({ queryKey: reportsKey(caseId) });
      onStarted(r.id);
    },
    onError: (e) => setError(e instanceof Error ? e.message : String(e)),
  });

  function body(): ReportBody | null {
    switch (kind) {
      case 'charges':
        return { kind, format: chargesFormat, ...(today ? { today } : {}) };
      case 'unused':
        return { kind, format: unusedFormat };
      case 'bundle':
        if (!person.trim()) {
          setError('Choose the subject of the bundle.');
          return null;
        }
        return { kind, person: person.trim(), context };
      case 'rsmf':
        return {
          kind,
          ...(conversationId ? { conversationId: Number(conversationId) } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          hits,
          context,
        };
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const b = body();
    if (b) start.mutate(b);
  }

  return (
    <form className="panel report-form" aria-labelledby="report-form-title" onSubmit={submit}>
      <h2 id="report-form-title">Make a report</h2>
      <ReportKindChoice
        kind={kind}
        onChange={(k) => {
          setKind(k);
          setError(null);
        }}
      />
      <fieldset>
        <legend>Options</legend>
        {kind === 'charges' && <ChargesOptions {...{ chargesFormat, setChargesFormat, today, setToday }} />}
        {kind === 'unused' && <UnusedOptions {...{ unusedFormat, setUnusedFormat }} />}
        {kind === 'bundle' && <BundleOptions {...{ caseId, person, setPerson, context, setContext }} />}
        {kind === 'rsmf' && (
          <RsmfOptions
            {...{
              caseId,
              conversationId,
              setConversationId,
              from,
              setFrom,
              to,
              setTo,
              hits,
              setHits,
              context,
              setContext,
            }}
          />
        )}
      </fieldset>
      <button type="submit" disabled={start.isPending}>
        {start.isPending ? 'Starting…' : 'Make report'}
      </button>
      {error && (
        <p role="alert" className="error">
          Not started: {error}
        </p>
      )}
    </form>
  );
}

function ReportStatus({ reportId }: { reportId: string }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: reportKey(reportId),
    queryFn: async () => {
      const r = await getReport(reportId);
      if (r.status !== 'running') void qc.invalidateQueries({ queryKey: reportsKey(r.caseId) });
      return r;
    },
    refetchInterval: (query) => (query.state.data?.status === 'running' ? 1000 : false),
    staleTime: 0,
  });
  const r = q.data;
  return (
    <section className="panel report-status" aria-labelledby="report-status-title" aria-live="polite">
      <h2 id="report-status-title">{r ? kindLabel(r.kind) : 'Report'}</h2>
      <QueryState query={q} />
      {r && <ReportState report={r} />}
    </section>
  );
}

function ReportState({ report: r }: { report: Report }) {
  if (r.status === 'running') {
    const p = r.progress;
    return (
      <div className="report-running" data-testid="report-running">
        <progress
          aria-label="Report progress"
          {...(p && p.total > 0 ? { value: p.done, max: p.total } : {})}
        />
        <p>
          Making the report… <span data-testid="report-elapsed">{formatElapsed(r.elapsedMs)}</span>
          {p && p.total > 0 && (
            <span className="muted">
              {' '}
              · {count(p.done)} of {count(p.total)} messages
            </span>
          )}
        </p>
      </div>
    );
  }
  if (r.status === 'failed') {
    return (
      <p role="alert" className="error">
        The report could not be made{r.error ? `: ${r.error.message}` : '.'} ({formatElapsed(r.elapsedMs)})
      </p>
    );
  }
  return (
    <div className="report-done" data-testid="report-done">
      <p>
        {r.summary} · made in {formatElapsed(r.elapsedMs)} by {r.by}
      </p>
      {r.file && <FileLink reportId={r.id} file={r.file} />}
      {r.parts.length > 0 && (
        <>
          <p className="muted small">Appendices:</p>
          {r.parts.map((f) => (
            <FileLink key={f.part} reportId={r.id} file={f} />
          ))}
        </>
      )}
      {r.expiresAt && (
        <p className="muted small">
          Kept on the server until {new Date(r.expiresAt).toLocaleTimeString('en-GB')}; its audit entry stays.
        </p>
      )}
    </div>
  );
}

function FileLink({ reportId, file }: { reportId: string; file: ReportFile }) {
  return (
    <dl className="report-file">
      <dt>File</dt>
      <dd>
        <a href={reportFileUrl(reportId, file.part)} download={file.name}>
          Download {file.name}
        </a>
      </dd>
      <dt>Size</dt>
      <dd>{formatBytes(file.bytes)}</dd>
      <dt>SHA-256</dt>
      <dd>
        <code className="sha256">{file.sha256}</code>
      </dd>
    </dl>
  );
}

function RecentReports({ caseId, current }: { caseId: number; current: string | null }) {
  const q = useQuery({ queryKey: reportsKey(caseId), queryFn: () => listReports(caseId), staleTime: 0 });
  const others = (q.data ?? []).filter((r) => r.id !== current);
  if (others.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="recent-reports-title">
      <h2 id="recent-reports-title">Recent reports of this case</h2>
      <p className="muted small">Kept on the server for 30 minutes after they are made.</p>
      <table className="reports-table">
        <thead>
          <tr>
            <th>Report</th>
            <th>By</th>
            <th>Started</th>
            <th>Status</th>
          </tr>
        </thead>
        <tbody>
          {others.map((r) => (
            <tr key={r.id}>
              <td>
                {kindLabel(r.kind)} ({r.format.toUpperCase()})
              </td>
              <td>{r.by}</td>
              <td>{new Date(r.startedAt).toLocaleTimeString('en-GB')}</td>
              <td>
                {r.status === 'done' && r.file ? (
                  <a href={reportFileUrl(r.id)} download={r.file.name}>
                    {r.file.name}
                  </a>
                ) : r.status === 'failed' ? (
                  <span className="error">failed: {r.error?.message}</span>
                ) : (
                  'running…'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
