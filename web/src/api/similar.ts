/** "More like this" (issue 14.3; docs/api.md, GET /api/cases/:caseId/messages/:id/similar). */
import { query, request } from './client';
import type { SimilarResponseT } from '@contract/similar-schemas';

export type SimilarResult = SimilarResponseT;

/** How many alike messages the panel lists (the server allows up to SIMILAR_LIMIT_MAX). */
export const SIMILAR_SHOWN = 20;

/** The case's messages most like this one, most alike first, each with the message as the user may see it. */
export function similarTo(caseId: number, messageId: number, limit = SIMILAR_SHOWN): Promise<SimilarResult> {
  return request<SimilarResult>(
    'GET',
    `/api/cases/${caseId}/messages/${messageId}/similar${query({ limit })}`,
  );
}
