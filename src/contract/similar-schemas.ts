/** "More like this" (GET /api/cases/:caseId/messages/:id/similar, docs/flagger.md). */
import { z } from 'zod/v4';

import { Message } from './schemas.js';

/** The most messages one look-up lists (API and `scrutineer similar --limit`). */
export const SIMILAR_LIMIT_MAX = 200;

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const SimilarParams = z.object({ caseId: id, id });
export const SimilarQuery = z.object({
  limit: z.coerce.number().int().min(1).max(SIMILAR_LIMIT_MAX).default(20),
});
export const SimilarResponse = z.object({
  messageId: z.number().int(),
  version: z.string(),
  /** Most alike first; the message itself and the contrast sample are not ranked. */
  similar: z.array(z.object({ messageId: z.number().int(), score: z.number() })),
  inputSha256: z.string(),
  messages: z
    .array(Message)
    .describe('the ranked messages as the user may see them, in the order of `similar` (API only)'),
});

export type SimilarResponseT = z.infer<typeof SimilarResponse>;
