import { useQuery } from '@tanstack/react-query';
import { batchesKey, caseReviewers, listBatches } from '../api/batches';
import { count } from '../lib/format';
import { href } from '../lib/router';
import { QueryState } from './QueryState';

/** What is left to review in the case's open batches, per reviewer and per batch (closed ones left out). */
export function BatchesSummary({ caseId }: { caseId: number }) {
  return (
    <section className="panel" aria-labelledby="left-title">
      <h2 id="left-title">Left to review in batches</h2>
      <BatchesBody caseId={caseId} />
      <h2 id="reviewers-title">Reviewed by whom</h2>
      <ReviewersBody caseId={caseId} />
    </section>
  );
}

/** Coverage by whom and when: each user's reviewed messages, first and last review (UTC). */
function ReviewersBody({ caseId }: { caseId: number }) {
  const q = useQuery({ queryKey: ['reviewers', caseId], queryFn: () => caseReviewers(caseId), staleTime: 0 });
  if (!q.data) return <QueryState query={q} />;
  if (q.data.length === 0) return <p className="muted">Nobody has reviewed a message yet.</p>;
  const when = (utc: string) => utc.replace('T', ' ').replace(/:\d{2}(\.\d+)?Z$/u, ' UTC');
  return (
    <table className="table" aria-labelledby="reviewers-title">
      <thead>
        <tr>
          <th scope="col">Reviewer</th>
          <th scope="col" className="num">
            Messages reviewed
          </th>
          <th scope="col">First</th>
          <th scope="col">Last</th>
        </tr>
      </thead>
      <tbody>
        {q.data.map((r) => (
          <tr key={r.username}>
            <td>{r.username}</td>
            <td className="num">{count(r.messages)}</td>
            <td className="small">{when(r.first)}</td>
            <td className="small">{when(r.last)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BatchesBody({ caseId }: { caseId: number }) {
  const q = useQuery({ queryKey: batchesKey(caseId), queryFn: () => listBatches(caseId), staleTime: 0 });
  if (!q.data) return <QueryState query={q} />;
  const live = q.data.filter((b) => b.status !== 'closed');
  if (live.length === 0) {
    return (
      <p className="muted">
        No batches yet. <a href={href({ page: 'queue', caseId })}>Queue</a>
      </p>
    );
  }
  const byReviewer = new Map<string, { batches: number; left: number }>();
  for (const b of live) {
    const k = b.assignee ?? '(unassigned)';
    const r = byReviewer.get(k) ?? { batches: 0, left: 0 };
    byReviewer.set(k, { batches: r.batches + 1, left: r.left + b.left });
  }
  return (
    <table className="table" aria-label="Left to review by reviewer">
      <thead>
        <tr>
          <th scope="col">Reviewer</th>
          <th scope="col" className="num">
            Batches
          </th>
          <th scope="col" className="num">
            Left to review
          </th>
          <th scope="col">Batches (left)</th>
        </tr>
      </thead>
      <tbody>
        {[...byReviewer].map(([who, r]) => (
          <tr key={who}>
            <td>{who}</td>
            <td className="num">{r.batches}</td>
            <td className="num">{count(r.left)}</td>
            <td className="small">
              {live
                .filter((b) => (b.assignee ?? '(unassigned)') === who)
                .map((b, i) => (
                  <span key={b.id}>
                    {i > 0 && ', '}
                    <a href={href({ page: 'batch', caseId, batchId: b.id })}>{b.name}</a> ({count(b.left)}
                    {b.status === 'finished' ? ', finished' : ''})
                  </span>
                ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
