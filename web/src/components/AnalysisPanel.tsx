import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listAnalyses, startAnalysis } from '../api/workspace';
import { caseQueryKey } from '../lib/case-query';
import { QueryState } from './QueryState';

/**
 * Start an analysis from the browser (issue 18.4): it goes on the job queue, as `scrutineer analyse
 * --queue` puts it, and a worker runs it. The list follows the case's runs until they finish.
 */
export function AnalysisPanel({ caseId }: { caseId: number }) {
  const qc = useQueryClient();
  const key = ['analyses', caseId] as const;
  const jobs = useQuery({
    queryKey: key,
    queryFn: () => listAnalyses(caseId),
    // Follow an unfinished run; once every run is done or failed, stop asking.
    refetchInterval: (q) =>
      q.state.data?.some((j) => j.status === 'queued' || j.status === 'running') ? 2000 : false,
  });
  const start = useMutation({
    mutationFn: () => startAnalysis(caseId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key }),
  });
  const latestDone = jobs.data?.find((j) => j.status === 'done');
  return (
    <section className="panel" aria-labelledby="analysis-title">
      <h2 id="analysis-title">Analysis</h2>
      <p className="muted small">
        A new run flags every message with the current term list; earlier runs are kept. A worker (
        <code>scrutineer worker</code>) runs it.
      </p>
      <button type="button" onClick={() => start.mutate()} disabled={start.isPending}>
        Start analysis
      </button>
      {start.error && (
        <p role="alert" className="error">
          {start.error.message}
        </p>
      )}
      <QueryState query={jobs} />
      {jobs.data && jobs.data.length > 0 && (
        <ul className="jobs" aria-label="Analysis runs">
          {jobs.data.slice(0, 5).map((j) => (
            <li key={j.id}>
              Job {j.id}: <strong>{j.status}</strong>{' '}
              <span className="muted">
                queued by {j.createdBy} at {j.createdAt}
                {j.error ? `; ${j.error}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {latestDone && (
        <button type="button" onClick={() => void qc.invalidateQueries({ queryKey: caseQueryKey(caseId) })}>
          Refresh the figures
        </button>
      )}
    </section>
  );
}
