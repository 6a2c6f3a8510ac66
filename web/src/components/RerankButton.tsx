import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { rerankQueue } from '../api/batches';

/**
 * "Re-rank queue": the case's unreviewed messages re-ordered from its reviewers' codes now (the same
 * re-rank that runs by itself after every few coded messages); priority batches and "next flag"
 * follow it.
 */
export function RerankButton({ caseId }: { caseId: number }) {
  const qc = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: () => rerankQueue(caseId),
    onSuccess: (r) => {
      setMessage(
        `Re-ranked ${r.ranked} unreviewed messages from ${r.run.positives} offensive and ${r.run.negatives} not-offensive codes.`,
      );
      // Batch pages and "next flag" read the new order.
      void qc.invalidateQueries({ queryKey: ['batch-messages'] });
    },
    onError: (err: unknown) => setMessage(`Not done: ${err instanceof Error ? err.message : String(err)}`),
  });
  return (
    <p>
      <button type="button" onClick={() => run.mutate()} disabled={run.isPending}>
        {run.isPending ? 'Re-ranking…' : 'Re-rank queue'}
      </button>{' '}
      <span className="muted small" role="status" aria-live="polite">
        {message}
      </span>
    </p>
  );
}
