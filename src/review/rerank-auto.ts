/**
 * The automatic re-rank after coding (issue 14.3): once enough new decided codes exist since the
 * case's latest re-rank (`AUTO_RERANK_EVERY`), one `rerank` job is queued, unless one is already
 * queued or running for the case. The fit runs in a worker, never inside the coding request; the
 * ranking then changes between batches, not under a reviewer's cursor on every click.
 */
import { enqueueJob } from '../jobs/queue.js';
import type { Store } from '../store/open-store.js';
import type { JobRecord } from '../store/repositories/jobs.js';
import { RERANK } from './rerank-job.js';

/** New "offensive"/"not offensive" codes since the latest re-rank that make the next one due. */
export const AUTO_RERANK_EVERY = 20;

/** Queue a re-rank of the case when it is due; returns the job queued, or null. */
export async function queueRerankIfDue(
  store: Store,
  caseId: number,
  actor: string,
  every = AUTO_RERANK_EVERY,
): Promise<JobRecord | null> {
  if ((await store.rerankRuns.codesSinceLatest(caseId)) < every) return null;
  for (const status of ['queued', 'running'] as const) {
    const jobs = await store.jobs.list({ caseId, status });
    if (jobs.some((j) => j.kind === RERANK)) return null;
  }
  return enqueueJob(store, { kind: RERANK, caseId, payload: { caseId }, actor, maxAttempts: 2 });
}
