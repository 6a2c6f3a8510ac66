import { useMutation } from '@tanstack/react-query';
import { assignBatch, closeBatch, type Batch, type CaseMember } from '../api/batches';
import { categoryLabel, count } from '../lib/format';
import { href } from '../lib/router';
import { CoverageBar } from './CoverageBar';

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

/** Every batch of a case, with its assignee to change and a button to close it. */
export function BatchesTable(props: {
  caseId: number;
  batches: readonly Batch[];
  convNames: ReadonlyMap<number, string>;
  reviewers: readonly CaseMember[];
  report: (message: string) => void;
  fail: (err: unknown) => void;
  /** Called once a batch changes (the lists that show batches are refreshed). */
  onChanged: () => void;
}) {
  const { caseId, reviewers, report } = props;
  const assign = useMutation({
    mutationFn: (v: { id: number; assignee: string | null }) => assignBatch(v.id, v.assignee),
    onSuccess: (b) => {
      report(`"${b.name}" is now ${b.assignee ? `${b.assignee}'s` : 'nobody’s'}.`);
      props.onChanged();
    },
    onError: props.fail,
  });
  const close = useMutation({
    mutationFn: (id: number) => closeBatch(id),
    onSuccess: (b) => {
      report(`"${b.name}" closed.`);
      props.onChanged();
    },
    onError: props.fail,
  });

  return (
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
        {props.batches.map((b) => (
          <tr key={b.id}>
            <td>
              <a href={href({ page: 'batch', caseId, batchId: b.id })}>{b.name}</a>
            </td>
            <td className="small">{describeSpec(b, props.convNames)}</td>
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
  );
}
