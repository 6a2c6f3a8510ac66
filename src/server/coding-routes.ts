/** Coding a message, marking a run "nothing of note", and a message's history (docs/api.md, "Coding"). */
import { markReviewed, setCode } from '../review/coding.js';
import { blindedAmong } from '../review/qc.js';
import type { Store } from '../store/open-store.js';
import { caseOfConversation, caseOfMessage, type Route } from './api.js';
import { presentCode } from '../presenters/message.js';
import * as S from '../contract/schemas.js';

export function registerCodingRoutes(route: Route, store: Store): void {
  route({
    method: 'PUT',
    url: '/api/messages/:messageId/code',
    summary: 'Code a message; baseVersion is the version seen (0 when uncoded); 409 on a newer version',
    access: { kind: 'case', permission: 'code', caseOf: caseOfMessage },
    params: S.MessageParams,
    body: S.CodeBody,
    responses: { 200: S.CodeResponse, 409: S.ConflictResponse },
    handler: async ({ params, body, session, caseId, reply }) => {
      const { baseVersion, ...values } = body;
      const result = await setCode(store, {
        user: session!.user,
        messageId: params.messageId,
        caseId,
        baseVersion,
        values,
      });
      if (result.ok) return { code: presentCode(result.code) };
      reply.status(409);
      if ('blind' in result) {
        return {
          error: {
            code: 'qc_pending',
            message: 'This message awaits a blind second review: give your decision on the QC page.',
          },
          current: null,
          yours: body,
        };
      }
      return {
        error: {
          code: 'conflict',
          message: result.current
            ? `Someone else coded this message (version ${result.current.version}, by ${result.current.by}) after version ${baseVersion}.`
            : `This message has no code yet, not version ${baseVersion}.`,
        },
        current: result.current ? presentCode(result.current) : null,
        yours: body,
      };
    },
  });

  route({
    method: 'POST',
    url: '/api/conversations/:conversationId/reviewed',
    summary: 'Mark messages fromSeq…toSeq "reviewed, nothing of note" (codes are untouched)',
    access: { kind: 'case', permission: 'code', caseOf: caseOfConversation },
    params: S.ConversationParams,
    body: S.ReviewedBody,
    responses: { 200: S.ReviewedResponse },
    handler: async ({ params, body, session, caseId }) => ({
      marked: await markReviewed(store, {
        user: session!.user,
        caseId,
        conversationId: params.conversationId,
        fromSeq: body.fromSeq,
        toSeq: body.toSeq,
      }),
    }),
  });

  route({
    method: 'GET',
    url: '/api/messages/:messageId/history',
    summary: "A message's coding history (audit trail)",
    access: { kind: 'case', permission: 'read', caseOf: caseOfMessage },
    params: S.MessageParams,
    responses: { 200: S.HistoryResponse },
    handler: async ({ params, session }) => {
      // While the user may give the blind second review, the coding and QC entries would show the
      // first decision: only the "nothing of note" marks are left.
      const blind = (await blindedAmong(store, session!.user, [params.messageId])).size > 0;
      const rows = await store.reviews.history(params.messageId);
      return {
        entries: rows
          .filter((h) => !blind || !(h.action === 'code.set' || h.action.startsWith('qc.')))
          .map((h) => ({
            at: h.at,
            actor: h.actor,
            action: h.action,
            detail: JSON.parse(h.detailJson) as unknown,
          })),
      };
    },
  });
}
