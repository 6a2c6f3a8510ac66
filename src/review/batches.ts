/**
 * Review batches: a lead splits a case into named slices, each for one reviewer: a date range, a run
 * of one conversation, or the flagged messages above a score ("priority"). A batch stores only its
 * definition; its messages and progress are found from it when asked, so a batch made before a new
 * analysis run follows the latest run.
 */
import type { BatchSpecT } from '../contract/batch-spec.js';
import { roleAllows } from '../contract/roles.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { BatchRecord, ReviewMessageRow, ReviewSearch } from '../store/repositories/reviews.js';
import type { UserRecord } from '../store/repositories/users.js';

/** The search filters that select a batch's messages. */
export function batchFilters(
  batch: Pick<BatchRecord, 'kind' | 'spec'>,
  runId: number | null,
): Omit<ReviewSearch, 'limit' | 'after'> {
  const spec = batch.spec as Record<string, unknown>;
  switch (batch.kind) {
    case 'date_range':
      return {
        from: spec.from as string,
        to: spec.to as string,
        ...(spec.conversationId === undefined ? {} : { conversationId: spec.conversationId as number }),
      };
    case 'conversation':
      return {
        conversationId: spec.conversationId as number,
        ...(spec.fromSeq === undefined ? {} : { fromSeq: spec.fromSeq as number }),
        ...(spec.toSeq === undefined ? {} : { toSeq: spec.toSeq as number }),
      };
    case 'priority':
      return {
        minScore: spec.minScore as number,
        ...(spec.category === undefined ? {} : { category: spec.category as string }),
        runId,
      };
  }
}

/**
 * How a batch is worked: a priority batch highest flag score first (ties in time order), or in the
 * order of the case's latest re-rank when it has one (see batchMessages); the others
 * in time order. Either way the order is total, so `after` (the last message id of a page) resumes
 * exactly where the page ended.
 */
export function batchOrder(batch: Pick<BatchRecord, 'kind'>): 'time' | 'score' {
  return batch.kind === 'priority' ? 'score' : 'time';
}

/** One page of a batch's messages, in the batch's order (see batchOrder), after the `after` message. */
export async function batchMessages(
  store: Store,
  batch: BatchRecord,
  page: { limit: number; after?: number },
): Promise<{ rows: ReviewMessageRow[]; next: number | null }> {
  const run = await store.flags.run(batch.caseId);
  // A priority batch follows the case's latest re-rank from its reviewers' codes, when there is one.
  const rerank = batch.kind === 'priority' ? await store.rerankRuns.latest(batch.caseId) : null;
  return store.reviews.search(batch.caseId, {
    ...batchFilters(batch, run?.id ?? null),
    order: batchOrder(batch),
    rerankId: rerank?.id ?? null,
    limit: page.limit,
    ...(page.after === undefined ? {} : { after: page.after }),
  });
}

/** The user id of someone who may review the case (null for nobody); refuses anyone else. */
async function reviewerId(store: Store, caseId: number, username: string | null): Promise<number | null> {
  if (username === null) return null;
  const user = await store.users.findByUsername(username);
  const member = user && (user.role === 'admin' || (await store.caseMembers.isMember(caseId, user.id)));
  if (!user || !member || user.role === 'readonly' || user.disabled) {
    throw new UserError(`"${username}" cannot review this case.`, { code: 'bad_batch' });
  }
  return user.id;
}

export async function createBatch(
  store: Store,
  input: { caseId: number; name: string; spec: BatchSpecT; assignee: string | null; actor: string },
): Promise<BatchRecord> {
  const { kind, ...spec } = input.spec;
  if ('conversationId' in spec && spec.conversationId !== undefined) {
    const conv = await store.conversations.get(spec.conversationId);
    if (!conv || conv.caseId !== input.caseId) {
      throw new UserError(`Conversation ${spec.conversationId} is not in this case.`, { code: 'bad_batch' });
    }
  }
  if (kind === 'date_range' && input.spec.kind === 'date_range' && input.spec.to <= input.spec.from) {
    throw new UserError('The batch ends before it starts.', { code: 'bad_batch' });
  }
  const assigneeId = await reviewerId(store, input.caseId, input.assignee);
  return store.transaction(async (repos) => {
    const batch = await repos.batches.create({
      caseId: input.caseId,
      name: input.name,
      kind,
      spec,
      assigneeId,
      createdBy: input.actor,
    });
    await repos.audit.append({
      actor: input.actor,
      action: 'batch.create',
      caseId: input.caseId,
      subject: `batch:${batch.id}`,
      detail: { name: batch.name, kind, spec, assignee: input.assignee },
    });
    return batch;
  });
}

/** A batch with its size and how much of it has been reviewed. */
export async function batchProgress(store: Store, batch: BatchRecord): Promise<BatchProgress> {
  const run = await store.flags.run(batch.caseId);
  const counts = await store.reviews.searchCounts(batch.caseId, batchFilters(batch, run?.id ?? null));
  return {
    ...counts,
    left: counts.messages - counts.reviewed,
    coverage: counts.messages === 0 ? 0 : counts.reviewed / counts.messages,
  };
}

export interface BatchProgress {
  readonly messages: number;
  readonly reviewed: number;
  readonly left: number;
  readonly coverage: number;
}

export type BatchOutcome =
  | { readonly ok: true; readonly batch: BatchRecord }
  | { readonly ok: false; readonly reason: 'closed' }
  | { readonly ok: false; readonly reason: 'not_assignee' }
  | { readonly ok: false; readonly reason: 'not_done'; readonly left: number };

/**
 * Give a batch to another reviewer (or to nobody). A closed batch stays closed: reopening work a
 * lead set aside is a new batch. A finished batch may be handed on (e.g. for a second look).
 */
export async function reassignBatch(
  store: Store,
  input: { batch: BatchRecord; assignee: string | null; actor: string },
): Promise<BatchOutcome> {
  if (input.batch.status === 'closed') return { ok: false, reason: 'closed' };
  const assigneeId = await reviewerId(store, input.batch.caseId, input.assignee);
  return store.transaction(async (repos) => {
    await repos.batches.setAssignee(input.batch.id, assigneeId);
    await repos.audit.append({
      actor: input.actor,
      action: 'batch.assign',
      caseId: input.batch.caseId,
      subject: `batch:${input.batch.id}`,
      detail: { from: input.batch.assignee, to: input.assignee },
    });
    return { ok: true, batch: (await repos.batches.get(input.batch.id))! };
  });
}

/** A lead sets a batch aside (whatever is left in it is no longer anyone's work). Closing twice is a no-op. */
export async function closeBatch(
  store: Store,
  input: { batch: BatchRecord; actor: string },
): Promise<BatchOutcome> {
  if (input.batch.status === 'closed') return { ok: true, batch: input.batch };
  const progress = await batchProgress(store, input.batch);
  return store.transaction(async (repos) => {
    await repos.batches.setStatus(input.batch.id, 'closed');
    await repos.audit.append({
      actor: input.actor,
      action: 'batch.close',
      caseId: input.batch.caseId,
      subject: `batch:${input.batch.id}`,
      detail: { from: input.batch.status, messages: progress.messages, left: progress.left },
    });
    return { ok: true, batch: (await repos.batches.get(input.batch.id))! };
  });
}

/**
 * The reviewer says their batch is done. Only its assignee (or a lead) may, and only when every
 * message in it has been reviewed by someone, so "finished" always means nothing is left.
 * Finishing a finished batch is a no-op.
 */
export async function finishBatch(
  store: Store,
  input: { batch: BatchRecord; user: UserRecord },
): Promise<BatchOutcome> {
  const { batch, user } = input;
  if (batch.status === 'closed') return { ok: false, reason: 'closed' };
  if (batch.assigneeId !== user.id && !roleAllows(user.role, 'lead')) {
    return { ok: false, reason: 'not_assignee' };
  }
  if (batch.status === 'finished') return { ok: true, batch };
  const progress = await batchProgress(store, batch);
  if (progress.left > 0) return { ok: false, reason: 'not_done', left: progress.left };
  return store.transaction(async (repos) => {
    await repos.batches.setStatus(batch.id, 'finished');
    await repos.audit.append({
      actor: user.username,
      action: 'batch.finish',
      caseId: batch.caseId,
      subject: `batch:${batch.id}`,
      detail: { messages: progress.messages },
    });
    return { ok: true, batch: (await repos.batches.get(batch.id))! };
  });
}
