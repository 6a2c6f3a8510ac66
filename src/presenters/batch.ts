/**
 * The published shape of a review batch: `scrutineer batch … --json` and the API's `Batch` (docs/api.md)
 * are this one object, so a field added or renamed changes both.
 */
import { batchProgress } from '../review/batches.js';
import type { Store } from '../store/open-store.js';
import type { BatchRecord } from '../store/repositories/batches.js';

export async function presentBatch(store: Store, b: BatchRecord) {
  return {
    id: b.id,
    caseId: b.caseId,
    name: b.name,
    kind: b.kind,
    spec: b.spec,
    assignee: b.assignee,
    status: b.status,
    createdAt: b.createdAt,
    createdBy: b.createdBy,
    ...(await batchProgress(store, b)),
  };
}

export type PresentedBatch = Awaited<ReturnType<typeof presentBatch>>;
