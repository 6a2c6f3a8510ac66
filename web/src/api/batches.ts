/** Review batches and the reviewer's queue (docs/api.md, "Batches and queues"). */
import { query, request } from './client';
import type { Message, Role, SearchResult } from './types';

export type BatchKind = 'date_range' | 'conversation' | 'priority';
export type BatchStatus = 'open' | 'finished' | 'closed';

export type BatchSpec =
  | {
      readonly kind: 'date_range';
      readonly from: string;
      readonly to: string;
      readonly conversationId?: number;
    }
  | {
      readonly kind: 'conversation';
      readonly conversationId: number;
      readonly fromSeq?: number;
      readonly toSeq?: number;
    }
  | { readonly kind: 'priority'; readonly minScore: number; readonly category?: string };

export interface Batch {
  readonly id: number;
  readonly name: string;
  readonly kind: BatchKind;
  readonly spec: Readonly<Record<string, unknown>>;
  readonly assignee: string | null;
  readonly status: BatchStatus;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly messages: number;
  readonly reviewed: number;
  /** Messages in the batch that no one has reviewed yet. */
  readonly left: number;
  readonly coverage: number;
}

export interface QueueBatch extends Batch {
  readonly caseId: number;
  readonly caseName: string;
}

export interface CaseMember {
  readonly username: string;
  readonly role: Role;
}

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
  input: { name: string; spec: BatchSpec; assignee: string | null },
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

/** At most this many of a batch's messages are shown on one page: a batch is a day's work, not a case. */
export const BATCH_PAGE_CAP = 2000;

/** A batch's messages in time order (every page, up to BATCH_PAGE_CAP). */
export async function batchMessages(batchId: number): Promise<{ messages: Message[]; more: boolean }> {
  const messages: Message[] = [];
  let after: string | number | null = null;
  do {
    const page: SearchResult = await request<SearchResult>(
      'GET',
      `/api/batches/${batchId}/messages${query({ limit: 500, after })}`,
    );
    messages.push(...page.hits);
    after = page.next;
  } while (after !== null && messages.length < BATCH_PAGE_CAP);
  return { messages, more: after !== null };
}

export interface ReviewerCoverage {
  readonly username: string;
  /** Distinct messages this user has coded or marked reviewed. */
  readonly messages: number;
  readonly first: string;
  readonly last: string;
}

/** Coverage by whom and when. */
export async function caseReviewers(caseId: number): Promise<readonly ReviewerCoverage[]> {
  return (await request<{ reviewers: ReviewerCoverage[] }>('GET', `/api/cases/${caseId}/reviewers`))
    .reviewers;
}
