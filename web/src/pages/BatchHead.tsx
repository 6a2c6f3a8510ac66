import { useQueryClient } from '@tanstack/react-query';
import { batchesKey, finishBatch, queueKey, type Batch } from '../api/batches';
import { ApiError } from '../api/client';
import type { Message } from '../api/types';
import { CoverageBar } from '../components/CoverageBar';
import { useSession } from '../hooks/session';
import { href } from '../lib/router';
import { roleAllows } from '@contract/roles';

/** A batch's size, what is left, its progress, "Finish batch" where allowed, and the last status line. */
export function BatchHead(props: {
  caseId: number;
  batchId: number;
  batch: Batch | undefined;
  total: number;
  left: number;
  status: string | null;
  report: (status: string) => void;
}) {
  const { caseId, batchId, batch, total, left, report } = props;
  const qc = useQueryClient();
  const { session } = useSession();
  const user = session?.user;
  const mayFinish =
    batch !== undefined &&
    batch.status === 'open' &&
    user?.role !== 'readonly' &&
    (batch.assignee === user?.username || roleAllows(user?.role, 'lead'));
  const priority = batch?.kind === 'priority';

  async function finish() {
    try {
      await finishBatch(batchId);
      report('Batch finished.');
      void qc.invalidateQueries({ queryKey: batchesKey(caseId) });
      void qc.invalidateQueries({ queryKey: queueKey });
    } catch (err) {
      report(err instanceof ApiError ? err.message : String(err));
    }
  }

  return (
    <div className="batch-head">
      <span>
        {total} messages{priority ? ', highest flag score first' : ''},{' '}
        <strong data-testid="batch-left">{left}</strong> left
        {batch && batch.status !== 'open' && (
          <span className={`status-${batch.status}`}> · {batch.status}</span>
        )}
      </span>
      <CoverageBar
        coverage={batch?.coverage ?? (total === 0 ? 0 : (total - left) / total)}
        label="Batch progress"
      />
      {mayFinish && (
        <button type="button" disabled={left > 0} onClick={() => void finish()}>
          Finish batch
        </button>
      )}
      <span className="muted small" role="status" aria-live="polite">
        {props.status}
      </span>
    </div>
  );
}

/** A link from a batch message to its place in its conversation. */
export function OpenInThread({ caseId, message }: { caseId: number; message: Message }) {
  return (
    <p className="small">
      <a href={href({ page: 'thread', caseId, conversationId: message.conversationId, seq: message.seq })}>
        Open in the thread (message {message.seq + 1})
      </a>
    </p>
  );
}
