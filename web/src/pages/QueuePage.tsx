export function QueuePage({ caseId }: { caseId: number }) {
  return <h1>Queue {caseId}</h1>;
}
