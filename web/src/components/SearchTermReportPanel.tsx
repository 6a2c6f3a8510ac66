import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  getSearchTermReport,
  listSearchTermReports,
  saveSearchTermReport,
  searchTermsKey,
} from '../api/search-terms';
import { QueryState } from './QueryState';
import { TermHitsTable } from './TermHitsTable';

/**
 * The case's term list as a search-term report (per term: hits, unique hits, reviewed hits), and
 * the reports saved in the case: the record of the search strategy. Each term opens its hits.
 */
export function SearchTermReportPanel({ caseId, canSave }: { caseId: number; canSave: boolean }) {
  const qc = useQueryClient();
  const live = useQuery({
    queryKey: [...searchTermsKey(caseId), 'report'],
    queryFn: () => getSearchTermReport(caseId),
  });
  const savedKey = [...searchTermsKey(caseId), 'saved'] as const;
  const saved = useQuery({ queryKey: savedKey, queryFn: () => listSearchTermReports(caseId) });
  const [note, setNote] = useState('');
  const save = useMutation({
    mutationFn: () => saveSearchTermReport(caseId, note.trim()),
    onSuccess: () => {
      setNote('');
      void qc.invalidateQueries({ queryKey: searchTermsKey(caseId) });
    },
  });
  const report = live.data;

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate();
  }

  return (
    <section className="panel search-term-report" aria-labelledby="term-report-title">
      <h2 id="term-report-title">Search-term report</h2>
      <QueryState query={live} />
      {report && report.termListVersion === null && (
        <p className="muted">
          This case has no term list yet: add terms with <code>scrutineer terms add</code>.
        </p>
      )}
      {report && report.termListVersion !== null && (
        <>
          <p className="muted small">
            Term list version {report.termListVersion}: {report.messagesHit} of {report.messagesInCase}{' '}
            messages hit by a term, {report.messagesHitReviewed} of them reviewed. The terms stay highlighted
            in the thread.
          </p>
          <TermHitsTable caseId={caseId} rows={report.rows} />
          {canSave && (
            <form className="term-report-save" onSubmit={submit}>
              <label>
                Note
                <input name="note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
              </label>
              <button type="submit" disabled={save.isPending}>
                Save report to the case
              </button>
              {save.isError && <span role="alert">Not saved: {(save.error as Error).message}</span>}
            </form>
          )}
        </>
      )}
      {saved.data && saved.data.length > 0 && (
        <>
          <h3>Saved reports</h3>
          <ol className="saved-term-reports" aria-label="Saved search-term reports">
            {saved.data.map((s) => (
              <li key={s.id}>
                Report {s.id}, {new Date(s.createdAt).toLocaleString('en-GB')} by {s.createdBy}
                {s.note ? `: ${s.note}` : ''} — {s.report.rows.length} terms, {s.report.messagesHit} messages
                hit <code title="SHA-256 of the saved report">{s.sha256.slice(0, 12)}…</code>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
