/**
 * Review batches (an addition for leads to docs/api.md v1): named slices of a case for one reviewer
 * each. The rules and their audit entries live in src/review/batches.ts; the shape in src/presenters/batch.ts.
 */
import { visibleCaseIds } from '../review/access.js';
import {
  batchMessages,
  closeBatch,
  createBatch,
  finishBatch,
  reassignBatch,
  type BatchOutcome,
} from '../review/batches.js';
import { rerankCase } from '../review/rerank.js';
import { presentBatch } from '../presenters/batch.js';
import type { Store } from '../store/open-store.js';
import { ApiError, caseFromParam, type CaseOf, type Route } from './api.js';
import { presentMessages } from '../presenters/message.js';
import * as S from '../contract/schemas.js';

const caseOfBatch: CaseOf<{ batchId: number }> = async (store, p) =>
  (await store.batches.get(p.batchId))?.caseId ?? null;

async function batchResult(store: Store, outcome: BatchOutcome) {
  if (outcome.ok) return { batch: await presentBatch(store, outcome.batch) };
  if (outcome.reason === 'not_assignee') {
    throw new ApiError(
      403,
      'forbidden',
      'Only the reviewer the batch is assigned to (or a lead) can finish it.',
    );
  }
  if (outcome.reason === 'closed') throw new ApiError(409, 'conflict', 'This batch is closed.');
  throw new ApiError(
    409,
    'not_done',
    `${outcome.left} message${outcome.left === 1 ? ' is' : 's are'} not reviewed yet in this batch.`,
    { left: outcome.left },
  );
}

/** Making, listing and reading batches, the user's queue, and the re-rank priority batches follow. */
export function registerBatchRoutes(route: Route, store: Store): void {
  route({
    method: 'POST',
    url: '/api/cases/:caseId/batches',
    summary: 'Create a review batch (lead): a date range, a conversation run, or flagged messages by score',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: S.CaseParams,
    body: S.BatchBody,
    responses: { 200: S.BatchResponse, 400: S.ErrorBody },
    handler: async ({ caseId, body, session }) => {
      const batch = await createBatch(store, {
        caseId,
        name: body.name,
        spec: body.spec,
        assignee: body.assignee,
        actor: session!.user.username,
      });
      return { batch: await presentBatch(store, batch) };
    },
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/rerank',
    summary:
      "Re-rank the case's unreviewed messages from its reviewers' codes (stored and audited); priority batches follow the latest re-rank",
    // Whoever may code the case may ask for its ranking to learn from the codes (reviewers and leads).
    access: { kind: 'case', permission: 'code', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.RerankResponse },
    handler: async ({ caseId, session }) => rerankCase(store, { caseId, actor: session!.user.username }),
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/batches',
    summary: "A case's review batches with their progress",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: S.CaseParams,
    responses: { 200: S.BatchesResponse },
    handler: async ({ caseId }) => {
      const batches = [];
      for (const b of await store.batches.list(caseId)) batches.push(await presentBatch(store, b));
      return { batches };
    },
  });

  route({
    method: 'GET',
    url: '/api/batches/:batchId/messages',
    summary:
      "A batch's messages, paged by after: a priority batch highest flag score first (ties in time order), the others in time order",
    access: { kind: 'case', permission: 'read', caseOf: caseOfBatch },
    params: S.BatchParams,
    query: S.BatchMessagesQuery,
    responses: { 200: S.BatchMessagesResponse },
    handler: async ({ params, query, caseId, session }) => {
      const batch = (await store.batches.get(params.batchId))!;
      const { rows, next } = await batchMessages(store, batch, {
        limit: query.limit,
        ...(query.after === undefined ? {} : { after: query.after }),
      });
      return { hits: await presentMessages(store, caseId, rows, session!.user), next };
    },
  });

  route({
    method: 'GET',
    url: '/api/me/batches',
    summary: "The user's queue: batches assigned to them (not closed) with progress",
    access: { kind: 'user' },
    responses: { 200: S.QueueResponse },
    handler: async ({ session }) => {
      const visible = await visibleCaseIds(store, session!.user);
      const names = new Map((await store.cases.list()).map((c) => [c.id, c.name]));
      const batches = [];
      for (const b of await store.batches.listForAssignee(session!.user.id)) {
        // Someone taken off a case keeps no view of its batches.
        if (visible !== 'all' && !visible.includes(b.caseId)) continue;
        batches.push({ ...(await presentBatch(store, b)), caseName: names.get(b.caseId)! });
      }
      return { batches };
    },
  });
  registerBatchStateRoutes(route, store);
}

/** A batch changing hands or state: assigned, closed, finished. */
function registerBatchStateRoutes(route: Route, store: Store): void {
  route({
    method: 'POST',
    url: '/api/batches/:batchId/assign',
    summary: 'Give a batch to a case member who can review it, or to nobody (lead); 409 when closed',
    access: { kind: 'case', permission: 'lead', caseOf: caseOfBatch },
    params: S.BatchParams,
    body: S.BatchAssignBody,
    responses: { 200: S.BatchResponse, 400: S.ErrorBody, 409: S.ErrorBody },
    handler: async ({ params, body, session }) =>
      batchResult(
        store,
        await reassignBatch(store, {
          batch: (await store.batches.get(params.batchId))!,
          assignee: body.assignee,
          actor: session!.user.username,
        }),
      ),
  });

  route({
    method: 'POST',
    url: '/api/batches/:batchId/close',
    summary: 'Close a batch (lead): set aside, off every queue',
    access: { kind: 'case', permission: 'lead', caseOf: caseOfBatch },
    params: S.BatchParams,
    responses: { 200: S.BatchResponse },
    handler: async ({ params, session }) =>
      batchResult(
        store,
        await closeBatch(store, {
          batch: (await store.batches.get(params.batchId))!,
          actor: session!.user.username,
        }),
      ),
  });

  route({
    method: 'POST',
    url: '/api/batches/:batchId/finish',
    summary: 'Mark a batch finished (its assignee, or a lead); 409 naming how many messages are left',
    access: { kind: 'case', permission: 'code', caseOf: caseOfBatch },
    params: S.BatchParams,
    responses: { 200: S.BatchResponse, 403: S.ErrorBody, 409: S.ErrorBody },
    handler: async ({ params, session }) =>
      batchResult(
        store,
        await finishBatch(store, { batch: (await store.batches.get(params.batchId))!, user: session!.user }),
      ),
  });
}
