/** "More like this" (issue 14.3, docs/flagger.md): messages of a case resembling one message. */

import { UserError } from '../domain/errors.js';
import { presentMessages } from '../presenters/message.js';
import { similarMessages } from '../review/similar.js';
import type { Store } from '../store/open-store.js';
import { ApiError, caseFromParam, type Route } from './api.js';
import { ErrorBody } from '../contract/schemas.js';
import { SimilarParams, SimilarQuery, SimilarResponse } from '../contract/similar-schemas.js';

export function registerSimilarRoutes(route: Route, store: Store): void {
  route({
    method: 'GET',
    url: '/api/cases/:caseId/messages/:id/similar',
    summary: 'More like this: messages of the case that resemble this one, most alike first',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: SimilarParams,
    query: SimilarQuery,
    responses: { 200: SimilarResponse, 404: ErrorBody },
    handler: async ({ params, query, caseId, session }) => {
      try {
        const out = await similarMessages(store, { caseId, messageId: params.id, limit: query.limit });
        // The messages themselves, so the web app can list them (sender, time, text) without a call each.
        const rows = await store.threads.messagesByIds(out.similar.map((s) => s.messageId));
        return { ...out, messages: await presentMessages(store, caseId, rows, session!.user) };
      } catch (error) {
        if (error instanceof UserError && error.details.code === 'no_message')
          throw new ApiError(404, 'not_found', error.message);
        throw error;
      }
    },
  });
}
