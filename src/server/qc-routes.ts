/** The second-review (QC) routes (docs/api.md, "Second review"); the rules live in src/review/qc.ts. */
import type { z } from 'zod/v4';

import {
  blindTo,
  qcAgreement,
  resolveQc,
  sampleForQc,
  secondReview,
  setQcShare,
  type QcOutcome,
} from '../review/qc.js';
import type { Store } from '../store/open-store.js';
import type { QcDetailRecord } from '../store/repositories/qc.js';
import type { MessageWithRef } from '../store/repositories/messages.js';
import type { UserRecord } from '../store/repositories/users.js';
import { ApiError, caseFromParam, type CaseOf, type Route, type RouteDoc } from './api.js';
import { presentMessages } from '../presenters/message.js';
import * as Q from '../contract/qc-schemas.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';

const caseOfQc: CaseOf<{ qcId: number }> = async (store, p) => (await store.qc.get(p.qcId))?.caseId ?? null;

type QcItemT = z.infer<typeof Q.QcItem>;

function presentQc(q: QcDetailRecord, viewer: UserRecord): QcItemT {
  return {
    id: q.id,
    messageId: q.messageId,
    conversationId: q.conversationId,
    seq: q.seq,
    status: q.status,
    reason: blindTo(viewer, q) ? null : q.reason,
    firstBy: q.firstBy,
    firstVersion: q.firstVersion,
    // Never shown while pending, whoever asks: the queue itself must not unblind anyone.
    firstDecision: q.status === 'pending' ? null : (q.firstDecision as QcItemT['firstDecision']),
    secondBy: q.secondBy,
    secondDecision: q.secondDecision as QcItemT['secondDecision'],
    resolvedBy: q.resolvedBy,
    resolution: q.resolution,
    createdAt: q.createdAt,
    updatedAt: q.updatedAt,
  };
}

async function itemResult(store: Store, viewer: UserRecord, outcome: QcOutcome) {
  if (outcome.ok) {
    return { item: presentQc((await store.qc.get(outcome.item.id))!, viewer) };
  }
  if (outcome.reason === 'not_found') throw new ApiError(404, 'not_found', 'Not found.');
  if (outcome.reason === 'same_reviewer') {
    throw new ApiError(403, 'forbidden', 'A second review must be by someone other than the first reviewer.');
  }
  throw new ApiError(
    409,
    'conflict',
    'This QC item is not in a state for that (already reviewed or resolved).',
  );
}

/** The queue as `user` may see it: each item with its message, items whose message is gone left out. */
async function listQc(
  store: Store,
  caseId: number,
  query: z.infer<typeof Q.QcListQuery>,
  user: UserRecord,
): Promise<z.infer<typeof Q.QcListResponse>> {
  const items = await store.qc.list(caseId, {
    ...(query.secondable ? { status: 'pending' as const, notFirstUserId: user.id } : {}),
    ...(query.status !== undefined ? { status: query.status } : {}),
    limit: query.limit,
  });
  const rows = (await Promise.all(items.map((i) => store.threads.message(i.messageId)))).filter(
    (r): r is MessageWithRef => r !== null,
  );
  const messages = new Map((await presentMessages(store, caseId, rows, user)).map((m) => [m.id, m] as const));
  return {
    items: items.flatMap((i) => {
      const message = messages.get(i.messageId);
      return message ? [{ ...presentQc(i, user), message }] : [];
    }),
  };
}

export function registerQcRoutes(route: Route, store: Store, _docs: RouteDoc[]): void {
  route({
    method: 'POST',
    url: '/api/cases/:caseId/qc/sample',
    summary: 'Add a random sample of coded messages to the second-review queue (lead)',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: Q.QcSampleBody,
    responses: { 200: Q.QcSampleResponse },
    handler: async ({ caseId, body, session }) => ({
      added: await sampleForQc(store, { caseId, size: body.size, actor: session!.user.username }),
    }),
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/qc',
    summary:
      'The second-review queue with each message as the user may see it (first decisions only once the second is in)',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    query: Q.QcListQuery,
    responses: { 200: Q.QcListResponse },
    handler: async ({ caseId, query, session }) => listQc(store, caseId, query, session!.user),
  });

  route({
    method: 'POST',
    url: '/api/qc/:qcId/second',
    summary: 'Record the second decision (not by the first reviewer); agreed or disagreed',
    access: { kind: 'case', permission: 'code', caseOf: caseOfQc },
    params: Q.QcParams,
    body: Q.QcSecondBody,
    responses: { 200: Q.QcItemResponse, 403: ErrorBody, 409: ErrorBody },
    handler: async ({ params, body, session }) =>
      itemResult(
        store,
        session!.user,
        await secondReview(store, { id: params.qcId, user: session!.user, decision: body.decision }),
      ),
  });

  route({
    method: 'POST',
    url: '/api/qc/:qcId/resolve',
    summary: 'Resolve a disagreement (lead)',
    access: { kind: 'case', permission: 'lead', caseOf: caseOfQc },
    params: Q.QcParams,
    body: Q.QcResolveBody,
    responses: { 200: Q.QcItemResponse, 409: ErrorBody },
    handler: async ({ params, body, session }) =>
      itemResult(
        store,
        session!.user,
        await resolveQc(store, { id: params.qcId, user: session!.user, resolution: body.resolution }),
      ),
  });

  route({
    method: 'PUT',
    url: '/api/cases/:caseId/qc/settings',
    summary: 'Set the QC share: the fraction (0–1) of non-offensive decisions sent to second review (lead)',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: Q.QcSettingsBody,
    responses: { 200: Q.QcSettingsResponse },
    handler: async ({ caseId, body, session }) => {
      await setQcShare(store, { caseId, share: body.share, actor: session!.user.username });
      return { share: await store.qc.share(caseId) };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/qc/agreement',
    summary: "QC share, the queue by status, and Cohen's kappa per reviewer pair",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: Q.QcAgreementResponse },
    handler: async ({ caseId }) => qcAgreement(store, caseId),
  });
}
