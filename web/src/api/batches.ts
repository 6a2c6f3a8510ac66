/** Review batches and the reviewer's queue (docs/api.md, "Batches and queues"). */
import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import { query, request } from './client';
import type { BatchSpecT } from '@contract/batch-spec';
import type * as S from '@contract/schemas';
import type { Message } from './types';

// The contract's shapes (src/contract), under the names the pages use.
export type Batch = S.BatchT;
export type QueueBatch = S.QueueResponseT['batches'][number];
export type CaseMember = S.MembersResponseT['members'][number];
/** One page of a batch; `next` (the last hit's id) asks for the following page, null on the last. */
export type BatchMessagesPage = S.BatchMessagesResponseT;
/** Coverage by whom and when: distinct messages each user has coded or marked reviewed. */
export type ReviewerCoverage = S.ReviewersResponseT['reviewers'][number];

export const queueKey = ['queue'] as const;
export const batchesKey = (caseId: number) => ['batches', caseId] as const;
export const batchMessagesKey = (batchId: number) => ['batch-messages', batchId] as const;

export async function myQueue(): Promise<readonly QueueBatch[]> {
  return (await request<{ batches: QueueBatch[] }>('GET', '/api/me/batches')).batches;
}

export async function listBatches(caseId: number): Promise<readonly Batch[]> {
  return (await request<{ batches: Batch[] }>('GET', `/api/cases/${caseId}/batches`)).batches;
}

export async function caseMembers(caseId: number): Promise<readonly CaseMember[]> {
  return (await request<{ members: CaseMember[] }>('GET', `/api/cases/${caseId}/members`)).members;
}

export async function createBatch(
  caseId: number,
  input: { name: string; spec: BatchSpecT; assignee: string | null },
): Promise<Batch> {
  return (await request<{ batch: Batch }>('POST', `/api/cases/${caseId}/batches`, input)).batch;
}

export async function assignBatch(batchId: number, assignee: string | null): Promise<Batch> {
  return (await request<{ batch: Batch }>('POST', `/api/batches/${batchId}/assign`, { assignee })).batch;
}

export async function closeBatch(batchId: number): Promise<Batch> {
  return (await request<{ batch: Batch }>('POST', `/api/batches/${batchId}/close`)).batch;
}

/** 409 `not_done` (with how many are left) while any message in it is unreviewed. */
export async function finishBatch(batchId: number): Promise<Batch> {
  return (await request<{ batch: Batch }>('POST', `/api/batches/${batchId}/finish`)).batch;
}

/** Messages asked for at a time on the batch page: further pages load as the reviewer reaches them. */
export const BATCH_PAGE_SIZE = 100;

/**
 * One page of a batch's messages in the order it is worked: a priority batch highest flag score
 * first, the others in time order (the server orders and pages them; docs/api.md).
 */
export async function batchMessagesPage(
  batchId: number,
  after: number | null,
  limit = BATCH_PAGE_SIZE,
): Promise<BatchMessagesPage> {
  return request<BatchMessagesPage>('GET', `/api/batches/${batchId}/messages${query({ limit, after })}`);
}

/** Changes the loaded copies of a batch's messages in place (after coding or marking reviewed). */
export function updateCachedBatchMessages(
  qc: QueryClient,
  batchId: number,
  fn: (m: Message) => Message,
): void {
  qc.setQueryData<InfiniteData<BatchMessagesPage, number | null>>(batchMessagesKey(batchId), (old) =>
    old ? { ...old, pages: old.pages.map((p) => ({ ...p, hits: p.hits.map(fn) })) } : old,
  );
}

/** Coverage by whom and when. */
export async function caseReviewers(caseId: number): Promise<readonly ReviewerCoverage[]> {
  return (await request<{ reviewers: ReviewerCoverage[] }>('GET', `/api/cases/${caseId}/reviewers`))
    .reviewers;
}

/** What a re-rank of the case from its reviewers' codes learned (POST /api/cases/:caseId/rerank). */
/** The contract's shape (src/contract/schemas.ts): the stored run, how many it ranked and the first few. */
export type RerankSummary = S.RerankResponseT;

export async function rerankQueue(caseId: number): Promise<RerankSummary> {
  return request<RerankSummary>('POST', `/api/cases/${caseId}/rerank`);
}
