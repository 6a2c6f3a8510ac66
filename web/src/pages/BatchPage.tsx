export function BatchPage({ caseId, batchId }: { caseId: number; batchId: number }) {
  return (
    <h1>
      Batch {caseId} {batchId}
    </h1>
  );
}
