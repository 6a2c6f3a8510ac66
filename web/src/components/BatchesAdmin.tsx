import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { batchesKey, caseMembers, listBatches, queueKey } from '../api/batches';
import { getCase } from '../api/cases';
import { BatchesTable } from './BatchesTable';
import { NewBatchForm } from './NewBatchForm';
import { QueryState } from './QueryState';

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
  const [message, setMessage] = useState<string | null>(null);

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: batchesKey(caseId) });
    void qc.invalidateQueries({ queryKey: queueKey });
  };
  const fail = (err: unknown) => setMessage(`Not done: ${err instanceof Error ? err.message : String(err)}`);

  return (
    <section className="panel" aria-labelledby="batches-title">
      <h2 id="batches-title">Batches</h2>
      <NewBatchForm {...{ caseId, conversations, reviewers, fail }} report={setMessage} onMade={refresh} />
      <p className="muted small" role="status" aria-live="polite">
        {message}
      </p>
      <QueryState query={batchesQ} />
      {batchesQ.data && batchesQ.data.length > 0 && (
        <BatchesTable
          {...{ caseId, convNames, reviewers, fail }}
          batches={batchesQ.data}
          report={setMessage}
          onChanged={refresh}
        />
      )}
    </section>
  );
}
