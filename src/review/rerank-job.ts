/**
 * The `rerank` job kind (issue 14.3): a re-rank of a case from its reviewers' codes, run by a worker
 * so that coding requests never wait for the fit. Queued automatically after coding
 * (`queueRerankIfDue` in rerank-auto.ts) or by hand (`scrutineer rerank`, the queue page's button
 * calls the route, which runs it at once). Kept apart from rerank-auto.ts so that the job kinds table
 * does not import the queue (which imports the kinds table).
 */
import { z } from 'zod/v4';

import { UserError } from '../domain/errors.js';
import type { JobContext } from '../jobs/kinds.js';
import { rerankCase } from './rerank.js';

export const RERANK = 'rerank';

const rerankPayload = z.object({ caseId: z.number().int().positive() });

export async function rerankHandler({ store, job }: JobContext): Promise<unknown> {
  const parsed = rerankPayload.safeParse(job.payload);
  if (!parsed.success)
    throw new UserError(
      `job ${job.id} (${job.kind}) has a payload this version cannot read: ${parsed.error.message}`,
      { code: 'bad_job_payload' },
    );
  const { caseId } = parsed.data;
  if (!(await store.cases.get(caseId)))
    throw new UserError(`case ${caseId} no longer exists`, { code: 'no_case' });
  const out = await rerankCase(store, { caseId, actor: job.createdBy });
  return {
    rerankRunId: out.run.id,
    positives: out.run.positives,
    negatives: out.run.negatives,
    ranked: out.ranked,
    rankingSha256: out.run.rankingSha256,
  };
}
