/**
 * Starting an analysis from the browser (issue 18.4) and following it: the run goes on the job queue
 * as `scrutineer analyse --queue` puts it (src/jobs), and a worker (`scrutineer worker`) runs the same
 * analysis as the CLI. The job is audited when queued and when it finishes.
 */
import { ErrorBody, CaseParams } from '../contract/schemas.js';
import * as W from '../contract/workspace-schemas.js';
import { ANALYSE, queueAnalysis } from '../jobs/index.js';
import type { Store } from '../store/open-store.js';
import type { JobRecord } from '../store/repositories/jobs.js';
import { caseFromParam, type CaseOf, type Route } from './api.js';

// A job that belongs to no case is no one's to see here (404).
const caseOfJob: CaseOf<{ jobId: number }> = async (store, p) =>
  (await store.jobs.get(p.jobId))?.caseId ?? null;

export const presentJob = (j: JobRecord): W.JobT => ({
  id: j.id,
  kind: j.kind,
  caseId: j.caseId,
  status: j.status,
  attempts: j.attempts,
  createdAt: j.createdAt,
  createdBy: j.createdBy,
  startedAt: j.startedAt,
  finishedAt: j.finishedAt,
  error: j.error,
});

export function registerAnalysisRoutes(route: Route, store: Store): void {
  route({
    method: 'POST',
    url: '/api/cases/:caseId/analyse',
    summary: 'Queue a new analysis run of the case (lead); a worker runs it as `scrutineer analyse` does',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: W.JobResponse, 403: ErrorBody },
    handler: async ({ caseId, session }) => ({
      job: presentJob(await queueAnalysis(store, caseId, session!.user.username)),
    }),
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/analyses',
    summary: "The case's analysis jobs, newest first: queued, running, done or failed",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: W.JobsResponse },
    handler: async ({ caseId }) => ({
      jobs: (await store.jobs.list({ caseId }))
        .filter((j) => j.kind === ANALYSE)
        .map(presentJob)
        .reverse(),
    }),
  });

  route({
    method: 'GET',
    url: '/api/jobs/:jobId',
    summary: "A job of a case the user can see: its status, attempts and the latest attempt's error",
    access: { kind: 'case', permission: 'read', caseOf: caseOfJob },
    params: W.JobParams,
    responses: { 200: W.JobResponse, 404: ErrorBody },
    handler: async ({ params }) => ({ job: presentJob((await store.jobs.get(params.jobId))!) }),
  });
}
