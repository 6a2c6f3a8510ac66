import { useQuery } from '@tanstack/react-query';
import { myQueue, queueKey } from '../api/batches';
import { BatchesAdmin } from '../components/BatchesAdmin';
import { CoverageBar } from '../components/CoverageBar';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';
import { count } from '../lib/format';
import { href } from '../lib/router';
import '../queue.css';
import { roleAllows } from '@contract/roles';

/** The reviewer's batches on this case with their progress; leads also make, assign and close batches. */
export function QueuePage({ caseId }: { caseId: number }) {
  const { session } = useSession();
  const role = session?.user.role;
  const q = useQuery({ queryKey: queueKey, queryFn: myQueue, staleTime: 0 });
  const mine = (q.data ?? []).filter((b) => b.caseId === caseId);
  return (
    <section aria-labelledby="queue-title">
      <h1 id="queue-title">My queue</h1>
      <QueryState query={q} />
      {q.data && mine.length === 0 && <p className="muted">No batches are assigned to you on this case.</p>}
      {mine.length > 0 && (
        <table className="table" aria-label="My batches">
          <thead>
            <tr>
              <th scope="col">Batch</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Messages
              </th>
              <th scope="col" className="num">
                Reviewed
              </th>
              <th scope="col" className="num">
                Left
              </th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {mine.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={href({ page: 'batch', caseId, batchId: b.id })}>{b.name}</a>
                </td>
                <td className={`status-${b.status}`}>{b.status}</td>
                <td className="num">{count(b.messages)}</td>
                <td className="num">{count(b.reviewed)}</td>
                <td className="num">{count(b.left)}</td>
                <td>
                  <CoverageBar coverage={b.coverage} label={`Progress of ${b.name}`} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {roleAllows(role, 'lead') && <BatchesAdmin caseId={caseId} />}
    </section>
  );
}
