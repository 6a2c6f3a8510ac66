/**
 * Review batches: a lead splits a case into named slices, each for one reviewer: a date range, a run
 * of one conversation, or the flagged messages above a score ("priority"). A batch stores only its
 * definition; its messages and progress are found from it when asked, so a batch made before a new
 * analysis run follows the latest run.
 */
import { z } from 'zod/v4';

import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { BatchRecord, ReviewSearch } from '../store/repositories/reviews.js';

const iso = z.iso.datetime({ offset: true }).transform((s) => new Date(s).toISOString());

export const BatchSpec = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('date_range'),
    from: iso,
    to: iso,
    conversationId: z.number().int().positive().optional(),
  }),
  z.object({
    kind: z.literal('conversation'),
    conversationId: z.number().int().positive(),
    fromSeq: z.number().int().min(0).optional(),
    toSeq: z.number().int().min(0).optional(),
  }),
  z.object({
    kind: z.literal('priority'),
    minScore: z.number().min(0).max(1),
    category: z.string().min(1).max(100).optional(),
  }),
]);
export type BatchSpecT = z.output<typeof BatchSpec>;

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
  let assigneeId: number | null = null;
  if (input.assignee !== null) {
    const user = await store.users.findByUsername(input.assignee);
    const member =
      user && (user.role === 'admin' || (await store.caseMembers.isMember(input.caseId, user.id)));
    if (!user || !member || user.role === 'readonly' || user.disabled) {
      throw new UserError(`"${input.assignee}" cannot review this case.`, { code: 'bad_batch' });
    }
    assigneeId = user.id;
  }
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
export async function batchProgress(
  store: Store,
  batch: BatchRecord,
): Promise<{ messages: number; reviewed: number; coverage: number }> {
  const run = await store.flags.run(batch.caseId);
  const counts = await store.reviews.searchCounts(batch.caseId, batchFilters(batch, run?.id ?? null));
  return { ...counts, coverage: counts.messages === 0 ? 0 : counts.reviewed / counts.messages };
}
